/* pykka-value-private.h: fast paths for the GValues of messages
 *
 * SPDX-FileCopyrightText: 2026 The pykka-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <string.h>

#include "pykka-glib.h"

G_BEGIN_DECLS

/* Values of these fundamental types hold their data inline and own nothing, so a GValue of
 * them can be copied and dropped as plain memory, without GType's locks and lookups. Most
 * messages are such values. */
static inline gboolean
_pykka_value_type_is_plain (GType type)
{
  switch (type)
    {
    case G_TYPE_CHAR: case G_TYPE_UCHAR: case G_TYPE_BOOLEAN:
    case G_TYPE_INT: case G_TYPE_UINT: case G_TYPE_LONG: case G_TYPE_ULONG:
    case G_TYPE_INT64: case G_TYPE_UINT64: case G_TYPE_FLOAT: case G_TYPE_DOUBLE:
    case G_TYPE_POINTER:
      return TRUE;
    default:
      return FALSE;
    }
}

/* Whether @value was initialised (G_IS_VALUE () also validates the type, which costs a lookup
 * under a lock: too much for every message). */
#define _PYKKA_VALUE_IS_SET(value) (G_VALUE_TYPE (value) != G_TYPE_INVALID)

/* G_IS_VALUE (), cheap for plain values. */
static inline gboolean
_pykka_value_is_valid (const GValue *value)
{
  return value != NULL && (_pykka_value_type_is_plain (G_VALUE_TYPE (value)) || G_IS_VALUE (value));
}

/* Initialises @dest (zeroed or not) to a copy of @src. */
static inline void
_pykka_value_init_copy (GValue       *dest,
                        const GValue *src)
{
  if (_pykka_value_type_is_plain (G_VALUE_TYPE (src)))
    *dest = *src;
  else
    {
      /* @dest may be uninitialised memory; g_value_init () wants it zeroed. */
      memset (dest, 0, sizeof *dest);
      g_value_init (dest, G_VALUE_TYPE (src));
      g_value_copy (src, dest);
    }
}

/* g_value_unset () if @value is initialised. */
static inline void
_pykka_value_clear (GValue *value)
{
  if (_pykka_value_type_is_plain (G_VALUE_TYPE (value)))
    memset (value, 0, sizeof *value);
  else if (_PYKKA_VALUE_IS_SET (value))
    g_value_unset (value);
}

G_END_DECLS
