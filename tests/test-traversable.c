/* test-traversable.c: reaching objects an actor holds through a proxy, proxy messages sent
 * directly, and pykka_actor_proxy_call_va() (Pykka's tests/proxy/test_traversable.py,
 * PYKKA-BEHAVIOUR.md §2.12, §4.6 and §4.7)
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

/* Reads @attr_path, which must be accepted by the proxy and fail on the future. */
static GError *
proxy_get_error (PykkaActorProxy *proxy,
                 const char      *attr_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PykkaFuture) future = pykka_actor_proxy_get_attr (proxy, attr_path, &error);

  g_assert_no_error (error);
  return pykka_test_future_get_error (future);
}

/* ------------------------------------------------------------------------------------------ */
/* NestedBase: what the actor holds. inner is a string, child another NestedBase, and
 * shout(s) returns "{inner}: {s}!". Its subtypes only differ in how they are marked:
 * PlainNested (not at all, or per object with pykka_traversable()), TypeMarkedNested (the type,
 * with pykka_traversable_type() in main()) and its subtype TypeMarkedNestedChild, and
 * InterfaceNested (implements PykkaTraversable). */

#define TYPE_NESTED_BASE (nested_base_get_type ())
G_DECLARE_DERIVABLE_TYPE (NestedBase, nested_base, NESTED, BASE, GObject)

struct _NestedBaseClass
{
  GObjectClass parent_class;
};

typedef struct
{
  char *inner;
  NestedBase *child;
} NestedBasePrivate;

G_DEFINE_TYPE_WITH_PRIVATE (NestedBase, nested_base, G_TYPE_OBJECT)

enum
{
  NESTED_PROP_INNER = 1,
  NESTED_PROP_CHILD,
};

