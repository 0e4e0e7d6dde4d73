/* test-bad-input.c: wrong arguments are refused without a crash, and misuse gives its error
 *
 * SPDX-FileCopyrightText: 2026 The pykka-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "pykka-test-utils.h"

/* Runs @stmt and asserts that it hit a g_return_if_fail () of the public function @func. */
#define assert_critical(func, stmt) \
  G_STMT_START { \
    g_test_expect_message ("pykka", G_LOG_LEVEL_CRITICAL, func ": assertion*failed*"); \
    stmt; \
    g_test_assert_expected_messages (); \
  } G_STMT_END

#define TEST_BAD_INPUT_ERROR (test_bad_input_error_quark ())
static GQuark test_bad_input_error_quark (void);
G_DEFINE_QUARK (test-bad-input-error-quark, test_bad_input_error)

/* An actor that answers "ping" with "pong" and blocks on "block" until released. */

#define TEST_TYPE_BAD_INPUT_ACTOR (bad_input_actor_get_type ())
G_DECLARE_FINAL_TYPE (BadInputActor, bad_input_actor, TEST, BAD_INPUT_ACTOR, PykkaActor)

struct _BadInputActor
{
  PykkaActor parent_instance;
  PykkaTestEvent *blocking;   /* set by "block" when it runs */
  PykkaTestEvent *release;    /* "block" waits for it */
  PykkaTestEvent *on_stop_was_called;
};

G_DEFINE_FINAL_TYPE (BadInputActor, bad_input_actor, PYKKA_TYPE_ACTOR)

static void
bad_input_actor_on_receive (PykkaActor    *actor,
                            const GValue  *message,
                            GValue        *reply,
                            GError       **error)
{
  BadInputActor *self = TEST_BAD_INPUT_ACTOR (actor);
  const char *command = G_VALUE_HOLDS_STRING (message) ? g_value_get_string (message) : NULL;

  if (g_strcmp0 (command, "ping") == 0)
    {
      g_value_init (reply, G_TYPE_STRING);
      g_value_set_string (reply, "pong");
    }
  else if (g_strcmp0 (command, "block") == 0)
    {
      pykka_test_event_set (self->blocking);
      if (!pykka_test_event_wait (self->release, 5000))
        g_set_error_literal (error, TEST_BAD_INPUT_ERROR, 0, "never released");
    }
  else
    {
      g_set_error (error, TEST_BAD_INPUT_ERROR, 1, "unknown command %s", command);
    }
}

static void
bad_input_actor_on_stop (PykkaActor  *actor,
                         GError     **error)
{
  pykka_test_event_set (TEST_BAD_INPUT_ACTOR (actor)->on_stop_was_called);
}

static void
bad_input_actor_finalize (GObject *object)
{
  BadInputActor *self = TEST_BAD_INPUT_ACTOR (object);

  pykka_test_event_free (self->blocking);
  pykka_test_event_free (self->release);
  pykka_test_event_free (self->on_stop_was_called);

  G_OBJECT_CLASS (bad_input_actor_parent_class)->finalize (object);
}

static void
bad_input_actor_class_init (BadInputActorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  PykkaActorClass *actor_class = PYKKA_ACTOR_CLASS (klass);

  object_class->finalize = bad_input_actor_finalize;
  actor_class->on_receive = bad_input_actor_on_receive;
  actor_class->on_stop = bad_input_actor_on_stop;
}

static void
bad_input_actor_init (BadInputActor *self)
{
  self->blocking = pykka_test_event_new ();
  self->release = pykka_test_event_new ();
  self->on_stop_was_called = pykka_test_event_new ();
}

/* The fixture: one started actor in an isolated registry, plus things of the wrong type. */
typedef struct
{
  PykkaActorRegistry *registry;
  BadInputActor *actor;
  PykkaActorRef *ref;
  PykkaFuture *future;
  GObject *object;       /* a plain GObject: of none of Pykka's types */
  GValue message;        /* "ping" */
  GValue set_value;      /* an initialised value, where an empty one is needed */
  GValue unset_value;    /* a zero-filled, uninitialised value */
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->registry = pykka_actor_registry_new ();
  fixture->actor = g_object_new (TEST_TYPE_BAD_INPUT_ACTOR, "registry", fixture->registry, NULL);
  fixture->ref = pykka_test_start (PYKKA_ACTOR (fixture->actor), &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->ref);
  fixture->future = pykka_future_new ();
  fixture->object = g_object_new (G_TYPE_OBJECT, NULL);
  pykka_test_value_init_string (&fixture->message, "ping");
  g_value_init (&fixture->set_value, G_TYPE_INT);
  g_value_set_int (&fixture->set_value, 7);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pykka_actor_registry_stop_all (fixture->registry, PYKKA_FOREVER, &error));
  g_assert_no_error (error);
  g_value_unset (&fixture->message);
  g_value_unset (&fixture->set_value);
  g_assert_false (G_IS_VALUE (&fixture->unset_value));
  g_clear_object (&fixture->object);
  g_clear_object (&fixture->future);
  g_clear_object (&fixture->ref);
  g_clear_object (&fixture->actor);
  g_clear_object (&fixture->registry);
}

