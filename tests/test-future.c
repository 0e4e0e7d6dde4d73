/* test-future.c: PykkaFuture, ported from Pykka's tests/test_future.py
 *
 * SPDX-FileCopyrightText: 2026 The pykka-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Every test of Pykka's test_future.py that applies to C (PYKKA-BEHAVIOUR.md §2.4, with the
 * v4.3 get-hook additions) plus the single-assignment, caching, threading and precondition
 * rules of the C API. Paths are Pykka's test names with dashes. Dropped as Python-only: the
 * abstract base Future, asyncio await/yield from, gevent, traceback identity.
 */

#include "pykka-test-utils.h"

#define N_THREADS 8
#define WAIT_US (5 * G_USEC_PER_SEC)
#define WAIT_MS 5000

/* A foreign error domain: errors raised by callbacks keep their own domain and code. */
#define TEST_ERROR (test_error_quark ())
typedef enum
{
  TEST_ERROR_TYPE,
  TEST_ERROR_NAME,
} TestError;

static GQuark test_error_quark (void);
G_DEFINE_QUARK (pykka-test-future-error-quark, test_error)

/* ---------------------------------------------------------------------------------------- */
/* Helpers                                                                                  */

static void
future_set_string (PykkaFuture *future,
                   const char  *s)
{
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, s);
  g_assert_true (pykka_future_set (future, &value, &error));
  g_assert_no_error (error);
}

static GPtrArray *
int_list_new (const int *items,
              guint      n_items)
{
  GPtrArray *list = pykka_value_list_new ();

  for (guint i = 0; i < n_items; i++)
    {
      g_auto(GValue) item = G_VALUE_INIT;

      g_value_init (&item, G_TYPE_INT);
      g_value_set_int (&item, items[i]);
      pykka_value_list_append (list, &item);
    }
  return list;
}

static void
future_set_int_list (PykkaFuture *future,
                     const int   *items,
                     guint        n_items)
{
  g_autoptr(GPtrArray) list = int_list_new (items, n_items);
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;

  pykka_value_init_list (&value, list);
  g_assert_true (pykka_future_set (future, &value, &error));
  g_assert_no_error (error);
}

static void
future_set_test_error (PykkaFuture *future,
                       const char  *message)
{
  g_autoptr(GError) raised = g_error_new_literal (TEST_ERROR, TEST_ERROR_NAME, message);
  g_autoptr(GError) error = NULL;

  g_assert_true (pykka_future_set_error (future, raised, &error));
  g_assert_no_error (error);
}

static int
future_get_int (PykkaFuture *future,
                gint64       timeout_us)
{
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;

  g_assert_true (pykka_future_get (future, timeout_us, &value, &error));
  g_assert_no_error (error);
  g_assert_true (G_VALUE_HOLDS_INT (&value));
  return g_value_get_int (&value);
}

static void
assert_int_list (GPtrArray *list,
                 const int *expected,
                 guint      n_expected)
{
  g_assert_nonnull (list);
  g_assert_cmpuint (list->len, ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    {
      const GValue *item = g_ptr_array_index (list, i);

      g_assert_nonnull (item);
      g_assert_true (G_VALUE_HOLDS_INT (item));
      g_assert_cmpint (g_value_get_int (item), ==, expected[i]);
    }
}

static void
assert_get_int_list (PykkaFuture *future,
                     gint64       timeout_us,
                     const int   *expected,
                     guint        n_expected)
{
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;

  g_assert_true (pykka_future_get (future, timeout_us, &value, &error));
  g_assert_no_error (error);
  g_assert_true (pykka_value_holds_list (&value));
  assert_int_list (pykka_value_get_list (&value), expected, n_expected);
}

/* Asserts that get fails with @domain/@code; returns the error for further checks. */
static GError *
assert_get_fails (PykkaFuture *future,
                  gint64       timeout_us,
                  GQuark       domain,
                  int          code)
{
  g_auto(GValue) value = G_VALUE_INIT;
  GError *error = NULL;

  g_assert_false (pykka_future_get (future, timeout_us, &value, &error));
  g_assert_error (error, domain, code);
  g_assert_nonnull (error->message);
  return error;
}

static void
assert_get_times_out (PykkaFuture *future,
                      gint64       timeout_us)
{
  g_autoptr(GError) error = assert_get_fails (future, timeout_us, PYKKA_ERROR,
                                              PYKKA_ERROR_TIMEOUT);
}

/* Counts calls of a callback and records the timeout it saw. */
typedef enum
{
  HOOK_RETURN_INT,
  HOOK_RETURN_NONE,
  HOOK_LEAVE_UNSET,
  HOOK_TIME_OUT_ONCE,
  HOOK_FAIL,
  HOOK_BLOCK,
} HookMode;

typedef struct
{
  gint calls;           /* atomic */
  gint notified;        /* atomic: calls of the GDestroyNotify */
  gint64 last_timeout;
  HookMode mode;
  int value;
  PykkaTestEvent *entered;  /* HOOK_BLOCK: set when the hook starts */
  PykkaTestEvent *release;  /* HOOK_BLOCK: the hook returns value once this is set */
} Counter;

static void
counter_notify (gpointer data)
{
  Counter *counter = data;

  g_atomic_int_inc (&counter->notified);
}

static void
counting_hook (gint64   timeout_us,
               GValue  *result,
               gpointer user_data,
               GError **error)
{
  Counter *counter = user_data;
  int call = g_atomic_int_add (&counter->calls, 1) + 1;

  counter->last_timeout = timeout_us;
  switch (counter->mode)
    {
    case HOOK_RETURN_INT:
      g_value_init (result, G_TYPE_INT);
      g_value_set_int (result, counter->value);
      break;
    case HOOK_RETURN_NONE:
      pykka_value_init_none (result);
      break;
    case HOOK_LEAVE_UNSET:
      break;
    case HOOK_TIME_OUT_ONCE:
      if (call == 1)
        {
          g_set_error (error, PYKKA_ERROR, PYKKA_ERROR_TIMEOUT, "hook timed out");
          return;
        }
      g_value_init (result, G_TYPE_INT);
      g_value_set_int (result, counter->value);
      break;
    case HOOK_FAIL:
      g_set_error (error, TEST_ERROR, TEST_ERROR_NAME, "hook failure %d", call);
      break;
    case HOOK_BLOCK:
      pykka_test_event_set (counter->entered);
      g_assert_true (pykka_test_event_wait (counter->release, WAIT_MS));
      g_value_init (result, G_TYPE_INT);
      g_value_set_int (result, counter->value);
      break;
    default:
      g_assert_not_reached ();
    }
}

/* A future whose value comes from counting_hook(). */
static PykkaFuture *
hook_future_new (Counter *counter)
{
  PykkaFuture *future = pykka_future_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (pykka_future_set_get_hook (future, counting_hook, counter, NULL, &error));
  g_assert_no_error (error);
  return future;
}

/* map: x + 10; a non-int (for example a list) is Python's TypeError. */
static void
add_ten (const GValue *value,
         GValue       *result,
         gpointer      user_data,
         GError      **error)
{
  Counter *counter = user_data;

  if (counter != NULL)
    g_atomic_int_inc (&counter->calls);
  if (!G_VALUE_HOLDS_INT (value))
    {
      g_set_error (error, TEST_ERROR, TEST_ERROR_TYPE,
                   "unsupported operand type(s) for +: '%s' and 'int'",
                   G_VALUE_TYPE_NAME (value));
      return;
    }
  g_value_init (result, G_TYPE_INT);
  g_value_set_int (result, g_value_get_int (value) + 10);
}

/* map: x['foo'] on a dictionary (a{ss} GVariant). */
static void
lookup_foo (const GValue *value,
            GValue       *result,
            gpointer      user_data,
            GError      **error)
{
  GVariant *dict;
  const char *found = NULL;

  g_assert_true (G_VALUE_HOLDS_VARIANT (value));
  dict = g_value_get_variant (value);
  if (!g_variant_lookup (dict, "foo", "&s", &found))
    {
      g_set_error_literal (error, TEST_ERROR, TEST_ERROR_NAME, "KeyError: 'foo'");
      return;
    }
  g_value_init (result, G_TYPE_STRING);
  g_value_set_string (result, found);
}

/* map: fails every time. */
static void
map_fails (const GValue *value,
           GValue       *result,
           gpointer      user_data,
           GError      **error)
{
  Counter *counter = user_data;

  g_atomic_int_inc (&counter->calls);
  g_set_error_literal (error, TEST_ERROR, TEST_ERROR_NAME, "map failure");
}

/* filter: x > 10 */
static gboolean
greater_than_ten (const GValue *value,
                  gpointer      user_data,
                  GError      **error)
{
  Counter *counter = user_data;

  if (counter != NULL)
    g_atomic_int_inc (&counter->calls);
  g_assert_true (G_VALUE_HOLDS_INT (value));
  return g_value_get_int (value) > 10;
}

/* filter: x == 2 */
static gboolean
equals_two (const GValue *value,
            gpointer      user_data,
            GError      **error)
{
  Counter *counter = user_data;

  g_atomic_int_inc (&counter->calls);
  g_assert_true (G_VALUE_HOLDS_INT (value));
  return g_value_get_int (value) == 2;
}

/* filter: fails on the second element */
static gboolean
filter_fails (const GValue *value,
              gpointer      user_data,
              GError      **error)
{
  Counter *counter = user_data;
  int call = g_atomic_int_add (&counter->calls, 1) + 1;

  if (call == 2)
    {
      g_set_error_literal (error, TEST_ERROR, TEST_ERROR_NAME, "filter failure");
      return FALSE;
    }
  return TRUE;
}

/* reduce: x + y */
static void
add (const GValue *accumulator,
     const GValue *value,
     GValue       *result,
     gpointer      user_data,
     GError      **error)
{
  Counter *counter = user_data;

  if (counter != NULL)
    g_atomic_int_inc (&counter->calls);
  g_assert_true (G_VALUE_HOLDS_INT (accumulator));
  g_assert_true (G_VALUE_HOLDS_INT (value));
  g_value_init (result, G_TYPE_INT);
  g_value_set_int (result, g_value_get_int (accumulator) + g_value_get_int (value));
}

/* reduce: x * 10 + y, which tells a left fold from any other order */
static void
append_digit (const GValue *accumulator,
              const GValue *value,
              GValue       *result,
              gpointer      user_data,
              GError      **error)
{
  g_assert_true (G_VALUE_HOLDS_INT (accumulator));
  g_assert_true (G_VALUE_HOLDS_INT (value));
  g_value_init (result, G_TYPE_INT);
  g_value_set_int (result, g_value_get_int (accumulator) * 10 + g_value_get_int (value));
}

/* reduce: fails every time */
static void
reduce_fails (const GValue *accumulator,
              const GValue *value,
              GValue       *result,
              gpointer      user_data,
              GError      **error)
{
  Counter *counter = user_data;

  g_atomic_int_inc (&counter->calls);
  g_set_error_literal (error, TEST_ERROR, TEST_ERROR_NAME, "reduce failure");
}

/* A thread that gets a future. It waits forever, so that a waiter that is never woken shows
 * as a "done" event that does not come, not as a get that recovers when its timeout ends. */
typedef struct
{
  PykkaFuture *future;
  PykkaTestEvent *started;
  PykkaTestEvent *done;
  GValue value;
  GError *error;
  gboolean ok;
} Getter;

static gpointer
getter_thread (gpointer data)
{
  Getter *getter = data;

  pykka_test_event_set (getter->started);
  getter->ok = pykka_future_get (getter->future, PYKKA_FOREVER, &getter->value,
                                 &getter->error);
  pykka_test_event_set (getter->done);
  return NULL;
}

static void
getters_start (Getter       *getters,
               GThread     **threads,
               PykkaFuture  *future)
{
  for (guint i = 0; i < N_THREADS; i++)
    {
      getters[i].future = future;
      getters[i].started = pykka_test_event_new ();
      getters[i].done = pykka_test_event_new ();
      threads[i] = g_thread_new ("future-getter", getter_thread, &getters[i]);
    }
  for (guint i = 0; i < N_THREADS; i++)
    g_assert_true (pykka_test_event_wait (getters[i].started, WAIT_MS));
}

static void
getters_join (Getter   *getters,
              GThread **threads)
{
  for (guint i = 0; i < N_THREADS; i++)
    g_assert_true (pykka_test_event_wait (getters[i].done, WAIT_MS));
  for (guint i = 0; i < N_THREADS; i++)
    g_thread_join (threads[i]);
}

static void
getters_clear (Getter *getters)
{
  for (guint i = 0; i < N_THREADS; i++)
    {
      if (G_IS_VALUE (&getters[i].value))
        g_value_unset (&getters[i].value);
      g_clear_error (&getters[i].error);
      pykka_test_event_free (getters[i].started);
      pykka_test_event_free (getters[i].done);
    }
}

/* ---------------------------------------------------------------------------------------- */
/* Single assignment                                                                        */

static void
test_set_multiple_times_fails (void)
{
  g_autoptr(PykkaFuture) future = pykka_future_new ();
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;

  g_test_summary ("A second set fails with ALREADY_SET and keeps the first value");

  pykka_test_future_set_int (future, 0);

  g_value_init (&value, G_TYPE_INT);
  g_value_set_int (&value, 1);
  g_assert_false (pykka_future_set (future, &value, &error));
  g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_ALREADY_SET);

  g_assert_cmpint (future_get_int (future, 0), ==, 0);
}

