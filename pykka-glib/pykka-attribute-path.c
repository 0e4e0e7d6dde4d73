/* pykka-attribute-path.c: resolving dotted attribute paths on GObjects
 *
 * SPDX-FileCopyrightText: 2026 The pykka-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "pykka-attribute-path-private.h"
#include "pykka-init-private.h"
#include "pykka-value-private.h"

static gboolean
is_plain (const char *attr_path)
{
  return attr_path[0] != '\0' && strchr (attr_path, '.') == NULL &&
         strlen (attr_path) <= PYKKA_ATTR_PATH_MAX;
}

const char *
_pykka_attr_path_parse (const char   *attr_path,
                        char       ***parts,
                        guint        *n_parts,
                        GError      **error)
{
  *parts = NULL;
  *n_parts = 1;
  /* The common case, a plain name, has nothing to split. */
  if (is_plain (attr_path))
    return attr_path;
  *parts = _pykka_attr_path_split (attr_path, n_parts, error);
  return *parts != NULL ? strrchr (attr_path, '.') + 1 : NULL;
}

char **
_pykka_attr_path_split (const char  *attr_path,
                        guint       *n_parts,
                        GError     **error)
{
  char **parts;
  guint n;

  if (is_plain (attr_path))
    {
      /* The common case, a plain name: no splitting. */
      parts = g_new (char *, 2);
      parts[0] = g_strdup (attr_path);
      parts[1] = NULL;
      *n_parts = 1;
      return parts;
    }
  if (attr_path[0] == '\0' || strlen (attr_path) > PYKKA_ATTR_PATH_MAX)
    goto malformed;
  parts = g_strsplit (attr_path, ".", -1);
  n = g_strv_length (parts);
  for (guint i = 0; i < n; i++)
    if (parts[i][0] == '\0')
      {
        g_strfreev (parts);
        goto malformed;
      }
  *n_parts = n;
  return parts;

malformed:
  {
    /* Quote at most 64 characters, as valid UTF-8. */
    g_autofree char *valid = g_utf8_make_valid (attr_path, MIN (strlen (attr_path), 256));
    g_autofree char *shown = g_utf8_substring (valid, 0, MIN (g_utf8_strlen (valid, -1), 64));

    g_set_error (error, PYKKA_ERROR, PYKKA_ERROR_INVALID_ARGUMENT,
                 _("“%s” is not a valid attribute path"), shown);
  }
  return NULL;
}

void
_pykka_set_no_attribute (GError     **error,
                         const char  *owner,
                         const char  *name)
{
  g_autofree char *valid = NULL;

  if (error == NULL)
    return;
  valid = g_utf8_make_valid (name, -1);
  g_set_error (error, PYKKA_ERROR, PYKKA_ERROR_NO_SUCH_ATTRIBUTE,
               _("%s has no attribute '%s'"), owner, valid);
}

/* GObject names: a letter, then letters, digits, '-' or '_'; '_' is spelled '-'. */
static gboolean
canonical_name (const char *name,
                char       *buffer,
                gsize       size)
{
  gsize i;

  if (!g_ascii_isalpha (name[0]))
    return FALSE;
  for (i = 0; name[i] != '\0'; i++)
    {
      if (i + 1 >= size)
        return FALSE;
      if (name[i] == '_')
        buffer[i] = '-';
      else if (g_ascii_isalnum (name[i]) || name[i] == '-')
        buffer[i] = name[i];
      else
        return FALSE;
    }
  buffer[i] = '\0';
  return TRUE;
}

/* What PykkaActor and GObject define is not an attribute. */
static gboolean
is_base_type (GType type)
{
  return g_type_is_a (PYKKA_TYPE_ACTOR, type);
}

/* Every proxy call looks its name up twice (by the caller, then by the actor), and a
 * g_signal_lookup () + g_signal_query () pair takes GLib's global signal lock twice. Each
 * thread keeps the names it found in a small direct-mapped cache. Only names that were found
 * are kept: a type's signals and properties, once there, stay. */
#define ATTR_CACHE_SIZE 64

typedef struct
{
  GType      type;
  char      *name;
  PykkaAttr  attr;
} AttrCacheEntry;

static void
attr_cache_free (gpointer data)
{
  AttrCacheEntry *entries = data;

  for (guint i = 0; i < ATTR_CACHE_SIZE; i++)
    g_free (entries[i].name);
  g_free (entries);
}

static GPrivate attr_cache = G_PRIVATE_INIT (attr_cache_free);

static AttrCacheEntry *
attr_cache_entry (GType       type,
                  const char *name)
{
  AttrCacheEntry *entries = g_private_get (&attr_cache);

  if G_UNLIKELY (entries == NULL)
    {
      entries = g_new0 (AttrCacheEntry, ATTR_CACHE_SIZE);
      g_private_set (&attr_cache, entries);
    }
  return &entries[(g_str_hash (name) ^ (guint) (type >> 2)) % ATTR_CACHE_SIZE];
}

