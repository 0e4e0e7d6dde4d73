/* test-deadlock.c: the wait-for graph finds deadlocks instead of hanging (issue 7)
 *
 * A blocking pykka_future_get () by an actor on a future that another actor must complete is
 * an edge of the wait-for graph. A wait that closes a cycle fails every wait of the cycle
 * with PYKKA_ERROR_DEADLOCK, whose message names every actor of the cycle, and one WARNING
 * "Deadlock detected: …" is logged. A wait by the very thread that must run the answering
 * actor fails at once the same way. Waits that can end never fail so (no false positive).
 *
 * SPDX-FileCopyrightText: 2026 The pykka-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "pykka-test-utils.h"

#include <string.h>

#define WAIT_MS 5000
#define WAIT_US (5 * G_TIME_SPAN_SECOND)

#define TEST_DEADLOCK_ERROR (test_deadlock_error_quark ())
static GQuark test_deadlock_error_quark (void);
G_DEFINE_QUARK (test-deadlock-error-quark, test_deadlock_error)

/* ------------------------------------------------------------------------------------------ */
/* Runtimes: the tests run their actors on threads, on pools and on a main context */

typedef enum
{
  RT_THREAD,
  RT_POOL,      /* the default pool */
  RT_POOL1,     /* a pool of one worker: a blocked worker must lend its place */
  RT_CONTEXT,   /* a main context iterated by a thread of this program */
} Runtime;

static PykkaPool *pool1;
static GMainContext *shared_context;
static GMainLoop *shared_loop;
static GThread *shared_context_thread;

static gpointer
shared_context_main (gpointer data)
{
  g_main_context_push_thread_default (shared_context);
  g_main_loop_run (shared_loop);
  g_main_context_pop_thread_default (shared_context);
  return NULL;
}

static PykkaActorRef *
start_on (gpointer actor,
          Runtime  runtime)
{
  g_autoptr(GError) error = NULL;
  PykkaActorRef *ref = NULL;

  switch (runtime)
    {
    case RT_THREAD:
      ref = pykka_actor_start (PYKKA_ACTOR (actor), &error);
      break;
    case RT_POOL:
      ref = pykka_actor_start_in_pool (PYKKA_ACTOR (actor), NULL, &error);
      break;
    case RT_POOL1:
      ref = pykka_actor_start_in_pool (PYKKA_ACTOR (actor), pool1, &error);
      break;
    case RT_CONTEXT:
      ref = pykka_actor_start_in_context (PYKKA_ACTOR (actor), shared_context, &error);
      break;
    default:
      g_assert_not_reached ();
    }
  g_assert_no_error (error);
  g_assert_nonnull (ref);
  return ref;
}

/* "{TypeName} ({urn})", as the library writes actors. */
static char *
describe (PykkaActorRef *ref)
{
  return pykka_actor_ref_to_string (ref);
}

/* The "Deadlock detected: …" WARNING records logged since the last reset. */
static guint
count_deadlock_warnings (char **last)
{
  g_auto(GStrv) warnings = pykka_test_log_messages (G_LOG_LEVEL_WARNING);
  guint n = 0;

  for (guint i = 0; warnings[i] != NULL; i++)
    if (g_str_has_prefix (warnings[i], "Deadlock detected: "))
      {
        n++;
        if (last != NULL)
          {
            g_free (*last);
            *last = g_strdup (warnings[i]);
          }
      }
  return n;
}

/* Whether the state dump shows @ref with @substring in its record: polls the dump (the wait
 * of another thread is registered a moment after it starts waiting) for up to 5 s. */
static gboolean
dump_shows (PykkaActorRef *ref,
            const char    *substring)
{
  g_autofree char *description = describe (ref);
  g_autofree char *prefix = g_strdup_printf ("Current state of %s: ", description);
  gint64 deadline = g_get_monotonic_time () + WAIT_US;

  do
    {
      guint before = pykka_test_log_count (G_LOG_LEVEL_MESSAGE);
      g_auto(GStrv) records = NULL;

      pykka_debug_log_actor_states ();
      records = pykka_test_log_messages (G_LOG_LEVEL_MESSAGE);
      for (guint i = before; records[i] != NULL; i++)
        if (g_str_has_prefix (records[i], prefix) && strstr (records[i], substring) != NULL)
          return TRUE;
      g_usleep (1000);
    }
  while (g_get_monotonic_time () < deadline);
  return FALSE;
}

/* ------------------------------------------------------------------------------------------ */
/* ChainActor: on its first "go" it asks its next actor "go" and waits for the answer; later
 * "go"s are answered at once (so that a cycle is only entered once). Without a next actor it
 * answers "leaf", after its gate is opened if it has one. */

#define TEST_TYPE_CHAIN_ACTOR (chain_actor_get_type ())
G_DECLARE_FINAL_TYPE (ChainActor, chain_actor, TEST, CHAIN_ACTOR, PykkaActor)

struct _ChainActor
{
  PykkaActor parent_instance;

  PykkaActorRef *next;          /* set before the actor starts */
  gint64 timeout_us;            /* of the wait on next */
  PykkaTestEvent *gate;         /* leaf: answer once it is set (NULL: at once) */
  PykkaTestEvent *again_gate;   /* later "go"s: answer once it is set (NULL: at once) */

  GMutex lock;
  guint n_go;
  gboolean waited;              /* the wait on next has ended */
  GError *wait_error;           /* how it ended */
  char *wait_value;
  PykkaTestEvent *wait_ended;
};

G_DEFINE_FINAL_TYPE (ChainActor, chain_actor, PYKKA_TYPE_ACTOR)

static void
chain_actor_on_receive (PykkaActor    *actor,
                        const GValue  *message,
                        GValue        *reply,
                        GError       **error)
{
  ChainActor *self = TEST_CHAIN_ACTOR (actor);
  const char *command = G_VALUE_HOLDS_STRING (message) ? g_value_get_string (message) : "";
  guint n_go;

  if (g_strcmp0 (command, "ping") == 0)
    {
      pykka_test_value_init_string (reply, "pong");
      return;
    }
  if (g_strcmp0 (command, "go") != 0)
    {
      g_set_error (error, TEST_DEADLOCK_ERROR, 1, "unknown command %s", command);
      return;
    }

  g_mutex_lock (&self->lock);
  n_go = self->n_go++;
  g_mutex_unlock (&self->lock);

  if (n_go > 0)
    {
      /* Held back while a test looks at the waits of a cycle: an answer could reach a waiter
       * of the cycle before it has seen that its wait failed. */
      if (self->again_gate != NULL && !pykka_test_event_wait (self->again_gate, WAIT_MS))
        {
          g_set_error_literal (error, TEST_DEADLOCK_ERROR, 2, "gate never opened");
          return;
        }
      pykka_test_value_init_string (reply, "again");
      return;
    }

  if (self->next == NULL)
    {
      if (self->gate != NULL && !pykka_test_event_wait (self->gate, WAIT_MS))
        {
          g_set_error_literal (error, TEST_DEADLOCK_ERROR, 2, "gate never opened");
          return;
        }
      pykka_test_value_init_string (reply, "leaf");
      return;
    }

  {
    g_autoptr(PykkaFuture) future = NULL;
    g_auto(GValue) go = G_VALUE_INIT;
    g_auto(GValue) value = G_VALUE_INIT;
    GError *wait_error = NULL;
    gboolean ok;

    pykka_test_value_init_string (&go, "go");
    future = pykka_actor_ref_ask (self->next, &go);
    ok = pykka_future_get (future, self->timeout_us, &value, &wait_error);

    g_mutex_lock (&self->lock);
    self->waited = TRUE;
    if (!ok)
      self->wait_error = g_error_copy (wait_error);
    else
      self->wait_value = g_strdup (G_VALUE_HOLDS_STRING (&value) ? g_value_get_string (&value)
                                                                 : "?");
    g_mutex_unlock (&self->lock);
    pykka_test_event_set (self->wait_ended);

    if (!ok)
      {
        g_propagate_error (error, wait_error);
        return;
      }
    g_value_init (reply, G_VALUE_TYPE (&value));
    g_value_copy (&value, reply);
  }
}

static void
chain_actor_finalize (GObject *object)
{
  ChainActor *self = TEST_CHAIN_ACTOR (object);

  g_clear_object (&self->next);
  g_clear_error (&self->wait_error);
  g_free (self->wait_value);
  g_mutex_clear (&self->lock);
  pykka_test_event_free (self->wait_ended);
  G_OBJECT_CLASS (chain_actor_parent_class)->finalize (object);
}

static void
chain_actor_class_init (ChainActorClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = chain_actor_finalize;
  PYKKA_ACTOR_CLASS (klass)->on_receive = chain_actor_on_receive;
}

static void
chain_actor_init (ChainActor *self)
{
  g_mutex_init (&self->lock);
  self->wait_ended = pykka_test_event_new ();
  self->timeout_us = PYKKA_FOREVER;
}

static ChainActor *
chain_actor_new (PykkaActorRegistry *registry)
{
  return g_object_new (TEST_TYPE_CHAIN_ACTOR, "registry", registry, NULL);
}