static void
test_set_after_set_error_fails (void)
{
  g_autoptr(PykkaFuture) future = pykka_future_new ();
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) set_error = NULL;
  g_autoptr(GError) error_error = NULL;
  g_autoptr(GError) raised = g_error_new_literal (TEST_ERROR, TEST_ERROR_NAME, "second");
  g_autoptr(GError) error = NULL;

  g_test_summary ("set or set_error after set_error fails with ALREADY_SET; the first error "
                  "stays");

  future_set_test_error (future, "first");

  g_value_init (&value, G_TYPE_INT);
  g_value_set_int (&value, 1);
  g_assert_false (pykka_future_set (future, &value, &set_error));
  g_assert_error (set_error, PYKKA_ERROR, PYKKA_ERROR_ALREADY_SET);

  g_assert_false (pykka_future_set_error (future, raised, &error_error));
  g_assert_error (error_error, PYKKA_ERROR, PYKKA_ERROR_ALREADY_SET);

  error = assert_get_fails (future, 0, TEST_ERROR, TEST_ERROR_NAME);
  g_assert_cmpstr (error->message, ==, "first");
}

static void
test_set_error_after_set_fails (void)
{
  g_autoptr(PykkaFuture) future = pykka_future_new ();
  g_autoptr(GError) raised = g_error_new_literal (TEST_ERROR, TEST_ERROR_NAME, "late");
  g_autoptr(GError) error = NULL;

  g_test_summary ("set_error after set fails with ALREADY_SET; the value stays");

  pykka_test_future_set_int (future, 7);
  g_assert_false (pykka_future_set_error (future, raised, &error));
  g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_ALREADY_SET);
  g_assert_cmpint (future_get_int (future, 0), ==, 7);
}

static void
test_set_none (void)
{
  g_autoptr(PykkaFuture) future = pykka_future_new ();
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;

  g_test_summary ("set with a NULL value completes the future with None");

  g_assert_true (pykka_future_set (future, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (pykka_future_is_done (future));
  g_assert_true (pykka_future_get (future, 0, &value, &error));
  g_assert_no_error (error);
  g_assert_true (pykka_value_is_none (&value));
}

static void
test_set_copies_the_value (void)
{
  g_autoptr(PykkaFuture) future = pykka_future_new ();
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;
  char *s = g_strdup ("original");

  g_test_summary ("set copies the value: changing or freeing the caller's GValue afterwards "
                  "does not change the future");

  g_value_init (&value, G_TYPE_STRING);
  g_value_take_string (&value, s);
  g_assert_true (pykka_future_set (future, &value, &error));
  g_assert_no_error (error);
  s[0] = 'X';
  g_value_unset (&value);

  g_assert_true (pykka_future_get (future, 0, &value, &error));
  g_assert_no_error (error);
  g_assert_true (G_VALUE_HOLDS_STRING (&value));
  g_assert_cmpstr (g_value_get_string (&value), ==, "original");
}

static void
test_is_done (void)
{
  g_autoptr(PykkaFuture) future = pykka_future_new ();
  g_autoptr(PykkaFuture) failed = pykka_future_new ();

  g_test_summary ("is_done is FALSE until set or set_error, then TRUE");

  g_assert_false (pykka_future_is_done (future));
  pykka_test_future_set_int (future, 1);
  g_assert_true (pykka_future_is_done (future));

  g_assert_false (pykka_future_is_done (failed));
  future_set_test_error (failed, "boom");
  g_assert_true (pykka_future_is_done (failed));
}

/* ---------------------------------------------------------------------------------------- */
/* get                                                                                      */

static void
test_get_timeout_on_unset_future (void)
{
  g_autoptr(PykkaFuture) future = pykka_future_new ();

  g_test_summary ("get on an unset future with timeout 0 or a short timeout fails with "
                  "TIMEOUT, and the future stays usable");

  assert_get_times_out (future, 0);
  assert_get_times_out (future, 1000);
  g_assert_false (pykka_future_is_done (future));

  pykka_test_future_set_int (future, 5);
  g_assert_cmpint (future_get_int (future, 0), ==, 5);
}

static void
test_failed_get_leaves_none (void)
{
  g_autoptr(PykkaFuture) unset = pykka_future_new ();
  g_autoptr(PykkaFuture) failed = pykka_future_new ();
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;

  g_test_summary ("A failed get leaves None in its out value, never an uninitialised GValue");

  g_assert_false (pykka_future_get (unset, 0, &value, &error));
  g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_TIMEOUT);
  g_assert_true (G_IS_VALUE (&value));
  g_assert_true (pykka_value_is_none (&value));
  g_value_unset (&value);
  g_clear_error (&error);

  future_set_test_error (failed, "boom");
  g_assert_false (pykka_future_get (failed, 0, &value, &error));
  g_assert_error (error, TEST_ERROR, TEST_ERROR_NAME);
  g_assert_true (G_IS_VALUE (&value));
  g_assert_true (pykka_value_is_none (&value));
}

static void
test_get_returns_the_same_value_every_time (void)
{
  g_autoptr(PykkaFuture) future = pykka_future_new ();

  g_test_summary ("get can be called many times and gives the same value each time");

  future_set_string (future, "foo");
  for (guint i = 0; i < 3; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;
      g_autoptr(GError) error = NULL;

      g_assert_true (pykka_future_get (future, 0, &value, &error));
      g_assert_no_error (error);
      g_assert_true (G_VALUE_HOLDS_STRING (&value));
      g_assert_cmpstr (g_value_get_string (&value), ==, "foo");
    }
}

static void
test_get_raises_exception_with_full_traceback (void)
{
  g_autoptr(PykkaFuture) future = pykka_future_new ();
  GError *raised = g_error_new_literal (TEST_ERROR, TEST_ERROR_NAME, "foo");
  g_autoptr(GError) error = NULL;

  g_test_summary ("Port of test_get_raises_exception_with_full_traceback: after set_error, "
                  "every get fails with the same domain, code and message, also after the "
                  "original GError was freed");

  g_assert_true (pykka_future_set_error (future, raised, &error));
  g_assert_no_error (error);
  g_clear_error (&raised);

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(GError) got = assert_get_fails (future, 0, TEST_ERROR, TEST_ERROR_NAME);

      g_assert_cmpstr (got->message, ==, "foo");
    }
}

