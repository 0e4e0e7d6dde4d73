/* pykka-init-private.h: internal initialisation helpers
 *
 * SPDX-FileCopyrightText: 2026 The pykka-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "config.h"

#include <glib/gi18n-lib.h>

#include "pykka-glib.h"

G_BEGIN_DECLS

/* Returns the gettext domain bound once (pykka_init ()); use it through _(). */
void _pykka_ensure_init (void);

G_END_DECLS