/* Waits until @actor's wait on its next actor has ended and returns how (transfer full). */
static GError *
chain_actor_wait_error (ChainActor *actor)
{
  GError *error;

  g_assert_true (pykka_test_event_wait (actor->wait_ended, WAIT_MS));
  g_mutex_lock (&actor->lock);
  error = actor->wait_error != NULL ? g_error_copy (actor->wait_error) : NULL;
  g_mutex_unlock (&actor->lock);
  return error;
}

static char *
chain_actor_wait_value (ChainActor *actor)
{
  char *value;

  g_assert_true (pykka_test_event_wait (actor->wait_ended, WAIT_MS));
  g_mutex_lock (&actor->lock);
  value = g_strdup (actor->wait_value);
  g_mutex_unlock (&actor->lock);
  return value;
}

/* ------------------------------------------------------------------------------------------ */
/* Pykka's deadlock example (PYKKA-DOCS "Deadlock debugging"): A.foo(b) calls b.bar() and
 * waits; B.bar() calls a.foo() and waits. B is given a proxy to A when it is made. */

#define TEST_TYPE_DEADLOCK_ACTOR_A (deadlock_actor_a_get_type ())
G_DECLARE_FINAL_TYPE (DeadlockActorA, deadlock_actor_a, TEST, DEADLOCK_ACTOR_A, PykkaActor)

struct _DeadlockActorA
{
  PykkaActor parent_instance;

  PykkaTestEvent *answer_gate;  /* foo() without b answers once it is set */

  GMutex lock;
  GError *wait_error;
  PykkaTestEvent *wait_ended;
};

G_DEFINE_FINAL_TYPE (DeadlockActorA, deadlock_actor_a, PYKKA_TYPE_ACTOR)

#define TEST_TYPE_DEADLOCK_ACTOR_B (deadlock_actor_b_get_type ())
G_DECLARE_FINAL_TYPE (DeadlockActorB, deadlock_actor_b, TEST, DEADLOCK_ACTOR_B, PykkaActor)

struct _DeadlockActorB
{
  PykkaActor parent_instance;

  PykkaActorProxy *a;

  GMutex lock;
  GError *wait_error;
  PykkaTestEvent *wait_ended;
};

G_DEFINE_FINAL_TYPE (DeadlockActorB, deadlock_actor_b, PYKKA_TYPE_ACTOR)

/* Waits for @future and records how the wait ended. */
static char *
wait_and_record (PykkaFuture     *future,
                 GMutex          *lock,
                 GError         **record,
                 PykkaTestEvent  *ended,
                 GError         **error)
{
  g_auto(GValue) value = G_VALUE_INIT;
  GError *wait_error = NULL;
  char *result = NULL;

  if (pykka_future_get (future, PYKKA_FOREVER, &value, &wait_error))
    result = g_strdup (G_VALUE_HOLDS_STRING (&value) ? g_value_get_string (&value) : "?");

  g_mutex_lock (lock);
  if (*record == NULL && wait_error != NULL)
    *record = g_error_copy (wait_error);
  g_mutex_unlock (lock);
  pykka_test_event_set (ended);

  if (wait_error != NULL)
    g_propagate_error (error, wait_error);
  return result;
}

/* Method foo(b: ActorProxy) -> str, which can fail. Without b it answers at once. */
static char *
deadlock_actor_a_foo (DeadlockActorA   *self,
                      PykkaActorProxy  *b,
                      GError          **error,
                      gpointer          user_data)
{
  g_autoptr(PykkaFuture) future = NULL;

  if (b == NULL)
    {
      /* Held back while the test looks at the waits of the cycle (see ChainActor). */
      if (!pykka_test_event_wait (self->answer_gate, WAIT_MS))
        {
          g_set_error_literal (error, TEST_DEADLOCK_ERROR, 2, "gate never opened");
          return NULL;
        }
      return g_strdup ("foo without b");
    }

  g_test_message ("This is foo calling bar");
  future = pykka_actor_proxy_call (b, "bar", NULL, 0, error);
  if (future == NULL)
    return NULL;
  return wait_and_record (future, &self->lock, &self->wait_error, self->wait_ended, error);
}

static void
deadlock_actor_a_finalize (GObject *object)
{
  DeadlockActorA *self = TEST_DEADLOCK_ACTOR_A (object);

  g_clear_error (&self->wait_error);
  g_mutex_clear (&self->lock);
  pykka_test_event_free (self->wait_ended);
  pykka_test_event_free (self->answer_gate);
  G_OBJECT_CLASS (deadlock_actor_a_parent_class)->finalize (object);
}

static void
deadlock_actor_a_class_init (DeadlockActorAClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = deadlock_actor_a_finalize;

  g_signal_new_class_handler ("foo", G_TYPE_FROM_CLASS (klass),
                              G_SIGNAL_RUN_LAST | G_SIGNAL_ACTION,
                              G_CALLBACK (deadlock_actor_a_foo), NULL, NULL, NULL,
                              G_TYPE_STRING, 2, PYKKA_TYPE_ACTOR_PROXY, G_TYPE_POINTER);
}

static void
deadlock_actor_a_init (DeadlockActorA *self)
{
  g_mutex_init (&self->lock);
  self->wait_ended = pykka_test_event_new ();
  self->answer_gate = pykka_test_event_new ();
}

/* Method bar() -> str, which can fail: calls a.foo() and waits. */
static char *
deadlock_actor_b_bar (DeadlockActorB  *self,
                      GError         **error,
                      gpointer         user_data)
{
  g_autoptr(PykkaFuture) future = NULL;
  g_auto(GValue) no_b = G_VALUE_INIT;

  g_test_message ("This is bar calling foo; BOOM!");
  pykka_value_init_none (&no_b);
  future = pykka_actor_proxy_call (self->a, "foo", &no_b, 1, error);
  if (future == NULL)
    return NULL;
  return wait_and_record (future, &self->lock, &self->wait_error, self->wait_ended, error);
}

enum
{
  PROP_B_0,
  PROP_B_A,
};

static void
deadlock_actor_b_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_B_A:
      g_value_set_object (value, TEST_DEADLOCK_ACTOR_B (object)->a);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
deadlock_actor_b_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_B_A:
      TEST_DEADLOCK_ACTOR_B (object)->a = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
deadlock_actor_b_finalize (GObject *object)
{
  DeadlockActorB *self = TEST_DEADLOCK_ACTOR_B (object);

  g_clear_object (&self->a);
  g_clear_error (&self->wait_error);
  g_mutex_clear (&self->lock);
  pykka_test_event_free (self->wait_ended);
  G_OBJECT_CLASS (deadlock_actor_b_parent_class)->finalize (object);
}

