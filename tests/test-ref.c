/* test-ref.c: actor references (Pykka's tests/test_ref.py)
 *
 * SPDX-FileCopyrightText: 2026 The pykka-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Pykka's four repr tests ("<ActorRef for {ref}>") have no C counterpart: a ref has one string
 * form, pykka_actor_ref_to_string (), which the str tests cover.
 */

#include "pykka-test-utils.h"

#include <string.h>

#define WAIT_US (5 * G_TIME_SPAN_SECOND)

/* ActorA: answers "ping" with "pong" after 10 ms; stores any other message in its future. */

#define ACTOR_TYPE_A (actor_a_get_type ())
G_DECLARE_FINAL_TYPE (ActorA, actor_a, ACTOR, A, PykkaActor)

struct _ActorA
{
  PykkaActor   parent_instance;
  PykkaFuture *received_message;
};

G_DEFINE_FINAL_TYPE (ActorA, actor_a, PYKKA_TYPE_ACTOR)

static void
actor_a_on_receive (PykkaActor    *actor,
                    const GValue  *message,
                    GValue        *reply,
                    GError       **error)
{
  ActorA *self = ACTOR_A (actor);

  if (G_VALUE_HOLDS_STRING (message) && g_strcmp0 (g_value_get_string (message), "ping") == 0)
    {
      g_usleep (10 * G_TIME_SPAN_MILLISECOND);
      g_value_init (reply, G_TYPE_STRING);
      g_value_set_static_string (reply, "pong");
    }
  else
    {
      pykka_future_set (self->received_message, message, error);
    }
}

static void
actor_a_finalize (GObject *object)
{
  ActorA *self = ACTOR_A (object);

  g_clear_object (&self->received_message);
  G_OBJECT_CLASS (actor_a_parent_class)->finalize (object);
}

static void
actor_a_class_init (ActorAClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = actor_a_finalize;
  PYKKA_ACTOR_CLASS (klass)->on_receive = actor_a_on_receive;
}

static void
actor_a_init (ActorA *self)
{
  self->received_message = pykka_future_new ();
}

/* Fixture: a running ActorA (Pykka's actor_ref fixture) and its received-message future. */

typedef struct
{
  PykkaFuture   *received_message;
  PykkaActorRef *ref;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(ActorA) actor = g_object_new (ACTOR_TYPE_A, NULL);
  g_autoptr(GError) error = NULL;

  fixture->received_message = g_object_ref (actor->received_message);
  fixture->ref = pykka_test_start (PYKKA_ACTOR (actor), &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->ref);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  /* TRUE or FALSE (when the test stopped it already), never an error. */
  pykka_actor_ref_stop (fixture->ref, PYKKA_FOREVER, &error);
  g_assert_no_error (error);
  g_clear_object (&fixture->ref);
  g_clear_object (&fixture->received_message);
}

static void
stop_ref (PykkaActorRef *ref)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pykka_actor_ref_stop (ref, PYKKA_FOREVER, &error));
  g_assert_no_error (error);
}

static char *
expected_not_found (PykkaActorRef *ref)
{
  g_autofree char *ref_string = pykka_actor_ref_to_string (ref);

  return g_strdup_printf ("%s not found", ref_string);
}

/* ------------------------------------------------------------------------------------------ */

static void
test_str_contains_actor_class_name (Fixture       *fixture,
                                    gconstpointer  user_data)
{
  g_autofree char *string = pykka_actor_ref_to_string (fixture->ref);

  g_assert_nonnull (strstr (string, "ActorA"));
}

static void
test_str_contains_actor_urn (Fixture       *fixture,
                             gconstpointer  user_data)
{
  g_autofree char *string = pykka_actor_ref_to_string (fixture->ref);
  const char *urn = pykka_actor_ref_get_actor_urn (fixture->ref);
  g_autofree char *expected = g_strdup_printf ("ActorA (%s)", urn);

  g_assert_nonnull (strstr (string, urn));
  g_assert_cmpstr (string, ==, expected);
}

static void
test_str_is_the_same_as_the_actors (Fixture       *fixture,
                                    gconstpointer  user_data)
{
  g_autoptr(PykkaActor) actor = pykka_actor_ref_dup_actor (fixture->ref);
  g_autofree char *ref_string = pykka_actor_ref_to_string (fixture->ref);
  g_autofree char *actor_string = NULL;

  g_assert_nonnull (actor);
  actor_string = pykka_actor_to_string (actor);
  g_assert_cmpstr (ref_string, ==, actor_string);
}

