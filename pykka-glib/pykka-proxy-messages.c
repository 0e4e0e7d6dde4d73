/* pykka-proxy-messages.c: the messages proxies send
 *
 * SPDX-FileCopyrightText: 2026 The pykka-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "pykka-glib.h"
#include "pykka-proxy-messages-private.h"
#include "pykka-value-private.h"

/**
 * SECTION:pykka-proxy-messages
 * @Title: Proxy messages
 * @Short_description: the messages behind proxy calls, for use with ask and tell
 *
 * A proxy turns each call into one of these immutable messages and sends it with
 * pykka_actor_ref_ask() or pykka_actor_ref_tell(). Code that makes the same call often can
 * build the message once and send it itself, skipping the proxy's checks (Pykka's "save the
 * proxy" advice). The actor handles them with #PykkaActorClass.call,
 * #PykkaActorClass.get_attr and #PykkaActorClass.set_attr; other messages go to
 * #PykkaActorClass.on_receive.
 *
 * |[<!-- language="C" -->
 * g_autoptr(PykkaProxyCall) call = pykka_proxy_call_new ("add", args, 2);
 * g_auto(GValue) message = G_VALUE_INIT;
 *
 * g_value_init (&message, PYKKA_TYPE_PROXY_CALL);
 * g_value_set_boxed (&message, call);
 * future = pykka_actor_ref_ask (ref, &message);
 * ]|
 */

/**
 * PykkaProxyCall:
 *
 * A call of the method at an attribute path, with arguments.
 *
 * Since: 0.1
 */
struct _PykkaProxyCall
{
  gatomicrefcount  ref_count;
  char            *attr_path;  /* in the same block, after args */
  guint            n_args;
  GValue           args[];
};

/**
 * PykkaProxyGetAttr:
 *
 * A read of the attribute at an attribute path.
 *
 * Since: 0.1
 */
struct _PykkaProxyGetAttr
{
  gatomicrefcount  ref_count;
  char            *attr_path;
};

/**
 * PykkaProxySetAttr:
 *
 * A write of a value to the attribute at an attribute path.
 *
 * Since: 0.1
 */
struct _PykkaProxySetAttr
{
  gatomicrefcount  ref_count;
  char            *attr_path;
  GValue           value;
};

G_DEFINE_BOXED_TYPE (PykkaProxyCall, pykka_proxy_call, pykka_proxy_call_ref, pykka_proxy_call_unref)
G_DEFINE_BOXED_TYPE (PykkaProxyGetAttr, pykka_proxy_get_attr, pykka_proxy_get_attr_ref,
                     pykka_proxy_get_attr_unref)
G_DEFINE_BOXED_TYPE (PykkaProxySetAttr, pykka_proxy_set_attr, pykka_proxy_set_attr_ref,
                     pykka_proxy_set_attr_unref)

/**
 * pykka_proxy_call_new:
 * @attr_path: a dotted attribute path, such as `"playback.play"`
 * @args: (array length=n_args) (nullable): the arguments (copied)
 * @n_args: the number of arguments
 *
 * Creates a message that calls the method at @attr_path with @args.
 *
 * Returns: (transfer full): a new #PykkaProxyCall
 *
 * Since: 0.1
 */
PykkaProxyCall *
pykka_proxy_call_new (const char   *attr_path,
                      const GValue *args,
                      guint         n_args)
{
  g_return_val_if_fail (attr_path != NULL, NULL);
  g_return_val_if_fail (args != NULL || n_args == 0, NULL);
  for (guint i = 0; i < n_args; i++)
    g_return_val_if_fail (G_IS_VALUE (&args[i]), NULL);

  return _pykka_proxy_call_new_joined ("", attr_path, args, n_args);
}

PykkaProxyCall *
_pykka_proxy_call_new_joined (const char   *prefix,
                              const char   *attr_path,
                              const GValue *args,
                              guint         n_args)
{
  gsize prefix_len = strlen (prefix);
  gsize path_len = strlen (attr_path);
  gsize args_size = sizeof (PykkaProxyCall) + n_args * sizeof (GValue);
  /* One block: the call, its arguments, then "prefix.attr_path" (or "attr_path"). */
  PykkaProxyCall *self = g_malloc0 (args_size + prefix_len + 1 + path_len + 1);
  char *path = (char *) self + args_size;

  g_atomic_ref_count_init (&self->ref_count);
  self->attr_path = path;
  if (prefix_len > 0)
    {
      memcpy (path, prefix, prefix_len);
      path[prefix_len++] = '.';
    }
  memcpy (path + prefix_len, attr_path, path_len + 1);
  self->n_args = n_args;
  for (guint i = 0; i < n_args; i++)
    _pykka_value_init_copy (&self->args[i], &args[i]);
  return self;
}

/**
 * pykka_proxy_call_ref:
 * @self: a #PykkaProxyCall
 *
 * Takes a reference to @self.
 *
 * Returns: (transfer full): @self
 *
 * Since: 0.1
 */
