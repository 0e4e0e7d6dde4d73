/* test-registry.c: the actor registry (Pykka's tests/test_registry.py, v4 form)
 *
 * SPDX-FileCopyrightText: 2026 The pykka-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "pykka-test-utils.h"

#include <gio/gio.h>

/* Every actor that runs on_stop appends its URN here, so that tests can check the order in
 * which a stop_all stopped the actors. */
static GMutex stop_order_lock;
static GPtrArray *stop_order;

static void
stop_order_reset (void)
{
  g_mutex_lock (&stop_order_lock);
  if (stop_order == NULL)
    stop_order = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_set_size (stop_order, 0);
  g_mutex_unlock (&stop_order_lock);
}

static char **
stop_order_dup (void)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  char **result;

  g_mutex_lock (&stop_order_lock);
  for (guint i = 0; stop_order != NULL && i < stop_order->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (stop_order, i));
  g_mutex_unlock (&stop_order_lock);
  result = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return result;
}

/* ActorBase: records every message it receives; ActorA and ActorB subclass it. */

#define TEST_TYPE_ACTOR_BASE (actor_base_get_type ())
G_DECLARE_DERIVABLE_TYPE (ActorBase, actor_base, TEST, ACTOR_BASE, PykkaActor)

struct _ActorBaseClass
{
  PykkaActorClass parent_class;
};

typedef struct
{
  GMutex lock;
  GPtrArray *received_messages;
} ActorBasePrivate;

G_DEFINE_TYPE_WITH_PRIVATE (ActorBase, actor_base, PYKKA_TYPE_ACTOR)

static void
actor_base_on_receive (PykkaActor    *actor,
                       const GValue  *message,
                       GValue        *reply,
                       GError       **error)
{
  ActorBasePrivate *priv = actor_base_get_instance_private (TEST_ACTOR_BASE (actor));
  char *text;

  if (G_VALUE_HOLDS_STRING (message))
    text = g_value_dup_string (message);
  else
    text = g_strdup_value_contents (message);

  g_mutex_lock (&priv->lock);
  g_ptr_array_add (priv->received_messages, text);
  g_mutex_unlock (&priv->lock);

  pykka_value_init_none (reply);
}

static void
actor_base_on_stop (PykkaActor  *actor,
                    GError     **error)
{
  g_mutex_lock (&stop_order_lock);
  g_ptr_array_add (stop_order, g_strdup (pykka_actor_get_actor_urn (actor)));
  g_mutex_unlock (&stop_order_lock);
}

static void
actor_base_finalize (GObject *object)
{
  ActorBasePrivate *priv = actor_base_get_instance_private (TEST_ACTOR_BASE (object));

  g_clear_pointer (&priv->received_messages, g_ptr_array_unref);
  g_mutex_clear (&priv->lock);

  G_OBJECT_CLASS (actor_base_parent_class)->finalize (object);
}

static void
actor_base_class_init (ActorBaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  PykkaActorClass *actor_class = PYKKA_ACTOR_CLASS (klass);

  object_class->finalize = actor_base_finalize;
  actor_class->on_receive = actor_base_on_receive;
  actor_class->on_stop = actor_base_on_stop;
}

static void
actor_base_init (ActorBase *self)
{
  ActorBasePrivate *priv = actor_base_get_instance_private (self);

  g_mutex_init (&priv->lock);
  priv->received_messages = g_ptr_array_new_with_free_func (g_free);
}

/* Whether the actor behind @ref has received @text. The caller makes a blocking ask first,
 * so that (thanks to FIFO order) every earlier message has been handled. */
static gboolean
actor_has_received (PykkaActorRef *ref,
                    const char    *text)
{
  g_autoptr(PykkaActor) actor = pykka_actor_ref_dup_actor (ref);
  ActorBasePrivate *priv;
  gboolean found = FALSE;

  g_assert_nonnull (actor);
  g_assert_true (TEST_IS_ACTOR_BASE (actor));
  priv = actor_base_get_instance_private (TEST_ACTOR_BASE (actor));

  g_mutex_lock (&priv->lock);
  for (guint i = 0; i < priv->received_messages->len; i++)
    if (g_strcmp0 (g_ptr_array_index (priv->received_messages, i), text) == 0)
      found = TRUE;
  g_mutex_unlock (&priv->lock);

  return found;
}

