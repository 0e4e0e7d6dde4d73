/* deadlock-debugging.c: two actors that wait for each other, and how to see it
 *
 * A port of Pykka's "Deadlock debugging" example. DeadlockActorA.foo(b) calls b.bar() and
 * waits for it; DeadlockActorB.bar() calls a.foo() and waits for it. In Pykka both actors
 * then wait forever, and the example has the main thread relax until `kill -SIGUSR1 <pid>`
 * makes it log what every thread is doing.
 *
 * pykka-glib keeps a graph of which actor waits for which: the second wait closes the cycle,
 * so both waits fail at once with PYKKA_ERROR_DEADLOCK, whose message names the actors of the
 * cycle, and a WARNING "Deadlock detected: …" is logged. foo() then fails instead of hanging,
 * and both actors go on working. The example then sends itself SIGUSR1, whose handler
 * (pykka_debug_install_signal_handler()) logs the state of every actor: its runtime and
 * thread, what it handles, its inbox, and whom it waits for. Send it yourself to a program
 * that seems stuck: `kill -USR1 <pid>`; the program must iterate its default main context.
 *
 * Log records are printed as Python's logging.basicConfig() prints them,
 * "LEVEL:pykka:message". The INFO records that tell of the errors returned to callers are
 * left out: the two actors fail at the same moment, so they would come in any order.
 *
 * SPDX-FileCopyrightText: 2026 The pykka-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <signal.h>
#include <stdio.h>

#include <pykka-glib/pykka-glib.h>

/* Logging, as logging.basicConfig(level=logging.DEBUG) */

static GMainLoop *loop;
static guint n_states_to_log;   /* the signal handler's records still to come */

static const char *
level_name (GLogLevelFlags level)
{
  switch (level & G_LOG_LEVEL_MASK)
    {
    case G_LOG_LEVEL_ERROR:
      return "ERROR";
    case G_LOG_LEVEL_CRITICAL:
      return "CRITICAL";
    case G_LOG_LEVEL_WARNING:
      return "WARNING";
    case G_LOG_LEVEL_MESSAGE:
      return "MESSAGE";
    case G_LOG_LEVEL_INFO:
      return "INFO";
    default:
      return "DEBUG";
    }
}

static GLogWriterOutput
print_record (GLogLevelFlags   level,
              const GLogField *fields,
              gsize            n_fields,
              gpointer         user_data)
{
  const char *domain = NULL;
  const char *message = NULL;

  for (gsize i = 0; i < n_fields; i++)
    {
      if (g_str_equal (fields[i].key, "GLIB_DOMAIN"))
        domain = fields[i].value;
      else if (g_str_equal (fields[i].key, "MESSAGE"))
        message = fields[i].value;
    }
  if (g_strcmp0 (domain, "pykka") != 0)
    return g_log_writer_default (level, fields, n_fields, user_data);
  if ((level & G_LOG_LEVEL_INFO) != 0)
    return G_LOG_WRITER_HANDLED;

  g_print ("%s:pykka:%s\n", level_name (level), message);

  /* The signal handler logs "{n} actors are running" and then one record per actor. */
  if ((level & G_LOG_LEVEL_MESSAGE) != 0)
    {
      guint n;

      if (sscanf (message, "%u actors are running", &n) == 1)
        n_states_to_log = n;
      else if (n_states_to_log > 0)
        n_states_to_log--;
      if (n_states_to_log == 0 && loop != NULL)
        g_main_loop_quit (loop);
    }
  return G_LOG_WRITER_HANDLED;
}

/* DeadlockActorA */

#define EXAMPLE_TYPE_DEADLOCK_ACTOR_A (deadlock_actor_a_get_type ())
G_DECLARE_FINAL_TYPE (DeadlockActorA, deadlock_actor_a, EXAMPLE, DEADLOCK_ACTOR_A, PykkaActor)

struct _DeadlockActorA
{
  PykkaActor parent_instance;
};

