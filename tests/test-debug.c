/* test-debug.c: the state dump of the actors and its signal handler (issue 7)
 *
 * pykka_debug_log_actor_states () logs, at G_LOG_LEVEL_MESSAGE, one record per live actor: its
 * type and URN, its runtime (and thread), its state, the message it handles (the attribute
 * path of a proxy call), the length of its inbox, and the actor it waits for.
 * pykka_debug_install_signal_handler () makes a signal log the same, on the default main
 * context (Pykka's log_thread_tracebacks).
 *
 * SPDX-FileCopyrightText: 2026 The pykka-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "pykka-test-utils.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>

#define WAIT_MS 5000
#define WAIT_US (5 * G_TIME_SPAN_SECOND)

#define TEST_DEBUG_ERROR (test_debug_error_quark ())
static GQuark test_debug_error_quark (void);
G_DEFINE_QUARK (test-debug-error-quark, test_debug_error)

static PykkaPool *pool;           /* enough workers for every actor a test blocks at once */
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

/* ------------------------------------------------------------------------------------------ */
/* Reading the dump */

/* Runs pykka_debug_log_actor_states () and returns the MESSAGE records it logged. */
static GStrv
dump (void)
{
  guint before = pykka_test_log_count (G_LOG_LEVEL_MESSAGE);
  g_auto(GStrv) all = NULL;
  GStrvBuilder *builder = g_strv_builder_new ();
  GStrv records;

  pykka_debug_log_actor_states ();
  all = pykka_test_log_messages (G_LOG_LEVEL_MESSAGE);
  for (guint i = before; all[i] != NULL; i++)
    g_strv_builder_add (builder, all[i]);
  records = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return records;
}

/* The record of @ref in @records (NULL if none); asserts that there is at most one. */
static const char *
find_record (GStrv          records,
             PykkaActorRef *ref)
{
  g_autofree char *description = pykka_actor_ref_to_string (ref);
  g_autofree char *prefix = g_strdup_printf ("Current state of %s: ", description);
  const char *found = NULL;

  for (guint i = 0; records[i] != NULL; i++)
    if (g_str_has_prefix (records[i], prefix))
      {
        g_assert_null (found);
        found = records[i];
      }
  return found;
}

/* Whether @record has the comma-separated field @field (", inbox 2" matches ", inbox 2" and
 * ", inbox 2, …", never ", inbox 23"). */
static gboolean
has_field (const char *record,
           const char *field)
{
  for (const char *p = strstr (record, field); p != NULL; p = strstr (p + 1, field))
    {
      char next = p[strlen (field)];

      if (next == '\0' || next == ',')
        return TRUE;
    }
  return FALSE;
}

static void
assert_field (const char *record,
              const char *field)
{
  if (!has_field (record, field))
    g_test_message ("record \"%s\" lacks \"%s\"", record, field);
  g_assert_true (has_field (record, field));
}

static void
assert_no_field (const char *record,
                 const char *substring)
{
  if (strstr (record, substring) != NULL)
    g_test_message ("record \"%s\" has \"%s\"", record, substring);
  g_assert_null (strstr (record, substring));
}

/* The "{n} actors are running" record of @records. */
static guint
running_count (GStrv records)
{
  for (guint i = 0; records[i] != NULL; i++)
    {
      guint n;
      char rest[64];

      if (sscanf (records[i], "%u actors are running%63s", &n, rest) == 1)
        return n;
    }
  g_assert_not_reached ();
  return 0;
}

/* Polls the dump (another thread registers its wait a moment after it starts waiting) until
 * the record of @ref has @substring, for up to 5 s. */
static gboolean
dump_shows (PykkaActorRef *ref,
            const char    *substring)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_US;

  do
    {
      g_auto(GStrv) records = dump ();
      const char *record = find_record (records, ref);

      if (record != NULL && strstr (record, substring) != NULL)
        return TRUE;
      g_usleep (1000);
    }
  while (g_get_monotonic_time () < deadline);
  return FALSE;
}