#define TEST_TYPE_ACTOR_A (actor_a_get_type ())
G_DECLARE_FINAL_TYPE (ActorA, actor_a, TEST, ACTOR_A, ActorBase)

struct _ActorA
{
  ActorBase parent_instance;
};

G_DEFINE_FINAL_TYPE (ActorA, actor_a, TEST_TYPE_ACTOR_BASE)

static void
actor_a_class_init (ActorAClass *klass)
{
}

static void
actor_a_init (ActorA *self)
{
}

#define TEST_TYPE_ACTOR_B (actor_b_get_type ())
G_DECLARE_FINAL_TYPE (ActorB, actor_b, TEST, ACTOR_B, ActorBase)

struct _ActorB
{
  ActorBase parent_instance;
};

G_DEFINE_FINAL_TYPE (ActorB, actor_b, TEST_TYPE_ACTOR_BASE)

static void
actor_b_class_init (ActorBClass *klass)
{
}

static void
actor_b_init (ActorB *self)
{
}

/* The fixture: an isolated registry, one A (actor_ref), three A and five B, as Pykka's
 * actor_ref, a_actor_refs and b_actor_refs fixtures. Each test starts what it needs. */

typedef struct
{
  PykkaActorRegistry *registry;
  GPtrArray *a_refs;
  GPtrArray *b_refs;
} Fixture;

static PykkaActorRef *
start_actor (PykkaActorRegistry *registry,
             GType               type)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PykkaActor) actor = g_object_new (type, "registry", registry, NULL);
  PykkaActorRef *ref;

  ref = pykka_test_start (actor, &error);
  g_assert_no_error (error);
  g_assert_nonnull (ref);
  return ref;
}

static void
start_refs (Fixture *fixture)
{
  for (guint i = 0; i < 3; i++)
    g_ptr_array_add (fixture->a_refs, start_actor (fixture->registry, TEST_TYPE_ACTOR_A));
  for (guint i = 0; i < 5; i++)
    g_ptr_array_add (fixture->b_refs, start_actor (fixture->registry, TEST_TYPE_ACTOR_B));
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  stop_order_reset ();
  fixture->registry = pykka_actor_registry_new ();
  fixture->a_refs = g_ptr_array_new_with_free_func (g_object_unref);
  fixture->b_refs = g_ptr_array_new_with_free_func (g_object_unref);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pykka_actor_registry_stop_all (fixture->registry, PYKKA_FOREVER, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pykka_actor_registry_get_n_actors (fixture->registry), ==, 0);

  g_clear_pointer (&fixture->a_refs, g_ptr_array_unref);
  g_clear_pointer (&fixture->b_refs, g_ptr_array_unref);
  g_clear_object (&fixture->registry);
}

static gboolean
refs_contain (GPtrArray     *refs,
              PykkaActorRef *ref)
{
  return g_ptr_array_find (refs, ref, NULL);
}

/* Whether @a and @b hold the same refs, in any order (Python's set equality). */
static gboolean
same_set (GPtrArray *a,
          GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (!refs_contain (b, g_ptr_array_index (a, i)))
      return FALSE;
  return TRUE;
}

/* A blocking ask: once it returns, every earlier message to @ref has been handled. */
static void
sync_with (PykkaActorRef *ref)
{
  g_auto(GValue) message = G_VALUE_INIT;
  g_auto(GValue) reply = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;

  pykka_test_value_init_string (&message, "sync");
  g_assert_true (pykka_actor_ref_ask_sync (ref, &message, PYKKA_FOREVER, &reply, &error));
  g_assert_no_error (error);
  g_assert_true (pykka_value_is_none (&reply));
}

static void
test_actor_is_registered_when_started (Fixture       *fixture,
                                       gconstpointer  data)
{
  g_autoptr(PykkaActorRef) actor_ref = start_actor (fixture->registry, TEST_TYPE_ACTOR_A);
  g_autoptr(GPtrArray) all = pykka_actor_registry_get_all (fixture->registry);

  g_assert_true (refs_contain (all, actor_ref));
  g_assert_cmpuint (all->len, ==, 1);
  g_assert_cmpuint (pykka_actor_registry_get_n_actors (fixture->registry), ==, 1);
}