/* The actor still answers: a bad call changed nothing. */
static void
assert_actor_works (Fixture *fixture)
{
  g_auto(GValue) reply = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;

  g_assert_true (pykka_actor_ref_is_alive (fixture->ref));
  g_assert_true (pykka_actor_ref_ask_sync (fixture->ref, &fixture->message, PYKKA_FOREVER,
                                           &reply, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (g_value_get_string (&reply), ==, "pong");
}

/* Callbacks for the combinators; a bad call never runs them. */

static void
hook_func (gint64    timeout_us,
           GValue   *result,
           gpointer  user_data,
           GError  **error)
{
  g_assert_not_reached ();
}

static void
map_func (const GValue  *value,
          GValue        *result,
          gpointer       user_data,
          GError       **error)
{
  g_assert_not_reached ();
}

static gboolean
filter_func (const GValue  *value,
             gpointer       user_data,
             GError       **error)
{
  g_assert_not_reached ();
  return FALSE;
}

static void
reduce_func (const GValue  *accumulator,
             const GValue  *value,
             GValue        *result,
             gpointer       user_data,
             GError       **error)
{
  g_assert_not_reached ();
}

/* pykka-actor.h */

static void
test_actor_functions (Fixture       *fixture,
                      gconstpointer  data)
{
  PykkaActor *wrong = (PykkaActor *) fixture->object;
  PykkaActor *wrong_pykka = (PykkaActor *) fixture->future;
  PykkaActor *actor = PYKKA_ACTOR (fixture->actor);
  g_autoptr(GError) failure = g_error_new_literal (TEST_BAD_INPUT_ERROR, 2, "failure");
  GValue reply = G_VALUE_INIT;
  GError *error = NULL;

  assert_critical ("pykka_actor_start", g_assert_null (pykka_actor_start (NULL, &error)));
  assert_critical ("pykka_actor_start", g_assert_null (pykka_actor_start (wrong, &error)));
  assert_critical ("pykka_actor_start", g_assert_null (pykka_actor_start (wrong_pykka, &error)));
  g_assert_no_error (error);

  assert_critical ("pykka_actor_stop", g_assert_false (pykka_actor_stop (NULL, &error)));
  assert_critical ("pykka_actor_stop", g_assert_false (pykka_actor_stop (wrong, &error)));
  g_assert_no_error (error);

  assert_critical ("pykka_actor_get_actor_ref", g_assert_null (pykka_actor_get_actor_ref (NULL)));
  assert_critical ("pykka_actor_get_actor_ref", g_assert_null (pykka_actor_get_actor_ref (wrong)));

  assert_critical ("pykka_actor_get_actor_urn", g_assert_null (pykka_actor_get_actor_urn (NULL)));
  assert_critical ("pykka_actor_get_actor_urn", g_assert_null (pykka_actor_get_actor_urn (wrong)));

  assert_critical ("pykka_actor_get_registry", g_assert_null (pykka_actor_get_registry (NULL)));
  assert_critical ("pykka_actor_get_registry", g_assert_null (pykka_actor_get_registry (wrong)));

  assert_critical ("pykka_actor_to_string", g_assert_null (pykka_actor_to_string (NULL)));
  assert_critical ("pykka_actor_to_string", g_assert_null (pykka_actor_to_string (wrong)));

  assert_critical ("pykka_actor_get_thread_name",
                   g_assert_null (pykka_actor_get_thread_name (NULL)));
  assert_critical ("pykka_actor_get_thread_name",
                   g_assert_null (pykka_actor_get_thread_name (wrong)));

  assert_critical ("pykka_actor_on_start", pykka_actor_on_start (NULL, &error));
  assert_critical ("pykka_actor_on_start", pykka_actor_on_start (wrong, &error));
  assert_critical ("pykka_actor_on_stop", pykka_actor_on_stop (NULL, &error));
  assert_critical ("pykka_actor_on_stop", pykka_actor_on_stop (wrong, &error));
  assert_critical ("pykka_actor_on_failure", pykka_actor_on_failure (NULL, failure, &error));
  assert_critical ("pykka_actor_on_failure", pykka_actor_on_failure (wrong, failure, &error));
  assert_critical ("pykka_actor_on_failure", pykka_actor_on_failure (actor, NULL, &error));
  g_assert_no_error (error);

  assert_critical ("pykka_actor_on_receive",
                   pykka_actor_on_receive (NULL, &fixture->message, &reply, &error));
  assert_critical ("pykka_actor_on_receive",
                   pykka_actor_on_receive (wrong, &fixture->message, &reply, &error));
  assert_critical ("pykka_actor_on_receive",
                   pykka_actor_on_receive (actor, NULL, &reply, &error));
  assert_critical ("pykka_actor_on_receive",
                   pykka_actor_on_receive (actor, &fixture->unset_value, &reply, &error));
  assert_critical ("pykka_actor_on_receive",
                   pykka_actor_on_receive (actor, &fixture->message, NULL, &error));
  assert_critical ("pykka_actor_on_receive",
                   pykka_actor_on_receive (actor, &fixture->message, &fixture->set_value,
                                           &error));
  g_assert_false (G_IS_VALUE (&reply));
  g_assert_cmpint (g_value_get_int (&fixture->set_value), ==, 7);
  g_assert_no_error (error);

  assert_critical ("pykka_actor_call",
                   pykka_actor_call (NULL, "method", NULL, 0, &reply, &error));
  assert_critical ("pykka_actor_call",
                   pykka_actor_call (wrong, "method", NULL, 0, &reply, &error));
  assert_critical ("pykka_actor_call",
                   pykka_actor_call (actor, NULL, NULL, 0, &reply, &error));
  assert_critical ("pykka_actor_call",
                   pykka_actor_call (actor, "method", NULL, 2, &reply, &error));
  assert_critical ("pykka_actor_call",
                   pykka_actor_call (actor, "method", NULL, 0, NULL, &error));
  assert_critical ("pykka_actor_call",
                   pykka_actor_call (actor, "method", NULL, 0, &fixture->set_value, &error));
  g_assert_false (G_IS_VALUE (&reply));
  g_assert_no_error (error);

  assert_actor_works (fixture);
}

/* pykka-actor-ref.h */

static void
test_actor_ref_functions (Fixture       *fixture,
                          gconstpointer  data)
{
  PykkaActorRef *wrong = (PykkaActorRef *) fixture->object;
  PykkaActorRef *wrong_pykka = (PykkaActorRef *) fixture->future;
  PykkaActorRef *ref = fixture->ref;
  GValue reply = G_VALUE_INIT;
  GError *error = NULL;

  assert_critical ("pykka_actor_ref_tell",
                   g_assert_false (pykka_actor_ref_tell (NULL, &fixture->message, &error)));
  assert_critical ("pykka_actor_ref_tell",
                   g_assert_false (pykka_actor_ref_tell (wrong, &fixture->message, &error)));
  assert_critical ("pykka_actor_ref_tell",
                   g_assert_false (pykka_actor_ref_tell (wrong_pykka, &fixture->message,
                                                         &error)));
  assert_critical ("pykka_actor_ref_tell",
                   g_assert_false (pykka_actor_ref_tell (ref, NULL, &error)));
  assert_critical ("pykka_actor_ref_tell",
                   g_assert_false (pykka_actor_ref_tell (ref, &fixture->unset_value, &error)));
  g_assert_no_error (error);
  assert_actor_works (fixture);

  assert_critical ("pykka_actor_ref_ask",
                   g_assert_null (pykka_actor_ref_ask (NULL, &fixture->message)));
  assert_critical ("pykka_actor_ref_ask",
                   g_assert_null (pykka_actor_ref_ask (wrong, &fixture->message)));
  assert_critical ("pykka_actor_ref_ask", g_assert_null (pykka_actor_ref_ask (ref, NULL)));
  assert_critical ("pykka_actor_ref_ask",
                   g_assert_null (pykka_actor_ref_ask (ref, &fixture->unset_value)));
  assert_actor_works (fixture);

  assert_critical ("pykka_actor_ref_ask_sync",
                   g_assert_false (pykka_actor_ref_ask_sync (NULL, &fixture->message,
                                                             PYKKA_FOREVER, &reply, &error)));
  assert_critical ("pykka_actor_ref_ask_sync",
                   g_assert_false (pykka_actor_ref_ask_sync (wrong, &fixture->message,
                                                             PYKKA_FOREVER, &reply, &error)));
  assert_critical ("pykka_actor_ref_ask_sync",
                   g_assert_false (pykka_actor_ref_ask_sync (ref, NULL, PYKKA_FOREVER, &reply,
                                                             &error)));
  assert_critical ("pykka_actor_ref_ask_sync",
                   g_assert_false (pykka_actor_ref_ask_sync (ref, &fixture->unset_value,
                                                             PYKKA_FOREVER, &reply, &error)));
  assert_critical ("pykka_actor_ref_ask_sync",
                   g_assert_false (pykka_actor_ref_ask_sync (ref, &fixture->message,
                                                             PYKKA_FOREVER, NULL, &error)));
  assert_critical ("pykka_actor_ref_ask_sync",
                   g_assert_false (pykka_actor_ref_ask_sync (ref, &fixture->message,
                                                             PYKKA_FOREVER, &fixture->set_value,
                                                             &error)));
  g_assert_false (G_IS_VALUE (&reply));
  g_assert_cmpint (g_value_get_int (&fixture->set_value), ==, 7);
  g_assert_no_error (error);
  assert_actor_works (fixture);

  assert_critical ("pykka_actor_ref_stop",
                   g_assert_false (pykka_actor_ref_stop (NULL, PYKKA_FOREVER, &error)));
  assert_critical ("pykka_actor_ref_stop",
                   g_assert_false (pykka_actor_ref_stop (wrong, PYKKA_FOREVER, &error)));
  g_assert_no_error (error);
  assert_critical ("pykka_actor_ref_stop_future",
                   g_assert_null (pykka_actor_ref_stop_future (NULL)));
  assert_critical ("pykka_actor_ref_stop_future",
                   g_assert_null (pykka_actor_ref_stop_future (wrong)));
  assert_actor_works (fixture);

  assert_critical ("pykka_actor_ref_is_alive", g_assert_false (pykka_actor_ref_is_alive (NULL)));
  assert_critical ("pykka_actor_ref_is_alive", g_assert_false (pykka_actor_ref_is_alive (wrong)));

  assert_critical ("pykka_actor_ref_get_actor_urn",
                   g_assert_null (pykka_actor_ref_get_actor_urn (NULL)));
  assert_critical ("pykka_actor_ref_get_actor_urn",
                   g_assert_null (pykka_actor_ref_get_actor_urn (wrong)));

  assert_critical ("pykka_actor_ref_get_actor_type",
                   g_assert_true (pykka_actor_ref_get_actor_type (NULL) == G_TYPE_INVALID));
  assert_critical ("pykka_actor_ref_get_actor_type",
                   g_assert_true (pykka_actor_ref_get_actor_type (wrong) == G_TYPE_INVALID));

  assert_critical ("pykka_actor_ref_dup_actor", g_assert_null (pykka_actor_ref_dup_actor (NULL)));
  assert_critical ("pykka_actor_ref_dup_actor", g_assert_null (pykka_actor_ref_dup_actor (wrong)));

  assert_critical ("pykka_actor_ref_hash", g_assert_cmpuint (pykka_actor_ref_hash (NULL), ==, 0));
  assert_critical ("pykka_actor_ref_hash", g_assert_cmpuint (pykka_actor_ref_hash (wrong), ==, 0));

  assert_critical ("pykka_actor_ref_equal", g_assert_false (pykka_actor_ref_equal (NULL, ref)));
  assert_critical ("pykka_actor_ref_equal", g_assert_false (pykka_actor_ref_equal (ref, NULL)));
  assert_critical ("pykka_actor_ref_equal", g_assert_false (pykka_actor_ref_equal (wrong, ref)));
  assert_critical ("pykka_actor_ref_equal", g_assert_false (pykka_actor_ref_equal (ref, wrong)));

  assert_critical ("pykka_actor_ref_to_string", g_assert_null (pykka_actor_ref_to_string (NULL)));
  assert_critical ("pykka_actor_ref_to_string", g_assert_null (pykka_actor_ref_to_string (wrong)));

  assert_actor_works (fixture);
}

/* pykka-future.h */

static void
test_future_functions (Fixture       *fixture,
                       gconstpointer  data)
{
  PykkaFuture *wrong = (PykkaFuture *) fixture->object;
  PykkaFuture *wrong_pykka = (PykkaFuture *) fixture->ref;
  PykkaFuture *future = fixture->future;
  g_autoptr(GError) failure = g_error_new_literal (TEST_BAD_INPUT_ERROR, 2, "failure");
  PykkaFuture *with_null[] = { future, NULL };
  PykkaFuture *with_wrong[] = { future, wrong };
  GPtrArray *values = NULL;
  GValue value = G_VALUE_INIT;
  GError *error = NULL;

  assert_critical ("pykka_future_get",
                   g_assert_false (pykka_future_get (NULL, 0, &value, &error)));
  assert_critical ("pykka_future_get",
                   g_assert_false (pykka_future_get (wrong, 0, &value, &error)));
  assert_critical ("pykka_future_get",
                   g_assert_false (pykka_future_get (wrong_pykka, 0, &value, &error)));
  assert_critical ("pykka_future_get",
                   g_assert_false (pykka_future_get (future, 0, NULL, &error)));
  assert_critical ("pykka_future_get",
                   g_assert_false (pykka_future_get (future, 0, &fixture->set_value, &error)));
  g_assert_false (G_IS_VALUE (&value));
  g_assert_cmpint (g_value_get_int (&fixture->set_value), ==, 7);
  g_assert_no_error (error);

  assert_critical ("pykka_future_set",
                   g_assert_false (pykka_future_set (NULL, &fixture->set_value, &error)));
  assert_critical ("pykka_future_set",
                   g_assert_false (pykka_future_set (wrong, &fixture->set_value, &error)));
  assert_critical ("pykka_future_set",
                   g_assert_false (pykka_future_set (future, &fixture->unset_value, &error)));
  g_assert_no_error (error);

  assert_critical ("pykka_future_set_error",
                   g_assert_false (pykka_future_set_error (NULL, failure, &error)));
  assert_critical ("pykka_future_set_error",
                   g_assert_false (pykka_future_set_error (wrong, failure, &error)));
  assert_critical ("pykka_future_set_error",
                   g_assert_false (pykka_future_set_error (future, NULL, &error)));
  g_assert_no_error (error);

  assert_critical ("pykka_future_set_get_hook",
                   g_assert_false (pykka_future_set_get_hook (NULL, hook_func, NULL, NULL,
                                                              &error)));
  assert_critical ("pykka_future_set_get_hook",
                   g_assert_false (pykka_future_set_get_hook (wrong, hook_func, NULL, NULL,
                                                              &error)));
  assert_critical ("pykka_future_set_get_hook",
                   g_assert_false (pykka_future_set_get_hook (future, NULL, NULL, NULL, &error)));
  g_assert_no_error (error);

  assert_critical ("pykka_future_is_done", g_assert_false (pykka_future_is_done (NULL)));
  assert_critical ("pykka_future_is_done", g_assert_false (pykka_future_is_done (wrong)));

  assert_critical ("pykka_future_map",
                   g_assert_null (pykka_future_map (NULL, map_func, NULL, NULL)));
  assert_critical ("pykka_future_map",
                   g_assert_null (pykka_future_map (wrong, map_func, NULL, NULL)));
  assert_critical ("pykka_future_map",
                   g_assert_null (pykka_future_map (future, NULL, NULL, NULL)));

  assert_critical ("pykka_future_filter",
                   g_assert_null (pykka_future_filter (NULL, filter_func, NULL, NULL)));
  assert_critical ("pykka_future_filter",
                   g_assert_null (pykka_future_filter (wrong, filter_func, NULL, NULL)));
  assert_critical ("pykka_future_filter",
                   g_assert_null (pykka_future_filter (future, NULL, NULL, NULL)));

  assert_critical ("pykka_future_reduce",
                   g_assert_null (pykka_future_reduce (NULL, reduce_func, NULL, NULL, NULL)));
  assert_critical ("pykka_future_reduce",
                   g_assert_null (pykka_future_reduce (wrong, reduce_func, NULL, NULL, NULL)));
  assert_critical ("pykka_future_reduce",
                   g_assert_null (pykka_future_reduce (future, NULL, NULL, NULL, NULL)));
  assert_critical ("pykka_future_reduce",
                   g_assert_null (pykka_future_reduce (future, reduce_func,
                                                       &fixture->unset_value, NULL, NULL)));

  assert_critical ("pykka_future_join",
                   g_assert_null (pykka_future_join (NULL, NULL, 0)));
  assert_critical ("pykka_future_join",
                   g_assert_null (pykka_future_join (wrong, NULL, 0)));
  assert_critical ("pykka_future_join",
                   g_assert_null (pykka_future_join (future, NULL, 2)));
  assert_critical ("pykka_future_join",
                   g_assert_null (pykka_future_join (future, (PykkaFuture * const *) with_null,
                                                     2)));
  assert_critical ("pykka_future_join",
                   g_assert_null (pykka_future_join (future, (PykkaFuture * const *) with_wrong,
                                                     2)));

  assert_critical ("pykka_future_get_all",
                   g_assert_false (pykka_future_get_all (NULL, 2, 0, &values, &error)));
  assert_critical ("pykka_future_get_all",
                   g_assert_false (pykka_future_get_all ((PykkaFuture * const *) with_null, 2, 0,
                                                         &values, &error)));
  assert_critical ("pykka_future_get_all",
                   g_assert_false (pykka_future_get_all ((PykkaFuture * const *) with_wrong, 2,
                                                         0, &values, &error)));
  g_assert_null (values);
  g_assert_no_error (error);

  /* None of that touched the future: it can still be set and read once. */
  g_assert_false (pykka_future_is_done (future));
  g_assert_true (pykka_future_set (future, &fixture->set_value, &error));
  g_assert_no_error (error);
  g_assert_true (pykka_future_get (future, 0, &value, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_value_get_int (&value), ==, 7);
  g_value_unset (&value);
}

/* pykka-actor-registry.h */

static void
test_registry_functions (Fixture       *fixture,
                         gconstpointer  data)
{
  PykkaActorRegistry *wrong = (PykkaActorRegistry *) fixture->object;
  PykkaActorRegistry *wrong_pykka = (PykkaActorRegistry *) fixture->ref;
  PykkaActorRegistry *registry = fixture->registry;
  PykkaActorRef *ref = fixture->ref;
  GError *error = NULL;

  assert_critical ("pykka_actor_registry_register", pykka_actor_registry_register (NULL, ref));
  assert_critical ("pykka_actor_registry_register", pykka_actor_registry_register (wrong, ref));
  assert_critical ("pykka_actor_registry_register",
                   pykka_actor_registry_register (registry, NULL));
  assert_critical ("pykka_actor_registry_register",
                   pykka_actor_registry_register (registry,
                                                  (PykkaActorRef *) fixture->future));

  assert_critical ("pykka_actor_registry_unregister",
                   pykka_actor_registry_unregister (NULL, ref));
  assert_critical ("pykka_actor_registry_unregister",
                   pykka_actor_registry_unregister (wrong, ref));
  assert_critical ("pykka_actor_registry_unregister",
                   pykka_actor_registry_unregister (registry, NULL));
  assert_critical ("pykka_actor_registry_unregister",
                   pykka_actor_registry_unregister (registry,
                                                    (PykkaActorRef *) fixture->object));

  assert_critical ("pykka_actor_registry_get_all",
                   g_assert_null (pykka_actor_registry_get_all (NULL)));
  assert_critical ("pykka_actor_registry_get_all",
                   g_assert_null (pykka_actor_registry_get_all (wrong)));
  assert_critical ("pykka_actor_registry_get_all",
                   g_assert_null (pykka_actor_registry_get_all (wrong_pykka)));

  assert_critical ("pykka_actor_registry_get_by_type",
                   g_assert_null (pykka_actor_registry_get_by_type (NULL, PYKKA_TYPE_ACTOR)));
  assert_critical ("pykka_actor_registry_get_by_type",
                   g_assert_null (pykka_actor_registry_get_by_type (wrong, PYKKA_TYPE_ACTOR)));
  assert_critical ("pykka_actor_registry_get_by_type",
                   g_assert_null (pykka_actor_registry_get_by_type (registry, G_TYPE_OBJECT)));
  assert_critical ("pykka_actor_registry_get_by_type",
                   g_assert_null (pykka_actor_registry_get_by_type (registry, G_TYPE_INVALID)));

  assert_critical ("pykka_actor_registry_get_by_type_name",
                   g_assert_null (pykka_actor_registry_get_by_type_name (NULL, "BadInputActor")));
  assert_critical ("pykka_actor_registry_get_by_type_name",
                   g_assert_null (pykka_actor_registry_get_by_type_name (wrong,
                                                                         "BadInputActor")));
  assert_critical ("pykka_actor_registry_get_by_type_name",
                   g_assert_null (pykka_actor_registry_get_by_type_name (registry, NULL)));

  assert_critical ("pykka_actor_registry_get_by_urn",
                   g_assert_null (pykka_actor_registry_get_by_urn (NULL,
                                                                   pykka_actor_ref_get_actor_urn (ref))));
  assert_critical ("pykka_actor_registry_get_by_urn",
                   g_assert_null (pykka_actor_registry_get_by_urn (wrong,
                                                                   pykka_actor_ref_get_actor_urn (ref))));
  assert_critical ("pykka_actor_registry_get_by_urn",
                   g_assert_null (pykka_actor_registry_get_by_urn (registry, NULL)));

  assert_critical ("pykka_actor_registry_broadcast",
                   pykka_actor_registry_broadcast (NULL, &fixture->message, PYKKA_TYPE_ACTOR));
  assert_critical ("pykka_actor_registry_broadcast",
                   pykka_actor_registry_broadcast (wrong, &fixture->message, PYKKA_TYPE_ACTOR));
  assert_critical ("pykka_actor_registry_broadcast",
                   pykka_actor_registry_broadcast (registry, NULL, PYKKA_TYPE_ACTOR));
  assert_critical ("pykka_actor_registry_broadcast",
                   pykka_actor_registry_broadcast (registry, &fixture->unset_value,
                                                   PYKKA_TYPE_ACTOR));
  assert_critical ("pykka_actor_registry_broadcast",
                   pykka_actor_registry_broadcast (registry, &fixture->message, G_TYPE_OBJECT));

  assert_critical ("pykka_actor_registry_broadcast_by_type_name",
                   pykka_actor_registry_broadcast_by_type_name (NULL, &fixture->message,
                                                                "BadInputActor"));
  assert_critical ("pykka_actor_registry_broadcast_by_type_name",
                   pykka_actor_registry_broadcast_by_type_name (wrong, &fixture->message,
                                                                "BadInputActor"));
  assert_critical ("pykka_actor_registry_broadcast_by_type_name",
                   pykka_actor_registry_broadcast_by_type_name (registry, NULL,
                                                                "BadInputActor"));
  assert_critical ("pykka_actor_registry_broadcast_by_type_name",
                   pykka_actor_registry_broadcast_by_type_name (registry, &fixture->message,
                                                                NULL));

  assert_critical ("pykka_actor_registry_stop_all",
                   g_assert_false (pykka_actor_registry_stop_all (NULL, PYKKA_FOREVER, &error)));
  assert_critical ("pykka_actor_registry_stop_all",
                   g_assert_false (pykka_actor_registry_stop_all (wrong, PYKKA_FOREVER, &error)));
  g_assert_no_error (error);

  assert_critical ("pykka_actor_registry_get_n_actors",
                   g_assert_cmpuint (pykka_actor_registry_get_n_actors (NULL), ==, 0));
  assert_critical ("pykka_actor_registry_get_n_actors",
                   g_assert_cmpuint (pykka_actor_registry_get_n_actors (wrong), ==, 0));

  /* The registry still holds the actor, and the actor still answers. */
  g_assert_cmpuint (pykka_actor_registry_get_n_actors (registry), ==, 1);
  {
    g_autoptr(PykkaActorRef) found =
      pykka_actor_registry_get_by_urn (registry, pykka_actor_ref_get_actor_urn (ref));

    g_assert_true (found == ref);
  }
  assert_actor_works (fixture);
}

/* pykka-value.h */

static void
test_value_functions (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) list = pykka_value_list_new ();
  GValue value = G_VALUE_INIT;

  assert_critical ("pykka_value_init_none", pykka_value_init_none (NULL));
  assert_critical ("pykka_value_init_none", pykka_value_init_none (&fixture->set_value));
  g_assert_cmpint (g_value_get_int (&fixture->set_value), ==, 7);

  assert_critical ("pykka_value_is_none", g_assert_false (pykka_value_is_none (NULL)));
  assert_critical ("pykka_value_is_none",
                   g_assert_false (pykka_value_is_none (&fixture->unset_value)));

  assert_critical ("pykka_value_list_append",
                   pykka_value_list_append (NULL, &fixture->set_value));
  assert_critical ("pykka_value_list_append", pykka_value_list_append (list, NULL));
  assert_critical ("pykka_value_list_append",
                   pykka_value_list_append (list, &fixture->unset_value));
  g_assert_cmpuint (list->len, ==, 0);

  assert_critical ("pykka_value_init_list", pykka_value_init_list (NULL, list));
  assert_critical ("pykka_value_init_list", pykka_value_init_list (&value, NULL));
  assert_critical ("pykka_value_init_list", pykka_value_init_list (&fixture->set_value, list));
  g_assert_false (G_IS_VALUE (&value));
  g_assert_cmpint (g_value_get_int (&fixture->set_value), ==, 7);

  assert_critical ("pykka_value_holds_list", g_assert_false (pykka_value_holds_list (NULL)));
  assert_critical ("pykka_value_holds_list",
                   g_assert_false (pykka_value_holds_list (&fixture->unset_value)));

  assert_critical ("pykka_value_get_list", g_assert_null (pykka_value_get_list (NULL)));
  assert_critical ("pykka_value_get_list",
                   g_assert_null (pykka_value_get_list (&fixture->unset_value)));

  /* A value of another type is no list, but no programming error either. */
  g_assert_false (pykka_value_holds_list (&fixture->set_value));
  g_assert_null (pykka_value_get_list (&fixture->set_value));

  /* And the functions still work. */
  pykka_value_list_append (list, &fixture->set_value);
  pykka_value_init_list (&value, list);
  g_assert_true (pykka_value_holds_list (&value));
  g_assert_true (pykka_value_get_list (&value) == list);
  g_value_unset (&value);
  pykka_value_init_none (&value);
  g_assert_true (pykka_value_is_none (&value));
}

/* A set error where a new one would go is a programming error too. */
static void
test_error_already_set (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = g_error_new_literal (TEST_BAD_INPUT_ERROR, 3, "already here");
  PykkaFuture *futures[] = { fixture->future };
  GPtrArray *values = NULL;
  GValue value = G_VALUE_INIT;

  assert_critical ("pykka_actor_ref_tell",
                   g_assert_false (pykka_actor_ref_tell (fixture->ref, &fixture->message,
                                                         &error)));
  assert_critical ("pykka_actor_ref_ask_sync",
                   g_assert_false (pykka_actor_ref_ask_sync (fixture->ref, &fixture->message,
                                                             PYKKA_FOREVER, &value, &error)));
  g_assert_false (G_IS_VALUE (&value));
  assert_critical ("pykka_actor_ref_stop",
                   g_assert_false (pykka_actor_ref_stop (fixture->ref, PYKKA_FOREVER, &error)));
  assert_critical ("pykka_actor_start",
                   g_assert_null (pykka_actor_start (PYKKA_ACTOR (fixture->actor), &error)));
  assert_critical ("pykka_actor_registry_stop_all",
                   g_assert_false (pykka_actor_registry_stop_all (fixture->registry,
                                                                  PYKKA_FOREVER, &error)));
  assert_critical ("pykka_future_set",
                   g_assert_false (pykka_future_set (fixture->future, NULL, &error)));
  assert_critical ("pykka_future_set_error",
                   g_assert_false (pykka_future_set_error (fixture->future, error, &error)));
  assert_critical ("pykka_future_set_get_hook",
                   g_assert_false (pykka_future_set_get_hook (fixture->future, hook_func, NULL,
                                                              NULL, &error)));
  assert_critical ("pykka_future_get",
                   g_assert_false (pykka_future_get (fixture->future, 0, &value, &error)));
  assert_critical ("pykka_future_get_all",
                   g_assert_false (pykka_future_get_all ((PykkaFuture * const *) futures, 1, 0,
                                                         &values, &error)));
  g_assert_null (values);

  /* The old error is untouched, the future unset, and the actor unharmed and running. */
  g_assert_error (error, TEST_BAD_INPUT_ERROR, 3);
  g_assert_false (pykka_future_is_done (fixture->future));
  assert_actor_works (fixture);
}

/* Misuse that is no programming error gives its PykkaError code. */

static void
test_dead_actor (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PykkaFuture) ask_future = NULL;
  g_autoptr(PykkaFuture) stop_future = NULL;
  g_autofree char *not_found = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  g_auto(GValue) stopped = G_VALUE_INIT;

  g_assert_true (pykka_actor_ref_stop (fixture->ref, PYKKA_FOREVER, &error));
  g_assert_no_error (error);
  g_assert_false (pykka_actor_ref_is_alive (fixture->ref));
  {
    g_autofree char *ref_string = pykka_actor_ref_to_string (fixture->ref);

    not_found = g_strdup_printf ("%s not found", ref_string);
  }

  g_assert_false (pykka_actor_ref_tell (fixture->ref, &fixture->message, &error));
  g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_ACTOR_DEAD);
  g_assert_cmpstr (error->message, ==, not_found);
  g_clear_error (&error);

  ask_future = pykka_actor_ref_ask (fixture->ref, &fixture->message);
  g_assert_nonnull (ask_future);
  g_assert_false (pykka_future_get (ask_future, 0, &value, &error));
  g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_ACTOR_DEAD);
  g_assert_cmpstr (error->message, ==, not_found);
  g_assert_true (pykka_value_is_none (&value));
  g_clear_error (&error);
  g_value_unset (&value);

  g_assert_false (pykka_actor_ref_ask_sync (fixture->ref, &fixture->message, PYKKA_FOREVER,
                                            &value, &error));
  g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_ACTOR_DEAD);
  g_assert_true (pykka_value_is_none (&value));
  g_clear_error (&error);

  /* Stopping a dead actor is no error: it answers FALSE. */
  g_assert_false (pykka_actor_ref_stop (fixture->ref, PYKKA_FOREVER, &error));
  g_assert_no_error (error);
  stop_future = pykka_actor_ref_stop_future (fixture->ref);
  g_assert_true (pykka_future_get (stop_future, 0, &stopped, &error));
  g_assert_no_error (error);
  g_assert_true (G_VALUE_HOLDS_BOOLEAN (&stopped));
  g_assert_false (g_value_get_boolean (&stopped));

  /* Stopping from "inside" once the actor is dead. */
  g_assert_false (pykka_actor_stop (PYKKA_ACTOR (fixture->actor), &error));
  g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_ACTOR_DEAD);
  g_clear_error (&error);

  /* Bad calls on a dead ref are refused the same way. */
  assert_critical ("pykka_actor_ref_tell",
                   g_assert_false (pykka_actor_ref_tell (fixture->ref, NULL, &error)));
  g_assert_no_error (error);
}

