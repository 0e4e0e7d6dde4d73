/* test-actor.c: the actor lifecycle (Pykka's tests/test_actor.py, plus the edge cases of
 * PYKKA-BEHAVIOUR.md §6)
 *
 * SPDX-FileCopyrightText: 2026 The pykka-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "pykka-test-utils.h"

#include <string.h>

#define WAIT_MS 5000
#define WAIT_US (5 * G_TIME_SPAN_SECOND)

/* The test error domain: what Pykka's tests raise as Exception / RuntimeError. */
#define TEST_ERROR (test_error_quark ())
static G_DEFINE_QUARK (test-actor-error-quark, test_error)

typedef enum
{
  TEST_ERROR_FOO,
  TEST_ERROR_ON_START,
  TEST_ERROR_ON_STOP,
  TEST_ERROR_ON_RECEIVE,
  TEST_ERROR_ON_FAILURE,
} TestError;

/* ------------------------------------------------------------------------------------------ */
/* Events: Pykka's `events` fixture, shared by the test and the actor (reference counted, so
 * an actor that outlives a test never touches freed memory). Fields other than the events are
 * written on the actor's thread before the event announcing them is set, and read by the test
 * after it waited on that event. */

typedef struct
{
  PykkaTestEvent *on_start_was_called;
  PykkaTestEvent *on_stop_was_called;
  PykkaTestEvent *on_failure_was_called;
  PykkaTestEvent *greetings_was_received;
  PykkaTestEvent *actor_registered_before_on_start_was_called;
  PykkaTestEvent *on_stop_entered;
  PykkaTestEvent *release;

  /* Set by the test before the actor starts. */
  gboolean stop_in_on_failure;

  /* Observations made on the actor's thread. */
  gint on_stop_count;                 /* atomic */
  gint on_stop_finished;              /* atomic */
  gboolean greetings_after_on_start;
  gboolean greetings_before_on_stop;
  GError *failure;
  gboolean alive_in_on_failure;
  gboolean stop_in_on_failure_result;
  GError *stop_in_on_failure_error;
} Events;

static Events *
events_new (void)
{
  Events *events = g_atomic_rc_box_new0 (Events);

  events->on_start_was_called = pykka_test_event_new ();
  events->on_stop_was_called = pykka_test_event_new ();
  events->on_failure_was_called = pykka_test_event_new ();
  events->greetings_was_received = pykka_test_event_new ();
  events->actor_registered_before_on_start_was_called = pykka_test_event_new ();
  events->on_stop_entered = pykka_test_event_new ();
  events->release = pykka_test_event_new ();
  return events;
}

static Events *
events_ref (Events *events)
{
  return g_atomic_rc_box_acquire (events);
}

static void
events_clear (gpointer data)
{
  Events *events = data;

  pykka_test_event_free (events->on_start_was_called);
  pykka_test_event_free (events->on_stop_was_called);
  pykka_test_event_free (events->on_failure_was_called);
  pykka_test_event_free (events->greetings_was_received);
  pykka_test_event_free (events->actor_registered_before_on_start_was_called);
  pykka_test_event_free (events->on_stop_entered);
  pykka_test_event_free (events->release);
  g_clear_error (&events->failure);
  g_clear_error (&events->stop_in_on_failure_error);
}

static void
events_unref (Events *events)
{
  g_atomic_rc_box_release_full (events, events_clear);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Events, events_unref)

/* ------------------------------------------------------------------------------------------ */
/* The "callback" message: Pykka's {'command': 'callback', 'callback': fn}. */

typedef struct
{
  void     (*func) (gpointer data);
  gpointer   data;
} TestCallback;

static TestCallback *
test_callback_copy (const TestCallback *callback)
{
  return g_memdup2 (callback, sizeof *callback);
}

#define TEST_TYPE_CALLBACK (test_callback_get_type ())
GType test_callback_get_type (void);
G_DEFINE_BOXED_TYPE (TestCallback, test_callback, test_callback_copy, g_free)

/* ------------------------------------------------------------------------------------------ */
/* TestActor: an abstract base holding the events. Its hooks do what every actor of Pykka's
 * fixtures does: on_start, on_stop and on_failure set their events. */

#define TEST_TYPE_ACTOR (test_actor_get_type ())
G_DECLARE_DERIVABLE_TYPE (TestActor, test_actor, TEST, ACTOR, PykkaActor)

struct _TestActorClass
{
  PykkaActorClass parent_class;
};

typedef struct
{
  Events *events;
} TestActorPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (TestActor, test_actor, PYKKA_TYPE_ACTOR)

enum
{
  PROP_EVENTS = 1,
};

static Events *
test_actor_get_events (gpointer self)
{
  TestActorPrivate *priv = test_actor_get_instance_private (TEST_ACTOR (self));

  return priv->events;
}

