/* pykka-actor-ref.c: references to running actors
 *
 * SPDX-FileCopyrightText: 2026 The pykka-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "pykka-actor-private.h"
#include "pykka-actor-ref-private.h"
#include "pykka-debug-private.h"
#include "pykka-future-private.h"
#include "pykka-init-private.h"
#include "pykka-value-private.h"

/**
 * SECTION:pykka-actor-ref
 * @Title: PykkaActorRef
 * @Short_description: the handle through which actors are reached
 *
 * A #PykkaActorRef is how everyone but the actor itself talks to it: pykka_actor_ref_tell()
 * sends a message, pykka_actor_ref_ask() sends one and returns a #PykkaFuture of the reply,
 * pykka_actor_ref_stop() stops the actor. Refs are safe to use from any thread. Messages from
 * one sender are handled in the order they were sent.
 *
 * A ref stays valid after its actor has stopped (it then refuses messages with
 * %PYKKA_ERROR_ACTOR_DEAD), but it does not keep the stopped actor's memory alive.
 *
 * Two refs are equal when they are the same object; the registry and the actor hand out the
 * same ref object for one actor.
 */

/**
 * PykkaActorRef:
 *
 * The handle of an actor, usable from any thread. It has no public fields.
 *
 * Since: 0.1
 */

#define URN_PREFIX "urn:uuid:"
#define URN_LENGTH (sizeof URN_PREFIX - 1 + 36)

struct _PykkaActorRef
{
  GObject       parent_instance;

  PykkaMailbox  mailbox;
  GType         actor_type;
  char         *description;  /* "{TypeName} ({urn})", made when first needed */
  PykkaActor   *actor;        /* weak: cleared by the actor's dispose, under mailbox.lock */
  gpointer      link_owner;   /* the registry that has registry_link; atomic */
  GList         registry_link;
  char          urn[URN_LENGTH + 1];
};