static void
nested_base_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  NestedBasePrivate *priv = nested_base_get_instance_private (NESTED_BASE (object));

  switch (prop_id)
    {
    case NESTED_PROP_INNER:
      g_value_set_string (value, priv->inner);
      break;
    case NESTED_PROP_CHILD:
      g_value_set_object (value, priv->child);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nested_base_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  NestedBasePrivate *priv = nested_base_get_instance_private (NESTED_BASE (object));

  switch (prop_id)
    {
    case NESTED_PROP_INNER:
      g_free (priv->inner);
      priv->inner = g_value_dup_string (value);
      break;
    case NESTED_PROP_CHILD:
      g_clear_object (&priv->child);
      priv->child = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nested_base_finalize (GObject *object)
{
  NestedBasePrivate *priv = nested_base_get_instance_private (NESTED_BASE (object));

  g_free (priv->inner);
  g_clear_object (&priv->child);
  G_OBJECT_CLASS (nested_base_parent_class)->finalize (object);
}

static char *
nested_base_shout (NestedBase *self,
                   const char *s,
                   gpointer    user_data)
{
  NestedBasePrivate *priv = nested_base_get_instance_private (self);

  return g_strdup_printf ("%s: %s!", priv->inner, s);
}

static void
nested_base_class_init (NestedBaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = nested_base_get_property;
  object_class->set_property = nested_base_set_property;
  object_class->finalize = nested_base_finalize;

  g_object_class_install_property (object_class, NESTED_PROP_INNER,
    g_param_spec_string ("inner", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
  g_object_class_install_property (object_class, NESTED_PROP_CHILD,
    g_param_spec_object ("child", NULL, NULL, TYPE_NESTED_BASE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));

  g_signal_new_class_handler ("shout", G_TYPE_FROM_CLASS (klass),
                              G_SIGNAL_RUN_LAST | G_SIGNAL_ACTION,
                              G_CALLBACK (nested_base_shout), NULL, NULL, NULL,
                              G_TYPE_STRING, 1, G_TYPE_STRING);
}

static void
nested_base_init (NestedBase *self)
{
}

#define TYPE_PLAIN_NESTED (plain_nested_get_type ())
G_DECLARE_FINAL_TYPE (PlainNested, plain_nested, PLAIN, NESTED, NestedBase)

struct _PlainNested
{
  NestedBase parent_instance;
};

G_DEFINE_FINAL_TYPE (PlainNested, plain_nested, TYPE_NESTED_BASE)

static void
plain_nested_class_init (PlainNestedClass *klass)
{
}

static void
plain_nested_init (PlainNested *self)
{
}

#define TYPE_TYPE_MARKED_NESTED (type_marked_nested_get_type ())
G_DECLARE_DERIVABLE_TYPE (TypeMarkedNested, type_marked_nested, TYPE_MARKED, NESTED, NestedBase)

struct _TypeMarkedNestedClass
{
  NestedBaseClass parent_class;
};

G_DEFINE_TYPE (TypeMarkedNested, type_marked_nested, TYPE_NESTED_BASE)

static void
type_marked_nested_class_init (TypeMarkedNestedClass *klass)
{
}

static void
type_marked_nested_init (TypeMarkedNested *self)
{
}

#define TYPE_TYPE_MARKED_NESTED_CHILD (type_marked_nested_child_get_type ())
G_DECLARE_FINAL_TYPE (TypeMarkedNestedChild, type_marked_nested_child, TYPE_MARKED_NESTED,
                      CHILD, TypeMarkedNested)

struct _TypeMarkedNestedChild
{
  TypeMarkedNested parent_instance;
};

G_DEFINE_FINAL_TYPE (TypeMarkedNestedChild, type_marked_nested_child,
                     TYPE_TYPE_MARKED_NESTED)

static void
type_marked_nested_child_class_init (TypeMarkedNestedChildClass *klass)
{
}

static void
type_marked_nested_child_init (TypeMarkedNestedChild *self)
{
}

#define TYPE_INTERFACE_NESTED (interface_nested_get_type ())
G_DECLARE_FINAL_TYPE (InterfaceNested, interface_nested, INTERFACE, NESTED, NestedBase)

struct _InterfaceNested
{
  NestedBase parent_instance;
};

static void
interface_nested_traversable_init (PykkaTraversableInterface *iface)
{
}

G_DEFINE_FINAL_TYPE_WITH_CODE (InterfaceNested, interface_nested, TYPE_NESTED_BASE,
                               G_IMPLEMENT_INTERFACE (PYKKA_TYPE_TRAVERSABLE,
                                                      interface_nested_traversable_init))

static void
interface_nested_class_init (InterfaceNestedClass *klass)
{
}

static void
interface_nested_init (InterfaceNested *self)
{
}

static NestedBase *
nested_new (GType       type,
            const char *inner)
{
  return g_object_new (type, "inner", inner, NULL);
}

/* ------------------------------------------------------------------------------------------ */
/* TraversableActor: holds one object per marking way in read-only properties, plus an
 * unmarked one, a NULL one, a string, and a chain of two marked objects. get_traversable()
 * returns the per-object-marked object; add(a, b) returns a + b; cat is a read-write
 * string that set_cat(s) also sets. The objects are made before the actor starts and never
 * replaced, so the test may compare pointers to them. */

#define TYPE_TRAVERSABLE_ACTOR (traversable_actor_get_type ())
G_DECLARE_FINAL_TYPE (TraversableActor, traversable_actor, TRAVERSABLE, ACTOR, PykkaActor)

struct _TraversableActor
{
  PykkaActor parent_instance;

  NestedBase *no_marker;
  NestedBase *function_marker;
  NestedBase *type_marker;
  NestedBase *subtype_marker;
  NestedBase *interface_marker;
  NestedBase *chain;
  char *cat;
};

G_DEFINE_FINAL_TYPE (TraversableActor, traversable_actor, PYKKA_TYPE_ACTOR)

enum
{
  PROP_NESTED_WITH_NO_MARKER = 1,
  PROP_NESTED_WITH_FUNCTION_MARKER,
  PROP_NESTED_WITH_TYPE_MARKER,
  PROP_NESTED_WITH_SUBTYPE_MARKER,
  PROP_NESTED_WITH_INTERFACE_MARKER,
  PROP_NESTED_NULL,
  PROP_NESTED_CHAIN,
  PROP_A_STRING,
  PROP_CAT,
};

static void
traversable_actor_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  TraversableActor *self = TRAVERSABLE_ACTOR (object);

  switch (prop_id)
    {
    case PROP_NESTED_WITH_NO_MARKER:
      g_value_set_object (value, self->no_marker);
      break;
    case PROP_NESTED_WITH_FUNCTION_MARKER:
      g_value_set_object (value, self->function_marker);
      break;
    case PROP_NESTED_WITH_TYPE_MARKER:
      g_value_set_object (value, self->type_marker);
      break;
    case PROP_NESTED_WITH_SUBTYPE_MARKER:
      g_value_set_object (value, self->subtype_marker);
      break;
    case PROP_NESTED_WITH_INTERFACE_MARKER:
      g_value_set_object (value, self->interface_marker);
      break;
    case PROP_NESTED_NULL:
      g_value_set_object (value, NULL);
      break;
    case PROP_NESTED_CHAIN:
      g_value_set_object (value, self->chain);
      break;
    case PROP_A_STRING:
      g_value_set_static_string (value, "not an object");
      break;
    case PROP_CAT:
      g_value_set_string (value, self->cat);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
traversable_actor_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  TraversableActor *self = TRAVERSABLE_ACTOR (object);

  switch (prop_id)
    {
    case PROP_CAT:
      g_free (self->cat);
      self->cat = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
traversable_actor_finalize (GObject *object)
{
  TraversableActor *self = TRAVERSABLE_ACTOR (object);

  g_clear_object (&self->no_marker);
  g_clear_object (&self->function_marker);
  g_clear_object (&self->type_marker);
  g_clear_object (&self->subtype_marker);
  g_clear_object (&self->interface_marker);
  g_clear_object (&self->chain);
  g_free (self->cat);
  G_OBJECT_CLASS (traversable_actor_parent_class)->finalize (object);
}

static NestedBase *
traversable_actor_get_traversable (TraversableActor *self,
                                   gpointer          user_data)
{
  return g_object_ref (self->function_marker);
}

static void
traversable_actor_set_cat (TraversableActor *self,
                           const char       *s,
                           gpointer          user_data)
{
  g_free (self->cat);
  self->cat = g_strdup (s);
}

static int
traversable_actor_add (TraversableActor *self,
                       int               a,
                       int               b,
                       gpointer          user_data)
{
  return a + b;
}

static void
install_nested_property (GObjectClass *object_class,
                         guint         prop_id,
                         const char   *name)
{
  g_object_class_install_property (object_class, prop_id,
    g_param_spec_object (name, NULL, NULL, TYPE_NESTED_BASE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
}

static void
traversable_actor_class_init (TraversableActorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GType type = G_TYPE_FROM_CLASS (klass);

  object_class->get_property = traversable_actor_get_property;
  object_class->set_property = traversable_actor_set_property;
  object_class->finalize = traversable_actor_finalize;

  install_nested_property (object_class, PROP_NESTED_WITH_NO_MARKER, "nested-with-no-marker");
  install_nested_property (object_class, PROP_NESTED_WITH_FUNCTION_MARKER,
                           "nested-with-function-marker");
  install_nested_property (object_class, PROP_NESTED_WITH_TYPE_MARKER,
                           "nested-with-type-marker");
  install_nested_property (object_class, PROP_NESTED_WITH_SUBTYPE_MARKER,
                           "nested-with-subtype-marker");
  install_nested_property (object_class, PROP_NESTED_WITH_INTERFACE_MARKER,
                           "nested-with-interface-marker");
  install_nested_property (object_class, PROP_NESTED_NULL, "nested-null");
  install_nested_property (object_class, PROP_NESTED_CHAIN, "nested-chain");
  g_object_class_install_property (object_class, PROP_A_STRING,
    g_param_spec_string ("a-string", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  g_object_class_install_property (object_class, PROP_CAT,
    g_param_spec_string ("cat", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));

  g_signal_new_class_handler ("get-traversable", type, G_SIGNAL_RUN_LAST | G_SIGNAL_ACTION,
                              G_CALLBACK (traversable_actor_get_traversable),
                              NULL, NULL, NULL, TYPE_NESTED_BASE, 0);
  g_signal_new_class_handler ("set-cat", type, G_SIGNAL_RUN_LAST | G_SIGNAL_ACTION,
                              G_CALLBACK (traversable_actor_set_cat),
                              NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  g_signal_new_class_handler ("add", type, G_SIGNAL_RUN_LAST | G_SIGNAL_ACTION,
                              G_CALLBACK (traversable_actor_add),
                              NULL, NULL, NULL, G_TYPE_INT, 2, G_TYPE_INT, G_TYPE_INT);
}

static void
traversable_actor_init (TraversableActor *self)
{
  g_autoptr(NestedBase) link = nested_new (TYPE_PLAIN_NESTED, "chain child");

  self->no_marker = nested_new (TYPE_PLAIN_NESTED, "no marker");
  /* Pykka's traversable(obj) */
  self->function_marker = nested_new (TYPE_PLAIN_NESTED, "function marker");
  pykka_traversable (G_OBJECT (self->function_marker));
  /* Pykka's @traversable class decorator: pykka_traversable_type() in main() */
  self->type_marker = nested_new (TYPE_TYPE_MARKED_NESTED, "type marker");
  self->subtype_marker = nested_new (TYPE_TYPE_MARKED_NESTED_CHILD, "subtype marker");
  /* Pykka's pykka_traversable = True class attribute */
  self->interface_marker = nested_new (TYPE_INTERFACE_NESTED, "interface marker");

  pykka_traversable (G_OBJECT (link));
  self->chain = g_object_new (TYPE_PLAIN_NESTED, "inner", "chain", "child", link, NULL);
  pykka_traversable (G_OBJECT (self->chain));

  self->cat = g_strdup ("dog");
}

static PykkaActorRef *
start_traversable_actor (TraversableActor **actor_out)
{
  g_autoptr(TraversableActor) actor = g_object_new (TYPE_TRAVERSABLE_ACTOR, NULL);
  PykkaActorRef *ref = pykka_test_start_actor (actor);

  if (actor_out != NULL)
    *actor_out = g_steal_pointer (&actor);
  return ref;
}

/* ------------------------------------------------------------------------------------------ */
/* test_traversable.py */

/* The unmarked attribute can be traversed as far as type information tells (it holds an
 * object), but nothing can be reached through it: that fails on the future. */
static void
test_attr_without_marker_cannot_be_traversed (void)
{
  g_autoptr(TraversableActor) actor = NULL;
  g_autoptr(PykkaActorRef) ref = start_traversable_actor (&actor);
  g_autoptr(PykkaActorProxy) proxy = pykka_test_make_proxy (ref);
  g_autoptr(PykkaActorProxy) nested = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) through_nested = NULL;
  g_autoptr(GError) through_path = NULL;
  g_autoptr(GError) call_error = NULL;
  g_autoptr(PykkaFuture) called = NULL;
  g_autoptr(PykkaFuture) whole = NULL;
  g_auto(GValue) arg = G_VALUE_INIT;
  g_auto(GValue) whole_value = G_VALUE_INIT;

  nested = pykka_actor_proxy_traverse (proxy, "nested_with_no_marker", &error);
  g_assert_no_error (error);
  g_assert_nonnull (nested);

  through_nested = proxy_get_error (nested, "inner");
  g_assert_error (through_nested, PYKKA_ERROR, PYKKA_ERROR_NOT_TRAVERSABLE);

  through_path = proxy_get_error (proxy, "nested_with_no_marker.inner");
  g_assert_error (through_path, PYKKA_ERROR, PYKKA_ERROR_NOT_TRAVERSABLE);

  pykka_test_value_init_string (&arg, "hey");
  called = pykka_actor_proxy_call (proxy, "nested_with_no_marker.shout", &arg, 1, &error);
  g_assert_no_error (error);
  call_error = pykka_test_future_get_error (called);
  g_assert_error (call_error, PYKKA_ERROR, PYKKA_ERROR_NOT_TRAVERSABLE);

  g_assert_false (pykka_actor_proxy_set_attr (proxy, "nested_with_no_marker.inner", &arg,
                                              &error));
  g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_NOT_TRAVERSABLE);
  g_clear_error (&error);

  /* The attribute itself is a value: the object, by reference. */
  whole = pykka_actor_proxy_get_attr (proxy, "nested_with_no_marker", &error);
  g_assert_no_error (error);
  pykka_test_future_get (whole, &whole_value);
  g_assert_true (g_value_get_object (&whole_value) == (gpointer) actor->no_marker);
  g_assert_true (pykka_actor_ref_is_alive (ref));

  pykka_test_stop_all ();
}

static void
assert_attr_of_traversable_attr_can_be_read (const char *name,
                                             const char *expected)
{
  g_autoptr(PykkaActorRef) ref = start_traversable_actor (NULL);
  g_autoptr(PykkaActorProxy) proxy = pykka_test_make_proxy (ref);
  g_autoptr(PykkaActorProxy) nested = pykka_test_traverse (proxy, name);
  g_autofree char *path = g_strconcat (name, ".inner", NULL);
  g_autofree char *by_path = pykka_test_proxy_get_string (proxy, path);
  g_autofree char *by_nested_proxy = pykka_test_proxy_get_string (nested, "inner");

  g_assert_cmpstr (by_path, ==, expected);
  g_assert_cmpstr (by_nested_proxy, ==, expected);

  pykka_test_stop_all ();
}

/* traversable(instance) */
static void
test_attr_of_traversable_attr_can_be_read_function_marker (void)
{
  assert_attr_of_traversable_attr_can_be_read ("nested_with_function_marker", "function marker");
}

/* @traversable class decorator */
static void
test_attr_of_traversable_attr_can_be_read_type_marker (void)
{
  assert_attr_of_traversable_attr_can_be_read ("nested_with_type_marker", "type marker");
}

/* The class decorator marks subclasses too. */
static void
test_attr_of_traversable_attr_can_be_read_subtype_of_marked_type (void)
{
  assert_attr_of_traversable_attr_can_be_read ("nested_with_subtype_marker", "subtype marker");
}

/* pykka_traversable = True on the class */
static void
test_attr_of_traversable_attr_can_be_read_interface_marker (void)
{
  assert_attr_of_traversable_attr_can_be_read ("nested_with_interface_marker",
                                               "interface marker");
}

/* Pykka's property returning a traversable object: the C counterpart of an object that is
 * not stored in an attribute is one returned by a method. It comes back as a value, the very
 * object, and no path goes through the method. */
static void
test_traversable_object_returned_from_method_is_not_traversed (void)
{
  g_autoptr(TraversableActor) actor = NULL;
  g_autoptr(PykkaActorRef) ref = start_traversable_actor (&actor);
  g_autoptr(PykkaActorProxy) proxy = pykka_test_make_proxy (ref);
  g_autoptr(PykkaActorProxy) through = NULL;
  g_autoptr(PykkaFuture) returned = NULL;
  g_autoptr(PykkaFuture) got = NULL;
  g_autoptr(PykkaFuture) property = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GValue) returned_value = G_VALUE_INIT;
  g_auto(GValue) property_value = G_VALUE_INIT;
  GObject *object;
  g_autofree char *inner = NULL;

  returned = pykka_actor_proxy_call (proxy, "get_traversable", NULL, 0, &error);
  g_assert_no_error (error);
  pykka_test_future_get (returned, &returned_value);
  g_assert_true (G_VALUE_HOLDS (&returned_value, TYPE_NESTED_BASE));
  object = g_value_get_object (&returned_value);
  g_assert_true (object == (gpointer) actor->function_marker);
  g_assert_true (pykka_is_traversable (object));
  g_object_get (object, "inner", &inner, NULL);
  g_assert_cmpstr (inner, ==, "function marker");

  through = pykka_actor_proxy_traverse (proxy, "get_traversable", &error);
  g_assert_null (through);
  g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_NOT_TRAVERSABLE);
  g_clear_error (&error);

  got = pykka_actor_proxy_get_attr (proxy, "get_traversable.inner", &error);
  g_assert_null (got);
  g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_NOT_TRAVERSABLE);
  g_clear_error (&error);

  /* Reading a traversable attribute itself also gives the object by reference. */
  property = pykka_actor_proxy_get_attr (proxy, "nested_with_function_marker", &error);
  g_assert_no_error (error);
  pykka_test_future_get (property, &property_value);
  g_assert_true (g_value_get_object (&property_value) == (gpointer) actor->function_marker);

  pykka_test_stop_all ();
}

/* Pykka's test_traversable_cannot_mark_object_using_slots has no GObject counterpart; these
 * are the marking functions themselves. */
static void
test_marking_functions (void)
{
  g_autoptr(NestedBase) plain = nested_new (TYPE_PLAIN_NESTED, "plain");
  g_autoptr(NestedBase) other_plain = nested_new (TYPE_PLAIN_NESTED, "other plain");
  g_autoptr(NestedBase) type_marked = nested_new (TYPE_TYPE_MARKED_NESTED, "type");
  g_autoptr(NestedBase) subtype_marked = nested_new (TYPE_TYPE_MARKED_NESTED_CHILD, "subtype");
  g_autoptr(NestedBase) interface_marked = nested_new (TYPE_INTERFACE_NESTED, "interface");

  /* One object */
  g_assert_false (pykka_is_traversable (G_OBJECT (plain)));
  g_assert_true (pykka_traversable (G_OBJECT (plain)) == G_OBJECT (plain));
  g_assert_true (pykka_is_traversable (G_OBJECT (plain)));
  g_assert_false (pykka_is_traversable (G_OBJECT (other_plain)));
  g_assert_false (pykka_is_traversable_type (TYPE_PLAIN_NESTED));

  /* A type and its subtypes, not its parent */
  g_assert_true (pykka_is_traversable_type (TYPE_TYPE_MARKED_NESTED));
  g_assert_true (pykka_is_traversable_type (TYPE_TYPE_MARKED_NESTED_CHILD));
  g_assert_false (pykka_is_traversable_type (TYPE_NESTED_BASE));
  g_assert_true (pykka_is_traversable (G_OBJECT (type_marked)));
  g_assert_true (pykka_is_traversable (G_OBJECT (subtype_marked)));

  /* The interface */
  g_assert_true (pykka_is_traversable_type (TYPE_INTERFACE_NESTED));
  g_assert_true (pykka_is_traversable (G_OBJECT (interface_marked)));
}

/* ------------------------------------------------------------------------------------------ */
/* Decided C semantics (TESTING-NOTES "Proxies"): traversal */

static void
test_methods_and_attributes_of_traversable_attr_can_be_used (void)
{
  g_autoptr(PykkaActorRef) ref = start_traversable_actor (NULL);
  g_autoptr(PykkaActorProxy) proxy = pykka_test_make_proxy (ref);
  g_autoptr(PykkaActorProxy) nested = pykka_test_traverse (proxy, "nested_with_interface_marker");
  g_autoptr(PykkaFuture) shouted = NULL;
  g_autoptr(PykkaFuture) shouted_nested = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GValue) arg = G_VALUE_INIT;
  g_autofree char *shout = NULL;
  g_autofree char *shout_nested = NULL;
  g_autofree char *inner = NULL;
  g_autofree char *deferred = NULL;
  g_auto(GStrv) attrs = NULL;
  const char * const expected_attrs[] = { "child", "inner", "shout", NULL };

  pykka_test_value_init_string (&arg, "hey");
  shouted = pykka_actor_proxy_call (proxy, "nested_with_type_marker.shout", &arg, 1, &error);
  g_assert_no_error (error);
  shout = pykka_test_future_get_string (shouted);
  g_assert_cmpstr (shout, ==, "type marker: hey!");

  shouted_nested = pykka_actor_proxy_call (nested, "shout", &arg, 1, &error);
  g_assert_no_error (error);
  shout_nested = pykka_test_future_get_string (shouted_nested);
  g_assert_cmpstr (shout_nested, ==, "interface marker: hey!");

  g_value_set_string (&arg, "changed");
  g_assert_true (pykka_actor_proxy_set_attr (proxy, "nested_with_interface_marker.inner", &arg,
                                             &error));
  g_assert_no_error (error);
  inner = pykka_test_proxy_get_string (nested, "inner");
  g_assert_cmpstr (inner, ==, "changed");

  g_value_set_string (&arg, "deferred");
  g_assert_true (pykka_actor_proxy_defer (nested, "shout", &arg, 1, &error));
  g_assert_no_error (error);
  g_assert_true (pykka_actor_proxy_set_attr (nested, "inner", &arg, &error));
  g_assert_no_error (error);
  deferred = pykka_test_proxy_get_string (proxy, "nested_with_interface_marker.inner");
  g_assert_cmpstr (deferred, ==, "deferred");

  attrs = pykka_actor_proxy_list_attrs (nested);
  g_assert_cmpstrv (attrs, expected_attrs);

  pykka_test_stop_all ();
}

static void
test_nested_traversable_attrs_can_be_reached (void)
{
  g_autoptr(PykkaActorRef) ref = start_traversable_actor (NULL);
  g_autoptr(PykkaActorProxy) proxy = pykka_test_make_proxy (ref);
  g_autoptr(PykkaActorProxy) chain = pykka_test_traverse (proxy, "nested_chain");
  g_autoptr(PykkaActorProxy) link = pykka_test_traverse (chain, "child");
  g_autoptr(PykkaActorProxy) link_direct = pykka_test_traverse (proxy, "nested_chain.child");
  g_autofree char *by_path = pykka_test_proxy_get_string (proxy, "nested_chain.child.inner");
  g_autofree char *by_steps = pykka_test_proxy_get_string (link, "inner");
  g_autofree char *by_half = pykka_test_proxy_get_string (chain, "child.inner");
  g_autofree char *string = pykka_actor_proxy_to_string (link);
  g_autofree char *expected = g_strdup_printf ("<ActorProxy for TraversableActor (%s), "
                                               "attr_path=('nested_chain', 'child')>",
                                               pykka_actor_ref_get_actor_urn (ref));

  g_assert_cmpstr (by_path, ==, "chain child");
  g_assert_cmpstr (by_steps, ==, "chain child");
  g_assert_cmpstr (by_half, ==, "chain child");
  g_assert_cmpstr (string, ==, expected);
  g_assert_true (pykka_actor_proxy_equal (link, link_direct));

  pykka_test_stop_all ();
}

/* A path through a property that does not hold an object, or through a method, fails at
 * once with NOT_TRAVERSABLE, whatever the access. */
static void
test_non_object_attr_cannot_be_traversed (void)
{
  const char *through[] = { "a_string", "add", "cat" };
  g_autoptr(PykkaActorRef) ref = start_traversable_actor (NULL);
  g_autoptr(PykkaActorProxy) proxy = pykka_test_make_proxy (ref);
  g_auto(GValue) arg = G_VALUE_INIT;

  pykka_test_value_init_string (&arg, "x");
  for (guint i = 0; i < G_N_ELEMENTS (through); i++)
    {
      g_autofree char *path = g_strconcat (through[i], ".inner", NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(PykkaActorProxy) traversed = NULL;
      g_autoptr(PykkaFuture) got = NULL;
      g_autoptr(PykkaFuture) called = NULL;

      g_test_message ("through %s", through[i]);
      traversed = pykka_actor_proxy_traverse (proxy, through[i], &error);
      g_assert_null (traversed);
      g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_NOT_TRAVERSABLE);
      g_clear_error (&error);

      got = pykka_actor_proxy_get_attr (proxy, path, &error);
      g_assert_null (got);
      g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_NOT_TRAVERSABLE);
      g_clear_error (&error);

      called = pykka_actor_proxy_call (proxy, path, &arg, 1, &error);
      g_assert_null (called);
      g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_NOT_TRAVERSABLE);
      g_clear_error (&error);

      g_assert_false (pykka_actor_proxy_defer (proxy, path, &arg, 1, &error));
      g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_NOT_TRAVERSABLE);
      g_clear_error (&error);

      g_assert_false (pykka_actor_proxy_set_attr (proxy, path, &arg, &error));
      g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_NOT_TRAVERSABLE);
    }

  pykka_test_stop_all ();
}

/* An object-typed property holding NULL holds no traversable object. */
static void
test_null_object_attr_fails_on_the_future (void)
{
  g_autoptr(PykkaActorRef) ref = start_traversable_actor (NULL);
  g_autoptr(PykkaActorProxy) proxy = pykka_test_make_proxy (ref);
  g_autoptr(PykkaActorProxy) nested = pykka_test_traverse (proxy, "nested_null");
  g_autoptr(GError) by_path = proxy_get_error (proxy, "nested_null.inner");
  g_autoptr(GError) by_nested = proxy_get_error (nested, "inner");

  g_assert_error (by_path, PYKKA_ERROR, PYKKA_ERROR_NOT_TRAVERSABLE);
  g_assert_error (by_nested, PYKKA_ERROR, PYKKA_ERROR_NOT_TRAVERSABLE);
  g_assert_true (pykka_actor_ref_is_alive (ref));

  pykka_test_stop_all ();
}

static void
test_unknown_name_in_path_is_no_such_attribute (void)
{
  const char *paths[] = { "missing.inner", "nested_with_type_marker.missing",
                          "nested_chain.missing.inner", "nested_chain.child.missing" };
  g_autoptr(PykkaActorRef) ref = start_traversable_actor (NULL);
  g_autoptr(PykkaActorProxy) proxy = pykka_test_make_proxy (ref);
  g_auto(GValue) arg = G_VALUE_INIT;

  pykka_test_value_init_string (&arg, "x");
  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PykkaActorProxy) traversed = NULL;
      g_autoptr(PykkaFuture) got = NULL;
      g_autoptr(PykkaFuture) called = NULL;

      g_test_message ("path %s", paths[i]);
      traversed = pykka_actor_proxy_traverse (proxy, paths[i], &error);
      g_assert_null (traversed);
      g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_NO_SUCH_ATTRIBUTE);
      g_assert_true (g_str_has_prefix (error->message, "<ActorProxy for TraversableActor ("));
      g_assert_true (g_str_has_suffix (error->message, "has no attribute 'missing'"));
      g_clear_error (&error);

      got = pykka_actor_proxy_get_attr (proxy, paths[i], &error);
      g_assert_null (got);
      g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_NO_SUCH_ATTRIBUTE);
      g_clear_error (&error);

      called = pykka_actor_proxy_call (proxy, paths[i], &arg, 1, &error);
      g_assert_null (called);
      g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_NO_SUCH_ATTRIBUTE);
      g_clear_error (&error);

      g_assert_false (pykka_actor_proxy_set_attr (proxy, paths[i], &arg, &error));
      g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_NO_SUCH_ATTRIBUTE);
    }

  pykka_test_stop_all ();
}