static void
test_is_alive_returns_true_for_running_actor (Fixture       *fixture,
                                              gconstpointer  user_data)
{
  g_assert_true (pykka_actor_ref_is_alive (fixture->ref));
}

static void
test_is_alive_returns_false_for_dead_actor (Fixture       *fixture,
                                            gconstpointer  user_data)
{
  stop_ref (fixture->ref);
  g_assert_false (pykka_actor_ref_is_alive (fixture->ref));
}

static void
test_stop_returns_true_if_actor_is_stopped (Fixture       *fixture,
                                            gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pykka_actor_ref_stop (fixture->ref, PYKKA_FOREVER, &error));
  g_assert_no_error (error);
}

static void
test_stop_does_not_stop_already_dead_actor (Fixture       *fixture,
                                            gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pykka_actor_ref_stop (fixture->ref, PYKKA_FOREVER, &error));
  g_assert_no_error (error);
  g_assert_false (pykka_actor_ref_stop (fixture->ref, PYKKA_FOREVER, &error));
  g_assert_no_error (error);
}

static void
assert_stop_future_gives (PykkaFuture *future,
                          gboolean     expected)
{
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (future);
  g_assert_true (pykka_future_get (future, WAIT_US, &value, &error));
  g_assert_no_error (error);
  g_assert_true (G_VALUE_HOLDS_BOOLEAN (&value));
  g_assert_cmpint (g_value_get_boolean (&value), ==, expected);
}

static void
test_stop_future_gives_true_then_false (Fixture       *fixture,
                                        gconstpointer  user_data)
{
  g_autoptr(PykkaFuture) first = pykka_actor_ref_stop_future (fixture->ref);
  g_autoptr(PykkaFuture) second = NULL;

  assert_stop_future_gives (first, TRUE);
  g_assert_false (pykka_actor_ref_is_alive (fixture->ref));

  second = pykka_actor_ref_stop_future (fixture->ref);
  assert_stop_future_gives (second, FALSE);
}

static void
test_tell_delivers_message_to_actors_custom_on_receive (Fixture       *fixture,
                                                        gconstpointer  user_data)
{
  g_auto(GValue) message = G_VALUE_INIT;
  g_auto(GValue) received = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;

  pykka_test_value_init_string (&message, "a custom message");
  g_assert_true (pykka_actor_ref_tell (fixture->ref, &message, &error));
  g_assert_no_error (error);

  g_assert_true (pykka_future_get (fixture->received_message, WAIT_US, &received, &error));
  g_assert_no_error (error);
  g_assert_true (G_VALUE_HOLDS_STRING (&received));
  g_assert_cmpstr (g_value_get_string (&received), ==, "a custom message");
}

/* tell-accepts-any-object-as-the-message, one case per value kind (Pykka: 123, 123.456, a dict,
 * a tuple, a list, an exception). */

typedef struct
{
  const char *name;
  void      (*make) (GValue *value);
} ValueCase;

static void
make_int (GValue *value)
{
  g_value_init (value, G_TYPE_INT);
  g_value_set_int (value, 123);
}

static void
make_double (GValue *value)
{
  g_value_init (value, G_TYPE_DOUBLE);
  g_value_set_double (value, 123.456);
}

static void
make_string (GValue *value)
{
  pykka_test_value_init_string (value, "a string");
}

static void
make_variant_dict (GValue *value)
{
  g_autoptr(GVariantDict) dict = g_variant_dict_new (NULL);

  g_variant_dict_insert (dict, "a", "s", "b");
  g_variant_dict_insert (dict, "c", "i", 42);
  g_value_init (value, G_TYPE_VARIANT);
  g_value_set_variant (value, g_variant_dict_end (dict));
}

static void
make_variant_tuple (GValue *value)
{
  g_value_init (value, G_TYPE_VARIANT);
  g_value_set_variant (value, g_variant_new ("(isd)", 1, "two", 3.0));
}

static void
make_list (GValue *value)
{
  g_autoptr(GPtrArray) list = pykka_value_list_new ();

  for (int i = 1; i <= 3; i++)
    {
      g_auto(GValue) element = G_VALUE_INIT;

      g_value_init (&element, G_TYPE_INT);
      g_value_set_int (&element, i);
      pykka_value_list_append (list, &element);
    }
  pykka_value_init_list (value, list);
}

