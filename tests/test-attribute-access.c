/* test-attribute-access.c: reading and writing actor attributes through a proxy (Pykka's
 * tests/proxy/test_attribute_access.py, PYKKA-BEHAVIOUR.md §2.9 and §4.6)
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

/* Reads @attr_path through @proxy into @value (uninitialised). */
static void
proxy_get (PykkaActorProxy *proxy,
           const char      *attr_path,
           GValue          *value)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PykkaFuture) future = pykka_actor_proxy_get_attr (proxy, attr_path, &error);
  gboolean ok;

  g_assert_no_error (error);
  g_assert_nonnull (future);
  ok = pykka_future_get (future, WAIT_US, value, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
}

static int
proxy_get_int (PykkaActorProxy *proxy,
               const char      *attr_path)
{
  g_auto(GValue) value = G_VALUE_INIT;

  proxy_get (proxy, attr_path, &value);
  g_assert_true (G_VALUE_HOLDS_INT (&value));
  return g_value_get_int (&value);
}

static void
proxy_set_string (PykkaActorProxy *proxy,
                  const char      *attr_path,
                  const char      *string)
{
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;

  pykka_test_value_init_string (&value, string);
  g_assert_true (pykka_actor_proxy_set_attr (proxy, attr_path, &value, &error));
  g_assert_no_error (error);
}

/* ------------------------------------------------------------------------------------------ */
/* PropertyActor: Pykka's fixture. an_attr is a plain read-write attribute; the private
 * attribute is a struct field with no property (C has no '_' names); a_ro_property is
 * read-only, a_rw_property read-write; a_construct_only_property can only be given at
 * construction; an_int is an integer; counted_property counts its getter's calls; a_method is
 * a method. The setter of an_attr sets the event an_attr_set. */

#define TYPE_PROPERTY_ACTOR (property_actor_get_type ())
G_DECLARE_FINAL_TYPE (PropertyActor, property_actor, PROPERTY, ACTOR, PykkaActor)

struct _PropertyActor
{
  PykkaActor parent_instance;

  char *an_attr;
  char *private_attr;
  char *a_rw_property;
  char *a_construct_only_property;
  int an_int;
  gint getter_calls;               /* atomic */
  PykkaTestEvent *an_attr_set;     /* owned by the actor */
};

G_DEFINE_FINAL_TYPE (PropertyActor, property_actor, PYKKA_TYPE_ACTOR)

enum
{
  PROP_AN_ATTR = 1,
  PROP_A_RO_PROPERTY,
  PROP_A_RW_PROPERTY,
  PROP_A_CONSTRUCT_ONLY_PROPERTY,
  PROP_AN_INT,
  PROP_COUNTED_PROPERTY,
};