static void
test_future_in_future_works (void)
{
  g_autoptr(PykkaFuture) inner = pykka_future_new ();
  g_autoptr(PykkaFuture) outer = pykka_future_new ();
  g_auto(GValue) value = G_VALUE_INIT;
  g_auto(GValue) inner_value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;
  PykkaFuture *got;

  g_test_summary ("A future may hold a future; it is not flattened");

  future_set_string (inner, "foo");

  g_value_init (&value, PYKKA_TYPE_FUTURE);
  g_value_set_object (&value, inner);
  g_assert_true (pykka_future_set (outer, &value, &error));
  g_assert_no_error (error);
  g_value_unset (&value);

  g_assert_true (pykka_future_get (outer, 0, &value, &error));
  g_assert_no_error (error);
  g_assert_true (G_VALUE_HOLDS (&value, PYKKA_TYPE_FUTURE));
  got = g_value_get_object (&value);
  g_assert_true (got == inner);

  g_assert_true (pykka_future_get (got, 0, &inner_value, &error));
  g_assert_no_error (error);
  g_assert_true (G_VALUE_HOLDS_STRING (&inner_value));
  g_assert_cmpstr (g_value_get_string (&inner_value), ==, "foo");
}

static gpointer
set_int_thread (gpointer data)
{
  pykka_test_future_set_int (data, 99);
  return NULL;
}

static void
test_get_blocks_until_set (void)
{
  g_autoptr(PykkaFuture) future = pykka_future_new ();
  GThread *thread;

  g_test_summary ("A blocking get returns the value set later from another thread");

  thread = g_thread_new ("future-setter", set_int_thread, future);
  g_assert_cmpint (future_get_int (future, WAIT_US), ==, 99);
  g_thread_join (thread);
}

static void
test_get_from_many_threads_receives_the_same_value (void)
{
  g_autoptr(PykkaFuture) future = pykka_future_new ();
  Getter getters[N_THREADS] = { 0 };
  GThread *threads[N_THREADS];

  g_test_summary ("get from 8 threads waiting at once: every thread wakes with the same "
                  "value (Pykka 4.3, PR #233)");

  getters_start (getters, threads, future);
  future_set_string (future, "shared");
  getters_join (getters, threads);

  for (guint i = 0; i < N_THREADS; i++)
    {
      g_assert_no_error (getters[i].error);
      g_assert_true (getters[i].ok);
      g_assert_true (G_VALUE_HOLDS_STRING (&getters[i].value));
      g_assert_cmpstr (g_value_get_string (&getters[i].value), ==, "shared");
    }
  getters_clear (getters);
}

static void
test_get_from_many_threads_receives_the_same_error (void)
{
  g_autoptr(PykkaFuture) future = pykka_future_new ();
  Getter getters[N_THREADS] = { 0 };
  GThread *threads[N_THREADS];

  g_test_summary ("get from 8 threads waiting at once on a failed future: every thread gets "
                  "the same domain, code and message");

  getters_start (getters, threads, future);
  future_set_test_error (future, "shared failure");
  getters_join (getters, threads);

  for (guint i = 0; i < N_THREADS; i++)
    {
      g_assert_false (getters[i].ok);
      g_assert_error (getters[i].error, TEST_ERROR, TEST_ERROR_NAME);
      g_assert_cmpstr (getters[i].error->message, ==, "shared failure");
    }
  getters_clear (getters);
}

/* ---------------------------------------------------------------------------------------- */
/* Get hook                                                                                 */

static void
test_get_hook_is_called_lazily_with_the_timeout (void)
{
  Counter counter = { .mode = HOOK_RETURN_INT, .value = 123 };
  g_autoptr(PykkaFuture) future = hook_future_new (&counter);

  g_test_summary ("The get hook runs at the first get, not before, with the caller's timeout");

  g_assert_cmpint (g_atomic_int_get (&counter.calls), ==, 0);
  g_assert_cmpint (future_get_int (future, 1234567), ==, 123);
  g_assert_cmpint (g_atomic_int_get (&counter.calls), ==, 1);
  g_assert_cmpint (counter.last_timeout, ==, 1234567);
  g_assert_cmpint (future_get_int (future, 0), ==, 123);
  g_assert_cmpint (g_atomic_int_get (&counter.calls), ==, 1);
}

static void
test_get_hook_is_only_called_once_even_if_result_is_none (void)
{
  Counter counter = { .mode = HOOK_RETURN_NONE };
  Counter unset = { .mode = HOOK_LEAVE_UNSET };
  g_autoptr(PykkaFuture) future = hook_future_new (&counter);
  g_autoptr(PykkaFuture) unset_future = hook_future_new (&unset);

  g_test_summary ("A None result of the get hook is cached like any other (Pykka 4.3, "
                  "PR #239); a hook that leaves its result unset gives None");

  for (guint i = 0; i < 3; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;
      g_auto(GValue) unset_value = G_VALUE_INIT;
      g_autoptr(GError) error = NULL;

      g_assert_true (pykka_future_get (future, 0, &value, &error));
      g_assert_no_error (error);
      g_assert_true (pykka_value_is_none (&value));

      g_assert_true (pykka_future_get (unset_future, 0, &unset_value, &error));
      g_assert_no_error (error);
      g_assert_true (G_IS_VALUE (&unset_value));
      g_assert_true (pykka_value_is_none (&unset_value));
    }
  g_assert_cmpint (g_atomic_int_get (&counter.calls), ==, 1);
  g_assert_cmpint (g_atomic_int_get (&unset.calls), ==, 1);
}

static void
test_set_is_not_allowed_on_future_with_get_hook (void)
{
  Counter counter = { .mode = HOOK_RETURN_INT, .value = 123 };
  g_autoptr(PykkaFuture) future = hook_future_new (&counter);
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;

  g_test_summary ("set on a future with a get hook fails with ALREADY_SET; get still gives "
                  "the hook's value and the hook runs once");

  g_value_init (&value, G_TYPE_INT);
  g_value_set_int (&value, 0);
  g_assert_false (pykka_future_set (future, &value, &error));
  g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_ALREADY_SET);

  g_assert_cmpint (future_get_int (future, 0), ==, 123);
  g_assert_cmpint (future_get_int (future, 0), ==, 123);
  g_assert_cmpint (g_atomic_int_get (&counter.calls), ==, 1);
}

static void
test_set_exception_is_not_allowed_on_future_with_get_hook (void)
{
  Counter counter = { .mode = HOOK_RETURN_INT, .value = 123 };
  g_autoptr(PykkaFuture) future = hook_future_new (&counter);
  g_autoptr(GError) raised = g_error_new_literal (TEST_ERROR, TEST_ERROR_NAME, "nope");
  g_autoptr(GError) error = NULL;

  g_test_summary ("set_error on a future with a get hook fails with ALREADY_SET; get still "
                  "gives the hook's value and the hook runs once");

  g_assert_false (pykka_future_set_error (future, raised, &error));
  g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_ALREADY_SET);

  g_assert_cmpint (future_get_int (future, 0), ==, 123);
  g_assert_cmpint (future_get_int (future, 0), ==, 123);
  g_assert_cmpint (g_atomic_int_get (&counter.calls), ==, 1);
}

static void
test_set_hook_is_not_allowed_on_future_with_result (void)
{
  Counter counter = { .mode = HOOK_RETURN_INT, .value = 456 };
  g_autoptr(PykkaFuture) future = pykka_future_new ();
  g_autoptr(PykkaFuture) failed = pykka_future_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) got = NULL;

  g_test_summary ("set_get_hook after set or set_error fails with ALREADY_SET; the hook "
                  "never runs");

  pykka_test_future_set_int (future, 123);
  g_assert_false (pykka_future_set_get_hook (future, counting_hook, &counter, NULL, &error));
  g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_ALREADY_SET);
  g_clear_error (&error);
  g_assert_cmpint (future_get_int (future, 0), ==, 123);

  future_set_test_error (failed, "first");
  g_assert_false (pykka_future_set_get_hook (failed, counting_hook, &counter, NULL, &error));
  g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_ALREADY_SET);
  got = assert_get_fails (failed, 0, TEST_ERROR, TEST_ERROR_NAME);
  g_assert_cmpstr (got->message, ==, "first");

  g_assert_cmpint (g_atomic_int_get (&counter.calls), ==, 0);
}

