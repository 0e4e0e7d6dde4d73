/* pykka-attribute-path-private.h: resolving dotted attribute paths on GObjects
 *
 * SPDX-FileCopyrightText: 2026 The pykka-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "pykka-glib.h"

G_BEGIN_DECLS

/* The longest attribute path accepted, in bytes. */
#define PYKKA_ATTR_PATH_MAX 1024

typedef enum
{
  PYKKA_ATTR_NONE,
  PYKKA_ATTR_METHOD,     /* an action signal */
  PYKKA_ATTR_PROPERTY,   /* a property */
} PykkaAttrKind;

typedef struct
{
  PykkaAttrKind  kind;
  GSignalQuery   query;  /* METHOD */
  GParamSpec    *pspec;  /* PROPERTY; borrowed from the class */
} PykkaAttr;

/* Checks @attr_path and returns its last name, which points into @attr_path (NULL with the
 * error of _pykka_attr_path_split () if it is malformed). A plain name is not split: @parts
 * is set to NULL and @n_parts to 1, and the name returned is @attr_path itself. Otherwise
 * @parts receives the split names (free with g_strfreev ()). */
const char  *_pykka_attr_path_parse     (const char       *attr_path,
                                         char           ***parts,
                                         guint            *n_parts,
                                         GError          **error);

/* Splits "a.b.c" into its names. Fails with PYKKA_ERROR_INVALID_ARGUMENT for an empty or
 * malformed path ("", "a..b", ".a", "a.") or one longer than PYKKA_ATTR_PATH_MAX. */
char       **_pykka_attr_path_split     (const char       *attr_path,
                                         guint            *n_parts,
                                         GError          **error);

/* Looks @name up on @type: an action signal or a property that @type adds to what
 * PykkaActor and GObject have. Never runs a getter. '_' and '-' are the same in names. */
gboolean     _pykka_attr_lookup         (GType             type,
                                         const char       *name,
                                         PykkaAttr        *attr);

/* Walks the first @n_parts names of @parts (which may be NULL when @n_parts is 0) as
 * traversals from @type, by type information alone; returns the type reached or 0 with
 * NO_SUCH_ATTRIBUTE or NOT_TRAVERSABLE.
 * @owner describes the start of the path in error messages. */
GType        _pykka_attr_walk_types     (GType             type,
                                         char            **parts,
                                         guint             n_parts,
                                         const char       *owner,
                                         GError          **error);

/* The same walk on objects (on the thread that owns @root): every object passed through must
 * be traversable. Returns (transfer full) the object reached. */
GObject     *_pykka_attr_walk_objects   (GObject          *root,
                                         char            **parts,
                                         guint             n_parts,
                                         const char       *owner,
                                         GError          **error);

/* Checks that @args fit the method @attr (count and types), without calling it. */
gboolean     _pykka_attr_check_args     (const PykkaAttr  *attr,
                                         const char       *name,
                                         const GValue     *args,
                                         guint             n_args,
                                         GError          **error);

/* Calls the method @attr of @target with @args; @result receives its return value (left
 * unset for a void method). */
gboolean     _pykka_attr_invoke         (GObject          *target,
                                         const PykkaAttr  *attr,
                                         const char       *name,
                                         const GValue     *args,
                                         guint             n_args,
                                         GValue           *result,
                                         GError          **error);

/* Converts @src into @dest, initialised here to @type. None converts to the empty value of
 * any pointer-like type. */
gboolean     _pykka_value_convert       (const GValue     *src,
                                         GType             type,
                                         GValue           *dest,
                                         GError          **error);

void         _pykka_set_no_attribute    (GError          **error,
                                         const char       *owner,
                                         const char       *name);

G_END_DECLS