static void
test_timeout_zero (Fixture       *fixture,
                   gconstpointer  data)
{
  BadInputActor *actor = fixture->actor;
  g_autoptr(GError) error = NULL;
  g_autoptr(PykkaFuture) blocked = NULL;
  g_autoptr(PykkaFuture) second_blocked = NULL;
  g_auto(GValue) block = G_VALUE_INIT;
  g_auto(GValue) value = G_VALUE_INIT;
  PykkaFuture *futures[2];
  GPtrArray *values = NULL;

  /* An unset future. */
  g_assert_false (pykka_future_get (fixture->future, 0, &value, &error));
  g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_TIMEOUT);
  g_assert_true (pykka_value_is_none (&value));
  g_clear_error (&error);
  g_value_unset (&value);

  /* A busy actor. */
  pykka_test_value_init_string (&block, "block");
  blocked = pykka_actor_ref_ask (fixture->ref, &block);
  g_assert_true (pykka_test_event_wait (actor->blocking, 5000));

  g_assert_false (pykka_actor_ref_ask_sync (fixture->ref, &fixture->message, 0, &value, &error));
  g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_TIMEOUT);
  g_assert_true (pykka_value_is_none (&value));
  g_clear_error (&error);
  g_value_unset (&value);

  futures[0] = fixture->future;
  futures[1] = blocked;
  g_assert_true (pykka_future_set (fixture->future, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (pykka_future_get_all ((PykkaFuture * const *) futures, 2, 0, &values, &error));
  g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_TIMEOUT);
  g_assert_null (values);
  g_clear_error (&error);

  /* The actor goes on once released. */
  pykka_test_event_set (actor->release);
  g_assert_true (pykka_future_get (blocked, PYKKA_FOREVER, &value, &error));
  g_assert_no_error (error);
  g_value_unset (&value);
  assert_actor_works (fixture);

  /* A stop that times out is still queued: the actor stops once it is free. */
  g_clear_pointer (&actor->blocking, pykka_test_event_free);
  g_clear_pointer (&actor->release, pykka_test_event_free);
  actor->blocking = pykka_test_event_new ();
  actor->release = pykka_test_event_new ();
  second_blocked = pykka_actor_ref_ask (fixture->ref, &block);
  g_assert_true (pykka_test_event_wait (actor->blocking, 5000));

  g_assert_false (pykka_actor_ref_stop (fixture->ref, 0, &error));
  g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_TIMEOUT);
  g_clear_error (&error);
  g_assert_false (pykka_test_event_is_set (actor->on_stop_was_called));

  pykka_test_event_set (actor->release);
  g_assert_true (pykka_test_event_wait (actor->on_stop_was_called, 5000));
  g_assert_true (pykka_future_get (second_blocked, PYKKA_FOREVER, &value, &error));
  g_assert_no_error (error);
}