/* ------------------------------------------------------------------------------------------ */
/* Proxy messages sent with ask and tell directly */

static void
test_proxy_messages_keep_their_contents (void)
{
  GValue args[2] = { G_VALUE_INIT, G_VALUE_INIT };
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(PykkaProxyCall) call = NULL;
  g_autoptr(PykkaProxyCall) call_ref = NULL;
  g_autoptr(PykkaProxyCall) no_args = NULL;
  g_autoptr(PykkaProxyGetAttr) get = NULL;
  g_autoptr(PykkaProxySetAttr) set = NULL;
  const GValue *call_args;
  guint n_args = 99;

  g_value_init (&args[0], G_TYPE_INT);
  g_value_set_int (&args[0], 1);
  pykka_test_value_init_string (&args[1], "two");
  call = pykka_proxy_call_new ("nested_chain.child.shout", args, 2);
  /* The arguments were copied. */
  g_value_set_int (&args[0], 100);
  g_value_set_string (&args[1], "changed");

  g_assert_cmpstr (pykka_proxy_call_get_attr_path (call), ==, "nested_chain.child.shout");
  call_args = pykka_proxy_call_get_args (call, &n_args);
  g_assert_cmpuint (n_args, ==, 2);
  g_assert_true (G_VALUE_HOLDS_INT (&call_args[0]));
  g_assert_cmpint (g_value_get_int (&call_args[0]), ==, 1);
  g_assert_cmpstr (g_value_get_string (&call_args[1]), ==, "two");
  call_ref = pykka_proxy_call_ref (call);
  g_assert_true (call_ref == call);

  no_args = pykka_proxy_call_new ("add", NULL, 0);
  n_args = 99;
  g_assert_null (pykka_proxy_call_get_args (no_args, &n_args));
  g_assert_cmpuint (n_args, ==, 0);

  get = pykka_proxy_get_attr_new ("nested_chain.inner");
  g_assert_cmpstr (pykka_proxy_get_attr_get_attr_path (get), ==, "nested_chain.inner");

  pykka_test_value_init_string (&value, "new");
  set = pykka_proxy_set_attr_new ("cat", &value);
  g_value_set_string (&value, "changed");
  g_assert_cmpstr (pykka_proxy_set_attr_get_attr_path (set), ==, "cat");
  g_assert_cmpstr (g_value_get_string (pykka_proxy_set_attr_get_value (set)), ==, "new");

  g_value_unset (&args[0]);
  g_value_unset (&args[1]);
}

