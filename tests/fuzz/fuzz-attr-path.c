/* fuzz-attr-path.c: libFuzzer target for attribute-path parsing and resolution
 *
 * The input is an attribute path (any bytes up to the first NUL, or one of the known names
 * with bytes appended). It goes through the splitter (checked against an independent model
 * of what a well-formed path is), the lookup of each name, the walk by type information and
 * the walk on objects, and the public proxy functions on a running actor: traverse, get_attr,
 * call, set_attr — which either work or fail with the documented error codes.
 *
 * SPDX-FileCopyrightText: 2026 The pykka-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <stdio.h>

#include "fuzz-common.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* The model: not empty, at most PYKKA_ATTR_PATH_MAX bytes, no empty name between dots. */
static gboolean
model_well_formed (const char *path)
{
  gsize length = strlen (path);

  if (length == 0 || length > PYKKA_ATTR_PATH_MAX)
    return FALSE;
  if (path[0] == '.' || path[length - 1] == '.' || strstr (path, "..") != NULL)
    return FALSE;
  return TRUE;
}

static void
check_split (const char *path)
{
  GError *error = NULL;
  guint n_parts = 0;
  char **parts = _pykka_attr_path_split (path, &n_parts, &error);

  fuzz_check ((parts != NULL) == model_well_formed (path));
  if (parts == NULL)
    {
      fuzz_check (g_error_matches (error, PYKKA_ERROR, PYKKA_ERROR_INVALID_ARGUMENT));
      /* The message quotes at most the start of the path. */
      fuzz_check (strlen (error->message) < 256 + 64);
      g_error_free (error);
      return;
    }
  fuzz_check (error == NULL);
  fuzz_check (n_parts >= 1 && n_parts == g_strv_length (parts));
  for (guint i = 0; i < n_parts; i++)
    fuzz_check (parts[i][0] != '\0' && strchr (parts[i], '.') == NULL);
  {
    char *joined = g_strjoinv (".", parts);

    fuzz_check (g_str_equal (joined, path));
    g_free (joined);
  }

  /* Each name: a method, a property, or nothing; never a name of PykkaActor or GObject. */
  for (guint i = 0; i < n_parts; i++)
    {
      PykkaAttr attr;

      if (_pykka_attr_lookup (FUZZ_TYPE_ACTOR, parts[i], &attr))
        {
          fuzz_check (attr.kind == PYKKA_ATTR_METHOD || attr.kind == PYKKA_ATTR_PROPERTY);
          if (attr.kind == PYKKA_ATTR_PROPERTY)
            fuzz_check (!g_type_is_a (PYKKA_TYPE_ACTOR, attr.pspec->owner_type));
        }
      else
        fuzz_check (attr.kind == PYKKA_ATTR_NONE);
    }

  /* The walks: on objects it can only get as far as by types. */
  {
    GType reached = _pykka_attr_walk_types (FUZZ_TYPE_ACTOR, parts, n_parts - 1, "owner",
                                            &error);
    GObject *object;

    if (reached == 0)
      {
        fuzz_check (g_error_matches (error, PYKKA_ERROR, PYKKA_ERROR_NO_SUCH_ATTRIBUTE) ||
                    g_error_matches (error, PYKKA_ERROR, PYKKA_ERROR_NOT_TRAVERSABLE));
        g_clear_error (&error);
      }
    object = _pykka_attr_walk_objects (G_OBJECT (fuzz_session.idle), parts, n_parts - 1,
                                       "owner", &error);
    if (object == NULL)
      {
        fuzz_check (g_error_matches (error, PYKKA_ERROR, PYKKA_ERROR_NO_SUCH_ATTRIBUTE) ||
                    g_error_matches (error, PYKKA_ERROR, PYKKA_ERROR_NOT_TRAVERSABLE));
        g_clear_error (&error);
      }
    else
      {
        fuzz_check (reached != 0);
        fuzz_check (g_type_is_a (G_OBJECT_TYPE (object), reached));
        g_object_unref (object);
      }
  }
  g_strfreev (parts);
}

static void
check_proxy (const char *path,
             guint8      what)
{
  PykkaActorProxy *proxy = fuzz_session.proxy;
  GError *error = NULL;

  if (what & 1)
    {
      PykkaActorProxy *nested = pykka_actor_proxy_traverse (proxy, path, &error);

      if (nested == NULL)
        {
          fuzz_check (fuzz_is_access_error (error));
          g_clear_error (&error);
        }
      else
        {
          char *text = pykka_actor_proxy_to_string (nested);
          char **names = pykka_actor_proxy_list_attrs (nested);

          fuzz_check (g_str_has_prefix (text, "<ActorProxy for "));
          g_free (text);
          g_strfreev (names);
          g_object_unref (nested);
        }
    }
  if (what & 2)
    {
      PykkaFuture *future = pykka_actor_proxy_get_attr (proxy, path, &error);

      if (future == NULL)
        fuzz_check (fuzz_is_access_error (error));
      else
        error = fuzz_future_error (future, NULL);
      if (error != NULL)
        fuzz_check (fuzz_is_access_error (error));
      g_clear_error (&error);
    }
  if (what & 4)
    {
      PykkaFuture *future = pykka_actor_proxy_call (proxy, path, NULL, 0, &error);

      if (future == NULL)
        fuzz_check (fuzz_is_access_error (error));
      else
        error = fuzz_future_error (future, NULL);
      if (error != NULL)
        fuzz_check (fuzz_is_access_error (error));
      g_clear_error (&error);
    }
  if (what & 8)
    {
      GValue value = G_VALUE_INIT;

      g_value_init (&value, G_TYPE_INT);
      g_value_set_int (&value, 3);
      if (!pykka_actor_proxy_set_attr (proxy, path, &value, &error))
        {
          fuzz_check (fuzz_is_access_error (error));
          g_clear_error (&error);
        }
      g_value_unset (&value);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  FuzzInput in = { data, size, 0 };
  guint8 mode;
  char *path;

  fuzz_session_get ();
  if (size == 0)
    return 0;
  mode = fuzz_u8 (&in);

  /* A known name and what follows, or the raw bytes. */
  if (mode & 0x80)
    {
      const char *name = fuzz_names[fuzz_u8 (&in) % G_N_ELEMENTS (fuzz_names)];
      char *rest = g_strndup ((const char *) data + in.pos, size - in.pos);

      path = g_strconcat (name, rest, NULL);
      g_free (rest);
    }
  else
    path = g_strndup ((const char *) data + in.pos, size - in.pos);

  /* Now and then a path just around the length limit. */
  if ((mode & 0x70) == 0x70 && path[0] != '\0')
    {
      GString *long_path = g_string_new (NULL);

      while (long_path->len < PYKKA_ATTR_PATH_MAX - 8)
        g_string_append (long_path, path);
      g_string_truncate (long_path, PYKKA_ATTR_PATH_MAX - 1 + (mode & 3));
      g_free (path);
      path = g_string_free (long_path, FALSE);
    }

  check_split (path);
  check_proxy (path, mode & 0x0f);
  g_free (path);
  return 0;
}
