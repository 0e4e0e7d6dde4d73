/* test-stress.c: a randomized, seeded, time-bounded stress test (issue 7, suite "stress")
 *
 * Thread and pool actors sit in a table of slots. Client threads send them tells, asks,
 * proxy calls, attribute reads and writes, and relays (an actor that asks an actor of a
 * higher slot and waits for it, so that the waits form no cycle), while a churn thread
 * replaces actors at random: it starts a new actor in a slot and stops the old one in one of
 * several ways (blocking stop, stop future, stop from inside, failure). Every ask must end
 * with its value or PYKKA_ERROR_ACTOR_DEAD: a lost or hung reply, a wrong value, a
 * deadlock error (there is no cycle, so that would be a false positive) fail the test. At the
 * end the registry is empty and every actor has been finalized.
 *
 * PYKKA_STRESS_SEED=<n> repeats a run (the seed is printed); PYKKA_STRESS_SECONDS=<s> sets
 * how long it runs (default 10).
 *
 * SPDX-FileCopyrightText: 2026 The pykka-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "pykka-test-utils.h"

#include <stdlib.h>
#include <string.h>

#define N_SLOTS 12
#define N_CLIENTS 4
#define MAX_PENDING 32
/* Only a hang guard: a reply that takes this long is lost. */
#define REPLY_TIMEOUT_US (30 * G_TIME_SPAN_SECOND)

#define STRESS_ERROR (stress_error_quark ())
static GQuark stress_error_quark (void);
G_DEFINE_QUARK (stress-error-quark, stress_error)

/* ------------------------------------------------------------------------------------------ */
/* The shared state of a run */

typedef struct
{
  guint32 seed;
  gint64 deadline;
  PykkaActorRegistry *registry;
  PykkaPool *small_pool;

  GMutex slots_lock;
  PykkaActorRef *slots[N_SLOTS];

  gint done;                    /* atomic: time is up, or a failure was seen */

  GMutex failure_lock;
  guint n_failures;
  char *first_failure;

  /* statistics (atomic) */
  gint n_tells, n_asks, n_values, n_dead, n_proxy_calls, n_relays, n_attr_reads,
       n_attr_writes, n_restarts, n_failures_told;

  /* live StressActor instances (atomic), to see that all are finalized */
  gint n_live;
  GMutex live_lock;
  GCond live_cond;
} Stress;

static Stress stress;

static void
fail (const char *format,
      ...) G_GNUC_PRINTF (1, 2);

static void
fail (const char *format,
      ...)
{
  va_list args;
  char *message;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_mutex_lock (&stress.failure_lock);
  stress.n_failures++;
  if (stress.first_failure == NULL)
    stress.first_failure = message;
  else
    g_free (message);
  g_mutex_unlock (&stress.failure_lock);
  g_atomic_int_set (&stress.done, TRUE);
}

static gboolean
is_done (void)
{
  return g_atomic_int_get (&stress.done) || g_get_monotonic_time () >= stress.deadline;
}

/* The actor in @slot (transfer full). */
static PykkaActorRef *
slot_dup (guint slot)
{
  PykkaActorRef *ref;

  g_mutex_lock (&stress.slots_lock);
  ref = g_object_ref (stress.slots[slot]);
  g_mutex_unlock (&stress.slots_lock);
  return ref;
}

/* Puts @ref in @slot and returns the actor it replaces (transfer full). */
static PykkaActorRef *
slot_swap (guint          slot,
           PykkaActorRef *ref)
{
  PykkaActorRef *old;

  g_mutex_lock (&stress.slots_lock);
  old = stress.slots[slot];
  stress.slots[slot] = g_object_ref (ref);
  g_mutex_unlock (&stress.slots_lock);
  return old;
}

/* ------------------------------------------------------------------------------------------ */
/* StressActor */

#define TEST_TYPE_STRESS_ACTOR (stress_actor_get_type ())
G_DECLARE_FINAL_TYPE (StressActor, stress_actor, TEST, STRESS_ACTOR, PykkaActor)