static void
test_actor_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  TestActorPrivate *priv = test_actor_get_instance_private (TEST_ACTOR (object));

  switch (prop_id)
    {
    case PROP_EVENTS:
      priv->events = events_ref (g_value_get_pointer (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
test_actor_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  TestActorPrivate *priv = test_actor_get_instance_private (TEST_ACTOR (object));

  switch (prop_id)
    {
    case PROP_EVENTS:
      g_value_set_pointer (value, priv->events);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
test_actor_finalize (GObject *object)
{
  TestActorPrivate *priv = test_actor_get_instance_private (TEST_ACTOR (object));

  g_clear_pointer (&priv->events, events_unref);
  G_OBJECT_CLASS (test_actor_parent_class)->finalize (object);
}

static void
test_actor_on_start (PykkaActor  *actor,
                     GError     **error)
{
  Events *events = test_actor_get_events (actor);
  PykkaActorRegistry *registry = pykka_actor_get_registry (actor);
  g_autoptr(PykkaActorRef) found = NULL;

  found = pykka_actor_registry_get_by_urn (registry, pykka_actor_get_actor_urn (actor));
  if (found != NULL)
    pykka_test_event_set (events->actor_registered_before_on_start_was_called);
  pykka_test_event_set (events->on_start_was_called);
}

static void
test_actor_on_stop (PykkaActor  *actor,
                    GError     **error)
{
  Events *events = test_actor_get_events (actor);

  g_atomic_int_inc (&events->on_stop_count);
  pykka_test_event_set (events->on_stop_was_called);
}

static void
test_actor_on_failure (PykkaActor    *actor,
                       const GError  *failure,
                       GError       **error)
{
  Events *events = test_actor_get_events (actor);

  events->failure = g_error_copy (failure);
  events->alive_in_on_failure = pykka_actor_ref_is_alive (pykka_actor_get_actor_ref (actor));
  if (events->stop_in_on_failure)
    events->stop_in_on_failure_result = pykka_actor_stop (actor,
                                                          &events->stop_in_on_failure_error);
  pykka_test_event_set (events->on_failure_was_called);
}

static void
test_actor_class_init (TestActorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  PykkaActorClass *actor_class = PYKKA_ACTOR_CLASS (klass);

  object_class->set_property = test_actor_set_property;
  object_class->get_property = test_actor_get_property;
  object_class->finalize = test_actor_finalize;
  actor_class->on_start = test_actor_on_start;
  actor_class->on_stop = test_actor_on_stop;
  actor_class->on_failure = test_actor_on_failure;

  g_object_class_install_property (object_class, PROP_EVENTS,
    g_param_spec_pointer ("events", NULL, NULL,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
}

static void
test_actor_init (TestActor *self)
{
}

/* ------------------------------------------------------------------------------------------ */
/* ActorA: Pykka's ActorA, with string commands. Two commands are added for the edge cases:
 * "ask self" (a blocking self-ask) and "stop self blocking" (a blocking self-stop). */

#define ACTOR_TYPE_A (actor_a_get_type ())
G_DECLARE_FINAL_TYPE (ActorA, actor_a, ACTOR, A, TestActor)

struct _ActorA
{
  TestActor parent_instance;
};

G_DEFINE_FINAL_TYPE (ActorA, actor_a, TEST_TYPE_ACTOR)

static void
value_init_command (GValue     *value,
                    const char *command)
{
  g_value_init (value, G_TYPE_STRING);
  g_value_set_static_string (value, command);
}

static void
actor_a_on_receive (PykkaActor    *actor,
                    const GValue  *message,
                    GValue        *reply,
                    GError       **error)
{
  Events *events = test_actor_get_events (actor);
  const char *command = G_VALUE_HOLDS_STRING (message) ? g_value_get_string (message) : NULL;

  if (G_VALUE_HOLDS (message, TEST_TYPE_CALLBACK))
    {
      TestCallback *callback = g_value_get_boxed (message);

      callback->func (callback->data);
    }
  else if (g_strcmp0 (command, "raise exception") == 0)
    {
      g_set_error_literal (error, TEST_ERROR, TEST_ERROR_FOO, "foo");
    }
  else if (g_strcmp0 (command, "raise base exception") == 0)
    {
      g_set_error_literal (error, PYKKA_ERROR, PYKKA_ERROR_FATAL, "base exception");
    }
  else if (g_strcmp0 (command, "stop twice") == 0)
    {
      if (pykka_actor_stop (actor, error))
        pykka_actor_stop (actor, error);
    }
  else if (g_strcmp0 (command, "message self then stop") == 0)
    {
      g_auto(GValue) greetings = G_VALUE_INIT;

      value_init_command (&greetings, "greetings");
      if (pykka_actor_ref_tell (pykka_actor_get_actor_ref (actor), &greetings, error))
        pykka_actor_stop (actor, error);
    }
  else if (g_strcmp0 (command, "greetings") == 0)
    {
      events->greetings_after_on_start = pykka_test_event_is_set (events->on_start_was_called);
      events->greetings_before_on_stop = !pykka_test_event_is_set (events->on_stop_was_called);
      pykka_test_event_set (events->greetings_was_received);
    }
  else if (g_strcmp0 (command, "ask self") == 0)
    {
      g_auto(GValue) greetings = G_VALUE_INIT;

      value_init_command (&greetings, "greetings");
      pykka_actor_ref_ask_sync (pykka_actor_get_actor_ref (actor), &greetings, PYKKA_FOREVER,
                                reply, error);
    }
  else if (g_strcmp0 (command, "stop self blocking") == 0)
    {
      pykka_actor_ref_stop (pykka_actor_get_actor_ref (actor), PYKKA_FOREVER, error);
    }
  else
    {
      PYKKA_ACTOR_CLASS (actor_a_parent_class)->on_receive (actor, message, reply, error);
    }
}

static void
actor_a_class_init (ActorAClass *klass)
{
  PYKKA_ACTOR_CLASS (klass)->on_receive = actor_a_on_receive;
}

static void
actor_a_init (ActorA *self)
{
}

/* EarlyStoppingActor: on_start stops the actor. */

#define TYPE_EARLY_STOPPING_ACTOR (early_stopping_actor_get_type ())
G_DECLARE_FINAL_TYPE (EarlyStoppingActor, early_stopping_actor, EARLY_STOPPING, ACTOR, TestActor)

struct _EarlyStoppingActor
{
  TestActor parent_instance;
};

G_DEFINE_FINAL_TYPE (EarlyStoppingActor, early_stopping_actor, TEST_TYPE_ACTOR)

static void
early_stopping_actor_on_start (PykkaActor  *actor,
                               GError     **error)
{
  PYKKA_ACTOR_CLASS (early_stopping_actor_parent_class)->on_start (actor, error);
  pykka_actor_stop (actor, error);
}

static void
early_stopping_actor_class_init (EarlyStoppingActorClass *klass)
{
  PYKKA_ACTOR_CLASS (klass)->on_start = early_stopping_actor_on_start;
}

static void
early_stopping_actor_init (EarlyStoppingActor *self)
{
}

/* EarlyFailingActor: on_start fails. */

#define TYPE_EARLY_FAILING_ACTOR (early_failing_actor_get_type ())
G_DECLARE_FINAL_TYPE (EarlyFailingActor, early_failing_actor, EARLY_FAILING, ACTOR, TestActor)

struct _EarlyFailingActor
{
  TestActor parent_instance;
};

G_DEFINE_FINAL_TYPE (EarlyFailingActor, early_failing_actor, TEST_TYPE_ACTOR)

static void
early_failing_actor_on_start (PykkaActor  *actor,
                              GError     **error)
{
  g_set_error_literal (error, TEST_ERROR, TEST_ERROR_ON_START, "on_start failure");
  PYKKA_ACTOR_CLASS (early_failing_actor_parent_class)->on_start (actor, NULL);
}

static void
early_failing_actor_class_init (EarlyFailingActorClass *klass)
{
  PYKKA_ACTOR_CLASS (klass)->on_start = early_failing_actor_on_start;
}

static void
early_failing_actor_init (EarlyFailingActor *self)
{
}

/* LateFailingActor: on_start stops the actor, on_stop fails. */

#define TYPE_LATE_FAILING_ACTOR (late_failing_actor_get_type ())
G_DECLARE_FINAL_TYPE (LateFailingActor, late_failing_actor, LATE_FAILING, ACTOR, TestActor)

struct _LateFailingActor
{
  TestActor parent_instance;
};

G_DEFINE_FINAL_TYPE (LateFailingActor, late_failing_actor, TEST_TYPE_ACTOR)

static void
late_failing_actor_on_start (PykkaActor  *actor,
                             GError     **error)
{
  PYKKA_ACTOR_CLASS (late_failing_actor_parent_class)->on_start (actor, error);
  pykka_actor_stop (actor, error);
}

static void
late_failing_actor_on_stop (PykkaActor  *actor,
                            GError     **error)
{
  g_set_error_literal (error, TEST_ERROR, TEST_ERROR_ON_STOP, "on_stop failure");
  PYKKA_ACTOR_CLASS (late_failing_actor_parent_class)->on_stop (actor, NULL);
}

static void
late_failing_actor_class_init (LateFailingActorClass *klass)
{
  PYKKA_ACTOR_CLASS (klass)->on_start = late_failing_actor_on_start;
  PYKKA_ACTOR_CLASS (klass)->on_stop = late_failing_actor_on_stop;
}

static void
late_failing_actor_init (LateFailingActor *self)
{
}

/* FailingOnFailureActor: "raise exception" fails the handler, and on_failure fails too. */

#define TYPE_FAILING_ON_FAILURE_ACTOR (failing_on_failure_actor_get_type ())
G_DECLARE_FINAL_TYPE (FailingOnFailureActor, failing_on_failure_actor, FAILING_ON_FAILURE, ACTOR,
                      TestActor)

struct _FailingOnFailureActor
{
  TestActor parent_instance;
};

G_DEFINE_FINAL_TYPE (FailingOnFailureActor, failing_on_failure_actor, TEST_TYPE_ACTOR)

static void
failing_on_failure_actor_on_receive (PykkaActor    *actor,
                                     const GValue  *message,
                                     GValue        *reply,
                                     GError       **error)
{
  if (G_VALUE_HOLDS_STRING (message) &&
      g_strcmp0 (g_value_get_string (message), "raise exception") == 0)
    g_set_error_literal (error, TEST_ERROR, TEST_ERROR_ON_RECEIVE, "on_receive failure");
  else
    PYKKA_ACTOR_CLASS (failing_on_failure_actor_parent_class)->on_receive (actor, message,
                                                                           reply, error);
}

static void
failing_on_failure_actor_on_failure (PykkaActor    *actor,
                                     const GError  *failure,
                                     GError       **error)
{
  g_set_error_literal (error, TEST_ERROR, TEST_ERROR_ON_FAILURE, "on_failure failure");
  PYKKA_ACTOR_CLASS (failing_on_failure_actor_parent_class)->on_failure (actor, failure, NULL);
}

static void
failing_on_failure_actor_class_init (FailingOnFailureActorClass *klass)
{
  PYKKA_ACTOR_CLASS (klass)->on_receive = failing_on_failure_actor_on_receive;
  PYKKA_ACTOR_CLASS (klass)->on_failure = failing_on_failure_actor_on_failure;
}

static void
failing_on_failure_actor_init (FailingOnFailureActor *self)
{
}

/* SlowStopActor: on_stop waits for the test to release it. */

#define TYPE_SLOW_STOP_ACTOR (slow_stop_actor_get_type ())
G_DECLARE_FINAL_TYPE (SlowStopActor, slow_stop_actor, SLOW_STOP, ACTOR, TestActor)

struct _SlowStopActor
{
  TestActor parent_instance;
};

G_DEFINE_FINAL_TYPE (SlowStopActor, slow_stop_actor, TEST_TYPE_ACTOR)

static void
slow_stop_actor_on_stop (PykkaActor  *actor,
                         GError     **error)
{
  Events *events = test_actor_get_events (actor);

  pykka_test_event_set (events->on_stop_entered);
  pykka_test_event_wait (events->release, WAIT_MS);
  PYKKA_ACTOR_CLASS (slow_stop_actor_parent_class)->on_stop (actor, error);
  g_atomic_int_set (&events->on_stop_finished, TRUE);
}

static void
slow_stop_actor_class_init (SlowStopActorClass *klass)
{
  PYKKA_ACTOR_CLASS (klass)->on_stop = slow_stop_actor_on_stop;
}

static void
slow_stop_actor_init (SlowStopActor *self)
{
}

/* ------------------------------------------------------------------------------------------ */
/* Helpers */

static PykkaActor *
new_actor (GType               type,
           Events             *events,
           PykkaActorRegistry *registry)
{
  return g_object_new (type, "events", events, "registry", registry, NULL);
}

/* Starts an actor of @type and drops the caller's reference to it; @weak (optional) is set
 * to the actor. */
static PykkaActorRef *
start_actor_full (GType               type,
                  Events             *events,
                  PykkaActorRegistry *registry,
                  GWeakRef           *weak)
{
  g_autoptr(PykkaActor) actor = new_actor (type, events, registry);
  g_autoptr(GError) error = NULL;
  PykkaActorRef *ref;

  if (weak != NULL)
    g_weak_ref_init (weak, actor);
  ref = pykka_test_start (actor, &error);
  g_assert_no_error (error);
  g_assert_nonnull (ref);
  return ref;
}

static PykkaActorRef *
start_actor (GType               type,
             Events             *events,
             PykkaActorRegistry *registry)
{
  return start_actor_full (type, events, registry, NULL);
}

static void
tell_command (PykkaActorRef *ref,
              const char    *command)
{
  g_auto(GValue) message = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;

  value_init_command (&message, command);
  g_assert_true (pykka_actor_ref_tell (ref, &message, &error));
  g_assert_no_error (error);
}

static PykkaFuture *
ask_command (PykkaActorRef *ref,
             const char    *command)
{
  g_auto(GValue) message = G_VALUE_INIT;
  PykkaFuture *future;

  value_init_command (&message, command);
  future = pykka_actor_ref_ask (ref, &message);
  g_assert_nonnull (future);
  return future;
}

static void
tell_callback (PykkaActorRef *ref,
               void         (*func) (gpointer data),
               gpointer       data)
{
  TestCallback callback = { func, data };
  g_auto(GValue) message = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;

  g_value_init (&message, TEST_TYPE_CALLBACK);
  g_value_set_boxed (&message, &callback);
  g_assert_true (pykka_actor_ref_tell (ref, &message, &error));
  g_assert_no_error (error);
}

/* A callback that blocks the actor until the test sets events->release. */
static void
block_until_released (gpointer data)
{
  Events *events = data;

  pykka_test_event_wait (events->release, WAIT_MS);
}

static gboolean
wait_event (PykkaTestEvent *event)
{
  return pykka_test_event_wait (event, WAIT_MS);
}

/* Waits for a dying actor to be dead: an ask on it must fail with ACTOR_DEAD (either
 * refused, or answered by the teardown). */
static void
assert_ask_fails_actor_dead (PykkaActorRef *ref)
{
  g_autoptr(PykkaFuture) future = ask_command (ref, "greetings");
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;

  g_assert_false (pykka_future_get (future, WAIT_US, &value, &error));
  g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_ACTOR_DEAD);
}

/* Polls until the object behind @weak is gone (up to 5 s). Once the actor has been finalised
 * no hook of it can run any more. */
static gboolean
wait_for_finalize (GWeakRef *weak)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_US;

  for (;;)
    {
      g_autoptr(GObject) object = g_weak_ref_get (weak);

      if (object == NULL)
        return TRUE;
      if (g_get_monotonic_time () >= deadline)
        return FALSE;
      g_clear_object (&object);
      g_usleep (G_TIME_SPAN_MILLISECOND);
    }
}

static void
stop_registry (PykkaActorRegistry *registry)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pykka_actor_registry_stop_all (registry, PYKKA_FOREVER, &error));
  g_assert_no_error (error);
}

/* ------------------------------------------------------------------------------------------ */
/* Pykka's tests/test_actor.py */

static void
test_messages_left_in_queue_after_actor_stops_receive_an_error (void)
{
  g_autoptr(Events) events = events_new ();
  g_autoptr(PykkaActorRef) ref = start_actor (ACTOR_TYPE_A, events, NULL);
  g_autoptr(PykkaFuture) stop_future = NULL;
  g_autoptr(PykkaFuture) future = NULL;
  g_autofree char *ref_string = pykka_actor_ref_to_string (ref);
  g_autofree char *expected = g_strdup_printf ("%s stopped before handling the message",
                                               ref_string);
  g_auto(GValue) value = G_VALUE_INIT;
  g_auto(GValue) stopped = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;

  tell_callback (ref, block_until_released, events);
  stop_future = pykka_actor_ref_stop_future (ref);
  future = ask_command (ref, "greetings");
  pykka_test_event_set (events->release);

  g_assert_false (pykka_future_get (future, WAIT_US, &value, &error));
  g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_ACTOR_DEAD);
  g_assert_cmpstr (error->message, ==, expected);
  g_assert_false (pykka_test_event_is_set (events->greetings_was_received));

  g_clear_error (&error);
  g_assert_true (pykka_future_get (stop_future, WAIT_US, &stopped, &error));
  g_assert_no_error (error);
  g_assert_true (G_VALUE_HOLDS_BOOLEAN (&stopped));
  g_assert_true (g_value_get_boolean (&stopped));

  pykka_test_stop_all ();
}

static void
test_stop_requests_left_in_queue_after_actor_stops_are_handled (void)
{
  g_autoptr(Events) events = events_new ();
  g_autoptr(PykkaActorRef) ref = start_actor (ACTOR_TYPE_A, events, NULL);
  g_autoptr(PykkaFuture) first = NULL;
  g_autoptr(PykkaFuture) second = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;

  tell_callback (ref, block_until_released, events);
  first = pykka_actor_ref_stop_future (ref);
  second = pykka_actor_ref_stop_future (ref);
  pykka_test_event_set (events->release);

  g_assert_true (pykka_future_get (second, WAIT_US, &value, &error));
  g_assert_no_error (error);
  g_assert_true (G_VALUE_HOLDS_BOOLEAN (&value));
  g_assert_true (g_value_get_boolean (&value));

  g_value_unset (&value);
  g_assert_true (pykka_future_get (first, WAIT_US, &value, &error));
  g_assert_no_error (error);
  g_assert_true (G_VALUE_HOLDS_BOOLEAN (&value));
  g_assert_true (g_value_get_boolean (&value));
  g_assert_cmpint (g_atomic_int_get (&events->on_stop_count), ==, 1);

  pykka_test_stop_all ();
}

static void
assert_uuid4_urn (const char *urn)
{
  const char *uuid;

  g_assert_nonnull (urn);
  g_assert_true (g_str_has_prefix (urn, "urn:uuid:"));
  uuid = urn + strlen ("urn:uuid:");
  g_assert_true (g_uuid_string_is_valid (uuid));
  g_assert_cmpint (uuid[14], ==, '4');                  /* version nibble */
  g_assert_nonnull (strchr ("89abAB", uuid[19]));       /* RFC 4122 variant */
}

static void
test_actor_has_an_uuid4_based_urn (void)
{
  g_autoptr(Events) events = events_new ();
  g_autoptr(PykkaActor) actor = new_actor (ACTOR_TYPE_A, events, NULL);
  g_autoptr(PykkaActorRef) ref = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *property_urn = NULL;

  assert_uuid4_urn (pykka_actor_get_actor_urn (actor));
  g_object_get (actor, "actor-urn", &property_urn, NULL);
  g_assert_cmpstr (property_urn, ==, pykka_actor_get_actor_urn (actor));

  ref = pykka_test_start (actor, &error);
  g_assert_no_error (error);
  g_assert_nonnull (ref);
  assert_uuid4_urn (pykka_actor_ref_get_actor_urn (ref));
  g_assert_cmpstr (pykka_actor_ref_get_actor_urn (ref), ==, property_urn);

  pykka_test_stop_all ();
}

static void
test_actor_has_unique_uuid (void)
{
  g_autoptr(Events) events = events_new ();
  PykkaActorRef *refs[3];

  for (guint i = 0; i < G_N_ELEMENTS (refs); i++)
    refs[i] = start_actor (ACTOR_TYPE_A, events, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (refs); i++)
    {
      assert_uuid4_urn (pykka_actor_ref_get_actor_urn (refs[i]));
      for (guint j = i + 1; j < G_N_ELEMENTS (refs); j++)
        g_assert_cmpstr (pykka_actor_ref_get_actor_urn (refs[i]), !=,
                         pykka_actor_ref_get_actor_urn (refs[j]));
    }

  pykka_test_stop_all ();
  for (guint i = 0; i < G_N_ELEMENTS (refs); i++)
    g_object_unref (refs[i]);
}

static void
test_str_on_raw_actor_contains_actor_class_name (void)
{
  g_autoptr(Events) events = events_new ();
  g_autoptr(PykkaActor) actor = new_actor (ACTOR_TYPE_A, events, NULL);
  g_autofree char *string = pykka_actor_to_string (actor);

  g_assert_nonnull (strstr (string, "ActorA"));
}

static void
test_str_on_raw_actor_contains_actor_urn (void)
{
  g_autoptr(Events) events = events_new ();
  g_autoptr(PykkaActor) actor = new_actor (ACTOR_TYPE_A, events, NULL);
  g_autofree char *string = pykka_actor_to_string (actor);
  g_autofree char *expected = g_strdup_printf ("ActorA (%s)", pykka_actor_get_actor_urn (actor));

  g_assert_nonnull (strstr (string, pykka_actor_get_actor_urn (actor)));
  g_assert_cmpstr (string, ==, expected);
}

/* Pykka's actors take arbitrary constructor arguments; a GObject takes properties, its own
 * and those of its parent classes, in any order. */
static void
test_init_can_be_called_with_arbitrary_arguments (void)
{
  g_autoptr(Events) events = events_new ();
  g_autoptr(PykkaActorRegistry) registry = pykka_actor_registry_new ();
  g_autoptr(PykkaActor) actor = NULL;
  g_autoptr(PykkaActor) plain = NULL;
  g_autoptr(PykkaActorRegistry) registry_property = NULL;
  gpointer events_property = NULL;

  actor = g_object_new (ACTOR_TYPE_A, "registry", registry, "events", events, NULL);
  g_assert_true (PYKKA_IS_ACTOR (actor));
  g_object_get (actor, "registry", &registry_property, "events", &events_property, NULL);
  g_assert_true (registry_property == registry);
  g_assert_true (events_property == events);
  g_assert_true (pykka_actor_get_registry (actor) == registry);

  plain = g_object_new (ACTOR_TYPE_A, "events", events, NULL);
  g_assert_true (pykka_actor_get_registry (plain) == pykka_actor_registry_get_default ());
}

static void
test_on_start_is_called_before_first_message_is_processed (void)
{
  g_autoptr(Events) events = events_new ();
  g_autoptr(PykkaActorRef) ref = start_actor (ACTOR_TYPE_A, events, NULL);

  tell_command (ref, "greetings");
  g_assert_true (wait_event (events->on_start_was_called));
  g_assert_true (wait_event (events->greetings_was_received));
  g_assert_true (events->greetings_after_on_start);

  pykka_test_stop_all ();
}

static void
test_on_start_is_called_after_the_actor_is_registered (void)
{
  g_autoptr(Events) events = events_new ();
  g_autoptr(PykkaActorRef) ref = start_actor (ACTOR_TYPE_A, events, NULL);

  g_assert_true (wait_event (events->on_start_was_called));
  g_assert_true (pykka_test_event_is_set (events->actor_registered_before_on_start_was_called));

  pykka_test_stop_all ();
}

static void
test_on_start_can_stop_actor_before_receive_loop_is_started (void)
{
  g_autoptr(Events) events = events_new ();
  g_autoptr(PykkaActorRef) ref = start_actor (TYPE_EARLY_STOPPING_ACTOR, events, NULL);

  g_assert_true (wait_event (events->on_start_was_called));
  g_assert_true (wait_event (events->on_stop_was_called));
  g_assert_false (pykka_actor_ref_is_alive (ref));

  pykka_test_stop_all ();
}

static void
test_on_start_failure_causes_actor_to_stop (void)
{
  g_autoptr(Events) events = events_new ();
  g_autoptr(PykkaActorRef) ref = start_actor (TYPE_EARLY_FAILING_ACTOR, events, NULL);

  g_assert_true (wait_event (events->on_start_was_called));
  assert_ask_fails_actor_dead (ref);
  g_assert_false (pykka_actor_ref_is_alive (ref));

  pykka_test_stop_all ();
}

static void
test_on_stop_is_called_when_actor_is_stopped (void)
{
  g_autoptr(Events) events = events_new ();
  g_autoptr(PykkaActorRef) ref = start_actor (ACTOR_TYPE_A, events, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (wait_event (events->on_start_was_called));
  g_assert_false (pykka_test_event_is_set (events->on_stop_was_called));

  g_assert_true (pykka_actor_ref_stop (ref, PYKKA_FOREVER, &error));
  g_assert_no_error (error);
  g_assert_true (pykka_test_event_is_set (events->on_stop_was_called));

  pykka_test_stop_all ();
}

static void
test_on_stop_failure_causes_actor_to_stop (void)
{
  g_autoptr(Events) events = events_new ();
  g_autoptr(PykkaActorRef) ref = start_actor (TYPE_LATE_FAILING_ACTOR, events, NULL);

  g_assert_true (wait_event (events->on_stop_was_called));
  g_assert_false (pykka_actor_ref_is_alive (ref));

  pykka_test_stop_all ();
}

static void
test_on_failure_is_called_when_exception_cannot_be_returned (void)
{
  g_autoptr(Events) events = events_new ();
  g_autoptr(PykkaActorRef) ref = start_actor (ACTOR_TYPE_A, events, NULL);

  g_assert_false (pykka_test_event_is_set (events->on_failure_was_called));
  tell_command (ref, "raise exception");

  g_assert_true (wait_event (events->on_failure_was_called));
  g_assert_error (events->failure, TEST_ERROR, TEST_ERROR_FOO);
  g_assert_cmpstr (events->failure->message, ==, "foo");
  g_assert_false (pykka_test_event_is_set (events->on_stop_was_called));

  pykka_test_stop_all ();
}

static void
test_on_failure_failure_causes_actor_to_stop (void)
{
  g_autoptr(Events) events = events_new ();
  g_autoptr(PykkaActorRef) ref = start_actor (TYPE_FAILING_ON_FAILURE_ACTOR, events, NULL);

  tell_command (ref, "raise exception");

  g_assert_true (wait_event (events->on_failure_was_called));
  g_assert_error (events->failure, TEST_ERROR, TEST_ERROR_ON_RECEIVE);
  assert_ask_fails_actor_dead (ref);
  g_assert_false (pykka_actor_ref_is_alive (ref));
  g_assert_false (pykka_test_event_is_set (events->on_stop_was_called));

  pykka_test_stop_all ();
}

static void
test_actor_is_stopped_when_unhandled_exceptions_are_raised (void)
{
  g_autoptr(Events) events = events_new ();
  g_autoptr(PykkaActorRegistry) registry = pykka_actor_registry_new ();
  g_autoptr(PykkaActorRef) ref = start_actor (ACTOR_TYPE_A, events, registry);

  g_assert_cmpuint (pykka_actor_registry_get_n_actors (registry), ==, 1);
  tell_command (ref, "raise exception");

  g_assert_true (wait_event (events->on_failure_was_called));
  g_assert_cmpuint (pykka_actor_registry_get_n_actors (registry), ==, 0);
  g_assert_false (pykka_actor_ref_is_alive (ref));

  stop_registry (registry);
}

static void
test_all_actors_are_stopped_on_base_exception (void)
{
  g_autoptr(Events) events = events_new ();
  g_autoptr(PykkaActorRegistry) registry = pykka_actor_registry_new ();
  g_autoptr(PykkaActorRef) ref = start_actor (ACTOR_TYPE_A, events, registry);

  g_assert_cmpuint (pykka_actor_registry_get_n_actors (registry), ==, 1);
  g_assert_false (pykka_test_event_is_set (events->on_stop_was_called));
  tell_command (ref, "raise base exception");

  g_assert_true (wait_event (events->on_stop_was_called));
  g_assert_cmpuint (pykka_actor_registry_get_n_actors (registry), ==, 0);
  g_assert_false (pykka_actor_ref_is_alive (ref));
  g_assert_false (pykka_test_event_is_set (events->on_failure_was_called));

  stop_registry (registry);
}

static void
test_actor_can_call_stop_on_self_multiple_times (void)
{
  g_autoptr(Events) events = events_new ();
  GWeakRef weak;
  g_autoptr(PykkaActorRef) ref = start_actor_full (ACTOR_TYPE_A, events, NULL, &weak);
  g_auto(GValue) message = G_VALUE_INIT;
  g_auto(GValue) reply = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;

  value_init_command (&message, "stop twice");
  g_assert_true (pykka_actor_ref_ask_sync (ref, &message, WAIT_US, &reply, &error));
  g_assert_no_error (error);
  g_assert_true (pykka_value_is_none (&reply));

  g_assert_true (wait_event (events->on_stop_was_called));
  g_assert_true (wait_for_finalize (&weak));
  g_assert_cmpint (g_atomic_int_get (&events->on_stop_count), ==, 1);
  g_assert_false (pykka_actor_ref_is_alive (ref));

  g_weak_ref_clear (&weak);
  pykka_test_stop_all ();
}

static void
test_actor_processes_all_messages_before_stop_on_self_stops_it (void)
{
  g_autoptr(Events) events = events_new ();
  g_autoptr(PykkaActorRegistry) registry = pykka_actor_registry_new ();
  g_autoptr(PykkaActorRef) ref = start_actor (ACTOR_TYPE_A, events, registry);
  g_auto(GValue) message = G_VALUE_INIT;
  g_auto(GValue) reply = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;

  value_init_command (&message, "message self then stop");
  g_assert_true (pykka_actor_ref_ask_sync (ref, &message, WAIT_US, &reply, &error));
  g_assert_no_error (error);

  g_assert_true (wait_event (events->greetings_was_received));
  g_assert_true (events->greetings_before_on_stop);
  g_assert_true (wait_event (events->on_stop_was_called));
  g_assert_cmpuint (pykka_actor_registry_get_n_actors (registry), ==, 0);

  stop_registry (registry);
}

/* ------------------------------------------------------------------------------------------ */
/* Edge cases of PYKKA-BEHAVIOUR.md §4 / §6 */

static void
test_on_start_failure_calls_neither_on_failure_nor_on_stop (void)
{
  g_autoptr(Events) events = events_new ();
  GWeakRef weak;
  g_autoptr(PykkaActorRef) ref = start_actor_full (TYPE_EARLY_FAILING_ACTOR, events, NULL,
                                                   &weak);

  g_assert_true (wait_event (events->on_start_was_called));
  assert_ask_fails_actor_dead (ref);
  /* Once the actor is gone no hook can run any more. */
  g_assert_true (wait_for_finalize (&weak));
  g_assert_false (pykka_test_event_is_set (events->on_failure_was_called));
  g_assert_false (pykka_test_event_is_set (events->on_stop_was_called));

  g_weak_ref_clear (&weak);
  pykka_test_stop_all ();
}

static void
test_is_alive_is_false_inside_on_failure (void)
{
  g_autoptr(Events) events = events_new ();
  g_autoptr(PykkaActorRef) ref = start_actor (ACTOR_TYPE_A, events, NULL);

  events->alive_in_on_failure = TRUE;
  tell_command (ref, "raise exception");

  g_assert_true (wait_event (events->on_failure_was_called));
  g_assert_false (events->alive_in_on_failure);

  pykka_test_stop_all ();
}

static void
test_stop_inside_on_failure_fails_with_actor_dead (void)
{
  g_autoptr(Events) events = events_new ();
  g_autoptr(PykkaActor) actor = new_actor (ACTOR_TYPE_A, events, NULL);
  g_autoptr(PykkaActorRef) ref = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *ref_string = NULL;
  g_autofree char *expected = NULL;

  events->stop_in_on_failure = TRUE;
  events->stop_in_on_failure_result = TRUE;
  ref = pykka_test_start (actor, &error);
  g_assert_no_error (error);
  g_clear_object (&actor);
  ref_string = pykka_actor_ref_to_string (ref);
  expected = g_strdup_printf ("%s not found", ref_string);

  tell_command (ref, "raise exception");

  g_assert_true (wait_event (events->on_failure_was_called));
  g_assert_false (events->stop_in_on_failure_result);
  g_assert_error (events->stop_in_on_failure_error, PYKKA_ERROR, PYKKA_ERROR_ACTOR_DEAD);
  g_assert_cmpstr (events->stop_in_on_failure_error->message, ==, expected);
  g_assert_false (pykka_test_event_is_set (events->on_stop_was_called));

  pykka_test_stop_all ();
}

typedef struct
{
  PykkaActorRef  *ref;
  Events         *events;
  PykkaTestEvent *returned;
  gboolean        result;
  GError         *error;
  gboolean        on_stop_finished_at_return;
} StopThreadData;

static gpointer
blocking_stop_thread (gpointer user_data)
{
  StopThreadData *data = user_data;

  data->result = pykka_actor_ref_stop (data->ref, PYKKA_FOREVER, &data->error);
  data->on_stop_finished_at_return = g_atomic_int_get (&data->events->on_stop_finished);
  pykka_test_event_set (data->returned);
  return NULL;
}

static void
test_blocking_stop_returns_after_on_stop_ran (void)
{
  g_autoptr(Events) events = events_new ();
  g_autoptr(PykkaActorRef) ref = start_actor (TYPE_SLOW_STOP_ACTOR, events, NULL);
  g_autoptr(PykkaTestEvent) returned = pykka_test_event_new ();
  StopThreadData data = { ref, events, returned, FALSE, NULL, FALSE };
  GThread *thread;

  thread = g_thread_new ("blocking-stop", blocking_stop_thread, &data);
  g_assert_true (wait_event (events->on_stop_entered));
  g_assert_false (pykka_test_event_is_set (returned));
  pykka_test_event_set (events->release);
  g_thread_join (thread);

  g_assert_no_error (data.error);
  g_assert_true (data.result);
  g_assert_true (data.on_stop_finished_at_return);
  g_assert_false (pykka_actor_ref_is_alive (ref));

  pykka_test_stop_all ();
}

static void
test_stop_returns_true_when_actor_crashed_with_stop_queued (void)
{
  g_autoptr(Events) events = events_new ();
  g_autoptr(PykkaActorRef) ref = start_actor (ACTOR_TYPE_A, events, NULL);
  g_autoptr(PykkaFuture) stop_future = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;

  tell_callback (ref, block_until_released, events);
  tell_command (ref, "raise exception");
  stop_future = pykka_actor_ref_stop_future (ref);
  pykka_test_event_set (events->release);

  g_assert_true (pykka_future_get (stop_future, WAIT_US, &value, &error));
  g_assert_no_error (error);
  g_assert_true (G_VALUE_HOLDS_BOOLEAN (&value));
  g_assert_true (g_value_get_boolean (&value));
  g_assert_true (wait_event (events->on_failure_was_called));
  g_assert_false (pykka_test_event_is_set (events->on_stop_was_called));
  g_assert_false (pykka_actor_ref_is_alive (ref));

  pykka_test_stop_all ();
}

#define RACE_ROUNDS 20
#define RACE_CLIENTS 8

typedef struct
{
  PykkaActorRef  *ref;
  PykkaTestEvent *replied;
  gboolean        use_future;
  guint           n_values;
  GError         *error;      /* the error that ended the loop */
} RaceClient;

static gpointer
race_client_thread (gpointer user_data)
{
  RaceClient *client = user_data;

  for (;;)
    {
      g_auto(GValue) message = G_VALUE_INIT;
      g_auto(GValue) reply = G_VALUE_INIT;
      gboolean ok;

      value_init_command (&message, "greetings");
      if (client->use_future)
        {
          g_autoptr(PykkaFuture) future = pykka_actor_ref_ask (client->ref, &message);

          ok = pykka_future_get (future, WAIT_US, &reply, &client->error);
        }
      else
        {
          ok = pykka_actor_ref_ask_sync (client->ref, &message, WAIT_US, &reply,
                                         &client->error);
        }

      if (!ok)
        break;
      client->n_values++;
      pykka_test_event_set (client->replied);
    }
  return NULL;
}

static void
test_ask_racing_the_teardown_never_hangs (void)
{
  for (guint round = 0; round < RACE_ROUNDS; round++)
    {
      g_autoptr(Events) events = events_new ();
      g_autoptr(PykkaActorRef) ref = start_actor (ACTOR_TYPE_A, events, NULL);
      g_autoptr(PykkaTestEvent) replied = pykka_test_event_new ();
      g_autofree char *ref_string = pykka_actor_ref_to_string (ref);
      g_autofree char *not_found = g_strdup_printf ("%s not found", ref_string);
      g_autofree char *stopped = g_strdup_printf ("%s stopped before handling the message",
                                                  ref_string);
      RaceClient clients[RACE_CLIENTS] = { 0 };
      GThread *threads[RACE_CLIENTS];
      g_autoptr(GError) error = NULL;

      for (guint i = 0; i < RACE_CLIENTS; i++)
        {
          clients[i].ref = ref;
          clients[i].replied = replied;
          clients[i].use_future = i % 2;
          threads[i] = g_thread_new ("race-client", race_client_thread, &clients[i]);
        }

      g_assert_true (wait_event (replied));
      g_assert_true (pykka_actor_ref_stop (ref, PYKKA_FOREVER, &error));
      g_assert_no_error (error);

      for (guint i = 0; i < RACE_CLIENTS; i++)
        {
          g_thread_join (threads[i]);
          g_assert_error (clients[i].error, PYKKA_ERROR, PYKKA_ERROR_ACTOR_DEAD);
          g_assert_true (g_str_equal (clients[i].error->message, not_found) ||
                         g_str_equal (clients[i].error->message, stopped));
          g_clear_error (&clients[i].error);
        }
    }

  pykka_test_stop_all ();
}

static void
test_fatal_error_answers_the_ask_and_stops_the_other_actors (void)
{
  g_autoptr(PykkaActorRegistry) registry = pykka_actor_registry_new ();
  g_autoptr(Events) bystander_events = events_new ();
  g_autoptr(PykkaActorRef) bystander = start_actor (ACTOR_TYPE_A, bystander_events, NULL);
  g_autoptr(Events) events = events_new ();
  g_autoptr(PykkaActorRef) ref = NULL;
  Events *others_events[3];
  PykkaActorRef *others[3];
  g_auto(GValue) message = G_VALUE_INIT;
  g_auto(GValue) reply = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    {
      others_events[i] = events_new ();
      others[i] = start_actor (ACTOR_TYPE_A, others_events[i], registry);
    }
  ref = start_actor (ACTOR_TYPE_A, events, registry);
  g_assert_cmpuint (pykka_actor_registry_get_n_actors (registry), ==, 4);

  value_init_command (&message, "raise base exception");
  g_assert_false (pykka_actor_ref_ask_sync (ref, &message, WAIT_US, &reply, &error));
  g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_FATAL);
  g_assert_cmpstr (error->message, ==, "base exception");

  g_assert_true (wait_event (events->on_stop_was_called));
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    {
      g_assert_true (wait_event (others_events[i]->on_stop_was_called));
      g_assert_false (pykka_actor_ref_is_alive (others[i]));
    }
  g_assert_false (pykka_actor_ref_is_alive (ref));
  g_assert_cmpuint (pykka_actor_registry_get_n_actors (registry), ==, 0);

  /* An actor of another registry is not part of this actor system. */
  g_assert_true (pykka_actor_ref_is_alive (bystander));
  g_assert_false (pykka_test_event_is_set (bystander_events->on_stop_was_called));

  stop_registry (registry);
  pykka_test_stop_all ();
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    {
      g_object_unref (others[i]);
      events_unref (others_events[i]);
    }
}

static void
test_blocking_self_ask_fails_with_deadlock (void)
{
  g_autoptr(Events) events = events_new ();
  g_autoptr(PykkaActorRef) ref = start_actor (ACTOR_TYPE_A, events, NULL);
  g_auto(GValue) message = G_VALUE_INIT;
  g_auto(GValue) reply = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;

  value_init_command (&message, "ask self");
  g_assert_false (pykka_actor_ref_ask_sync (ref, &message, WAIT_US, &reply, &error));
  g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_DEADLOCK);
  /* A failed ask does not stop the actor. */
  g_assert_true (pykka_actor_ref_is_alive (ref));

  pykka_test_stop_all ();
}

