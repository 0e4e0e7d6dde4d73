/* pykka-value.c: helpers for the GValues that travel as messages and replies
 *
 * SPDX-FileCopyrightText: 2026 The pykka-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "pykka-glib.h"

/**
 * SECTION:pykka-value
 * @Title: Values
 * @Short_description: None and lists as GValues
 *
 * Messages, replies, arguments and attribute values are #GValues. Two conventions make them
 * work the same in every language:
 *
 * - "None" (Python's `None`, JavaScript's `null`) is a #GValue of type %G_TYPE_POINTER holding
 *   %NULL. The library never hands an uninitialised #GValue to a caller: a handler that leaves
 *   its reply unset replies None, and a failed call leaves None in its out value.
 * - A list (the value of pykka_future_join(), the input of pykka_future_filter() and
 *   pykka_future_reduce()) is a #GPtrArray whose elements are #GValue pointers, freed with the
 *   array. Inside a #GValue it is a %G_TYPE_PTR_ARRAY; the array is shared, not copied, so
 *   treat a list you did not create as read-only.
 *
 * For messages that cross languages, #GVariant is the recommended type: it is immutable and
 * thread-safe.
 */

/**
 * pykka_value_init_none:
 * @value: (out caller-allocates): an uninitialised #GValue
 *
 * Initialises @value to None: %G_TYPE_POINTER holding %NULL.
 *
 * Since: 0.1
 */
void
pykka_value_init_none (GValue *value)
{
  g_return_if_fail (value != NULL);
  g_return_if_fail (!G_IS_VALUE (value));

  g_value_init (value, G_TYPE_POINTER);
}

/**
 * pykka_value_is_none:
 * @value: a #GValue
 *
 * Tells whether @value is None.
 *
 * Returns: %TRUE if @value is None (%G_TYPE_POINTER holding %NULL)
 *
 * Since: 0.1
 */
gboolean
pykka_value_is_none (const GValue *value)
{
  g_return_val_if_fail (G_IS_VALUE (value), FALSE);

  return G_VALUE_HOLDS_POINTER (value) && g_value_get_pointer (value) == NULL;
}

static void
value_free (gpointer data)
{
  GValue *value = data;

  g_value_unset (value);
  g_free (value);
}

/**
 * pykka_value_list_new:
 *
 * Creates an empty list: a #GPtrArray that owns its #GValue elements.
 *
 * Returns: (transfer container) (element-type GValue): a new list
 *
 * Since: 0.1
 */
GPtrArray *
pykka_value_list_new (void)
{
  return g_ptr_array_new_with_free_func (value_free);
}

/**
 * pykka_value_list_append:
 * @list: (element-type GValue): a list from pykka_value_list_new()
 * @value: the value to append (copied)
 *
 * Appends a copy of @value to @list.
 *
 * Since: 0.1
 */
void
pykka_value_list_append (GPtrArray    *list,
                         const GValue *value)
{
  GValue *copy;

  g_return_if_fail (list != NULL);
  g_return_if_fail (G_IS_VALUE (value));

  copy = g_new0 (GValue, 1);
  g_value_init (copy, G_VALUE_TYPE (value));
  g_value_copy (value, copy);
  g_ptr_array_add (list, copy);
}

/**
 * pykka_value_init_list:
 * @value: (out caller-allocates): an uninitialised #GValue
 * @list: (transfer none) (element-type GValue): a list
 *
 * Initialises @value to hold @list (a new reference to it).
 *
 * Since: 0.1
 */
void
pykka_value_init_list (GValue    *value,
                       GPtrArray *list)
{
  g_return_if_fail (value != NULL);
  g_return_if_fail (!G_IS_VALUE (value));
  g_return_if_fail (list != NULL);

  g_value_init (value, G_TYPE_PTR_ARRAY);
  g_value_set_boxed (value, list);
}

/**
 * pykka_value_holds_list:
 * @value: a #GValue
 *
 * Tells whether @value holds a list.
 *
 * Returns: %TRUE if @value holds a list (a non-%NULL %G_TYPE_PTR_ARRAY)
 *
 * Since: 0.1
 */
gboolean
pykka_value_holds_list (const GValue *value)
{
  g_return_val_if_fail (G_IS_VALUE (value), FALSE);

  return G_VALUE_HOLDS (value, G_TYPE_PTR_ARRAY) && g_value_get_boxed (value) != NULL;
}

/**
 * pykka_value_get_list:
 * @value: a #GValue holding a list
 *
 * Gets the list held by @value, without copying it.
 *
 * Returns: (transfer none) (element-type GValue) (nullable): the list held by @value, or %NULL
 *   if it holds none
 *
 * Since: 0.1
 */
GPtrArray *
pykka_value_get_list (const GValue *value)
{
  g_return_val_if_fail (G_IS_VALUE (value), NULL);

  if (!G_VALUE_HOLDS (value, G_TYPE_PTR_ARRAY))
    return NULL;
  return g_value_get_boxed (value);
}