static void
make_error (GValue *value)
{
  g_value_init (value, G_TYPE_ERROR);
  g_value_take_boxed (value, g_error_new_literal (G_FILE_ERROR, G_FILE_ERROR_FAILED,
                                                  "an exception"));
}

static void
assert_values_equal (const GValue *expected,
                     const GValue *actual)
{
  g_assert_cmpstr (G_VALUE_TYPE_NAME (actual), ==, G_VALUE_TYPE_NAME (expected));

  switch (G_VALUE_TYPE (expected))
    {
    case G_TYPE_INT:
      g_assert_cmpint (g_value_get_int (actual), ==, g_value_get_int (expected));
      break;
    case G_TYPE_DOUBLE:
      g_assert_cmpfloat (g_value_get_double (actual), ==, g_value_get_double (expected));
      break;
    case G_TYPE_STRING:
      g_assert_cmpstr (g_value_get_string (actual), ==, g_value_get_string (expected));
      break;
    default:
      if (G_VALUE_HOLDS_VARIANT (expected))
        {
          g_assert_true (g_variant_equal (g_value_get_variant (actual),
                                          g_value_get_variant (expected)));
        }
      else if (G_VALUE_HOLDS (expected, G_TYPE_ERROR))
        {
          const GError *expected_error = g_value_get_boxed (expected);
          const GError *actual_error = g_value_get_boxed (actual);

          g_assert_nonnull (actual_error);
          g_assert_error (actual_error, expected_error->domain, expected_error->code);
          g_assert_cmpstr (actual_error->message, ==, expected_error->message);
        }
      else if (pykka_value_holds_list (expected))
        {
          GPtrArray *expected_list = pykka_value_get_list (expected);
          GPtrArray *actual_list = pykka_value_get_list (actual);

          g_assert_nonnull (actual_list);
          g_assert_cmpuint (actual_list->len, ==, expected_list->len);
          for (guint i = 0; i < expected_list->len; i++)
            assert_values_equal (g_ptr_array_index (expected_list, i),
                                 g_ptr_array_index (actual_list, i));
        }
      else
        {
          g_assert_not_reached ();
        }
    }
}

static const ValueCase value_cases[] = {
  { "int", make_int },
  { "double", make_double },
  { "string", make_string },
  { "variant-dict", make_variant_dict },
  { "variant-tuple", make_variant_tuple },
  { "list", make_list },
  { "error", make_error },
};

static void
test_tell_accepts_any_object_as_the_message (Fixture       *fixture,
                                             gconstpointer  user_data)
{
  const ValueCase *value_case = user_data;
  g_auto(GValue) message = G_VALUE_INIT;
  g_auto(GValue) received = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;

  value_case->make (&message);
  g_assert_true (pykka_actor_ref_tell (fixture->ref, &message, &error));
  g_assert_no_error (error);

  g_assert_true (pykka_future_get (fixture->received_message, WAIT_US, &received, &error));
  g_assert_no_error (error);
  assert_values_equal (&message, &received);
}

static void
test_tell_fails_if_actor_is_stopped (Fixture       *fixture,
                                     gconstpointer  user_data)
{
  g_autofree char *expected = expected_not_found (fixture->ref);
  g_auto(GValue) message = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;

  stop_ref (fixture->ref);
  pykka_test_value_init_string (&message, "a custom message");
  g_assert_false (pykka_actor_ref_tell (fixture->ref, &message, &error));
  g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_ACTOR_DEAD);
  g_assert_cmpstr (error->message, ==, expected);
  g_assert_false (pykka_future_is_done (fixture->received_message));
}

static void
test_ask_blocks_until_response_arrives (Fixture       *fixture,
                                        gconstpointer  user_data)
{
  g_auto(GValue) message = G_VALUE_INIT;
  g_auto(GValue) reply = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;

  pykka_test_value_init_string (&message, "ping");
  g_assert_true (pykka_actor_ref_ask_sync (fixture->ref, &message, PYKKA_FOREVER, &reply,
                                           &error));
  g_assert_no_error (error);
  g_assert_true (G_VALUE_HOLDS_STRING (&reply));
  g_assert_cmpstr (g_value_get_string (&reply), ==, "pong");
}