static void
test_proxy_messages_can_be_sent_with_ask (void)
{
  g_autoptr(PykkaActorRef) ref = start_traversable_actor (NULL);
  GValue args[2] = { G_VALUE_INIT, G_VALUE_INIT };
  g_auto(GValue) call_message = G_VALUE_INIT;
  g_auto(GValue) nested_call_message = G_VALUE_INIT;
  g_auto(GValue) get_message = G_VALUE_INIT;
  g_auto(GValue) set_message = G_VALUE_INIT;
  g_auto(GValue) new_cat = G_VALUE_INIT;
  g_auto(GValue) sum = G_VALUE_INIT;
  g_auto(GValue) set_reply = G_VALUE_INIT;
  g_autoptr(PykkaFuture) added = NULL;
  g_autoptr(PykkaFuture) shouted = NULL;
  g_autoptr(PykkaFuture) got = NULL;
  g_autoptr(PykkaFuture) set = NULL;
  g_autoptr(PykkaFuture) got_again = NULL;
  g_autofree char *shout = NULL;
  g_autofree char *inner = NULL;
  g_autofree char *cat = NULL;

  g_value_init (&args[0], G_TYPE_INT);
  g_value_set_int (&args[0], 1);
  g_value_init (&args[1], G_TYPE_INT);
  g_value_set_int (&args[1], 3);
  g_value_init (&call_message, PYKKA_TYPE_PROXY_CALL);
  g_value_take_boxed (&call_message, pykka_proxy_call_new ("add", args, 2));
  added = pykka_actor_ref_ask (ref, &call_message);
  pykka_test_future_get (added, &sum);
  g_assert_true (G_VALUE_HOLDS_INT (&sum));
  g_assert_cmpint (g_value_get_int (&sum), ==, 4);

  g_value_unset (&args[0]);
  pykka_test_value_init_string (&args[0], "hi");
  g_value_init (&nested_call_message, PYKKA_TYPE_PROXY_CALL);
  g_value_take_boxed (&nested_call_message,
                      pykka_proxy_call_new ("nested_chain.child.shout", args, 1));
  shouted = pykka_actor_ref_ask (ref, &nested_call_message);
  shout = pykka_test_future_get_string (shouted);
  g_assert_cmpstr (shout, ==, "chain child: hi!");

  g_value_init (&get_message, PYKKA_TYPE_PROXY_GET_ATTR);
  g_value_take_boxed (&get_message, pykka_proxy_get_attr_new ("nested_chain.inner"));
  got = pykka_actor_ref_ask (ref, &get_message);
  inner = pykka_test_future_get_string (got);
  g_assert_cmpstr (inner, ==, "chain");

  pykka_test_value_init_string (&new_cat, "eagle");
  g_value_init (&set_message, PYKKA_TYPE_PROXY_SET_ATTR);
  g_value_take_boxed (&set_message, pykka_proxy_set_attr_new ("cat", &new_cat));
  set = pykka_actor_ref_ask (ref, &set_message);
  pykka_test_future_get (set, &set_reply);
  g_assert_true (pykka_value_is_none (&set_reply));

  g_value_unset (&get_message);
  g_value_init (&get_message, PYKKA_TYPE_PROXY_GET_ATTR);
  g_value_take_boxed (&get_message, pykka_proxy_get_attr_new ("cat"));
  got_again = pykka_actor_ref_ask (ref, &get_message);
  cat = pykka_test_future_get_string (got_again);
  g_assert_cmpstr (cat, ==, "eagle");

  g_value_unset (&args[0]);
  g_value_unset (&args[1]);
  pykka_test_stop_all ();
}