static void
test_blocking_self_stop_fails_with_deadlock (void)
{
  g_autoptr(Events) events = events_new ();
  g_autoptr(PykkaActorRef) ref = start_actor (ACTOR_TYPE_A, events, NULL);
  g_auto(GValue) message = G_VALUE_INIT;
  g_auto(GValue) reply = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;

  value_init_command (&message, "stop self blocking");
  g_assert_false (pykka_actor_ref_ask_sync (ref, &message, WAIT_US, &reply, &error));
  g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_DEADLOCK);

  pykka_test_stop_all ();
}

static void
test_second_start_fails_with_already_started (void)
{
  g_autoptr(Events) events = events_new ();
  g_autoptr(PykkaActor) actor = new_actor (ACTOR_TYPE_A, events, NULL);
  g_autoptr(PykkaActorRef) ref = NULL;
  g_autoptr(PykkaActorRef) second = NULL;
  g_autoptr(PykkaActorRef) third = NULL;
  g_autoptr(GError) error = NULL;

  ref = pykka_test_start (actor, &error);
  g_assert_no_error (error);
  g_assert_nonnull (ref);

  second = pykka_test_start (actor, &error);
  g_assert_null (second);
  g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_ALREADY_STARTED);
  g_clear_error (&error);
  g_assert_true (pykka_actor_ref_is_alive (ref));

  g_assert_true (pykka_actor_ref_stop (ref, PYKKA_FOREVER, &error));
  g_assert_no_error (error);
  third = pykka_test_start (actor, &error);
  g_assert_null (third);
  g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_ALREADY_STARTED);
  g_assert_cmpint (g_atomic_int_get (&events->on_stop_count), ==, 1);

  pykka_test_stop_all ();
}