static void
test_actor_is_unregistered_when_stopped (Fixture       *fixture,
                                         gconstpointer  data)
{
  g_autoptr(PykkaActorRef) actor_ref = start_actor (fixture->registry, TEST_TYPE_ACTOR_A);
  g_autoptr(GPtrArray) before = pykka_actor_registry_get_all (fixture->registry);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (refs_contain (before, actor_ref));

  g_assert_true (pykka_actor_ref_stop (actor_ref, PYKKA_FOREVER, &error));
  g_assert_no_error (error);

  after = pykka_actor_registry_get_all (fixture->registry);
  g_assert_false (refs_contain (after, actor_ref));
  g_assert_cmpuint (after->len, ==, 0);
}

static void
test_actor_may_be_registered_manually (Fixture       *fixture,
                                       gconstpointer  data)
{
  g_autoptr(PykkaActorRef) actor_ref = start_actor (fixture->registry, TEST_TYPE_ACTOR_A);
  g_autoptr(GPtrArray) registered = pykka_actor_registry_get_all (fixture->registry);
  g_autoptr(GPtrArray) unregistered = NULL;
  g_autoptr(GPtrArray) reregistered = NULL;

  g_assert_true (refs_contain (registered, actor_ref));

  pykka_actor_registry_unregister (fixture->registry, actor_ref);
  unregistered = pykka_actor_registry_get_all (fixture->registry);
  g_assert_false (refs_contain (unregistered, actor_ref));

  pykka_actor_registry_register (fixture->registry, actor_ref);
  reregistered = pykka_actor_registry_get_all (fixture->registry);
  g_assert_true (refs_contain (reregistered, actor_ref));
}

/* Not in Pykka, which has one registry: a ref may also be in other registries, each keeping
 * its own order, and dropping a registry that still holds refs releases them. */
static void
test_actor_may_be_in_several_registries (Fixture       *fixture,
                                         gconstpointer  data)
{
  g_autoptr(PykkaActorRef) first = start_actor (fixture->registry, TEST_TYPE_ACTOR_A);
  g_autoptr(PykkaActorRef) second = start_actor (fixture->registry, TEST_TYPE_ACTOR_B);
  g_autoptr(PykkaActorRegistry) other = pykka_actor_registry_new ();
  PykkaActorRegistry *dropped = pykka_actor_registry_new ();
  g_autoptr(GPtrArray) in_other = NULL;
  g_autoptr(GPtrArray) in_fixture = NULL;
  g_autoptr(GPtrArray) in_fixture_again = NULL;

  pykka_actor_registry_register (other, second);
  pykka_actor_registry_register (other, first);
  pykka_actor_registry_register (other, first);  /* already there: stays where it is */
  pykka_actor_registry_register (dropped, first);
  in_other = pykka_actor_registry_get_all (other);
  g_assert_cmpuint (in_other->len, ==, 2);
  g_assert_true (in_other->pdata[0] == second);
  g_assert_true (in_other->pdata[1] == first);

  /* Leaving the registry it was started in leaves it in the others... */
  pykka_actor_registry_unregister (fixture->registry, first);
  g_assert_cmpuint (pykka_actor_registry_get_n_actors (fixture->registry), ==, 1);
  g_assert_cmpuint (pykka_actor_registry_get_n_actors (other), ==, 2);
  g_assert_cmpuint (pykka_actor_registry_get_n_actors (dropped), ==, 1);

  /* ...and coming back puts it at the end there. */
  pykka_actor_registry_register (fixture->registry, first);
  in_fixture = pykka_actor_registry_get_all (fixture->registry);
  g_assert_cmpuint (in_fixture->len, ==, 2);
  g_assert_true (in_fixture->pdata[0] == second);
  g_assert_true (in_fixture->pdata[1] == first);

  pykka_actor_registry_unregister (other, first);
  pykka_actor_registry_unregister (other, second);
  g_assert_cmpuint (pykka_actor_registry_get_n_actors (other), ==, 0);
  g_object_unref (dropped);

  /* The others are gone: leaving and coming back still works. */
  pykka_actor_registry_unregister (fixture->registry, first);
  pykka_actor_registry_register (fixture->registry, first);
  in_fixture_again = pykka_actor_registry_get_all (fixture->registry);
  g_assert_cmpuint (in_fixture_again->len, ==, 2);
  g_assert_true (in_fixture_again->pdata[1] == first);
}