static void
test_proxy_messages_can_be_sent_with_tell (void)
{
  g_autoptr(PykkaActorRef) ref = start_traversable_actor (NULL);
  g_autoptr(PykkaActorProxy) proxy = pykka_test_make_proxy (ref);
  g_autoptr(GError) error = NULL;
  g_auto(GValue) eagle = G_VALUE_INIT;
  g_auto(GValue) lion = G_VALUE_INIT;
  g_auto(GValue) told = G_VALUE_INIT;
  g_auto(GValue) set_cat_message = G_VALUE_INIT;
  g_auto(GValue) call_message = G_VALUE_INIT;
  g_auto(GValue) set_inner_message = G_VALUE_INIT;
  g_autofree char *cat = NULL;
  g_autofree char *inner = NULL;

  pykka_test_value_init_string (&eagle, "eagle");
  g_value_init (&set_cat_message, PYKKA_TYPE_PROXY_SET_ATTR);
  g_value_take_boxed (&set_cat_message, pykka_proxy_set_attr_new ("cat", &eagle));
  g_assert_true (pykka_actor_ref_tell (ref, &set_cat_message, &error));
  g_assert_no_error (error);

  pykka_test_value_init_string (&lion, "lion");
  g_value_init (&call_message, PYKKA_TYPE_PROXY_CALL);
  g_value_take_boxed (&call_message, pykka_proxy_call_new ("set_cat", &lion, 1));
  g_assert_true (pykka_actor_ref_tell (ref, &call_message, &error));
  g_assert_no_error (error);

  pykka_test_value_init_string (&told, "told");
  g_value_init (&set_inner_message, PYKKA_TYPE_PROXY_SET_ATTR);
  g_value_take_boxed (&set_inner_message,
                      pykka_proxy_set_attr_new ("nested_chain.child.inner", &told));
  g_assert_true (pykka_actor_ref_tell (ref, &set_inner_message, &error));
  g_assert_no_error (error);

  /* FIFO: the tells were handled in order, and before the reads. */
  cat = pykka_test_proxy_get_string (proxy, "cat");
  g_assert_cmpstr (cat, ==, "lion");
  inner = pykka_test_proxy_get_string (proxy, "nested_chain.child.inner");
  g_assert_cmpstr (inner, ==, "told");
  g_assert_true (pykka_actor_ref_is_alive (ref));

  pykka_test_stop_all ();
}

