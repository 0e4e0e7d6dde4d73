/* pykka-debug.h: seeing what actors are doing
 *
 * SPDX-FileCopyrightText: 2026 The pykka-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(PYKKA_GLIB_INSIDE) && !defined(PYKKA_COMPILATION)
#error "Only <pykka-glib/pykka-glib.h> can be included directly."
#endif

#include <glib.h>

#include <pykka-glib/pykka-types.h>

G_BEGIN_DECLS

PYKKA_AVAILABLE_IN_ALL
void  pykka_debug_log_actor_states         (void);
PYKKA_AVAILABLE_IN_ALL
guint pykka_debug_install_signal_handler   (int signum);

G_END_DECLS