static void
test_ask_can_timeout_if_blocked_too_long (Fixture       *fixture,
                                          gconstpointer  user_data)
{
  g_auto(GValue) message = G_VALUE_INIT;
  g_auto(GValue) reply = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;

  pykka_test_value_init_string (&message, "ping");
  g_assert_false (pykka_actor_ref_ask_sync (fixture->ref, &message, 0, &reply, &error));
  g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_TIMEOUT);
  /* Even on error the out value is initialised (None). */
  g_assert_true (G_IS_VALUE (&reply));
  g_assert_true (pykka_value_is_none (&reply));
}

static void
test_ask_can_return_future_instead_of_blocking (Fixture       *fixture,
                                                gconstpointer  user_data)
{
  g_auto(GValue) message = G_VALUE_INIT;
  g_auto(GValue) reply = G_VALUE_INIT;
  g_autoptr(PykkaFuture) future = NULL;
  g_autoptr(GError) error = NULL;

  pykka_test_value_init_string (&message, "ping");
  future = pykka_actor_ref_ask (fixture->ref, &message);
  g_assert_nonnull (future);
  g_assert_true (pykka_future_get (future, PYKKA_FOREVER, &reply, &error));
  g_assert_no_error (error);
  g_assert_true (G_VALUE_HOLDS_STRING (&reply));
  g_assert_cmpstr (g_value_get_string (&reply), ==, "pong");
}

static void
test_ask_fails_if_actor_is_stopped (Fixture       *fixture,
                                    gconstpointer  user_data)
{
  g_autofree char *expected = expected_not_found (fixture->ref);
  g_auto(GValue) message = G_VALUE_INIT;
  g_auto(GValue) reply = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;

  stop_ref (fixture->ref);
  pykka_test_value_init_string (&message, "ping");
  g_assert_false (pykka_actor_ref_ask_sync (fixture->ref, &message, WAIT_US, &reply, &error));
  g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_ACTOR_DEAD);
  g_assert_cmpstr (error->message, ==, expected);
}

static void
test_ask_nonblocking_fails_future_if_actor_is_stopped (Fixture       *fixture,
                                                       gconstpointer  user_data)
{
  g_autofree char *expected = expected_not_found (fixture->ref);
  g_auto(GValue) message = G_VALUE_INIT;
  g_auto(GValue) reply = G_VALUE_INIT;
  g_autoptr(PykkaFuture) future = NULL;
  g_autoptr(GError) error = NULL;

  stop_ref (fixture->ref);
  pykka_test_value_init_string (&message, "ping");
  future = pykka_actor_ref_ask (fixture->ref, &message);
  g_assert_nonnull (future);
  g_assert_false (pykka_future_get (future, WAIT_US, &reply, &error));
  g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_ACTOR_DEAD);
  g_assert_cmpstr (error->message, ==, expected);
}

static void
test_hash_and_equal (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(ActorA) other_actor = g_object_new (ACTOR_TYPE_A, NULL);
  g_autoptr(PykkaActorRef) other = NULL;
  g_autoptr(PykkaActorRef) found = NULL;
  g_autoptr(PykkaActor) actor = pykka_actor_ref_dup_actor (fixture->ref);
  g_autoptr(GHashTable) set = g_hash_table_new (pykka_actor_ref_hash, pykka_actor_ref_equal);
  g_autoptr(GError) error = NULL;
  PykkaActorRef *own;

  other = pykka_test_start (PYKKA_ACTOR (other_actor), &error);
  g_assert_no_error (error);

  g_assert_true (pykka_actor_ref_equal (fixture->ref, fixture->ref));
  g_assert_false (pykka_actor_ref_equal (fixture->ref, other));
  g_assert_false (pykka_actor_ref_equal (other, fixture->ref));

  /* The registry and the actor hand out refs equal to the one start returned. */
  found = pykka_actor_registry_get_by_urn (pykka_actor_registry_get_default (),
                                           pykka_actor_ref_get_actor_urn (fixture->ref));
  g_assert_nonnull (found);
  g_assert_true (pykka_actor_ref_equal (fixture->ref, found));
  g_assert_cmpuint (pykka_actor_ref_hash (fixture->ref), ==, pykka_actor_ref_hash (found));
  g_assert_nonnull (actor);
  own = pykka_actor_get_actor_ref (actor);
  g_assert_true (pykka_actor_ref_equal (fixture->ref, own));
  g_assert_cmpuint (pykka_actor_ref_hash (fixture->ref), ==, pykka_actor_ref_hash (own));

  g_hash_table_add (set, fixture->ref);
  g_hash_table_add (set, other);
  g_hash_table_add (set, found);
  g_hash_table_add (set, own);
  g_assert_cmpuint (g_hash_table_size (set), ==, 2);
  g_assert_true (g_hash_table_contains (set, found));
  g_assert_true (g_hash_table_contains (set, other));

  stop_ref (other);
  /* A dead ref keeps its identity. */
  g_assert_true (g_hash_table_contains (set, other));
  g_assert_false (pykka_actor_ref_equal (fixture->ref, other));
}