/* Messages skip the proxy's checks: errors are the actor's, on the future. */
static void
test_proxy_message_errors_come_on_the_future (void)
{
  g_autoptr(PykkaActorRef) ref = start_traversable_actor (NULL);
  g_auto(GValue) unknown = G_VALUE_INIT;
  g_auto(GValue) unmarked = G_VALUE_INIT;
  g_auto(GValue) read_only = G_VALUE_INIT;
  g_auto(GValue) on_property = G_VALUE_INIT;
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(PykkaFuture) unknown_future = NULL;
  g_autoptr(PykkaFuture) unmarked_future = NULL;
  g_autoptr(PykkaFuture) read_only_future = NULL;
  g_autoptr(PykkaFuture) on_property_future = NULL;
  g_autoptr(GError) unknown_error = NULL;
  g_autoptr(GError) unmarked_error = NULL;
  g_autoptr(GError) read_only_error = NULL;
  g_autoptr(GError) on_property_error = NULL;

  g_value_init (&unknown, PYKKA_TYPE_PROXY_CALL);
  g_value_take_boxed (&unknown, pykka_proxy_call_new ("unknown_method", NULL, 0));
  unknown_future = pykka_actor_ref_ask (ref, &unknown);
  unknown_error = pykka_test_future_get_error (unknown_future);
  g_assert_error (unknown_error, PYKKA_ERROR, PYKKA_ERROR_NO_SUCH_ATTRIBUTE);
  g_assert_nonnull (strstr (unknown_error->message, "has no attribute 'unknown_method'"));

  g_value_init (&unmarked, PYKKA_TYPE_PROXY_GET_ATTR);
  g_value_take_boxed (&unmarked, pykka_proxy_get_attr_new ("nested_with_no_marker.inner"));
  unmarked_future = pykka_actor_ref_ask (ref, &unmarked);
  unmarked_error = pykka_test_future_get_error (unmarked_future);
  g_assert_error (unmarked_error, PYKKA_ERROR, PYKKA_ERROR_NOT_TRAVERSABLE);

  pykka_test_value_init_string (&value, "x");
  g_value_init (&read_only, PYKKA_TYPE_PROXY_SET_ATTR);
  g_value_take_boxed (&read_only, pykka_proxy_set_attr_new ("a_string", &value));
  read_only_future = pykka_actor_ref_ask (ref, &read_only);
  read_only_error = pykka_test_future_get_error (read_only_future);
  g_assert_error (read_only_error, PYKKA_ERROR, PYKKA_ERROR_NO_SUCH_ATTRIBUTE);

  g_value_init (&on_property, PYKKA_TYPE_PROXY_CALL);
  g_value_take_boxed (&on_property, pykka_proxy_call_new ("cat", NULL, 0));
  on_property_future = pykka_actor_ref_ask (ref, &on_property);
  on_property_error = pykka_test_future_get_error (on_property_future);
  g_assert_error (on_property_error, PYKKA_ERROR, PYKKA_ERROR_INVALID_ARGUMENT);

  g_assert_true (pykka_actor_ref_is_alive (ref));

  pykka_test_stop_all ();
}