static void
test_actor_may_be_unregistered_multiple_times_without_error (Fixture       *fixture,
                                                             gconstpointer  data)
{
  g_autoptr(PykkaActorRef) actor_ref = start_actor (fixture->registry, TEST_TYPE_ACTOR_A);
  g_autoptr(GPtrArray) after_first = NULL;
  g_autoptr(GPtrArray) after_second = NULL;
  g_autofree char *ref_string = pykka_actor_ref_to_string (actor_ref);
  g_autofree char *not_found = g_strdup_printf ("Unregistered %s (not found in registry)",
                                                ref_string);
  g_auto(GStrv) debug = NULL;

  pykka_actor_registry_unregister (fixture->registry, actor_ref);
  after_first = pykka_actor_registry_get_all (fixture->registry);
  g_assert_false (refs_contain (after_first, actor_ref));

  pykka_test_log_reset ();
  pykka_actor_registry_unregister (fixture->registry, actor_ref);
  after_second = pykka_actor_registry_get_all (fixture->registry);
  g_assert_false (refs_contain (after_second, actor_ref));

  /* The second unregister is no error; Pykka logs that the ref was not found. */
  debug = pykka_test_log_messages (G_LOG_LEVEL_DEBUG);
  g_assert_true (g_strv_contains ((const char * const *) debug, not_found));

  /* Put it back, so that the teardown stops it through the registry. */
  pykka_actor_registry_register (fixture->registry, actor_ref);
}

static void
test_all_actors_can_be_stopped_through_registry (Fixture       *fixture,
                                                 gconstpointer  data)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;

  start_refs (fixture);
  all = pykka_actor_registry_get_all (fixture->registry);
  g_assert_cmpuint (all->len, ==, 8);

  g_assert_true (pykka_actor_registry_stop_all (fixture->registry, PYKKA_FOREVER, &error));
  g_assert_no_error (error);

  after = pykka_actor_registry_get_all (fixture->registry);
  g_assert_cmpuint (after->len, ==, 0);

  /* stop_all waits for each actor: every one has stopped once it returns. */
  for (guint i = 0; i < all->len; i++)
    g_assert_false (pykka_actor_ref_is_alive (g_ptr_array_index (all, i)));
}

static void
test_stop_all_stops_last_started_actor_first (Fixture       *fixture,
                                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) order = NULL;

  start_refs (fixture);

  /* A0 A1 A2 B0 … B4 were started in that order; on_stop must run in the reverse order. */
  g_assert_true (pykka_actor_registry_stop_all (fixture->registry, PYKKA_FOREVER, &error));
  g_assert_no_error (error);

  order = stop_order_dup ();
  g_assert_cmpuint (g_strv_length (order), ==, 8);
  for (guint i = 0; i < 5; i++)
    g_assert_cmpstr (order[i], ==,
                     pykka_actor_ref_get_actor_urn (g_ptr_array_index (fixture->b_refs, 4 - i)));
  for (guint i = 0; i < 3; i++)
    g_assert_cmpstr (order[5 + i], ==,
                     pykka_actor_ref_get_actor_urn (g_ptr_array_index (fixture->a_refs, 2 - i)));
}

static void
test_get_all_returns_refs_in_start_order (Fixture       *fixture,
                                          gconstpointer  data)
{
  g_autoptr(GPtrArray) all = NULL;

  start_refs (fixture);
  all = pykka_actor_registry_get_all (fixture->registry);

  g_assert_cmpuint (all->len, ==, 8);
  for (guint i = 0; i < 3; i++)
    g_assert_true (g_ptr_array_index (all, i) == g_ptr_array_index (fixture->a_refs, i));
  for (guint i = 0; i < 5; i++)
    g_assert_true (g_ptr_array_index (all, 3 + i) == g_ptr_array_index (fixture->b_refs, i));
}

static void
test_actors_may_be_looked_up_by_type (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autoptr(PykkaActorRef) actor_ref = NULL;
  g_autoptr(GPtrArray) result = NULL;

  start_refs (fixture);
  actor_ref = start_actor (fixture->registry, TEST_TYPE_ACTOR_A);
  result = pykka_actor_registry_get_by_type (fixture->registry, TEST_TYPE_ACTOR_A);

  for (guint i = 0; i < fixture->a_refs->len; i++)
    g_assert_true (refs_contain (result, g_ptr_array_index (fixture->a_refs, i)));
  g_assert_true (refs_contain (result, actor_ref));
  for (guint i = 0; i < fixture->b_refs->len; i++)
    g_assert_false (refs_contain (result, g_ptr_array_index (fixture->b_refs, i)));
  g_assert_cmpuint (result->len, ==, 4);
}

