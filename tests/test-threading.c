/* test-threading.c: the thread-per-actor runtime (Pykka's tests/test_threading_actor.py)
 *
 * SPDX-FileCopyrightText: 2026 The pykka-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Pykka's two daemon-thread tests (test_actor_thread_is_not_daemonic_by_default and
 * test_actor_thread_is_daemonic_if_use_daemon_thread_flag_is_set) have no counterpart: GLib
 * threads have no daemon flag, and pykka-glib does not offer Pykka's use_daemon_thread. Actor
 * threads are always joinable, so an actor always runs on_stop when it is stopped.
 */

#include "pykka-test-utils.h"

#include <string.h>

#define WAIT_US (5 * G_TIME_SPAN_SECOND)

/* RegularActor: records the thread each of its hooks runs on. A message "thread" is answered
 * with the handler's GThread (as a pointer), a message "thread-name" with the thread name the
 * actor sees from inside. */

#define TYPE_REGULAR_ACTOR (regular_actor_get_type ())
G_DECLARE_FINAL_TYPE (RegularActor, regular_actor, REGULAR, ACTOR, PykkaActor)

struct _RegularActor
{
  PykkaActor  parent_instance;
  /* Written on the actor's thread; read by the test after a reply or a stop from the actor
   * (the future orders the accesses). */
  GThread    *on_start_thread;
  GThread    *on_stop_thread;
};

G_DEFINE_FINAL_TYPE (RegularActor, regular_actor, PYKKA_TYPE_ACTOR)

static void
regular_actor_on_start (PykkaActor  *actor,
                        GError     **error)
{
  REGULAR_ACTOR (actor)->on_start_thread = g_thread_self ();
}

static void
regular_actor_on_stop (PykkaActor  *actor,
                       GError     **error)
{
  REGULAR_ACTOR (actor)->on_stop_thread = g_thread_self ();
}

static void
regular_actor_on_receive (PykkaActor    *actor,
                          const GValue  *message,
                          GValue        *reply,
                          GError       **error)
{
  const char *command = G_VALUE_HOLDS_STRING (message) ? g_value_get_string (message) : NULL;

  if (g_strcmp0 (command, "thread") == 0)
    {
      g_value_init (reply, G_TYPE_POINTER);
      g_value_set_pointer (reply, g_thread_self ());
    }
  else if (g_strcmp0 (command, "thread-name") == 0)
    {
      g_value_init (reply, G_TYPE_STRING);
      g_value_set_string (reply, pykka_actor_get_thread_name (actor));
    }
  else
    {
      PYKKA_ACTOR_CLASS (regular_actor_parent_class)->on_receive (actor, message, reply, error);
    }
}

static void
regular_actor_class_init (RegularActorClass *klass)
{
  PykkaActorClass *actor_class = PYKKA_ACTOR_CLASS (klass);

  actor_class->on_start = regular_actor_on_start;
  actor_class->on_stop = regular_actor_on_stop;
  actor_class->on_receive = regular_actor_on_receive;
}

static void
regular_actor_init (RegularActor *self)
{
}

/* An actor type whose name is longer than the 15 bytes Linux keeps of a thread name. */

#define TYPE_ACTOR_WITH_A_RATHER_LONG_TYPE_NAME (actor_with_a_rather_long_type_name_get_type ())
G_DECLARE_FINAL_TYPE (ActorWithARatherLongTypeName, actor_with_a_rather_long_type_name,
                      ACTOR_WITH_A_RATHER_LONG, TYPE_NAME, PykkaActor)

struct _ActorWithARatherLongTypeName
{
  PykkaActor parent_instance;
};

G_DEFINE_FINAL_TYPE (ActorWithARatherLongTypeName, actor_with_a_rather_long_type_name,
                     PYKKA_TYPE_ACTOR)

static void
actor_with_a_rather_long_type_name_class_init (ActorWithARatherLongTypeNameClass *klass)
{
}

