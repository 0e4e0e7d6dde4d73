/* pykka-actor-proxy.c: calling actor methods and reading attributes through messages
 *
 * SPDX-FileCopyrightText: 2026 The pykka-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "pykka-actor-private.h"
#include "pykka-actor-ref-private.h"
#include "pykka-attribute-path-private.h"
#include "pykka-proxy-messages-private.h"
#include "pykka-future-private.h"
#include "pykka-init-private.h"

#include <gobject/gvaluecollector.h>

/**
 * SECTION:pykka-actor-proxy
 * @Title: PykkaActorProxy
 * @Short_description: an actor's methods and attributes, reached through messages
 *
 * A proxy lets code use an actor as if it were a plain object while every access still goes
 * through the actor's inbox and runs on the actor's thread: pykka_actor_proxy_call() calls a
 * method and returns a #PykkaFuture of its result, pykka_actor_proxy_get_attr() reads an
 * attribute into a future, pykka_actor_proxy_set_attr() writes one and waits until it is
 * written, pykka_actor_proxy_defer() calls a method without waiting for anything (a failure
 * then stops the actor, as a failed tell does).
 *
 * What a C actor exposes: its methods are the action signals (%G_SIGNAL_ACTION) its type
 * adds, and its attributes are the properties its type adds; those of #PykkaActor and
 * #GObject are not attributes. A method whose last parameter is a %G_TYPE_POINTER that the
 * caller does not pass receives a `GError **` there and can fail. Names may be written with
 * `_` or `-`.
 *
 * Attribute paths are dotted (`"playback.play"`): every name but the last must be a property
 * holding a traversable object (see pykka_traversable()). Actors written in other languages
 * override #PykkaActorClass.call, #PykkaActorClass.get_attr and #PykkaActorClass.set_attr
 * to reach their own methods and attributes; for them names are checked on the actor's
 * thread, and errors arrive on the future.
 *
 * A proxy checks what it can in the caller's thread, from type information alone (it never
 * runs a property getter): an unknown name fails with %PYKKA_ERROR_NO_SUCH_ATTRIBUTE, a path
 * through something that cannot be traversed with %PYKKA_ERROR_NOT_TRAVERSABLE, a wrong
 * number or type of arguments with %PYKKA_ERROR_INVALID_ARGUMENT. Whether a property's object
 * was marked traversable with pykka_traversable() is only known on the actor's thread, and so
 * are errors about it.
 *
 * An actor may keep a proxy to itself in a field to schedule work for later (the call runs
 * after the current message and everything already queued). A property holding a proxy to
 * the actor itself is not an attribute: reading it fails and logs a warning, as in Pykka.
 */

/**
 * PykkaActorProxy:
 *
 * A proxy for an actor, or for an object that an actor holds. It has no public fields.
 *
 * Since: 0.1
 */

struct _PykkaActorProxy
{
  GObject         parent_instance;

  PykkaActorRef  *ref;
  GType           type;        /* the type of the object at attr_path */
  char           *attr_path;   /* "" for the actor itself */
  char          **parts;
  guint           n_parts;
  guint           dynamic : 1; /* the actor resolves names itself (a binding's actor) */
};

G_DEFINE_FINAL_TYPE (PykkaActorProxy, pykka_actor_proxy, G_TYPE_OBJECT)

static void
pykka_actor_proxy_finalize (GObject *object)
{
  PykkaActorProxy *self = PYKKA_ACTOR_PROXY (object);

  g_clear_object (&self->ref);
  g_free (self->attr_path);
  g_strfreev (self->parts);

  G_OBJECT_CLASS (pykka_actor_proxy_parent_class)->finalize (object);
}

static void
pykka_actor_proxy_class_init (PykkaActorProxyClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pykka_actor_proxy_finalize;
}

static void
pykka_actor_proxy_init (PykkaActorProxy *self)
{
}