static void
test_actors_may_be_looked_up_by_supertype (Fixture       *fixture,
                                           gconstpointer  data)
{
  g_autoptr(GPtrArray) by_base = NULL;
  g_autoptr(GPtrArray) by_actor = NULL;

  start_refs (fixture);

  /* Pykka's test repeats the ActorA lookup; the real semantics is issubclass, so ask for the
   * common base class and expect both subclasses. */
  by_base = pykka_actor_registry_get_by_type (fixture->registry, TEST_TYPE_ACTOR_BASE);
  for (guint i = 0; i < fixture->a_refs->len; i++)
    g_assert_true (refs_contain (by_base, g_ptr_array_index (fixture->a_refs, i)));
  for (guint i = 0; i < fixture->b_refs->len; i++)
    g_assert_true (refs_contain (by_base, g_ptr_array_index (fixture->b_refs, i)));
  g_assert_cmpuint (by_base->len, ==, 8);

  by_actor = pykka_actor_registry_get_by_type (fixture->registry, PYKKA_TYPE_ACTOR);
  g_assert_cmpuint (by_actor->len, ==, 8);
}

static void
test_actors_may_be_looked_up_by_type_name (Fixture       *fixture,
                                           gconstpointer  data)
{
  g_autoptr(PykkaActorRef) actor_ref = NULL;
  g_autoptr(GPtrArray) result = NULL;
  g_autoptr(GPtrArray) by_base_name = NULL;

  start_refs (fixture);
  actor_ref = start_actor (fixture->registry, TEST_TYPE_ACTOR_A);
  result = pykka_actor_registry_get_by_type_name (fixture->registry, "ActorA");

  for (guint i = 0; i < fixture->a_refs->len; i++)
    g_assert_true (refs_contain (result, g_ptr_array_index (fixture->a_refs, i)));
  g_assert_true (refs_contain (result, actor_ref));
  for (guint i = 0; i < fixture->b_refs->len; i++)
    g_assert_false (refs_contain (result, g_ptr_array_index (fixture->b_refs, i)));

  /* The name match is exact: subclasses do not match their parent's name. */
  by_base_name = pykka_actor_registry_get_by_type_name (fixture->registry, "ActorBase");
  g_assert_cmpuint (by_base_name->len, ==, 0);
}

static void
test_actors_may_be_looked_up_by_urn (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autoptr(PykkaActorRef) actor_ref = start_actor (fixture->registry, TEST_TYPE_ACTOR_A);
  g_autoptr(PykkaActorRef) result = NULL;

  result = pykka_actor_registry_get_by_urn (fixture->registry,
                                            pykka_actor_ref_get_actor_urn (actor_ref));

  g_assert_true (result == actor_ref);
  g_assert_true (pykka_actor_ref_equal (result, actor_ref));
}

static void
test_get_by_urn_returns_null_if_not_found (Fixture       *fixture,
                                           gconstpointer  data)
{
  g_autoptr(PykkaActorRef) actor_ref = start_actor (fixture->registry, TEST_TYPE_ACTOR_A);
  g_autoptr(PykkaActorRef) result = NULL;

  result = pykka_actor_registry_get_by_urn (fixture->registry, "urn:foo:bar");

  g_assert_null (result);
}

static void
test_broadcast_sends_message_to_all_actors_if_no_target (Fixture       *fixture,
                                                         gconstpointer  data)
{
  g_auto(GValue) message = G_VALUE_INIT;
  g_autoptr(GPtrArray) running = NULL;

  start_refs (fixture);
  pykka_test_value_init_string (&message, "hello");

  pykka_actor_registry_broadcast (fixture->registry, &message, PYKKA_TYPE_ACTOR);

  running = pykka_actor_registry_get_all (fixture->registry);
  g_assert_cmpuint (running->len, ==, 8);
  for (guint i = 0; i < running->len; i++)
    {
      PykkaActorRef *ref = g_ptr_array_index (running, i);

      sync_with (ref);
      g_assert_true (actor_has_received (ref, "hello"));
    }
}