static void
test_ref_does_not_keep_stopped_actor_alive (void)
{
  g_autoptr(Events) events = events_new ();
  GWeakRef weak;
  g_autoptr(PykkaActorRef) ref = start_actor_full (ACTOR_TYPE_A, events, NULL, &weak);
  g_autoptr(GError) error = NULL;

  g_assert_true (wait_event (events->on_start_was_called));
  g_assert_true (pykka_actor_ref_stop (ref, PYKKA_FOREVER, &error));
  g_assert_no_error (error);

  /* The test still holds the ref; the actor must go nonetheless. */
  g_assert_true (wait_for_finalize (&weak));
  g_assert_false (pykka_actor_ref_is_alive (ref));
  g_assert_cmpstr (pykka_actor_ref_get_actor_urn (ref), !=, NULL);

  g_weak_ref_clear (&weak);
  pykka_test_stop_all ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  pykka_test_init (&argc, &argv);

  g_test_add_func ("/actor/messages-left-in-queue-after-actor-stops-receive-an-error",
                   test_messages_left_in_queue_after_actor_stops_receive_an_error);
  g_test_add_func ("/actor/stop-requests-left-in-queue-after-actor-stops-are-handled",
                   test_stop_requests_left_in_queue_after_actor_stops_are_handled);
  g_test_add_func ("/actor/actor-has-an-uuid4-based-urn", test_actor_has_an_uuid4_based_urn);
  g_test_add_func ("/actor/actor-has-unique-uuid", test_actor_has_unique_uuid);
  g_test_add_func ("/actor/str-on-raw-actor-contains-actor-class-name",
                   test_str_on_raw_actor_contains_actor_class_name);
  g_test_add_func ("/actor/str-on-raw-actor-contains-actor-urn",
                   test_str_on_raw_actor_contains_actor_urn);
  g_test_add_func ("/actor/init-can-be-called-with-arbitrary-arguments",
                   test_init_can_be_called_with_arbitrary_arguments);
  g_test_add_func ("/actor/on-start-is-called-before-first-message-is-processed",
                   test_on_start_is_called_before_first_message_is_processed);
  g_test_add_func ("/actor/on-start-is-called-after-the-actor-is-registered",
                   test_on_start_is_called_after_the_actor_is_registered);
  g_test_add_func ("/actor/on-start-can-stop-actor-before-receive-loop-is-started",
                   test_on_start_can_stop_actor_before_receive_loop_is_started);
  g_test_add_func ("/actor/on-start-failure-causes-actor-to-stop",
                   test_on_start_failure_causes_actor_to_stop);
  g_test_add_func ("/actor/on-stop-is-called-when-actor-is-stopped",
                   test_on_stop_is_called_when_actor_is_stopped);
  g_test_add_func ("/actor/on-stop-failure-causes-actor-to-stop",
                   test_on_stop_failure_causes_actor_to_stop);
  g_test_add_func ("/actor/on-failure-is-called-when-exception-cannot-be-returned",
                   test_on_failure_is_called_when_exception_cannot_be_returned);
  g_test_add_func ("/actor/on-failure-failure-causes-actor-to-stop",
                   test_on_failure_failure_causes_actor_to_stop);
  g_test_add_func ("/actor/actor-is-stopped-when-unhandled-exceptions-are-raised",
                   test_actor_is_stopped_when_unhandled_exceptions_are_raised);
  g_test_add_func ("/actor/all-actors-are-stopped-on-base-exception",
                   test_all_actors_are_stopped_on_base_exception);
  g_test_add_func ("/actor/actor-can-call-stop-on-self-multiple-times",
                   test_actor_can_call_stop_on_self_multiple_times);
  g_test_add_func ("/actor/actor-processes-all-messages-before-stop-on-self-stops-it",
                   test_actor_processes_all_messages_before_stop_on_self_stops_it);

  g_test_add_func ("/actor/on-start-failure-calls-neither-on-failure-nor-on-stop",
                   test_on_start_failure_calls_neither_on_failure_nor_on_stop);
  g_test_add_func ("/actor/is-alive-is-false-inside-on-failure",
                   test_is_alive_is_false_inside_on_failure);
  g_test_add_func ("/actor/stop-inside-on-failure-fails-with-actor-dead",
                   test_stop_inside_on_failure_fails_with_actor_dead);
  g_test_add_func ("/actor/blocking-stop-returns-after-on-stop-ran",
                   test_blocking_stop_returns_after_on_stop_ran);
  g_test_add_func ("/actor/stop-returns-true-when-actor-crashed-with-stop-queued",
                   test_stop_returns_true_when_actor_crashed_with_stop_queued);
  g_test_add_func ("/actor/ask-racing-the-teardown-never-hangs",
                   test_ask_racing_the_teardown_never_hangs);
  g_test_add_func ("/actor/fatal-error-answers-the-ask-and-stops-the-other-actors",
                   test_fatal_error_answers_the_ask_and_stops_the_other_actors);
  g_test_add_func ("/actor/blocking-self-ask-fails-with-deadlock",
                   test_blocking_self_ask_fails_with_deadlock);
  g_test_add_func ("/actor/blocking-self-stop-fails-with-deadlock",
                   test_blocking_self_stop_fails_with_deadlock);
  g_test_add_func ("/actor/second-start-fails-with-already-started",
                   test_second_start_fails_with_already_started);
  g_test_add_func ("/actor/ref-does-not-keep-stopped-actor-alive",
                   test_ref_does_not_keep_stopped_actor_alive);

  return g_test_run ();
}