static void
test_set_hook_twice_fails (void)
{
  Counter first = { .mode = HOOK_RETURN_INT, .value = 1 };
  Counter second = { .mode = HOOK_RETURN_INT, .value = 2 };
  g_autoptr(PykkaFuture) future = hook_future_new (&first);
  g_autoptr(GError) error = NULL;

  g_test_summary ("A second set_get_hook fails with ALREADY_SET; the first hook stays");

  g_assert_false (pykka_future_set_get_hook (future, counting_hook, &second, NULL, &error));
  g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_ALREADY_SET);
  g_assert_cmpint (future_get_int (future, 0), ==, 1);
  g_assert_cmpint (g_atomic_int_get (&first.calls), ==, 1);
  g_assert_cmpint (g_atomic_int_get (&second.calls), ==, 0);
}

static void
test_get_hook_timeout_is_retried (void)
{
  Counter counter = { .mode = HOOK_TIME_OUT_ONCE, .value = 42 };
  g_autoptr(PykkaFuture) future = hook_future_new (&counter);

  g_test_summary ("A TIMEOUT from the get hook is not cached: the next get calls the hook "
                  "again, and its value is then cached");

  assert_get_times_out (future, 0);
  g_assert_cmpint (g_atomic_int_get (&counter.calls), ==, 1);

  g_assert_cmpint (future_get_int (future, 0), ==, 42);
  g_assert_cmpint (g_atomic_int_get (&counter.calls), ==, 2);

  g_assert_cmpint (future_get_int (future, 0), ==, 42);
  g_assert_cmpint (g_atomic_int_get (&counter.calls), ==, 2);
}

static void
test_get_hook_error_is_cached (void)
{
  Counter counter = { .mode = HOOK_FAIL };
  g_autoptr(PykkaFuture) future = hook_future_new (&counter);

  g_test_summary ("An error other than TIMEOUT from the get hook is cached: every get gives "
                  "the same error and the hook runs once");

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(GError) error = assert_get_fails (future, 0, TEST_ERROR, TEST_ERROR_NAME);

      g_assert_cmpstr (error->message, ==, "hook failure 1");
    }
  g_assert_cmpint (g_atomic_int_get (&counter.calls), ==, 1);
}

static void
test_get_hook_runs_once_for_many_threads (void)
{
  g_autoptr(PykkaTestEvent) entered = pykka_test_event_new ();
  g_autoptr(PykkaTestEvent) release = pykka_test_event_new ();
  Counter counter = {
    .mode = HOOK_BLOCK, .value = 123, .entered = entered, .release = release,
  };
  g_autoptr(PykkaFuture) future = hook_future_new (&counter);
  Getter getters[N_THREADS] = { 0 };
  GThread *threads[N_THREADS];

  g_test_summary ("8 threads getting a hook future while its hook runs: the hook runs once "
                  "and every thread gets its value");

  getters_start (getters, threads, future);
  g_assert_true (pykka_test_event_wait (entered, WAIT_MS));
  g_assert_false (pykka_future_is_done (future));
  pykka_test_event_set (release);
  getters_join (getters, threads);

  for (guint i = 0; i < N_THREADS; i++)
    {
      g_assert_no_error (getters[i].error);
      g_assert_true (getters[i].ok);
      g_assert_true (G_VALUE_HOLDS_INT (&getters[i].value));
      g_assert_cmpint (g_value_get_int (&getters[i].value), ==, 123);
    }
  g_assert_cmpint (g_atomic_int_get (&counter.calls), ==, 1);
  getters_clear (getters);
}

static void
test_user_data_is_destroyed_once (void)
{
  Counter hook = { .mode = HOOK_RETURN_INT, .value = 3 };
  Counter map = { 0 };
  Counter filter = { 0 };
  Counter reduce = { 0 };
  PykkaFuture *source = pykka_future_new ();
  PykkaFuture *list_source = pykka_future_new ();
  PykkaFuture *hooked = pykka_future_new ();
  PykkaFuture *mapped = pykka_future_map (source, add_ten, &map, counter_notify);
  PykkaFuture *filtered = pykka_future_filter (list_source, greater_than_ten, &filter,
                                               counter_notify);
  PykkaFuture *reduced = pykka_future_reduce (list_source, add, NULL, &reduce, counter_notify);
  g_autoptr(GError) error = NULL;
  const int items[] = { 1, 20 };

  g_test_summary ("The GDestroyNotify of a get hook, map, filter or reduce runs exactly once "
                  "by the time every future involved is freed");

  g_assert_true (pykka_future_set_get_hook (hooked, counting_hook, &hook, counter_notify,
                                            &error));
  g_assert_no_error (error);
  pykka_test_future_set_int (source, 1);
  future_set_int_list (list_source, items, G_N_ELEMENTS (items));

  g_assert_cmpint (future_get_int (hooked, 0), ==, 3);
  g_assert_cmpint (future_get_int (mapped, 0), ==, 11);
  g_assert_cmpint (future_get_int (reduced, 0), ==, 21);
  assert_get_int_list (filtered, 0, (const int[]) { 20 }, 1);

  g_object_unref (hooked);
  g_object_unref (mapped);
  g_object_unref (filtered);
  g_object_unref (reduced);
  g_object_unref (source);
  g_object_unref (list_source);

  g_assert_cmpint (g_atomic_int_get (&hook.notified), ==, 1);
  g_assert_cmpint (g_atomic_int_get (&map.notified), ==, 1);
  g_assert_cmpint (g_atomic_int_get (&filter.notified), ==, 1);
  g_assert_cmpint (g_atomic_int_get (&reduce.notified), ==, 1);
}

/* ---------------------------------------------------------------------------------------- */
/* get_all                                                                                  */

static gpointer
set_last_future_thread (gpointer data)
{
  PykkaFuture **futures = data;

  pykka_test_future_set_int (futures[2], 2);
  return NULL;
}

static void
test_get_all_blocks_until_all_futures_are_available (void)
{
  g_autoptr(PykkaFuture) f0 = pykka_future_new ();
  g_autoptr(PykkaFuture) f1 = pykka_future_new ();
  g_autoptr(PykkaFuture) f2 = pykka_future_new ();
  PykkaFuture *futures[] = { f0, f1, f2 };
  g_autoptr(GPtrArray) values = NULL;
  g_autoptr(GError) error = NULL;
  GThread *thread;

  g_test_summary ("get_all waits for every future and returns the values in order");

  pykka_test_future_set_int (f0, 0);
  pykka_test_future_set_int (f1, 1);
  thread = g_thread_new ("future-setter", set_last_future_thread, futures);

  g_assert_true (pykka_future_get_all (futures, G_N_ELEMENTS (futures), WAIT_US, &values,
                                       &error));
  g_assert_no_error (error);
  assert_int_list (values, (const int[]) { 0, 1, 2 }, 3);
  g_thread_join (thread);
}

static void
test_get_all_raises_timeout_if_not_all_futures_are_available (void)
{
  g_autoptr(PykkaFuture) f0 = pykka_future_new ();
  g_autoptr(PykkaFuture) f1 = pykka_future_new ();
  g_autoptr(PykkaFuture) f2 = pykka_future_new ();
  PykkaFuture *futures[] = { f0, f1, f2 };
  g_autoptr(GPtrArray) values = NULL;
  g_autoptr(GError) error = NULL;

  g_test_summary ("get_all with timeout 0 fails with TIMEOUT while one future is unset");

  pykka_test_future_set_int (f0, 0);
  pykka_test_future_set_int (f1, 1);

  g_assert_false (pykka_future_get_all (futures, G_N_ELEMENTS (futures), 0, &values, &error));
  g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_TIMEOUT);
  g_assert_null (values);
}

static void
test_get_all_can_be_called_multiple_times (void)
{
  g_autoptr(PykkaFuture) f0 = pykka_future_new ();
  g_autoptr(PykkaFuture) f1 = pykka_future_new ();
  g_autoptr(PykkaFuture) f2 = pykka_future_new ();
  PykkaFuture *futures[] = { f0, f1, f2 };
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) second = NULL;
  g_autoptr(GError) error = NULL;

  g_test_summary ("Two get_all calls give equal results");

  pykka_test_future_set_int (f0, 0);
  pykka_test_future_set_int (f1, 1);
  pykka_test_future_set_int (f2, 2);

  g_assert_true (pykka_future_get_all (futures, 3, 0, &first, &error));
  g_assert_no_error (error);
  g_assert_true (pykka_future_get_all (futures, 3, 0, &second, &error));
  g_assert_no_error (error);
  assert_int_list (first, (const int[]) { 0, 1, 2 }, 3);
  assert_int_list (second, (const int[]) { 0, 1, 2 }, 3);
}

static void
test_get_all_of_no_futures (void)
{
  PykkaFuture *futures[1] = { NULL };
  g_autoptr(GPtrArray) values = NULL;
  g_autoptr(GError) error = NULL;

  g_test_summary ("get_all of zero futures gives an empty list");

  g_assert_true (pykka_future_get_all (futures, 0, 0, &values, &error));
  g_assert_no_error (error);
  g_assert_nonnull (values);
  g_assert_cmpuint (values->len, ==, 0);
}