static void
actor_with_a_rather_long_type_name_init (ActorWithARatherLongTypeName *self)
{
}

/* ------------------------------------------------------------------------------------------ */
/* Helpers */

static PykkaActorRef *
start (PykkaActor *actor)
{
  g_autoptr(GError) error = NULL;
  PykkaActorRef *ref = pykka_actor_start (actor, &error);

  g_assert_no_error (error);
  g_assert_nonnull (ref);
  return ref;
}

static void
stop (PykkaActorRef *ref)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pykka_actor_ref_stop (ref, PYKKA_FOREVER, &error));
  g_assert_no_error (error);
}

static void
ask_command (PykkaActorRef *ref,
             const char    *command,
             GValue        *reply)
{
  g_auto(GValue) message = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;

  g_value_init (&message, G_TYPE_STRING);
  g_value_set_static_string (&message, command);
  g_assert_true (pykka_actor_ref_ask_sync (ref, &message, WAIT_US, reply, &error));
  g_assert_no_error (error);
}

static GThread *
ask_thread (PykkaActorRef *ref)
{
  g_auto(GValue) reply = G_VALUE_INIT;

  ask_command (ref, "thread", &reply);
  g_assert_true (G_VALUE_HOLDS_POINTER (&reply));
  g_assert_nonnull (g_value_get_pointer (&reply));
  return g_value_get_pointer (&reply);
}

/* Asserts that @name is "{type_name}-{n}" and returns n. */
static guint64
assert_thread_name (const char *name,
                    const char *type_name)
{
  g_autoptr(GError) error = NULL;
  guint64 n = G_MAXUINT64;

  g_assert_nonnull (name);
  g_assert_true (g_str_has_prefix (name, type_name));
  g_assert_cmpint (name[strlen (type_name)], ==, '-');
  g_assert_true (g_ascii_string_to_unsigned (name + strlen (type_name) + 1, 10, 0, G_MAXUINT64,
                                             &n, &error));
  g_assert_no_error (error);
  return n;
}

/* ------------------------------------------------------------------------------------------ */

static void
test_actor_thread_is_named_after_pykka_actor_class (void)
{
  g_autoptr(RegularActor) actor = g_object_new (TYPE_REGULAR_ACTOR, NULL);
  g_autoptr(PykkaActorRef) ref = NULL;
  g_auto(GValue) inside = G_VALUE_INIT;
  const char *name;

  g_assert_null (pykka_actor_get_thread_name (PYKKA_ACTOR (actor)));

  ref = start (PYKKA_ACTOR (actor));
  name = pykka_actor_get_thread_name (PYKKA_ACTOR (actor));
  g_assert_true (g_str_has_prefix (name, "RegularActor"));
  assert_thread_name (name, "RegularActor");

  ask_command (ref, "thread-name", &inside);
  g_assert_true (G_VALUE_HOLDS_STRING (&inside));
  g_assert_cmpstr (g_value_get_string (&inside), ==, name);

  stop (ref);
}

static void
test_actor_thread_name_is_not_truncated (void)
{
  g_autoptr(ActorWithARatherLongTypeName) actor =
    g_object_new (TYPE_ACTOR_WITH_A_RATHER_LONG_TYPE_NAME, NULL);
  g_autoptr(PykkaActorRef) ref = start (PYKKA_ACTOR (actor));

  assert_thread_name (pykka_actor_get_thread_name (PYKKA_ACTOR (actor)),
                      "ActorWithARatherLongTypeName");

  stop (ref);
}

static void
test_handlers_run_on_the_actors_own_thread (void)
{
  g_autoptr(RegularActor) actor = g_object_new (TYPE_REGULAR_ACTOR, NULL);
  g_autoptr(PykkaActorRef) ref = start (PYKKA_ACTOR (actor));
  GThread *main_thread = g_thread_self ();
  GThread *first = ask_thread (ref);

  g_assert_true (first != main_thread);
  for (guint i = 0; i < 10; i++)
    g_assert_true (ask_thread (ref) == first);

  stop (ref);
  g_assert_true (actor->on_start_thread == first);
  g_assert_true (actor->on_stop_thread == first);
}

