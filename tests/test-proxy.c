/* test-proxy.c: actor proxies (Pykka's tests/proxy/test_proxy.py and the intent of
 * tests/proxy/test_mocking.py, PYKKA-BEHAVIOUR.md §2.8, §2.13 and §4.6)
 *
 * SPDX-FileCopyrightText: 2026 The pykka-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "pykka-test-utils.h"

#include <string.h>

#define WAIT_MS 5000
#define WAIT_US (5 * G_TIME_SPAN_SECOND)

/* ------------------------------------------------------------------------------------------ */
/* Helpers */

/* ------------------------------------------------------------------------------------------ */
/* NestedObject: a plain object an actor holds (Pykka's NestedObject). */

#define TYPE_NESTED_OBJECT (nested_object_get_type ())
G_DECLARE_FINAL_TYPE (NestedObject, nested_object, NESTED, OBJECT, GObject)

struct _NestedObject
{
  GObject parent_instance;

  char *inner;
  NestedObject *child;
};

G_DEFINE_FINAL_TYPE (NestedObject, nested_object, G_TYPE_OBJECT)

enum
{
  NESTED_PROP_INNER = 1,
  NESTED_PROP_CHILD,
};

static void
nested_object_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  NestedObject *self = NESTED_OBJECT (object);

  switch (prop_id)
    {
    case NESTED_PROP_INNER:
      g_value_set_string (value, self->inner);
      break;
    case NESTED_PROP_CHILD:
      g_value_set_object (value, self->child);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nested_object_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  NestedObject *self = NESTED_OBJECT (object);

  switch (prop_id)
    {
    case NESTED_PROP_INNER:
      g_free (self->inner);
      self->inner = g_value_dup_string (value);
      break;
    case NESTED_PROP_CHILD:
      g_clear_object (&self->child);
      self->child = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nested_object_finalize (GObject *object)
{
  NestedObject *self = NESTED_OBJECT (object);

  g_free (self->inner);
  g_clear_object (&self->child);
  G_OBJECT_CLASS (nested_object_parent_class)->finalize (object);
}

static void
nested_object_class_init (NestedObjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = nested_object_get_property;
  object_class->set_property = nested_object_set_property;
  object_class->finalize = nested_object_finalize;

  g_object_class_install_property (object_class, NESTED_PROP_INNER,
    g_param_spec_string ("inner", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
  g_object_class_install_property (object_class, NESTED_PROP_CHILD,
    g_param_spec_object ("child", NULL, NULL, TYPE_NESTED_OBJECT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
}

static void
nested_object_init (NestedObject *self)
{
}

static NestedObject *
nested_object_new (const char   *inner,
                   NestedObject *child)
{
  return g_object_new (TYPE_NESTED_OBJECT, "inner", inner, "child", child, NULL);
}

/* ------------------------------------------------------------------------------------------ */
/* ActorForProxying: Pykka's fixture. a_nested_object is a traversable NestedObject whose child
 * is traversable too, a_class_attr a read-only string, an_instance_attr a read-write string,
 * a_method a method. */

#define TYPE_ACTOR_FOR_PROXYING (actor_for_proxying_get_type ())
G_DECLARE_FINAL_TYPE (ActorForProxying, actor_for_proxying, ACTOR_FOR, PROXYING, PykkaActor)

struct _ActorForProxying
{
  PykkaActor parent_instance;

  NestedObject *a_nested_object;
  char *an_instance_attr;
};

G_DEFINE_FINAL_TYPE (ActorForProxying, actor_for_proxying, PYKKA_TYPE_ACTOR)

enum
{
  AFP_PROP_A_NESTED_OBJECT = 1,
  AFP_PROP_A_CLASS_ATTR,
  AFP_PROP_AN_INSTANCE_ATTR,
};

static void
actor_for_proxying_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ActorForProxying *self = ACTOR_FOR_PROXYING (object);

  switch (prop_id)
    {
    case AFP_PROP_A_NESTED_OBJECT:
      g_value_set_object (value, self->a_nested_object);
      break;
    case AFP_PROP_A_CLASS_ATTR:
      g_value_set_static_string (value, "class_attr");
      break;
    case AFP_PROP_AN_INSTANCE_ATTR:
      g_value_set_string (value, self->an_instance_attr);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
actor_for_proxying_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  ActorForProxying *self = ACTOR_FOR_PROXYING (object);

  switch (prop_id)
    {
    case AFP_PROP_AN_INSTANCE_ATTR:
      g_free (self->an_instance_attr);
      self->an_instance_attr = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
actor_for_proxying_finalize (GObject *object)
{
  ActorForProxying *self = ACTOR_FOR_PROXYING (object);

  g_clear_object (&self->a_nested_object);
  g_free (self->an_instance_attr);
  G_OBJECT_CLASS (actor_for_proxying_parent_class)->finalize (object);
}

static char *
actor_for_proxying_a_method (ActorForProxying *self,
                             gpointer          user_data)
{
  return g_strdup ("a_method return");
}

static void
actor_for_proxying_class_init (ActorForProxyingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = actor_for_proxying_get_property;
  object_class->set_property = actor_for_proxying_set_property;
  object_class->finalize = actor_for_proxying_finalize;

  g_object_class_install_property (object_class, AFP_PROP_A_NESTED_OBJECT,
    g_param_spec_object ("a-nested-object", NULL, NULL, TYPE_NESTED_OBJECT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  g_object_class_install_property (object_class, AFP_PROP_A_CLASS_ATTR,
    g_param_spec_string ("a-class-attr", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  g_object_class_install_property (object_class, AFP_PROP_AN_INSTANCE_ATTR,
    g_param_spec_string ("an-instance-attr", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));

  g_signal_new_class_handler ("a-method", G_TYPE_FROM_CLASS (klass),
                              G_SIGNAL_RUN_LAST | G_SIGNAL_ACTION,
                              G_CALLBACK (actor_for_proxying_a_method), NULL, NULL, NULL,
                              G_TYPE_STRING, 0);
}

static void
actor_for_proxying_init (ActorForProxying *self)
{
  g_autoptr(NestedObject) child = nested_object_new ("child inner", NULL);

  pykka_traversable (G_OBJECT (child));
  self->a_nested_object = nested_object_new ("nested inner", child);
  pykka_traversable (G_OBJECT (self->a_nested_object));
  self->an_instance_attr = g_strdup ("an_instance_attr");
}

/* ------------------------------------------------------------------------------------------ */
/* SelfProxyActor: keeps a proxy to itself in the public property self_proxy (made in
 * on_start, Pykka makes it in __init__) and has foo = "bar". */

#define TYPE_SELF_PROXY_ACTOR (self_proxy_actor_get_type ())
G_DECLARE_FINAL_TYPE (SelfProxyActor, self_proxy_actor, SELF_PROXY, ACTOR, PykkaActor)

struct _SelfProxyActor
{
  PykkaActor parent_instance;

  PykkaActorProxy *self_proxy;
};

G_DEFINE_FINAL_TYPE (SelfProxyActor, self_proxy_actor, PYKKA_TYPE_ACTOR)

enum
{
  SPA_PROP_SELF_PROXY = 1,
  SPA_PROP_FOO,
};

static void
self_proxy_actor_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SelfProxyActor *self = SELF_PROXY_ACTOR (object);

  switch (prop_id)
    {
    case SPA_PROP_SELF_PROXY:
      g_value_set_object (value, self->self_proxy);
      break;
    case SPA_PROP_FOO:
      g_value_set_static_string (value, "bar");
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
self_proxy_actor_on_start (PykkaActor  *actor,
                           GError     **error)
{
  SelfProxyActor *self = SELF_PROXY_ACTOR (actor);

  self->self_proxy = pykka_actor_ref_proxy (pykka_actor_get_actor_ref (actor), error);
}

static void
self_proxy_actor_finalize (GObject *object)
{
  SelfProxyActor *self = SELF_PROXY_ACTOR (object);

  g_clear_object (&self->self_proxy);
  G_OBJECT_CLASS (self_proxy_actor_parent_class)->finalize (object);
}

static void
self_proxy_actor_class_init (SelfProxyActorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = self_proxy_actor_get_property;
  object_class->finalize = self_proxy_actor_finalize;
  PYKKA_ACTOR_CLASS (klass)->on_start = self_proxy_actor_on_start;

  g_object_class_install_property (object_class, SPA_PROP_SELF_PROXY,
    g_param_spec_object ("self-proxy", NULL, NULL, PYKKA_TYPE_ACTOR_PROXY,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  g_object_class_install_property (object_class, SPA_PROP_FOO,
    g_param_spec_string ("foo", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
}

static void
self_proxy_actor_init (SelfProxyActor *self)
{
}

/* ------------------------------------------------------------------------------------------ */
/* CountingActor (test_mocking's non-callable mock property): the getter of mock_property
 * counts its calls and notes its thread; block() holds the actor until released. The test
 * sets the events before the actor starts and keeps a reference to the actor. */

#define TYPE_COUNTING_ACTOR (counting_actor_get_type ())
G_DECLARE_FINAL_TYPE (CountingActor, counting_actor, COUNTING, ACTOR, PykkaActor)

struct _CountingActor
{
  PykkaActor parent_instance;

  gint getter_calls;                /* atomic */
  GThread *getter_thread;           /* written by the getter */
  PykkaTestEvent *entered;
  PykkaTestEvent *release;
};

G_DEFINE_FINAL_TYPE (CountingActor, counting_actor, PYKKA_TYPE_ACTOR)

enum
{
  COUNTING_PROP_MOCK_PROPERTY = 1,
};

static void
counting_actor_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CountingActor *self = COUNTING_ACTOR (object);

  switch (prop_id)
    {
    case COUNTING_PROP_MOCK_PROPERTY:
      self->getter_thread = g_thread_self ();
      g_atomic_int_inc (&self->getter_calls);
      g_value_set_static_string (value, "mocked property value");
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
counting_actor_block (CountingActor *self,
                      gpointer       user_data)
{
  pykka_test_event_set (self->entered);
  pykka_test_event_wait (self->release, WAIT_MS);
}

static void
counting_actor_finalize (GObject *object)
{
  CountingActor *self = COUNTING_ACTOR (object);

  g_clear_pointer (&self->entered, pykka_test_event_free);
  g_clear_pointer (&self->release, pykka_test_event_free);
  G_OBJECT_CLASS (counting_actor_parent_class)->finalize (object);
}

static void
counting_actor_class_init (CountingActorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = counting_actor_get_property;
  object_class->finalize = counting_actor_finalize;

  g_object_class_install_property (object_class, COUNTING_PROP_MOCK_PROPERTY,
    g_param_spec_string ("mock-property", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_signal_new_class_handler ("block", G_TYPE_FROM_CLASS (klass),
                              G_SIGNAL_RUN_LAST | G_SIGNAL_ACTION,
                              G_CALLBACK (counting_actor_block), NULL, NULL, NULL,
                              G_TYPE_NONE, 0);
}

static void
counting_actor_init (CountingActor *self)
{
  /* Owned by the actor, so that they outlive its thread's last use of them. */
  self->entered = pykka_test_event_new ();
  self->release = pykka_test_event_new ();
}

/* ------------------------------------------------------------------------------------------ */
/* MethodActor and MockedMethodActor (test_mocking's mocked method): the subtype replaces the
 * class handler of a_method, as mocker.patch.object replaces the method. */

#define TYPE_METHOD_ACTOR (method_actor_get_type ())
G_DECLARE_DERIVABLE_TYPE (MethodActor, method_actor, METHOD, ACTOR, PykkaActor)

struct _MethodActorClass
{
  PykkaActorClass parent_class;
};

G_DEFINE_TYPE (MethodActor, method_actor, PYKKA_TYPE_ACTOR)

static gint original_method_calls;  /* atomic */
static gint mocked_method_calls;    /* atomic */

static char *
method_actor_a_method (MethodActor *self,
                       gpointer     user_data)
{
  g_atomic_int_inc (&original_method_calls);
  return g_strdup ("original method return");
}

static void
method_actor_class_init (MethodActorClass *klass)
{
  g_signal_new_class_handler ("a-method", G_TYPE_FROM_CLASS (klass),
                              G_SIGNAL_RUN_LAST | G_SIGNAL_ACTION,
                              G_CALLBACK (method_actor_a_method), NULL, NULL, NULL,
                              G_TYPE_STRING, 0);
}

static void
method_actor_init (MethodActor *self)
{
}

#define TYPE_MOCKED_METHOD_ACTOR (mocked_method_actor_get_type ())
G_DECLARE_FINAL_TYPE (MockedMethodActor, mocked_method_actor, MOCKED_METHOD, ACTOR, MethodActor)

struct _MockedMethodActor
{
  MethodActor parent_instance;
};

G_DEFINE_FINAL_TYPE (MockedMethodActor, mocked_method_actor, TYPE_METHOD_ACTOR)

static char *
mocked_method_actor_a_method (MethodActor *self,
                              gpointer     user_data)
{
  g_atomic_int_inc (&mocked_method_calls);
  return g_strdup ("mocked method return");
}

static void
mocked_method_actor_class_init (MockedMethodActorClass *klass)
{
  g_signal_override_class_handler ("a-method", G_TYPE_FROM_CLASS (klass),
                                   G_CALLBACK (mocked_method_actor_a_method));
}

static void
mocked_method_actor_init (MockedMethodActor *self)
{
}

/* ------------------------------------------------------------------------------------------ */
/* test_proxy.py */

static void
test_eq_to_self (void)
{
  g_autoptr(PykkaActorRef) ref = pykka_test_start_new_actor (TYPE_ACTOR_FOR_PROXYING);
  g_autoptr(PykkaActorProxy) proxy = pykka_test_make_proxy (ref);

  g_assert_true (pykka_actor_proxy_equal (proxy, proxy));

  pykka_test_stop_all ();
}

static void
test_is_hashable (void)
{
  g_autoptr(PykkaActorRef) ref = pykka_test_start_new_actor (TYPE_ACTOR_FOR_PROXYING);
  g_autoptr(PykkaActorProxy) proxy = pykka_test_make_proxy (ref);
  g_autoptr(PykkaActorProxy) same = pykka_test_make_proxy (ref);
  g_autoptr(PykkaActorProxy) nested = pykka_test_traverse (proxy, "a_nested_object");
  g_autoptr(GHashTable) table = NULL;
  guint hash = pykka_actor_proxy_hash (proxy);

  /* The hash is stable, and equal proxies hash alike. */
  g_assert_cmpuint (pykka_actor_proxy_hash (proxy), ==, hash);
  g_assert_cmpuint (pykka_actor_proxy_hash (same), ==, hash);

  /* Proxies work as keys of a hash table. */
  table = g_hash_table_new (pykka_actor_proxy_hash, pykka_actor_proxy_equal);
  g_hash_table_insert (table, proxy, (gpointer) "root");
  g_hash_table_insert (table, nested, (gpointer) "nested");
  g_assert_cmpuint (g_hash_table_size (table), ==, 2);
  g_assert_cmpstr (g_hash_table_lookup (table, same), ==, "root");
  g_assert_cmpstr (g_hash_table_lookup (table, nested), ==, "nested");

  pykka_test_stop_all ();
}

static void
test_eq_to_another_proxy_for_same_actor_and_attr_path (void)
{
  g_autoptr(PykkaActorRef) ref = pykka_test_start_new_actor (TYPE_ACTOR_FOR_PROXYING);
  g_autoptr(PykkaActorProxy) proxy = pykka_test_make_proxy (ref);
  g_autoptr(PykkaActorProxy) other =
    pykka_test_make_proxy (pykka_actor_proxy_get_actor_ref (proxy));
  g_autoptr(PykkaActorProxy) nested = pykka_test_traverse (proxy, "a_nested_object");
  g_autoptr(PykkaActorProxy) other_nested = pykka_test_traverse (other, "a_nested_object");

  g_assert_true (other != proxy);
  g_assert_true (pykka_actor_proxy_equal (proxy, other));
  g_assert_true (pykka_actor_proxy_equal (other, proxy));
  g_assert_true (pykka_actor_proxy_equal (nested, other_nested));
  g_assert_cmpuint (pykka_actor_proxy_hash (nested), ==, pykka_actor_proxy_hash (other_nested));

  pykka_test_stop_all ();
}

static void
test_not_eq_to_proxy_with_different_attr_path (void)
{
  g_autoptr(PykkaActorRef) ref = pykka_test_start_new_actor (TYPE_ACTOR_FOR_PROXYING);
  g_autoptr(PykkaActorRef) other_ref = pykka_test_start_new_actor (TYPE_ACTOR_FOR_PROXYING);
  g_autoptr(PykkaActorProxy) proxy = pykka_test_make_proxy (ref);
  g_autoptr(PykkaActorProxy) nested = pykka_test_traverse (proxy, "a_nested_object");
  g_autoptr(PykkaActorProxy) other_actor = pykka_test_make_proxy (other_ref);

  g_assert_false (pykka_actor_proxy_equal (proxy, nested));
  g_assert_false (pykka_actor_proxy_equal (nested, proxy));
  /* The same path on another actor of the same type is not equal either. */
  g_assert_false (pykka_actor_proxy_equal (proxy, other_actor));

  pykka_test_stop_all ();
}

static void
test_repr_is_wrapped_in_lt_and_gt (void)
{
  g_autoptr(PykkaActorRef) ref = pykka_test_start_new_actor (TYPE_ACTOR_FOR_PROXYING);
  g_autoptr(PykkaActorProxy) proxy = pykka_test_make_proxy (ref);
  g_autofree char *string = pykka_actor_proxy_to_string (proxy);

  g_assert_true (g_str_has_prefix (string, "<"));
  g_assert_true (g_str_has_suffix (string, ">"));

  pykka_test_stop_all ();
}

static void
test_repr_reveals_that_this_is_a_proxy (void)
{
  g_autoptr(PykkaActorRef) ref = pykka_test_start_new_actor (TYPE_ACTOR_FOR_PROXYING);
  g_autoptr(PykkaActorProxy) proxy = pykka_test_make_proxy (ref);
  g_autofree char *string = pykka_actor_proxy_to_string (proxy);

  g_assert_nonnull (strstr (string, "ActorProxy"));

  pykka_test_stop_all ();
}

static void
test_repr_contains_actor_class_name (void)
{
  g_autoptr(PykkaActorRef) ref = pykka_test_start_new_actor (TYPE_ACTOR_FOR_PROXYING);
  g_autoptr(PykkaActorProxy) proxy = pykka_test_make_proxy (ref);
  g_autofree char *string = pykka_actor_proxy_to_string (proxy);

  g_assert_nonnull (strstr (string, "ActorForProxying"));

  pykka_test_stop_all ();
}

static void
test_repr_contains_actor_urn (void)
{
  g_autoptr(PykkaActorRef) ref = pykka_test_start_new_actor (TYPE_ACTOR_FOR_PROXYING);
  g_autoptr(PykkaActorProxy) proxy = pykka_test_make_proxy (ref);
  g_autofree char *string = pykka_actor_proxy_to_string (proxy);

  g_assert_nonnull (strstr (string, pykka_actor_ref_get_actor_urn (ref)));

  pykka_test_stop_all ();
}

static void
test_repr_contains_attr_path (void)
{
  g_autoptr(PykkaActorRef) ref = pykka_test_start_new_actor (TYPE_ACTOR_FOR_PROXYING);
  g_autoptr(PykkaActorProxy) proxy = pykka_test_make_proxy (ref);
  g_autoptr(PykkaActorProxy) nested = pykka_test_traverse (proxy, "a_nested_object");
  g_autofree char *string = pykka_actor_proxy_to_string (nested);

  g_assert_nonnull (strstr (string, "a_nested_object"));

  pykka_test_stop_all ();
}

/* Pykka's str() and repr() are the same; C has one function. This checks its exact format
 * for the three shapes of attr_path, as Python prints tuples. */
static void
test_to_string_has_pykkas_exact_format (void)
{
  g_autoptr(PykkaActorRef) ref = pykka_test_start_new_actor (TYPE_ACTOR_FOR_PROXYING);
  g_autoptr(PykkaActorProxy) proxy = pykka_test_make_proxy (ref);
  g_autoptr(PykkaActorProxy) nested = pykka_test_traverse (proxy, "a_nested_object");
  g_autoptr(PykkaActorProxy) child = pykka_test_traverse (proxy, "a_nested_object.child");
  g_autoptr(PykkaActorProxy) child_in_steps = pykka_test_traverse (nested, "child");
  g_autofree char *ref_string = pykka_actor_ref_to_string (ref);
  g_autofree char *expected_ref = g_strdup_printf ("ActorForProxying (%s)",
                                                   pykka_actor_ref_get_actor_urn (ref));
  g_autofree char *expected = NULL;
  g_autofree char *string = NULL;

  g_assert_cmpstr (ref_string, ==, expected_ref);

  string = pykka_actor_proxy_to_string (proxy);
  expected = g_strdup_printf ("<ActorProxy for %s, attr_path=()>", expected_ref);
  g_assert_cmpstr (string, ==, expected);
  g_clear_pointer (&string, g_free);
  g_clear_pointer (&expected, g_free);

  string = pykka_actor_proxy_to_string (nested);
  expected = g_strdup_printf ("<ActorProxy for %s, attr_path=('a_nested_object',)>", expected_ref);
  g_assert_cmpstr (string, ==, expected);
  g_clear_pointer (&string, g_free);
  g_clear_pointer (&expected, g_free);

  string = pykka_actor_proxy_to_string (child);
  expected = g_strdup_printf ("<ActorProxy for %s, attr_path=('a_nested_object', 'child')>",
                              expected_ref);
  g_assert_cmpstr (string, ==, expected);
  g_clear_pointer (&string, g_free);

  string = pykka_actor_proxy_to_string (child_in_steps);
  g_assert_cmpstr (string, ==, expected);

  g_assert_cmpstr (pykka_actor_proxy_get_attr_path (proxy), ==, "");
  g_assert_cmpstr (pykka_actor_proxy_get_attr_path (nested), ==, "a_nested_object");
  g_assert_cmpstr (pykka_actor_proxy_get_attr_path (child), ==, "a_nested_object.child");
  g_assert_true (pykka_actor_proxy_equal (child, child_in_steps));

  pykka_test_stop_all ();
}

static void
test_list_attrs_lists_attributes_of_the_actor (void)
{
  const char * const expected[] = {
    "a_class_attr", "a_method", "a_nested_object", "an_instance_attr", NULL
  };
  g_autoptr(PykkaActorRef) ref = pykka_test_start_new_actor (TYPE_ACTOR_FOR_PROXYING);
  g_autoptr(PykkaActorProxy) proxy = pykka_test_make_proxy (ref);
  g_auto(GStrv) attrs = pykka_actor_proxy_list_attrs (proxy);

  g_assert_nonnull (attrs);
  /* Sorted, with '_' between words, and nothing from PykkaActor or GObject. */
  g_assert_cmpstrv (attrs, expected);

  pykka_test_stop_all ();
}

/* Pykka's test_dir_on_proxy_lists_private_attributes_of_the_proxy lists Python's dunder
 * attributes, which C has no analogue of; the C counterpart is what a nested proxy lists. */
static void
test_list_attrs_of_nested_proxy_lists_attributes_of_the_nested_object (void)
{
  const char * const expected[] = { "child", "inner", NULL };
  g_autoptr(PykkaActorRef) ref = pykka_test_start_new_actor (TYPE_ACTOR_FOR_PROXYING);
  g_autoptr(PykkaActorProxy) proxy = pykka_test_make_proxy (ref);
  g_autoptr(PykkaActorProxy) nested = pykka_test_traverse (proxy, "a_nested_object");
  g_auto(GStrv) attrs = pykka_actor_proxy_list_attrs (nested);

  g_assert_cmpstrv (attrs, expected);

  pykka_test_stop_all ();
}

static void
test_refs_proxy_method_returns_a_proxy (void)
{
  g_autoptr(PykkaActorRef) ref = pykka_test_start_new_actor (TYPE_ACTOR_FOR_PROXYING);
  g_autoptr(GError) error = NULL;
  g_autoptr(PykkaActorProxy) proxy = pykka_actor_ref_proxy (ref, &error);
  g_autofree char *value = NULL;

  g_assert_no_error (error);
  g_assert_true (PYKKA_IS_ACTOR_PROXY (proxy));
  g_assert_true (pykka_actor_proxy_get_actor_ref (proxy) == ref);
  g_assert_cmpstr (pykka_actor_proxy_get_attr_path (proxy), ==, "");

  /* It reaches the actor. */
  value = pykka_test_proxy_call_string (proxy, "a_method");
  g_assert_cmpstr (value, ==, "a_method return");

  g_assert_true (pykka_actor_ref_stop (pykka_actor_proxy_get_actor_ref (proxy), WAIT_US, &error));
  g_assert_no_error (error);
  pykka_test_stop_all ();
}

static void
test_proxy_constructor_fails_if_actor_is_dead (void)
{
  g_autoptr(PykkaActorRef) ref = pykka_test_start_new_actor (TYPE_ACTOR_FOR_PROXYING);
  g_autoptr(GError) error = NULL;
  g_autoptr(PykkaActorProxy) proxy = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *ref_string = pykka_actor_ref_to_string (ref);

  g_assert_true (pykka_actor_ref_stop (ref, WAIT_US, &error));
  g_assert_no_error (error);

  proxy = pykka_actor_ref_proxy (ref, &error);
  g_assert_null (proxy);
  g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_ACTOR_DEAD);
  expected = g_strdup_printf ("%s not found", ref_string);
  g_assert_cmpstr (error->message, ==, expected);

  pykka_test_stop_all ();
}

static void
test_actor_ref_may_be_retrieved_from_proxy_if_actor_is_dead (void)
{
  g_autoptr(PykkaActorRef) ref = pykka_test_start_new_actor (TYPE_ACTOR_FOR_PROXYING);
  g_autoptr(PykkaActorProxy) proxy = pykka_test_make_proxy (ref);
  g_autoptr(GError) error = NULL;

  g_assert_true (pykka_actor_ref_stop (pykka_actor_proxy_get_actor_ref (proxy), WAIT_US, &error));
  g_assert_no_error (error);

  g_assert_true (pykka_actor_proxy_get_actor_ref (proxy) == ref);
  g_assert_false (pykka_actor_ref_is_alive (pykka_actor_proxy_get_actor_ref (proxy)));

  pykka_test_stop_all ();
}

static void
test_actor_proxy_does_not_expose_proxy_to_self (void)
{
  g_autoptr(PykkaActorRef) ref = pykka_test_start_new_actor (TYPE_SELF_PROXY_ACTOR);
  g_autoptr(PykkaActorProxy) proxy = pykka_test_make_proxy (ref);
  g_autoptr(PykkaFuture) future = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) future_error = NULL;
  g_autofree char *foo = NULL;
  g_autofree char *ref_string = pykka_actor_ref_to_string (ref);
  g_autofree char *expected = NULL;
  g_auto(GStrv) warnings = NULL;

  /* After this, on_start ran and the self-proxy exists. */
  foo = pykka_test_proxy_get_string (proxy, "foo");
  g_assert_cmpstr (foo, ==, "bar");
  pykka_test_log_reset ();

  future = pykka_actor_proxy_get_attr (proxy, "self_proxy", &error);
  g_assert_no_error (error);
  future_error = pykka_test_future_get_error (future);
  g_assert_error (future_error, PYKKA_ERROR, PYKKA_ERROR_NO_SUCH_ATTRIBUTE);
  g_assert_nonnull (strstr (future_error->message, "has no attribute 'self_proxy'"));

  /* Exactly one warning for the one access (the future is answered after it is logged). */
  warnings = pykka_test_log_messages (G_LOG_LEVEL_WARNING);
  g_assert_cmpuint (g_strv_length (warnings), ==, 1);
  expected = g_strdup_printf ("%s attribute 'self_proxy' is a proxy to itself. "
                              "Consider making it private.", ref_string);
  g_assert_cmpstr (warnings[0], ==, expected);

  pykka_test_stop_all ();
}

static void
test_self_proxy_warning_is_logged_once_per_access (void)
{
  g_autoptr(PykkaActorRef) ref = pykka_test_start_new_actor (TYPE_SELF_PROXY_ACTOR);
  g_autoptr(PykkaActorProxy) proxy = pykka_test_make_proxy (ref);
  g_autoptr(PykkaActorProxy) second = NULL;
  g_autoptr(PykkaActorProxy) through = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *foo = NULL;
  g_auto(GStrv) attrs = NULL;
  const char * const expected_attrs[] = { "foo", NULL };

  foo = pykka_test_proxy_get_string (proxy, "foo");
  g_assert_cmpstr (foo, ==, "bar");
  pykka_test_log_reset ();

  /* Making proxies, listing and reading other attributes log nothing. */
  second = pykka_test_make_proxy (ref);
  attrs = pykka_actor_proxy_list_attrs (second);
  g_assert_cmpstrv (attrs, expected_attrs);
  g_clear_pointer (&foo, g_free);
  foo = pykka_test_proxy_get_string (second, "foo");
  g_assert_cmpstr (foo, ==, "bar");
  g_assert_cmpuint (pykka_test_log_count (G_LOG_LEVEL_WARNING), ==, 0);

  /* The self-proxy cannot be traversed (type information tells, no message is sent). */
  through = pykka_actor_proxy_traverse (proxy, "self_proxy", &error);
  g_assert_null (through);
  g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_NOT_TRAVERSABLE);
  g_clear_error (&error);

  /* One warning per access. */
  for (guint i = 1; i <= 3; i++)
    {
      g_autoptr(PykkaFuture) future = pykka_actor_proxy_get_attr (proxy, "self_proxy", &error);
      g_autoptr(GError) future_error = NULL;

      g_assert_no_error (error);
      future_error = pykka_test_future_get_error (future);
      g_assert_error (future_error, PYKKA_ERROR, PYKKA_ERROR_NO_SUCH_ATTRIBUTE);
      g_assert_cmpuint (pykka_test_log_count (G_LOG_LEVEL_WARNING), ==, i);
    }

  pykka_test_stop_all ();
}

/* Caller-side NO_SUCH_ATTRIBUTE carries Pykka's AttributeError message. */
static void
test_unknown_name_fails_with_pykkas_message (void)
{
  g_autoptr(PykkaActorRef) ref = pykka_test_start_new_actor (TYPE_ACTOR_FOR_PROXYING);
  g_autoptr(PykkaActorProxy) proxy = pykka_test_make_proxy (ref);
  g_autoptr(PykkaActorProxy) nested = pykka_test_traverse (proxy, "a_nested_object");
  g_autofree char *proxy_string = pykka_actor_proxy_to_string (proxy);
  g_autofree char *nested_string = pykka_actor_proxy_to_string (nested);
  g_autofree char *expected = g_strdup_printf ("%s has no attribute 'missing'", proxy_string);
  g_autofree char *expected_nested = g_strdup_printf ("%s has no attribute 'missing'",
                                                      nested_string);
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;
  PykkaActorProxy *proxies[] = { proxy, nested };
  const char *messages[] = { expected, expected_nested };

  pykka_test_value_init_string (&value, "x");
  for (guint i = 0; i < G_N_ELEMENTS (proxies); i++)
    {
      g_autoptr(PykkaFuture) called = NULL;
      g_autoptr(PykkaFuture) got = NULL;
      g_autoptr(PykkaActorProxy) traversed = NULL;

      called = pykka_actor_proxy_call (proxies[i], "missing", NULL, 0, &error);
      g_assert_null (called);
      g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_NO_SUCH_ATTRIBUTE);
      g_assert_cmpstr (error->message, ==, messages[i]);
      g_clear_error (&error);

      g_assert_false (pykka_actor_proxy_defer (proxies[i], "missing", NULL, 0, &error));
      g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_NO_SUCH_ATTRIBUTE);
      g_assert_cmpstr (error->message, ==, messages[i]);
      g_clear_error (&error);

      got = pykka_actor_proxy_get_attr (proxies[i], "missing", &error);
      g_assert_null (got);
      g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_NO_SUCH_ATTRIBUTE);
      g_assert_cmpstr (error->message, ==, messages[i]);
      g_clear_error (&error);

      g_assert_false (pykka_actor_proxy_set_attr (proxies[i], "missing", &value, &error));
      g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_NO_SUCH_ATTRIBUTE);
      g_assert_cmpstr (error->message, ==, messages[i]);
      g_clear_error (&error);

      traversed = pykka_actor_proxy_traverse (proxies[i], "missing", &error);
      g_assert_null (traversed);
      g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_NO_SUCH_ATTRIBUTE);
      g_assert_cmpstr (error->message, ==, messages[i]);
      g_clear_error (&error);
    }

  /* Through a longer path: the message still names the missing name. */
  {
    g_autoptr(PykkaFuture) got = pykka_actor_proxy_get_attr (proxy, "a_nested_object.missing",
                                                             &error);

    g_assert_null (got);
    g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_NO_SUCH_ATTRIBUTE);
    g_assert_true (g_str_has_prefix (error->message, "<ActorProxy for ActorForProxying ("));
    g_assert_true (g_str_has_suffix (error->message, "has no attribute 'missing'"));
    g_clear_error (&error);
  }

  /* The actor still works: nothing was sent. */
  {
    g_autofree char *result = pykka_test_proxy_call_string (proxy, "a_method");

    g_assert_cmpstr (result, ==, "a_method return");
  }

  pykka_test_stop_all ();
}

/* Asserts that every entry point fails at once with INVALID_ARGUMENT for @path. */
static void
assert_path_is_invalid (PykkaActorProxy *proxy,
                        const char      *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PykkaFuture) called = NULL;
  g_autoptr(PykkaFuture) got = NULL;
  g_autoptr(PykkaFuture) called_va = NULL;
  g_autoptr(GError) va_error = NULL;
  g_autoptr(PykkaActorProxy) traversed = NULL;
  g_auto(GValue) value = G_VALUE_INIT;

  g_test_message ("path: \"%.40s\" (%zu bytes)", path, strlen (path));
  pykka_test_value_init_string (&value, "x");

  called = pykka_actor_proxy_call (proxy, path, NULL, 0, &error);
  g_assert_null (called);
  g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  g_assert_false (pykka_actor_proxy_defer (proxy, path, NULL, 0, &error));
  g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  got = pykka_actor_proxy_get_attr (proxy, path, &error);
  g_assert_null (got);
  g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  g_assert_false (pykka_actor_proxy_set_attr (proxy, path, &value, &error));
  g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  traversed = pykka_actor_proxy_traverse (proxy, path, &error);
  g_assert_null (traversed);
  g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  /* call_va reports it on the future. */
  called_va = pykka_actor_proxy_call_va (proxy, path, G_TYPE_INVALID);
  va_error = pykka_test_future_get_error (called_va);
  g_assert_error (va_error, PYKKA_ERROR, PYKKA_ERROR_INVALID_ARGUMENT);
}

static void
test_malformed_paths_are_invalid_arguments (void)
{
  g_autoptr(PykkaActorRef) ref = pykka_test_start_new_actor (TYPE_ACTOR_FOR_PROXYING);
  g_autoptr(PykkaActorProxy) proxy = pykka_test_make_proxy (ref);
  g_autoptr(PykkaActorProxy) nested = pykka_test_traverse (proxy, "a_nested_object");
  g_autofree char *too_long = g_strnfill (1025, 'a');
  g_autofree char *too_long_real = NULL;
  const char *paths[] = {
    "", "a..b", ".x", "x.",
    /* The same shapes around names that exist, so that skipping empty names cannot pass. */
    "a_nested_object..inner", ".a_method", "a_method.", "a_nested_object.inner.", ".",
  };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    assert_path_is_invalid (proxy, paths[i]);
  assert_path_is_invalid (proxy, too_long);

  /* Longer than 1024 bytes although it starts with a real path. */
  too_long_real = g_strconcat ("a_nested_object.inner", too_long, NULL);
  assert_path_is_invalid (proxy, too_long_real);

  /* Paths relative to a nested proxy are checked the same way. */
  assert_path_is_invalid (nested, "");
  assert_path_is_invalid (nested, "child..inner");
  assert_path_is_invalid (nested, "inner.");

  pykka_test_stop_all ();
}

static void
test_path_of_1024_bytes_is_not_malformed (void)
{
  g_autoptr(PykkaActorRef) ref = pykka_test_start_new_actor (TYPE_ACTOR_FOR_PROXYING);
  g_autoptr(PykkaActorProxy) proxy = pykka_test_make_proxy (ref);
  g_autofree char *longest = g_strnfill (1024, 'a');
  g_autoptr(PykkaFuture) got = NULL;
  g_autoptr(GError) error = NULL;

  /* Well formed, so the error is that the name is unknown. */
  got = pykka_actor_proxy_get_attr (proxy, longest, &error);
  g_assert_null (got);
  g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_NO_SUCH_ATTRIBUTE);

  pykka_test_stop_all ();
}

/* ------------------------------------------------------------------------------------------ */
/* test_mocking.py */

/* test_actor_with_noncallable_mock_property_works: introspection never runs a getter; the
 * getter runs exactly once, on the actor's side, when the read is handled. */
static void
test_mock_property_getter_is_not_run_by_introspection (void)
{
  g_autoptr(CountingActor) actor = g_object_new (TYPE_COUNTING_ACTOR, NULL);
  g_autoptr(PykkaActorRef) ref = pykka_test_start_actor (actor);
  g_autoptr(PykkaActorProxy) proxy = pykka_test_make_proxy (ref);
  g_autoptr(PykkaActorProxy) second = NULL;
  g_autoptr(PykkaFuture) blocked = NULL;
  g_autoptr(PykkaFuture) future = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) attrs = NULL;
  g_autofree char *value = NULL;
  g_autofree char *again = NULL;

  /* Hold the actor, so that nothing can run on it while the proxy is used. */
  blocked = pykka_actor_proxy_call (proxy, "block", NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_true (pykka_test_event_wait (actor->entered, WAIT_MS));

  second = pykka_test_make_proxy (ref);
  attrs = pykka_actor_proxy_list_attrs (second);
  g_assert_true (g_strv_contains ((const char * const *) attrs, "mock_property"));
  future = pykka_actor_proxy_get_attr (second, "mock_property", &error);
  g_assert_no_error (error);
  g_assert_nonnull (future);

  /* Proxy creation, listing and sending the read ran no getter. */
  g_assert_cmpint (g_atomic_int_get (&actor->getter_calls), ==, 0);
  g_assert_false (pykka_future_is_done (future));

  pykka_test_event_set (actor->release);
  value = pykka_test_future_get_string (future);
  g_assert_cmpstr (value, ==, "mocked property value");
  g_assert_cmpint (g_atomic_int_get (&actor->getter_calls), ==, 1);
  /* It ran where the actor runs (which thread that is depends on the runtime), not here. */
  g_assert_nonnull (actor->getter_thread);
  g_assert_true (actor->getter_thread != g_thread_self ());

  /* Reading the future again does not run the getter again. */
  again = pykka_test_future_get_string (future);
  g_assert_cmpstr (again, ==, "mocked property value");
  g_assert_cmpint (g_atomic_int_get (&actor->getter_calls), ==, 1);

  pykka_test_stop_all ();
}

/* test_actor_with_callable_mock_property_does_not_work: what an attribute is (method or
 * value) is decided by its kind, not by what it holds: a method cannot be read and a
 * property cannot be called. */
static void
test_mock_classification_is_by_type_information (void)
{
  g_autoptr(PykkaActorRef) ref = pykka_test_start_new_actor (TYPE_ACTOR_FOR_PROXYING);
  g_autoptr(PykkaActorProxy) proxy = pykka_test_make_proxy (ref);
  g_autoptr(PykkaFuture) got = NULL;
  g_autoptr(PykkaFuture) called = NULL;
  g_autoptr(GError) error = NULL;

  got = pykka_actor_proxy_get_attr (proxy, "a_method", &error);
  g_assert_null (got);
  g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  called = pykka_actor_proxy_call (proxy, "a_class_attr", NULL, 0, &error);
  g_assert_null (called);
  g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  g_assert_false (pykka_actor_proxy_defer (proxy, "a_class_attr", NULL, 0, &error));
  g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  pykka_test_stop_all ();
}

/* test_actor_with_mocked_method_works */
static void
test_mock_mocked_method_works (void)
{
  g_autoptr(PykkaActorRef) original_ref = pykka_test_start_new_actor (TYPE_METHOD_ACTOR);
  g_autoptr(PykkaActorRef) mocked_ref = pykka_test_start_new_actor (TYPE_MOCKED_METHOD_ACTOR);
  g_autoptr(PykkaActorProxy) original = pykka_test_make_proxy (original_ref);
  g_autoptr(PykkaActorProxy) mocked = pykka_test_make_proxy (mocked_ref);
  g_autofree char *original_result = NULL;
  g_autofree char *mocked_result = NULL;

  g_atomic_int_set (&original_method_calls, 0);
  g_atomic_int_set (&mocked_method_calls, 0);

  original_result = pykka_test_proxy_call_string (original, "a_method");
  g_assert_cmpstr (original_result, ==, "original method return");
  g_assert_cmpint (g_atomic_int_get (&original_method_calls), ==, 1);

  mocked_result = pykka_test_proxy_call_string (mocked, "a_method");
  g_assert_cmpstr (mocked_result, ==, "mocked method return");
  g_assert_cmpint (g_atomic_int_get (&mocked_method_calls), ==, 1);
  g_assert_cmpint (g_atomic_int_get (&original_method_calls), ==, 1);

  pykka_test_stop_all ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  pykka_test_init (&argc, &argv);

  g_test_add_func ("/proxy/eq-to-self", test_eq_to_self);
  g_test_add_func ("/proxy/is-hashable", test_is_hashable);
  g_test_add_func ("/proxy/eq-to-another-proxy-for-same-actor-and-attr-path",
                   test_eq_to_another_proxy_for_same_actor_and_attr_path);
  g_test_add_func ("/proxy/not-eq-to-proxy-with-different-attr-path",
                   test_not_eq_to_proxy_with_different_attr_path);
  g_test_add_func ("/proxy/repr-is-wrapped-in-lt-and-gt", test_repr_is_wrapped_in_lt_and_gt);
  g_test_add_func ("/proxy/repr-reveals-that-this-is-a-proxy",
                   test_repr_reveals_that_this_is_a_proxy);
  g_test_add_func ("/proxy/repr-contains-actor-class-name", test_repr_contains_actor_class_name);
  g_test_add_func ("/proxy/repr-contains-actor-urn", test_repr_contains_actor_urn);
  g_test_add_func ("/proxy/repr-contains-attr-path", test_repr_contains_attr_path);
  g_test_add_func ("/proxy/to-string-has-pykkas-exact-format",
                   test_to_string_has_pykkas_exact_format);
  g_test_add_func ("/proxy/list-attrs-lists-attributes-of-the-actor",
                   test_list_attrs_lists_attributes_of_the_actor);
  g_test_add_func ("/proxy/list-attrs-of-nested-proxy-lists-attributes-of-the-nested-object",
                   test_list_attrs_of_nested_proxy_lists_attributes_of_the_nested_object);
  g_test_add_func ("/proxy/refs-proxy-method-returns-a-proxy",
                   test_refs_proxy_method_returns_a_proxy);
  g_test_add_func ("/proxy/proxy-constructor-fails-if-actor-is-dead",
                   test_proxy_constructor_fails_if_actor_is_dead);
  g_test_add_func ("/proxy/actor-ref-may-be-retrieved-from-proxy-if-actor-is-dead",
                   test_actor_ref_may_be_retrieved_from_proxy_if_actor_is_dead);
  g_test_add_func ("/proxy/actor-proxy-does-not-expose-proxy-to-self",
                   test_actor_proxy_does_not_expose_proxy_to_self);
  g_test_add_func ("/proxy/self-proxy-warning-is-logged-once-per-access",
                   test_self_proxy_warning_is_logged_once_per_access);
  g_test_add_func ("/proxy/unknown-name-fails-with-pykkas-message",
                   test_unknown_name_fails_with_pykkas_message);
  g_test_add_func ("/proxy/malformed-paths-are-invalid-arguments",
                   test_malformed_paths_are_invalid_arguments);
  g_test_add_func ("/proxy/path-of-1024-bytes-is-not-malformed",
                   test_path_of_1024_bytes_is_not_malformed);

  g_test_add_func ("/proxy/mocking/property-getter-is-not-run-by-introspection",
                   test_mock_property_getter_is_not_run_by_introspection);
  g_test_add_func ("/proxy/mocking/classification-is-by-type-information",
                   test_mock_classification_is_by_type_information);
  g_test_add_func ("/proxy/mocking/mocked-method-works", test_mock_mocked_method_works);

  return g_test_run ();
}