static void
test_get_all_raises_the_error_of_a_failed_future (void)
{
  g_autoptr(PykkaFuture) f0 = pykka_future_new ();
  g_autoptr(PykkaFuture) f1 = pykka_future_new ();
  PykkaFuture *futures[] = { f0, f1 };
  g_autoptr(GPtrArray) values = NULL;
  g_autoptr(GError) error = NULL;

  g_test_summary ("get_all fails with the error of a failed future, unchanged");

  pykka_test_future_set_int (f0, 0);
  future_set_test_error (f1, "failed member");

  g_assert_false (pykka_future_get_all (futures, 2, 0, &values, &error));
  g_assert_error (error, TEST_ERROR, TEST_ERROR_NAME);
  g_assert_cmpstr (error->message, ==, "failed member");
  g_assert_null (values);
}

static void
test_get_all_passes_the_timeout_to_every_future (void)
{
  Counter c0 = { .mode = HOOK_RETURN_INT, .value = 10 };
  Counter c1 = { .mode = HOOK_RETURN_INT, .value = 11 };
  g_autoptr(PykkaFuture) f0 = hook_future_new (&c0);
  g_autoptr(PykkaFuture) f1 = hook_future_new (&c1);
  PykkaFuture *futures[] = { f0, f1 };
  g_autoptr(GPtrArray) values = NULL;
  g_autoptr(GError) error = NULL;

  g_test_summary ("get_all's timeout applies per future: each get sees the caller's timeout");

  g_assert_true (pykka_future_get_all (futures, 2, 2345678, &values, &error));
  g_assert_no_error (error);
  assert_int_list (values, (const int[]) { 10, 11 }, 2);
  g_assert_cmpint (c0.last_timeout, ==, 2345678);
  g_assert_cmpint (c1.last_timeout, ==, 2345678);
}

/* ---------------------------------------------------------------------------------------- */
/* filter                                                                                   */

static void
test_filter_excludes_items_not_matching_predicate (void)
{
  g_autoptr(PykkaFuture) future = pykka_future_new ();
  g_autoptr(PykkaFuture) filtered = pykka_future_filter (future, greater_than_ten, NULL, NULL);
  const int items[] = { 1, 3, 5, 7, 9, 11, 13, 15, 17, 19 };

  g_test_summary ("filter keeps the elements for which the predicate is TRUE, in order");

  future_set_int_list (future, items, G_N_ELEMENTS (items));
  assert_get_int_list (filtered, 0, (const int[]) { 11, 13, 15, 17, 19 }, 5);
}

static void
test_filter_on_noniterable (void)
{
  g_autoptr(PykkaFuture) future = pykka_future_new ();
  g_autoptr(PykkaFuture) filtered = pykka_future_filter (future, greater_than_ten, NULL, NULL);
  g_autoptr(GError) error = NULL;

  g_test_summary ("filter of a value that is not a list fails with NOT_ITERABLE at get");

  pykka_test_future_set_int (future, 1);
  error = assert_get_fails (filtered, 0, PYKKA_ERROR, PYKKA_ERROR_NOT_ITERABLE);
}

static void
test_filter_preserves_the_timeout_kwarg (void)
{
  g_autoptr(PykkaFuture) future = pykka_future_new ();
  g_autoptr(PykkaFuture) filtered = pykka_future_filter (future, greater_than_ten, NULL, NULL);
  Counter counter = { .mode = HOOK_RETURN_INT, .value = 0 };
  g_autoptr(PykkaFuture) hooked = hook_future_new (&counter);
  g_autoptr(PykkaFuture) hooked_filtered = pykka_future_filter (hooked, greater_than_ten, NULL,
                                                                NULL);
  g_autoptr(GError) error = NULL;
  const int items[] = { 5, 15 };

  g_test_summary ("filter passes the caller's timeout to the source's get; a TIMEOUT is not "
                  "cached");

  assert_get_times_out (filtered, 0);
  future_set_int_list (future, items, G_N_ELEMENTS (items));
  assert_get_int_list (filtered, 0, (const int[]) { 15 }, 1);

  error = assert_get_fails (hooked_filtered, 3456789, PYKKA_ERROR, PYKKA_ERROR_NOT_ITERABLE);
  g_assert_cmpint (counter.last_timeout, ==, 3456789);
}

static void
test_filter_reuses_result_if_called_multiple_times (void)
{
  Counter counter = { 0 };
  g_autoptr(PykkaFuture) future = pykka_future_new ();
  g_autoptr(PykkaFuture) filtered = pykka_future_filter (future, equals_two, &counter, NULL);
  const int items[] = { 1, 2, 3 };

  g_test_summary ("filter runs the predicate once per element in total, however many gets");

  future_set_int_list (future, items, G_N_ELEMENTS (items));
  g_assert_cmpint (g_atomic_int_get (&counter.calls), ==, 0);
  for (guint i = 0; i < 3; i++)
    assert_get_int_list (filtered, 0, (const int[]) { 2 }, 1);
  g_assert_cmpint (g_atomic_int_get (&counter.calls), ==, 3);
}

static void
test_filter_error_is_cached (void)
{
  Counter counter = { 0 };
  g_autoptr(PykkaFuture) future = pykka_future_new ();
  g_autoptr(PykkaFuture) filtered = pykka_future_filter (future, filter_fails, &counter, NULL);
  const int items[] = { 1, 2, 3 };

  g_test_summary ("An error from the filter predicate ends the filter and is the future's "
                  "error at every get");

  future_set_int_list (future, items, G_N_ELEMENTS (items));
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(GError) error = assert_get_fails (filtered, 0, TEST_ERROR, TEST_ERROR_NAME);

      g_assert_cmpstr (error->message, ==, "filter failure");
    }
  g_assert_cmpint (g_atomic_int_get (&counter.calls), ==, 2);
}

/* ---------------------------------------------------------------------------------------- */
/* join                                                                                     */

static void
test_join_combines_multiple_futures_into_one (void)
{
  g_autoptr(PykkaFuture) f0 = pykka_future_new ();
  g_autoptr(PykkaFuture) f1 = pykka_future_new ();
  g_autoptr(PykkaFuture) f2 = pykka_future_new ();
  PykkaFuture *others[] = { f1, f2 };
  g_autoptr(PykkaFuture) joined = pykka_future_join (f0, others, G_N_ELEMENTS (others));

  g_test_summary ("join gives the list of its own and the other futures' values, in order");

  pykka_test_future_set_int (f0, 0);
  pykka_test_future_set_int (f1, 1);
  pykka_test_future_set_int (f2, 2);

  assert_get_int_list (joined, 0, (const int[]) { 0, 1, 2 }, 3);
  assert_get_int_list (joined, 0, (const int[]) { 0, 1, 2 }, 3);
}

static void
test_join_preserves_timeout_kwarg (void)
{
  g_autoptr(PykkaFuture) f0 = pykka_future_new ();
  g_autoptr(PykkaFuture) f1 = pykka_future_new ();
  g_autoptr(PykkaFuture) f2 = pykka_future_new ();
  PykkaFuture *others[] = { f1, f2 };
  g_autoptr(PykkaFuture) joined = pykka_future_join (f0, others, G_N_ELEMENTS (others));
  Counter c0 = { .mode = HOOK_RETURN_INT, .value = 7 };
  Counter c1 = { .mode = HOOK_RETURN_INT, .value = 8 };
  g_autoptr(PykkaFuture) h0 = hook_future_new (&c0);
  g_autoptr(PykkaFuture) h1 = hook_future_new (&c1);
  g_autoptr(PykkaFuture) hooked_joined = pykka_future_join (h0, &h1, 1);

  g_test_summary ("join passes the caller's timeout to every get: one unset future gives "
                  "TIMEOUT, which is not cached");

  pykka_test_future_set_int (f0, 0);
  pykka_test_future_set_int (f1, 1);
  assert_get_times_out (joined, 0);
  pykka_test_future_set_int (f2, 2);
  assert_get_int_list (joined, 0, (const int[]) { 0, 1, 2 }, 3);

  assert_get_int_list (hooked_joined, 4567891, (const int[]) { 7, 8 }, 2);
  g_assert_cmpint (c0.last_timeout, ==, 4567891);
  g_assert_cmpint (c1.last_timeout, ==, 4567891);
}

/* ---------------------------------------------------------------------------------------- */
/* map                                                                                      */

static void
test_map_returns_future_which_passes_result_through_func (void)
{
  g_autoptr(PykkaFuture) future = pykka_future_new ();
  g_autoptr(PykkaFuture) mapped = pykka_future_map (future, add_ten, NULL, NULL);

  g_test_summary ("map gives func (value): 30 maps to 40");

  pykka_test_future_set_int (future, 30);
  g_assert_cmpint (future_get_int (mapped, 0), ==, 40);
}

static void
test_map_works_on_dict (void)
{
  g_autoptr(PykkaFuture) future = pykka_future_new ();
  g_autoptr(PykkaFuture) mapped = pykka_future_map (future, lookup_foo, NULL, NULL);
  g_auto(GValue) value = G_VALUE_INIT;
  g_auto(GValue) result = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;

  g_test_summary ("map works on a dictionary value: x['foo'] gives 'bar' (Pykka #64)");

  g_value_init (&value, G_TYPE_VARIANT);
  g_value_set_variant (&value, g_variant_new_parsed ("{'foo': 'bar'}"));
  g_assert_true (pykka_future_set (future, &value, &error));
  g_assert_no_error (error);

  g_assert_true (pykka_future_get (mapped, 0, &result, &error));
  g_assert_no_error (error);
  g_assert_true (G_VALUE_HOLDS_STRING (&result));
  g_assert_cmpstr (g_value_get_string (&result), ==, "bar");
}

