/* pykka-init.h: library initialisation and run-time version
 *
 * SPDX-FileCopyrightText: 2026 The pykka-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(PYKKA_GLIB_INSIDE) && !defined(PYKKA_COMPILATION)
#error "Only <pykka-glib/pykka-glib.h> can be included directly."
#endif

#include <glib.h>

#include <pykka-glib/pykka-version-macros.h>

G_BEGIN_DECLS

PYKKA_AVAILABLE_IN_ALL
void  pykka_init              (void);
PYKKA_AVAILABLE_IN_ALL
guint pykka_get_major_version (void) G_GNUC_CONST;
PYKKA_AVAILABLE_IN_ALL
guint pykka_get_minor_version (void) G_GNUC_CONST;
PYKKA_AVAILABLE_IN_ALL
guint pykka_get_micro_version (void) G_GNUC_CONST;

G_END_DECLS
