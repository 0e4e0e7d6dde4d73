/* pykka-future-private.h: internal future helpers
 *
 * SPDX-FileCopyrightText: 2026 The pykka-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "pykka-glib.h"

G_BEGIN_DECLS

/* Completes @self with @value (moved out of it, left unset; NULL or uninitialised = None) or,
 * when @error is not NULL, with @error (taken). Returns FALSE if @self had a setter already. */
gboolean     _pykka_future_complete   (PykkaFuture *self,
                                       GValue      *value,
                                       GError      *error);

/* A new future that already failed with @error (taken). */
PykkaFuture *_pykka_future_new_failed (GError      *error);

void         _pykka_set_timeout_error (GError     **error,
                                       gint64       timeout_us);

G_END_DECLS