static void
test_map_does_not_map_each_value_in_futures_iterable_result (void)
{
  Counter counter = { 0 };
  g_autoptr(PykkaFuture) future = pykka_future_new ();
  g_autoptr(PykkaFuture) mapped = pykka_future_map (future, add_ten, &counter, NULL);
  g_autoptr(GError) error = NULL;
  const int items[] = { 10, 20, 30 };

  g_test_summary ("map applies func to the whole list, not to each element: [10,20,30] + 10 "
                  "fails, and func's error passes through with its own domain and code");

  future_set_int_list (future, items, G_N_ELEMENTS (items));
  error = assert_get_fails (mapped, 0, TEST_ERROR, TEST_ERROR_TYPE);
  g_assert_cmpint (g_atomic_int_get (&counter.calls), ==, 1);
}

static void
test_map_preserves_timeout_kwarg (void)
{
  g_autoptr(PykkaFuture) future = pykka_future_new ();
  g_autoptr(PykkaFuture) mapped = pykka_future_map (future, add_ten, NULL, NULL);
  Counter counter = { .mode = HOOK_RETURN_INT, .value = 1 };
  g_autoptr(PykkaFuture) hooked = hook_future_new (&counter);
  g_autoptr(PykkaFuture) hooked_mapped = pykka_future_map (hooked, add_ten, NULL, NULL);

  g_test_summary ("map passes the caller's timeout to the source's get; a TIMEOUT is not "
                  "cached");

  assert_get_times_out (mapped, 0);
  pykka_test_future_set_int (future, 30);
  g_assert_cmpint (future_get_int (mapped, 0), ==, 40);

  g_assert_cmpint (future_get_int (hooked_mapped, 5678912), ==, 11);
  g_assert_cmpint (counter.last_timeout, ==, 5678912);
}

static void
test_map_reuses_result_if_called_multiple_times (void)
{
  Counter counter = { 0 };
  g_autoptr(PykkaFuture) future = pykka_future_new ();
  g_autoptr(PykkaFuture) mapped = pykka_future_map (future, add_ten, &counter, NULL);

  g_test_summary ("map runs func once, however many gets");

  pykka_test_future_set_int (future, 30);
  g_assert_cmpint (g_atomic_int_get (&counter.calls), ==, 0);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpint (future_get_int (mapped, 0), ==, 40);
  g_assert_cmpint (g_atomic_int_get (&counter.calls), ==, 1);
}

static void
test_map_error_is_cached (void)
{
  Counter counter = { 0 };
  g_autoptr(PykkaFuture) future = pykka_future_new ();
  g_autoptr(PykkaFuture) mapped = pykka_future_map (future, map_fails, &counter, NULL);
  g_autoptr(PykkaFuture) failed = pykka_future_new ();
  g_autoptr(PykkaFuture) failed_mapped = pykka_future_map (failed, add_ten, &counter, NULL);

  g_test_summary ("An error from func, or from the source, is the mapped future's error at "
                  "every get; func is not called again");

  pykka_test_future_set_int (future, 1);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(GError) error = assert_get_fails (mapped, 0, TEST_ERROR, TEST_ERROR_NAME);

      g_assert_cmpstr (error->message, ==, "map failure");
    }
  g_assert_cmpint (g_atomic_int_get (&counter.calls), ==, 1);

  future_set_test_error (failed, "source failure");
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GError) error = assert_get_fails (failed_mapped, 0, TEST_ERROR,
                                                  TEST_ERROR_NAME);

      g_assert_cmpstr (error->message, ==, "source failure");
    }
  g_assert_cmpint (g_atomic_int_get (&counter.calls), ==, 1);
}

/* ---------------------------------------------------------------------------------------- */
/* reduce                                                                                   */

static void
test_reduce_applies_function_cumulatively_from_the_left (void)
{
  g_autoptr(PykkaFuture) future = pykka_future_new ();
  g_autoptr(PykkaFuture) reduced = pykka_future_reduce (future, add, NULL, NULL, NULL);
  g_autoptr(PykkaFuture) digits = pykka_future_reduce (future, append_digit, NULL, NULL, NULL);
  const int items[] = { 1, 2, 3, 4 };

  g_test_summary ("reduce folds from the left: [1,2,3,4] sums to 10, and x*10+y gives 1234");

  future_set_int_list (future, items, G_N_ELEMENTS (items));
  g_assert_cmpint (future_get_int (reduced, 0), ==, 10);
  g_assert_cmpint (future_get_int (digits, 0), ==, 1234);
}

static void
test_reduce_accepts_an_initial_value (void)
{
  g_autoptr(PykkaFuture) future = pykka_future_new ();
  g_autoptr(PykkaFuture) reduced = NULL;
  g_autoptr(PykkaFuture) digits = NULL;
  g_auto(GValue) initial = G_VALUE_INIT;
  const int items[] = { 1, 2, 3, 4 };

  g_test_summary ("reduce starts from the initial value: 5 + [1,2,3,4] gives 15; the initial "
                  "GValue is copied when reduce is called");

  g_value_init (&initial, G_TYPE_INT);
  g_value_set_int (&initial, 5);
  reduced = pykka_future_reduce (future, add, &initial, NULL, NULL);
  digits = pykka_future_reduce (future, append_digit, &initial, NULL, NULL);
  g_value_set_int (&initial, 1000);
  g_value_unset (&initial);

  future_set_int_list (future, items, G_N_ELEMENTS (items));
  g_assert_cmpint (future_get_int (reduced, 0), ==, 15);
  g_assert_cmpint (future_get_int (digits, 0), ==, 51234);
}

static void
test_reduce_on_noniterable (void)
{
  g_autoptr(PykkaFuture) future = pykka_future_new ();
  g_autoptr(PykkaFuture) reduced = pykka_future_reduce (future, add, NULL, NULL, NULL);
  g_autoptr(GError) error = NULL;

  g_test_summary ("reduce of a value that is not a list fails with NOT_ITERABLE at get");

  pykka_test_future_set_int (future, 1);
  error = assert_get_fails (reduced, 0, PYKKA_ERROR, PYKKA_ERROR_NOT_ITERABLE);
}

static void
test_reduce_preserves_the_timeout_kwarg (void)
{
  g_autoptr(PykkaFuture) future = pykka_future_new ();
  g_autoptr(PykkaFuture) reduced = pykka_future_reduce (future, add, NULL, NULL, NULL);
  Counter counter = { .mode = HOOK_RETURN_INT, .value = 1 };
  g_autoptr(PykkaFuture) hooked = hook_future_new (&counter);
  g_autoptr(PykkaFuture) hooked_reduced = pykka_future_reduce (hooked, add, NULL, NULL, NULL);
  g_autoptr(GError) error = NULL;
  const int items[] = { 1, 2, 3, 4 };

  g_test_summary ("reduce passes the caller's timeout to the source's get; a TIMEOUT is not "
                  "cached");

  assert_get_times_out (reduced, 0);
  future_set_int_list (future, items, G_N_ELEMENTS (items));
  g_assert_cmpint (future_get_int (reduced, 0), ==, 10);

  error = assert_get_fails (hooked_reduced, 6789123, PYKKA_ERROR, PYKKA_ERROR_NOT_ITERABLE);
  g_assert_cmpint (counter.last_timeout, ==, 6789123);
}

static void
test_reduce_reuses_result_if_called_multiple_times (void)
{
  Counter counter = { 0 };
  g_autoptr(PykkaFuture) future = pykka_future_new ();
  g_autoptr(PykkaFuture) reduced = pykka_future_reduce (future, add, NULL, &counter, NULL);
  const int items[] = { 1, 2, 3 };

  g_test_summary ("reduce runs func for one reduction only (n-1 calls), however many gets");

  future_set_int_list (future, items, G_N_ELEMENTS (items));
  g_assert_cmpint (g_atomic_int_get (&counter.calls), ==, 0);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpint (future_get_int (reduced, 0), ==, 6);
  g_assert_cmpint (g_atomic_int_get (&counter.calls), ==, 2);
}

static void
test_reduce_of_empty_list (void)
{
  Counter with_counter = { 0 };
  Counter without_counter = { 0 };
  g_autoptr(PykkaFuture) future = pykka_future_new ();
  g_autoptr(PykkaFuture) with_initial = NULL;
  g_autoptr(PykkaFuture) without_initial = NULL;
  g_auto(GValue) initial = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;

  g_test_summary ("reduce of an empty list gives the initial value, or INVALID_ARGUMENT "
                  "without one; func never runs");

  g_value_init (&initial, G_TYPE_INT);
  g_value_set_int (&initial, 5);
  with_initial = pykka_future_reduce (future, add, &initial, &with_counter, NULL);
  without_initial = pykka_future_reduce (future, add, NULL, &without_counter, NULL);

  future_set_int_list (future, NULL, 0);
  g_assert_cmpint (future_get_int (with_initial, 0), ==, 5);
  error = assert_get_fails (without_initial, 0, PYKKA_ERROR, PYKKA_ERROR_INVALID_ARGUMENT);

  g_assert_cmpint (g_atomic_int_get (&with_counter.calls), ==, 0);
  g_assert_cmpint (g_atomic_int_get (&without_counter.calls), ==, 0);
}