G_DEFINE_FINAL_TYPE (PykkaActorRef, pykka_actor_ref, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ACTOR_URN,
  PROP_ACTOR_TYPE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pykka_actor_ref_finalize (GObject *object)
{
  PykkaActorRef *self = PYKKA_ACTOR_REF (object);

  _pykka_mailbox_clear (&self->mailbox);
  g_free (self->description);

  G_OBJECT_CLASS (pykka_actor_ref_parent_class)->finalize (object);
}

static void
pykka_actor_ref_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PykkaActorRef *self = PYKKA_ACTOR_REF (object);

  switch (prop_id)
    {
    case PROP_ACTOR_URN:
      g_value_set_string (value, self->urn);
      break;
    case PROP_ACTOR_TYPE:
      g_value_set_gtype (value, self->actor_type);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pykka_actor_ref_class_init (PykkaActorRefClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pykka_actor_ref_finalize;
  object_class->get_property = pykka_actor_ref_get_property;

  /**
   * PykkaActorRef:actor-urn:
   *
   * The URN of the actor: `urn:uuid:` and a random (version 4) UUID.
   *
   * Since: 0.1
   */
  properties[PROP_ACTOR_URN] =
    g_param_spec_string ("actor-urn", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * PykkaActorRef:actor-type:
   *
   * The #GType of the actor.
   *
   * Since: 0.1
   */
  properties[PROP_ACTOR_TYPE] =
    g_param_spec_gtype ("actor-type", NULL, NULL, PYKKA_TYPE_ACTOR,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pykka_actor_ref_init (PykkaActorRef *self)
{
  _pykka_mailbox_init (&self->mailbox);
}

/* xoshiro256** (Blackman and Vigna), one state per thread, seeded from GLib's global random
 * generator (itself seeded from the system's entropy): random version 4 UUIDs without a lock
 * or a syscall per actor. g_uuid_string_random () costs several thousand instructions. */
static inline guint64
rotl (guint64 x,
      int     k)
{
  return (x << k) | (x >> (64 - k));
}

static guint64
next_random (void)
{
  static __thread guint64 s[4];
  static __thread gboolean seeded;
  guint64 result, t;

  if G_UNLIKELY (!seeded)
    {
      for (guint i = 0; i < 4; i++)
        s[i] = ((guint64) g_random_int () << 32) | g_random_int ();
      seeded = TRUE;
    }
  result = rotl (s[1] * 5, 7) * 9;
  t = s[1] << 17;
  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl (s[3], 45);
  return result;
}

/* Writes "urn:uuid:" and a random version 4 UUID, without the terminating NUL. */
static void
write_urn (char *out)
{
  static const char hex[] = "0123456789abcdef";
  guint8 bytes[16];
  guint64 a = next_random (), b = next_random ();
  char *p = out;

  memcpy (bytes, &a, 8);
  memcpy (bytes + 8, &b, 8);
  bytes[6] = (bytes[6] & 0x0f) | 0x40;  /* version 4 */
  bytes[8] = (bytes[8] & 0x3f) | 0x80;  /* variant 10 */

  memcpy (p, URN_PREFIX, sizeof URN_PREFIX - 1);
  p += sizeof URN_PREFIX - 1;
  for (guint i = 0; i < 16; i++)
    {
      if (i == 4 || i == 6 || i == 8 || i == 10)
        *p++ = '-';
      *p++ = hex[bytes[i] >> 4];
      *p++ = hex[bytes[i] & 0xf];
    }
}

PykkaActorRef *
_pykka_actor_ref_new (PykkaActor *actor)
{
  PykkaActorRef *self = g_object_new (PYKKA_TYPE_ACTOR_REF, NULL);

  /* Everything in the instance: an actor costs no allocation for its names. */
  write_urn (self->urn);
  self->urn[URN_LENGTH] = '\0';
  self->actor_type = G_OBJECT_TYPE (actor);
  self->actor = actor;
  return self;
}

/* The actor's dispose: from here on dup_actor () gives NULL. A dup_actor () that won the race
 * holds a new reference, and GObject then keeps the actor (it re-checks the count after
 * dispose). Cheaper than a GWeakRef, which takes global locks and qdata per actor. */
void
_pykka_actor_ref_forget_actor (PykkaActorRef *self)
{
  g_mutex_lock (&self->mailbox.lock);
  self->actor = NULL;
  g_mutex_unlock (&self->mailbox.lock);
}

gboolean
_pykka_actor_ref_runs_on_this_thread (PykkaActorRef *self)
{
  PykkaDispatcher *dispatcher;
  gboolean current = FALSE;

  g_mutex_lock (&self->mailbox.lock);
  dispatcher = self->mailbox.dispatcher;
  if (dispatcher != NULL && !self->mailbox.closed)
    current = dispatcher->klass->is_current (dispatcher);
  g_mutex_unlock (&self->mailbox.lock);
  return current;
}

gboolean
_pykka_actor_ref_is_backlogged (PykkaActorRef *self)
{
  PykkaDispatcher *dispatcher = _pykka_mailbox_get_dispatcher (&self->mailbox);

  /* Not started yet: nothing runs it soon either. */
  if (dispatcher == NULL)
    return TRUE;
  return dispatcher->klass->is_backlogged != NULL && dispatcher->klass->is_backlogged (dispatcher);
}

PykkaMailbox *
_pykka_actor_ref_get_mailbox (PykkaActorRef *self)
{
  return &self->mailbox;
}

GList *
_pykka_actor_ref_claim_link (PykkaActorRef *self,
                             gpointer       registry)
{
  if (!g_atomic_pointer_compare_and_exchange (&self->link_owner, NULL, registry))
    return NULL;
  self->registry_link.data = self;
  return &self->registry_link;
}

GList *
_pykka_actor_ref_get_link (PykkaActorRef *self,
                           gpointer       registry)
{
  return g_atomic_pointer_get (&self->link_owner) == registry ? &self->registry_link : NULL;
}

void
_pykka_actor_ref_release_link (PykkaActorRef *self)
{
  self->registry_link.next = self->registry_link.prev = NULL;
  g_atomic_pointer_set (&self->link_owner, NULL);
}

const char *
_pykka_actor_ref_describe (PykkaActorRef *self)
{
  char *description = g_atomic_pointer_get (&self->description);

  /* Most actors are never described (only logs and errors do): make it on first use. */
  if G_UNLIKELY (description == NULL)
    {
      description = g_strdup_printf ("%s (%s)", g_type_name (self->actor_type), self->urn);
      if (!g_atomic_pointer_compare_and_exchange (&self->description, NULL, description))
        {
          g_free (description);
          description = g_atomic_pointer_get (&self->description);
        }
    }
  return description;
}

static GError *
not_found_error (PykkaActorRef *self)
{
  return g_error_new (PYKKA_ERROR, PYKKA_ERROR_ACTOR_DEAD, _("%s not found"),
                      _pykka_actor_ref_describe (self));
}

/* @format has one %s, for the actor. */
static gboolean
is_self_wait (PykkaActorRef  *self,
              gint64          timeout_us,
              const char     *format,
              GError        **error)
{
  PykkaActor *current = _pykka_actor_get_current ();

  if (timeout_us == 0 || current == NULL || pykka_actor_get_actor_ref (current) != self)
    return FALSE;

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  g_set_error (error, PYKKA_ERROR, PYKKA_ERROR_DEADLOCK, format, _pykka_actor_ref_describe (self));
#pragma GCC diagnostic pop
  return TRUE;
}

/**
 * pykka_actor_ref_tell:
 * @self: a #PykkaActorRef
 * @message: the message (copied)
 * @error: return location for a #GError
 *
 * Sends @message to the actor without waiting for anything. The actor's
 * #PykkaActorClass.on_receive handles it; if that fails, the actor stops and
 * #PykkaActorClass.on_failure runs.
 *
 * Returns: %TRUE if the message was queued; %FALSE with %PYKKA_ERROR_ACTOR_DEAD if the actor
 *   is not alive
 *
 * Since: 0.1
 */
gboolean
pykka_actor_ref_tell (PykkaActorRef  *self,
                      const GValue   *message,
                      GError        **error)
{
  PykkaEnvelope *envelope;

  g_return_val_if_fail (PYKKA_IS_ACTOR_REF (self), FALSE);
  g_return_val_if_fail (_pykka_value_is_valid (message), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  envelope = _pykka_envelope_new (PYKKA_ENVELOPE_MESSAGE, message, NULL);
  if (!_pykka_mailbox_push (&self->mailbox, envelope))
    {
      _pykka_envelope_free (envelope);
      g_propagate_error (error, not_found_error (self));
      return FALSE;
    }
  return TRUE;
}

/**
 * pykka_actor_ref_ask:
 * @self: a #PykkaActorRef
 * @message: the message (copied)
 *
 * Sends @message to the actor and returns a future of its reply. If the actor is not alive,
 * or stops before handling @message, the future fails with %PYKKA_ERROR_ACTOR_DEAD; if its
 * handler fails, the future fails with that error and the actor keeps running.
 *
 * Returns: (transfer full): a #PykkaFuture of the reply
 *
 * Since: 0.1
 */
/* Sends @envelope, whose reply_to is not set yet, and returns the future of the reply. */
static PykkaFuture *
send_ask (PykkaActorRef *self,
          PykkaEnvelope *envelope)
{
  PykkaFuture *future = pykka_future_new ();

  _pykka_future_set_completer (future, self);
  envelope->reply_to = g_object_ref (future);
  if (!_pykka_mailbox_push (&self->mailbox, envelope))
    {
      _pykka_envelope_free (envelope);
      _pykka_future_complete (future, NULL, not_found_error (self));
    }
  return future;
}

PykkaFuture *
pykka_actor_ref_ask (PykkaActorRef *self,
                     const GValue  *message)
{
  g_return_val_if_fail (PYKKA_IS_ACTOR_REF (self), NULL);
  g_return_val_if_fail (_pykka_value_is_valid (message), NULL);

  return send_ask (self, _pykka_envelope_new (PYKKA_ENVELOPE_MESSAGE, message, NULL));
}

PykkaFuture *
_pykka_actor_ref_ask_take (PykkaActorRef *self,
                           GValue        *message)
{
  return send_ask (self, _pykka_envelope_new_take (PYKKA_ENVELOPE_MESSAGE, message, NULL));
}

/**
 * pykka_actor_ref_ask_sync:
 * @self: a #PykkaActorRef
 * @message: the message (copied)
 * @timeout_us: how long to wait for the reply, in microseconds; negative waits forever
 * @reply: (out caller-allocates): the reply
 * @error: return location for a #GError
 *
 * Sends @message to the actor and waits for its reply. An actor that asks itself this way
 * from its own handler gets %PYKKA_ERROR_DEADLOCK instead of waiting forever.
 *
 * Returns: (skip): %TRUE if @reply holds the reply; otherwise @reply holds None
 *
 * Since: 0.1
 */
gboolean
pykka_actor_ref_ask_sync (PykkaActorRef  *self,
                          const GValue   *message,
                          gint64          timeout_us,
                          GValue         *reply,
                          GError        **error)
{
  g_autoptr(PykkaFuture) future = NULL;

  g_return_val_if_fail (PYKKA_IS_ACTOR_REF (self), FALSE);
  g_return_val_if_fail (G_IS_VALUE (message), FALSE);
  g_return_val_if_fail (reply != NULL && !G_IS_VALUE (reply), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (is_self_wait (self, timeout_us, _("A blocking ask from %s on itself would wait forever"),
                    error))
    {
      pykka_value_init_none (reply);
      return FALSE;
    }

  future = pykka_actor_ref_ask (self, message);
  return pykka_future_get (future, timeout_us, reply, error);
}

/**
 * pykka_actor_ref_ask_async:
 * @self: a #PykkaActorRef
 * @message: the message (copied)
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called with the reply
 * @user_data: (closure): data for @callback
 *
 * Sends @message to the actor and waits for the reply without blocking. @callback runs on the
 * thread-default main context of the caller, never inside this call; call
 * pykka_actor_ref_ask_finish() from it. Cancelling ends the wait, not the actor's work.
 *
 * Since: 0.1
 */
void
pykka_actor_ref_ask_async (PykkaActorRef       *self,
                           const GValue        *message,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(PykkaFuture) future = NULL;

  g_return_if_fail (PYKKA_IS_ACTOR_REF (self));
  g_return_if_fail (G_IS_VALUE (message));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  future = pykka_actor_ref_ask (self, message);
  _pykka_future_get_async_full (future, self, pykka_actor_ref_ask_async, cancellable, callback,
                                user_data);
}

/**
 * pykka_actor_ref_ask_finish:
 * @self: a #PykkaActorRef
 * @result: the #GAsyncResult given to the callback
 * @reply: (out caller-allocates): the reply
 * @error: return location for a #GError
 *
 * Finishes pykka_actor_ref_ask_async(). On failure @reply holds None.
 *
 * Returns: (skip): %TRUE on success
 *
 * Since: 0.1
 */
gboolean
pykka_actor_ref_ask_finish (PykkaActorRef  *self,
                            GAsyncResult   *result,
                            GValue         *reply,
                            GError        **error)
{
  g_return_val_if_fail (PYKKA_IS_ACTOR_REF (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == pykka_actor_ref_ask_async, FALSE);
  g_return_val_if_fail (reply != NULL && !G_IS_VALUE (reply), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _pykka_future_get_finish_full (result, reply, error);
}

/**
 * pykka_actor_ref_stop_future:
 * @self: a #PykkaActorRef
 *
 * Queues a stop behind the messages already sent and returns at once. The future's value is
 * a boolean: %TRUE once the actor has run #PykkaActorClass.on_stop (or has ended otherwise
 * with the stop still queued), %FALSE if the actor was not alive when this was called.
 *
 * Returns: (transfer full): a #PykkaFuture of a boolean
 *
 * Since: 0.1
 */
PykkaFuture *
pykka_actor_ref_stop_future (PykkaActorRef *self)
{
  PykkaFuture *reply;
  PykkaEnvelope *envelope;

  g_return_val_if_fail (PYKKA_IS_ACTOR_REF (self), NULL);

  reply = pykka_future_new ();
  _pykka_future_set_completer (reply, self);
  envelope = _pykka_envelope_new (PYKKA_ENVELOPE_STOP, NULL, reply);
  if (!_pykka_mailbox_push (&self->mailbox, envelope))
    {
      GValue dead = G_VALUE_INIT;

      _pykka_envelope_free (envelope);
      g_value_init (&dead, G_TYPE_BOOLEAN);
      _pykka_future_complete (reply, &dead, NULL);
    }
  /* Otherwise the actor answers TRUE: when it handles the stop, or when its teardown finds it
   * still queued. */
  return reply;
}

/**
 * pykka_actor_ref_stop:
 * @self: a #PykkaActorRef
 * @timeout_us: how long to wait, in microseconds; negative waits forever
 * @error: return location for a #GError
 *
 * Stops the actor and waits until it has run #PykkaActorClass.on_stop. Messages sent before
 * the stop are handled first. An actor that stops itself this way from its own handler gets
 * %PYKKA_ERROR_DEADLOCK; use pykka_actor_stop() there.
 *
 * Returns: %TRUE if the actor was alive and has stopped; %FALSE without an error if it was
 *   not alive; %FALSE with an error on timeout or deadlock
 *
 * Since: 0.1
 */
gboolean
pykka_actor_ref_stop (PykkaActorRef  *self,
                      gint64          timeout_us,
                      GError        **error)
{
  g_autoptr(PykkaFuture) future = NULL;
  g_auto(GValue) stopped = G_VALUE_INIT;

  g_return_val_if_fail (PYKKA_IS_ACTOR_REF (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (is_self_wait (self, timeout_us, _("A blocking stop from %s on itself would wait forever"),
                    error))
    return FALSE;

  future = pykka_actor_ref_stop_future (self);
  if (!pykka_future_get (future, timeout_us, &stopped, error))
    return FALSE;
  return g_value_get_boolean (&stopped);
}

/**
 * pykka_actor_ref_is_alive:
 * @self: a #PykkaActorRef
 *
 * Tells whether the actor still takes messages. %TRUE is no promise that it will handle the
 * next one: it may be stopping at this very moment.
 *
 * Returns: %FALSE once the actor has stopped
 *
 * Since: 0.1
 */
gboolean
pykka_actor_ref_is_alive (PykkaActorRef *self)
{
  g_return_val_if_fail (PYKKA_IS_ACTOR_REF (self), FALSE);

  return !_pykka_mailbox_is_closed (&self->mailbox);
}

/**
 * pykka_actor_ref_get_actor_urn: (get-property actor-urn)
 * @self: a #PykkaActorRef
 *
 * Gets the URN of the actor of @self.
 *
 * Returns: the URN of the actor, `urn:uuid:` and a random UUID
 *
 * Since: 0.1
 */
const char *
pykka_actor_ref_get_actor_urn (PykkaActorRef *self)
{
  g_return_val_if_fail (PYKKA_IS_ACTOR_REF (self), NULL);

  return self->urn;
}

/**
 * pykka_actor_ref_get_actor_type: (get-property actor-type)
 * @self: a #PykkaActorRef
 *
 * Gets the type of the actor of @self.
 *
 * Returns: the #GType of the actor
 *
 * Since: 0.1
 */
GType
pykka_actor_ref_get_actor_type (PykkaActorRef *self)
{
  g_return_val_if_fail (PYKKA_IS_ACTOR_REF (self), G_TYPE_INVALID);

  return self->actor_type;
}

/**
 * pykka_actor_ref_dup_actor:
 * @self: a #PykkaActorRef
 *
 * Gets the actor, if it still exists. Only the actor's own thread may call its handlers; use
 * this for identity and type checks, not to bypass the mailbox.
 *
 * Returns: (transfer full) (nullable): the actor, or %NULL once it has been freed
 *
 * Since: 0.1
 */
PykkaActor *
pykka_actor_ref_dup_actor (PykkaActorRef *self)
{
  PykkaActor *actor;

  g_return_val_if_fail (PYKKA_IS_ACTOR_REF (self), NULL);

  g_mutex_lock (&self->mailbox.lock);
  actor = self->actor != NULL ? g_object_ref (self->actor) : NULL;
  g_mutex_unlock (&self->mailbox.lock);
  return actor;
}

/**
 * pykka_actor_ref_hash:
 * @ref: (type PykkaActorRef): a #PykkaActorRef
 *
 * A #GHashFunc for refs, to go with pykka_actor_ref_equal().
 *
 * Returns: a hash of @ref
 *
 * Since: 0.1
 */
guint
pykka_actor_ref_hash (gconstpointer ref)
{
  g_return_val_if_fail (PYKKA_IS_ACTOR_REF ((gpointer) ref), 0);

  return g_direct_hash (ref);
}

/**
 * pykka_actor_ref_equal:
 * @a: (type PykkaActorRef): a #PykkaActorRef
 * @b: (type PykkaActorRef): a #PykkaActorRef
 *
 * A #GEqualFunc for refs: refs are equal when they are the same object.
 *
 * Returns: %TRUE if @a and @b are the same ref
 *
 * Since: 0.1
 */
gboolean
pykka_actor_ref_equal (gconstpointer a,
                       gconstpointer b)
{
  g_return_val_if_fail (PYKKA_IS_ACTOR_REF ((gpointer) a), FALSE);
  g_return_val_if_fail (PYKKA_IS_ACTOR_REF ((gpointer) b), FALSE);

  return a == b;
}

/**
 * pykka_actor_ref_to_string:
 * @self: a #PykkaActorRef
 *
 * Describes the actor of @self the way Pykka writes refs in log records and error messages.
 *
 * Returns: (transfer full): `"{TypeName} ({urn})"`, as Pykka prints refs and actors
 *
 * Since: 0.1
 */
char *
pykka_actor_ref_to_string (PykkaActorRef *self)
{
  g_return_val_if_fail (PYKKA_IS_ACTOR_REF (self), NULL);

  return g_strdup (_pykka_actor_ref_describe (self));
}
