/* pykka-actor.c: the actor base class and the actor core
 *
 * SPDX-FileCopyrightText: 2026 The pykka-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "pykka-actor-private.h"
#include "pykka-actor-ref-private.h"
#include "pykka-attribute-path-private.h"
#include "pykka-future-private.h"
#include "pykka-init-private.h"
#include "pykka-log-private.h"
#include "pykka-value-private.h"

/**
 * SECTION:pykka-actor
 * @Title: PykkaActor
 * @Short_description: the base class of actors
 *
 * An actor is an object that runs its own code, one message at a time, on a thread or
 * context of its own. Nobody calls into it directly: others hold its #PykkaActorRef and send
 * it messages, and the actor answers them from #PykkaActorClass.on_receive.
 *
 * Subclass #PykkaActor, override the virtual methods you need, construct the actor with
 * g_object_new() (constructor arguments are properties, set on the caller's thread) and start
 * it with pykka_actor_start(), which returns its ref:
 *
 * |[<!-- language="C" -->
 * static void
 * greeter_on_receive (PykkaActor *actor, const GValue *message, GValue *reply, GError **error)
 * {
 *   g_value_init (reply, G_TYPE_STRING);
 *   g_value_take_string (reply, g_strdup_printf ("Hi there, %s!", g_value_get_string (message)));
 * }
 * ]|
 *
 * The life of an actor follows Pykka's: it is registered in its #PykkaActorRegistry before
 * #PykkaActorClass.on_start runs; messages sent before a stop are handled before it; a stop
 * unregisters the actor, marks it dead and runs #PykkaActorClass.on_stop; asks still queued
 * then fail with %PYKKA_ERROR_ACTOR_DEAD and queued stops are answered. A handler that fails
 * while answering an ask passes its error to the asker and the actor keeps running; one that
 * fails on a tell stops the actor, which then runs #PykkaActorClass.on_failure instead of
 * on_stop. %PYKKA_ERROR_FATAL from a handler stops the actor (with on_stop) and then every
 * other actor of its registry.
 */

/**
 * PykkaActor:
 *
 * The base class of actors. Its instance structure has no public fields: subclass it and
 * override the virtual methods of #PykkaActorClass.
 *
 * Since: 0.1
 */

typedef enum
{
  STATE_CREATED,
  STATE_HOSTED,     /* registered by pykka_actor_start_hosted (), waiting for pykka_actor_run () */
  STATE_STARTING,
  STATE_RUNNING,
  STATE_FINISHED,
} ActorState;