static void
test_reduce_of_one_element (void)
{
  Counter counter = { 0 };
  g_autoptr(PykkaFuture) future = pykka_future_new ();
  g_autoptr(PykkaFuture) reduced = pykka_future_reduce (future, add, NULL, &counter, NULL);

  g_test_summary ("reduce of a one-element list without an initial value gives that element "
                  "without calling func");

  future_set_int_list (future, (const int[]) { 9 }, 1);
  g_assert_cmpint (future_get_int (reduced, 0), ==, 9);
  g_assert_cmpint (g_atomic_int_get (&counter.calls), ==, 0);
}

static void
test_reduce_error_is_cached (void)
{
  Counter counter = { 0 };
  g_autoptr(PykkaFuture) future = pykka_future_new ();
  g_autoptr(PykkaFuture) reduced = pykka_future_reduce (future, reduce_fails, NULL, &counter,
                                                        NULL);
  const int items[] = { 1, 2, 3 };

  g_test_summary ("An error from the reduce function ends the reduction and is the future's "
                  "error at every get");

  future_set_int_list (future, items, G_N_ELEMENTS (items));
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(GError) error = assert_get_fails (reduced, 0, TEST_ERROR, TEST_ERROR_NAME);

      g_assert_cmpstr (error->message, ==, "reduce failure");
    }
  g_assert_cmpint (g_atomic_int_get (&counter.calls), ==, 1);
}

/* ---------------------------------------------------------------------------------------- */
/* Preconditions: NULL or wrong-type arguments are programmer errors (CRITICAL)             */

static void
expect_critical (void)
{
  g_test_expect_message ("pykka", G_LOG_LEVEL_CRITICAL, "*assertion*failed*");
}

static void
test_bad_input_get (void)
{
  g_autoptr(GObject) not_a_future = g_object_new (G_TYPE_OBJECT, NULL);
  g_autoptr(PykkaFuture) future = pykka_future_new ();
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;

  g_test_summary ("pykka_future_get rejects a NULL or non-future self and a NULL value");

  pykka_test_future_set_int (future, 1);

  expect_critical ();
  g_assert_false (pykka_future_get (NULL, 0, &value, &error));
  g_test_assert_expected_messages ();

  expect_critical ();
  g_assert_false (pykka_future_get ((PykkaFuture *) not_a_future, 0, &value, &error));
  g_test_assert_expected_messages ();

  expect_critical ();
  g_assert_false (pykka_future_get (future, 0, NULL, &error));
  g_test_assert_expected_messages ();

  g_assert_no_error (error);
}

static void
test_bad_input_set (void)
{
  g_autoptr(GObject) not_a_future = g_object_new (G_TYPE_OBJECT, NULL);
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;

  g_test_summary ("pykka_future_set rejects a NULL or non-future self");

  g_value_init (&value, G_TYPE_INT);

  expect_critical ();
  g_assert_false (pykka_future_set (NULL, &value, &error));
  g_test_assert_expected_messages ();

  expect_critical ();
  g_assert_false (pykka_future_set ((PykkaFuture *) not_a_future, &value, &error));
  g_test_assert_expected_messages ();

  g_assert_no_error (error);
}

static void
test_bad_input_set_error (void)
{
  g_autoptr(GObject) not_a_future = g_object_new (G_TYPE_OBJECT, NULL);
  g_autoptr(PykkaFuture) future = pykka_future_new ();
  g_autoptr(GError) raised = g_error_new_literal (TEST_ERROR, TEST_ERROR_NAME, "x");
  g_autoptr(GError) error = NULL;

  g_test_summary ("pykka_future_set_error rejects a NULL or non-future self and a NULL error; "
                  "the future stays unset");

  expect_critical ();
  g_assert_false (pykka_future_set_error (NULL, raised, &error));
  g_test_assert_expected_messages ();

  expect_critical ();
  g_assert_false (pykka_future_set_error ((PykkaFuture *) not_a_future, raised, &error));
  g_test_assert_expected_messages ();

  expect_critical ();
  g_assert_false (pykka_future_set_error (future, NULL, &error));
  g_test_assert_expected_messages ();

  g_assert_no_error (error);
  g_assert_false (pykka_future_is_done (future));
}

static void
test_bad_input_set_get_hook (void)
{
  g_autoptr(GObject) not_a_future = g_object_new (G_TYPE_OBJECT, NULL);
  g_autoptr(PykkaFuture) future = pykka_future_new ();
  Counter counter = { .mode = HOOK_RETURN_INT, .value = 1 };
  g_autoptr(GError) error = NULL;

  g_test_summary ("pykka_future_set_get_hook rejects a NULL or non-future self and a NULL "
                  "hook; the future stays unset");

  expect_critical ();
  g_assert_false (pykka_future_set_get_hook (NULL, counting_hook, &counter, NULL, &error));
  g_test_assert_expected_messages ();

  expect_critical ();
  g_assert_false (pykka_future_set_get_hook ((PykkaFuture *) not_a_future, counting_hook,
                                             &counter, NULL, &error));
  g_test_assert_expected_messages ();

  expect_critical ();
  g_assert_false (pykka_future_set_get_hook (future, NULL, &counter, NULL, &error));
  g_test_assert_expected_messages ();

  g_assert_no_error (error);
  assert_get_times_out (future, 0);
  g_assert_cmpint (g_atomic_int_get (&counter.calls), ==, 0);
}

static void
test_bad_input_is_done (void)
{
  g_autoptr(GObject) not_a_future = g_object_new (G_TYPE_OBJECT, NULL);

  g_test_summary ("pykka_future_is_done rejects a NULL or non-future self");

  expect_critical ();
  g_assert_false (pykka_future_is_done (NULL));
  g_test_assert_expected_messages ();

  expect_critical ();
  g_assert_false (pykka_future_is_done ((PykkaFuture *) not_a_future));
  g_test_assert_expected_messages ();
}

/* A combinator called with bad input may return NULL or a failed future; either is fine, as
 * long as the CRITICAL was emitted. */
static void
drop_future (PykkaFuture *future)
{
  g_clear_object (&future);
}

static void
test_bad_input_map (void)
{
  g_autoptr(GObject) not_a_future = g_object_new (G_TYPE_OBJECT, NULL);
  g_autoptr(PykkaFuture) future = pykka_future_new ();

  g_test_summary ("pykka_future_map rejects a NULL or non-future self and a NULL func");

  expect_critical ();
  drop_future (pykka_future_map (NULL, add_ten, NULL, NULL));
  g_test_assert_expected_messages ();

  expect_critical ();
  drop_future (pykka_future_map ((PykkaFuture *) not_a_future, add_ten, NULL, NULL));
  g_test_assert_expected_messages ();

  expect_critical ();
  drop_future (pykka_future_map (future, NULL, NULL, NULL));
  g_test_assert_expected_messages ();
}

static void
test_bad_input_filter (void)
{
  g_autoptr(GObject) not_a_future = g_object_new (G_TYPE_OBJECT, NULL);
  g_autoptr(PykkaFuture) future = pykka_future_new ();

  g_test_summary ("pykka_future_filter rejects a NULL or non-future self and a NULL func");

  expect_critical ();
  drop_future (pykka_future_filter (NULL, greater_than_ten, NULL, NULL));
  g_test_assert_expected_messages ();

  expect_critical ();
  drop_future (pykka_future_filter ((PykkaFuture *) not_a_future, greater_than_ten, NULL,
                                    NULL));
  g_test_assert_expected_messages ();

  expect_critical ();
  drop_future (pykka_future_filter (future, NULL, NULL, NULL));
  g_test_assert_expected_messages ();
}

static void
test_bad_input_reduce (void)
{
  g_autoptr(GObject) not_a_future = g_object_new (G_TYPE_OBJECT, NULL);
  g_autoptr(PykkaFuture) future = pykka_future_new ();

  g_test_summary ("pykka_future_reduce rejects a NULL or non-future self and a NULL func");

  expect_critical ();
  drop_future (pykka_future_reduce (NULL, add, NULL, NULL, NULL));
  g_test_assert_expected_messages ();

  expect_critical ();
  drop_future (pykka_future_reduce ((PykkaFuture *) not_a_future, add, NULL, NULL, NULL));
  g_test_assert_expected_messages ();

  expect_critical ();
  drop_future (pykka_future_reduce (future, NULL, NULL, NULL, NULL));
  g_test_assert_expected_messages ();
}

