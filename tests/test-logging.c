/* test-logging.c: what pykka-glib logs (Pykka's tests/test_logging.py)
 *
 * SPDX-FileCopyrightText: 2026 The pykka-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "pykka-test-utils.h"

#define TEST_LOGGING_ERROR (test_logging_error_quark ())
static GQuark test_logging_error_quark (void);
G_DEFINE_QUARK (test-logging-error-quark, test_logging_error)

/* Pykka's log levels in GLib: its ERROR becomes a WARNING, so that nothing aborts. */
#define LEVEL_DEBUG G_LOG_LEVEL_DEBUG
#define LEVEL_INFO G_LOG_LEVEL_INFO
#define LEVEL_UNHANDLED G_LOG_LEVEL_WARNING

typedef struct
{
  PykkaTestEvent *on_start_was_called;
  PykkaTestEvent *on_stop_was_called;
  PykkaTestEvent *on_failure_was_called;
} Events;

typedef enum
{
  MODE_REGULAR,
  MODE_EARLY_FAILING,   /* on_start fails */
  MODE_LATE_FAILING,    /* on_start stops the actor, then on_stop fails */
  MODE_FAILING_ON_FAILURE, /* on_failure fails */
} Mode;

#define TEST_TYPE_LOGGING_ACTOR (logging_actor_get_type ())
G_DECLARE_FINAL_TYPE (LoggingActor, logging_actor, TEST, LOGGING_ACTOR, PykkaActor)

struct _LoggingActor
{
  PykkaActor parent_instance;
  Events *events;   /* set before the start, so the actor thread sees it */
  Mode mode;
};

G_DEFINE_FINAL_TYPE (LoggingActor, logging_actor, PYKKA_TYPE_ACTOR)

static void
logging_actor_on_start (PykkaActor  *actor,
                        GError     **error)
{
  LoggingActor *self = TEST_LOGGING_ACTOR (actor);

  switch (self->mode)
    {
    case MODE_EARLY_FAILING:
      g_set_error_literal (error, TEST_LOGGING_ERROR, 0, "on_start failure");
      break;
    case MODE_LATE_FAILING:
      {
        g_autoptr(GError) stop_error = NULL;

        g_assert_true (pykka_actor_stop (actor, &stop_error));
        g_assert_no_error (stop_error);
      }
      break;
    case MODE_REGULAR:
    case MODE_FAILING_ON_FAILURE:
    default:
      break;
    }

  pykka_test_event_set (self->events->on_start_was_called);
}

static void
logging_actor_on_stop (PykkaActor  *actor,
                       GError     **error)
{
  LoggingActor *self = TEST_LOGGING_ACTOR (actor);

  if (self->mode == MODE_LATE_FAILING)
    g_set_error_literal (error, TEST_LOGGING_ERROR, 0, "on_stop failure");
  pykka_test_event_set (self->events->on_stop_was_called);
}

static void
logging_actor_on_failure (PykkaActor    *actor,
                          const GError  *failure,
                          GError       **error)
{
  LoggingActor *self = TEST_LOGGING_ACTOR (actor);

  if (self->mode == MODE_FAILING_ON_FAILURE)
    g_set_error_literal (error, TEST_LOGGING_ERROR, 0, "on_failure failure");
  pykka_test_event_set (self->events->on_failure_was_called);
}

static void
logging_actor_on_receive (PykkaActor    *actor,
                          const GValue  *message,
                          GValue        *reply,
                          GError       **error)
{
  const char *command = G_VALUE_HOLDS_STRING (message) ? g_value_get_string (message) : NULL;

  if (g_strcmp0 (command, "ping") == 0)
    {
      g_value_init (reply, G_TYPE_STRING);
      g_value_set_string (reply, "pong");
    }
  else if (g_strcmp0 (command, "raise exception") == 0)
    {
      g_set_error_literal (error, TEST_LOGGING_ERROR, 0, "foo");
    }
  else if (g_strcmp0 (command, "raise base exception") == 0)
    {
      g_set_error_literal (error, PYKKA_ERROR, PYKKA_ERROR_FATAL, "base exception");
    }
  else
    {
      PYKKA_ACTOR_CLASS (logging_actor_parent_class)->on_receive (actor, message, reply, error);
    }
}