G_DEFINE_FINAL_TYPE (DeadlockActorA, deadlock_actor_a, PYKKA_TYPE_ACTOR)

/* Method foo(b: ActorProxy) -> str, which can fail. Without b it answers at once. */
static char *
deadlock_actor_a_foo (DeadlockActorA   *self,
                      PykkaActorProxy  *b,
                      GError          **error,
                      gpointer          user_data)
{
  g_autoptr(PykkaFuture) future = NULL;
  g_auto(GValue) value = G_VALUE_INIT;

  if (b == NULL)
    return g_strdup ("foo");

  g_print ("This is foo calling bar\n");
  future = pykka_actor_proxy_call (b, "bar", NULL, 0, error);
  if (future == NULL || !pykka_future_get (future, PYKKA_FOREVER, &value, error))
    return NULL;
  return g_value_dup_string (&value);
}

static void
deadlock_actor_a_class_init (DeadlockActorAClass *klass)
{
  g_signal_new_class_handler ("foo", G_TYPE_FROM_CLASS (klass),
                              G_SIGNAL_RUN_LAST | G_SIGNAL_ACTION,
                              G_CALLBACK (deadlock_actor_a_foo), NULL, NULL, NULL,
                              G_TYPE_STRING, 2, PYKKA_TYPE_ACTOR_PROXY, G_TYPE_POINTER);
}

static void
deadlock_actor_a_init (DeadlockActorA *self)
{
}

/* DeadlockActorB */

#define EXAMPLE_TYPE_DEADLOCK_ACTOR_B (deadlock_actor_b_get_type ())
G_DECLARE_FINAL_TYPE (DeadlockActorB, deadlock_actor_b, EXAMPLE, DEADLOCK_ACTOR_B, PykkaActor)

struct _DeadlockActorB
{
  PykkaActor parent_instance;

  PykkaActorProxy *a;
};

G_DEFINE_FINAL_TYPE (DeadlockActorB, deadlock_actor_b, PYKKA_TYPE_ACTOR)

enum {
  PROP_0,
  PROP_A,
};

/* Method bar() -> str, which can fail. */
static char *
deadlock_actor_b_bar (DeadlockActorB  *self,
                      GError         **error,
                      gpointer         user_data)
{
  g_autoptr(PykkaFuture) future = NULL;
  g_auto(GValue) no_b = G_VALUE_INIT;
  g_auto(GValue) value = G_VALUE_INIT;

  g_print ("This is bar calling foo; BOOM!\n");
  pykka_value_init_none (&no_b);
  future = pykka_actor_proxy_call (self->a, "foo", &no_b, 1, error);
  if (future == NULL || !pykka_future_get (future, PYKKA_FOREVER, &value, error))
    return NULL;
  return g_value_dup_string (&value);
}

/* Method ping() -> str: answers when the actor has handled what was sent before. */
static char *
deadlock_actor_b_ping (DeadlockActorB *self,
                       gpointer        user_data)
{
  return g_strdup ("pong");
}

static void
deadlock_actor_b_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_A:
      g_value_set_object (value, EXAMPLE_DEADLOCK_ACTOR_B (object)->a);
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
    case PROP_A:
      EXAMPLE_DEADLOCK_ACTOR_B (object)->a = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
deadlock_actor_b_finalize (GObject *object)
{
  g_clear_object (&EXAMPLE_DEADLOCK_ACTOR_B (object)->a);
  G_OBJECT_CLASS (deadlock_actor_b_parent_class)->finalize (object);
}