/* ------------------------------------------------------------------------------------------ */
/* NestedObject: a traversable object with a blocking method, held by BusyActor */

typedef struct
{
  PykkaTestEvent *blocking;
  PykkaTestEvent *release;
} Gate;

static Gate *
gate_new (void)
{
  Gate *gate = g_new0 (Gate, 1);

  gate->blocking = pykka_test_event_new ();
  gate->release = pykka_test_event_new ();
  return gate;
}

static void
gate_free (Gate *gate)
{
  pykka_test_event_free (gate->blocking);
  pykka_test_event_free (gate->release);
  g_free (gate);
}

/* Tells that it is blocking, then waits until released. */
static gboolean
gate_pass (Gate *gate)
{
  pykka_test_event_set (gate->blocking);
  return pykka_test_event_wait (gate->release, WAIT_MS);
}

#define TEST_TYPE_NESTED_OBJECT (nested_object_get_type ())
G_DECLARE_FINAL_TYPE (NestedObject, nested_object, TEST, NESTED_OBJECT, GObject)

struct _NestedObject
{
  GObject parent_instance;
  Gate *gate;
};

G_DEFINE_FINAL_TYPE (NestedObject, nested_object, G_TYPE_OBJECT)

static char *
nested_object_block (NestedObject *self,
                     gpointer      user_data)
{
  return g_strdup (gate_pass (self->gate) ? "nested released" : "nested never released");
}

static void
nested_object_finalize (GObject *object)
{
  gate_free (TEST_NESTED_OBJECT (object)->gate);
  G_OBJECT_CLASS (nested_object_parent_class)->finalize (object);
}

static void
nested_object_class_init (NestedObjectClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = nested_object_finalize;
  g_signal_new_class_handler ("block", G_TYPE_FROM_CLASS (klass),
                              G_SIGNAL_RUN_LAST | G_SIGNAL_ACTION,
                              G_CALLBACK (nested_object_block), NULL, NULL, NULL,
                              G_TYPE_STRING, 0);
}

static void
nested_object_init (NestedObject *self)
{
  self->gate = gate_new ();
}

/* ------------------------------------------------------------------------------------------ */
/* BusyActor: methods, attributes and messages that block until released */

#define TEST_TYPE_BUSY_ACTOR (busy_actor_get_type ())
G_DECLARE_FINAL_TYPE (BusyActor, busy_actor, TEST, BUSY_ACTOR, PykkaActor)

struct _BusyActor
{
  PykkaActor parent_instance;

  Gate *gate;                   /* "block" (method and message), the "slow" attributes */
  NestedObject *nested;
  PykkaFuture *plain;           /* "wait-plain" waits for it */
  int slow_write;
};

G_DEFINE_FINAL_TYPE (BusyActor, busy_actor, PYKKA_TYPE_ACTOR)

enum
{
  BUSY_PROP_0,
  BUSY_PROP_NESTED,
  BUSY_PROP_SLOW,
  BUSY_PROP_SLOW_WRITE,
};

/* Method block() -> str */
static char *
busy_actor_block (BusyActor *self,
                  gpointer   user_data)
{
  return g_strdup (gate_pass (self->gate) ? "released" : "never released");
}

/* Method wait_for_other(other: ActorProxy) -> str, which can fail: calls other.block(). */
static char *
busy_actor_wait_for_other (BusyActor        *self,
                           PykkaActorProxy  *other,
                           GError          **error,
                           gpointer          user_data)
{
  g_autoptr(PykkaFuture) future = NULL;
  g_auto(GValue) value = G_VALUE_INIT;

  future = pykka_actor_proxy_call (other, "block", NULL, 0, error);
  if (future == NULL || !pykka_future_get (future, PYKKA_FOREVER, &value, error))
    return NULL;
  return g_value_dup_string (&value);
}