static void
logging_actor_class_init (LoggingActorClass *klass)
{
  PykkaActorClass *actor_class = PYKKA_ACTOR_CLASS (klass);

  actor_class->on_start = logging_actor_on_start;
  actor_class->on_stop = logging_actor_on_stop;
  actor_class->on_failure = logging_actor_on_failure;
  actor_class->on_receive = logging_actor_on_receive;
}

static void
logging_actor_init (LoggingActor *self)
{
}

/* Each test runs its actor in an isolated registry, so that no other actor adds records. */
typedef struct
{
  Events events;
  PykkaActorRegistry *registry;
  PykkaActorRef *ref;
  char *ref_string;   /* "{TypeName} ({urn})" */
} Fixture;

static void
fixture_start (Fixture *fixture,
               Mode     mode)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LoggingActor) actor = g_object_new (TEST_TYPE_LOGGING_ACTOR,
                                                "registry", fixture->registry,
                                                NULL);

  actor->events = &fixture->events;
  actor->mode = mode;
  fixture->ref = pykka_test_start (PYKKA_ACTOR (actor), &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->ref);
  fixture->ref_string = pykka_actor_ref_to_string (fixture->ref);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->events.on_start_was_called = pykka_test_event_new ();
  fixture->events.on_stop_was_called = pykka_test_event_new ();
  fixture->events.on_failure_was_called = pykka_test_event_new ();
  fixture->registry = pykka_actor_registry_new ();
  if (!g_test_subprocess ())
    pykka_test_log_reset ();
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pykka_actor_registry_stop_all (fixture->registry, PYKKA_FOREVER, &error));
  g_assert_no_error (error);
  g_clear_object (&fixture->ref);
  g_clear_pointer (&fixture->ref_string, g_free);
  g_clear_object (&fixture->registry);
  g_clear_pointer (&fixture->events.on_start_was_called, pykka_test_event_free);
  g_clear_pointer (&fixture->events.on_stop_was_called, pykka_test_event_free);
  g_clear_pointer (&fixture->events.on_failure_was_called, pykka_test_event_free);
}

/* How a GError appears in a record: "{message} ({domain}, {code})". */
static char *
describe_error (GQuark      domain,
                int         code,
                const char *message)
{
  return g_strdup_printf ("%s (%s, %d)", message, g_quark_to_string (domain), code);
}

static void
assert_strv_equal (char       **actual,
                   const char **expected)
{
  guint n_actual = g_strv_length (actual);
  guint n_expected = g_strv_length ((char **) expected);

  for (guint i = 0; i < MIN (n_actual, n_expected); i++)
    g_assert_cmpstr (actual[i], ==, expected[i]);
  g_assert_cmpuint (n_actual, ==, n_expected);
}

static void
test_unexpected_messages_are_logged (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_auto(GValue) message = G_VALUE_INIT;
  g_auto(GValue) reply = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *expected = NULL;
  g_auto(GStrv) warnings = NULL;
  g_auto(GStrv) parts = NULL;

  fixture_start (fixture, MODE_REGULAR);
  pykka_test_value_init_string (&message, "unhandled message");

  g_assert_true (pykka_actor_ref_ask_sync (fixture->ref, &message, PYKKA_FOREVER, &reply, &error));
  g_assert_no_error (error);
  g_assert_true (pykka_value_is_none (&reply));

  g_assert_true (pykka_test_log_wait (G_LOG_LEVEL_WARNING, 1));
  g_assert_cmpuint (pykka_test_log_count (G_LOG_LEVEL_WARNING), ==, 1);

  warnings = pykka_test_log_messages (G_LOG_LEVEL_WARNING);
  parts = g_strsplit (warnings[0], ": ", 2);
  prefix = g_strdup_printf ("Unexpected message received by %s", fixture->ref_string);
  g_assert_cmpstr (parts[0], ==, prefix);
  expected = g_strdup_printf ("Unexpected message received by %s: unhandled message",
                              fixture->ref_string);
  g_assert_cmpstr (warnings[0], ==, expected);
}

static void
test_unexpected_non_string_messages_are_logged (Fixture       *fixture,
                                                gconstpointer  data)
{
  g_auto(GValue) message = G_VALUE_INIT;
  g_auto(GValue) reply = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *expected = NULL;
  g_auto(GStrv) warnings = NULL;

  fixture_start (fixture, MODE_REGULAR);
  g_value_init (&message, G_TYPE_INT);
  g_value_set_int (&message, 42);
  contents = g_strdup_value_contents (&message);

  g_assert_true (pykka_actor_ref_ask_sync (fixture->ref, &message, PYKKA_FOREVER, &reply, &error));
  g_assert_no_error (error);

  g_assert_true (pykka_test_log_wait (G_LOG_LEVEL_WARNING, 1));
  g_assert_cmpuint (pykka_test_log_count (G_LOG_LEVEL_WARNING), ==, 1);
  warnings = pykka_test_log_messages (G_LOG_LEVEL_WARNING);
  expected = g_strdup_printf ("Unexpected message received by %s: %s",
                              fixture->ref_string, contents);
  g_assert_cmpstr (warnings[0], ==, expected);
}