static void
deadlock_actor_b_class_init (DeadlockActorBClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = deadlock_actor_b_get_property;
  object_class->set_property = deadlock_actor_b_set_property;
  object_class->finalize = deadlock_actor_b_finalize;

  g_object_class_install_property (object_class, PROP_B_A,
    g_param_spec_object ("a", NULL, NULL, PYKKA_TYPE_ACTOR_PROXY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_signal_new_class_handler ("bar", G_TYPE_FROM_CLASS (klass),
                              G_SIGNAL_RUN_LAST | G_SIGNAL_ACTION,
                              G_CALLBACK (deadlock_actor_b_bar), NULL, NULL, NULL,
                              G_TYPE_STRING, 1, G_TYPE_POINTER);
}

static void
deadlock_actor_b_init (DeadlockActorB *self)
{
  g_mutex_init (&self->lock);
  self->wait_ended = pykka_test_event_new ();
}

static GError *
recorded_error (GMutex         *lock,
                GError        **record,
                PykkaTestEvent *ended)
{
  GError *error;

  g_assert_true (pykka_test_event_wait (ended, WAIT_MS));
  g_mutex_lock (lock);
  error = *record != NULL ? g_error_copy (*record) : NULL;
  g_mutex_unlock (lock);
  return error;
}

/* ------------------------------------------------------------------------------------------ */
/* Cycles */

typedef struct
{
  Runtime a, b, c;
} CycleRuntimes;

static const CycleRuntimes cycle_thread = { RT_THREAD, RT_THREAD, RT_THREAD };
static const CycleRuntimes cycle_pool = { RT_POOL, RT_POOL, RT_POOL };
static const CycleRuntimes cycle_pool1 = { RT_POOL1, RT_POOL1, RT_POOL1 };
static const CycleRuntimes cycle_mixed = { RT_THREAD, RT_POOL, RT_POOL1 };

/* Asserts that @message is "Deadlock: " and the cycle of @descriptions (in this order,
 * starting anywhere): "X waits for Y waits for … waits for X". */
static void
assert_cycle_message (const char  *message,
                      const char  *prefix,
                      char       **descriptions,
                      guint        n)
{
  gboolean found = FALSE;

  for (guint start = 0; start < n && !found; start++)
    {
      GString *expected = g_string_new (prefix);

      for (guint i = 0; i < n; i++)
        g_string_append_printf (expected, "%s waits for ", descriptions[(start + i) % n]);
      g_string_append (expected, descriptions[start]);
      found = g_str_equal (message, expected->str);
      g_string_free (expected, TRUE);
    }
  if (!found)
    g_test_message ("unexpected deadlock message: %s", message);
  g_assert_true (found);
}

static void
test_pykka_example (gconstpointer data)
{
  const CycleRuntimes *runtimes = data;
  g_autoptr(PykkaActorRegistry) registry = pykka_actor_registry_new ();
  g_autoptr(DeadlockActorA) a_actor = NULL;
  g_autoptr(DeadlockActorB) b_actor = NULL;
  g_autoptr(PykkaActorRef) a_ref = NULL;
  g_autoptr(PykkaActorRef) b_ref = NULL;
  g_autoptr(PykkaActorProxy) a = NULL;
  g_autoptr(PykkaActorProxy) b = NULL;
  g_autoptr(PykkaFuture) future = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) a_error = NULL;
  g_autoptr(GError) b_error = NULL;
  g_autofree char *warning = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  g_auto(GValue) b_value = G_VALUE_INIT;
  char *descriptions[2];

  pykka_test_log_reset ();

  a_actor = g_object_new (TEST_TYPE_DEADLOCK_ACTOR_A, "registry", registry, NULL);
  a_ref = start_on (a_actor, runtimes->a);
  a = pykka_actor_ref_proxy (a_ref, &error);
  g_assert_no_error (error);
  b_actor = g_object_new (TEST_TYPE_DEADLOCK_ACTOR_B, "registry", registry, "a", a, NULL);
  b_ref = start_on (b_actor, runtimes->b);
  b = pykka_actor_ref_proxy (b_ref, &error);
  g_assert_no_error (error);

  /* "Now doing something stupid that will deadlock the actors..." */
  g_value_init (&b_value, PYKKA_TYPE_ACTOR_PROXY);
  g_value_set_object (&b_value, b);
  future = pykka_actor_proxy_call (a, "foo", &b_value, 1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (future);

  /* Instead of hanging, foo fails with the deadlock... */
  g_assert_false (pykka_future_get (future, WAIT_US, &value, &error));
  g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_DEADLOCK);

  /* ...and so do both waits of the cycle, with the same message naming both actors. */
  a_error = recorded_error (&a_actor->lock, &a_actor->wait_error, a_actor->wait_ended);
  b_error = recorded_error (&b_actor->lock, &b_actor->wait_error, b_actor->wait_ended);
  g_assert_error (a_error, PYKKA_ERROR, PYKKA_ERROR_DEADLOCK);
  g_assert_error (b_error, PYKKA_ERROR, PYKKA_ERROR_DEADLOCK);
  g_assert_cmpstr (a_error->message, ==, b_error->message);
  g_assert_cmpstr (error->message, ==, a_error->message);

  descriptions[0] = describe (a_ref);
  descriptions[1] = describe (b_ref);
  assert_cycle_message (a_error->message, "Deadlock: ", descriptions, 2);

  /* One WARNING for the one detection, naming the same cycle. */
  g_assert_cmpuint (count_deadlock_warnings (&warning), ==, 1);
  g_assert_cmpstr (warning + strlen ("Deadlock detected: "), ==,
                   a_error->message + strlen ("Deadlock: "));
  pykka_test_event_set (a_actor->answer_gate);

  /* Both actors keep working. */
  g_clear_object (&future);
  g_clear_error (&error);
  g_value_unset (&value);
  g_value_unset (&b_value);
  pykka_value_init_none (&b_value);
  future = pykka_actor_proxy_call (a, "foo", &b_value, 1, &error);
  g_assert_no_error (error);
  g_assert_true (pykka_future_get (future, WAIT_US, &value, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (g_value_get_string (&value), ==, "foo without b");
  g_assert_true (pykka_actor_ref_is_alive (a_ref));
  g_assert_true (pykka_actor_ref_is_alive (b_ref));

  pykka_test_stop_registry (registry);
  g_assert_cmpuint (count_deadlock_warnings (NULL), ==, 1);
  g_free (descriptions[0]);
  g_free (descriptions[1]);
}

static void
test_three_actor_cycle (gconstpointer data)
{
  const CycleRuntimes *runtimes = data;
  g_autoptr(PykkaActorRegistry) registry = pykka_actor_registry_new ();
  ChainActor *actors[3];
  PykkaActorRef *refs[3];
  char *descriptions[3];
  g_autoptr(PykkaFuture) future = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *warning = NULL;
  g_auto(GValue) go = G_VALUE_INIT;
  g_auto(GValue) value = G_VALUE_INIT;
  Runtime runtime[3] = { runtimes->a, runtimes->b, runtimes->c };
  GError *errors[3];

  pykka_test_log_reset ();

  /* A → B → C → A: every ref exists before its actor starts. */
  for (guint i = 0; i < 3; i++)
    {
      actors[i] = chain_actor_new (registry);
      actors[i]->again_gate = pykka_test_event_new ();
    }
  for (guint i = 0; i < 3; i++)
    actors[i]->next = g_object_ref (pykka_actor_get_actor_ref (PYKKA_ACTOR (actors[(i + 1) % 3])));
  for (guint i = 0; i < 3; i++)
    {
      refs[i] = start_on (actors[i], runtime[i]);
      descriptions[i] = describe (refs[i]);
    }

  pykka_test_value_init_string (&go, "go");
  future = pykka_actor_ref_ask (refs[0], &go);
  g_assert_false (pykka_future_get (future, WAIT_US, &value, &error));
  g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_DEADLOCK);

  /* Every wait of the cycle failed, with one message that names every actor. */
  for (guint i = 0; i < 3; i++)
    {
      errors[i] = chain_actor_wait_error (actors[i]);
      g_assert_error (errors[i], PYKKA_ERROR, PYKKA_ERROR_DEADLOCK);
      g_assert_cmpstr (errors[i]->message, ==, errors[0]->message);
    }
  g_assert_cmpstr (error->message, ==, errors[0]->message);
  assert_cycle_message (errors[0]->message, "Deadlock: ", descriptions, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_nonnull (strstr (errors[0]->message, descriptions[i]));

  g_assert_cmpuint (count_deadlock_warnings (&warning), ==, 1);
  assert_cycle_message (warning, "Deadlock detected: ", descriptions, 3);
  for (guint i = 0; i < 3; i++)
    pykka_test_event_set (actors[i]->again_gate);

  /* All three keep working. */
  for (guint i = 0; i < 3; i++)
    {
      g_auto(GValue) ping = G_VALUE_INIT;
      g_auto(GValue) pong = G_VALUE_INIT;
      g_autoptr(GError) ping_error = NULL;

      pykka_test_value_init_string (&ping, "ping");
      g_assert_true (pykka_actor_ref_ask_sync (refs[i], &ping, WAIT_US, &pong, &ping_error));
      g_assert_no_error (ping_error);
      g_assert_cmpstr (g_value_get_string (&pong), ==, "pong");
    }

  pykka_test_stop_registry (registry);
  g_assert_cmpuint (count_deadlock_warnings (NULL), ==, 1);
  for (guint i = 0; i < 3; i++)
    {
      g_error_free (errors[i]);
      g_free (descriptions[i]);
      g_clear_pointer (&actors[i]->again_gate, pykka_test_event_free);
      g_object_unref (refs[i]);
      g_object_unref (actors[i]);
    }
}

/* ------------------------------------------------------------------------------------------ */
/* An actor on itself: blocking asks, proxy calls and stops from inside a handler */

#define TEST_TYPE_SELF_ACTOR (self_actor_get_type ())
G_DECLARE_FINAL_TYPE (SelfActor, self_actor, TEST, SELF_ACTOR, PykkaActor)

struct _SelfActor
{
  PykkaActor parent_instance;

  gint n_on_stop;               /* atomic */
  PykkaTestEvent *stopped;
};

G_DEFINE_FINAL_TYPE (SelfActor, self_actor, PYKKA_TYPE_ACTOR)

static char *
self_actor_ping (SelfActor *self,
                 gpointer   user_data)
{
  return g_strdup ("pong");
}

static void
self_actor_on_receive (PykkaActor    *actor,
                       const GValue  *message,
                       GValue        *reply,
                       GError       **error)
{
  PykkaActorRef *own = pykka_actor_get_actor_ref (actor);
  const char *command = G_VALUE_HOLDS_STRING (message) ? g_value_get_string (message) : "";
  g_auto(GValue) ping = G_VALUE_INIT;
  g_auto(GValue) value = G_VALUE_INIT;

  pykka_test_value_init_string (&ping, "ping");

  if (g_str_equal (command, "ping"))
    pykka_test_value_init_string (reply, "pong");
  else if (g_str_equal (command, "self-ask-sync"))
    pykka_actor_ref_ask_sync (own, &ping, PYKKA_FOREVER, &value, error);
  else if (g_str_equal (command, "self-ask-sync-timeout"))
    pykka_actor_ref_ask_sync (own, &ping, WAIT_US, &value, error);
  else if (g_str_equal (command, "self-ask-get"))
    {
      g_autoptr(PykkaFuture) future = pykka_actor_ref_ask (own, &ping);

      pykka_future_get (future, PYKKA_FOREVER, &value, error);
    }
  else if (g_str_equal (command, "self-ask-get-timeout"))
    {
      g_autoptr(PykkaFuture) future = pykka_actor_ref_ask (own, &ping);

      pykka_future_get (future, WAIT_US, &value, error);
    }
  else if (g_str_equal (command, "self-proxy-call"))
    {
      g_autoptr(PykkaActorProxy) proxy = pykka_actor_ref_proxy (own, error);
      g_autoptr(PykkaFuture) future = NULL;

      if (proxy == NULL)
        return;
      future = pykka_actor_proxy_call (proxy, "ping", NULL, 0, error);
      if (future == NULL)
        return;
      pykka_future_get (future, PYKKA_FOREVER, &value, error);
    }
  else if (g_str_equal (command, "self-stop"))
    pykka_actor_ref_stop (own, PYKKA_FOREVER, error);
  else if (g_str_equal (command, "self-stop-timeout"))
    pykka_actor_ref_stop (own, WAIT_US, error);
  else if (g_str_equal (command, "self-stop-future-get"))
    {
      g_autoptr(PykkaFuture) future = pykka_actor_ref_stop_future (own);

      pykka_future_get (future, PYKKA_FOREVER, &value, error);
    }
  else if (g_str_equal (command, "stop-from-inside"))
    {
      if (pykka_actor_stop (actor, error))
        pykka_test_value_init_string (reply, "stopping");
    }
  else
    g_set_error (error, TEST_DEADLOCK_ERROR, 1, "unknown command %s", command);

  /* A wait that did not fail would answer its value: the test then sees no error. */
  if (error != NULL && *error == NULL && G_IS_VALUE (&value) && !G_IS_VALUE (reply))
    {
      g_value_init (reply, G_VALUE_TYPE (&value));
      g_value_copy (&value, reply);
    }
}

static void
self_actor_on_stop (PykkaActor  *actor,
                    GError     **error)
{
  SelfActor *self = TEST_SELF_ACTOR (actor);

  g_atomic_int_inc (&self->n_on_stop);
  pykka_test_event_set (self->stopped);
}

static void
self_actor_finalize (GObject *object)
{
  pykka_test_event_free (TEST_SELF_ACTOR (object)->stopped);
  G_OBJECT_CLASS (self_actor_parent_class)->finalize (object);
}

static void
self_actor_class_init (SelfActorClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = self_actor_finalize;
  PYKKA_ACTOR_CLASS (klass)->on_receive = self_actor_on_receive;
  PYKKA_ACTOR_CLASS (klass)->on_stop = self_actor_on_stop;

  g_signal_new_class_handler ("ping", G_TYPE_FROM_CLASS (klass),
                              G_SIGNAL_RUN_LAST | G_SIGNAL_ACTION,
                              G_CALLBACK (self_actor_ping), NULL, NULL, NULL,
                              G_TYPE_STRING, 0);
}

static void
self_actor_init (SelfActor *self)
{
  self->stopped = pykka_test_event_new ();
}

/* Asks @ref @command and returns the error its handler failed with (transfer full). */
static GError *
ask_for_error (PykkaActorRef *ref,
               const char    *command)
{
  g_auto(GValue) message = G_VALUE_INIT;
  g_auto(GValue) value = G_VALUE_INIT;
  GError *error = NULL;

  pykka_test_value_init_string (&message, command);
  g_assert_false (pykka_actor_ref_ask_sync (ref, &message, WAIT_US, &value, &error));
  g_assert_nonnull (error);
  return error;
}

static void
test_self_ask (gconstpointer data)
{
  Runtime runtime = GPOINTER_TO_INT (data);
  g_autoptr(PykkaActorRegistry) registry = pykka_actor_registry_new ();
  g_autoptr(SelfActor) actor = g_object_new (TEST_TYPE_SELF_ACTOR, "registry", registry, NULL);
  g_autoptr(PykkaActorRef) ref = start_on (actor, runtime);
  g_autofree char *description = describe (ref);
  const char *commands[] = {
    "self-ask-sync", "self-ask-sync-timeout", "self-ask-get", "self-ask-get-timeout",
    "self-proxy-call",
  };

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", commands[i]);
      error = ask_for_error (ref, commands[i]);
      g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_DEADLOCK);
      g_assert_true (g_str_has_prefix (error->message, "Deadlock") ||
                     g_str_has_prefix (error->message, "A blocking ask"));
      g_assert_nonnull (strstr (error->message, description));

      /* The actor is unharmed, and then handles the ask it sent itself. */
      g_assert_true (pykka_actor_ref_is_alive (ref));
      pykka_test_assert_ping (ref);
    }

  pykka_test_stop_registry (registry);
  g_assert_cmpint (g_atomic_int_get (&actor->n_on_stop), ==, 1);
}

static void
test_self_stop (gconstpointer data)
{
  Runtime runtime = GPOINTER_TO_INT (data);
  g_autoptr(PykkaActorRegistry) registry = pykka_actor_registry_new ();
  g_autoptr(SelfActor) actor = g_object_new (TEST_TYPE_SELF_ACTOR, "registry", registry, NULL);
  g_autoptr(PykkaActorRef) ref = start_on (actor, runtime);
  g_autofree char *description = describe (ref);
  g_autoptr(GError) error = NULL;

  /* A blocking stop of itself fails at once and stops nothing. */
  error = ask_for_error (ref, "self-stop");
  g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_DEADLOCK);
  g_assert_nonnull (strstr (error->message, description));
  g_clear_error (&error);
  g_assert_true (pykka_actor_ref_is_alive (ref));
  pykka_test_assert_ping (ref);

  error = ask_for_error (ref, "self-stop-timeout");
  g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_DEADLOCK);
  g_assert_nonnull (strstr (error->message, description));
  g_clear_error (&error);
  g_assert_true (pykka_actor_ref_is_alive (ref));
  pykka_test_assert_ping (ref);
  g_assert_cmpint (g_atomic_int_get (&actor->n_on_stop), ==, 0);

  /* pykka_actor_stop () is the way to stop from inside: the stop runs after the handler. */
  {
    g_auto(GValue) message = G_VALUE_INIT;
    g_auto(GValue) value = G_VALUE_INIT;

    pykka_test_value_init_string (&message, "stop-from-inside");
    g_assert_true (pykka_actor_ref_ask_sync (ref, &message, WAIT_US, &value, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (g_value_get_string (&value), ==, "stopping");
  }
  g_assert_true (pykka_test_event_wait (actor->stopped, WAIT_MS));
  g_assert_false (pykka_actor_ref_stop (ref, WAIT_US, &error));
  g_assert_no_error (error);
  g_assert_false (pykka_actor_ref_is_alive (ref));
  g_assert_cmpint (g_atomic_int_get (&actor->n_on_stop), ==, 1);
  g_assert_cmpuint (pykka_actor_registry_get_n_actors (registry), ==, 0);
}

/* Waiting on the future of a stop of itself fails too; the stop itself is queued and runs
 * after the handler. */
static void
test_self_stop_future (gconstpointer data)
{
  Runtime runtime = GPOINTER_TO_INT (data);
  g_autoptr(PykkaActorRegistry) registry = pykka_actor_registry_new ();
  g_autoptr(SelfActor) actor = g_object_new (TEST_TYPE_SELF_ACTOR, "registry", registry, NULL);
  g_autoptr(PykkaActorRef) ref = start_on (actor, runtime);
  g_autofree char *description = describe (ref);
  g_autoptr(GError) error = NULL;

  error = ask_for_error (ref, "self-stop-future-get");
  g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_DEADLOCK);
  g_assert_nonnull (strstr (error->message, description));
  g_clear_error (&error);

  g_assert_true (pykka_test_event_wait (actor->stopped, WAIT_MS));
  pykka_actor_ref_stop (ref, WAIT_US, &error);
  g_assert_no_error (error);
  g_assert_false (pykka_actor_ref_is_alive (ref));
  g_assert_cmpint (g_atomic_int_get (&actor->n_on_stop), ==, 1);
  g_assert_cmpuint (pykka_actor_registry_get_n_actors (registry), ==, 0);
}

