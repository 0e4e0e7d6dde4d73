/* pykka-test-utils.c: shared helpers of the C test programs
 *
 * SPDX-FileCopyrightText: 2026 The pykka-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "pykka-test-utils.h"

#include <string.h>

typedef struct
{
  GLogLevelFlags level;
  char *message;
} Record;

static GMutex log_lock;
static GCond log_cond;
static GPtrArray *log_records;

static void
record_free (gpointer data)
{
  Record *record = data;

  g_free (record->message);
  g_free (record);
}

static GLogWriterOutput
test_writer (GLogLevelFlags   log_level,
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
      Record *record = g_new0 (Record, 1);

      record->level = log_level & G_LOG_LEVEL_MASK;
      record->message = g_strdup (message);
      g_mutex_lock (&log_lock);
      g_ptr_array_add (log_records, record);
      g_cond_broadcast (&log_cond);
      g_mutex_unlock (&log_lock);

      if (g_test_verbose ())
        g_printerr ("# pykka log [%d]: %s\n", record->level, message);
      return G_LOG_WRITER_HANDLED;
    }

  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

static const char *runtime = "thread";
static GMainContext *runtime_context;

static gpointer
context_thread (gpointer data)
{
  GMainLoop *loop = g_main_loop_new (runtime_context, FALSE);

  g_main_context_push_thread_default (runtime_context);
  g_main_loop_run (loop);
  return NULL;
}

const char *
pykka_test_runtime (void)
{
  return runtime;
}

static gpointer
caller_thread (gpointer data)
{
  g_autoptr(PykkaActor) actor = data;
  g_autoptr(GError) error = NULL;

  g_assert_true (pykka_actor_run (actor, &error));
  g_assert_no_error (error);
  return NULL;
}

PykkaActorRef *
pykka_test_start (PykkaActor  *actor,
                  GError     **error)
{
  PykkaActorRef *ref;

  if (g_str_equal (runtime, "pool"))
    return pykka_actor_start_in_pool (actor, NULL, error);
  if (g_str_equal (runtime, "context"))
    return pykka_actor_start_in_context (actor, runtime_context, error);
  if (g_str_equal (runtime, "caller"))
    {
      ref = pykka_actor_start_hosted (actor, error);
      if (ref != NULL)
        g_thread_unref (g_thread_new ("caller-host", caller_thread, g_object_ref (actor)));
      return ref;
    }
  return pykka_actor_start (actor, error);
}

void
pykka_test_init (int    *argc,
                 char ***argv)
{
  const char *env = g_getenv ("PYKKA_TEST_RUNTIME");

  if (env != NULL && env[0] != '\0')
    {
      g_assert_true (g_str_equal (env, "thread") || g_str_equal (env, "pool") ||
                     g_str_equal (env, "context") || g_str_equal (env, "caller"));
      runtime = env;
    }
  if (g_str_equal (runtime, "context"))
    {
      runtime_context = g_main_context_new ();
      g_thread_unref (g_thread_new ("context-runtime", context_thread, NULL));
    }

  log_records = g_ptr_array_new_with_free_func (record_free);
  g_log_set_writer_func (test_writer, NULL, NULL);
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_ERROR);
  g_log_set_debug_enabled (TRUE);
  pykka_init ();
}

void
pykka_test_log_reset (void)
{
  g_mutex_lock (&log_lock);
  g_ptr_array_set_size (log_records, 0);
  g_mutex_unlock (&log_lock);
}

static guint
count_unlocked (GLogLevelFlags level)
{
  guint n = 0;

  for (guint i = 0; i < log_records->len; i++)
    {
      Record *record = g_ptr_array_index (log_records, i);

      if (record->level == level)
        n++;
    }
  return n;
}

guint
pykka_test_log_count (GLogLevelFlags level)
{
  guint n;

  g_mutex_lock (&log_lock);
  n = count_unlocked (level);
  g_mutex_unlock (&log_lock);
  return n;
}

gboolean
pykka_test_log_wait (GLogLevelFlags level,
                     guint          n)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_TIME_SPAN_SECOND;
  gboolean ok;

  g_mutex_lock (&log_lock);
  while (!(ok = count_unlocked (level) >= n))
    {
      if (!g_cond_wait_until (&log_cond, &log_lock, deadline))
        {
          ok = count_unlocked (level) >= n;
          break;
        }
    }
  g_mutex_unlock (&log_lock);
  return ok;
}

char **
pykka_test_log_messages (GLogLevelFlags level)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  char **result;

  g_mutex_lock (&log_lock);
  for (guint i = 0; i < log_records->len; i++)
    {
      Record *record = g_ptr_array_index (log_records, i);

      if (record->level == level)
        g_strv_builder_add (builder, record->message);
    }
  g_mutex_unlock (&log_lock);
  result = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return result;
}

struct _PykkaTestEvent
{
  GMutex lock;
  GCond cond;
  gboolean is_set;
};

PykkaTestEvent *
pykka_test_event_new (void)
{
  PykkaTestEvent *event = g_new0 (PykkaTestEvent, 1);

  g_mutex_init (&event->lock);
  g_cond_init (&event->cond);
  return event;
}

void
pykka_test_event_free (PykkaTestEvent *event)
{
  g_mutex_clear (&event->lock);
  g_cond_clear (&event->cond);
  g_free (event);
}

void
pykka_test_event_set (PykkaTestEvent *event)
{
  g_mutex_lock (&event->lock);
  event->is_set = TRUE;
  g_cond_broadcast (&event->cond);
  g_mutex_unlock (&event->lock);
}

gboolean
pykka_test_event_is_set (PykkaTestEvent *event)
{
  gboolean is_set;

  g_mutex_lock (&event->lock);
  is_set = event->is_set;
  g_mutex_unlock (&event->lock);
  return is_set;
}

gboolean
pykka_test_event_wait (PykkaTestEvent *event,
                       guint           timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * G_TIME_SPAN_MILLISECOND;
  gboolean is_set;

  g_mutex_lock (&event->lock);
  while (!event->is_set)
    if (!g_cond_wait_until (&event->cond, &event->lock, deadline))
      break;
  is_set = event->is_set;
  g_mutex_unlock (&event->lock);
  return is_set;
}

void
pykka_test_stop_all (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pykka_actor_registry_stop_all (pykka_actor_registry_get_default (),
                                                PYKKA_FOREVER, &error));
  g_assert_no_error (error);
}

void
pykka_test_value_init_string (GValue     *value,
                              const char *string)
{
  g_value_init (value, G_TYPE_STRING);
  g_value_set_string (value, string);
}

void
pykka_test_value_init_int (GValue *value,
                           int     number)
{
  g_value_init (value, G_TYPE_INT);
  g_value_set_int (value, number);
}

PykkaActorRef *
pykka_test_start_actor (gpointer actor)
{
  g_autoptr(GError) error = NULL;
  PykkaActorRef *ref = pykka_test_start (PYKKA_ACTOR (actor), &error);

  g_assert_no_error (error);
  g_assert_nonnull (ref);
  return ref;
}

PykkaActorRef *
pykka_test_start_new_actor (GType type)
{
  g_autoptr(PykkaActor) actor = g_object_new (type, NULL);

  return pykka_test_start_actor (actor);
}

PykkaActorProxy *
pykka_test_make_proxy (PykkaActorRef *ref)
{
  g_autoptr(GError) error = NULL;
  PykkaActorProxy *proxy = pykka_actor_ref_proxy (ref, &error);

  g_assert_no_error (error);
  g_assert_nonnull (proxy);
  return proxy;
}

PykkaActorProxy *
pykka_test_traverse (PykkaActorProxy *proxy,
                     const char      *attr_path)
{
  g_autoptr(GError) error = NULL;
  PykkaActorProxy *nested = pykka_actor_proxy_traverse (proxy, attr_path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (nested);
  return nested;
}

void
pykka_test_future_get (PykkaFuture *future,
                       GValue      *value)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  g_assert_nonnull (future);
  ok = pykka_future_get (future, PYKKA_TEST_WAIT_US, value, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
}

char *
pykka_test_future_get_string (PykkaFuture *future)
{
  g_auto(GValue) value = G_VALUE_INIT;

  pykka_test_future_get (future, &value);
  g_assert_true (G_VALUE_HOLDS_STRING (&value));
  return g_value_dup_string (&value);
}

GError *
pykka_test_future_get_error (PykkaFuture *future)
{
  g_auto(GValue) value = G_VALUE_INIT;
  GError *error = NULL;

  g_assert_nonnull (future);
  g_assert_false (pykka_future_get (future, PYKKA_TEST_WAIT_US, &value, &error));
  g_assert_nonnull (error);
  return error;
}

char *
pykka_test_proxy_get_string (PykkaActorProxy *proxy,
                             const char      *attr_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PykkaFuture) future = pykka_actor_proxy_get_attr (proxy, attr_path, &error);

  g_assert_no_error (error);
  return pykka_test_future_get_string (future);
}

char *
pykka_test_proxy_call_string (PykkaActorProxy *proxy,
                              const char      *attr_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PykkaFuture) future = pykka_actor_proxy_call (proxy, attr_path, NULL, 0, &error);

  g_assert_no_error (error);
  return pykka_test_future_get_string (future);
}

void
pykka_test_stop_registry (PykkaActorRegistry *registry)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pykka_actor_registry_stop_all (registry, PYKKA_TEST_WAIT_US, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pykka_actor_registry_get_n_actors (registry), ==, 0);
}

void
pykka_test_future_set_int (PykkaFuture *future,
                           int          number)
{
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;

  pykka_test_value_init_int (&value, number);
  g_assert_true (pykka_future_set (future, &value, &error));
  g_assert_no_error (error);
}

void
pykka_test_tell_string (PykkaActorRef *ref,
                        const char    *string)
{
  g_auto(GValue) message = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;

  pykka_test_value_init_string (&message, string);
  g_assert_true (pykka_actor_ref_tell (ref, &message, &error));
  g_assert_no_error (error);
}

void
pykka_test_assert_ping (PykkaActorRef *ref)
{
  g_auto(GValue) ping = G_VALUE_INIT;
  g_auto(GValue) pong = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;

  pykka_test_value_init_string (&ping, "ping");
  g_assert_true (pykka_actor_ref_ask_sync (ref, &ping, PYKKA_TEST_WAIT_US, &pong, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (g_value_get_string (&pong), ==, "pong");
}

void
pykka_test_stop_ref (PykkaActorRef *ref)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pykka_actor_ref_stop (ref, PYKKA_TEST_WAIT_US, &error));
  g_assert_no_error (error);
}