static void
test_exception_is_logged_when_returned_to_caller (Fixture       *fixture,
                                                  gconstpointer  data)
{
  g_auto(GValue) message = G_VALUE_INIT;
  g_auto(GValue) reply = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;
  g_autofree char *described = describe_error (TEST_LOGGING_ERROR, 0, "foo");
  g_autofree char *expected = NULL;
  g_auto(GStrv) infos = NULL;

  fixture_start (fixture, MODE_REGULAR);
  pykka_test_value_init_string (&message, "raise exception");

  g_assert_false (pykka_actor_ref_ask_sync (fixture->ref, &message, PYKKA_FOREVER, &reply,
                                            &error));
  g_assert_error (error, TEST_LOGGING_ERROR, 0);
  g_assert_cmpstr (error->message, ==, "foo");

  g_assert_true (pykka_test_log_wait (G_LOG_LEVEL_INFO, 1));
  g_assert_cmpuint (pykka_test_log_count (G_LOG_LEVEL_INFO), ==, 1);
  infos = pykka_test_log_messages (G_LOG_LEVEL_INFO);
  expected = g_strdup_printf ("Exception returned from %s to caller: %s",
                              fixture->ref_string, described);
  g_assert_cmpstr (infos[0], ==, expected);

  /* The failure went back to the asker: nothing unhandled, and the actor keeps running. */
  g_assert_cmpuint (pykka_test_log_count (LEVEL_UNHANDLED), ==, 0);
  g_assert_true (pykka_actor_ref_is_alive (fixture->ref));
  g_assert_false (pykka_test_event_is_set (fixture->events.on_failure_was_called));
}

static void
test_exception_is_logged_when_not_reply_requested (Fixture       *fixture,
                                                   gconstpointer  data)
{
  g_auto(GValue) message = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;
  g_autofree char *described = describe_error (TEST_LOGGING_ERROR, 0, "foo");
  g_autofree char *expected = NULL;
  g_auto(GStrv) unhandled = NULL;

  fixture_start (fixture, MODE_REGULAR);
  pykka_test_value_init_string (&message, "raise exception");

  g_assert_true (pykka_actor_ref_tell (fixture->ref, &message, &error));
  g_assert_no_error (error);

  g_assert_true (pykka_test_event_wait (fixture->events.on_failure_was_called, 5000));
  g_assert_true (pykka_test_log_wait (LEVEL_UNHANDLED, 1));
  g_assert_cmpuint (pykka_test_log_count (LEVEL_UNHANDLED), ==, 1);
  unhandled = pykka_test_log_messages (LEVEL_UNHANDLED);
  expected = g_strdup_printf ("Unhandled exception in %s: %s", fixture->ref_string, described);
  g_assert_cmpstr (unhandled[0], ==, expected);
  g_assert_cmpuint (pykka_test_log_count (G_LOG_LEVEL_INFO), ==, 0);
}