static PykkaActorProxy *
proxy_new (PykkaActorRef *ref,
           GType          type,
           const char    *attr_path,
           gboolean       dynamic)
{
  PykkaActorProxy *self = g_object_new (PYKKA_TYPE_ACTOR_PROXY, NULL);

  self->ref = g_object_ref (ref);
  self->type = type;
  self->attr_path = g_strdup (attr_path);
  self->parts = attr_path[0] != '\0' ? g_strsplit (attr_path, ".", -1) : g_new0 (char *, 1);
  self->n_parts = g_strv_length (self->parts);
  self->dynamic = dynamic;
  return self;
}

/**
 * pykka_actor_ref_proxy:
 * @ref: a #PykkaActorRef
 * @error: return location for a #GError
 *
 * Makes a proxy for the actor of @ref.
 *
 * Returns: (transfer full): a new #PykkaActorProxy, or %NULL with %PYKKA_ERROR_ACTOR_DEAD if
 *   the actor is not alive
 *
 * Since: 0.1
 */
PykkaActorProxy *
pykka_actor_ref_proxy (PykkaActorRef  *ref,
                       GError        **error)
{
  GType type;

  g_return_val_if_fail (PYKKA_IS_ACTOR_REF (ref), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!pykka_actor_ref_is_alive (ref))
    {
      g_set_error (error, PYKKA_ERROR, PYKKA_ERROR_ACTOR_DEAD, _("%s not found"),
                   _pykka_actor_ref_describe (ref));
      return NULL;
    }
  type = pykka_actor_ref_get_actor_type (ref);
  return proxy_new (ref, type, "", _pykka_actor_type_resolves_names (type));
}

/**
 * pykka_actor_proxy_to_string:
 * @self: a #PykkaActorProxy
 *
 * Describes @self the way Pykka writes proxies.
 *
 * Returns: (transfer full): `"<ActorProxy for {TypeName} ({urn}), attr_path=(…)>"`, with the
 *   path written as Pykka writes it, for example `attr_path=('playback',)`
 *
 * Since: 0.1
 */
char *
pykka_actor_proxy_to_string (PykkaActorProxy *self)
{
  GString *string;

  g_return_val_if_fail (PYKKA_IS_ACTOR_PROXY (self), NULL);

  string = g_string_new ("<ActorProxy for ");
  g_string_append_printf (string, "%s, attr_path=(", _pykka_actor_ref_describe (self->ref));
  for (guint i = 0; i < self->n_parts; i++)
    g_string_append_printf (string, "%s'%s'", i > 0 ? ", " : "", self->parts[i]);
  g_string_append (string, self->n_parts == 1 ? ",)>" : ")>");
  return g_string_free (string, FALSE);
}

/* Resolves @attr_path (relative to @self) as far as type information allows; FALSE with an
 * error if it cannot be resolved. @attr receives the last name's attribute (PYKKA_ATTR_NONE
 * when only the actor can tell) and @last_name that name, which points into @attr_path. */
static gboolean
resolve (PykkaActorProxy  *self,
         const char       *attr_path,
         PykkaAttr        *attr,
         const char      **last_name,
         GError          **error)
{
  g_auto(GStrv) parts = NULL;
  g_autofree char *owner = NULL;
  const char *name;
  guint n_parts;
  GType type;

  attr->kind = PYKKA_ATTR_NONE;
  name = _pykka_attr_path_parse (attr_path, &parts, &n_parts, error);
  if (name == NULL)
    return FALSE;

  if (!self->dynamic)
    {
      /* The proxy's description is only needed for an error: make it then. */
      type = _pykka_attr_walk_types (self->type, parts, n_parts - 1, NULL, NULL);
      if (type == 0)
        {
          owner = pykka_actor_proxy_to_string (self);
          _pykka_attr_walk_types (self->type, parts, n_parts - 1, owner, error);
          return FALSE;
        }
      if (!_pykka_attr_lookup (type, name, attr))
        {
          owner = pykka_actor_proxy_to_string (self);
          _pykka_set_no_attribute (error, owner, name);
          return FALSE;
        }
    }
  *last_name = name;
  return TRUE;
}