/* ------------------------------------------------------------------------------------------ */
/* Main contexts: the thread that must run the answering actor cannot wait for it */

/* An actor of a context asks another actor of the same context and waits. */
static void
test_context_actor_waits_on_same_context (gconstpointer data)
{
  gint64 timeout_us = GPOINTER_TO_INT (data) ? WAIT_US : PYKKA_FOREVER;
  g_autoptr(PykkaActorRegistry) registry = pykka_actor_registry_new ();
  g_autoptr(ChainActor) x = chain_actor_new (registry);
  g_autoptr(ChainActor) y = chain_actor_new (registry);
  g_autoptr(PykkaActorRef) x_ref = NULL;
  g_autoptr(PykkaActorRef) y_ref = NULL;
  g_autoptr(PykkaFuture) future = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) wait_error = NULL;
  g_autofree char *y_description = NULL;
  g_autofree char *warning = NULL;
  g_auto(GValue) go = G_VALUE_INIT;
  g_auto(GValue) value = G_VALUE_INIT;

  pykka_test_log_reset ();
  x->next = g_object_ref (pykka_actor_get_actor_ref (PYKKA_ACTOR (y)));
  x->timeout_us = timeout_us;
  x_ref = start_on (x, RT_CONTEXT);
  y_ref = start_on (y, RT_CONTEXT);
  y_description = describe (y_ref);

  pykka_test_value_init_string (&go, "go");
  future = pykka_actor_ref_ask (x_ref, &go);
  g_assert_false (pykka_future_get (future, WAIT_US * 2, &value, &error));
  g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_DEADLOCK);

  wait_error = chain_actor_wait_error (x);
  g_assert_error (wait_error, PYKKA_ERROR, PYKKA_ERROR_DEADLOCK);
  g_assert_true (g_str_has_prefix (wait_error->message, "Deadlock: "));
  g_assert_nonnull (strstr (wait_error->message, y_description));

  g_assert_cmpuint (count_deadlock_warnings (&warning), ==, 1);
  g_assert_cmpstr (warning + strlen ("Deadlock detected: "), ==,
                   wait_error->message + strlen ("Deadlock: "));

  /* Y then handles X's message as usual, and both keep working. */
  pykka_test_assert_ping (y_ref);
  pykka_test_assert_ping (x_ref);
  {
    g_autoptr(PykkaFuture) again = pykka_actor_ref_ask (y_ref, &go);

    g_value_unset (&value);
    g_assert_true (pykka_future_get (again, WAIT_US, &value, NULL));
    g_assert_cmpstr (g_value_get_string (&value), ==, "again");
  }

  pykka_test_stop_registry (registry);
  g_assert_cmpuint (count_deadlock_warnings (NULL), ==, 1);
}

