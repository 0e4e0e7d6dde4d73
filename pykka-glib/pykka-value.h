/* pykka-value.h: helpers for the GValues that travel as messages and replies
 *
 * SPDX-FileCopyrightText: 2026 The pykka-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(PYKKA_GLIB_INSIDE) && !defined(PYKKA_COMPILATION)
#error "Only <pykka-glib/pykka-glib.h> can be included directly."
#endif

#include <glib-object.h>

#include <pykka-glib/pykka-version-macros.h>

G_BEGIN_DECLS

PYKKA_AVAILABLE_IN_ALL
void       pykka_value_init_none   (GValue       *value);
PYKKA_AVAILABLE_IN_ALL
gboolean   pykka_value_is_none     (const GValue *value);
PYKKA_AVAILABLE_IN_ALL
GPtrArray *pykka_value_list_new    (void) G_GNUC_WARN_UNUSED_RESULT;
PYKKA_AVAILABLE_IN_ALL
void       pykka_value_list_append (GPtrArray    *list,
                                    const GValue *value);
PYKKA_AVAILABLE_IN_ALL
void       pykka_value_init_list   (GValue       *value,
                                    GPtrArray    *list);
PYKKA_AVAILABLE_IN_ALL
gboolean   pykka_value_holds_list  (const GValue *value);
PYKKA_AVAILABLE_IN_ALL
GPtrArray *pykka_value_get_list    (const GValue *value);

G_END_DECLS
