/* pykka-traversable.c: marking objects whose attributes proxies may reach
 *
 * SPDX-FileCopyrightText: 2026 The pykka-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "pykka-glib.h"

/**
 * SECTION:pykka-traversable
 * @Title: Traversable attributes
 * @Short_description: letting proxies reach into objects held by an actor
 *
 * A proxy reaches the methods and properties of the actor itself. To let it reach those of an
 * object the actor holds in a property (`proxy.playback.play()` in Pykka,
 * `pykka_actor_proxy_call (proxy, "playback.play", …)` here), mark that object traversable,
 * in any of Pykka's three ways:
 *
 * - one object: pykka_traversable() (Pykka's `traversable(obj)`);
 * - every object of a type and of its subtypes: pykka_traversable_type() (Pykka's class
 *   decorator);
 * - a type that implements the #PykkaTraversable interface (Pykka's
 *   `pykka_traversable = True` class attribute).
 *
 * Only objects held in properties are traversed; an object returned by a method is returned
 * by reference, as a value. Pykka's restriction on objects with `__slots__` has no GObject
 * equivalent and does not exist here.
 */

/**
 * PykkaTraversable:
 *
 * The instance type of the #PykkaTraversable marker interface.
 *
 * Since: 0.1
 */

G_DEFINE_INTERFACE (PykkaTraversable, pykka_traversable, G_TYPE_OBJECT)

static void
pykka_traversable_default_init (PykkaTraversableInterface *iface)
{
}

static GQuark
traversable_quark (void)
{
  static GQuark quark;

  if G_UNLIKELY (quark == 0)
    quark = g_quark_from_static_string ("pykka-traversable");
  return quark;
}

/**
 * pykka_traversable:
 * @object: a #GObject
 *
 * Marks @object as traversable: proxies may reach its methods and properties when an actor
 * holds it in a property.
 *
 * Returns: (transfer none): @object, so that the call can wrap a constructor
 *
 * Since: 0.1
 */
GObject *
pykka_traversable (GObject *object)
{
  g_return_val_if_fail (G_IS_OBJECT (object), NULL);

  g_object_set_qdata (object, traversable_quark (), GINT_TO_POINTER (TRUE));
  return object;
}

/**
 * pykka_traversable_type:
 * @type: a type derived from #GObject
 *
 * Marks every object of @type, and of the types derived from it, as traversable.
 *
 * Since: 0.1
 */
void
pykka_traversable_type (GType type)
{
  g_return_if_fail (g_type_is_a (type, G_TYPE_OBJECT));

  g_type_set_qdata (type, traversable_quark (), GINT_TO_POINTER (TRUE));
}

/**
 * pykka_is_traversable_type:
 * @type: a #GType
 *
 * Tells whether every object of @type is traversable.
 *
 * Returns: %TRUE if every object of @type is traversable: the type or one of its parents was
 *   given to pykka_traversable_type(), or it implements #PykkaTraversable
 *
 * Since: 0.1
 */
gboolean
pykka_is_traversable_type (GType type)
{
  if (g_type_is_a (type, PYKKA_TYPE_TRAVERSABLE))
    return TRUE;
  for (GType t = type; t != 0; t = g_type_parent (t))
    if (g_type_get_qdata (t, traversable_quark ()) != NULL)
      return TRUE;
  return FALSE;
}

/**
 * pykka_is_traversable:
 * @object: a #GObject
 *
 * Tells whether proxies may reach into @object when an actor holds it in a property.
 *
 * Returns: %TRUE if @object is traversable, by itself or by its type
 *
 * Since: 0.1
 */
gboolean
pykka_is_traversable (GObject *object)
{
  g_return_val_if_fail (G_IS_OBJECT (object), FALSE);

  return g_object_get_qdata (object, traversable_quark ()) != NULL ||
         pykka_is_traversable_type (G_OBJECT_TYPE (object));
}