/* ------------------------------------------------------------------------------------------ */
/* pykka_actor_proxy_call_va() */

static void
test_call_va_returns_the_value (void)
{
  g_autoptr(PykkaActorRef) ref = start_traversable_actor (NULL);
  g_autoptr(PykkaActorProxy) proxy = pykka_test_make_proxy (ref);
  g_autoptr(PykkaActorProxy) chain = pykka_test_traverse (proxy, "nested_chain");
  g_autoptr(PykkaFuture) added = NULL;
  g_autoptr(PykkaFuture) shouted = NULL;
  g_autoptr(PykkaFuture) shouted_relative = NULL;
  g_autoptr(PykkaFuture) returned = NULL;
  g_auto(GValue) sum = G_VALUE_INIT;
  g_auto(GValue) object = G_VALUE_INIT;
  g_autofree char *shout = NULL;
  g_autofree char *shout_relative = NULL;

  added = pykka_actor_proxy_call_va (proxy, "add", G_TYPE_INT, 1, G_TYPE_INT, 3, G_TYPE_INVALID);
  pykka_test_future_get (added, &sum);
  g_assert_true (G_VALUE_HOLDS_INT (&sum));
  g_assert_cmpint (g_value_get_int (&sum), ==, 4);

  shouted = pykka_actor_proxy_call_va (proxy, "nested_with_type_marker.shout",
                                       G_TYPE_STRING, "va", G_TYPE_INVALID);
  shout = pykka_test_future_get_string (shouted);
  g_assert_cmpstr (shout, ==, "type marker: va!");

  shouted_relative = pykka_actor_proxy_call_va (chain, "child.shout",
                                                G_TYPE_STRING, "relative", G_TYPE_INVALID);
  shout_relative = pykka_test_future_get_string (shouted_relative);
  g_assert_cmpstr (shout_relative, ==, "chain child: relative!");

  returned = pykka_actor_proxy_call_va (proxy, "get_traversable", G_TYPE_INVALID);
  pykka_test_future_get (returned, &object);
  g_assert_true (G_VALUE_HOLDS (&object, TYPE_NESTED_BASE));

  pykka_test_stop_all ();
}