PykkaProxyCall *
pykka_proxy_call_ref (PykkaProxyCall *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

/**
 * pykka_proxy_call_unref:
 * @self: (transfer full): a #PykkaProxyCall
 *
 * Drops a reference to @self.
 *
 * Since: 0.1
 */
void
pykka_proxy_call_unref (PykkaProxyCall *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      for (guint i = 0; i < self->n_args; i++)
        _pykka_value_clear (&self->args[i]);
      g_free (self);
    }
}

/**
 * pykka_proxy_call_get_attr_path:
 * @self: a #PykkaProxyCall
 *
 * Gets the path of the method to call.
 *
 * Returns: the dotted attribute path of the method
 *
 * Since: 0.1
 */
const char *
pykka_proxy_call_get_attr_path (PykkaProxyCall *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->attr_path;
}

/**
 * pykka_proxy_call_get_args:
 * @self: a #PykkaProxyCall
 * @n_args: (out): the number of arguments
 *
 * Gets the arguments of the call.
 *
 * Returns: (array length=n_args) (transfer none) (nullable): the arguments
 *
 * Since: 0.1
 */
const GValue *
pykka_proxy_call_get_args (PykkaProxyCall *self,
                           guint          *n_args)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (n_args != NULL, NULL);

  *n_args = self->n_args;
  return self->n_args > 0 ? self->args : NULL;
}

/**
 * pykka_proxy_get_attr_new:
 * @attr_path: a dotted attribute path
 *
 * Creates a message that reads the attribute at @attr_path.
 *
 * Returns: (transfer full): a new #PykkaProxyGetAttr
 *
 * Since: 0.1
 */
PykkaProxyGetAttr *
pykka_proxy_get_attr_new (const char *attr_path)
{
  PykkaProxyGetAttr *self;

  g_return_val_if_fail (attr_path != NULL, NULL);

  self = g_new0 (PykkaProxyGetAttr, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->attr_path = g_strdup (attr_path);
  return self;
}

/**
 * pykka_proxy_get_attr_ref:
 * @self: a #PykkaProxyGetAttr
 *
 * Takes a reference to @self.
 *
 * Returns: (transfer full): @self
 *
 * Since: 0.1
 */
PykkaProxyGetAttr *
pykka_proxy_get_attr_ref (PykkaProxyGetAttr *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

/**
 * pykka_proxy_get_attr_unref:
 * @self: (transfer full): a #PykkaProxyGetAttr
 *
 * Drops a reference to @self.
 *
 * Since: 0.1
 */
void
pykka_proxy_get_attr_unref (PykkaProxyGetAttr *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_free (self->attr_path);
      g_free (self);
    }
}

/**
 * pykka_proxy_get_attr_get_attr_path:
 * @self: a #PykkaProxyGetAttr
 *
 * Gets the path of the attribute to read.
 *
 * Returns: the dotted attribute path to read
 *
 * Since: 0.1
 */
const char *
pykka_proxy_get_attr_get_attr_path (PykkaProxyGetAttr *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->attr_path;
}

/**
 * pykka_proxy_set_attr_new:
 * @attr_path: a dotted attribute path
 * @value: the value to write (copied)
 *
 * Creates a message that writes @value to the attribute at @attr_path.
 *
 * Returns: (transfer full): a new #PykkaProxySetAttr
 *
 * Since: 0.1
 */
PykkaProxySetAttr *
pykka_proxy_set_attr_new (const char   *attr_path,
                          const GValue *value)
{
  PykkaProxySetAttr *self;

  g_return_val_if_fail (attr_path != NULL, NULL);
  g_return_val_if_fail (G_IS_VALUE (value), NULL);

  self = g_new0 (PykkaProxySetAttr, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->attr_path = g_strdup (attr_path);
  _pykka_value_init_copy (&self->value, value);
  return self;
}

/**
 * pykka_proxy_set_attr_ref:
 * @self: a #PykkaProxySetAttr
 *
 * Takes a reference to @self.
 *
 * Returns: (transfer full): @self
 *
 * Since: 0.1
 */
PykkaProxySetAttr *
pykka_proxy_set_attr_ref (PykkaProxySetAttr *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

/**
 * pykka_proxy_set_attr_unref:
 * @self: (transfer full): a #PykkaProxySetAttr
 *
 * Drops a reference to @self.
 *
 * Since: 0.1
 */
void
pykka_proxy_set_attr_unref (PykkaProxySetAttr *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_value_unset (&self->value);
      g_free (self->attr_path);
      g_free (self);
    }
}

/**
 * pykka_proxy_set_attr_get_attr_path:
 * @self: a #PykkaProxySetAttr
 *
 * Gets the path of the attribute to write.
 *
 * Returns: the dotted attribute path to write
 *
 * Since: 0.1
 */
const char *
pykka_proxy_set_attr_get_attr_path (PykkaProxySetAttr *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->attr_path;
}

/**
 * pykka_proxy_set_attr_get_value:
 * @self: a #PykkaProxySetAttr
 *
 * Gets the value to write.
 *
 * Returns: (transfer none): the value to write
 *
 * Since: 0.1
 */
const GValue *
pykka_proxy_set_attr_get_value (PykkaProxySetAttr *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return &self->value;
}