/* @attr_path relative to the actor. */
static char *
full_path (PykkaActorProxy *self,
           const char      *attr_path)
{
  return self->attr_path[0] != '\0' ? g_strconcat (self->attr_path, ".", attr_path, NULL)
                                    : g_strdup (attr_path);
}

static gboolean
resolve_method (PykkaActorProxy  *self,
                const char       *attr_path,
                const GValue     *args,
                guint             n_args,
                GError          **error)
{
  const char *name = NULL;
  PykkaAttr attr;

  if (!resolve (self, attr_path, &attr, &name, error))
    return FALSE;
  if (attr.kind == PYKKA_ATTR_NONE)
    return TRUE;
  if (attr.kind != PYKKA_ATTR_METHOD)
    {
      g_set_error (error, PYKKA_ERROR, PYKKA_ERROR_INVALID_ARGUMENT,
                   _("Attribute “%s” is not a method"), name);
      return FALSE;
    }
  return _pykka_attr_check_args (&attr, name, args, n_args, error);
}

/* Checks the call and makes its message; FALSE with an error if it cannot be made. */
static gboolean
init_call_message (PykkaActorProxy  *self,
                   const char       *attr_path,
                   const GValue     *args,
                   guint             n_args,
                   GValue           *message,
                   GError          **error)
{
  if (!resolve_method (self, attr_path, args, n_args, error))
    return FALSE;
  g_value_init (message, PYKKA_TYPE_PROXY_CALL);
  g_value_take_boxed (message,
                      _pykka_proxy_call_new_joined (self->attr_path, attr_path, args, n_args));
  return TRUE;
}

/**
 * pykka_actor_proxy_call:
 * @self: a #PykkaActorProxy
 * @attr_path: the method, as a path relative to @self (`"play"`, `"playback.play"`)
 * @args: (array length=n_args) (nullable): the arguments (copied)
 * @n_args: the number of arguments
 * @error: return location for a #GError
 *
 * Calls a method of the actor on the actor's thread.
 *
 * Returns: (transfer full): a #PykkaFuture of the method's return value (None for a method
 *   without one), which fails with the method's error or %PYKKA_ERROR_ACTOR_DEAD; or %NULL
 *   with an error if the call cannot be made
 *
 * Since: 0.1
 */
PykkaFuture *
pykka_actor_proxy_call (PykkaActorProxy  *self,
                        const char       *attr_path,
                        const GValue     *args,
                        guint             n_args,
                        GError          **error)
{
  g_auto(GValue) message = G_VALUE_INIT;

  g_return_val_if_fail (PYKKA_IS_ACTOR_PROXY (self), NULL);
  g_return_val_if_fail (attr_path != NULL, NULL);
  g_return_val_if_fail (args != NULL || n_args == 0, NULL);
  for (guint i = 0; i < n_args; i++)
    g_return_val_if_fail (G_IS_VALUE (&args[i]), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!init_call_message (self, attr_path, args, n_args, &message, error))
    return NULL;
  return _pykka_actor_ref_ask_take (self->ref, &message);
}

/**
 * pykka_actor_proxy_call_async:
 * @self: a #PykkaActorProxy
 * @attr_path: the method, as a path relative to @self
 * @args: (array length=n_args) (nullable): the arguments (copied)
 * @n_args: the number of arguments
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called with the result
 * @user_data: (closure): data for @callback
 *
 * Calls a method of the actor and waits for its result without blocking. @callback runs on
 * the thread-default main context of the caller, never inside this call; call
 * pykka_actor_proxy_call_finish() from it, which also reports the errors
 * pykka_actor_proxy_call() would return at once.
 *
 * Since: 0.1
 */