static void
test_base_exception_is_logged (Fixture       *fixture,
                               gconstpointer  data)
{
  g_auto(GValue) ping = G_VALUE_INIT;
  g_auto(GValue) pong = G_VALUE_INIT;
  g_auto(GValue) message = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;
  g_autofree char *described = describe_error (PYKKA_ERROR, PYKKA_ERROR_FATAL, "base exception");
  g_autofree char *stopping_all = NULL;
  g_autofree char *unregistered = NULL;
  g_autofree char *stopped = NULL;
  g_auto(GStrv) debug = NULL;

  fixture_start (fixture, MODE_REGULAR);

  /* Once a message has been answered, the start-up records are all written. */
  pykka_test_value_init_string (&ping, "ping");
  g_assert_true (pykka_actor_ref_ask_sync (fixture->ref, &ping, PYKKA_FOREVER, &pong, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (g_value_get_string (&pong), ==, "pong");
  pykka_test_log_reset ();

  pykka_test_value_init_string (&message, "raise base exception");
  g_assert_true (pykka_actor_ref_tell (fixture->ref, &message, &error));
  g_assert_no_error (error);

  g_assert_true (pykka_test_event_wait (fixture->events.on_stop_was_called, 5000));
  g_assert_true (pykka_test_log_wait (LEVEL_DEBUG, 3));
  g_assert_cmpuint (pykka_test_log_count (LEVEL_DEBUG), ==, 3);

  stopping_all = g_strdup_printf ("%s in %s. Stopping all actors.", described,
                                  fixture->ref_string);
  unregistered = g_strdup_printf ("Unregistered %s", fixture->ref_string);
  stopped = g_strdup_printf ("Stopped %s", fixture->ref_string);
  debug = pykka_test_log_messages (LEVEL_DEBUG);
  assert_strv_equal (debug, (const char *[]) { stopping_all, unregistered, stopped, NULL });

  /* Pykka logs nothing else on this path. */
  g_assert_cmpuint (pykka_test_log_count (LEVEL_UNHANDLED), ==, 0);
  g_assert_cmpuint (pykka_test_log_count (G_LOG_LEVEL_INFO), ==, 0);
  g_assert_false (pykka_test_event_is_set (fixture->events.on_failure_was_called));
}

static void
test_exception_in_on_start_is_logged (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autofree char *described = describe_error (TEST_LOGGING_ERROR, 0, "on_start failure");
  g_autofree char *expected = NULL;
  g_autofree char *registered = NULL;
  g_autofree char *starting = NULL;
  g_autofree char *unregistered = NULL;
  g_auto(GStrv) unhandled = NULL;
  g_auto(GStrv) debug = NULL;

  fixture_start (fixture, MODE_EARLY_FAILING);

  g_assert_true (pykka_test_event_wait (fixture->events.on_start_was_called, 5000));
  g_assert_true (pykka_test_log_wait (LEVEL_UNHANDLED, 1));
  g_assert_cmpuint (pykka_test_log_count (LEVEL_UNHANDLED), ==, 1);
  unhandled = pykka_test_log_messages (LEVEL_UNHANDLED);
  expected = g_strdup_printf ("Unhandled exception in %s: %s", fixture->ref_string, described);
  g_assert_cmpstr (unhandled[0], ==, expected);

  /* §4.4: then the actor is unregistered; on_stop does not run, so there is no "Stopped". */
  g_assert_true (pykka_test_log_wait (LEVEL_DEBUG, 3));
  registered = g_strdup_printf ("Registered %s", fixture->ref_string);
  starting = g_strdup_printf ("Starting %s", fixture->ref_string);
  unregistered = g_strdup_printf ("Unregistered %s", fixture->ref_string);
  debug = pykka_test_log_messages (LEVEL_DEBUG);
  assert_strv_equal (debug, (const char *[]) { registered, starting, unregistered, NULL });
  g_assert_false (pykka_test_event_is_set (fixture->events.on_stop_was_called));
  g_assert_false (pykka_test_event_is_set (fixture->events.on_failure_was_called));
}

static void
test_exception_in_on_stop_is_logged (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autofree char *described = describe_error (TEST_LOGGING_ERROR, 0, "on_stop failure");
  g_autofree char *expected = NULL;
  g_autofree char *registered = NULL;
  g_autofree char *starting = NULL;
  g_autofree char *unregistered = NULL;
  g_autofree char *stopped = NULL;
  g_autofree char *not_found = NULL;
  g_auto(GStrv) unhandled = NULL;
  g_auto(GStrv) debug = NULL;

  fixture_start (fixture, MODE_LATE_FAILING);

  g_assert_true (pykka_test_event_wait (fixture->events.on_stop_was_called, 5000));
  g_assert_true (pykka_test_log_wait (LEVEL_UNHANDLED, 1));
  g_assert_cmpuint (pykka_test_log_count (LEVEL_UNHANDLED), ==, 1);
  unhandled = pykka_test_log_messages (LEVEL_UNHANDLED);
  expected = g_strdup_printf ("Unhandled exception in %s: %s", fixture->ref_string, described);
  g_assert_cmpstr (unhandled[0], ==, expected);

  g_assert_true (pykka_test_log_wait (LEVEL_DEBUG, 5));
  registered = g_strdup_printf ("Registered %s", fixture->ref_string);
  starting = g_strdup_printf ("Starting %s", fixture->ref_string);
  unregistered = g_strdup_printf ("Unregistered %s", fixture->ref_string);
  stopped = g_strdup_printf ("Stopped %s", fixture->ref_string);
  not_found = g_strdup_printf ("Unregistered %s (not found in registry)", fixture->ref_string);
  debug = pykka_test_log_messages (LEVEL_DEBUG);
  assert_strv_equal (debug, (const char *[]) { registered, starting, unregistered, stopped,
                                               not_found, NULL });
  g_assert_false (pykka_test_event_is_set (fixture->events.on_failure_was_called));
}

static void
test_exception_in_on_failure_is_logged (Fixture       *fixture,
                                        gconstpointer  data)
{
  g_auto(GValue) message = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;
  g_autofree char *described = describe_error (TEST_LOGGING_ERROR, 0, "foo");
  g_autofree char *described_failure = describe_error (TEST_LOGGING_ERROR, 0,
                                                       "on_failure failure");
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *unregistered = NULL;
  g_autofree char *not_found = NULL;
  g_auto(GStrv) unhandled = NULL;
  g_auto(GStrv) debug = NULL;

  fixture_start (fixture, MODE_FAILING_ON_FAILURE);
  pykka_test_value_init_string (&message, "raise exception");
  g_assert_true (pykka_actor_ref_tell (fixture->ref, &message, &error));
  g_assert_no_error (error);

  g_assert_true (pykka_test_event_wait (fixture->events.on_failure_was_called, 5000));
  g_assert_true (pykka_test_log_wait (LEVEL_UNHANDLED, 2));
  g_assert_cmpuint (pykka_test_log_count (LEVEL_UNHANDLED), ==, 2);
  unhandled = pykka_test_log_messages (LEVEL_UNHANDLED);
  first = g_strdup_printf ("Unhandled exception in %s: %s", fixture->ref_string, described);
  second = g_strdup_printf ("Unhandled exception in %s: %s", fixture->ref_string,
                            described_failure);
  g_assert_cmpstr (unhandled[0], ==, first);
  g_assert_cmpstr (unhandled[1], ==, second);

  /* §4.4: the second failure finds the actor unregistered already. */
  g_assert_true (pykka_test_log_wait (LEVEL_DEBUG, 4));
  unregistered = g_strdup_printf ("Unregistered %s", fixture->ref_string);
  not_found = g_strdup_printf ("Unregistered %s (not found in registry)", fixture->ref_string);
  debug = pykka_test_log_messages (LEVEL_DEBUG);
  g_assert_cmpuint (g_strv_length (debug), ==, 4);
  g_assert_cmpstr (debug[2], ==, unregistered);
  g_assert_cmpstr (debug[3], ==, not_found);
  g_assert_false (pykka_test_event_is_set (fixture->events.on_stop_was_called));
}

static void
test_lifecycle_is_logged (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *registered = NULL;
  g_autofree char *starting = NULL;
  g_autofree char *unregistered = NULL;
  g_autofree char *stopped = NULL;
  g_auto(GStrv) debug = NULL;

  fixture_start (fixture, MODE_REGULAR);
  g_assert_true (pykka_actor_ref_stop (fixture->ref, PYKKA_FOREVER, &error));
  g_assert_no_error (error);
  g_assert_true (pykka_test_event_is_set (fixture->events.on_stop_was_called));

  g_assert_true (pykka_test_log_wait (LEVEL_DEBUG, 4));
  registered = g_strdup_printf ("Registered %s", fixture->ref_string);
  starting = g_strdup_printf ("Starting %s", fixture->ref_string);
  unregistered = g_strdup_printf ("Unregistered %s", fixture->ref_string);
  stopped = g_strdup_printf ("Stopped %s", fixture->ref_string);
  debug = pykka_test_log_messages (LEVEL_DEBUG);
  assert_strv_equal (debug, (const char *[]) { registered, starting, unregistered, stopped,
                                               NULL });

  g_assert_cmpuint (pykka_test_log_count (G_LOG_LEVEL_INFO), ==, 0);
  g_assert_cmpuint (pykka_test_log_count (G_LOG_LEVEL_MESSAGE), ==, 0);
  g_assert_cmpuint (pykka_test_log_count (G_LOG_LEVEL_WARNING), ==, 0);
}

/* The order of records across levels. pykka-test-utils keeps one list per level, so these
 * tests run in a subprocess that records every "pykka" record, of any level, in one list. */

typedef struct
{
  GLogLevelFlags level;
  char *message;
} OrderedRecord;

static GMutex ordered_lock;
static GCond ordered_cond;
static GArray *ordered_records;
static gboolean ordered_passthrough;

static GLogWriterOutput
ordered_writer (GLogLevelFlags   log_level,
                const GLogField *fields,
                gsize            n_fields,
                gpointer         user_data)
{
  const char *domain = NULL;
  const char *message = NULL;

  for (gsize i = 0; i < n_fields; i++)
    {
      if (g_strcmp0 (fields[i].key, "GLIB_DOMAIN") == 0)
        domain = fields[i].value;
      else if (g_strcmp0 (fields[i].key, "MESSAGE") == 0)
        message = fields[i].value;
    }

  if (g_strcmp0 (domain, "pykka") == 0)
    {
      OrderedRecord record = { log_level & G_LOG_LEVEL_MASK, g_strdup (message) };

      g_mutex_lock (&ordered_lock);
      g_array_append_val (ordered_records, record);
      g_cond_broadcast (&ordered_cond);
      g_mutex_unlock (&ordered_lock);
      if (!ordered_passthrough)
        return G_LOG_WRITER_HANDLED;
    }

  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

/* Waits up to 5 s until @n records exist, then asserts that they are exactly @expected
 * (pairs of level and message, ending with a 0 level). */
static void
assert_ordered_records (guint                n,
                        const OrderedRecord *expected)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_TIME_SPAN_SECOND;
  guint n_expected = 0;

  while (expected[n_expected].level != 0)
    n_expected++;
  g_assert_cmpuint (n, ==, n_expected);

  g_mutex_lock (&ordered_lock);
  while (ordered_records->len < n)
    if (!g_cond_wait_until (&ordered_cond, &ordered_lock, deadline))
      break;
  for (guint i = 0; i < ordered_records->len; i++)
    {
      OrderedRecord *record = &g_array_index (ordered_records, OrderedRecord, i);

      g_test_message ("record %u: [%d] %s", i, record->level, record->message);
    }
  for (guint i = 0; i < MIN (ordered_records->len, n_expected); i++)
    {
      OrderedRecord *record = &g_array_index (ordered_records, OrderedRecord, i);

      g_assert_cmpstr (record->message, ==, expected[i].message);
      g_assert_cmpint (record->level, ==, expected[i].level);
    }
  g_assert_cmpuint (ordered_records->len, ==, n_expected);
  g_mutex_unlock (&ordered_lock);
}

static void
run_in_subprocess (void)
{
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

static void
test_on_stop_failure_record_order (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autofree char *described = NULL;
  g_autofree char *registered = NULL;
  g_autofree char *starting = NULL;
  g_autofree char *unregistered = NULL;
  g_autofree char *stopped = NULL;
  g_autofree char *unhandled = NULL;
  g_autofree char *not_found = NULL;

  if (!g_test_subprocess ())
    {
      run_in_subprocess ();
      return;
    }

  fixture_start (fixture, MODE_LATE_FAILING);
  g_assert_true (pykka_test_event_wait (fixture->events.on_stop_was_called, 5000));

  described = describe_error (TEST_LOGGING_ERROR, 0, "on_stop failure");
  registered = g_strdup_printf ("Registered %s", fixture->ref_string);
  starting = g_strdup_printf ("Starting %s", fixture->ref_string);
  unregistered = g_strdup_printf ("Unregistered %s", fixture->ref_string);
  stopped = g_strdup_printf ("Stopped %s", fixture->ref_string);
  unhandled = g_strdup_printf ("Unhandled exception in %s: %s", fixture->ref_string, described);
  not_found = g_strdup_printf ("Unregistered %s (not found in registry)", fixture->ref_string);

  assert_ordered_records (6, (const OrderedRecord[]) {
    { LEVEL_DEBUG, registered },
    { LEVEL_DEBUG, starting },
    { LEVEL_DEBUG, unregistered },
    { LEVEL_DEBUG, stopped },
    { LEVEL_UNHANDLED, unhandled },
    { LEVEL_DEBUG, not_found },
    { 0, NULL },
  });
}

static void
test_on_start_failure_record_order (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autofree char *described = NULL;
  g_autofree char *registered = NULL;
  g_autofree char *starting = NULL;
  g_autofree char *unhandled = NULL;
  g_autofree char *unregistered = NULL;

  if (!g_test_subprocess ())
    {
      run_in_subprocess ();
      return;
    }

  fixture_start (fixture, MODE_EARLY_FAILING);
  g_assert_true (pykka_test_event_wait (fixture->events.on_start_was_called, 5000));

  described = describe_error (TEST_LOGGING_ERROR, 0, "on_start failure");
  registered = g_strdup_printf ("Registered %s", fixture->ref_string);
  starting = g_strdup_printf ("Starting %s", fixture->ref_string);
  unhandled = g_strdup_printf ("Unhandled exception in %s: %s", fixture->ref_string, described);
  unregistered = g_strdup_printf ("Unregistered %s", fixture->ref_string);

  assert_ordered_records (4, (const OrderedRecord[]) {
    { LEVEL_DEBUG, registered },
    { LEVEL_DEBUG, starting },
    { LEVEL_UNHANDLED, unhandled },
    { LEVEL_DEBUG, unregistered },
    { 0, NULL },
  });
}

static void
test_tell_failure_record_order (Fixture       *fixture,
                                gconstpointer  data)
{
  g_auto(GValue) message = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;
  g_autofree char *described = NULL;
  g_autofree char *registered = NULL;
  g_autofree char *starting = NULL;
  g_autofree char *unhandled = NULL;
  g_autofree char *unregistered = NULL;

  if (!g_test_subprocess ())
    {
      run_in_subprocess ();
      return;
    }

  fixture_start (fixture, MODE_REGULAR);
  pykka_test_value_init_string (&message, "raise exception");
  g_assert_true (pykka_actor_ref_tell (fixture->ref, &message, &error));
  g_assert_no_error (error);
  g_assert_true (pykka_test_event_wait (fixture->events.on_failure_was_called, 5000));

  described = describe_error (TEST_LOGGING_ERROR, 0, "foo");
  registered = g_strdup_printf ("Registered %s", fixture->ref_string);
  starting = g_strdup_printf ("Starting %s", fixture->ref_string);
  unhandled = g_strdup_printf ("Unhandled exception in %s: %s", fixture->ref_string, described);
  unregistered = g_strdup_printf ("Unregistered %s", fixture->ref_string);

  /* §4.4: on_failure runs after the unregistration, so all four are written by now. */
  assert_ordered_records (4, (const OrderedRecord[]) {
    { LEVEL_DEBUG, registered },
    { LEVEL_DEBUG, starting },
    { LEVEL_UNHANDLED, unhandled },
    { LEVEL_DEBUG, unregistered },
    { 0, NULL },
  });
}

static void
test_on_failure_failure_record_order (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_auto(GValue) message = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;
  g_autofree char *described = NULL;
  g_autofree char *described_failure = NULL;
  g_autofree char *registered = NULL;
  g_autofree char *starting = NULL;
  g_autofree char *first = NULL;
  g_autofree char *unregistered = NULL;
  g_autofree char *second = NULL;
  g_autofree char *not_found = NULL;

  if (!g_test_subprocess ())
    {
      run_in_subprocess ();
      return;
    }

  fixture_start (fixture, MODE_FAILING_ON_FAILURE);
  pykka_test_value_init_string (&message, "raise exception");
  g_assert_true (pykka_actor_ref_tell (fixture->ref, &message, &error));
  g_assert_no_error (error);
  g_assert_true (pykka_test_event_wait (fixture->events.on_failure_was_called, 5000));

  described = describe_error (TEST_LOGGING_ERROR, 0, "foo");
  described_failure = describe_error (TEST_LOGGING_ERROR, 0, "on_failure failure");
  registered = g_strdup_printf ("Registered %s", fixture->ref_string);
  starting = g_strdup_printf ("Starting %s", fixture->ref_string);
  first = g_strdup_printf ("Unhandled exception in %s: %s", fixture->ref_string, described);
  unregistered = g_strdup_printf ("Unregistered %s", fixture->ref_string);
  second = g_strdup_printf ("Unhandled exception in %s: %s", fixture->ref_string,
                            described_failure);
  not_found = g_strdup_printf ("Unregistered %s (not found in registry)", fixture->ref_string);

  assert_ordered_records (6, (const OrderedRecord[]) {
    { LEVEL_DEBUG, registered },
    { LEVEL_DEBUG, starting },
    { LEVEL_UNHANDLED, first },
    { LEVEL_DEBUG, unregistered },
    { LEVEL_UNHANDLED, second },
    { LEVEL_DEBUG, not_found },
    { 0, NULL },
  });
}

/* Pykka adds a NullHandler so that an application that configures no logging sees nothing.
 * The GLib form: with the default writer and no G_MESSAGES_DEBUG, an ordinary life (start,
 * answered messages, a failure returned to the asker, stop) prints nothing. */
static void
test_nothing_is_printed_by_default (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_auto(GValue) ping = G_VALUE_INIT;
  g_auto(GValue) pong = G_VALUE_INIT;
  g_auto(GValue) failing = G_VALUE_INIT;
  g_auto(GValue) reply = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_passed ();
      g_test_trap_assert_stderr_unmatched ("*pykka*");
      g_test_trap_assert_stderr_unmatched ("*Registered*");
      g_test_trap_assert_stderr_unmatched ("*Exception returned*");
      g_test_trap_assert_stdout_unmatched ("*pykka*");
      g_test_trap_assert_stdout_unmatched ("*Registered*");
      g_test_trap_assert_stdout_unmatched ("*Exception returned*");
      return;
    }

  g_unsetenv ("G_MESSAGES_DEBUG");
  g_log_set_debug_enabled (FALSE);
  ordered_passthrough = TRUE;

  fixture_start (fixture, MODE_REGULAR);
  pykka_test_value_init_string (&ping, "ping");
  g_assert_true (pykka_actor_ref_ask_sync (fixture->ref, &ping, PYKKA_FOREVER, &pong, &error));
  g_assert_no_error (error);
  pykka_test_value_init_string (&failing, "raise exception");
  g_assert_false (pykka_actor_ref_ask_sync (fixture->ref, &failing, PYKKA_FOREVER, &reply,
                                            &error));
  g_assert_error (error, TEST_LOGGING_ERROR, 0);
  g_clear_error (&error);
  g_assert_true (pykka_actor_ref_stop (fixture->ref, PYKKA_FOREVER, &error));
  g_assert_no_error (error);
}

#define ADD_FIXTURE_TEST(path, func) \
  g_test_add ((path), Fixture, NULL, fixture_setup, (func), fixture_teardown)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (g_test_subprocess ())
    {
      /* One test per subprocess: record every "pykka" record in order (see above). */
      ordered_records = g_array_new (FALSE, TRUE, sizeof (OrderedRecord));
      g_log_set_writer_func (ordered_writer, NULL, NULL);
      g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_ERROR);
      g_log_set_debug_enabled (TRUE);
      pykka_init ();
    }
  else
    {
      pykka_test_init (&argc, &argv);
    }

  ADD_FIXTURE_TEST ("/logging/unexpected-messages-are-logged",
                    test_unexpected_messages_are_logged);
  ADD_FIXTURE_TEST ("/logging/unexpected-non-string-messages-are-logged",
                    test_unexpected_non_string_messages_are_logged);
  ADD_FIXTURE_TEST ("/logging/exception-is-logged-when-returned-to-caller",
                    test_exception_is_logged_when_returned_to_caller);
  ADD_FIXTURE_TEST ("/logging/exception-is-logged-when-not-reply-requested",
                    test_exception_is_logged_when_not_reply_requested);
  ADD_FIXTURE_TEST ("/logging/base-exception-is-logged",
                    test_base_exception_is_logged);
  ADD_FIXTURE_TEST ("/logging/exception-in-on-start-is-logged",
                    test_exception_in_on_start_is_logged);
  ADD_FIXTURE_TEST ("/logging/exception-in-on-stop-is-logged",
                    test_exception_in_on_stop_is_logged);
  ADD_FIXTURE_TEST ("/logging/exception-in-on-failure-is-logged",
                    test_exception_in_on_failure_is_logged);
  ADD_FIXTURE_TEST ("/logging/lifecycle-is-logged",
                    test_lifecycle_is_logged);
  ADD_FIXTURE_TEST ("/logging/record-order/on-stop-failure",
                    test_on_stop_failure_record_order);
  ADD_FIXTURE_TEST ("/logging/record-order/on-start-failure",
                    test_on_start_failure_record_order);
  ADD_FIXTURE_TEST ("/logging/record-order/tell-failure",
                    test_tell_failure_record_order);
  ADD_FIXTURE_TEST ("/logging/record-order/on-failure-failure",
                    test_on_failure_failure_record_order);
  ADD_FIXTURE_TEST ("/logging/nothing-is-printed-by-default",
                    test_nothing_is_printed_by_default);

  return g_test_run ();
}