struct _StressActor
{
  PykkaActor parent_instance;

  guint slot;
  GRand *rand;                  /* used on the actor's thread only */
  int counter;
};

G_DEFINE_FINAL_TYPE (StressActor, stress_actor, PYKKA_TYPE_ACTOR)

enum
{
  PROP_0,
  PROP_SLOT,
  PROP_COUNTER,
};

/* Method add(a: int, b: int) -> int */
static int
stress_actor_add (StressActor *self,
                  int          a,
                  int          b,
                  gpointer     user_data)
{
  return a + b;
}

/* A relay of @n: asks (or calls through a proxy) an actor of a higher slot for n + 1 and
 * answers that; the last slot answers n + 1 itself. */
static gboolean
relay (StressActor  *self,
       int           n,
       GValue       *reply,
       GError      **error)
{
  g_autoptr(PykkaActorRef) next = NULL;
  g_autoptr(PykkaFuture) future = NULL;
  g_auto(GValue) value = G_VALUE_INIT;

  if (self->slot + 1 >= N_SLOTS)
    {
      g_value_init (reply, G_TYPE_INT);
      g_value_set_int (reply, n + 1);
      return TRUE;
    }

  next = slot_dup (g_rand_int_range (self->rand, self->slot + 1, N_SLOTS));
  if (g_rand_boolean (self->rand))
    {
      g_auto(GValue) message = G_VALUE_INIT;

      g_value_init (&message, G_TYPE_INT);
      g_value_set_int (&message, n);
      future = pykka_actor_ref_ask (next, &message);
    }
  else
    {
      g_autoptr(PykkaActorProxy) proxy = pykka_actor_ref_proxy (next, error);

      if (proxy == NULL)
        return FALSE;
      future = pykka_actor_proxy_call_va (proxy, "add", G_TYPE_INT, n, G_TYPE_INT, 1,
                                          G_TYPE_INVALID);
    }
  if (!pykka_future_get (future, REPLY_TIMEOUT_US, &value, error))
    return FALSE;
  g_value_init (reply, G_VALUE_TYPE (&value));
  g_value_copy (&value, reply);
  return TRUE;
}

static void
stress_actor_on_receive (PykkaActor    *actor,
                         const GValue  *message,
                         GValue        *reply,
                         GError       **error)
{
  StressActor *self = TEST_STRESS_ACTOR (actor);

  if (G_VALUE_HOLDS_INT (message))
    {
      g_value_init (reply, G_TYPE_INT);
      g_value_set_int (reply, g_value_get_int (message) + 1);
    }
  else if (G_VALUE_HOLDS_INT64 (message))
    relay (self, (int) g_value_get_int64 (message), reply, error);
  else if (G_VALUE_HOLDS_STRING (message) && g_str_equal (g_value_get_string (message), "fail"))
    g_set_error_literal (error, STRESS_ERROR, 1, "told to fail");
  else if (G_VALUE_HOLDS_STRING (message) &&
           g_str_equal (g_value_get_string (message), "stop-self"))
    pykka_actor_stop (actor, NULL);
  else if (G_VALUE_HOLDS_STRING (message) && g_str_equal (g_value_get_string (message), "noop"))
    ;
  else
    g_set_error_literal (error, STRESS_ERROR, 2, "unexpected message");
}