void
pykka_actor_proxy_call_async (PykkaActorProxy     *self,
                              const char          *attr_path,
                              const GValue        *args,
                              guint                n_args,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(PykkaFuture) future = NULL;
  GError *error = NULL;

  g_return_if_fail (PYKKA_IS_ACTOR_PROXY (self));
  g_return_if_fail (attr_path != NULL);
  g_return_if_fail (args != NULL || n_args == 0);
  for (guint i = 0; i < n_args; i++)
    g_return_if_fail (G_IS_VALUE (&args[i]));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  future = pykka_actor_proxy_call (self, attr_path, args, n_args, &error);
  if (future == NULL)
    future = _pykka_future_new_failed (error);
  _pykka_future_get_async_full (future, self, pykka_actor_proxy_call_async, cancellable,
                                callback, user_data);
}

/**
 * pykka_actor_proxy_call_finish:
 * @self: a #PykkaActorProxy
 * @result: the #GAsyncResult given to the callback
 * @value: (out caller-allocates): the return value of the method
 * @error: return location for a #GError
 *
 * Finishes pykka_actor_proxy_call_async(). On failure @value holds None.
 *
 * Returns: (skip): %TRUE on success
 *
 * Since: 0.1
 */
gboolean
pykka_actor_proxy_call_finish (PykkaActorProxy  *self,
                               GAsyncResult     *result,
                               GValue           *value,
                               GError          **error)
{
  g_return_val_if_fail (PYKKA_IS_ACTOR_PROXY (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == pykka_actor_proxy_call_async,
                        FALSE);
  g_return_val_if_fail (value != NULL && !G_IS_VALUE (value), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _pykka_future_get_finish_full (result, value, error);
}

/**
 * pykka_actor_proxy_call_va: (skip)
 * @self: a #PykkaActorProxy
 * @attr_path: the method, as a path relative to @self
 * @first_arg_type: the type of the first argument, or %G_TYPE_INVALID for none
 * @...: the value of the first argument, then more type and value pairs, ending with
 *   %G_TYPE_INVALID
 *
 * Calls a method of the actor with arguments given as type and value pairs, for C:
 *
 * |[<!-- language="C" -->
 * future = pykka_actor_proxy_call_va (proxy, "add", G_TYPE_INT, 1, G_TYPE_INT, 3, G_TYPE_INVALID);
 * ]|
 *
 * Language bindings use pykka_actor_proxy_call().
 *
 * Returns: (transfer full): a #PykkaFuture of the return value; any error, also one that
 *   pykka_actor_proxy_call() would return at once, is the error of the future
 *
 * Since: 0.1
 */
PykkaFuture *
pykka_actor_proxy_call_va (PykkaActorProxy *self,
                           const char      *attr_path,
                           GType            first_arg_type,
                           ...)
{
  g_autoptr(GArray) args = NULL;
  GError *error = NULL;
  PykkaFuture *future;
  va_list ap;

  g_return_val_if_fail (PYKKA_IS_ACTOR_PROXY (self), NULL);
  g_return_val_if_fail (attr_path != NULL, NULL);

  args = g_array_new (FALSE, TRUE, sizeof (GValue));
  g_array_set_clear_func (args, (GDestroyNotify) g_value_unset);
  va_start (ap, first_arg_type);
  for (GType type = first_arg_type; type != G_TYPE_INVALID; type = va_arg (ap, GType))
    {
      GValue value = G_VALUE_INIT;
      g_autofree char *collect_error = NULL;

      if (!G_TYPE_IS_VALUE_TYPE (type))
        {
          g_critical ("%s: “%s” is not a type a value can have", G_STRFUNC, g_type_name (type));
          va_end (ap);
          return _pykka_future_new_failed (
            g_error_new (PYKKA_ERROR, PYKKA_ERROR_INVALID_ARGUMENT,
                         _("“%s” is not a type a value can have"), g_type_name (type)));
        }
      G_VALUE_COLLECT_INIT (&value, type, ap, 0, &collect_error);
      if (collect_error != NULL)
        {
          g_critical ("%s: %s", G_STRFUNC, collect_error);
          va_end (ap);
          return _pykka_future_new_failed (g_error_new (PYKKA_ERROR, PYKKA_ERROR_INVALID_ARGUMENT,
                                                        "%s", collect_error));
        }
      g_array_append_val (args, value);
    }
  va_end (ap);

  future = pykka_actor_proxy_call (self, attr_path, (const GValue *) args->data, args->len, &error);
  if (future == NULL)
    future = _pykka_future_new_failed (error);
  return future;
}

/**
 * pykka_actor_proxy_defer:
 * @self: a #PykkaActorProxy
 * @attr_path: the method, as a path relative to @self
 * @args: (array length=n_args) (nullable): the arguments (copied)
 * @n_args: the number of arguments
 * @error: return location for a #GError
 *
 * Calls a method of the actor without waiting for its result, like a tell: if the method
 * fails, the actor stops and runs #PykkaActorClass.on_failure.
 *
 * Returns: %TRUE if the call was queued; %FALSE with an error if the call cannot be made or
 *   the actor is not alive (%PYKKA_ERROR_ACTOR_DEAD)
 *
 * Since: 0.1
 */
gboolean
pykka_actor_proxy_defer (PykkaActorProxy  *self,
                         const char       *attr_path,
                         const GValue     *args,
                         guint             n_args,
                         GError          **error)
{
  g_auto(GValue) message = G_VALUE_INIT;

  g_return_val_if_fail (PYKKA_IS_ACTOR_PROXY (self), FALSE);
  g_return_val_if_fail (attr_path != NULL, FALSE);
  g_return_val_if_fail (args != NULL || n_args == 0, FALSE);
  for (guint i = 0; i < n_args; i++)
    g_return_val_if_fail (G_IS_VALUE (&args[i]), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return init_call_message (self, attr_path, args, n_args, &message, error) &&
         pykka_actor_ref_tell (self->ref, &message, error);
}

/**
 * pykka_actor_proxy_get_attr:
 * @self: a #PykkaActorProxy
 * @attr_path: the attribute, as a path relative to @self
 * @error: return location for a #GError
 *
 * Reads an attribute of the actor on the actor's thread. Each call sends a message and gives
 * a new future.
 *
 * Returns: (transfer full): a #PykkaFuture of the value, or %NULL with an error if the
 *   attribute cannot be read
 *
 * Since: 0.1
 */
PykkaFuture *
pykka_actor_proxy_get_attr (PykkaActorProxy  *self,
                            const char       *attr_path,
                            GError          **error)
{
  g_autofree char *path = NULL;
  const char *name = NULL;
  g_auto(GValue) message = G_VALUE_INIT;
  PykkaAttr attr;

  g_return_val_if_fail (PYKKA_IS_ACTOR_PROXY (self), NULL);
  g_return_val_if_fail (attr_path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!resolve (self, attr_path, &attr, &name, error))
    return NULL;
  if (attr.kind == PYKKA_ATTR_METHOD ||
      (attr.kind == PYKKA_ATTR_PROPERTY && (attr.pspec->flags & G_PARAM_READABLE) == 0))
    {
      g_set_error (error, PYKKA_ERROR, PYKKA_ERROR_INVALID_ARGUMENT,
                   _("Attribute “%s” cannot be read"), name);
      return NULL;
    }

  path = full_path (self, attr_path);
  g_value_init (&message, PYKKA_TYPE_PROXY_GET_ATTR);
  g_value_take_boxed (&message, pykka_proxy_get_attr_new (path));
  return _pykka_actor_ref_ask_take (self->ref, &message);
}

/**
 * pykka_actor_proxy_set_attr:
 * @self: a #PykkaActorProxy
 * @attr_path: the attribute, as a path relative to @self
 * @value: the new value (copied, and converted to the type of the attribute)
 * @error: return location for a #GError
 *
 * Writes an attribute of the actor on the actor's thread and waits until it is written.
 * Writing a read-only property fails with %PYKKA_ERROR_NO_SUCH_ATTRIBUTE (Pykka's
 * AttributeError).
 *
 * Returns: %TRUE once the attribute is written; %FALSE with an error otherwise
 *
 * Since: 0.1
 */
gboolean
pykka_actor_proxy_set_attr (PykkaActorProxy  *self,
                            const char       *attr_path,
                            const GValue     *value,
                            GError          **error)
{
  g_autofree char *path = NULL;
  const char *name = NULL;
  g_auto(GValue) message = G_VALUE_INIT;
  g_auto(GValue) reply = G_VALUE_INIT;
  PykkaAttr attr;

  g_return_val_if_fail (PYKKA_IS_ACTOR_PROXY (self), FALSE);
  g_return_val_if_fail (attr_path != NULL, FALSE);
  g_return_val_if_fail (G_IS_VALUE (value), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!resolve (self, attr_path, &attr, &name, error))
    return FALSE;

  path = full_path (self, attr_path);
  g_value_init (&message, PYKKA_TYPE_PROXY_SET_ATTR);
  g_value_take_boxed (&message, pykka_proxy_set_attr_new (path, value));
  return pykka_actor_ref_ask_sync (self->ref, &message, PYKKA_FOREVER, &reply, error);
}

/**
 * pykka_actor_proxy_traverse:
 * @self: a #PykkaActorProxy
 * @attr_path: a path relative to @self, through properties holding traversable objects
 * @error: return location for a #GError
 *
 * Makes a proxy for an object the actor holds, such as `"playback"`, whose methods and
 * attributes are then reached relative to it.
 *
 * Returns: (transfer full): a new #PykkaActorProxy, or %NULL with
 *   %PYKKA_ERROR_NO_SUCH_ATTRIBUTE or %PYKKA_ERROR_NOT_TRAVERSABLE
 *
 * Since: 0.1
 */
PykkaActorProxy *
pykka_actor_proxy_traverse (PykkaActorProxy  *self,
                            const char       *attr_path,
                            GError          **error)
{
  g_auto(GStrv) parts = NULL;
  g_autofree char *owner = NULL;
  g_autofree char *path = NULL;
  guint n_parts;
  GType type = G_TYPE_OBJECT;

  g_return_val_if_fail (PYKKA_IS_ACTOR_PROXY (self), NULL);
  g_return_val_if_fail (attr_path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  parts = _pykka_attr_path_split (attr_path, &n_parts, error);
  if (parts == NULL)
    return NULL;
  if (!self->dynamic)
    {
      owner = pykka_actor_proxy_to_string (self);
      type = _pykka_attr_walk_types (self->type, parts, n_parts, owner, error);
      if (type == 0)
        return NULL;
    }
  path = full_path (self, attr_path);
  return proxy_new (self->ref, type, path, self->dynamic);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

static char *
attribute_name (const char *name)
{
  return g_strdelimit (g_strdup (name), "-", '_');
}

/**
 * pykka_actor_proxy_list_attrs:
 * @self: a #PykkaActorProxy
 *
 * Lists the methods and attributes reachable from @self (Pykka's `dir(proxy)`), from type
 * information alone, sorted, with `_` between words. Properties holding proxies are not
 * listed. Actors that resolve names themselves (those of language bindings) list only what
 * their GObject type exposes.
 *
 * Returns: (transfer full): the names
 *
 * Since: 0.1
 */
GStrv
pykka_actor_proxy_list_attrs (PykkaActorProxy *self)
{
  g_autoptr(GPtrArray) names = NULL;
  GObjectClass *klass;
  GParamSpec **pspecs;
  guint n_pspecs;

  g_return_val_if_fail (PYKKA_IS_ACTOR_PROXY (self), NULL);

  names = g_ptr_array_new ();
  for (GType type = self->type; G_TYPE_IS_OBJECT (type) && !g_type_is_a (PYKKA_TYPE_ACTOR, type);
       type = g_type_parent (type))
    {
      guint n_ids;
      g_autofree guint *ids = g_signal_list_ids (type, &n_ids);

      for (guint i = 0; i < n_ids; i++)
        {
          GSignalQuery query;

          g_signal_query (ids[i], &query);
          if ((query.signal_flags & G_SIGNAL_ACTION) != 0)
            g_ptr_array_add (names, attribute_name (query.signal_name));
        }
    }

  if (G_TYPE_IS_OBJECT (self->type))
    {
      klass = g_type_class_ref (self->type);
      pspecs = g_object_class_list_properties (klass, &n_pspecs);
      for (guint i = 0; i < n_pspecs; i++)
        if (!g_type_is_a (PYKKA_TYPE_ACTOR, pspecs[i]->owner_type) &&
            !g_type_is_a (pspecs[i]->value_type, PYKKA_TYPE_ACTOR_PROXY))
          g_ptr_array_add (names, attribute_name (pspecs[i]->name));
      g_free (pspecs);
      g_type_class_unref (klass);
    }

  g_ptr_array_sort (names, compare_strings);
  g_ptr_array_add (names, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&names), FALSE);
}

/**
 * pykka_actor_proxy_get_actor_ref:
 * @self: a #PykkaActorProxy
 *
 * Gets the ref of the actor that @self stands for.
 *
 * Returns: (transfer none): the ref of the actor; it stays usable after the actor stopped
 *
 * Since: 0.1
 */
PykkaActorRef *
pykka_actor_proxy_get_actor_ref (PykkaActorProxy *self)
{
  g_return_val_if_fail (PYKKA_IS_ACTOR_PROXY (self), NULL);

  return self->ref;
}

/**
 * pykka_actor_proxy_get_attr_path:
 * @self: a #PykkaActorProxy
 *
 * Gets the attribute path, relative to the actor, of the object that @self stands for.
 *
 * Returns: the dotted path of the object @self stands for; `""` for the actor itself
 *
 * Since: 0.1
 */
const char *
pykka_actor_proxy_get_attr_path (PykkaActorProxy *self)
{
  g_return_val_if_fail (PYKKA_IS_ACTOR_PROXY (self), NULL);

  return self->attr_path;
}

/**
 * pykka_actor_proxy_hash:
 * @proxy: (type PykkaActorProxy): a #PykkaActorProxy
 *
 * A #GHashFunc for proxies, to go with pykka_actor_proxy_equal().
 *
 * Returns: a hash of the actor and the attribute path of @proxy
 *
 * Since: 0.1
 */
guint
pykka_actor_proxy_hash (gconstpointer proxy)
{
  const PykkaActorProxy *self = proxy;

  g_return_val_if_fail (PYKKA_IS_ACTOR_PROXY ((gpointer) proxy), 0);

  return g_direct_hash (self->ref) ^ g_str_hash (self->attr_path);
}

/**
 * pykka_actor_proxy_equal:
 * @a: (type PykkaActorProxy): a #PykkaActorProxy
 * @b: (type PykkaActorProxy): a #PykkaActorProxy
 *
 * Proxies are equal when they stand for the same actor and the same attribute path.
 *
 * Returns: %TRUE if @a and @b are equal
 *
 * Since: 0.1
 */
gboolean
pykka_actor_proxy_equal (gconstpointer a,
                         gconstpointer b)
{
  const PykkaActorProxy *pa = a;
  const PykkaActorProxy *pb = b;

  g_return_val_if_fail (PYKKA_IS_ACTOR_PROXY ((gpointer) a), FALSE);
  g_return_val_if_fail (PYKKA_IS_ACTOR_PROXY ((gpointer) b), FALSE);

  return pa->ref == pb->ref && g_str_equal (pa->attr_path, pb->attr_path);
}