static void
test_get_actor_type (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_assert_true (pykka_actor_ref_get_actor_type (fixture->ref) == ACTOR_TYPE_A);
  stop_ref (fixture->ref);
  g_assert_true (pykka_actor_ref_get_actor_type (fixture->ref) == ACTOR_TYPE_A);
}

static void
test_get_actor_urn (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(PykkaActor) actor = pykka_actor_ref_dup_actor (fixture->ref);
  g_autofree char *urn = NULL;

  g_assert_nonnull (actor);
  g_assert_true (g_str_has_prefix (pykka_actor_ref_get_actor_urn (fixture->ref), "urn:uuid:"));
  g_assert_cmpstr (pykka_actor_ref_get_actor_urn (fixture->ref), ==,
                   pykka_actor_get_actor_urn (actor));
  urn = g_strdup (pykka_actor_ref_get_actor_urn (fixture->ref));
  g_clear_object (&actor);

  stop_ref (fixture->ref);
  g_assert_cmpstr (pykka_actor_ref_get_actor_urn (fixture->ref), ==, urn);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  pykka_test_init (&argc, &argv);

#define ADD(path, func, data) \
  g_test_add ("/ref/" path, Fixture, data, fixture_set_up, func, fixture_tear_down)

  ADD ("str-contains-actor-class-name", test_str_contains_actor_class_name, NULL);
  ADD ("str-contains-actor-urn", test_str_contains_actor_urn, NULL);
  ADD ("str-is-the-same-as-the-actors", test_str_is_the_same_as_the_actors, NULL);
  ADD ("is-alive-returns-true-for-running-actor", test_is_alive_returns_true_for_running_actor,
       NULL);
  ADD ("is-alive-returns-false-for-dead-actor", test_is_alive_returns_false_for_dead_actor, NULL);
  ADD ("stop-returns-true-if-actor-is-stopped", test_stop_returns_true_if_actor_is_stopped, NULL);
  ADD ("stop-does-not-stop-already-dead-actor", test_stop_does_not_stop_already_dead_actor, NULL);
  ADD ("stop-future-gives-true-then-false", test_stop_future_gives_true_then_false, NULL);
  ADD ("tell-delivers-message-to-actors-custom-on-receive",
       test_tell_delivers_message_to_actors_custom_on_receive, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (value_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/ref/tell-accepts-any-object-as-the-message/%s",
                                               value_cases[i].name);

      g_test_add (path, Fixture, &value_cases[i], fixture_set_up,
                  test_tell_accepts_any_object_as_the_message, fixture_tear_down);
    }
  ADD ("tell-fails-if-actor-is-stopped", test_tell_fails_if_actor_is_stopped, NULL);
  ADD ("ask-blocks-until-response-arrives", test_ask_blocks_until_response_arrives, NULL);
  ADD ("ask-can-timeout-if-blocked-too-long", test_ask_can_timeout_if_blocked_too_long, NULL);
  ADD ("ask-can-return-future-instead-of-blocking",
       test_ask_can_return_future_instead_of_blocking, NULL);
  ADD ("ask-fails-if-actor-is-stopped", test_ask_fails_if_actor_is_stopped, NULL);
  ADD ("ask-nonblocking-fails-future-if-actor-is-stopped",
       test_ask_nonblocking_fails_future_if_actor_is_stopped, NULL);
  ADD ("hash-and-equal", test_hash_and_equal, NULL);
  ADD ("get-actor-type", test_get_actor_type, NULL);
  ADD ("get-actor-urn", test_get_actor_urn, NULL);

#undef ADD

  return g_test_run ();
}