/* @data: TRUE to broadcast by type name ("ActorA"), FALSE by GType. */
static void
test_broadcast_sends_message_to_all_actors_of_given_type (Fixture       *fixture,
                                                          gconstpointer  data)
{
  gboolean by_type_name = GPOINTER_TO_INT (data);
  g_auto(GValue) message = G_VALUE_INIT;
  g_autoptr(GPtrArray) by_type = NULL;

  start_refs (fixture);
  pykka_test_value_init_string (&message, "hello");

  if (by_type_name)
    pykka_actor_registry_broadcast_by_type_name (fixture->registry, &message, "ActorA");
  else
    pykka_actor_registry_broadcast (fixture->registry, &message, TEST_TYPE_ACTOR_A);

  by_type = pykka_actor_registry_get_by_type (fixture->registry, TEST_TYPE_ACTOR_A);
  g_assert_true (same_set (by_type, fixture->a_refs));

  for (guint i = 0; i < fixture->a_refs->len; i++)
    {
      PykkaActorRef *ref = g_ptr_array_index (fixture->a_refs, i);

      sync_with (ref);
      g_assert_true (actor_has_received (ref, "hello"));
    }
  for (guint i = 0; i < fixture->b_refs->len; i++)
    {
      PykkaActorRef *ref = g_ptr_array_index (fixture->b_refs, i);

      sync_with (ref);
      g_assert_false (actor_has_received (ref, "hello"));
    }
}

static void
test_actor_without_registry_uses_the_default_registry (void)
{
  PykkaActorRegistry *default_registry = pykka_actor_registry_get_default ();
  g_autoptr(PykkaActor) actor = g_object_new (TEST_TYPE_ACTOR_A, NULL);
  g_autoptr(PykkaActorRef) ref = NULL;
  g_autoptr(PykkaActorRef) found = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (PYKKA_IS_ACTOR_REGISTRY (default_registry));
  g_assert_true (pykka_actor_registry_get_default () == default_registry);

  ref = pykka_test_start (actor, &error);
  g_assert_no_error (error);
  g_assert_true (pykka_actor_get_registry (actor) == default_registry);

  found = pykka_actor_registry_get_by_urn (default_registry, pykka_actor_ref_get_actor_urn (ref));
  g_assert_true (found == ref);

  g_assert_true (pykka_actor_ref_stop (ref, PYKKA_FOREVER, &error));
  g_assert_no_error (error);
  g_clear_object (&found);
  found = pykka_actor_registry_get_by_urn (default_registry, pykka_actor_ref_get_actor_urn (ref));
  g_assert_null (found);
}

/* GListModel and signals. The registry emits them on the main context it was created on (here
 * the global default context, the thread-default context of the test thread). */

typedef struct
{
  GThread *main_thread;
  GPtrArray *registered;    /* refs, in the order of the signals */
  GPtrArray *unregistered;
  guint wrong_thread;
  guint items_changed;
  gint64 n_items_mirror;    /* n_items before + the sum of (added - removed) */
} SignalLog;

static void
on_actor_registered (PykkaActorRegistry *registry,
                     PykkaActorRef      *ref,
                     SignalLog          *log)
{
  g_assert_true (PYKKA_IS_ACTOR_REF (ref));
  if (g_thread_self () != log->main_thread)
    log->wrong_thread++;
  g_ptr_array_add (log->registered, g_object_ref (ref));
}

static void
on_actor_unregistered (PykkaActorRegistry *registry,
                       PykkaActorRef      *ref,
                       SignalLog          *log)
{
  g_assert_true (PYKKA_IS_ACTOR_REF (ref));
  if (g_thread_self () != log->main_thread)
    log->wrong_thread++;
  g_ptr_array_add (log->unregistered, g_object_ref (ref));
}

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  SignalLog  *log)
{
  if (g_thread_self () != log->main_thread)
    log->wrong_thread++;
  log->items_changed++;
  g_assert_cmpint (position + removed, <=, log->n_items_mirror);
  log->n_items_mirror += (gint64) added - (gint64) removed;
  g_assert_cmpint (log->n_items_mirror, ==, g_list_model_get_n_items (model));
}