/* A context actor waiting on an actor of another runtime is fine. */
static void
test_context_actor_waits_on_thread_actor (void)
{
  g_autoptr(PykkaActorRegistry) registry = pykka_actor_registry_new ();
  g_autoptr(ChainActor) x = chain_actor_new (registry);
  g_autoptr(ChainActor) z = chain_actor_new (registry);
  g_autoptr(PykkaActorRef) x_ref = NULL;
  g_autoptr(PykkaActorRef) z_ref = NULL;
  g_autoptr(PykkaFuture) future = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *waited = NULL;
  g_auto(GValue) go = G_VALUE_INIT;
  g_auto(GValue) value = G_VALUE_INIT;

  pykka_test_log_reset ();
  x->next = g_object_ref (pykka_actor_get_actor_ref (PYKKA_ACTOR (z)));
  z->gate = pykka_test_event_new ();
  x_ref = start_on (x, RT_CONTEXT);
  z_ref = start_on (z, RT_THREAD);

  pykka_test_value_init_string (&go, "go");
  future = pykka_actor_ref_ask (x_ref, &go);
  g_assert_true (dump_shows (x_ref, ", waiting for "));
  pykka_test_event_set (z->gate);

  g_assert_true (pykka_future_get (future, WAIT_US, &value, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (g_value_get_string (&value), ==, "leaf");
  waited = chain_actor_wait_value (x);
  g_assert_cmpstr (waited, ==, "leaf");
  g_assert_cmpuint (count_deadlock_warnings (NULL), ==, 0);

  pykka_test_stop_registry (registry);
  pykka_test_event_free (z->gate);
  z->gate = NULL;
}

typedef struct
{
  PykkaActorRef *ref;
  gboolean ran;
} OwnerWait;

static gboolean
owner_waits (gpointer data)
{
  OwnerWait *wait = data;
  g_autofree char *description = describe (wait->ref);
  g_auto(GValue) ping = G_VALUE_INIT;
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;

  pykka_test_value_init_string (&ping, "ping");

  /* Without a timeout: it would hang forever. */
  g_assert_false (pykka_actor_ref_ask_sync (wait->ref, &ping, PYKKA_FOREVER, &value, &error));
  g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_DEADLOCK);
  g_assert_true (g_str_has_prefix (error->message, "Deadlock: "));
  g_assert_nonnull (strstr (error->message, description));
  g_assert_true (pykka_value_is_none (&value));
  g_clear_error (&error);
  g_value_unset (&value);

  /* With a timeout: it could only time out, so it fails at once the same way. */
  g_assert_false (pykka_actor_ref_ask_sync (wait->ref, &ping, WAIT_US, &value, &error));
  g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_DEADLOCK);
  g_assert_nonnull (strstr (error->message, description));
  g_clear_error (&error);
  g_value_unset (&value);

  /* A plain future get of an ask, too. */
  {
    g_autoptr(PykkaFuture) future = pykka_actor_ref_ask (wait->ref, &ping);

    g_assert_false (pykka_future_get (future, PYKKA_FOREVER, &value, &error));
    g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_DEADLOCK);
    g_clear_error (&error);
    g_value_unset (&value);
  }

  /* Timeout 0 never waits: it is a plain timeout. */
  g_assert_false (pykka_actor_ref_ask_sync (wait->ref, &ping, 0, &value, &error));
  g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_TIMEOUT);
  g_clear_error (&error);
  g_value_unset (&value);

  /* A blocking stop by this thread could never end either. */
  g_assert_false (pykka_actor_ref_stop (wait->ref, PYKKA_FOREVER, &error));
  g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_DEADLOCK);

  wait->ran = TRUE;
  return G_SOURCE_REMOVE;
}

