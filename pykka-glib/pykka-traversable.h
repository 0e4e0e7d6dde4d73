/* pykka-traversable.h: marking objects whose attributes proxies may reach
 *
 * SPDX-FileCopyrightText: 2026 The pykka-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(PYKKA_GLIB_INSIDE) && !defined(PYKKA_COMPILATION)
#error "Only <pykka-glib/pykka-glib.h> can be included directly."
#endif

#include <glib-object.h>

#include <pykka-glib/pykka-types.h>

G_BEGIN_DECLS

#define PYKKA_TYPE_TRAVERSABLE (pykka_traversable_get_type ())

PYKKA_AVAILABLE_IN_ALL
G_DECLARE_INTERFACE (PykkaTraversable, pykka_traversable, PYKKA, TRAVERSABLE, GObject)

/**
 * PykkaTraversableInterface:
 * @g_iface: the parent interface
 *
 * A marker interface without methods: objects of a type that implements it are traversable.
 *
 * Since: 0.1
 */
struct _PykkaTraversableInterface
{
  GTypeInterface g_iface;
};

PYKKA_AVAILABLE_IN_ALL
GObject  *pykka_traversable         (GObject *object);
PYKKA_AVAILABLE_IN_ALL
void      pykka_traversable_type    (GType    type);
PYKKA_AVAILABLE_IN_ALL
gboolean  pykka_is_traversable      (GObject *object);
PYKKA_AVAILABLE_IN_ALL
gboolean  pykka_is_traversable_type (GType    type);

G_END_DECLS