static gboolean
set_flag (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Iterates the default main context until the model and the signal log show @n_items items,
 * @n_registered "actor-registered" and @n_unregistered "actor-unregistered" emissions, or 5 s
 * have passed. */
static gboolean
iterate_until (PykkaActorRegistry *registry,
               SignalLog          *log,
               guint               n_items,
               guint               n_registered,
               guint               n_unregistered)
{
  gboolean timed_out = FALSE;
  GSource *timeout = g_timeout_source_new (5000);
  gboolean done;

  g_source_set_callback (timeout, set_flag, &timed_out, NULL);
  g_source_attach (timeout, NULL);

  for (;;)
    {
      done = (g_list_model_get_n_items (G_LIST_MODEL (registry)) == n_items &&
              log->n_items_mirror == (gint64) n_items &&
              log->registered->len == n_registered &&
              log->unregistered->len == n_unregistered);
      if (done || timed_out)
        break;
      g_main_context_iteration (NULL, TRUE);
    }

  g_source_destroy (timeout);
  g_source_unref (timeout);
  return done;
}

/* Runs every dispatch that is already pending, without blocking. */
static void
flush_default_context (void)
{
  for (guint i = 0; i < 100 && g_main_context_iteration (NULL, FALSE); i++)
    ;
}

static void
assert_model_matches_get_all (PykkaActorRegistry *registry)
{
  GListModel *model = G_LIST_MODEL (registry);
  g_autoptr(GPtrArray) all = pykka_actor_registry_get_all (registry);
  guint n = g_list_model_get_n_items (model);

  g_assert_cmpuint (n, ==, all->len);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      g_assert_true (item == g_ptr_array_index (all, i));
    }
  g_assert_null (g_list_model_get_item (model, n));
}

static guint
count_ref (GPtrArray     *refs,
           PykkaActorRef *ref)
{
  guint n = 0;

  for (guint i = 0; i < refs->len; i++)
    if (g_ptr_array_index (refs, i) == ref)
      n++;
  return n;
}

static void
test_registry_is_a_list_model_with_signals (void)
{
  g_autoptr(PykkaActorRegistry) registry = NULL;
  g_autoptr(PykkaActorRef) a0 = NULL;
  g_autoptr(PykkaActorRef) b0 = NULL;
  g_autoptr(PykkaActorRef) a1 = NULL;
  g_autoptr(GError) error = NULL;
  SignalLog log = { 0 };

  /* The thread-default context of the test thread is the global default context. */
  g_assert_null (g_main_context_get_thread_default ());

  log.main_thread = g_thread_self ();
  log.registered = g_ptr_array_new_with_free_func (g_object_unref);
  log.unregistered = g_ptr_array_new_with_free_func (g_object_unref);

  registry = pykka_actor_registry_new ();
  g_assert_true (G_IS_LIST_MODEL (registry));
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (registry)) == PYKKA_TYPE_ACTOR_REF);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (registry)), ==, 0);

  g_signal_connect (registry, "actor-registered", G_CALLBACK (on_actor_registered), &log);
  g_signal_connect (registry, "actor-unregistered", G_CALLBACK (on_actor_unregistered), &log);
  g_signal_connect (registry, "items-changed", G_CALLBACK (on_items_changed), &log);

  a0 = start_actor (registry, TEST_TYPE_ACTOR_A);
  b0 = start_actor (registry, TEST_TYPE_ACTOR_B);
  a1 = start_actor (registry, TEST_TYPE_ACTOR_A);

  g_assert_true (iterate_until (registry, &log, 3, 3, 0));
  g_assert_cmpuint (log.items_changed, >=, 1);
  assert_model_matches_get_all (registry);
  g_assert_cmpuint (count_ref (log.registered, a0), ==, 1);
  g_assert_cmpuint (count_ref (log.registered, b0), ==, 1);
  g_assert_cmpuint (count_ref (log.registered, a1), ==, 1);

  /* Stop the middle one. */
  log.items_changed = 0;
  g_assert_true (pykka_actor_ref_stop (b0, PYKKA_FOREVER, &error));
  g_assert_no_error (error);

  g_assert_true (iterate_until (registry, &log, 2, 3, 1));
  g_assert_cmpuint (log.items_changed, >=, 1);
  assert_model_matches_get_all (registry);
  g_assert_cmpuint (count_ref (log.unregistered, b0), ==, 1);

  /* Stop the rest through the registry. */
  log.items_changed = 0;
  g_assert_true (pykka_actor_registry_stop_all (registry, PYKKA_FOREVER, &error));
  g_assert_no_error (error);

  g_assert_true (iterate_until (registry, &log, 0, 3, 3));
  g_assert_cmpuint (log.items_changed, >=, 1);
  assert_model_matches_get_all (registry);

  /* Nothing more is pending: each signal fired exactly once for each ref. */
  flush_default_context ();
  g_assert_cmpuint (log.registered->len, ==, 3);
  g_assert_cmpuint (log.unregistered->len, ==, 3);
  g_assert_cmpuint (count_ref (log.unregistered, a0), ==, 1);
  g_assert_cmpuint (count_ref (log.unregistered, b0), ==, 1);
  g_assert_cmpuint (count_ref (log.unregistered, a1), ==, 1);
  g_assert_cmpuint (log.wrong_thread, ==, 0);
  g_assert_cmpint (log.n_items_mirror, ==, 0);

  g_signal_handlers_disconnect_by_data (registry, &log);
  g_ptr_array_unref (log.registered);
  g_ptr_array_unref (log.unregistered);
}