static void
deadlock_actor_b_class_init (DeadlockActorBClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = deadlock_actor_b_get_property;
  object_class->set_property = deadlock_actor_b_set_property;
  object_class->finalize = deadlock_actor_b_finalize;

  /* Attribute a: a proxy to DeadlockActorA, given at construction (Pykka's __init__(a)) */
  g_object_class_install_property (object_class, PROP_A,
    g_param_spec_object ("a", NULL, NULL, PYKKA_TYPE_ACTOR_PROXY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_signal_new_class_handler ("bar", G_TYPE_FROM_CLASS (klass),
                              G_SIGNAL_RUN_LAST | G_SIGNAL_ACTION,
                              G_CALLBACK (deadlock_actor_b_bar), NULL, NULL, NULL,
                              G_TYPE_STRING, 1, G_TYPE_POINTER);
  g_signal_new_class_handler ("ping", G_TYPE_FROM_CLASS (klass),
                              G_SIGNAL_RUN_LAST | G_SIGNAL_ACTION,
                              G_CALLBACK (deadlock_actor_b_ping), NULL, NULL, NULL,
                              G_TYPE_STRING, 0);
}

static void
deadlock_actor_b_init (DeadlockActorB *self)
{
}

/* Pykka's Actor.start().proxy() */
static PykkaActorProxy *
start_and_proxy (PykkaActor *actor)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PykkaActorRef) ref = NULL;
  PykkaActorProxy *proxy;

  ref = pykka_actor_start (actor, &error);
  if (ref == NULL)
    g_error ("%s", error->message);
  proxy = pykka_actor_ref_proxy (ref, &error);
  if (proxy == NULL)
    g_error ("%s", error->message);
  return proxy;
}

static void
wait_for (PykkaFuture *future)
{
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;

  if (!pykka_future_get (future, PYKKA_FOREVER, &value, &error))
    g_error ("%s", error->message);
  g_object_unref (future);
}

int
main (void)
{
  g_autoptr(PykkaActor) a_actor = NULL;
  g_autoptr(PykkaActor) b_actor = NULL;
  g_autoptr(PykkaActorProxy) a = NULL;
  g_autoptr(PykkaActorProxy) b = NULL;
  g_autoptr(PykkaFuture) future = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GValue) b_value = G_VALUE_INIT;
  g_auto(GValue) none = G_VALUE_INIT;
  g_auto(GValue) value = G_VALUE_INIT;
  guint signal_id;

  g_print ("Setting up logging to get output from signal handler...\n");
  g_log_set_writer_func (print_record, NULL, NULL);
  g_log_set_debug_enabled (TRUE);

  g_print ("Registering signal handler...\n");
  signal_id = pykka_debug_install_signal_handler (SIGUSR1);

  g_print ("Starting actors...\n");
  a_actor = g_object_new (EXAMPLE_TYPE_DEADLOCK_ACTOR_A, NULL);
  a = start_and_proxy (a_actor);
  b_actor = g_object_new (EXAMPLE_TYPE_DEADLOCK_ACTOR_B, "a", a, NULL);
  b = start_and_proxy (b_actor);

  g_print ("Now doing something stupid that would deadlock the actors...\n");
  g_value_init (&b_value, PYKKA_TYPE_ACTOR_PROXY);
  g_value_set_object (&b_value, b);
  future = pykka_actor_proxy_call (a, "foo", &b_value, 1, &error);
  if (future == NULL)
    g_error ("%s", error->message);
  if (pykka_future_get (future, PYKKA_FOREVER, &value, &error))
    g_error ("foo() returned instead of failing");
  g_print ("foo() failed instead of hanging: %s\n", error->message);
  g_clear_error (&error);

  /* Both actors go on working: they answer what was sent after the deadlock. */
  pykka_value_init_none (&none);
  wait_for (pykka_actor_proxy_call (a, "foo", &none, 1, NULL));
  wait_for (pykka_actor_proxy_call (b, "ping", NULL, 0, NULL));

  g_print ("Sending SIGUSR1 to ourselves to log what the actors are doing...\n");
  loop = g_main_loop_new (NULL, FALSE);
  raise (SIGUSR1);
  g_main_loop_run (loop);
  g_clear_pointer (&loop, g_main_loop_unref);
  g_source_remove (signal_id);

  g_print ("Stopping the actors...\n");
  if (!pykka_actor_registry_stop_all (pykka_actor_registry_get_default (), PYKKA_FOREVER,
                                      &error))
    g_error ("%s", error->message);
  return 0;
}