/* The thread that iterates a context waits on an actor of that context. */
static void
test_context_owner_waits (void)
{
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(PykkaActorRegistry) registry = pykka_actor_registry_new ();
  g_autoptr(SelfActor) actor = NULL;
  g_autoptr(PykkaActorRef) ref = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GSource) source = NULL;
  g_autoptr(PykkaFuture) answer = NULL;
  g_auto(GValue) ping = G_VALUE_INIT;
  OwnerWait wait = { NULL, FALSE };
  gint64 deadline;

  pykka_test_log_reset ();
  g_main_context_push_thread_default (context);
  actor = g_object_new (TEST_TYPE_SELF_ACTOR, "registry", registry, NULL);
  ref = pykka_actor_start_in_context (PYKKA_ACTOR (actor), NULL, &error);
  g_assert_no_error (error);
  wait.ref = ref;

  /* From a source dispatched while this thread iterates the context. */
  source = g_idle_source_new ();
  g_source_set_callback (source, owner_waits, &wait, NULL);
  g_source_attach (source, context);
  deadline = g_get_monotonic_time () + WAIT_US;
  while (!wait.ran && g_get_monotonic_time () < deadline)
    g_main_context_iteration (context, FALSE);
  g_assert_true (wait.ran);
  g_assert_cmpuint (count_deadlock_warnings (NULL), ==, 4);

  /* Iterating the context lets the actor answer (and run the stop queued above). */
  pykka_test_value_init_string (&ping, "ping");
  answer = pykka_actor_ref_ask (ref, &ping);
  deadline = g_get_monotonic_time () + WAIT_US;
  while (!pykka_future_is_done (answer) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (context, FALSE);
  g_assert_true (pykka_future_is_done (answer));

  deadline = g_get_monotonic_time () + WAIT_US;
  while (!pykka_test_event_is_set (actor->stopped) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (context, FALSE);
  g_assert_true (pykka_test_event_is_set (actor->stopped));
  g_assert_false (pykka_actor_ref_is_alive (ref));
  g_assert_cmpint (g_atomic_int_get (&actor->n_on_stop), ==, 1);

  g_main_context_pop_thread_default (context);
  g_assert_cmpuint (pykka_actor_registry_get_n_actors (registry), ==, 0);
}

/* ------------------------------------------------------------------------------------------ */
/* No false positive */

static void
test_no_false_positive_wait (gconstpointer data)
{
  Runtime runtime = GPOINTER_TO_INT (data);
  g_autoptr(PykkaActorRegistry) registry = pykka_actor_registry_new ();
  g_autoptr(ChainActor) a = chain_actor_new (registry);
  g_autoptr(ChainActor) b = chain_actor_new (registry);
  g_autoptr(PykkaActorRef) a_ref = NULL;
  g_autoptr(PykkaActorRef) b_ref = NULL;
  g_autoptr(PykkaFuture) future = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *b_description = NULL;
  g_autofree char *waiting = NULL;
  g_autofree char *waited = NULL;
  g_auto(GValue) go = G_VALUE_INIT;
  g_auto(GValue) value = G_VALUE_INIT;

  pykka_test_log_reset ();
  a->next = g_object_ref (pykka_actor_get_actor_ref (PYKKA_ACTOR (b)));
  b->gate = pykka_test_event_new ();
  a_ref = start_on (a, runtime);
  b_ref = start_on (b, runtime);
  b_description = describe (b_ref);
  waiting = g_strdup_printf (", waiting for %s", b_description);

  pykka_test_value_init_string (&go, "go");
  future = pykka_actor_ref_ask (a_ref, &go);

  /* A really waits on B (its edge is in the graph) before B answers. */
  g_assert_true (dump_shows (a_ref, waiting));
  pykka_test_event_set (b->gate);

  g_assert_true (pykka_future_get (future, WAIT_US, &value, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (g_value_get_string (&value), ==, "leaf");
  waited = chain_actor_wait_value (a);
  g_assert_cmpstr (waited, ==, "leaf");
  g_assert_cmpuint (count_deadlock_warnings (NULL), ==, 0);

  pykka_test_stop_registry (registry);
  pykka_test_event_free (b->gate);
  b->gate = NULL;
}

static void
test_no_false_positive_chain (gconstpointer data)
{
  const CycleRuntimes *runtimes = data;
  g_autoptr(PykkaActorRegistry) registry = pykka_actor_registry_new ();
  Runtime runtime[3] = { runtimes->a, runtimes->b, runtimes->c };
  ChainActor *actors[3];
  PykkaActorRef *refs[3];
  g_autoptr(PykkaFuture) future = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GValue) go = G_VALUE_INIT;
  g_auto(GValue) value = G_VALUE_INIT;

  pykka_test_log_reset ();

  /* A → B → C, C waits for its gate. */
  for (guint i = 0; i < 3; i++)
    actors[i] = chain_actor_new (registry);
  for (guint i = 0; i < 2; i++)
    actors[i]->next = g_object_ref (pykka_actor_get_actor_ref (PYKKA_ACTOR (actors[i + 1])));
  actors[2]->gate = pykka_test_event_new ();
  for (guint i = 0; i < 3; i++)
    refs[i] = start_on (actors[i], runtime[i]);

  pykka_test_value_init_string (&go, "go");
  future = pykka_actor_ref_ask (refs[0], &go);
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *next = describe (refs[i + 1]);
      g_autofree char *waiting = g_strdup_printf (", waiting for %s", next);

      g_assert_true (dump_shows (refs[i], waiting));
    }
  pykka_test_event_set (actors[2]->gate);

  g_assert_true (pykka_future_get (future, WAIT_US, &value, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (g_value_get_string (&value), ==, "leaf");
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *waited = chain_actor_wait_value (actors[i]);

      g_assert_cmpstr (waited, ==, "leaf");
    }
  g_assert_cmpuint (count_deadlock_warnings (NULL), ==, 0);

  pykka_test_stop_registry (registry);
  pykka_test_event_free (actors[2]->gate);
  actors[2]->gate = NULL;
  for (guint i = 0; i < 3; i++)
    {
      g_object_unref (refs[i]);
      g_object_unref (actors[i]);
    }
}

/* Many actors wait on one busy actor at once: a fan-in is no cycle. */
static void
test_no_false_positive_fan_in (void)
{
  g_autoptr(PykkaActorRegistry) registry = pykka_actor_registry_new ();
  g_autoptr(ChainActor) leaf = chain_actor_new (registry);
  g_autoptr(PykkaActorRef) leaf_ref = NULL;
  ChainActor *waiters[6];
  PykkaActorRef *refs[6];
  PykkaFuture *futures[6];
  g_autoptr(GPtrArray) values = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GValue) go = G_VALUE_INIT;

  pykka_test_log_reset ();
  leaf->gate = pykka_test_event_new ();
  leaf_ref = start_on (leaf, RT_THREAD);
  pykka_test_value_init_string (&go, "go");
  for (guint i = 0; i < G_N_ELEMENTS (waiters); i++)
    {
      waiters[i] = chain_actor_new (registry);
      waiters[i]->next = g_object_ref (leaf_ref);
      refs[i] = start_on (waiters[i], i % 2 == 0 ? RT_THREAD : RT_POOL);
      futures[i] = pykka_actor_ref_ask (refs[i], &go);
    }
  for (guint i = 0; i < G_N_ELEMENTS (waiters); i++)
    g_assert_true (dump_shows (refs[i], ", waiting for "));
  pykka_test_event_set (leaf->gate);

  g_assert_true (pykka_future_get_all ((PykkaFuture * const *) futures, G_N_ELEMENTS (futures),
                                       WAIT_US, &values, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < values->len; i++)
    {
      const char *answer = g_value_get_string (g_ptr_array_index (values, i));

      g_assert_true (g_str_equal (answer, "leaf") || g_str_equal (answer, "again"));
    }
  g_assert_cmpuint (count_deadlock_warnings (NULL), ==, 0);

  pykka_test_stop_registry (registry);
  for (guint i = 0; i < G_N_ELEMENTS (waiters); i++)
    {
      g_object_unref (futures[i]);
      g_object_unref (refs[i]);
      g_object_unref (waiters[i]);
    }
  pykka_test_event_free (leaf->gate);
  leaf->gate = NULL;
}

/* PingActor: "ping-peer" asks its peer "pong", tells it "ping-back" right behind, and waits for
 * the pong. The peer answers the pong, then at once handles "ping-back", which asks the first
 * actor "pong" and waits. That second wait is in the other direction, but the first one is
 * over (its future is completed; the first actor only has to wake up and return): it is no
 * cycle, and must not fail. "ask-peer" asks the peer "pong" and waits. */

#define TEST_TYPE_PING_ACTOR (ping_actor_get_type ())
G_DECLARE_FINAL_TYPE (PingActor, ping_actor, TEST, PING_ACTOR, PykkaActor)

struct _PingActor
{
  PykkaActor parent_instance;

  PykkaActorRef *peer;
  gint n_failed;                /* atomic: waits that failed */
  GMutex lock;
  GCond cond;
  guint n_ping_backs;           /* under lock */
  gboolean gate_pongs;          /* answer a "pong" only when allowed (set before start) */
  guint n_pongs_allowed;        /* under lock */
  guint n_pongs;                /* under lock */
  char *first_failure;
};

G_DEFINE_FINAL_TYPE (PingActor, ping_actor, PYKKA_TYPE_ACTOR)

static void
ping_actor_record (PingActor    *self,
                   const GError *error)
{
  g_atomic_int_inc (&self->n_failed);
  g_mutex_lock (&self->lock);
  if (self->first_failure == NULL)
    self->first_failure = g_strdup (error->message);
  g_mutex_unlock (&self->lock);
}

static void
ping_actor_on_receive (PykkaActor    *actor,
                       const GValue  *message,
                       GValue        *reply,
                       GError       **error)
{
  PingActor *self = TEST_PING_ACTOR (actor);
  const char *command = G_VALUE_HOLDS_STRING (message) ? g_value_get_string (message) : "";
  g_auto(GValue) pong = G_VALUE_INIT;
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) wait_error = NULL;

  pykka_test_value_init_string (&pong, "pong");

  if (g_str_equal (command, "pong"))
    {
      if (self->gate_pongs)
        {
          gint64 deadline = g_get_monotonic_time () + WAIT_US;

          g_mutex_lock (&self->lock);
          while (self->n_pongs >= self->n_pongs_allowed &&
                 g_cond_wait_until (&self->cond, &self->lock, deadline))
            ;
          self->n_pongs++;
          g_mutex_unlock (&self->lock);
        }
      pykka_test_value_init_string (reply, "pong");
    }
  else if (g_str_equal (command, "ping-peer"))
    {
      g_autoptr(PykkaFuture) future = pykka_actor_ref_ask (self->peer, &pong);
      g_auto(GValue) ping_back = G_VALUE_INIT;

      pykka_test_value_init_string (&ping_back, "ping-back");
      pykka_actor_ref_tell (self->peer, &ping_back, NULL);
      if (!pykka_future_get (future, WAIT_US, &value, &wait_error))
        ping_actor_record (self, wait_error);
      pykka_test_value_init_string (reply, "done");
    }
  else if (g_str_equal (command, "cycle"))
    {
      /* Asks the peer "ping-back", which asks this actor back: a real cycle. */
      g_autoptr(PykkaFuture) future = NULL;
      g_auto(GValue) ping_back = G_VALUE_INIT;

      pykka_test_value_init_string (&ping_back, "cycle-back");
      future = pykka_actor_ref_ask (self->peer, &ping_back);
      if (!pykka_future_get (future, WAIT_US, &value, error))
        return;
      pykka_test_value_init_string (reply, "no deadlock");
    }
  else if (g_str_equal (command, "cycle-back"))
    {
      g_autoptr(PykkaFuture) future = pykka_actor_ref_ask (self->peer, &pong);
      gboolean ok = pykka_future_get (future, WAIT_US, &value, &wait_error);

      if (!ok)
        ping_actor_record (self, wait_error);
      g_mutex_lock (&self->lock);
      self->n_ping_backs++;
      g_cond_broadcast (&self->cond);
      g_mutex_unlock (&self->lock);
      if (!ok)
        g_propagate_error (error, g_steal_pointer (&wait_error));
    }
  else if (g_str_equal (command, "ask-peer"))
    {
      g_autoptr(PykkaFuture) future = pykka_actor_ref_ask (self->peer, &pong);

      if (!pykka_future_get (future, WAIT_US, &value, &wait_error))
        {
          ping_actor_record (self, wait_error);
          g_propagate_error (error, g_steal_pointer (&wait_error));
          return;
        }
      g_value_init (reply, G_VALUE_TYPE (&value));
      g_value_copy (&value, reply);
    }
  else if (g_str_equal (command, "ping-back"))
    {
      g_autoptr(PykkaFuture) future = pykka_actor_ref_ask (self->peer, &pong);

      if (!pykka_future_get (future, WAIT_US, &value, &wait_error))
        ping_actor_record (self, wait_error);
      g_mutex_lock (&self->lock);
      self->n_ping_backs++;
      g_cond_broadcast (&self->cond);
      g_mutex_unlock (&self->lock);
    }
}

static void
ping_actor_finalize (GObject *object)
{
  PingActor *self = TEST_PING_ACTOR (object);

  g_clear_object (&self->peer);
  g_free (self->first_failure);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->cond);
  G_OBJECT_CLASS (ping_actor_parent_class)->finalize (object);
}