static gboolean attr_lookup_uncached (GType       type,
                                      const char *name,
                                      PykkaAttr  *attr);

gboolean
_pykka_attr_lookup (GType       type,
                    const char *name,
                    PykkaAttr  *attr)
{
  AttrCacheEntry *entry = attr_cache_entry (type, name);

  if (entry->type == type && entry->name != NULL && strcmp (entry->name, name) == 0)
    {
      *attr = entry->attr;
      return TRUE;
    }
  if (!attr_lookup_uncached (type, name, attr))
    return FALSE;
  entry->type = type;
  g_free (entry->name);
  entry->name = g_strdup (name);
  entry->attr = *attr;
  return TRUE;
}

static gboolean
attr_lookup_uncached (GType       type,
                      const char *name,
                      PykkaAttr  *attr)
{
  char canonical[256];
  guint signal_id;

  attr->kind = PYKKA_ATTR_NONE;
  attr->pspec = NULL;
  if (!G_TYPE_IS_OBJECT (type) && !G_TYPE_IS_INTERFACE (type))
    return FALSE;
  if (!canonical_name (name, canonical, sizeof canonical))
    return FALSE;

  signal_id = g_signal_lookup (canonical, type);
  if (signal_id != 0)
    {
      g_signal_query (signal_id, &attr->query);
      if ((attr->query.signal_flags & G_SIGNAL_ACTION) != 0 && !is_base_type (attr->query.itype))
        {
          attr->kind = PYKKA_ATTR_METHOD;
          return TRUE;
        }
    }

  if (G_TYPE_IS_OBJECT (type))
    {
      GObjectClass *klass = g_type_class_ref (type);
      GParamSpec *pspec = g_object_class_find_property (klass, canonical);

      g_type_class_unref (klass);
      if (pspec != NULL && !is_base_type (pspec->owner_type))
        {
          attr->kind = PYKKA_ATTR_PROPERTY;
          attr->pspec = pspec;
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
is_object_type (GType type)
{
  return g_type_is_a (type, G_TYPE_OBJECT) || G_TYPE_IS_INTERFACE (type);
}

GType
_pykka_attr_walk_types (GType        type,
                        char       **parts,
                        guint        n_parts,
                        const char  *owner,
                        GError     **error)
{
  for (guint i = 0; i < n_parts; i++)
    {
      PykkaAttr attr;

      if (!_pykka_attr_lookup (type, parts[i], &attr))
        {
          _pykka_set_no_attribute (error, owner, parts[i]);
          return 0;
        }
      if (attr.kind != PYKKA_ATTR_PROPERTY || !is_object_type (attr.pspec->value_type) ||
          (attr.pspec->flags & G_PARAM_READABLE) == 0 ||
          g_type_is_a (attr.pspec->value_type, PYKKA_TYPE_ACTOR_PROXY))
        {
          g_set_error (error, PYKKA_ERROR, PYKKA_ERROR_NOT_TRAVERSABLE,
                       _("Attribute '%s' of %s is not traversable"), parts[i], owner);
          return 0;
        }
      type = attr.pspec->value_type;
    }
  return type;
}

GObject *
_pykka_attr_walk_objects (GObject     *root,
                          char       **parts,
                          guint        n_parts,
                          const char  *owner,
                          GError     **error)
{
  GObject *object = g_object_ref (root);

  for (guint i = 0; i < n_parts; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;
      PykkaAttr attr;
      GObject *next;

      if (!_pykka_attr_lookup (G_OBJECT_TYPE (object), parts[i], &attr))
        {
          _pykka_set_no_attribute (error, owner, parts[i]);
          g_object_unref (object);
          return NULL;
        }
      next = NULL;
      if (attr.kind == PYKKA_ATTR_PROPERTY && is_object_type (attr.pspec->value_type) &&
          (attr.pspec->flags & G_PARAM_READABLE) != 0)
        {
          g_value_init (&value, attr.pspec->value_type);
          g_object_get_property (object, attr.pspec->name, &value);
          next = g_value_get_object (&value);
        }
      g_object_unref (object);
      if (next == NULL || PYKKA_IS_ACTOR_PROXY (next) || !pykka_is_traversable (next))
        {
          g_set_error (error, PYKKA_ERROR, PYKKA_ERROR_NOT_TRAVERSABLE,
                       _("Attribute '%s' of %s is not traversable"), parts[i], owner);
          return NULL;
        }
      object = g_object_ref (next);
    }
  return object;
}

static GType
param_type (const PykkaAttr *attr,
            guint            i)
{
  return attr->query.param_types[i] & ~G_SIGNAL_TYPE_STATIC_SCOPE;
}

/* A method whose last parameter is a G_TYPE_POINTER is given a GError ** there, so that C
 * methods can fail; callers never fill that parameter. */
static gboolean
takes_error (const PykkaAttr *attr)
{
  return attr->query.n_params > 0 &&
         param_type (attr, attr->query.n_params - 1) == G_TYPE_POINTER;
}

static guint
n_method_args (const PykkaAttr *attr)
{
  return takes_error (attr) ? attr->query.n_params - 1 : attr->query.n_params;
}

static gboolean
is_nullable_type (GType type)
{
  return G_TYPE_IS_CLASSED (type) || G_TYPE_IS_INTERFACE (type) ||
         G_TYPE_FUNDAMENTAL (type) == G_TYPE_BOXED || G_TYPE_FUNDAMENTAL (type) == G_TYPE_POINTER ||
         G_TYPE_FUNDAMENTAL (type) == G_TYPE_STRING || G_TYPE_FUNDAMENTAL (type) == G_TYPE_VARIANT;
}

static gboolean
convertible (const GValue *src,
             GType         type)
{
  return g_value_type_compatible (G_VALUE_TYPE (src), type) ||
         (pykka_value_is_none (src) && is_nullable_type (type)) ||
         g_value_type_transformable (G_VALUE_TYPE (src), type);
}

static void
set_not_convertible (GError     **error,
                     const GValue *src,
                     GType         type,
                     const char   *name)
{
  g_set_error (error, PYKKA_ERROR, PYKKA_ERROR_INVALID_ARGUMENT,
               _("Cannot convert a value of type “%s” to “%s” for “%s”"),
               G_VALUE_TYPE_NAME (src), g_type_name (type), name);
}

gboolean
_pykka_value_convert (const GValue  *src,
                      GType          type,
                      GValue        *dest,
                      GError       **error)
{
  if (G_VALUE_TYPE (src) == type)
    {
      _pykka_value_init_copy (dest, src);
      return TRUE;
    }
  g_value_init (dest, type);
  if (g_value_type_compatible (G_VALUE_TYPE (src), type))
    {
      g_value_copy (src, dest);
      return TRUE;
    }
  if (pykka_value_is_none (src) && is_nullable_type (type))
    return TRUE;
  if (g_value_type_transformable (G_VALUE_TYPE (src), type) && g_value_transform (src, dest))
    return TRUE;
  g_value_unset (dest);
  set_not_convertible (error, src, type, "");
  return FALSE;
}

gboolean
_pykka_attr_check_args (const PykkaAttr  *attr,
                        const char       *name,
                        const GValue     *args,
                        guint             n_args,
                        GError          **error)
{
  g_assert (attr->kind == PYKKA_ATTR_METHOD);

  if (n_args != n_method_args (attr))
    {
      guint wanted = n_method_args (attr);

      g_set_error (error, PYKKA_ERROR, PYKKA_ERROR_INVALID_ARGUMENT,
                   g_dngettext (GETTEXT_PACKAGE, "Method “%s” takes %u argument, but %u were given",
                                "Method “%s” takes %u arguments, but %u were given", wanted),
                   name, wanted, n_args);
      return FALSE;
    }
  for (guint i = 0; i < n_args; i++)
    if (!convertible (&args[i], param_type (attr, i)))
      {
        set_not_convertible (error, &args[i], param_type (attr, i), name);
        return FALSE;
      }
  return TRUE;
}

gboolean
_pykka_attr_invoke (GObject          *target,
                    const PykkaAttr  *attr,
                    const char       *name,
                    const GValue     *args,
                    guint             n_args,
                    GValue           *result,
                    GError          **error)
{
  guint n_params = attr->query.n_params;
  GValue small_params[8];
  GValue *params;
  GValue return_value = G_VALUE_INIT;
  GType return_type = attr->query.return_type & ~G_SIGNAL_TYPE_STATIC_SCOPE;
  GError *call_error = NULL;
  gboolean ok = FALSE;

  if (!_pykka_attr_check_args (attr, name, args, n_args, error))
    return FALSE;

  /* Most methods take a few arguments: no allocation for them. */
  if (n_params + 1 <= G_N_ELEMENTS (small_params))
    params = memset (small_params, 0, (n_params + 1) * sizeof (GValue));
  else
    params = g_new0 (GValue, n_params + 1);
  g_value_init (&params[0], G_OBJECT_TYPE (target));
  g_value_set_object (&params[0], target);
  for (guint i = 0; i < n_args; i++)
    if (!_pykka_value_convert (&args[i], param_type (attr, i), &params[i + 1], NULL))
      {
        set_not_convertible (error, &args[i], param_type (attr, i), name);
        goto out;
      }
  if (takes_error (attr))
    {
      g_value_init (&params[n_params], G_TYPE_POINTER);
      g_value_set_pointer (&params[n_params], &call_error);
    }

  if (return_type != G_TYPE_NONE)
    g_value_init (&return_value, return_type);
  g_signal_emitv (params, attr->query.signal_id, 0, &return_value);

  if (call_error != NULL)
    {
      g_propagate_error (error, call_error);
      if (G_IS_VALUE (&return_value))
        g_value_unset (&return_value);
      goto out;
    }
  *result = return_value;
  ok = TRUE;

out:
  for (guint i = 0; i <= n_params; i++)
    _pykka_value_clear (&params[i]);
  if (params != small_params)
    g_free (params);
  return ok;
}