static void
test_on_start_runs_on_the_actors_thread (void)
{
  g_autoptr(RegularActor) actor = g_object_new (TYPE_REGULAR_ACTOR, NULL);
  g_autoptr(PykkaActorRef) ref = start (PYKKA_ACTOR (actor));
  GThread *receive_thread = ask_thread (ref);

  /* The reply comes after on_start, so on_start_thread is set by now. */
  g_assert_nonnull (actor->on_start_thread);
  g_assert_true (actor->on_start_thread != g_thread_self ());
  g_assert_true (actor->on_start_thread == receive_thread);

  stop (ref);
}

#define N_ACTORS 50

static void
test_many_actors_get_distinct_threads_and_names (void)
{
  g_autoptr(PykkaActorRegistry) registry = pykka_actor_registry_new ();
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) threads = g_hash_table_new (NULL, NULL);
  RegularActor *actors[N_ACTORS];
  PykkaActorRef *refs[N_ACTORS];
  g_autoptr(GError) error = NULL;
  guint64 previous = 0;

  for (guint i = 0; i < N_ACTORS; i++)
    {
      actors[i] = g_object_new (TYPE_REGULAR_ACTOR, "registry", registry, NULL);
      refs[i] = start (PYKKA_ACTOR (actors[i]));
    }
  g_assert_cmpuint (pykka_actor_registry_get_n_actors (registry), ==, N_ACTORS);

  /* All 50 run at once, so their threads are alive together and cannot be the same. */
  for (guint i = 0; i < N_ACTORS; i++)
    {
      const char *name = pykka_actor_get_thread_name (PYKKA_ACTOR (actors[i]));
      GThread *thread = ask_thread (refs[i]);
      guint64 n = assert_thread_name (name, "RegularActor");

      /* The counter is global and counts up, so a later start has a larger n. */
      if (i > 0)
        g_assert_cmpuint (n, >, previous);
      previous = n;

      g_assert_false (g_hash_table_contains (names, name));
      g_hash_table_add (names, (gpointer) name);
      g_assert_true (thread != g_thread_self ());
      g_assert_true (actors[i]->on_start_thread == thread);
      g_assert_false (g_hash_table_contains (threads, thread));
      g_hash_table_add (threads, thread);
    }
  g_assert_cmpuint (g_hash_table_size (names), ==, N_ACTORS);
  g_assert_cmpuint (g_hash_table_size (threads), ==, N_ACTORS);

  g_assert_true (pykka_actor_registry_stop_all (registry, PYKKA_FOREVER, &error));
  g_assert_no_error (error);
  g_hash_table_remove_all (names);
  for (guint i = 0; i < N_ACTORS; i++)
    {
      g_assert_false (pykka_actor_ref_is_alive (refs[i]));
      g_object_unref (refs[i]);
      g_object_unref (actors[i]);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  pykka_test_init (&argc, &argv);

  g_test_add_func ("/threading/actor-thread-is-named-after-pykka-actor-class",
                   test_actor_thread_is_named_after_pykka_actor_class);
  g_test_add_func ("/threading/actor-thread-name-is-not-truncated",
                   test_actor_thread_name_is_not_truncated);
  g_test_add_func ("/threading/handlers-run-on-the-actors-own-thread",
                   test_handlers_run_on_the_actors_own_thread);
  g_test_add_func ("/threading/on-start-runs-on-the-actors-thread",
                   test_on_start_runs_on_the_actors_thread);
  g_test_add_func ("/threading/many-actors-get-distinct-threads-and-names",
                   test_many_actors_get_distinct_threads_and_names);

  return g_test_run ();
}