#define ADD_FIXTURE_TEST(path, func) \
  g_test_add ((path), Fixture, NULL, fixture_setup, (func), fixture_teardown)
#define ADD_FIXTURE_DATA_TEST(path, data, func) \
  g_test_add ((path), Fixture, (data), fixture_setup, (func), fixture_teardown)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  pykka_test_init (&argc, &argv);
  stop_order_reset ();

  ADD_FIXTURE_TEST ("/registry/actor-is-registered-when-started",
                    test_actor_is_registered_when_started);
  ADD_FIXTURE_TEST ("/registry/actor-is-unregistered-when-stopped",
                    test_actor_is_unregistered_when_stopped);
  ADD_FIXTURE_TEST ("/registry/actor-may-be-registered-manually",
                    test_actor_may_be_registered_manually);
  ADD_FIXTURE_TEST ("/registry/actor-may-be-in-several-registries",
                    test_actor_may_be_in_several_registries);
  ADD_FIXTURE_TEST ("/registry/actor-may-be-unregistered-multiple-times-without-error",
                    test_actor_may_be_unregistered_multiple_times_without_error);
  ADD_FIXTURE_TEST ("/registry/all-actors-can-be-stopped-through-registry",
                    test_all_actors_can_be_stopped_through_registry);
  ADD_FIXTURE_TEST ("/registry/stop-all-stops-last-started-actor-first",
                    test_stop_all_stops_last_started_actor_first);
  ADD_FIXTURE_TEST ("/registry/get-all-returns-refs-in-start-order",
                    test_get_all_returns_refs_in_start_order);
  ADD_FIXTURE_TEST ("/registry/actors-may-be-looked-up-by-type",
                    test_actors_may_be_looked_up_by_type);
  ADD_FIXTURE_TEST ("/registry/actors-may-be-looked-up-by-supertype",
                    test_actors_may_be_looked_up_by_supertype);
  ADD_FIXTURE_TEST ("/registry/actors-may-be-looked-up-by-type-name",
                    test_actors_may_be_looked_up_by_type_name);
  ADD_FIXTURE_TEST ("/registry/actors-may-be-looked-up-by-urn",
                    test_actors_may_be_looked_up_by_urn);
  ADD_FIXTURE_TEST ("/registry/get-by-urn-returns-null-if-not-found",
                    test_get_by_urn_returns_null_if_not_found);
  ADD_FIXTURE_TEST ("/registry/broadcast-sends-message-to-all-actors-if-no-target",
                    test_broadcast_sends_message_to_all_actors_if_no_target);
  ADD_FIXTURE_DATA_TEST ("/registry/broadcast-sends-message-to-all-actors-of-given-type",
                         GINT_TO_POINTER (FALSE),
                         test_broadcast_sends_message_to_all_actors_of_given_type);
  ADD_FIXTURE_DATA_TEST ("/registry/broadcast-sends-message-to-all-actors-of-given-type-name",
                         GINT_TO_POINTER (TRUE),
                         test_broadcast_sends_message_to_all_actors_of_given_type);
  g_test_add_func ("/registry/actor-without-registry-uses-the-default-registry",
                   test_actor_without_registry_uses_the_default_registry);
  g_test_add_func ("/registry/list-model-and-signals",
                   test_registry_is_a_list_model_with_signals);

  return g_test_run ();
}