static void
ping_actor_class_init (PingActorClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ping_actor_finalize;
  PYKKA_ACTOR_CLASS (klass)->on_receive = ping_actor_on_receive;
}

static void
ping_actor_init (PingActor *self)
{
  g_mutex_init (&self->lock);
  g_cond_init (&self->cond);
}

/* Waits up to 5 s until @self has handled @n ping-backs. */
static gboolean
ping_actor_wait_ping_backs (PingActor *self,
                            guint      n)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_US;
  gboolean reached;

  g_mutex_lock (&self->lock);
  while (self->n_ping_backs < n && g_cond_wait_until (&self->cond, &self->lock, deadline))
    ;
  reached = self->n_ping_backs >= n;
  g_mutex_unlock (&self->lock);
  return reached;
}

#define N_PING_PONGS 300

static void
test_no_false_positive_ping_pong (gconstpointer data)
{
  Runtime runtime = GPOINTER_TO_INT (data);
  g_autoptr(PykkaActorRegistry) registry = pykka_actor_registry_new ();
  g_autoptr(PingActor) a = g_object_new (TEST_TYPE_PING_ACTOR, "registry", registry, NULL);
  g_autoptr(PingActor) b = g_object_new (TEST_TYPE_PING_ACTOR, "registry", registry, NULL);
  g_autoptr(PykkaActorRef) a_ref = NULL;
  g_autoptr(PykkaActorRef) b_ref = NULL;
  g_auto(GValue) ping = G_VALUE_INIT;

  pykka_test_log_reset ();
  a->peer = g_object_ref (pykka_actor_get_actor_ref (PYKKA_ACTOR (b)));
  b->peer = g_object_ref (pykka_actor_get_actor_ref (PYKKA_ACTOR (a)));
  a_ref = start_on (a, runtime);
  b_ref = start_on (b, runtime);

  pykka_test_value_init_string (&ping, "ping-peer");
  for (guint i = 0; i < N_PING_PONGS; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;
      g_autoptr(GError) error = NULL;

      g_assert_true (pykka_actor_ref_ask_sync (a_ref, &ping, WAIT_US, &value, &error));
      g_assert_no_error (error);
      /* B's wait on A ends before A is asked again (else A would wait on B while B waits for
       * A to get to B's ask: a real deadlock). */
      g_assert_true (ping_actor_wait_ping_backs (b, i + 1));
    }

  if (a->first_failure != NULL || b->first_failure != NULL)
    g_test_message ("false deadlock: %s", a->first_failure != NULL ? a->first_failure
                                                                   : b->first_failure);
  g_assert_cmpint (g_atomic_int_get (&a->n_failed), ==, 0);
  g_assert_cmpint (g_atomic_int_get (&b->n_failed), ==, 0);
  g_assert_cmpuint (count_deadlock_warnings (NULL), ==, 0);

  pykka_test_stop_registry (registry);
}

/* The same real cycle, found again and again: each time both waits fail, and the library never
 * hangs itself (the detecting thread wakes the other waits while the others check their own). */
#define N_CYCLES 300

static void
test_repeated_cycles (gconstpointer data)
{
  Runtime runtime = GPOINTER_TO_INT (data);
  g_autoptr(PykkaActorRegistry) registry = pykka_actor_registry_new ();
  g_autoptr(PingActor) a = g_object_new (TEST_TYPE_PING_ACTOR, "registry", registry, NULL);
  g_autoptr(PingActor) b = g_object_new (TEST_TYPE_PING_ACTOR, "registry", registry, NULL);
  g_autoptr(PykkaActorRef) a_ref = NULL;
  g_autoptr(PykkaActorRef) b_ref = NULL;
  g_auto(GValue) cycle = G_VALUE_INIT;

  pykka_test_log_reset ();
  a->peer = g_object_ref (pykka_actor_get_actor_ref (PYKKA_ACTOR (b)));
  b->peer = g_object_ref (pykka_actor_get_actor_ref (PYKKA_ACTOR (a)));
  a->gate_pongs = TRUE;
  a_ref = start_on (a, runtime);
  b_ref = start_on (b, runtime);

  pykka_test_value_init_string (&cycle, "cycle");
  for (guint i = 0; i < N_CYCLES; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;
      g_autoptr(GError) error = NULL;

      g_assert_false (pykka_actor_ref_ask_sync (a_ref, &cycle, WAIT_US, &value, &error));
      g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_DEADLOCK);
      g_assert_true (ping_actor_wait_ping_backs (b, i + 1));

      /* B's wait has failed: A may answer B's ask now. */
      g_mutex_lock (&a->lock);
      a->n_pongs_allowed++;
      g_cond_broadcast (&a->cond);
      g_mutex_unlock (&a->lock);
    }
  g_assert_cmpint (g_atomic_int_get (&b->n_failed), ==, N_CYCLES);
  g_assert_cmpuint (count_deadlock_warnings (NULL), ==, N_CYCLES);
  pykka_test_stop_registry (registry);
}

/* Many pairs of actors run into their cycles at the same time, again and again: every cycle is
 * found, and the detection never hangs (a detecting thread wakes the waits of its cycle while
 * other threads check whether their own wait was failed). */
#define N_PAIRS 32
#define N_PAIR_CYCLES 1000

typedef struct
{
  PykkaActorRef *a_ref;
  gint *n_failures;
  GMutex *lock;
  char **first_failure;
} PairDriver;

static gpointer
drive_pair (gpointer data)
{
  PairDriver *driver = data;
  g_auto(GValue) cycle = G_VALUE_INIT;

  pykka_test_value_init_string (&cycle, "cycle");
  for (guint i = 0; i < N_PAIR_CYCLES; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;
      g_autoptr(GError) error = NULL;

      if (!pykka_actor_ref_ask_sync (driver->a_ref, &cycle, WAIT_US, &value, &error) &&
          g_error_matches (error, PYKKA_ERROR, PYKKA_ERROR_DEADLOCK))
        continue;
      g_atomic_int_inc (driver->n_failures);
      g_mutex_lock (driver->lock);
      if (*driver->first_failure == NULL)
        *driver->first_failure = g_strdup_printf ("cycle %u: %s", i,
                                                  error != NULL ? error->message : "no error");
      g_mutex_unlock (driver->lock);
      break;
    }
  return NULL;
}

static void
test_concurrent_cycles (void)
{
  g_autoptr(PykkaActorRegistry) registry = pykka_actor_registry_new ();
  PingActor *actors[2 * N_PAIRS];
  PykkaActorRef *refs[2 * N_PAIRS];
  PairDriver drivers[N_PAIRS];
  GThread *threads[N_PAIRS];
  gint n_failures = 0;
  GMutex lock;
  char *first_failure = NULL;

  pykka_test_log_reset ();
  g_mutex_init (&lock);
  for (guint i = 0; i < 2 * N_PAIRS; i++)
    actors[i] = g_object_new (TEST_TYPE_PING_ACTOR, "registry", registry, NULL);
  for (guint i = 0; i < 2 * N_PAIRS; i++)
    {
      actors[i]->peer = g_object_ref (pykka_actor_get_actor_ref (PYKKA_ACTOR (actors[i ^ 1])));
      refs[i] = start_on (actors[i], RT_THREAD);
    }
  for (guint i = 0; i < N_PAIRS; i++)
    {
      drivers[i] = (PairDriver) { refs[2 * i], &n_failures, &lock, &first_failure };
      threads[i] = g_thread_new ("pair-driver", drive_pair, &drivers[i]);
    }
  for (guint i = 0; i < N_PAIRS; i++)
    g_thread_join (threads[i]);

  if (first_failure != NULL)
    g_test_message ("first failure: %s", first_failure);
  g_assert_cmpint (n_failures, ==, 0);
  g_assert_cmpuint (count_deadlock_warnings (NULL), ==, N_PAIRS * N_PAIR_CYCLES);

  pykka_test_stop_registry (registry);
  for (guint i = 0; i < 2 * N_PAIRS; i++)
    {
      g_object_unref (refs[i]);
      g_object_unref (actors[i]);
    }
  g_mutex_clear (&lock);
  g_free (first_failure);
}

