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

/* get_async/get_finish with another source object (refs and proxies use them). */
void         _pykka_future_get_async_full  (PykkaFuture         *self,
                                            gpointer             source_object,
                                            gpointer             source_tag,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
gboolean     _pykka_future_get_finish_full (GAsyncResult        *result,
                                            GValue              *value,
                                            GError             **error);

G_END_DECLS