static void
property_actor_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  PropertyActor *self = PROPERTY_ACTOR (object);

  switch (prop_id)
    {
    case PROP_AN_ATTR:
      g_value_set_string (value, self->an_attr);
      break;
    case PROP_A_RO_PROPERTY:
      g_value_set_static_string (value, "a_ro_property");
      break;
    case PROP_A_RW_PROPERTY:
      g_value_set_string (value, self->a_rw_property);
      break;
    case PROP_A_CONSTRUCT_ONLY_PROPERTY:
      g_value_set_string (value, self->a_construct_only_property);
      break;
    case PROP_AN_INT:
      g_value_set_int (value, self->an_int);
      break;
    case PROP_COUNTED_PROPERTY:
      g_atomic_int_inc (&self->getter_calls);
      g_value_set_static_string (value, "counted");
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
property_actor_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  PropertyActor *self = PROPERTY_ACTOR (object);

  switch (prop_id)
    {
    case PROP_AN_ATTR:
      g_free (self->an_attr);
      self->an_attr = g_value_dup_string (value);
      pykka_test_event_set (self->an_attr_set);
      break;
    case PROP_A_RW_PROPERTY:
      g_free (self->a_rw_property);
      self->a_rw_property = g_value_dup_string (value);
      break;
    case PROP_A_CONSTRUCT_ONLY_PROPERTY:
      g_free (self->a_construct_only_property);
      self->a_construct_only_property = g_value_dup_string (value);
      break;
    case PROP_AN_INT:
      self->an_int = g_value_get_int (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
property_actor_finalize (GObject *object)
{
  PropertyActor *self = PROPERTY_ACTOR (object);

  g_free (self->an_attr);
  g_free (self->private_attr);
  g_free (self->a_rw_property);
  g_free (self->a_construct_only_property);
  pykka_test_event_free (self->an_attr_set);
  G_OBJECT_CLASS (property_actor_parent_class)->finalize (object);
}

static char *
property_actor_a_method (PropertyActor *self,
                         gpointer       user_data)
{
  return g_strdup ("a_method return");
}

static void
property_actor_class_init (PropertyActorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = property_actor_get_property;
  object_class->set_property = property_actor_set_property;
  object_class->finalize = property_actor_finalize;

  g_object_class_install_property (object_class, PROP_AN_ATTR,
    g_param_spec_string ("an-attr", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
  g_object_class_install_property (object_class, PROP_A_RO_PROPERTY,
    g_param_spec_string ("a-ro-property", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  g_object_class_install_property (object_class, PROP_A_RW_PROPERTY,
    g_param_spec_string ("a-rw-property", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
  g_object_class_install_property (object_class, PROP_A_CONSTRUCT_ONLY_PROPERTY,
    g_param_spec_string ("a-construct-only-property", NULL, NULL, "construct only",
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_property (object_class, PROP_AN_INT,
    g_param_spec_int ("an-int", NULL, NULL, G_MININT, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
  g_object_class_install_property (object_class, PROP_COUNTED_PROPERTY,
    g_param_spec_string ("counted-property", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_signal_new_class_handler ("a-method", G_TYPE_FROM_CLASS (klass),
                              G_SIGNAL_RUN_LAST | G_SIGNAL_ACTION,
                              G_CALLBACK (property_actor_a_method), NULL, NULL, NULL,
                              G_TYPE_STRING, 0);
}

static void
property_actor_init (PropertyActor *self)
{
  self->an_attr = g_strdup ("an_attr");
  self->private_attr = g_strdup ("secret");
  self->a_rw_property = g_strdup ("a_rw_property");
  self->an_attr_set = pykka_test_event_new ();
}

/* Starts a PropertyActor; @actor_out (optional) receives a reference to the actor. */
static PykkaActorRef *
start_property_actor (PropertyActor **actor_out)
{
  g_autoptr(PropertyActor) actor = g_object_new (TYPE_PROPERTY_ACTOR, NULL);
  PykkaActorRef *ref = pykka_test_start_actor (actor);

  if (actor_out != NULL)
    *actor_out = g_steal_pointer (&actor);
  return ref;
}

/* ------------------------------------------------------------------------------------------ */
/* test_attribute_access.py */

static void
test_attr_can_be_read_using_get (void)
{
  g_autoptr(PykkaActorRef) ref = start_property_actor (NULL);
  g_autoptr(PykkaActorProxy) proxy = pykka_test_make_proxy (ref);
  g_autofree char *value = pykka_test_proxy_get_string (proxy, "an_attr");

  g_assert_cmpstr (value, ==, "an_attr");

  pykka_test_stop_all ();
}

static void
test_attr_can_be_set_using_set_attr (void)
{
  g_autoptr(PropertyActor) actor = NULL;
  g_autoptr(PykkaActorRef) ref = start_property_actor (&actor);
  g_autoptr(PykkaActorProxy) proxy = pykka_test_make_proxy (ref);
  g_autofree char *value = NULL;

  proxy_set_string (proxy, "an_attr", "an_attr_2");
  /* set_attr returned after the actor applied the value (no waiting here). */
  g_assert_true (pykka_test_event_is_set (actor->an_attr_set));

  value = pykka_test_proxy_get_string (proxy, "an_attr");
  g_assert_cmpstr (value, ==, "an_attr_2");

  pykka_test_stop_all ();
}

/* Pykka raises at access time, before any get(): here the call fails and sends nothing. */
static void
test_private_attr_access_fails (void)
{
  g_autoptr(PykkaActorRef) ref = start_property_actor (NULL);
  g_autoptr(PykkaActorProxy) proxy = pykka_test_make_proxy (ref);
  g_autoptr(PykkaFuture) future = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GValue) value = G_VALUE_INIT;

  future = pykka_actor_proxy_get_attr (proxy, "_private_attr", &error);
  g_assert_null (future);
  g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_NO_SUCH_ATTRIBUTE);
  g_assert_nonnull (strstr (error->message, "has no attribute '_private_attr'"));
  g_clear_error (&error);

  pykka_test_value_init_string (&value, "not secret");
  g_assert_false (pykka_actor_proxy_set_attr (proxy, "_private_attr", &value, &error));
  g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_NO_SUCH_ATTRIBUTE);
  g_assert_nonnull (strstr (error->message, "has no attribute '_private_attr'"));

  pykka_test_stop_all ();
}

static void
test_missing_attr_access_fails (void)
{
  g_autoptr(PykkaActorRef) ref = start_property_actor (NULL);
  g_autoptr(PykkaActorProxy) proxy = pykka_test_make_proxy (ref);
  g_autoptr(PykkaFuture) future = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *proxy_string = pykka_actor_proxy_to_string (proxy);
  g_autofree char *expected = g_strdup_printf ("%s has no attribute 'missing_attr'",
                                               proxy_string);

  future = pykka_actor_proxy_get_attr (proxy, "missing_attr", &error);
  g_assert_null (future);
  g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_NO_SUCH_ATTRIBUTE);
  g_assert_cmpstr (error->message, ==, expected);
  g_clear_error (&error);

  /* Unlike Python, writing cannot create an attribute. */
  pykka_test_value_init_string (&value, "new");
  g_assert_false (pykka_actor_proxy_set_attr (proxy, "missing_attr", &value, &error));
  g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_NO_SUCH_ATTRIBUTE);
  g_assert_cmpstr (error->message, ==, expected);

  pykka_test_stop_all ();
}

/* PykkaActor's and GObject's own properties are not attributes. */
static void
test_base_class_properties_are_not_attributes (void)
{
  const char *names[] = { "actor_urn", "actor-urn", "actor_ref", "registry" };
  g_autoptr(PykkaActorRef) ref = start_property_actor (NULL);
  g_autoptr(PykkaActorProxy) proxy = pykka_test_make_proxy (ref);
  g_auto(GStrv) attrs = pykka_actor_proxy_list_attrs (proxy);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PykkaFuture) future = pykka_actor_proxy_get_attr (proxy, names[i], &error);

      g_assert_null (future);
      g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_NO_SUCH_ATTRIBUTE);
      g_assert_false (g_strv_contains ((const char * const *) attrs, names[i]));
    }
  g_assert_true (g_strv_contains ((const char * const *) attrs, "an_attr"));

  pykka_test_stop_all ();
}

static void
test_property_can_be_read_using_get (void)
{
  g_autoptr(PykkaActorRef) ref = start_property_actor (NULL);
  g_autoptr(PykkaActorProxy) proxy = pykka_test_make_proxy (ref);
  g_autofree char *ro = pykka_test_proxy_get_string (proxy, "a_ro_property");
  g_autofree char *rw = pykka_test_proxy_get_string (proxy, "a_rw_property");

  g_assert_cmpstr (ro, ==, "a_ro_property");
  g_assert_cmpstr (rw, ==, "a_rw_property");

  pykka_test_stop_all ();
}

static void
test_property_can_be_set_using_set_attr (void)
{
  g_autoptr(PykkaActorRef) ref = start_property_actor (NULL);
  g_autoptr(PykkaActorProxy) proxy = pykka_test_make_proxy (ref);
  g_autofree char *value = NULL;

  proxy_set_string (proxy, "a_rw_property", "a_rw_property_2");
  value = pykka_test_proxy_get_string (proxy, "a_rw_property");
  g_assert_cmpstr (value, ==, "a_rw_property_2");

  pykka_test_stop_all ();
}

/* The error raised by the actor reaches the caller of set_attr. */
static void
test_read_only_property_cannot_be_set (void)
{
  g_autoptr(PykkaActorRef) ref = start_property_actor (NULL);
  g_autoptr(PykkaActorProxy) proxy = pykka_test_make_proxy (ref);
  g_autoptr(GError) error = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *after = NULL;

  pykka_test_value_init_string (&value, "changed");
  g_assert_false (pykka_actor_proxy_set_attr (proxy, "a_ro_property", &value, &error));
  g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_NO_SUCH_ATTRIBUTE);

  after = pykka_test_proxy_get_string (proxy, "a_ro_property");
  g_assert_cmpstr (after, ==, "a_ro_property");
  g_assert_true (pykka_actor_ref_is_alive (ref));

  pykka_test_stop_all ();
}

static void
test_construct_only_property_cannot_be_set (void)
{
  g_autoptr(PykkaActorRef) ref = start_property_actor (NULL);
  g_autoptr(PykkaActorProxy) proxy = pykka_test_make_proxy (ref);
  g_autoptr(GError) error = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *after = NULL;

  pykka_test_value_init_string (&value, "changed");
  g_assert_false (pykka_actor_proxy_set_attr (proxy, "a_construct_only_property", &value,
                                              &error));
  g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_NO_SUCH_ATTRIBUTE);

  after = pykka_test_proxy_get_string (proxy, "a_construct_only_property");
  g_assert_cmpstr (after, ==, "construct only");

  pykka_test_stop_all ();
}

/* Making a proxy, listing attributes and sending reads never runs a getter; only handling
 * the read does, once per read. */
static void
test_property_is_not_accessed_when_creating_proxy (void)
{
  g_autoptr(PropertyActor) actor = NULL;
  g_autoptr(PykkaActorRef) ref = start_property_actor (&actor);
  g_autoptr(PykkaActorProxy) proxy = pykka_test_make_proxy (ref);
  g_autoptr(PykkaActorProxy) second = pykka_test_make_proxy (ref);
  g_auto(GStrv) attrs = pykka_actor_proxy_list_attrs (proxy);
  g_autofree char *other = NULL;
  g_autofree char *counted = NULL;

  g_assert_true (g_strv_contains ((const char * const *) attrs, "counted_property"));
  /* A read of another property has been handled: the proxies ran nothing before it. */
  other = pykka_test_proxy_get_string (second, "an_attr");
  g_assert_cmpstr (other, ==, "an_attr");
  g_assert_cmpint (g_atomic_int_get (&actor->getter_calls), ==, 0);

  counted = pykka_test_proxy_get_string (proxy, "counted_property");
  g_assert_cmpstr (counted, ==, "counted");
  g_assert_cmpint (g_atomic_int_get (&actor->getter_calls), ==, 1);

  pykka_test_stop_all ();
}

/* ------------------------------------------------------------------------------------------ */
/* Decided C semantics (TESTING-NOTES "Proxies") */

/* get_attr sends a message each time: each future holds the value at the time its read was
 * handled (FIFO with the blocking write in between). */
static void
test_get_attr_gives_a_fresh_future_each_call (void)
{
  g_autoptr(PykkaActorRef) ref = start_property_actor (NULL);
  g_autoptr(PykkaActorProxy) proxy = pykka_test_make_proxy (ref);
  g_autoptr(PykkaFuture) first = NULL;
  g_autoptr(PykkaFuture) second = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GValue) first_value = G_VALUE_INIT;
  g_auto(GValue) second_value = G_VALUE_INIT;
  gboolean ok;

  first = pykka_actor_proxy_get_attr (proxy, "an_attr", &error);
  g_assert_no_error (error);
  proxy_set_string (proxy, "an_attr", "changed");
  second = pykka_actor_proxy_get_attr (proxy, "an_attr", &error);
  g_assert_no_error (error);

  g_assert_true (first != second);
  ok = pykka_future_get (first, WAIT_US, &first_value, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  ok = pykka_future_get (second, WAIT_US, &second_value, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_cmpstr (g_value_get_string (&first_value), ==, "an_attr");
  g_assert_cmpstr (g_value_get_string (&second_value), ==, "changed");

  pykka_test_stop_all ();
}

static void
test_names_accept_underscores_or_dashes (void)
{
  g_autoptr(PykkaActorRef) ref = start_property_actor (NULL);
  g_autoptr(PykkaActorProxy) proxy = pykka_test_make_proxy (ref);
  g_autofree char *dashes = NULL;
  g_autofree char *underscores = NULL;

  proxy_set_string (proxy, "a-rw-property", "set with dashes");
  underscores = pykka_test_proxy_get_string (proxy, "a_rw_property");
  g_assert_cmpstr (underscores, ==, "set with dashes");

  proxy_set_string (proxy, "a_rw_property", "set with underscores");
  dashes = pykka_test_proxy_get_string (proxy, "a-rw-property");
  g_assert_cmpstr (dashes, ==, "set with underscores");

  pykka_test_stop_all ();
}

/* Values are converted to the property's type with g_value_transform. */
static void
test_set_attr_converts_values (void)
{
  g_autoptr(PykkaActorRef) ref = start_property_actor (NULL);
  g_autoptr(PykkaActorProxy) proxy = pykka_test_make_proxy (ref);
  g_auto(GValue) int64_value = G_VALUE_INIT;
  g_auto(GValue) int_value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;
  g_autofree char *string = NULL;

  g_value_init (&int64_value, G_TYPE_INT64);
  g_value_set_int64 (&int64_value, 7);
  g_assert_true (pykka_actor_proxy_set_attr (proxy, "an_int", &int64_value, &error));
  g_assert_no_error (error);
  g_assert_cmpint (proxy_get_int (proxy, "an_int"), ==, 7);

  g_value_init (&int_value, G_TYPE_INT);
  g_value_set_int (&int_value, 42);
  g_assert_true (pykka_actor_proxy_set_attr (proxy, "an_attr", &int_value, &error));
  g_assert_no_error (error);
  string = pykka_test_proxy_get_string (proxy, "an_attr");
  g_assert_cmpstr (string, ==, "42");

  pykka_test_stop_all ();
}

/* None converts to NULL for pointer-like types. */
static void
test_set_attr_none_converts_to_null (void)
{
  g_autoptr(PykkaActorRef) ref = start_property_actor (NULL);
  g_autoptr(PykkaActorProxy) proxy = pykka_test_make_proxy (ref);
  g_auto(GValue) none = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;

  pykka_value_init_none (&none);
  g_assert_true (pykka_actor_proxy_set_attr (proxy, "an_attr", &none, &error));
  g_assert_no_error (error);
  value = pykka_test_proxy_get_string (proxy, "an_attr");
  g_assert_null (value);

  pykka_test_stop_all ();
}

static void
test_set_attr_with_untransformable_value_fails (void)
{
  g_autoptr(PykkaActorRef) ref = start_property_actor (NULL);
  g_autoptr(PykkaActorProxy) proxy = pykka_test_make_proxy (ref);
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;

  /* GLib has no transformation from a string to an int. */
  pykka_test_value_init_string (&value, "12");
  g_assert_false (pykka_actor_proxy_set_attr (proxy, "an_int", &value, &error));
  g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_INVALID_ARGUMENT);
  g_assert_cmpint (proxy_get_int (proxy, "an_int"), ==, 0);
  g_assert_true (pykka_actor_ref_is_alive (ref));

  pykka_test_stop_all ();
}

static void
test_get_attr_on_method_is_invalid_argument (void)
{
  g_autoptr(PykkaActorRef) ref = start_property_actor (NULL);
  g_autoptr(PykkaActorProxy) proxy = pykka_test_make_proxy (ref);
  g_autoptr(PykkaFuture) future = NULL;
  g_autoptr(GError) error = NULL;

  future = pykka_actor_proxy_get_attr (proxy, "a_method", &error);
  g_assert_null (future);
  g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_INVALID_ARGUMENT);

  pykka_test_stop_all ();
}

static void
test_get_attr_on_dead_actor_fails_on_the_future (void)
{
  g_autoptr(PykkaActorRef) ref = start_property_actor (NULL);
  g_autoptr(PykkaActorProxy) proxy = pykka_test_make_proxy (ref);
  g_autoptr(PykkaFuture) future = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) future_error = NULL;
  g_autofree char *ref_string = pykka_actor_ref_to_string (ref);
  g_autofree char *expected = g_strdup_printf ("%s not found", ref_string);

  g_assert_true (pykka_actor_ref_stop (ref, WAIT_US, &error));
  g_assert_no_error (error);

  future = pykka_actor_proxy_get_attr (proxy, "an_attr", &error);
  g_assert_no_error (error);
  future_error = pykka_test_future_get_error (future);
  g_assert_error (future_error, PYKKA_ERROR, PYKKA_ERROR_ACTOR_DEAD);
  g_assert_cmpstr (future_error->message, ==, expected);

  pykka_test_stop_all ();
}

static void
test_set_attr_on_dead_actor_fails (void)
{
  g_autoptr(PykkaActorRef) ref = start_property_actor (NULL);
  g_autoptr(PykkaActorProxy) proxy = pykka_test_make_proxy (ref);
  g_autoptr(GError) error = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *ref_string = pykka_actor_ref_to_string (ref);
  g_autofree char *expected = g_strdup_printf ("%s not found", ref_string);

  g_assert_true (pykka_actor_ref_stop (ref, WAIT_US, &error));
  g_assert_no_error (error);

  pykka_test_value_init_string (&value, "too late");
  g_assert_false (pykka_actor_proxy_set_attr (proxy, "an_attr", &value, &error));
  g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_ACTOR_DEAD);
  g_assert_cmpstr (error->message, ==, expected);

  pykka_test_stop_all ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  pykka_test_init (&argc, &argv);

  g_test_add_func ("/attribute-access/attr-can-be-read-using-get",
                   test_attr_can_be_read_using_get);
  g_test_add_func ("/attribute-access/attr-can-be-set-using-set-attr",
                   test_attr_can_be_set_using_set_attr);
  g_test_add_func ("/attribute-access/private-attr-access-fails", test_private_attr_access_fails);
  g_test_add_func ("/attribute-access/missing-attr-access-fails", test_missing_attr_access_fails);
  g_test_add_func ("/attribute-access/base-class-properties-are-not-attributes",
                   test_base_class_properties_are_not_attributes);
  g_test_add_func ("/attribute-access/property-can-be-read-using-get",
                   test_property_can_be_read_using_get);
  g_test_add_func ("/attribute-access/property-can-be-set-using-set-attr",
                   test_property_can_be_set_using_set_attr);
  g_test_add_func ("/attribute-access/read-only-property-cannot-be-set",
                   test_read_only_property_cannot_be_set);
  g_test_add_func ("/attribute-access/construct-only-property-cannot-be-set",
                   test_construct_only_property_cannot_be_set);
  g_test_add_func ("/attribute-access/property-is-not-accessed-when-creating-proxy",
                   test_property_is_not_accessed_when_creating_proxy);
  g_test_add_func ("/attribute-access/get-attr-gives-a-fresh-future-each-call",
                   test_get_attr_gives_a_fresh_future_each_call);
  g_test_add_func ("/attribute-access/names-accept-underscores-or-dashes",
                   test_names_accept_underscores_or_dashes);
  g_test_add_func ("/attribute-access/set-attr-converts-values", test_set_attr_converts_values);
  g_test_add_func ("/attribute-access/set-attr-none-converts-to-null",
                   test_set_attr_none_converts_to_null);
  g_test_add_func ("/attribute-access/set-attr-with-untransformable-value-fails",
                   test_set_attr_with_untransformable_value_fails);
  g_test_add_func ("/attribute-access/get-attr-on-method-is-invalid-argument",
                   test_get_attr_on_method_is_invalid_argument);
  g_test_add_func ("/attribute-access/get-attr-on-dead-actor-fails-on-the-future",
                   test_get_attr_on_dead_actor_fails_on_the_future);
  g_test_add_func ("/attribute-access/set-attr-on-dead-actor-fails",
                   test_set_attr_on_dead_actor_fails);

  return g_test_run ();
}