static void
test_double_set (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(PykkaFuture) with_error = pykka_future_new ();
  g_autoptr(PykkaFuture) with_hook = pykka_future_new ();
  g_autoptr(GError) failure = g_error_new_literal (TEST_BAD_INPUT_ERROR, 2, "failure");
  g_autoptr(GError) error = NULL;
  g_auto(GValue) other = G_VALUE_INIT;
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&other, G_TYPE_INT);
  g_value_set_int (&other, 8);

  g_assert_true (pykka_future_set (fixture->future, &fixture->set_value, &error));
  g_assert_no_error (error);
  g_assert_false (pykka_future_set (fixture->future, &other, &error));
  g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_ALREADY_SET);
  g_clear_error (&error);
  g_assert_false (pykka_future_set_error (fixture->future, failure, &error));
  g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_ALREADY_SET);
  g_clear_error (&error);
  g_assert_false (pykka_future_set_get_hook (fixture->future, hook_func, NULL, NULL, &error));
  g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_ALREADY_SET);
  g_clear_error (&error);
  g_assert_true (pykka_future_get (fixture->future, 0, &value, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_value_get_int (&value), ==, 7);
  g_value_unset (&value);

  g_assert_true (pykka_future_set_error (with_error, failure, &error));
  g_assert_no_error (error);
  g_assert_false (pykka_future_set (with_error, &other, &error));
  g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_ALREADY_SET);
  g_clear_error (&error);
  g_assert_false (pykka_future_set_error (with_error, failure, &error));
  g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_ALREADY_SET);
  g_clear_error (&error);
  g_assert_false (pykka_future_get (with_error, 0, &value, &error));
  g_assert_error (error, TEST_BAD_INPUT_ERROR, 2);
  g_clear_error (&error);
  g_value_unset (&value);

  g_assert_true (pykka_future_set_get_hook (with_hook, hook_func, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (pykka_future_set_get_hook (with_hook, hook_func, NULL, NULL, &error));
  g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_ALREADY_SET);
  g_clear_error (&error);
  g_assert_false (pykka_future_set (with_hook, &other, &error));
  g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_ALREADY_SET);
  g_clear_error (&error);
  g_assert_false (pykka_future_set_error (with_hook, failure, &error));
  g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_ALREADY_SET);
  g_clear_error (&error);
}