static void
stress_actor_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  StressActor *self = TEST_STRESS_ACTOR (object);

  switch (prop_id)
    {
    case PROP_SLOT:
      g_value_set_uint (value, self->slot);
      break;
    case PROP_COUNTER:
      g_value_set_int (value, self->counter);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stress_actor_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  StressActor *self = TEST_STRESS_ACTOR (object);

  switch (prop_id)
    {
    case PROP_SLOT:
      self->slot = g_value_get_uint (value);
      break;
    case PROP_COUNTER:
      self->counter = g_value_get_int (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stress_actor_finalize (GObject *object)
{
  g_rand_free (TEST_STRESS_ACTOR (object)->rand);
  G_OBJECT_CLASS (stress_actor_parent_class)->finalize (object);

  g_mutex_lock (&stress.live_lock);
  stress.n_live--;
  g_cond_broadcast (&stress.live_cond);
  g_mutex_unlock (&stress.live_lock);
}

static void
stress_actor_class_init (StressActorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = stress_actor_get_property;
  object_class->set_property = stress_actor_set_property;
  object_class->finalize = stress_actor_finalize;
  PYKKA_ACTOR_CLASS (klass)->on_receive = stress_actor_on_receive;

  g_object_class_install_property (object_class, PROP_SLOT,
    g_param_spec_uint ("slot", NULL, NULL, 0, N_SLOTS, 0,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_property (object_class, PROP_COUNTER,
    g_param_spec_int ("counter", NULL, NULL, G_MININT, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));

  g_signal_new_class_handler ("add", G_TYPE_FROM_CLASS (klass),
                              G_SIGNAL_RUN_LAST | G_SIGNAL_ACTION,
                              G_CALLBACK (stress_actor_add), NULL, NULL, NULL,
                              G_TYPE_INT, 2, G_TYPE_INT, G_TYPE_INT);
}

static void
stress_actor_init (StressActor *self)
{
  g_mutex_lock (&stress.live_lock);
  stress.n_live++;
  g_mutex_unlock (&stress.live_lock);
}

/* Starts a new actor for @slot on a thread, the default pool or a pool of two workers. */
static PykkaActorRef *
start_actor (guint  slot,
             GRand *rand)
{
  g_autoptr(StressActor) actor = NULL;
  g_autoptr(GError) error = NULL;
  PykkaActorRef *ref = NULL;

  actor = g_object_new (TEST_TYPE_STRESS_ACTOR, "registry", stress.registry, "slot", slot,
                        NULL);
  actor->rand = g_rand_new_with_seed (g_rand_int (rand));
  switch (g_rand_int_range (rand, 0, 3))
    {
    case 0:
      ref = pykka_actor_start (PYKKA_ACTOR (actor), &error);
      break;
    case 1:
      ref = pykka_actor_start_in_pool (PYKKA_ACTOR (actor), NULL, &error);
      break;
    default:
      ref = pykka_actor_start_in_pool (PYKKA_ACTOR (actor), stress.small_pool, &error);
      break;
    }
  g_assert_no_error (error);
  g_assert_nonnull (ref);
  return ref;
}

/* ------------------------------------------------------------------------------------------ */
/* Clients */

typedef struct
{
  PykkaFuture *future;
  int expected;
  const char *what;
} Pending;

/* The reply must be @expected (or, for an attribute read, any int), or ACTOR_DEAD. */
static void
check_reply (PykkaFuture *future,
             int          expected,
             const char  *what)
{
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;

  if (pykka_future_get (future, REPLY_TIMEOUT_US, &value, &error))
    {
      if (!G_VALUE_HOLDS_INT (&value))
        fail ("%s: a value of type %s", what, G_VALUE_TYPE_NAME (&value));
      else if (expected != G_MININT && g_value_get_int (&value) != expected)
        fail ("%s: %d instead of %d", what, g_value_get_int (&value), expected);
      else
        g_atomic_int_inc (&stress.n_values);
    }
  else if (g_error_matches (error, PYKKA_ERROR, PYKKA_ERROR_ACTOR_DEAD))
    g_atomic_int_inc (&stress.n_dead);
  else if (g_error_matches (error, PYKKA_ERROR, PYKKA_ERROR_TIMEOUT))
    fail ("%s: the reply was lost or hangs (%s)", what, error->message);
  else
    fail ("%s: %s (%s, %d)", what, error->message, g_quark_to_string (error->domain),
          error->code);
}

static void
check_pending (Pending *pending,
               guint   *n_pending)
{
  for (guint i = 0; i < *n_pending; i++)
    {
      check_reply (pending[i].future, pending[i].expected, pending[i].what);
      g_object_unref (pending[i].future);
    }
  *n_pending = 0;
}

/* An error that is no error of a dead actor. */
static void
check_dead_error (const GError *error,
                  const char   *what)
{
  if (g_error_matches (error, PYKKA_ERROR, PYKKA_ERROR_ACTOR_DEAD))
    g_atomic_int_inc (&stress.n_dead);
  else
    fail ("%s: %s (%s, %d)", what, error->message, g_quark_to_string (error->domain),
          error->code);
}

static gpointer
client_main (gpointer data)
{
  GRand *rand = data;
  Pending pending[MAX_PENDING];
  guint n_pending = 0;

  while (!is_done ())
    {
      g_autoptr(PykkaActorRef) ref = slot_dup (g_rand_int_range (rand, 0, N_SLOTS));
      int n = g_rand_int_range (rand, -1000000, 1000000);
      guint op = g_rand_int_range (rand, 0, 100);
      g_autoptr(GError) error = NULL;
      g_auto(GValue) message = G_VALUE_INIT;

      if (op < 25)
        {
          /* tell */
          if (g_rand_int_range (rand, 0, 200) == 0)
            {
              g_value_init (&message, G_TYPE_STRING);
              g_value_set_string (&message, "fail");
              g_atomic_int_inc (&stress.n_failures_told);
            }
          else
            {
              g_value_init (&message, G_TYPE_INT);
              g_value_set_int (&message, n);
            }
          if (!pykka_actor_ref_tell (ref, &message, &error))
            check_dead_error (error, "tell");
          g_atomic_int_inc (&stress.n_tells);
        }
      else if (op < 45)
        {
          /* ask, checked later */
          g_value_init (&message, G_TYPE_INT);
          g_value_set_int (&message, n);
          pending[n_pending++] = (Pending) { pykka_actor_ref_ask (ref, &message), n + 1, "ask" };
          g_atomic_int_inc (&stress.n_asks);
        }
      else if (op < 55)
        {
          /* blocking ask */
          g_auto(GValue) reply = G_VALUE_INIT;

          g_value_init (&message, G_TYPE_INT);
          g_value_set_int (&message, n);
          if (pykka_actor_ref_ask_sync (ref, &message, REPLY_TIMEOUT_US, &reply, &error))
            {
              if (g_value_get_int (&reply) != n + 1)
                fail ("ask_sync: %d instead of %d", g_value_get_int (&reply), n + 1);
              else
                g_atomic_int_inc (&stress.n_values);
            }
          else if (g_error_matches (error, PYKKA_ERROR, PYKKA_ERROR_TIMEOUT))
            fail ("ask_sync: the reply was lost or hangs");
          else
            check_dead_error (error, "ask_sync");
          g_atomic_int_inc (&stress.n_asks);
        }
      else if (op < 75)
        {
          /* proxy call */
          g_autoptr(PykkaActorProxy) proxy = pykka_actor_ref_proxy (ref, &error);

          if (proxy == NULL)
            check_dead_error (error, "proxy");
          else if (g_rand_boolean (rand))
            {
              pending[n_pending++] =
                (Pending) { pykka_actor_proxy_call_va (proxy, "add", G_TYPE_INT, n, G_TYPE_INT,
                                                       7, G_TYPE_INVALID),
                            n + 7, "proxy call_va" };
            }
          else
            {
              GValue args[2] = { G_VALUE_INIT, G_VALUE_INIT };
              PykkaFuture *future;

              g_value_init (&args[0], G_TYPE_INT);
              g_value_set_int (&args[0], n);
              g_value_init (&args[1], G_TYPE_DOUBLE);   /* converted to int */
              g_value_set_double (&args[1], 2.0);
              future = pykka_actor_proxy_call (proxy, "add", args, 2, &error);
              g_value_unset (&args[0]);
              g_value_unset (&args[1]);
              if (future == NULL)
                fail ("proxy call: %s", error->message);
              else
                pending[n_pending++] = (Pending) { future, n + 2, "proxy call" };
            }
          g_atomic_int_inc (&stress.n_proxy_calls);
        }
      else if (op < 85)
        {
          /* relay through actors of higher slots */
          g_value_init (&message, G_TYPE_INT64);
          g_value_set_int64 (&message, n);
          pending[n_pending++] = (Pending) { pykka_actor_ref_ask (ref, &message), n + 1, "relay" };
          g_atomic_int_inc (&stress.n_relays);
        }
      else if (op < 92)
        {
          /* attribute read */
          g_autoptr(PykkaActorProxy) proxy = pykka_actor_ref_proxy (ref, &error);
          PykkaFuture *future;

          if (proxy == NULL)
            check_dead_error (error, "proxy");
          else if ((future = pykka_actor_proxy_get_attr (proxy, "counter", &error)) == NULL)
            fail ("get_attr: %s", error->message);
          else
            pending[n_pending++] = (Pending) { future, G_MININT, "get_attr" };
          g_atomic_int_inc (&stress.n_attr_reads);
        }
      else
        {
          /* attribute write: blocks until written */
          g_autoptr(PykkaActorProxy) proxy = pykka_actor_ref_proxy (ref, &error);

          if (proxy == NULL)
            check_dead_error (error, "proxy");
          else
            {
              g_value_init (&message, G_TYPE_INT);
              g_value_set_int (&message, n);
              if (!pykka_actor_proxy_set_attr (proxy, "counter", &message, &error))
                check_dead_error (error, "set_attr");
            }
          g_atomic_int_inc (&stress.n_attr_writes);
        }

      if (n_pending == MAX_PENDING || g_rand_int_range (rand, 0, 8) == 0)
        check_pending (pending, &n_pending);
    }
  check_pending (pending, &n_pending);
  g_rand_free (rand);
  return NULL;
}

/* ------------------------------------------------------------------------------------------ */
/* Churn: actors are stopped, and new ones started, at random */

static void
stop_old (PykkaActorRef *old,
          GRand         *rand)
{
  g_autoptr(GError) error = NULL;
  g_auto(GValue) message = G_VALUE_INIT;

  switch (g_rand_int_range (rand, 0, 4))
    {
    case 0:
      /* A blocking stop. */
      if (!pykka_actor_ref_stop (old, REPLY_TIMEOUT_US, &error) && error != NULL)
        fail ("stop: %s", error->message);
      break;
    case 1:
      {
        /* A stop future, looked at right away or never. */
        g_autoptr(PykkaFuture) future = pykka_actor_ref_stop_future (old);

        if (g_rand_boolean (rand))
          {
            g_auto(GValue) stopped = G_VALUE_INIT;

            if (!pykka_future_get (future, REPLY_TIMEOUT_US, &stopped, &error))
              fail ("stop future: %s", error->message);
          }
      }
      break;
    case 2:
      /* From inside. */
      g_value_init (&message, G_TYPE_STRING);
      g_value_set_string (&message, "stop-self");
      if (!pykka_actor_ref_tell (old, &message, &error))
        check_dead_error (error, "stop-self");
      break;
    default:
      /* By a failure. */
      g_value_init (&message, G_TYPE_STRING);
      g_value_set_string (&message, "fail");
      if (!pykka_actor_ref_tell (old, &message, &error))
        check_dead_error (error, "fail");
      break;
    }
}

static gpointer
churn_main (gpointer data)
{
  GRand *rand = data;

  while (!is_done ())
    {
      guint slot = g_rand_int_range (rand, 0, N_SLOTS);
      g_autoptr(PykkaActorRef) ref = start_actor (slot, rand);
      g_autoptr(PykkaActorRef) old = slot_swap (slot, ref);

      stop_old (old, rand);
      g_atomic_int_inc (&stress.n_restarts);
      /* Pacing only: lets the clients reach the new actors. */
      g_usleep (g_rand_int_range (rand, 0, 2000));
    }
  g_rand_free (rand);
  return NULL;
}

/* ------------------------------------------------------------------------------------------ */

static guint
env_uint (const char *name,
          guint       fallback)
{
  const char *text = g_getenv (name);
  guint64 value;

  if (text == NULL || text[0] == '\0')
    return fallback;
  g_assert_true (g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT32, &value, NULL));
  return (guint) value;
}

static guint
count_deadlock_warnings (void)
{
  g_auto(GStrv) warnings = pykka_test_log_messages (G_LOG_LEVEL_WARNING);
  guint n = 0;

  for (guint i = 0; warnings[i] != NULL; i++)
    if (g_str_has_prefix (warnings[i], "Deadlock detected: "))
      n++;
  return n;
}

static void
test_stress (void)
{
  guint seconds = env_uint ("PYKKA_STRESS_SECONDS", 10);
  GRand *rand;
  GThread *clients[N_CLIENTS];
  GThread *churn;
  g_autoptr(GError) error = NULL;
  gint64 deadline;

  stress.seed = env_uint ("PYKKA_STRESS_SEED", g_random_int ());
  g_test_message ("seed %u (PYKKA_STRESS_SEED=%u PYKKA_STRESS_SECONDS=%u to repeat)",
                  stress.seed, stress.seed, seconds);
  g_printerr ("# PYKKA_STRESS_SEED=%u\n", stress.seed);

  rand = g_rand_new_with_seed (stress.seed);
  stress.registry = pykka_actor_registry_new ();
  stress.small_pool = pykka_pool_new (2);
  pykka_test_log_reset ();

  for (guint i = 0; i < N_SLOTS; i++)
    stress.slots[i] = start_actor (i, rand);

  stress.deadline = g_get_monotonic_time () + (gint64) seconds * G_TIME_SPAN_SECOND;
  for (guint i = 0; i < N_CLIENTS; i++)
    clients[i] = g_thread_new ("client", client_main, g_rand_new_with_seed (g_rand_int (rand)));
  churn = g_thread_new ("churn", churn_main, g_rand_new_with_seed (g_rand_int (rand)));

  for (guint i = 0; i < N_CLIENTS; i++)
    g_thread_join (clients[i]);
  g_thread_join (churn);

  g_test_message ("%d tells, %d asks, %d proxy calls, %d relays, %d attribute reads, "
                  "%d attribute writes, %d failures told, %d restarts; %d values, "
                  "%d ACTOR_DEAD",
                  stress.n_tells, stress.n_asks, stress.n_proxy_calls, stress.n_relays,
                  stress.n_attr_reads, stress.n_attr_writes, stress.n_failures_told,
                  stress.n_restarts, stress.n_values, stress.n_dead);
  if (stress.first_failure != NULL)
    g_test_message ("%u failures, the first: %s (seed %u)", stress.n_failures,
                    stress.first_failure, stress.seed);
  g_assert_cmpuint (stress.n_failures, ==, 0);
  g_assert_cmpint (stress.n_values, >, 0);

  /* No false deadlock (the relays only go up the slots). */
  g_assert_cmpuint (count_deadlock_warnings (), ==, 0);

  /* The registry is empty at the end, and every actor is finalized. */
  g_assert_true (pykka_actor_registry_stop_all (stress.registry, REPLY_TIMEOUT_US, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pykka_actor_registry_get_n_actors (stress.registry), ==, 0);
  for (guint i = 0; i < N_SLOTS; i++)
    {
      g_assert_false (pykka_actor_ref_is_alive (stress.slots[i]));
      g_clear_object (&stress.slots[i]);
    }
  deadline = g_get_monotonic_time () + REPLY_TIMEOUT_US;
  g_mutex_lock (&stress.live_lock);
  while (stress.n_live > 0 && g_cond_wait_until (&stress.live_cond, &stress.live_lock, deadline))
    ;
  g_mutex_unlock (&stress.live_lock);
  g_assert_cmpint (stress.n_live, ==, 0);

  g_clear_object (&stress.registry);
  g_clear_object (&stress.small_pool);
  g_free (stress.first_failure);
  g_rand_free (rand);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  pykka_test_init (&argc, &argv);
  g_log_set_debug_enabled (FALSE);

  g_test_add_func ("/stress/random", test_stress);

  return g_test_run ();
}