/* call_va never returns NULL: every error is the future's. */
static void
test_call_va_errors_come_on_the_future (void)
{
  g_autoptr(PykkaActorRef) ref = start_traversable_actor (NULL);
  g_autoptr(PykkaActorProxy) proxy = pykka_test_make_proxy (ref);
  g_autoptr(PykkaFuture) unknown = NULL;
  g_autoptr(PykkaFuture) too_few = NULL;
  g_autoptr(PykkaFuture) wrong_type = NULL;
  g_autoptr(PykkaFuture) not_traversable = NULL;
  g_autoptr(PykkaFuture) unmarked = NULL;
  g_autoptr(PykkaFuture) dead = NULL;
  g_autoptr(GError) unknown_error = NULL;
  g_autoptr(GError) too_few_error = NULL;
  g_autoptr(GError) wrong_type_error = NULL;
  g_autoptr(GError) not_traversable_error = NULL;
  g_autoptr(GError) unmarked_error = NULL;
  g_autoptr(GError) dead_error = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *ref_string = pykka_actor_ref_to_string (ref);
  g_autofree char *dead_message = g_strdup_printf ("%s not found", ref_string);

  unknown = pykka_actor_proxy_call_va (proxy, "unknown_method", G_TYPE_INVALID);
  unknown_error = pykka_test_future_get_error (unknown);
  g_assert_error (unknown_error, PYKKA_ERROR, PYKKA_ERROR_NO_SUCH_ATTRIBUTE);
  g_assert_true (g_str_has_suffix (unknown_error->message, "has no attribute 'unknown_method'"));

  too_few = pykka_actor_proxy_call_va (proxy, "add", G_TYPE_INT, 1, G_TYPE_INVALID);
  too_few_error = pykka_test_future_get_error (too_few);
  g_assert_error (too_few_error, PYKKA_ERROR, PYKKA_ERROR_INVALID_ARGUMENT);

  wrong_type = pykka_actor_proxy_call_va (proxy, "add", G_TYPE_STRING, "1", G_TYPE_INT, 3,
                                          G_TYPE_INVALID);
  wrong_type_error = pykka_test_future_get_error (wrong_type);
  g_assert_error (wrong_type_error, PYKKA_ERROR, PYKKA_ERROR_INVALID_ARGUMENT);

  not_traversable = pykka_actor_proxy_call_va (proxy, "a_string.shout", G_TYPE_STRING, "x",
                                               G_TYPE_INVALID);
  not_traversable_error = pykka_test_future_get_error (not_traversable);
  g_assert_error (not_traversable_error, PYKKA_ERROR, PYKKA_ERROR_NOT_TRAVERSABLE);

  unmarked = pykka_actor_proxy_call_va (proxy, "nested_with_no_marker.shout", G_TYPE_STRING, "x",
                                        G_TYPE_INVALID);
  unmarked_error = pykka_test_future_get_error (unmarked);
  g_assert_error (unmarked_error, PYKKA_ERROR, PYKKA_ERROR_NOT_TRAVERSABLE);

  g_assert_true (pykka_actor_ref_stop (ref, WAIT_US, &error));
  g_assert_no_error (error);
  dead = pykka_actor_proxy_call_va (proxy, "add", G_TYPE_INT, 1, G_TYPE_INT, 3, G_TYPE_INVALID);
  dead_error = pykka_test_future_get_error (dead);
  g_assert_error (dead_error, PYKKA_ERROR, PYKKA_ERROR_ACTOR_DEAD);
  g_assert_cmpstr (dead_error->message, ==, dead_message);

  pykka_test_stop_all ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  pykka_test_init (&argc, &argv);

  /* Pykka's @traversable class decorator. */
  pykka_traversable_type (TYPE_TYPE_MARKED_NESTED);

  g_test_add_func ("/traversable/attr-without-marker-cannot-be-traversed",
                   test_attr_without_marker_cannot_be_traversed);
  g_test_add_func ("/traversable/attr-of-traversable-attr-can-be-read/function-marker",
                   test_attr_of_traversable_attr_can_be_read_function_marker);
  g_test_add_func ("/traversable/attr-of-traversable-attr-can-be-read/type-marker",
                   test_attr_of_traversable_attr_can_be_read_type_marker);
  g_test_add_func ("/traversable/attr-of-traversable-attr-can-be-read/subtype-of-marked-type",
                   test_attr_of_traversable_attr_can_be_read_subtype_of_marked_type);
  g_test_add_func ("/traversable/attr-of-traversable-attr-can-be-read/interface-marker",
                   test_attr_of_traversable_attr_can_be_read_interface_marker);
  g_test_add_func ("/traversable/traversable-object-returned-from-method-is-not-traversed",
                   test_traversable_object_returned_from_method_is_not_traversed);
  g_test_add_func ("/traversable/marking-functions", test_marking_functions);

  g_test_add_func ("/traversable/methods-and-attributes-of-traversable-attr-can-be-used",
                   test_methods_and_attributes_of_traversable_attr_can_be_used);
  g_test_add_func ("/traversable/nested-traversable-attrs-can-be-reached",
                   test_nested_traversable_attrs_can_be_reached);
  g_test_add_func ("/traversable/non-object-attr-cannot-be-traversed",
                   test_non_object_attr_cannot_be_traversed);
  g_test_add_func ("/traversable/null-object-attr-fails-on-the-future",
                   test_null_object_attr_fails_on_the_future);
  g_test_add_func ("/traversable/unknown-name-in-path-is-no-such-attribute",
                   test_unknown_name_in_path_is_no_such_attribute);

  g_test_add_func ("/traversable/proxy-messages/keep-their-contents",
                   test_proxy_messages_keep_their_contents);
  g_test_add_func ("/traversable/proxy-messages/can-be-sent-with-ask",
                   test_proxy_messages_can_be_sent_with_ask);
  g_test_add_func ("/traversable/proxy-messages/can-be-sent-with-tell",
                   test_proxy_messages_can_be_sent_with_tell);
  g_test_add_func ("/traversable/proxy-messages/errors-come-on-the-future",
                   test_proxy_message_errors_come_on_the_future);

  g_test_add_func ("/traversable/call-va/returns-the-value", test_call_va_returns_the_value);
  g_test_add_func ("/traversable/call-va/errors-come-on-the-future",
                   test_call_va_errors_come_on_the_future);

  return g_test_run ();
}