static void
test_second_start (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PykkaActorRef) again = NULL;
  g_autoptr(PykkaActorRef) after_stop = NULL;
  g_autoptr(GPtrArray) all = NULL;

  again = pykka_test_start (PYKKA_ACTOR (fixture->actor), &error);
  g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_ALREADY_STARTED);
  g_assert_null (again);
  g_clear_error (&error);

  /* Still registered once, and still answering. */
  all = pykka_actor_registry_get_all (fixture->registry);
  g_assert_cmpuint (all->len, ==, 1);
  assert_actor_works (fixture);

  /* A stopped actor cannot be started again either. */
  g_assert_true (pykka_actor_ref_stop (fixture->ref, PYKKA_FOREVER, &error));
  g_assert_no_error (error);
  after_stop = pykka_test_start (PYKKA_ACTOR (fixture->actor), &error);
  g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_ALREADY_STARTED);
  g_assert_null (after_stop);
  g_assert_cmpuint (pykka_actor_registry_get_n_actors (fixture->registry), ==, 0);
  g_assert_false (pykka_actor_ref_is_alive (fixture->ref));
}

#define ADD_FIXTURE_TEST(path, func) \
  g_test_add ((path), Fixture, NULL, fixture_setup, (func), fixture_teardown)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  pykka_test_init (&argc, &argv);

  ADD_FIXTURE_TEST ("/bad-input/actor", test_actor_functions);
  ADD_FIXTURE_TEST ("/bad-input/actor-ref", test_actor_ref_functions);
  ADD_FIXTURE_TEST ("/bad-input/future", test_future_functions);
  ADD_FIXTURE_TEST ("/bad-input/registry", test_registry_functions);
  ADD_FIXTURE_TEST ("/bad-input/value", test_value_functions);
  ADD_FIXTURE_TEST ("/bad-input/error-already-set", test_error_already_set);
  ADD_FIXTURE_TEST ("/bad-input/errors/dead-actor", test_dead_actor);
  ADD_FIXTURE_TEST ("/bad-input/errors/timeout-zero", test_timeout_zero);
  ADD_FIXTURE_TEST ("/bad-input/errors/double-set", test_double_set);
  ADD_FIXTURE_TEST ("/bad-input/errors/second-start", test_second_start);

  return g_test_run ();
}