static void
busy_actor_on_receive (PykkaActor    *actor,
                       const GValue  *message,
                       GValue        *reply,
                       GError       **error)
{
  BusyActor *self = TEST_BUSY_ACTOR (actor);
  const char *command = G_VALUE_HOLDS_STRING (message) ? g_value_get_string (message) : "";

  if (g_str_equal (command, "ping"))
    pykka_test_value_init_string (reply, "pong");
  else if (g_str_equal (command, "block"))
    {
      if (!gate_pass (self->gate))
        g_set_error_literal (error, TEST_DEBUG_ERROR, 1, "never released");
    }
  else if (g_str_equal (command, "wait-plain"))
    {
      g_auto(GValue) value = G_VALUE_INIT;

      pykka_test_event_set (self->gate->blocking);
      pykka_future_get (self->plain, 12 * WAIT_US, &value, error);
    }
  else if (g_str_equal (command, "noop"))
    ;
  else
    g_set_error (error, TEST_DEBUG_ERROR, 2, "unknown command %s", command);
}

static void
busy_actor_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  BusyActor *self = TEST_BUSY_ACTOR (object);

  switch (prop_id)
    {
    case BUSY_PROP_NESTED:
      g_value_set_object (value, self->nested);
      break;
    case BUSY_PROP_SLOW:
      g_value_set_int (value, gate_pass (self->gate) ? 42 : -1);
      break;
    case BUSY_PROP_SLOW_WRITE:
      g_value_set_int (value, self->slow_write);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
busy_actor_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  BusyActor *self = TEST_BUSY_ACTOR (object);

  switch (prop_id)
    {
    case BUSY_PROP_SLOW_WRITE:
      gate_pass (self->gate);
      self->slow_write = g_value_get_int (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
busy_actor_finalize (GObject *object)
{
  BusyActor *self = TEST_BUSY_ACTOR (object);

  gate_free (self->gate);
  g_clear_object (&self->nested);
  g_clear_object (&self->plain);
  G_OBJECT_CLASS (busy_actor_parent_class)->finalize (object);
}

static void
busy_actor_class_init (BusyActorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = busy_actor_get_property;
  object_class->set_property = busy_actor_set_property;
  object_class->finalize = busy_actor_finalize;
  PYKKA_ACTOR_CLASS (klass)->on_receive = busy_actor_on_receive;

  g_object_class_install_property (object_class, BUSY_PROP_NESTED,
    g_param_spec_object ("nested", NULL, NULL, TEST_TYPE_NESTED_OBJECT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  g_object_class_install_property (object_class, BUSY_PROP_SLOW,
    g_param_spec_int ("slow", NULL, NULL, G_MININT, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  g_object_class_install_property (object_class, BUSY_PROP_SLOW_WRITE,
    g_param_spec_int ("slow-write", NULL, NULL, G_MININT, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));

  g_signal_new_class_handler ("block", G_TYPE_FROM_CLASS (klass),
                              G_SIGNAL_RUN_LAST | G_SIGNAL_ACTION,
                              G_CALLBACK (busy_actor_block), NULL, NULL, NULL,
                              G_TYPE_STRING, 0);
  g_signal_new_class_handler ("wait-for-other", G_TYPE_FROM_CLASS (klass),
                              G_SIGNAL_RUN_LAST | G_SIGNAL_ACTION,
                              G_CALLBACK (busy_actor_wait_for_other), NULL, NULL, NULL,
                              G_TYPE_STRING, 2, PYKKA_TYPE_ACTOR_PROXY, G_TYPE_POINTER);
}

static void
busy_actor_init (BusyActor *self)
{
  self->gate = gate_new ();
  self->nested = g_object_new (TEST_TYPE_NESTED_OBJECT, NULL);
  pykka_traversable (G_OBJECT (self->nested));
}

static BusyActor *
busy_actor_new (PykkaActorRegistry *registry)
{
  return g_object_new (TEST_TYPE_BUSY_ACTOR, "registry", registry, NULL);
}

typedef enum
{
  RT_THREAD,
  RT_POOL,
  RT_CONTEXT,
} Runtime;

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
      ref = pykka_actor_start_in_pool (PYKKA_ACTOR (actor), pool, &error);
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

/* ------------------------------------------------------------------------------------------ */
/* The state of idle actors on every runtime */

static gpointer
run_hosted (gpointer data)
{
  g_autoptr(PykkaActor) actor = data;
  g_autoptr(GError) error = NULL;

  g_assert_true (pykka_actor_run (actor, &error));
  g_assert_no_error (error);
  return NULL;
}

static void
test_dump_runtimes (void)
{
  g_autoptr(PykkaActorRegistry) registry = pykka_actor_registry_new ();
  g_autoptr(BusyActor) on_thread = busy_actor_new (registry);
  g_autoptr(BusyActor) in_pool = busy_actor_new (registry);
  g_autoptr(BusyActor) in_context = busy_actor_new (registry);
  g_autoptr(BusyActor) hosted_running = busy_actor_new (registry);
  g_autoptr(BusyActor) hosted_waiting = busy_actor_new (registry);
  g_autoptr(PykkaActorRef) thread_ref = NULL;
  g_autoptr(PykkaActorRef) pool_ref = NULL;
  g_autoptr(PykkaActorRef) context_ref = NULL;
  g_autoptr(PykkaActorRef) running_ref = NULL;
  g_autoptr(PykkaActorRef) waiting_ref = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) records = NULL;
  g_autofree char *thread_runtime = NULL;
  GThread *host;
  GThread *waiting_host;
  const char *record;

  thread_ref = start_on (on_thread, RT_THREAD);
  pool_ref = start_on (in_pool, RT_POOL);
  context_ref = start_on (in_context, RT_CONTEXT);
  running_ref = pykka_actor_start_hosted (PYKKA_ACTOR (hosted_running), &error);
  g_assert_no_error (error);
  host = g_thread_new ("caller-host", run_hosted, g_object_ref (hosted_running));
  waiting_ref = pykka_actor_start_hosted (PYKKA_ACTOR (hosted_waiting), &error);
  g_assert_no_error (error);

  /* Every running actor has started (and is idle again); the hosted one that nobody runs yet
   * keeps three messages in its inbox. */
  pykka_test_assert_ping (thread_ref);
  pykka_test_assert_ping (pool_ref);
  pykka_test_assert_ping (context_ref);
  pykka_test_assert_ping (running_ref);
  pykka_test_tell_string (waiting_ref, "noop");
  pykka_test_tell_string (waiting_ref, "noop");
  pykka_test_tell_string (waiting_ref, "noop");

  records = dump ();
  g_assert_cmpuint (running_count (records), ==, 5);

  record = find_record (records, thread_ref);
  g_assert_nonnull (record);
  thread_runtime = g_strdup_printf ("thread runtime on %s",
                                    pykka_actor_get_thread_name (PYKKA_ACTOR (on_thread)));
  g_assert_nonnull (strstr (record, thread_runtime));
  assert_field (record, " running");
  assert_field (record, " idle");
  assert_field (record, " inbox 0");
  assert_no_field (record, "waiting for");

  record = find_record (records, pool_ref);
  g_assert_nonnull (record);
  g_assert_nonnull (strstr (record, "pool runtime"));
  assert_field (record, " running");
  assert_field (record, " idle");
  assert_field (record, " inbox 0");

  record = find_record (records, context_ref);
  g_assert_nonnull (record);
  g_assert_nonnull (strstr (record, "main-context runtime"));
  assert_field (record, " running");
  assert_field (record, " idle");
  assert_field (record, " inbox 0");

  record = find_record (records, running_ref);
  g_assert_nonnull (record);
  g_assert_true (strstr (record, "thread runtime") != NULL ||
                 strstr (record, "caller runtime") != NULL);
  assert_field (record, " running");
  assert_field (record, " idle");
  assert_field (record, " inbox 0");

  record = find_record (records, waiting_ref);
  g_assert_nonnull (record);
  assert_field (record, " hosted");
  assert_field (record, " idle");
  assert_field (record, " inbox 3");
  g_clear_pointer (&records, g_strfreev);

  /* Once stopped, the actors are gone from the dump (a hosted actor stops once it runs). */
  waiting_host = g_thread_new ("caller-host", run_hosted, g_object_ref (hosted_waiting));
  pykka_test_stop_registry (registry);
  g_thread_join (host);
  g_thread_join (waiting_host);
  records = dump ();
  g_assert_cmpuint (running_count (records), ==, 0);
  g_assert_null (find_record (records, thread_ref));
  g_assert_null (find_record (records, pool_ref));
  g_assert_null (find_record (records, context_ref));
  g_assert_null (find_record (records, running_ref));
  g_assert_null (find_record (records, waiting_ref));
}

/* ------------------------------------------------------------------------------------------ */
/* Busy actors: what each handles, how much waits in its inbox, and whom it waits for */

typedef struct
{
  PykkaActorProxy *proxy;
  gboolean ok;
  GError *error;
} SetAttrCall;

static gpointer
set_slow_write (gpointer data)
{
  SetAttrCall *call = data;
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_INT);
  g_value_set_int (&value, 7);
  call->ok = pykka_actor_proxy_set_attr (call->proxy, "slow_write", &value, &call->error);
  return NULL;
}

static char *
future_string (PykkaFuture *future)
{
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;

  g_assert_true (pykka_future_get (future, WAIT_US, &value, &error));
  g_assert_no_error (error);
  return g_strdup_value_contents (&value);
}

static void
test_dump_busy (gconstpointer data)
{
  Runtime runtime = GPOINTER_TO_INT (data);
  g_autoptr(PykkaActorRegistry) registry = pykka_actor_registry_new ();
  g_autoptr(BusyActor) x = busy_actor_new (registry);       /* waits for y */
  g_autoptr(BusyActor) y = busy_actor_new (registry);       /* method block() */
  g_autoptr(BusyActor) w = busy_actor_new (registry);       /* message "block" */
  g_autoptr(BusyActor) z = busy_actor_new (registry);       /* attribute read */
  g_autoptr(BusyActor) v = busy_actor_new (registry);       /* attribute write */
  g_autoptr(BusyActor) u = busy_actor_new (registry);       /* nested method */
  PykkaActorRef *x_ref, *y_ref, *w_ref, *z_ref, *v_ref, *u_ref;
  g_autoptr(PykkaActorProxy) x_proxy = NULL;
  g_autoptr(PykkaActorProxy) y_proxy = NULL;
  g_autoptr(PykkaActorProxy) z_proxy = NULL;
  g_autoptr(PykkaActorProxy) v_proxy = NULL;
  g_autoptr(PykkaActorProxy) u_proxy = NULL;
  g_autoptr(PykkaFuture) x_future = NULL;
  g_autoptr(PykkaFuture) z_future = NULL;
  g_autoptr(PykkaFuture) u_future = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) records = NULL;
  g_auto(GValue) y_value = G_VALUE_INIT;
  g_autofree char *y_description = NULL;
  g_autofree char *waiting_for_y = NULL;
  g_autofree char *result = NULL;
  SetAttrCall set_call = { NULL, FALSE, NULL };
  GThread *setter;
  const char *record;

  x_ref = start_on (x, runtime);
  y_ref = start_on (y, runtime);
  w_ref = start_on (w, runtime);
  z_ref = start_on (z, runtime);
  v_ref = start_on (v, runtime);
  u_ref = start_on (u, runtime);
  x_proxy = pykka_test_make_proxy (x_ref);
  y_proxy = pykka_test_make_proxy (y_ref);
  z_proxy = pykka_test_make_proxy (z_ref);
  v_proxy = pykka_test_make_proxy (v_ref);
  u_proxy = pykka_test_make_proxy (u_ref);
  y_description = pykka_actor_ref_to_string (y_ref);
  waiting_for_y = g_strdup_printf (", waiting for %s", y_description);

  /* x.wait_for_other(y): x calls y.block() and waits. */
  g_value_init (&y_value, PYKKA_TYPE_ACTOR_PROXY);
  g_value_set_object (&y_value, y_proxy);
  x_future = pykka_actor_proxy_call (x_proxy, "wait_for_other", &y_value, 1, &error);
  g_assert_no_error (error);
  g_assert_true (pykka_test_event_wait (y->gate->blocking, WAIT_MS));
  g_assert_true (dump_shows (x_ref, waiting_for_y));

  pykka_test_tell_string (w_ref, "block");
  g_assert_true (pykka_test_event_wait (w->gate->blocking, WAIT_MS));

  z_future = pykka_actor_proxy_get_attr (z_proxy, "slow", &error);
  g_assert_no_error (error);
  g_assert_true (pykka_test_event_wait (z->gate->blocking, WAIT_MS));

  set_call.proxy = v_proxy;
  setter = g_thread_new ("set-attr", set_slow_write, &set_call);
  g_assert_true (pykka_test_event_wait (v->gate->blocking, WAIT_MS));

  u_future = pykka_actor_proxy_call (u_proxy, "nested.block", NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_true (pykka_test_event_wait (u->nested->gate->blocking, WAIT_MS));

  /* Messages that wait behind the busy handlers. */
  pykka_test_tell_string (x_ref, "noop");
  pykka_test_tell_string (x_ref, "noop");
  pykka_test_tell_string (y_ref, "noop");

  records = dump ();

  record = find_record (records, x_ref);
  g_assert_nonnull (record);
  assert_field (record, " running");
  assert_field (record, " handling 'wait_for_other' (proxy call)");
  assert_field (record, " inbox 2");
  assert_field (record, waiting_for_y + 1);

  record = find_record (records, y_ref);
  g_assert_nonnull (record);
  assert_field (record, " handling 'block' (proxy call)");
  assert_field (record, " inbox 1");
  assert_no_field (record, "waiting for");

  record = find_record (records, w_ref);
  g_assert_nonnull (record);
  assert_field (record, " handling a message of type gchararray");
  assert_field (record, " inbox 0");

  record = find_record (records, z_ref);
  g_assert_nonnull (record);
  assert_field (record, " handling 'slow' (attribute read)");

  record = find_record (records, v_ref);
  g_assert_nonnull (record);
  assert_field (record, " handling 'slow_write' (attribute write)");

  record = find_record (records, u_ref);
  g_assert_nonnull (record);
  assert_field (record, " handling 'nested.block' (proxy call)");

  /* Released, everyone finishes and is idle again. */
  pykka_test_event_set (y->gate->release);
  pykka_test_event_set (w->gate->release);
  pykka_test_event_set (z->gate->release);
  pykka_test_event_set (v->gate->release);
  pykka_test_event_set (u->nested->gate->release);
  result = future_string (x_future);
  g_assert_cmpstr (result, ==, "\"released\"");
  g_clear_pointer (&result, g_free);
  result = future_string (z_future);
  g_assert_cmpstr (result, ==, "42");
  g_clear_pointer (&result, g_free);
  result = future_string (u_future);
  g_assert_cmpstr (result, ==, "\"nested released\"");
  g_thread_join (setter);
  g_assert_no_error (set_call.error);
  g_assert_true (set_call.ok);

  pykka_test_assert_ping (x_ref);
  g_assert_true (dump_shows (x_ref, ", idle"));
  g_clear_pointer (&records, g_strfreev);
  records = dump ();
  record = find_record (records, x_ref);
  g_assert_nonnull (record);
  assert_field (record, " idle");
  assert_field (record, " inbox 0");
  assert_no_field (record, "waiting for");

  pykka_test_stop_registry (registry);
  g_object_unref (x_ref);
  g_object_unref (y_ref);
  g_object_unref (w_ref);
  g_object_unref (z_ref);
  g_object_unref (v_ref);
  g_object_unref (u_ref);
}

/* An actor blocked on a future that no actor completes is still blocked: the dump tells. */
static void
test_dump_blocked_on_plain_future (void)
{
  g_autoptr(PykkaActorRegistry) registry = pykka_actor_registry_new ();
  g_autoptr(BusyActor) x = busy_actor_new (registry);
  g_autoptr(PykkaActorRef) x_ref = NULL;
  g_autoptr(PykkaFuture) done = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GValue) message = G_VALUE_INIT;
  g_auto(GValue) none = G_VALUE_INIT;
  gboolean shown;

  x->plain = pykka_future_new ();
  x_ref = start_on (x, RT_THREAD);
  pykka_test_value_init_string (&message, "wait-plain");
  done = pykka_actor_ref_ask (x_ref, &message);
  g_assert_true (pykka_test_event_wait (x->gate->blocking, WAIT_MS));

  shown = dump_shows (x_ref, "waiting for");

  pykka_value_init_none (&none);
  g_assert_true (pykka_future_set (x->plain, &none, &error));
  g_assert_no_error (error);
  g_value_unset (&none);
  g_assert_true (pykka_future_get (done, WAIT_US, &none, &error));
  g_assert_no_error (error);
  pykka_test_stop_registry (registry);

  g_assert_true (shown);
}

/* ------------------------------------------------------------------------------------------ */
/* The signal handler */

static gboolean
on_timeout (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

static void
test_signal_handler (gconstpointer data)
{
  int signum = GPOINTER_TO_INT (data);
  g_autoptr(PykkaActorRegistry) registry = pykka_actor_registry_new ();
  g_autoptr(BusyActor) x = busy_actor_new (registry);
  g_autoptr(PykkaActorRef) x_ref = start_on (x, RT_THREAD);
  g_autofree char *description = pykka_actor_ref_to_string (x_ref);
  g_autofree char *prefix = g_strdup_printf ("Current state of %s: ", description);
  g_auto(GStrv) records = NULL;
  gboolean timed_out = FALSE;
  gboolean found = FALSE;
  guint timeout_id;
  guint before;
  guint id;

  pykka_test_assert_ping (x_ref);
  id = pykka_debug_install_signal_handler (signum);
  g_assert_cmpuint (id, >, 0);

  before = pykka_test_log_count (G_LOG_LEVEL_MESSAGE);
  raise (signum);

  /* Nothing is logged until the default main context is iterated... */
  g_assert_cmpuint (pykka_test_log_count (G_LOG_LEVEL_MESSAGE), ==, before);

  /* ...and then the dump is. */
  timeout_id = g_timeout_add (WAIT_MS, on_timeout, &timed_out);
  while (!timed_out && pykka_test_log_count (G_LOG_LEVEL_MESSAGE) < before + 2)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (timeout_id);
  g_assert_false (timed_out);

  records = pykka_test_log_messages (G_LOG_LEVEL_MESSAGE);
  g_assert_cmpuint (g_strv_length (records), >=, before + 2);
  g_assert_true (g_str_has_suffix (records[before], " actors are running"));
  for (guint i = before; records[i] != NULL; i++)
    if (g_str_has_prefix (records[i], prefix))
      {
        found = TRUE;
        assert_field (records[i], " running");
        assert_field (records[i], " idle");
        assert_field (records[i], " inbox 0");
      }
  g_assert_true (found);

  g_source_remove (id);
  pykka_test_stop_registry (registry);
}

/* ------------------------------------------------------------------------------------------ */
/* The dump from many threads while actors come and go: well-formed records, no crash */

#define N_DUMPERS 3
#define N_CHURN_ROUNDS 200

static gint churn_done;

static gpointer
dumper (gpointer data)
{
  guint *n_dumps = data;

  while (!g_atomic_int_get (&churn_done))
    {
      pykka_debug_log_actor_states ();
      (*n_dumps)++;
    }
  return NULL;
}

static gboolean
record_is_well_formed (const char *record)
{
  return g_regex_match_simple ("^Current state of BusyActor \\(urn:uuid:[0-9a-f-]{36}\\): "
                               "(thread|pool|main-context|no) runtime( on BusyActor-[0-9]+)?, "
                               "(created|hosted|starting|running|stopped), "
                               "(idle|handling [^,]+), inbox [0-9]+(, waiting for .+)?$",
                               record, 0, 0) ||
         g_regex_match_simple ("^[0-9]+ actors are running$", record, 0, 0);
}

static void
test_dump_concurrent (void)
{
  g_autoptr(PykkaActorRegistry) registry = pykka_actor_registry_new ();
  GThread *dumpers[N_DUMPERS];
  guint n_dumps[N_DUMPERS] = { 0 };
  g_auto(GStrv) records = NULL;
  guint before = pykka_test_log_count (G_LOG_LEVEL_MESSAGE);

  g_atomic_int_set (&churn_done, FALSE);
  for (guint i = 0; i < N_DUMPERS; i++)
    dumpers[i] = g_thread_new ("dumper", dumper, &n_dumps[i]);

  for (guint round = 0; round < N_CHURN_ROUNDS; round++)
    {
      g_autoptr(BusyActor) actor = busy_actor_new (registry);
      g_autoptr(PykkaActorRef) ref = start_on (actor, (Runtime) (round % 3));
      g_autoptr(GError) error = NULL;

      pykka_test_tell_string (ref, "noop");
      if (round % 2 == 0)
        pykka_test_assert_ping (ref);
      g_assert_true (pykka_actor_ref_stop (ref, WAIT_US, &error));
      g_assert_no_error (error);
    }
  g_atomic_int_set (&churn_done, TRUE);
  for (guint i = 0; i < N_DUMPERS; i++)
    {
      g_thread_join (dumpers[i]);
      g_assert_cmpuint (n_dumps[i], >, 0);
    }

  records = pykka_test_log_messages (G_LOG_LEVEL_MESSAGE);
  for (guint i = before; records[i] != NULL; i++)
    {
      if (!record_is_well_formed (records[i]))
        g_test_message ("malformed record: %s", records[i]);
      g_assert_true (record_is_well_formed (records[i]));
    }
  g_assert_cmpuint (pykka_actor_registry_get_n_actors (registry), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  pykka_test_init (&argc, &argv);

  pool = pykka_pool_new (8);
  shared_context = g_main_context_new ();
  shared_loop = g_main_loop_new (shared_context, FALSE);
  shared_context_thread = g_thread_new ("test-context", shared_context_main, NULL);

  g_test_add_func ("/debug/state-dump/runtimes", test_dump_runtimes);
  g_test_add_data_func ("/debug/state-dump/busy/thread", GINT_TO_POINTER (RT_THREAD),
                        test_dump_busy);
  g_test_add_data_func ("/debug/state-dump/busy/pool", GINT_TO_POINTER (RT_POOL),
                        test_dump_busy);
  g_test_add_func ("/debug/state-dump/concurrent", test_dump_concurrent);
  g_test_add_data_func ("/debug/signal-handler/sigusr1", GINT_TO_POINTER (SIGUSR1),
                        test_signal_handler);
  g_test_add_data_func ("/debug/signal-handler/sigusr2", GINT_TO_POINTER (SIGUSR2),
                        test_signal_handler);
  g_test_add_func ("/debug/blocked-on/plain-future", test_dump_blocked_on_plain_future);

  status = g_test_run ();

  g_main_loop_quit (shared_loop);
  g_thread_join (shared_context_thread);
  g_main_loop_unref (shared_loop);
  g_main_context_unref (shared_context);
  g_object_unref (pool);
  return status;
}