/* A cycle through a context actor and a thread actor is found as well. */
static void
test_context_cycle_with_thread_actor (void)
{
  g_autoptr(PykkaActorRegistry) registry = pykka_actor_registry_new ();
  g_autoptr(ChainActor) x = chain_actor_new (registry);
  g_autoptr(ChainActor) z = chain_actor_new (registry);
  g_autoptr(PykkaActorRef) x_ref = NULL;
  g_autoptr(PykkaActorRef) z_ref = NULL;
  g_autoptr(PykkaFuture) future = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) x_error = NULL;
  g_autoptr(GError) z_error = NULL;
  g_auto(GValue) go = G_VALUE_INIT;
  g_auto(GValue) value = G_VALUE_INIT;
  char *descriptions[2];

  pykka_test_log_reset ();
  x->next = g_object_ref (pykka_actor_get_actor_ref (PYKKA_ACTOR (z)));
  z->next = g_object_ref (pykka_actor_get_actor_ref (PYKKA_ACTOR (x)));
  x->again_gate = pykka_test_event_new ();
  z->again_gate = pykka_test_event_new ();
  x_ref = start_on (x, RT_CONTEXT);
  z_ref = start_on (z, RT_THREAD);
  descriptions[0] = describe (x_ref);
  descriptions[1] = describe (z_ref);

  pykka_test_value_init_string (&go, "go");
  future = pykka_actor_ref_ask (x_ref, &go);
  g_assert_false (pykka_future_get (future, WAIT_US, &value, &error));
  g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_DEADLOCK);
  x_error = chain_actor_wait_error (x);
  z_error = chain_actor_wait_error (z);
  g_assert_error (x_error, PYKKA_ERROR, PYKKA_ERROR_DEADLOCK);
  g_assert_error (z_error, PYKKA_ERROR, PYKKA_ERROR_DEADLOCK);
  assert_cycle_message (x_error->message, "Deadlock: ", descriptions, 2);
  g_assert_cmpstr (x_error->message, ==, z_error->message);
  g_assert_cmpuint (count_deadlock_warnings (NULL), ==, 1);
  pykka_test_event_set (x->again_gate);
  pykka_test_event_set (z->again_gate);

  pykka_test_assert_ping (x_ref);
  pykka_test_assert_ping (z_ref);
  pykka_test_stop_registry (registry);
  g_clear_pointer (&x->again_gate, pykka_test_event_free);
  g_clear_pointer (&z->again_gate, pykka_test_event_free);
  g_free (descriptions[0]);
  g_free (descriptions[1]);
}

/* The same two actors wait on each other one after the other: A on B, then B on A. When B
 * waits, A's wait has ended: no cycle, no failure. */
static void
test_no_false_positive_sequential (gconstpointer data)
{
  Runtime runtime = GPOINTER_TO_INT (data);
  g_autoptr(PykkaActorRegistry) registry = pykka_actor_registry_new ();
  g_autoptr(PingActor) a = g_object_new (TEST_TYPE_PING_ACTOR, "registry", registry, NULL);
  g_autoptr(PingActor) b = g_object_new (TEST_TYPE_PING_ACTOR, "registry", registry, NULL);
  g_autoptr(PykkaActorRef) a_ref = NULL;
  g_autoptr(PykkaActorRef) b_ref = NULL;
  g_auto(GValue) ask_peer = G_VALUE_INIT;

  pykka_test_log_reset ();
  a->peer = g_object_ref (pykka_actor_get_actor_ref (PYKKA_ACTOR (b)));
  b->peer = g_object_ref (pykka_actor_get_actor_ref (PYKKA_ACTOR (a)));
  a_ref = start_on (a, runtime);
  b_ref = start_on (b, runtime);

  pykka_test_value_init_string (&ask_peer, "ask-peer");
  for (guint i = 0; i < 20; i++)
    {
      PykkaActorRef *ref = i % 2 == 0 ? a_ref : b_ref;
      g_auto(GValue) value = G_VALUE_INIT;
      g_autoptr(GError) error = NULL;

      g_assert_true (pykka_actor_ref_ask_sync (ref, &ask_peer, WAIT_US, &value, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (g_value_get_string (&value), ==, "pong");
    }
  g_assert_cmpint (g_atomic_int_get (&a->n_failed), ==, 0);
  g_assert_cmpint (g_atomic_int_get (&b->n_failed), ==, 0);
  g_assert_cmpuint (count_deadlock_warnings (NULL), ==, 0);
  pykka_test_stop_registry (registry);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  pykka_test_init (&argc, &argv);

  pool1 = pykka_pool_new (1);
  shared_context = g_main_context_new ();
  shared_loop = g_main_loop_new (shared_context, FALSE);
  shared_context_thread = g_thread_new ("test-context", shared_context_main, NULL);

  g_test_add_data_func ("/deadlock/pykka-example/thread", &cycle_thread, test_pykka_example);
  g_test_add_data_func ("/deadlock/pykka-example/pool", &cycle_pool, test_pykka_example);
  g_test_add_data_func ("/deadlock/pykka-example/pool-1", &cycle_pool1, test_pykka_example);
  g_test_add_data_func ("/deadlock/pykka-example/mixed", &cycle_mixed, test_pykka_example);
  g_test_add_data_func ("/deadlock/three-actor-cycle/thread", &cycle_thread,
                        test_three_actor_cycle);
  g_test_add_data_func ("/deadlock/three-actor-cycle/pool", &cycle_pool, test_three_actor_cycle);
  g_test_add_data_func ("/deadlock/three-actor-cycle/pool-1", &cycle_pool1,
                        test_three_actor_cycle);
  g_test_add_data_func ("/deadlock/three-actor-cycle/mixed", &cycle_mixed,
                        test_three_actor_cycle);

  g_test_add_data_func ("/deadlock/self-ask/thread", GINT_TO_POINTER (RT_THREAD), test_self_ask);
  g_test_add_data_func ("/deadlock/self-ask/pool", GINT_TO_POINTER (RT_POOL), test_self_ask);
  g_test_add_data_func ("/deadlock/self-ask/pool-1", GINT_TO_POINTER (RT_POOL1), test_self_ask);
  g_test_add_data_func ("/deadlock/self-ask/context", GINT_TO_POINTER (RT_CONTEXT),
                        test_self_ask);
  g_test_add_data_func ("/deadlock/self-stop/thread", GINT_TO_POINTER (RT_THREAD),
                        test_self_stop);
  g_test_add_data_func ("/deadlock/self-stop/pool", GINT_TO_POINTER (RT_POOL), test_self_stop);
  g_test_add_data_func ("/deadlock/self-stop/context", GINT_TO_POINTER (RT_CONTEXT),
                        test_self_stop);
  g_test_add_data_func ("/deadlock/self-stop-future/thread", GINT_TO_POINTER (RT_THREAD),
                        test_self_stop_future);
  g_test_add_data_func ("/deadlock/self-stop-future/pool", GINT_TO_POINTER (RT_POOL),
                        test_self_stop_future);
  g_test_add_data_func ("/deadlock/self-stop-future/context", GINT_TO_POINTER (RT_CONTEXT),
                        test_self_stop_future);

  g_test_add_data_func ("/deadlock/context/same-context-actor", GINT_TO_POINTER (FALSE),
                        test_context_actor_waits_on_same_context);
  g_test_add_data_func ("/deadlock/context/same-context-actor-timeout", GINT_TO_POINTER (TRUE),
                        test_context_actor_waits_on_same_context);
  g_test_add_func ("/deadlock/context/other-runtime-actor",
                   test_context_actor_waits_on_thread_actor);
  g_test_add_func ("/deadlock/context/owner-thread-waits", test_context_owner_waits);
  g_test_add_func ("/deadlock/context/cycle-with-thread-actor",
                   test_context_cycle_with_thread_actor);
  g_test_add_data_func ("/deadlock/repeated-cycles/thread", GINT_TO_POINTER (RT_THREAD),
                        test_repeated_cycles);
  g_test_add_data_func ("/deadlock/repeated-cycles/pool", GINT_TO_POINTER (RT_POOL),
                        test_repeated_cycles);

  g_test_add_data_func ("/deadlock/no-false-positive/wait/thread", GINT_TO_POINTER (RT_THREAD),
                        test_no_false_positive_wait);
  g_test_add_data_func ("/deadlock/no-false-positive/wait/pool-1", GINT_TO_POINTER (RT_POOL1),
                        test_no_false_positive_wait);
  g_test_add_data_func ("/deadlock/no-false-positive/chain/thread", &cycle_thread,
                        test_no_false_positive_chain);
  g_test_add_data_func ("/deadlock/no-false-positive/chain/pool-1", &cycle_pool1,
                        test_no_false_positive_chain);
  g_test_add_data_func ("/deadlock/no-false-positive/chain/mixed", &cycle_mixed,
                        test_no_false_positive_chain);
  g_test_add_func ("/deadlock/no-false-positive/fan-in", test_no_false_positive_fan_in);
  g_test_add_data_func ("/deadlock/no-false-positive/sequential/thread",
                        GINT_TO_POINTER (RT_THREAD), test_no_false_positive_sequential);
  g_test_add_data_func ("/deadlock/no-false-positive/sequential/pool-1",
                        GINT_TO_POINTER (RT_POOL1), test_no_false_positive_sequential);
  g_test_add_data_func ("/deadlock/no-false-positive/ping-pong/thread",
                        GINT_TO_POINTER (RT_THREAD), test_no_false_positive_ping_pong);
  g_test_add_data_func ("/deadlock/no-false-positive/ping-pong/pool",
                        GINT_TO_POINTER (RT_POOL), test_no_false_positive_ping_pong);
  g_test_add_func ("/deadlock/no-false-positive/concurrent-cycles/thread",
                   test_concurrent_cycles);

  status = g_test_run ();

  g_main_loop_quit (shared_loop);
  g_thread_join (shared_context_thread);
  g_main_loop_unref (shared_loop);
  g_main_context_unref (shared_context);
  g_object_unref (pool1);
  return status;
}