static void
test_bad_input_join (void)
{
  g_autoptr(GObject) not_a_future = g_object_new (G_TYPE_OBJECT, NULL);
  g_autoptr(PykkaFuture) future = pykka_future_new ();
  g_autoptr(PykkaFuture) other = pykka_future_new ();
  PykkaFuture *others[] = { other };
  PykkaFuture *null_member[] = { other, NULL };
  PykkaFuture *wrong_member[] = { other, (PykkaFuture *) not_a_future };

  g_test_summary ("pykka_future_join rejects a NULL or non-future self, a NULL array with a "
                  "non-zero length, and a NULL or non-future element");

  expect_critical ();
  drop_future (pykka_future_join (NULL, others, 1));
  g_test_assert_expected_messages ();

  expect_critical ();
  drop_future (pykka_future_join ((PykkaFuture *) not_a_future, others, 1));
  g_test_assert_expected_messages ();

  expect_critical ();
  drop_future (pykka_future_join (future, NULL, 1));
  g_test_assert_expected_messages ();

  expect_critical ();
  drop_future (pykka_future_join (future, null_member, G_N_ELEMENTS (null_member)));
  g_test_assert_expected_messages ();

  expect_critical ();
  drop_future (pykka_future_join (future, wrong_member, G_N_ELEMENTS (wrong_member)));
  g_test_assert_expected_messages ();
}

static void
test_bad_input_get_all (void)
{
  g_autoptr(GObject) not_a_future = g_object_new (G_TYPE_OBJECT, NULL);
  g_autoptr(PykkaFuture) future = pykka_future_new ();
  PykkaFuture *futures[] = { future };
  PykkaFuture *null_member[] = { future, NULL };
  PykkaFuture *wrong_member[] = { future, (PykkaFuture *) not_a_future };
  g_autoptr(GPtrArray) values = NULL;
  g_autoptr(GError) error = NULL;

  g_test_summary ("pykka_future_get_all rejects a NULL array with a non-zero length and a "
                  "NULL or non-future element; a NULL values pointer is allowed");

  pykka_test_future_set_int (future, 1);

  expect_critical ();
  g_assert_false (pykka_future_get_all (NULL, 1, 0, &values, &error));
  g_test_assert_expected_messages ();

  expect_critical ();
  g_assert_false (pykka_future_get_all (null_member, G_N_ELEMENTS (null_member), 0, &values,
                                        &error));
  g_test_assert_expected_messages ();

  expect_critical ();
  g_assert_false (pykka_future_get_all (wrong_member, G_N_ELEMENTS (wrong_member), 0, &values,
                                        &error));
  g_test_assert_expected_messages ();

  g_assert_no_error (error);
  g_assert_null (values);

  /* @values is (optional): NULL only checks that every future has a value. */
  g_assert_true (pykka_future_get_all (futures, G_N_ELEMENTS (futures), 0, NULL, &error));
  g_assert_no_error (error);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  pykka_test_init (&argc, &argv);

  /* Single assignment */
  g_test_add_func ("/future/set-multiple-times-fails", test_set_multiple_times_fails);
  g_test_add_func ("/future/set-after-set-error-fails", test_set_after_set_error_fails);
  g_test_add_func ("/future/set-error-after-set-fails", test_set_error_after_set_fails);
  g_test_add_func ("/future/set-none", test_set_none);
  g_test_add_func ("/future/set-copies-the-value", test_set_copies_the_value);
  g_test_add_func ("/future/is-done", test_is_done);

  /* get */
  g_test_add_func ("/future/get-timeout-on-unset-future", test_get_timeout_on_unset_future);
  g_test_add_func ("/future/failed-get-leaves-none", test_failed_get_leaves_none);
  g_test_add_func ("/future/get-returns-the-same-value-every-time",
                   test_get_returns_the_same_value_every_time);
  g_test_add_func ("/future/get-raises-exception-with-full-traceback",
                   test_get_raises_exception_with_full_traceback);
  g_test_add_func ("/future/future-in-future-works", test_future_in_future_works);
  g_test_add_func ("/future/get-blocks-until-set", test_get_blocks_until_set);
  g_test_add_func ("/future/get-from-many-threads-receives-the-same-value",
                   test_get_from_many_threads_receives_the_same_value);
  g_test_add_func ("/future/get-from-many-threads-receives-the-same-error",
                   test_get_from_many_threads_receives_the_same_error);

  /* Get hook */
  g_test_add_func ("/future/get-hook-is-called-lazily-with-the-timeout",
                   test_get_hook_is_called_lazily_with_the_timeout);
  g_test_add_func ("/future/get-hook-is-only-called-once-even-if-result-is-none",
                   test_get_hook_is_only_called_once_even_if_result_is_none);
  g_test_add_func ("/future/set-is-not-allowed-on-future-with-get-hook",
                   test_set_is_not_allowed_on_future_with_get_hook);
  g_test_add_func ("/future/set-exception-is-not-allowed-on-future-with-get-hook",
                   test_set_exception_is_not_allowed_on_future_with_get_hook);
  g_test_add_func ("/future/set-hook-is-not-allowed-on-future-with-result",
                   test_set_hook_is_not_allowed_on_future_with_result);
  g_test_add_func ("/future/set-hook-twice-fails", test_set_hook_twice_fails);
  g_test_add_func ("/future/get-hook-timeout-is-retried", test_get_hook_timeout_is_retried);
  g_test_add_func ("/future/get-hook-error-is-cached", test_get_hook_error_is_cached);
  g_test_add_func ("/future/get-hook-runs-once-for-many-threads",
                   test_get_hook_runs_once_for_many_threads);
  g_test_add_func ("/future/user-data-is-destroyed-once", test_user_data_is_destroyed_once);

  /* get_all */
  g_test_add_func ("/future/get-all-blocks-until-all-futures-are-available",
                   test_get_all_blocks_until_all_futures_are_available);
  g_test_add_func ("/future/get-all-raises-timeout-if-not-all-futures-are-available",
                   test_get_all_raises_timeout_if_not_all_futures_are_available);
  g_test_add_func ("/future/get-all-can-be-called-multiple-times",
                   test_get_all_can_be_called_multiple_times);
  g_test_add_func ("/future/get-all-of-no-futures", test_get_all_of_no_futures);
  g_test_add_func ("/future/get-all-raises-the-error-of-a-failed-future",
                   test_get_all_raises_the_error_of_a_failed_future);
  g_test_add_func ("/future/get-all-passes-the-timeout-to-every-future",
                   test_get_all_passes_the_timeout_to_every_future);

  /* filter */
  g_test_add_func ("/future/filter-excludes-items-not-matching-predicate",
                   test_filter_excludes_items_not_matching_predicate);
  g_test_add_func ("/future/filter-on-noniterable", test_filter_on_noniterable);
  g_test_add_func ("/future/filter-preserves-the-timeout-kwarg",
                   test_filter_preserves_the_timeout_kwarg);
  g_test_add_func ("/future/filter-reuses-result-if-called-multiple-times",
                   test_filter_reuses_result_if_called_multiple_times);
  g_test_add_func ("/future/filter-error-is-cached", test_filter_error_is_cached);

  /* join */
  g_test_add_func ("/future/join-combines-multiple-futures-into-one",
                   test_join_combines_multiple_futures_into_one);
  g_test_add_func ("/future/join-preserves-timeout-kwarg", test_join_preserves_timeout_kwarg);

  /* map */
  g_test_add_func ("/future/map-returns-future-which-passes-result-through-func",
                   test_map_returns_future_which_passes_result_through_func);
  g_test_add_func ("/future/map-works-on-dict", test_map_works_on_dict);
  g_test_add_func ("/future/map-does-not-map-each-value-in-futures-iterable-result",
                   test_map_does_not_map_each_value_in_futures_iterable_result);
  g_test_add_func ("/future/map-preserves-timeout-kwarg", test_map_preserves_timeout_kwarg);
  g_test_add_func ("/future/map-reuses-result-if-called-multiple-times",
                   test_map_reuses_result_if_called_multiple_times);
  g_test_add_func ("/future/map-error-is-cached", test_map_error_is_cached);

  /* reduce */
  g_test_add_func ("/future/reduce-applies-function-cumulatively-from-the-left",
                   test_reduce_applies_function_cumulatively_from_the_left);
  g_test_add_func ("/future/reduce-accepts-an-initial-value",
                   test_reduce_accepts_an_initial_value);
  g_test_add_func ("/future/reduce-on-noniterable", test_reduce_on_noniterable);
  g_test_add_func ("/future/reduce-preserves-the-timeout-kwarg",
                   test_reduce_preserves_the_timeout_kwarg);
  g_test_add_func ("/future/reduce-reuses-result-if-called-multiple-times",
                   test_reduce_reuses_result_if_called_multiple_times);
  g_test_add_func ("/future/reduce-of-empty-list", test_reduce_of_empty_list);
  g_test_add_func ("/future/reduce-of-one-element", test_reduce_of_one_element);
  g_test_add_func ("/future/reduce-error-is-cached", test_reduce_error_is_cached);

  /* Preconditions */
  g_test_add_func ("/future/bad-input/get", test_bad_input_get);
  g_test_add_func ("/future/bad-input/set", test_bad_input_set);
  g_test_add_func ("/future/bad-input/set-error", test_bad_input_set_error);
  g_test_add_func ("/future/bad-input/set-get-hook", test_bad_input_set_get_hook);
  g_test_add_func ("/future/bad-input/is-done", test_bad_input_is_done);
  g_test_add_func ("/future/bad-input/map", test_bad_input_map);
  g_test_add_func ("/future/bad-input/filter", test_bad_input_filter);
  g_test_add_func ("/future/bad-input/reduce", test_bad_input_reduce);
  g_test_add_func ("/future/bad-input/join", test_bad_input_join);
  g_test_add_func ("/future/bad-input/get-all", test_bad_input_get_all);

  return g_test_run ();
}