typedef struct
{
  PykkaActorRef      *ref;
  PykkaActorRegistry *registry;
  char               *thread_name;
  gint                state;   /* ActorState, atomic */
  const char         *runtime; /* the name of the dispatcher's runtime */
  GMutex              debug_lock;
  const GValue       *current; /* the message being handled; atomic, see set_current_message */
} PykkaActorPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (PykkaActor, pykka_actor, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ACTOR_URN,
  PROP_ACTOR_REF,
  PROP_REGISTRY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GPrivate current_actor;

PykkaActor *
_pykka_actor_get_current (void)
{
  return g_private_get (&current_actor);
}

static const char *
describe (PykkaActor *self)
{
  PykkaActorPrivate *priv = pykka_actor_get_instance_private (self);

  return _pykka_actor_ref_describe (priv->ref);
}

/* Default virtual methods. */

static void
pykka_actor_real_on_start (PykkaActor  *self,
                           GError     **error)
{
}

static void
pykka_actor_real_on_stop (PykkaActor  *self,
                          GError     **error)
{
}

static void
pykka_actor_real_on_failure (PykkaActor    *self,
                             const GError  *failure,
                             GError       **error)
{
}

static void
pykka_actor_real_on_receive (PykkaActor    *self,
                             const GValue  *message,
                             GValue        *reply,
                             GError       **error)
{
  g_autofree char *text = _pykka_value_describe (message);

  _pykka_log (G_LOG_LEVEL_WARNING, "Unexpected message received by %s: %s", describe (self), text);
  /* Bindings that chain up read the reply: leave None, never an unset value. */
  pykka_value_init_none (reply);
}

/* Finds the object that holds the last name of @attr_path and what that name is. */
static GObject *
resolve_target (PykkaActor  *self,
                const char  *attr_path,
                PykkaAttr   *attr,
                const char **name,
                GError     **error)
{
  g_auto(GStrv) parts = NULL;
  const char *last;
  GObject *target;
  guint n_parts;

  last = _pykka_attr_path_parse (attr_path, &parts, &n_parts, error);
  if (last == NULL)
    return NULL;
  /* A name of the actor itself has nothing to walk (and needs no description for errors). */
  target = parts == NULL ? g_object_ref (G_OBJECT (self))
                         : _pykka_attr_walk_objects (G_OBJECT (self), parts, n_parts - 1,
                                                     describe (self), error);
  if (target == NULL)
    return NULL;
  if (!_pykka_attr_lookup (G_OBJECT_TYPE (target), last, attr))
    {
      _pykka_set_no_attribute (error, describe (self), last);
      g_object_unref (target);
      return NULL;
    }
  *name = last;
  return target;
}

static void
pykka_actor_real_call (PykkaActor    *self,
                       const char    *attr_path,
                       const GValue  *args,
                       guint          n_args,
                       GValue        *result,
                       GError       **error)
{
  g_autoptr(GObject) target = NULL;
  const char *name = NULL;
  PykkaAttr attr;

  target = resolve_target (self, attr_path, &attr, &name, error);
  if (target != NULL && attr.kind != PYKKA_ATTR_METHOD)
    g_set_error (error, PYKKA_ERROR, PYKKA_ERROR_INVALID_ARGUMENT,
                 _("Attribute “%s” is not a method"), name);
  else if (target != NULL)
    _pykka_attr_invoke (target, &attr, name, args, n_args, result, error);
  /* Bindings that chain up read the result, also on error: leave None, never unset. */
  if (!G_IS_VALUE (result))
    pykka_value_init_none (result);
}

static void
pykka_actor_real_get_attr (PykkaActor    *self,
                           const char    *attr_path,
                           GValue        *value,
                           GError       **error)
{
  g_autoptr(GObject) target = NULL;
  const char *name = NULL;
  PykkaAttr attr;

  target = resolve_target (self, attr_path, &attr, &name, error);
  if (target == NULL)
    {
      pykka_value_init_none (value);
      return;
    }
  if (attr.kind != PYKKA_ATTR_PROPERTY || (attr.pspec->flags & G_PARAM_READABLE) == 0)
    {
      g_set_error (error, PYKKA_ERROR, PYKKA_ERROR_INVALID_ARGUMENT,
                   _("Attribute “%s” cannot be read"), name);
      pykka_value_init_none (value);
      return;
    }

  g_value_init (value, attr.pspec->value_type);
  g_object_get_property (target, attr.pspec->name, value);

  /* Pykka never exposes a proxy to the actor itself: reaching through it would recurse. */
  if (G_VALUE_HOLDS (value, PYKKA_TYPE_ACTOR_PROXY) && g_value_get_object (value) != NULL &&
      pykka_actor_proxy_get_actor_ref (g_value_get_object (value)) == pykka_actor_get_actor_ref (self))
    {
      _pykka_log (G_LOG_LEVEL_WARNING,
                  "%s attribute '%s' is a proxy to itself. Consider making it private.",
                  describe (self), attr_path);
      g_value_unset (value);
      pykka_value_init_none (value);
      _pykka_set_no_attribute (error, describe (self), name);
    }
}

static void
pykka_actor_real_set_attr (PykkaActor    *self,
                           const char    *attr_path,
                           const GValue  *value,
                           GError       **error)
{
  g_autoptr(GObject) target = NULL;
  const char *name = NULL;
  g_auto(GValue) converted = G_VALUE_INIT;
  PykkaAttr attr;

  target = resolve_target (self, attr_path, &attr, &name, error);
  if (target == NULL)
    return;
  if (attr.kind != PYKKA_ATTR_PROPERTY || (attr.pspec->flags & G_PARAM_WRITABLE) == 0 ||
      (attr.pspec->flags & G_PARAM_CONSTRUCT_ONLY) != 0)
    {
      g_set_error (error, PYKKA_ERROR, PYKKA_ERROR_NO_SUCH_ATTRIBUTE,
                   _("Attribute “%s” of %s cannot be set"), name, describe (self));
      return;
    }
  if (!_pykka_value_convert (value, attr.pspec->value_type, &converted, error))
    return;
  g_object_set_property (target, attr.pspec->name, &converted);
}

gboolean
_pykka_actor_type_resolves_names (GType type)
{
  PykkaActorClass *klass = g_type_class_ref (type);
  gboolean resolves = klass->call != pykka_actor_real_call ||
                      klass->get_attr != pykka_actor_real_get_attr ||
                      klass->set_attr != pykka_actor_real_set_attr;

  g_type_class_unref (klass);
  return resolves;
}

/* GObject. */

static void
pykka_actor_constructed (GObject *object)
{
  PykkaActor *self = PYKKA_ACTOR (object);
  PykkaActorPrivate *priv = pykka_actor_get_instance_private (self);

  G_OBJECT_CLASS (pykka_actor_parent_class)->constructed (object);

  _pykka_ensure_init ();
  if (priv->registry == NULL)
    priv->registry = g_object_ref (pykka_actor_registry_get_default ());
  priv->ref = _pykka_actor_ref_new (self);
}

static void
pykka_actor_dispose (GObject *object)
{
  PykkaActor *self = PYKKA_ACTOR (object);
  PykkaActorPrivate *priv = pykka_actor_get_instance_private (self);

  if (priv->ref != NULL)
    _pykka_actor_ref_forget_actor (priv->ref);

  G_OBJECT_CLASS (pykka_actor_parent_class)->dispose (object);
}

static void
pykka_actor_finalize (GObject *object)
{
  PykkaActor *self = PYKKA_ACTOR (object);
  PykkaActorPrivate *priv = pykka_actor_get_instance_private (self);

  g_clear_object (&priv->ref);
  g_clear_object (&priv->registry);
  g_free (priv->thread_name);
  g_mutex_clear (&priv->debug_lock);

  G_OBJECT_CLASS (pykka_actor_parent_class)->finalize (object);
}

static void
pykka_actor_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  PykkaActor *self = PYKKA_ACTOR (object);
  PykkaActorPrivate *priv = pykka_actor_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_ACTOR_URN:
      g_value_set_string (value, pykka_actor_ref_get_actor_urn (priv->ref));
      break;
    case PROP_ACTOR_REF:
      g_value_set_object (value, priv->ref);
      break;
    case PROP_REGISTRY:
      g_value_set_object (value, priv->registry);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pykka_actor_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  PykkaActor *self = PYKKA_ACTOR (object);
  PykkaActorPrivate *priv = pykka_actor_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_REGISTRY:
      g_set_object (&priv->registry, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pykka_actor_class_init (PykkaActorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = pykka_actor_constructed;
  object_class->dispose = pykka_actor_dispose;
  object_class->finalize = pykka_actor_finalize;
  object_class->get_property = pykka_actor_get_property;
  object_class->set_property = pykka_actor_set_property;

  klass->on_start = pykka_actor_real_on_start;
  klass->on_stop = pykka_actor_real_on_stop;
  klass->on_failure = pykka_actor_real_on_failure;
  klass->on_receive = pykka_actor_real_on_receive;
  klass->call = pykka_actor_real_call;
  klass->get_attr = pykka_actor_real_get_attr;
  klass->set_attr = pykka_actor_real_set_attr;

  /**
   * PykkaActor:actor-urn:
   *
   * The URN of the actor, assigned at construction: `urn:uuid:` and a random UUID.
   *
   * Since: 0.1
   */
  properties[PROP_ACTOR_URN] =
    g_param_spec_string ("actor-urn", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * PykkaActor:actor-ref:
   *
   * The actor's own #PykkaActorRef. It exists from construction, so an actor can hand it out
   * (or make a proxy to itself) before and while it runs.
   *
   * Since: 0.1
   */
  properties[PROP_ACTOR_REF] =
    g_param_spec_object ("actor-ref", NULL, NULL, PYKKA_TYPE_ACTOR_REF,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * PykkaActor:registry:
   *
   * The registry the actor is registered in while it runs. %NULL at construction means the
   * default registry.
   *
   * Since: 0.1
   */
  properties[PROP_REGISTRY] =
    g_param_spec_object ("registry", NULL, NULL, PYKKA_TYPE_ACTOR_REGISTRY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pykka_actor_init (PykkaActor *self)
{
  PykkaActorPrivate *priv = pykka_actor_get_instance_private (self);

  g_mutex_init (&priv->debug_lock);
}

/* The actor core: lifecycle and failure table (Pykka's _actor_loop). */

/* A lifecycle record: "Starting {actor}", "Stopped {actor}". */
static void
log_lifecycle (PykkaActor *self,
               const char *verb)
{
  if (_pykka_log_enabled (G_LOG_LEVEL_DEBUG))
    _pykka_log (G_LOG_LEVEL_DEBUG, "%s %s", verb, describe (self));
}

static void
log_unhandled (PykkaActor   *self,
               const GError *error)
{
  g_autofree char *text = _pykka_error_describe (error);

  _pykka_log (G_LOG_LEVEL_WARNING, "Unhandled exception in %s: %s", describe (self), text);
}

/* Marks the actor dead: from here on every tell and ask is refused. */
static void
mark_stopped (PykkaActor *self)
{
  PykkaActorPrivate *priv = pykka_actor_get_instance_private (self);

  _pykka_mailbox_close (_pykka_actor_ref_get_mailbox (priv->ref));
}

/* Pykka's _handle_failure: log, unregister, mark dead. Neither on_stop nor on_failure. */
static void
handle_failure (PykkaActor   *self,
                const GError *error)
{
  PykkaActorPrivate *priv = pykka_actor_get_instance_private (self);

  log_unhandled (self, error);
  pykka_actor_registry_unregister (priv->registry, priv->ref);
  mark_stopped (self);
}

/* Pykka's _stop: unregister, mark dead, log, on_stop. */
static void
stop_actor (PykkaActor *self)
{
  PykkaActorPrivate *priv = pykka_actor_get_instance_private (self);
  GError *error = NULL;

  pykka_actor_registry_unregister (priv->registry, priv->ref);
  mark_stopped (self);
  log_lifecycle (self, "Stopped");
  PYKKA_ACTOR_GET_CLASS (self)->on_stop (self, &error);
  if (error != NULL)
    {
      handle_failure (self, error);
      g_error_free (error);
    }
}

/* Stops the actors of @refs (a snapshot of the registry), last started first. */
static void
stop_other_actors (PykkaActor *self,
                   GPtrArray  *refs)
{
  PykkaActorPrivate *priv = pykka_actor_get_instance_private (self);

  /* Pykka waits for each stop here; waiting inside an actor can deadlock runtimes that share
   * threads, so the stops are only queued. */
  for (guint i = refs->len; i > 0; i--)
    {
      PykkaActorRef *ref = g_ptr_array_index (refs, i - 1);
      PykkaFuture *future;

      if (ref == priv->ref)
        continue;
      future = pykka_actor_ref_stop_future (ref);
      g_object_unref (future);
    }
}

static void set_current_message (PykkaActor *self, const GValue *message);

/* Proxy messages go to call, get_attr and set_attr; everything else to on_receive. */
static void
receive (PykkaActor    *self,
         const GValue  *message,
         GValue        *reply,
         GError       **error)
{
  PykkaActorClass *klass = PYKKA_ACTOR_GET_CLASS (self);
  GType type = G_VALUE_TYPE (message);
  gpointer boxed = NULL;

  if (type == PYKKA_TYPE_PROXY_CALL || type == PYKKA_TYPE_PROXY_GET_ATTR ||
      type == PYKKA_TYPE_PROXY_SET_ATTR)
    boxed = g_value_get_boxed (message);

  if (boxed != NULL && type == PYKKA_TYPE_PROXY_CALL)
    {
      guint n_args;
      const GValue *args = pykka_proxy_call_get_args (boxed, &n_args);

      klass->call (self, pykka_proxy_call_get_attr_path (boxed), args, n_args, reply, error);
    }
  else if (boxed != NULL && type == PYKKA_TYPE_PROXY_GET_ATTR)
    klass->get_attr (self, pykka_proxy_get_attr_get_attr_path (boxed), reply, error);
  else if (boxed != NULL)
    klass->set_attr (self, pykka_proxy_set_attr_get_attr_path (boxed),
                     pykka_proxy_set_attr_get_value (boxed), error);
  else
    klass->on_receive (self, message, reply, error);
}

static void
handle_message (PykkaActor    *self,
                PykkaEnvelope *envelope)
{
  GValue reply = G_VALUE_INIT;
  GError *error = NULL;

  receive (self, &envelope->message, &reply, &error);
  /* Handled: whoever gets the reply must find the actor idle (the state dump). */
  set_current_message (self, NULL);

  if G_LIKELY (error == NULL)
    {
      if (envelope->reply_to != NULL)
        _pykka_future_complete (envelope->reply_to, &reply, NULL);
      else
        _pykka_value_clear (&reply);
      return;
    }

  _pykka_value_clear (&reply);

  if (g_error_matches (error, PYKKA_ERROR, PYKKA_ERROR_FATAL))
    {
      PykkaActorPrivate *priv = pykka_actor_get_instance_private (self);
      /* The actors running when the failure happened; not those started after the asker
       * got its answer. */
      g_autoptr(GPtrArray) others = pykka_actor_registry_get_all (priv->registry);

      if (_pykka_log_enabled (G_LOG_LEVEL_DEBUG))
        {
          g_autofree char *text = _pykka_error_describe (error);

          _pykka_log (G_LOG_LEVEL_DEBUG, "%s in %s. Stopping all actors.", text, describe (self));
        }
      stop_actor (self);
      /* Pykka leaves the asker waiting forever here; we answer it. */
      if (envelope->reply_to != NULL)
        _pykka_future_complete (envelope->reply_to, NULL, error);
      else
        g_error_free (error);
      stop_other_actors (self, others);
    }
  else if (envelope->reply_to != NULL)
    {
      if (_pykka_log_enabled (G_LOG_LEVEL_INFO))
        {
          g_autofree char *text = _pykka_error_describe (error);

          _pykka_log (G_LOG_LEVEL_INFO, "Exception returned from %s to caller: %s",
                      describe (self), text);
        }
      _pykka_future_complete (envelope->reply_to, NULL, error);
    }
  else
    {
      GError *failure_error = NULL;

      handle_failure (self, error);
      PYKKA_ACTOR_GET_CLASS (self)->on_failure (self, error, &failure_error);
      if (failure_error != NULL)
        {
          handle_failure (self, failure_error);
          g_error_free (failure_error);
        }
      g_error_free (error);
    }
}

/* State dumps in progress. A dump reads the message under the actor's debug_lock; the actor
 * publishes the message with atomics alone, and before it frees one it synchronises with the
 * lock only while a dump runs. Store current, then load n_dumps (actor); increment n_dumps,
 * then load current (dump): one of the two sees the other, so a dump never reads a message
 * that is being freed, and handling a message takes no lock. */
static gint n_dumps;

/* A stop is answered TRUE: the actor was alive when the stop was sent (it got into the inbox)
 * and has stopped, by this stop or otherwise (see pykka_actor_ref_stop_future ()). */
static void
complete_stop (PykkaFuture *reply)
{
  GValue stopped = G_VALUE_INIT;

  g_value_init (&stopped, G_TYPE_BOOLEAN);
  g_value_set_boolean (&stopped, TRUE);
  _pykka_future_complete (reply, &stopped, NULL);
}

static void
set_current_message (PykkaActor   *self,
                     const GValue *message)
{
  PykkaActorPrivate *priv = pykka_actor_get_instance_private (self);

  g_atomic_pointer_set (&priv->current, message);
  if (message == NULL && g_atomic_int_get (&n_dumps) > 0)
    {
      g_mutex_lock (&priv->debug_lock);
      g_mutex_unlock (&priv->debug_lock);
    }
}

char *
_pykka_actor_describe_state (PykkaActor *self)
{
  PykkaActorPrivate *priv = pykka_actor_get_instance_private (self);
  static const char * const states[] = { "created", "hosted", "starting", "running", "stopped" };
  GString *string = g_string_new (NULL);
  const GValue *current;
  gpointer boxed;

  g_string_append_printf (string, "%s runtime", priv->runtime != NULL ? priv->runtime : "no");
  if (priv->thread_name != NULL)
    g_string_append_printf (string, " on %s", priv->thread_name);
  g_string_append_printf (string, ", %s", states[g_atomic_int_get (&priv->state)]);

  g_atomic_int_inc (&n_dumps);
  g_mutex_lock (&priv->debug_lock);
  /* Read once: the actor may clear it meanwhile, but it frees the message only after taking
   * debug_lock, which this dump holds. */
  current = g_atomic_pointer_get (&priv->current);
  boxed = current != NULL && G_TYPE_IS_BOXED (G_VALUE_TYPE (current))
          ? g_value_get_boxed (current) : NULL;
  if (current == NULL)
    g_string_append (string, ", idle");
  else if (boxed != NULL && G_VALUE_HOLDS (current, PYKKA_TYPE_PROXY_CALL))
    g_string_append_printf (string, ", handling '%s' (proxy call)",
                            pykka_proxy_call_get_attr_path (boxed));
  else if (boxed != NULL && G_VALUE_HOLDS (current, PYKKA_TYPE_PROXY_GET_ATTR))
    g_string_append_printf (string, ", handling '%s' (attribute read)",
                            pykka_proxy_get_attr_get_attr_path (boxed));
  else if (boxed != NULL && G_VALUE_HOLDS (current, PYKKA_TYPE_PROXY_SET_ATTR))
    g_string_append_printf (string, ", handling '%s' (attribute write)",
                            pykka_proxy_set_attr_get_attr_path (boxed));
  else
    g_string_append_printf (string, ", handling a message of type %s",
                            _PYKKA_VALUE_IS_SET (current) ? G_VALUE_TYPE_NAME (current) : "stop");
  g_mutex_unlock (&priv->debug_lock);
  g_atomic_int_add (&n_dumps, -1);

  return g_string_free (string, FALSE);
}

static void
handle_envelope (PykkaActor    *self,
                 PykkaEnvelope *envelope)
{
  set_current_message (self, &envelope->message);
  switch (envelope->kind)
    {
    case PYKKA_ENVELOPE_STOP:
      stop_actor (self);
      set_current_message (self, NULL);
      if (envelope->reply_to != NULL)
        complete_stop (envelope->reply_to);
      break;
    case PYKKA_ENVELOPE_MESSAGE:
      handle_message (self, envelope);
      break;
    default:
      g_assert_not_reached ();
    }
  _pykka_envelope_free (envelope);
}

/* After the actor has stopped: answer what is left, as Pykka's teardown does (a stop gets its
 * reply, an ask fails, a tell is dropped). */
static void
teardown (PykkaActor *self)
{
  PykkaActorPrivate *priv = pykka_actor_get_instance_private (self);
  PykkaEnvelope *envelope = _pykka_mailbox_steal_all (_pykka_actor_ref_get_mailbox (priv->ref));

  while (envelope != NULL)
    {
      PykkaEnvelope *next = envelope->next;

      if (envelope->reply_to != NULL)
        {
          if (envelope->kind == PYKKA_ENVELOPE_STOP)
            complete_stop (envelope->reply_to);
          else
            _pykka_future_complete (envelope->reply_to, NULL,
                                    g_error_new (PYKKA_ERROR, PYKKA_ERROR_ACTOR_DEAD,
                                                 _("%s stopped before handling the message"),
                                                 describe (self)));
        }
      _pykka_envelope_free (envelope);
      envelope = next;
    }
  g_atomic_int_set (&priv->state, STATE_FINISHED);
}

PykkaRunStatus
_pykka_actor_process (PykkaActor *self,
                      guint       max_envelopes)
{
  PykkaActorPrivate *priv = pykka_actor_get_instance_private (self);
  PykkaMailbox *mailbox = _pykka_actor_ref_get_mailbox (priv->ref);
  PykkaActor *previous = g_private_get (&current_actor);
  PykkaRunStatus status = PYKKA_RUN_MORE;

  g_private_set (&current_actor, self);

  switch (g_atomic_int_get (&priv->state))
    {
    case STATE_FINISHED:
      status = PYKKA_RUN_FINISHED;
      goto out;

    case STATE_STARTING:
      {
        GError *error = NULL;

        g_atomic_int_set (&priv->state, STATE_RUNNING);
        PYKKA_ACTOR_GET_CLASS (self)->on_start (self, &error);
        if (error != NULL)
          {
            handle_failure (self, error);
            g_error_free (error);
          }
      }
      break;

    case STATE_RUNNING:
      break;

    case STATE_CREATED:
    case STATE_HOSTED:
    default:
      g_assert_not_reached ();
    }

  for (guint n = 0; !_pykka_mailbox_is_closed (mailbox); n++)
    {
      PykkaEnvelope *envelope;

      if (n == max_envelopes)
        goto out;
      envelope = _pykka_mailbox_pop (mailbox);
      if (envelope == NULL)
        {
          status = PYKKA_RUN_IDLE;
          goto out;
        }
      handle_envelope (self, envelope);
    }

  teardown (self);
  status = PYKKA_RUN_FINISHED;

out:
  g_private_set (&current_actor, previous);
  return status;
}

/* Public API. */

static gboolean
begin_start_as (PykkaActor  *self,
                ActorState   state,
                GError     **error)
{
  PykkaActorPrivate *priv = pykka_actor_get_instance_private (self);

  if (!g_atomic_int_compare_and_exchange (&priv->state, STATE_CREATED, state))
    {
      g_set_error (error, PYKKA_ERROR, PYKKA_ERROR_ALREADY_STARTED,
                   _("%s was already started"), describe (self));
      return FALSE;
    }
  pykka_actor_registry_register (priv->registry, priv->ref);
  log_lifecycle (self, "Starting");
  return TRUE;
}

static gboolean
begin_start (PykkaActor  *self,
             GError     **error)
{
  return begin_start_as (self, STATE_STARTING, error);
}

static void
abort_start (PykkaActor *self)
{
  PykkaActorPrivate *priv = pykka_actor_get_instance_private (self);

  pykka_actor_registry_unregister (priv->registry, priv->ref);
  mark_stopped (self);
  teardown (self);
}

/* Registers @self and hands its mailbox to @dispatcher (taken), which schedules the first run.
 * @dispatcher NULL means creating it failed: undo the registration. */
static PykkaActorRef *
finish_start (PykkaActor      *self,
              PykkaDispatcher *dispatcher)
{
  PykkaActorPrivate *priv = pykka_actor_get_instance_private (self);

  if (dispatcher == NULL)
    {
      abort_start (self);
      return NULL;
    }
  priv->runtime = dispatcher->klass->name;
  /* An actor whose on_start does nothing has nothing to do before its first message: it is
   * not scheduled until then, which spares a wake-up and a run per actor started. */
  _pykka_mailbox_start (_pykka_actor_ref_get_mailbox (priv->ref), dispatcher,
                        PYKKA_ACTOR_GET_CLASS (self)->on_start != pykka_actor_real_on_start);
  _pykka_dispatcher_unref (dispatcher);
  return g_object_ref (priv->ref);
}

/**
 * pykka_actor_start:
 * @self: a #PykkaActor that was not started before
 * @error: return location for a #GError
 *
 * Registers @self and starts it on a thread of its own, named `"{TypeName}-{n}"`, like
 * Pykka's ThreadingActor. The thread holds its own reference to @self until the actor has
 * stopped, so the caller may drop its reference at once.
 *
 * Returns: (transfer full): the ref of the actor, or %NULL with %PYKKA_ERROR_ALREADY_STARTED
 *   if @self was started before (or the error of thread creation)
 *
 * Since: 0.1
 */
PykkaActorRef *
pykka_actor_start (PykkaActor  *self,
                   GError     **error)
{
  static gint thread_counter = 0;
  PykkaActorPrivate *priv;

  g_return_val_if_fail (PYKKA_IS_ACTOR (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  priv = pykka_actor_get_instance_private (self);
  if (!begin_start (self, error))
    return NULL;

  priv->thread_name = g_strdup_printf ("%s-%d", G_OBJECT_TYPE_NAME (self),
                                       g_atomic_int_add (&thread_counter, 1));
  return finish_start (self, _pykka_dispatcher_thread_new (self, priv->thread_name, error));
}

/**
 * pykka_actor_start_in_context:
 * @self: a #PykkaActor that was not started before
 * @context: (nullable): the #GMainContext that runs the actor; %NULL for the thread-default one
 * @error: return location for a #GError
 *
 * Registers @self and runs it on @context: one #GSource attached to @context handles its
 * messages, on whichever thread iterates @context, a batch at a time, between the other
 * sources of the context. This is the runtime of actors that own GTK widgets, and the only
 * one for actors written in JavaScript. A handler that blocks blocks the whole context; a
 * blocking get of a future that an actor of the same context must complete fails with
 * %PYKKA_ERROR_DEADLOCK (use the _async functions there).
 * @context must be iterated, and outlive the actor.
 *
 * Returns: (transfer full): the ref of the actor, or %NULL with %PYKKA_ERROR_ALREADY_STARTED
 *
 * Since: 0.1
 */
PykkaActorRef *
pykka_actor_start_in_context (PykkaActor    *self,
                              GMainContext  *context,
                              GError       **error)
{
  g_autoptr(GMainContext) owned = NULL;

  g_return_val_if_fail (PYKKA_IS_ACTOR (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!begin_start (self, error))
    return NULL;
  if (context == NULL)
    context = owned = g_main_context_ref_thread_default ();
  return finish_start (self, _pykka_dispatcher_context_new (self, context));
}

/**
 * pykka_actor_start_in_pool:
 * @self: a #PykkaActor that was not started before
 * @pool: (nullable): the #PykkaPool whose workers run the actor; %NULL for the default pool
 * @error: return location for a #GError
 *
 * Registers @self and runs it on the workers of @pool, which any number of actors share.
 * The actor still handles one message at a time, in order.
 *
 * Returns: (transfer full): the ref of the actor, or %NULL with %PYKKA_ERROR_ALREADY_STARTED
 *
 * Since: 0.1
 */
PykkaActorRef *
pykka_actor_start_in_pool (PykkaActor  *self,
                           PykkaPool   *pool,
                           GError     **error)
{
  g_return_val_if_fail (PYKKA_IS_ACTOR (self), NULL);
  g_return_val_if_fail (pool == NULL || PYKKA_IS_POOL (pool), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!begin_start (self, error))
    return NULL;
  if (pool == NULL)
    pool = pykka_pool_get_default ();
  return finish_start (self, _pykka_dispatcher_pool_new (self, pool));
}

/**
 * pykka_actor_start_hosted:
 * @self: a #PykkaActor that was not started before
 * @error: return location for a #GError
 *
 * Registers @self for the caller-hosted runtime and returns its ref at once; the actor handles
 * nothing (not even #PykkaActorClass.on_start) until a thread calls pykka_actor_run(), but
 * messages sent meanwhile wait in its inbox. Language bindings use this pair to return the
 * ref to the caller while a thread of their own runs the actor.
 *
 * Returns: (transfer full): the ref of the actor, or %NULL with %PYKKA_ERROR_ALREADY_STARTED
 *
 * Since: 0.1
 */
PykkaActorRef *
pykka_actor_start_hosted (PykkaActor  *self,
                          GError     **error)
{
  PykkaActorPrivate *priv;

  g_return_val_if_fail (PYKKA_IS_ACTOR (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  priv = pykka_actor_get_instance_private (self);
  if (!begin_start_as (self, STATE_HOSTED, error))
    return NULL;
  return g_object_ref (priv->ref);
}

/**
 * pykka_actor_run:
 * @self: a #PykkaActor, not started or started with pykka_actor_start_hosted()
 * @error: return location for a #GError
 *
 * Runs @self on the calling thread until it has stopped, registering it first unless
 * pykka_actor_start_hosted() did. The actor's ref (#PykkaActor:actor-ref) exists before this
 * is called, so other threads can talk to the actor meanwhile. Language bindings host actors
 * on their own threads this way.
 *
 * Returns: %TRUE once the actor has stopped; %FALSE with %PYKKA_ERROR_ALREADY_STARTED if it
 *   was started otherwise, or is running already
 *
 * Since: 0.1
 */
gboolean
pykka_actor_run (PykkaActor  *self,
                 GError     **error)
{
  PykkaActorPrivate *priv;
  PykkaDispatcher *dispatcher;
  g_autoptr(PykkaActorRef) ref = NULL;

  g_return_val_if_fail (PYKKA_IS_ACTOR (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  priv = pykka_actor_get_instance_private (self);
  if (!g_atomic_int_compare_and_exchange (&priv->state, STATE_HOSTED, STATE_STARTING) &&
      !begin_start (self, error))
    return FALSE;

  dispatcher = _pykka_dispatcher_caller_new (self);
  ref = finish_start (self, _pykka_dispatcher_ref (dispatcher));
  _pykka_dispatcher_caller_run (dispatcher);
  _pykka_dispatcher_unref (dispatcher);
  return TRUE;
}

/**
 * pykka_actor_stop:
 * @self: a #PykkaActor
 * @error: return location for a #GError
 *
 * Stops the actor from inside: queues a stop behind the messages already in its inbox,
 * including the ones it just sent itself, and returns at once. Calling it twice is harmless.
 *
 * Returns: %TRUE if the stop was queued; %FALSE with %PYKKA_ERROR_ACTOR_DEAD if the actor is
 *   not alive (for example inside #PykkaActorClass.on_failure)
 *
 * Since: 0.1
 */
gboolean
pykka_actor_stop (PykkaActor  *self,
                  GError     **error)
{
  PykkaActorPrivate *priv;
  PykkaEnvelope *envelope;

  g_return_val_if_fail (PYKKA_IS_ACTOR (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  priv = pykka_actor_get_instance_private (self);
  envelope = _pykka_envelope_new (PYKKA_ENVELOPE_STOP, NULL, NULL);
  if (!_pykka_mailbox_push (_pykka_actor_ref_get_mailbox (priv->ref), envelope))
    {
      _pykka_envelope_free (envelope);
      g_set_error (error, PYKKA_ERROR, PYKKA_ERROR_ACTOR_DEAD, _("%s not found"), describe (self));
      return FALSE;
    }
  return TRUE;
}

/**
 * pykka_actor_get_actor_ref: (get-property actor-ref)
 * @self: a #PykkaActor
 *
 * Gets the ref through which others reach @self. It exists from construction on, so an
 * actor can hand it out, or make a proxy to itself, before it runs.
 *
 * Returns: (transfer none): the actor's own ref
 *
 * Since: 0.1
 */
PykkaActorRef *
pykka_actor_get_actor_ref (PykkaActor *self)
{
  PykkaActorPrivate *priv;

  g_return_val_if_fail (PYKKA_IS_ACTOR (self), NULL);

  priv = pykka_actor_get_instance_private (self);
  return priv->ref;
}

/**
 * pykka_actor_get_actor_urn: (get-property actor-urn)
 * @self: a #PykkaActor
 *
 * Gets the URN of @self, assigned at construction.
 *
 * Returns: the URN of the actor
 *
 * Since: 0.1
 */
const char *
pykka_actor_get_actor_urn (PykkaActor *self)
{
  PykkaActorPrivate *priv;

  g_return_val_if_fail (PYKKA_IS_ACTOR (self), NULL);

  priv = pykka_actor_get_instance_private (self);
  return pykka_actor_ref_get_actor_urn (priv->ref);
}

/**
 * pykka_actor_get_registry: (get-property registry)
 * @self: a #PykkaActor
 *
 * Gets the registry that @self is registered in while it runs.
 *
 * Returns: (transfer none): the registry of the actor
 *
 * Since: 0.1
 */
PykkaActorRegistry *
pykka_actor_get_registry (PykkaActor *self)
{
  PykkaActorPrivate *priv;

  g_return_val_if_fail (PYKKA_IS_ACTOR (self), NULL);

  priv = pykka_actor_get_instance_private (self);
  return priv->registry;
}

/**
 * pykka_actor_to_string:
 * @self: a #PykkaActor
 *
 * Describes @self the way Pykka writes actors in log records and error messages.
 *
 * Returns: (transfer full): `"{TypeName} ({urn})"`, also before the actor is started
 *
 * Since: 0.1
 */
char *
pykka_actor_to_string (PykkaActor *self)
{
  g_return_val_if_fail (PYKKA_IS_ACTOR (self), NULL);

  return g_strdup (describe (self));
}

/**
 * pykka_actor_get_thread_name:
 * @self: a #PykkaActor
 *
 * Gets the name of the thread of its own that runs @self.
 *
 * Returns: (nullable): the name of the thread of an actor started with pykka_actor_start(),
 *   `"{TypeName}-{n}"` with a counter that starts at 0; %NULL for other actors
 *
 * Since: 0.1
 */
const char *
pykka_actor_get_thread_name (PykkaActor *self)
{
  PykkaActorPrivate *priv;

  g_return_val_if_fail (PYKKA_IS_ACTOR (self), NULL);

  priv = pykka_actor_get_instance_private (self);
  return priv->thread_name;
}

/**
 * pykka_actor_on_start: (virtual on_start)
 * @self: a #PykkaActor
 * @error: return location for a #GError
 *
 * Runs on the actor's thread before it handles its first message. The default does nothing.
 * An error stops the actor without on_stop or on_failure.
 *
 * Since: 0.1
 */
void
pykka_actor_on_start (PykkaActor  *self,
                      GError     **error)
{
  g_return_if_fail (PYKKA_IS_ACTOR (self));

  PYKKA_ACTOR_GET_CLASS (self)->on_start (self, error);
}

/**
 * pykka_actor_on_stop: (virtual on_stop)
 * @self: a #PykkaActor
 * @error: return location for a #GError
 *
 * Runs on the actor's thread when it handles a stop, after it has been unregistered and
 * marked dead. The default does nothing.
 *
 * Since: 0.1
 */
void
pykka_actor_on_stop (PykkaActor  *self,
                     GError     **error)
{
  g_return_if_fail (PYKKA_IS_ACTOR (self));

  PYKKA_ACTOR_GET_CLASS (self)->on_stop (self, error);
}

/**
 * pykka_actor_on_failure: (virtual on_failure)
 * @self: a #PykkaActor
 * @failure: the error of the told message that stopped the actor
 * @error: return location for an error of on_failure itself
 *
 * Runs on the actor's thread after a told message failed with @failure; by then the actor is
 * unregistered and dead. The default does nothing.
 *
 * Since: 0.1
 */
void
pykka_actor_on_failure (PykkaActor    *self,
                        const GError  *failure,
                        GError       **error)
{
  g_return_if_fail (PYKKA_IS_ACTOR (self));
  g_return_if_fail (failure != NULL);

  PYKKA_ACTOR_GET_CLASS (self)->on_failure (self, failure, error);
}

/**
 * pykka_actor_on_receive: (virtual on_receive)
 * @self: a #PykkaActor
 * @message: the message
 * @reply: (out caller-allocates): the reply; left unset, it is None
 * @error: return location for a #GError
 *
 * Handles a message. The default logs a warning, `Unexpected message received by {actor}:
 * {message}`, and replies None.
 *
 * Since: 0.1
 */
void
pykka_actor_on_receive (PykkaActor    *self,
                        const GValue  *message,
                        GValue        *reply,
                        GError       **error)
{
  g_return_if_fail (PYKKA_IS_ACTOR (self));
  g_return_if_fail (G_IS_VALUE (message));
  g_return_if_fail (reply != NULL && !G_IS_VALUE (reply));

  PYKKA_ACTOR_GET_CLASS (self)->on_receive (self, message, reply, error);
  if (!G_IS_VALUE (reply))
    pykka_value_init_none (reply);
}

/**
 * pykka_actor_call: (virtual call)
 * @self: a #PykkaActor
 * @attr_path: a dotted attribute path, such as `"playback.play"`
 * @args: (array length=n_args) (nullable): the arguments
 * @n_args: the number of arguments
 * @result: (out caller-allocates): the return value; left unset, it is None
 * @error: return location for a #GError
 *
 * Calls the method @attr_path of the actor on the actor's thread. Proxies use it; language
 * bindings override it to reach methods written in their language.
 *
 * Since: 0.1
 */
void
pykka_actor_call (PykkaActor    *self,
                  const char    *attr_path,
                  const GValue  *args,
                  guint          n_args,
                  GValue        *result,
                  GError       **error)
{
  g_return_if_fail (PYKKA_IS_ACTOR (self));
  g_return_if_fail (attr_path != NULL);
  g_return_if_fail (args != NULL || n_args == 0);
  g_return_if_fail (result != NULL && !G_IS_VALUE (result));

  PYKKA_ACTOR_GET_CLASS (self)->call (self, attr_path, args, n_args, result, error);
  if (!G_IS_VALUE (result))
    pykka_value_init_none (result);
}

/**
 * pykka_actor_get_attr: (virtual get_attr)
 * @self: a #PykkaActor
 * @attr_path: a dotted attribute path
 * @value: (out caller-allocates): the value; left unset, it is None
 * @error: return location for a #GError
 *
 * Reads the attribute @attr_path of the actor on the actor's thread. Proxies use it; language
 * bindings override it to reach attributes written in their language.
 *
 * Since: 0.1
 */
void
pykka_actor_get_attr (PykkaActor    *self,
                      const char    *attr_path,
                      GValue        *value,
                      GError       **error)
{
  g_return_if_fail (PYKKA_IS_ACTOR (self));
  g_return_if_fail (attr_path != NULL);
  g_return_if_fail (value != NULL && !G_IS_VALUE (value));

  PYKKA_ACTOR_GET_CLASS (self)->get_attr (self, attr_path, value, error);
  if (!G_IS_VALUE (value))
    pykka_value_init_none (value);
}

/**
 * pykka_actor_set_attr: (virtual set_attr)
 * @self: a #PykkaActor
 * @attr_path: a dotted attribute path
 * @value: the new value
 * @error: return location for a #GError
 *
 * Writes the attribute @attr_path of the actor on the actor's thread. Proxies use it;
 * language bindings override it to reach attributes written in their language.
 *
 * Since: 0.1
 */
void
pykka_actor_set_attr (PykkaActor    *self,
                      const char    *attr_path,
                      const GValue  *value,
                      GError       **error)
{
  g_return_if_fail (PYKKA_IS_ACTOR (self));
  g_return_if_fail (attr_path != NULL);
  g_return_if_fail (G_IS_VALUE (value));

  PYKKA_ACTOR_GET_CLASS (self)->set_attr (self, attr_path, value, error);
}
