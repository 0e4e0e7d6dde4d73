/* test-method-calls.c: calling actor methods through a proxy (Pykka's
 * tests/proxy/test_static_method_calls.py and tests/proxy/test_dynamic_method_calls.py,
 * PYKKA-BEHAVIOUR.md §2.10, §2.11 and §4.6)
 *
 * SPDX-FileCopyrightText: 2026 The pykka-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "pykka-test-utils.h"

#define WAIT_MS 5000
#define WAIT_US (5 * G_TIME_SPAN_SECOND)

/* The test error domain: what Pykka's tests raise as Exception. */
#define TEST_ERROR (test_error_quark ())
static G_DEFINE_QUARK (test-method-calls-error-quark, test_error)

typedef enum
{
  TEST_ERROR_BOOM,
} TestError;

/* ------------------------------------------------------------------------------------------ */
/* Helpers */

/* Calls @attr_path with one string argument; the call must be accepted. */
static PykkaFuture *
call_with_string (PykkaActorProxy *proxy,
                  const char      *attr_path,
                  const char      *argument)
{
  g_auto(GValue) arg = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;
  PykkaFuture *future;

  pykka_test_value_init_string (&arg, argument);
  future = pykka_actor_proxy_call (proxy, attr_path, &arg, 1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (future);
  return future;
}

static PykkaFuture *
call_without_args (PykkaActorProxy *proxy,
                   const char      *attr_path)
{
  g_autoptr(GError) error = NULL;
  PykkaFuture *future = pykka_actor_proxy_call (proxy, attr_path, NULL, 0, &error);

  g_assert_no_error (error);
  g_assert_nonnull (future);
  return future;
}

static char *
proxy_get_string (PykkaActorProxy *proxy,
                  const char      *attr_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PykkaFuture) future = pykka_actor_proxy_get_attr (proxy, attr_path, &error);

  g_assert_no_error (error);
  return pykka_test_future_get_string (future);
}

/* ------------------------------------------------------------------------------------------ */
/* StaticMethodActor: Pykka's fixture. cat = "dog"; functional_hello(s) returns
 * "Hello, {s}!"; set_cat(s); raise_exception() fails with "boom!" (through the GError **
 * parameter the caller does not pass); talk_with_self() returns the future of a call made
 * through a proxy to itself; add(a, b) returns a + b. on_stop and on_failure set events; the
 * events are owned by the actor, so that they outlive its last use of them. */

#define TYPE_STATIC_METHOD_ACTOR (static_method_actor_get_type ())
G_DECLARE_FINAL_TYPE (StaticMethodActor, static_method_actor, STATIC_METHOD, ACTOR, PykkaActor)

struct _StaticMethodActor
{
  PykkaActor parent_instance;

  char *cat;
  PykkaTestEvent *on_stop_was_called;
  PykkaTestEvent *on_failure_was_called;
  GError *failure;                  /* written before on_failure_was_called is set */
};

G_DEFINE_FINAL_TYPE (StaticMethodActor, static_method_actor, PYKKA_TYPE_ACTOR)

enum
{
  PROP_CAT = 1,
};

static void
static_method_actor_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  StaticMethodActor *self = STATIC_METHOD_ACTOR (object);

  switch (prop_id)
    {
    case PROP_CAT:
      g_value_set_string (value, self->cat);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
static_method_actor_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  StaticMethodActor *self = STATIC_METHOD_ACTOR (object);

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
static_method_actor_finalize (GObject *object)
{
  StaticMethodActor *self = STATIC_METHOD_ACTOR (object);

  g_free (self->cat);
  pykka_test_event_free (self->on_stop_was_called);
  pykka_test_event_free (self->on_failure_was_called);
  g_clear_error (&self->failure);
  G_OBJECT_CLASS (static_method_actor_parent_class)->finalize (object);
}

static void
static_method_actor_on_stop (PykkaActor  *actor,
                             GError     **error)
{
  pykka_test_event_set (STATIC_METHOD_ACTOR (actor)->on_stop_was_called);
}

static void
static_method_actor_on_failure (PykkaActor    *actor,
                                const GError  *failure,
                                GError       **error)
{
  StaticMethodActor *self = STATIC_METHOD_ACTOR (actor);

  self->failure = g_error_copy (failure);
  pykka_test_event_set (self->on_failure_was_called);
}

static char *
static_method_actor_functional_hello (StaticMethodActor *self,
                                      const char        *s,
                                      gpointer           user_data)
{
  return g_strdup_printf ("Hello, %s!", s);
}

static void
static_method_actor_set_cat (StaticMethodActor *self,
                             const char        *s,
                             gpointer           user_data)
{
  g_free (self->cat);
  self->cat = g_strdup (s);
}

static void
static_method_actor_raise_exception (StaticMethodActor  *self,
                                     GError            **error,
                                     gpointer            user_data)
{
  g_set_error_literal (error, TEST_ERROR, TEST_ERROR_BOOM, "boom!");
}

/* Pykka: return self.actor_ref.proxy().functional_hello('from the future') */
static PykkaFuture *
static_method_actor_talk_with_self (StaticMethodActor *self,
                                    gpointer           user_data)
{
  g_autoptr(PykkaActorProxy) proxy = NULL;
  g_auto(GValue) arg = G_VALUE_INIT;

  proxy = pykka_actor_ref_proxy (pykka_actor_get_actor_ref (PYKKA_ACTOR (self)), NULL);
  if (proxy == NULL)
    return NULL;
  pykka_test_value_init_string (&arg, "from the future");
  return pykka_actor_proxy_call (proxy, "functional_hello", &arg, 1, NULL);
}

static int
static_method_actor_add (StaticMethodActor *self,
                         int                a,
                         int                b,
                         gpointer           user_data)
{
  return a + b;
}

static void
static_method_actor_class_init (StaticMethodActorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  PykkaActorClass *actor_class = PYKKA_ACTOR_CLASS (klass);
  GType type = G_TYPE_FROM_CLASS (klass);

  object_class->get_property = static_method_actor_get_property;
  object_class->set_property = static_method_actor_set_property;
  object_class->finalize = static_method_actor_finalize;
  actor_class->on_stop = static_method_actor_on_stop;
  actor_class->on_failure = static_method_actor_on_failure;

  g_object_class_install_property (object_class, PROP_CAT,
    g_param_spec_string ("cat", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));

  g_signal_new_class_handler ("functional-hello", type, G_SIGNAL_RUN_LAST | G_SIGNAL_ACTION,
                              G_CALLBACK (static_method_actor_functional_hello),
                              NULL, NULL, NULL, G_TYPE_STRING, 1, G_TYPE_STRING);
  g_signal_new_class_handler ("set-cat", type, G_SIGNAL_RUN_LAST | G_SIGNAL_ACTION,
                              G_CALLBACK (static_method_actor_set_cat),
                              NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  g_signal_new_class_handler ("raise-exception", type, G_SIGNAL_RUN_LAST | G_SIGNAL_ACTION,
                              G_CALLBACK (static_method_actor_raise_exception),
                              NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);
  g_signal_new_class_handler ("talk-with-self", type, G_SIGNAL_RUN_LAST | G_SIGNAL_ACTION,
                              G_CALLBACK (static_method_actor_talk_with_self),
                              NULL, NULL, NULL, PYKKA_TYPE_FUTURE, 0);
  g_signal_new_class_handler ("add", type, G_SIGNAL_RUN_LAST | G_SIGNAL_ACTION,
                              G_CALLBACK (static_method_actor_add),
                              NULL, NULL, NULL, G_TYPE_INT, 2, G_TYPE_INT, G_TYPE_INT);
}

static void
static_method_actor_init (StaticMethodActor *self)
{
  self->cat = g_strdup ("dog");
  self->on_stop_was_called = pykka_test_event_new ();
  self->on_failure_was_called = pykka_test_event_new ();
}

/* ------------------------------------------------------------------------------------------ */
/* DynamicMethodActor: Pykka's actor that adds methods at run time. add_method(name) adds the
 * action signal @name to the actor's type, from the actor's thread, after proxies exist; the
 * added method returns "returned by {name}". use_method_through_self_proxy(name) calls it
 * through a proxy to itself and returns that call's future. */

#define TYPE_DYNAMIC_METHOD_ACTOR (dynamic_method_actor_get_type ())
G_DECLARE_FINAL_TYPE (DynamicMethodActor, dynamic_method_actor, DYNAMIC_METHOD, ACTOR, PykkaActor)

struct _DynamicMethodActor
{
  PykkaActor parent_instance;
};

G_DEFINE_FINAL_TYPE (DynamicMethodActor, dynamic_method_actor, PYKKA_TYPE_ACTOR)

static char *
dynamic_method_actor_added_method (DynamicMethodActor *self,
                                   gpointer            user_data)
{
  GSignalInvocationHint *hint = g_signal_get_invocation_hint (self);

  return g_strdup_printf ("returned by %s", g_signal_name (hint->signal_id));
}

static void
dynamic_method_actor_add_method (DynamicMethodActor *self,
                                 const char         *name,
                                 gpointer            user_data)
{
  g_signal_new_class_handler (name, G_OBJECT_TYPE (self), G_SIGNAL_RUN_LAST | G_SIGNAL_ACTION,
                              G_CALLBACK (dynamic_method_actor_added_method),
                              NULL, NULL, NULL, G_TYPE_STRING, 0);
}

static PykkaFuture *
dynamic_method_actor_use_method_through_self_proxy (DynamicMethodActor *self,
                                                    const char         *name,
                                                    gpointer            user_data)
{
  g_autoptr(PykkaActorProxy) proxy = NULL;

  proxy = pykka_actor_ref_proxy (pykka_actor_get_actor_ref (PYKKA_ACTOR (self)), NULL);
  if (proxy == NULL)
    return NULL;
  return pykka_actor_proxy_call (proxy, name, NULL, 0, NULL);
}

static void
dynamic_method_actor_class_init (DynamicMethodActorClass *klass)
{
  GType type = G_TYPE_FROM_CLASS (klass);

  g_signal_new_class_handler ("add-method", type, G_SIGNAL_RUN_LAST | G_SIGNAL_ACTION,
                              G_CALLBACK (dynamic_method_actor_add_method),
                              NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  g_signal_new_class_handler ("use-method-through-self-proxy", type,
                              G_SIGNAL_RUN_LAST | G_SIGNAL_ACTION,
                              G_CALLBACK (dynamic_method_actor_use_method_through_self_proxy),
                              NULL, NULL, NULL, PYKKA_TYPE_FUTURE, 1, G_TYPE_STRING);
}

static void
dynamic_method_actor_init (DynamicMethodActor *self)
{
}

/* ------------------------------------------------------------------------------------------ */
/* ResolvingActor: an actor that resolves names itself, as language bindings do, by
 * overriding the call vfunc: "echo" returns its argument, any other name fails. */

#define TYPE_RESOLVING_ACTOR (resolving_actor_get_type ())
G_DECLARE_FINAL_TYPE (ResolvingActor, resolving_actor, RESOLVING, ACTOR, PykkaActor)

struct _ResolvingActor
{
  PykkaActor parent_instance;
};

G_DEFINE_FINAL_TYPE (ResolvingActor, resolving_actor, PYKKA_TYPE_ACTOR)

static void
resolving_actor_call (PykkaActor    *actor,
                      const char    *attr_path,
                      const GValue  *args,
                      guint          n_args,
                      GValue        *result,
                      GError       **error)
{
  if (g_str_equal (attr_path, "echo") && n_args == 1)
    {
      g_value_init (result, G_VALUE_TYPE (&args[0]));
      g_value_copy (&args[0], result);
      return;
    }
  g_set_error (error, PYKKA_ERROR, PYKKA_ERROR_NO_SUCH_ATTRIBUTE,
               "ResolvingActor has no method '%s'", attr_path);
}

static void
resolving_actor_class_init (ResolvingActorClass *klass)
{
  PYKKA_ACTOR_CLASS (klass)->call = resolving_actor_call;
}

static void
resolving_actor_init (ResolvingActor *self)
{
}

/* ------------------------------------------------------------------------------------------ */
/* test_static_method_calls.py */

static void
test_functional_method_call_returns_correct_value (void)
{
  g_autoptr(PykkaActorRef) ref = pykka_test_start_new_actor (TYPE_STATIC_METHOD_ACTOR);
  g_autoptr(PykkaActorProxy) proxy = pykka_test_make_proxy (ref);
  g_autoptr(PykkaFuture) world = call_with_string (proxy, "functional_hello", "world");
  g_autoptr(PykkaFuture) moon = call_with_string (proxy, "functional_hello", "moon");
  g_autofree char *world_result = pykka_test_future_get_string (world);
  g_autofree char *moon_result = pykka_test_future_get_string (moon);

  g_assert_cmpstr (world_result, ==, "Hello, world!");
  g_assert_cmpstr (moon_result, ==, "Hello, moon!");

  pykka_test_stop_all ();
}

static void
test_side_effect_of_method_call_is_observable (void)
{
  g_autoptr(PykkaActorRef) ref = pykka_test_start_new_actor (TYPE_STATIC_METHOD_ACTOR);
  g_autoptr(PykkaActorProxy) proxy = pykka_test_make_proxy (ref);
  g_autoptr(PykkaFuture) future = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *before = proxy_get_string (proxy, "cat");
  g_autofree char *after = NULL;

  g_assert_cmpstr (before, ==, "dog");

  future = call_with_string (proxy, "set_cat", "eagle");
  pykka_test_future_get (future, &value);
  /* A method without a return value gives None. */
  g_assert_true (pykka_value_is_none (&value));

  after = proxy_get_string (proxy, "cat");
  g_assert_cmpstr (after, ==, "eagle");

  pykka_test_stop_all ();
}

static void
test_side_effect_of_deferred_method_call_is_observable (void)
{
  g_autoptr(PykkaActorRef) ref = pykka_test_start_new_actor (TYPE_STATIC_METHOD_ACTOR);
  g_autoptr(PykkaActorProxy) proxy = pykka_test_make_proxy (ref);
  g_autoptr(GError) error = NULL;
  g_auto(GValue) arg = G_VALUE_INIT;
  g_autofree char *after = NULL;

  pykka_test_value_init_string (&arg, "eagle");
  g_assert_true (pykka_actor_proxy_defer (proxy, "set_cat", &arg, 1, &error));
  g_assert_no_error (error);

  /* FIFO: the read is handled after the deferred call. */
  after = proxy_get_string (proxy, "cat");
  g_assert_cmpstr (after, ==, "eagle");

  pykka_test_stop_all ();
}

static void
test_exception_in_method_reraised_by_future (void)
{
  g_autoptr(StaticMethodActor) actor = g_object_new (TYPE_STATIC_METHOD_ACTOR, NULL);
  g_autoptr(PykkaActorRef) ref = pykka_test_start_actor (actor);
  g_autoptr(PykkaActorProxy) proxy = pykka_test_make_proxy (ref);
  g_autoptr(PykkaFuture) future = NULL;
  g_autoptr(PykkaFuture) later = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *later_result = NULL;

  g_assert_false (pykka_test_event_is_set (actor->on_failure_was_called));

  future = call_without_args (proxy, "raise_exception");
  error = pykka_test_future_get_error (future);
  g_assert_error (error, TEST_ERROR, TEST_ERROR_BOOM);
  g_assert_cmpstr (error->message, ==, "boom!");

  /* The actor goes on: a later call is answered, and on_failure never ran. */
  later = call_with_string (proxy, "functional_hello", "again");
  later_result = pykka_test_future_get_string (later);
  g_assert_cmpstr (later_result, ==, "Hello, again!");
  g_assert_true (pykka_actor_ref_is_alive (ref));
  g_assert_false (pykka_test_event_is_set (actor->on_failure_was_called));

  pykka_test_stop_all ();
}

static void
test_exception_in_deferred_method_call_triggers_on_failure (void)
{
  g_autoptr(StaticMethodActor) actor = g_object_new (TYPE_STATIC_METHOD_ACTOR, NULL);
  g_autoptr(PykkaActorRef) ref = pykka_test_start_actor (actor);
  g_autoptr(PykkaActorProxy) proxy = pykka_test_make_proxy (ref);
  g_autoptr(GError) error = NULL;
  g_autofree char *ref_string = pykka_actor_ref_to_string (ref);
  g_autofree char *expected = NULL;
  g_auto(GStrv) warnings = NULL;

  pykka_test_log_reset ();
  g_assert_true (pykka_actor_proxy_defer (proxy, "raise_exception", NULL, 0, &error));
  g_assert_no_error (error);

  g_assert_true (pykka_test_event_wait (actor->on_failure_was_called, WAIT_MS));
  g_assert_error (actor->failure, TEST_ERROR, TEST_ERROR_BOOM);
  g_assert_cmpstr (actor->failure->message, ==, "boom!");
  g_assert_false (pykka_test_event_is_set (actor->on_stop_was_called));
  g_assert_false (pykka_actor_ref_is_alive (ref));

  warnings = pykka_test_log_messages (G_LOG_LEVEL_WARNING);
  g_assert_cmpuint (g_strv_length (warnings), ==, 1);
  expected = g_strdup_printf ("Unhandled exception in %s: boom! (%s, %d)", ref_string,
                              g_quark_to_string (TEST_ERROR), TEST_ERROR_BOOM);
  g_assert_cmpstr (warnings[0], ==, expected);

  pykka_test_stop_all ();
  g_assert_false (pykka_test_event_is_set (actor->on_stop_was_called));
}

static void
test_call_to_unknown_method_fails (void)
{
  g_autoptr(PykkaActorRef) ref = pykka_test_start_new_actor (TYPE_STATIC_METHOD_ACTOR);
  g_autoptr(PykkaActorProxy) proxy = pykka_test_make_proxy (ref);
  g_autoptr(PykkaFuture) future = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = g_strdup_printf ("<ActorProxy for StaticMethodActor (%s), "
                                               "attr_path=()> has no attribute 'unknown_method'",
                                               pykka_actor_ref_get_actor_urn (ref));

  future = pykka_actor_proxy_call (proxy, "unknown_method", NULL, 0, &error);
  g_assert_null (future);
  g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_NO_SUCH_ATTRIBUTE);
  g_assert_true (g_str_has_prefix (error->message, "<ActorProxy for StaticMethodActor"));
  g_assert_true (g_str_has_suffix (error->message, "has no attribute 'unknown_method'"));
  g_assert_cmpstr (error->message, ==, expected);

  pykka_test_stop_all ();
}

static void
test_deferred_call_to_unknown_method_fails (void)
{
  g_autoptr(PykkaActorRef) ref = pykka_test_start_new_actor (TYPE_STATIC_METHOD_ACTOR);
  g_autoptr(PykkaActorProxy) proxy = pykka_test_make_proxy (ref);
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = g_strdup_printf ("<ActorProxy for StaticMethodActor (%s), "
                                               "attr_path=()> has no attribute 'unknown_method'",
                                               pykka_actor_ref_get_actor_urn (ref));

  g_assert_false (pykka_actor_proxy_defer (proxy, "unknown_method", NULL, 0, &error));
  g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_NO_SUCH_ATTRIBUTE);
  g_assert_true (g_str_has_prefix (error->message, "<ActorProxy for StaticMethodActor"));
  g_assert_true (g_str_has_suffix (error->message, "has no attribute 'unknown_method'"));
  g_assert_cmpstr (error->message, ==, expected);
  /* Nothing reached the actor. */
  g_assert_true (pykka_actor_ref_is_alive (ref));

  pykka_test_stop_all ();
}

/* The method returns a future of a future; the inner one is answered after the outer
 * message, through the proxy the actor made to itself. */
static void
test_can_proxy_itself_for_offloading_work_to_the_future (void)
{
  g_autoptr(PykkaActorRef) ref = pykka_test_start_new_actor (TYPE_STATIC_METHOD_ACTOR);
  g_autoptr(PykkaActorProxy) proxy = pykka_test_make_proxy (ref);
  g_autoptr(PykkaFuture) outer = call_without_args (proxy, "talk_with_self");
  g_auto(GValue) value = G_VALUE_INIT;
  PykkaFuture *inner;
  g_autofree char *result = NULL;

  pykka_test_future_get (outer, &value);
  g_assert_true (G_VALUE_HOLDS (&value, PYKKA_TYPE_FUTURE));
  inner = g_value_get_object (&value);
  g_assert_true (PYKKA_IS_FUTURE (inner));
  g_assert_true (inner != outer);

  result = pykka_test_future_get_string (inner);
  g_assert_cmpstr (result, ==, "Hello, from the future!");

  pykka_test_stop_all ();
}

/* ------------------------------------------------------------------------------------------ */
/* test_dynamic_method_calls.py */

static void
test_can_call_method_that_was_added_at_runtime (void)
{
  g_autoptr(PykkaActorRef) ref = pykka_test_start_new_actor (TYPE_DYNAMIC_METHOD_ACTOR);
  g_autoptr(PykkaActorProxy) proxy = pykka_test_make_proxy (ref);
  g_autoptr(PykkaFuture) before = NULL;
  g_autoptr(PykkaFuture) added = NULL;
  g_autoptr(PykkaFuture) called = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GValue) added_value = G_VALUE_INIT;
  g_auto(GStrv) attrs_before = NULL;
  g_auto(GStrv) attrs_after = NULL;
  g_autofree char *result = NULL;

  /* The proxy exists and does not know foo yet. */
  before = pykka_actor_proxy_call (proxy, "foo", NULL, 0, &error);
  g_assert_null (before);
  g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_NO_SUCH_ATTRIBUTE);
  g_clear_error (&error);
  attrs_before = pykka_actor_proxy_list_attrs (proxy);
  g_assert_false (g_strv_contains ((const char * const *) attrs_before, "foo"));

  added = call_with_string (proxy, "add_method", "foo");
  pykka_test_future_get (added, &added_value);

  /* The same proxy now reaches it. */
  attrs_after = pykka_actor_proxy_list_attrs (proxy);
  g_assert_true (g_strv_contains ((const char * const *) attrs_after, "foo"));
  called = call_without_args (proxy, "foo");
  result = pykka_test_future_get_string (called);
  g_assert_cmpstr (result, ==, "returned by foo");

  pykka_test_stop_all ();
}

/* add_method is sent without waiting for it; the next call makes a proxy to the actor
 * itself inside its handler and calls the added method through it (FIFO). */
static void
test_can_proxy_itself_and_use_attrs_added_at_runtime (void)
{
  g_autoptr(PykkaActorRef) ref = pykka_test_start_new_actor (TYPE_DYNAMIC_METHOD_ACTOR);
  g_autoptr(PykkaActorProxy) proxy = pykka_test_make_proxy (ref);
  g_autoptr(PykkaFuture) before = NULL;
  g_autoptr(PykkaFuture) added = NULL;
  g_autoptr(PykkaFuture) outer = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *result = NULL;

  before = pykka_actor_proxy_call (proxy, "bar", NULL, 0, &error);
  g_assert_null (before);
  g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_NO_SUCH_ATTRIBUTE);
  g_clear_error (&error);

  added = call_with_string (proxy, "add_method", "bar");
  outer = call_with_string (proxy, "use_method_through_self_proxy", "bar");

  pykka_test_future_get (outer, &value);
  g_assert_true (G_VALUE_HOLDS (&value, PYKKA_TYPE_FUTURE));
  g_assert_nonnull (g_value_get_object (&value));
  result = pykka_test_future_get_string (g_value_get_object (&value));
  g_assert_cmpstr (result, ==, "returned by bar");
  g_assert_true (pykka_future_is_done (added));

  pykka_test_stop_all ();
}

/* ------------------------------------------------------------------------------------------ */
/* Decided C semantics (TESTING-NOTES "Proxies"): arguments and caller-side errors */

static void
test_method_names_accept_underscores_or_dashes (void)
{
  g_autoptr(PykkaActorRef) ref = pykka_test_start_new_actor (TYPE_STATIC_METHOD_ACTOR);
  g_autoptr(PykkaActorProxy) proxy = pykka_test_make_proxy (ref);
  g_autoptr(PykkaFuture) dashes = call_with_string (proxy, "functional-hello", "dashes");
  g_autoptr(PykkaFuture) underscores = call_with_string (proxy, "functional_hello", "underscores");
  g_autofree char *dashes_result = pykka_test_future_get_string (dashes);
  g_autofree char *underscores_result = pykka_test_future_get_string (underscores);

  g_assert_cmpstr (dashes_result, ==, "Hello, dashes!");
  g_assert_cmpstr (underscores_result, ==, "Hello, underscores!");

  pykka_test_stop_all ();
}

static void
test_wrong_argument_count_is_invalid_argument (void)
{
  g_autoptr(PykkaActorRef) ref = pykka_test_start_new_actor (TYPE_STATIC_METHOD_ACTOR);
  g_autoptr(PykkaActorProxy) proxy = pykka_test_make_proxy (ref);
  GValue args[3] = { G_VALUE_INIT, G_VALUE_INIT, G_VALUE_INIT };
  struct
  {
    const char *method;
    guint n_args;
  } cases[] = {
    { "functional_hello", 0 },
    { "functional_hello", 2 },
    { "add", 1 },
    { "add", 3 },
    { "talk_with_self", 1 },
  };
  g_autofree char *cat = NULL;

  pykka_test_value_init_string (&args[0], "one");
  pykka_test_value_init_string (&args[1], "two");
  pykka_test_value_init_string (&args[2], "three");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PykkaFuture) future = NULL;

      g_test_message ("%s with %u arguments", cases[i].method, cases[i].n_args);
      future = pykka_actor_proxy_call (proxy, cases[i].method, args, cases[i].n_args, &error);
      g_assert_null (future);
      g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_INVALID_ARGUMENT);
      g_clear_error (&error);

      g_assert_false (pykka_actor_proxy_defer (proxy, cases[i].method, args, cases[i].n_args,
                                               &error));
      g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_INVALID_ARGUMENT);
    }

  /* set_cat with no argument would have set cat to NULL had it been sent. */
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (pykka_actor_proxy_defer (proxy, "set_cat", NULL, 0, &error));
    g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_INVALID_ARGUMENT);
  }
  cat = proxy_get_string (proxy, "cat");
  g_assert_cmpstr (cat, ==, "dog");
  g_assert_true (pykka_actor_ref_is_alive (ref));

  for (guint i = 0; i < G_N_ELEMENTS (args); i++)
    g_value_unset (&args[i]);
  pykka_test_stop_all ();
}

static void
test_untransformable_argument_is_invalid_argument (void)
{
  g_autoptr(PykkaActorRef) ref = pykka_test_start_new_actor (TYPE_STATIC_METHOD_ACTOR);
  g_autoptr(PykkaActorProxy) proxy = pykka_test_make_proxy (ref);
  g_autoptr(GObject) object = g_object_new (G_TYPE_OBJECT, NULL);
  GValue add_args[2] = { G_VALUE_INIT, G_VALUE_INIT };
  g_auto(GValue) object_arg = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;
  g_autoptr(PykkaFuture) added = NULL;
  g_autoptr(PykkaFuture) hello = NULL;
  g_autofree char *cat = NULL;

  /* GLib cannot transform a string to an int, nor an object to a string. */
  pykka_test_value_init_string (&add_args[0], "1");
  pykka_test_value_init_int (&add_args[1], 2);
  g_value_init (&object_arg, G_TYPE_OBJECT);
  g_value_set_object (&object_arg, object);

  added = pykka_actor_proxy_call (proxy, "add", add_args, 2, &error);
  g_assert_null (added);
  g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  g_assert_false (pykka_actor_proxy_defer (proxy, "add", add_args, 2, &error));
  g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  hello = pykka_actor_proxy_call (proxy, "functional_hello", &object_arg, 1, &error);
  g_assert_null (hello);
  g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  g_assert_false (pykka_actor_proxy_defer (proxy, "set_cat", &object_arg, 1, &error));
  g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  cat = proxy_get_string (proxy, "cat");
  g_assert_cmpstr (cat, ==, "dog");
  g_assert_true (pykka_actor_ref_is_alive (ref));

  g_value_unset (&add_args[0]);
  g_value_unset (&add_args[1]);
  pykka_test_stop_all ();
}

/* Arguments are converted with g_value_transform; None converts to NULL. */
static void
test_arguments_are_converted (void)
{
  g_autoptr(PykkaActorRef) ref = pykka_test_start_new_actor (TYPE_STATIC_METHOD_ACTOR);
  g_autoptr(PykkaActorProxy) proxy = pykka_test_make_proxy (ref);
  GValue add_args[2] = { G_VALUE_INIT, G_VALUE_INIT };
  g_auto(GValue) int_arg = G_VALUE_INIT;
  g_auto(GValue) none = G_VALUE_INIT;
  g_auto(GValue) sum = G_VALUE_INIT;
  g_auto(GValue) set_result = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;
  g_autoptr(PykkaFuture) added = NULL;
  g_autoptr(PykkaFuture) hello = NULL;
  g_autoptr(PykkaFuture) set = NULL;
  g_autofree char *hello_result = NULL;
  g_autofree char *cat = NULL;

  g_value_init (&add_args[0], G_TYPE_INT64);
  g_value_set_int64 (&add_args[0], 40);
  g_value_init (&add_args[1], G_TYPE_UINT);
  g_value_set_uint (&add_args[1], 2);
  added = pykka_actor_proxy_call (proxy, "add", add_args, 2, &error);
  g_assert_no_error (error);
  pykka_test_future_get (added, &sum);
  g_assert_true (G_VALUE_HOLDS_INT (&sum));
  g_assert_cmpint (g_value_get_int (&sum), ==, 42);

  pykka_test_value_init_int (&int_arg, 42);
  hello = pykka_actor_proxy_call (proxy, "functional_hello", &int_arg, 1, &error);
  g_assert_no_error (error);
  hello_result = pykka_test_future_get_string (hello);
  g_assert_cmpstr (hello_result, ==, "Hello, 42!");

  pykka_value_init_none (&none);
  set = pykka_actor_proxy_call (proxy, "set_cat", &none, 1, &error);
  g_assert_no_error (error);
  pykka_test_future_get (set, &set_result);
  cat = proxy_get_string (proxy, "cat");
  g_assert_null (cat);

  g_value_unset (&add_args[0]);
  g_value_unset (&add_args[1]);
  pykka_test_stop_all ();
}

static void
test_call_on_property_is_invalid_argument (void)
{
  g_autoptr(PykkaActorRef) ref = pykka_test_start_new_actor (TYPE_STATIC_METHOD_ACTOR);
  g_autoptr(PykkaActorProxy) proxy = pykka_test_make_proxy (ref);
  g_autoptr(PykkaFuture) future = NULL;
  g_autoptr(GError) error = NULL;

  future = pykka_actor_proxy_call (proxy, "cat", NULL, 0, &error);
  g_assert_null (future);
  g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  g_assert_false (pykka_actor_proxy_defer (proxy, "cat", NULL, 0, &error));
  g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_INVALID_ARGUMENT);
  g_assert_true (pykka_actor_ref_is_alive (ref));

  pykka_test_stop_all ();
}

static void
test_call_on_dead_actor_fails_on_the_future (void)
{
  g_autoptr(PykkaActorRef) ref = pykka_test_start_new_actor (TYPE_STATIC_METHOD_ACTOR);
  g_autoptr(PykkaActorProxy) proxy = pykka_test_make_proxy (ref);
  g_autoptr(PykkaFuture) future = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) future_error = NULL;
  g_autofree char *ref_string = pykka_actor_ref_to_string (ref);
  g_autofree char *expected = g_strdup_printf ("%s not found", ref_string);

  g_assert_true (pykka_actor_ref_stop (ref, WAIT_US, &error));
  g_assert_no_error (error);

  future = call_with_string (proxy, "functional_hello", "anybody");
  future_error = pykka_test_future_get_error (future);
  g_assert_error (future_error, PYKKA_ERROR, PYKKA_ERROR_ACTOR_DEAD);
  g_assert_cmpstr (future_error->message, ==, expected);

  pykka_test_stop_all ();
}

static void
test_defer_on_dead_actor_fails (void)
{
  g_autoptr(PykkaActorRef) ref = pykka_test_start_new_actor (TYPE_STATIC_METHOD_ACTOR);
  g_autoptr(PykkaActorProxy) proxy = pykka_test_make_proxy (ref);
  g_autoptr(GError) error = NULL;
  g_auto(GValue) arg = G_VALUE_INIT;
  g_autofree char *ref_string = pykka_actor_ref_to_string (ref);
  g_autofree char *expected = g_strdup_printf ("%s not found", ref_string);

  g_assert_true (pykka_actor_ref_stop (ref, WAIT_US, &error));
  g_assert_no_error (error);

  pykka_test_value_init_string (&arg, "eagle");
  g_assert_false (pykka_actor_proxy_defer (proxy, "set_cat", &arg, 1, &error));
  g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_ACTOR_DEAD);
  g_assert_cmpstr (error->message, ==, expected);

  pykka_test_stop_all ();
}

/* An actor that overrides the call vfunc resolves names itself: the proxy checks nothing in
 * the caller's thread and errors come on the future. */
static void
test_actor_resolving_names_gets_errors_on_the_future (void)
{
  g_autoptr(PykkaActorRef) ref = pykka_test_start_new_actor (TYPE_RESOLVING_ACTOR);
  g_autoptr(PykkaActorProxy) proxy = pykka_test_make_proxy (ref);
  g_autoptr(PykkaFuture) echoed = call_with_string (proxy, "echo", "hi");
  g_autoptr(PykkaFuture) unknown = NULL;
  g_autoptr(PykkaFuture) unknown_attr = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) unknown_error = NULL;
  g_autoptr(GError) unknown_attr_error = NULL;
  g_autofree char *echo_result = pykka_test_future_get_string (echoed);

  g_assert_cmpstr (echo_result, ==, "hi");

  unknown = pykka_actor_proxy_call (proxy, "unknown_method", NULL, 0, &error);
  g_assert_no_error (error);
  unknown_error = pykka_test_future_get_error (unknown);
  g_assert_error (unknown_error, PYKKA_ERROR, PYKKA_ERROR_NO_SUCH_ATTRIBUTE);
  g_assert_cmpstr (unknown_error->message, ==, "ResolvingActor has no method 'unknown_method'");

  unknown_attr = pykka_actor_proxy_get_attr (proxy, "unknown_attr", &error);
  g_assert_no_error (error);
  unknown_attr_error = pykka_test_future_get_error (unknown_attr);
  g_assert_error (unknown_attr_error, PYKKA_ERROR, PYKKA_ERROR_NO_SUCH_ATTRIBUTE);
  g_assert_true (pykka_actor_ref_is_alive (ref));

  pykka_test_stop_all ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  pykka_test_init (&argc, &argv);

  g_test_add_func ("/method-calls/static/functional-method-call-returns-correct-value",
                   test_functional_method_call_returns_correct_value);
  g_test_add_func ("/method-calls/static/side-effect-of-method-call-is-observable",
                   test_side_effect_of_method_call_is_observable);
  g_test_add_func ("/method-calls/static/side-effect-of-deferred-method-call-is-observable",
                   test_side_effect_of_deferred_method_call_is_observable);
  g_test_add_func ("/method-calls/static/exception-in-method-reraised-by-future",
                   test_exception_in_method_reraised_by_future);
  g_test_add_func ("/method-calls/static/exception-in-deferred-method-call-triggers-on-failure",
                   test_exception_in_deferred_method_call_triggers_on_failure);
  g_test_add_func ("/method-calls/static/call-to-unknown-method-fails",
                   test_call_to_unknown_method_fails);
  g_test_add_func ("/method-calls/static/deferred-call-to-unknown-method-fails",
                   test_deferred_call_to_unknown_method_fails);
  g_test_add_func ("/method-calls/static/can-proxy-itself-for-offloading-work-to-the-future",
                   test_can_proxy_itself_for_offloading_work_to_the_future);

  g_test_add_func ("/method-calls/dynamic/can-call-method-that-was-added-at-runtime",
                   test_can_call_method_that_was_added_at_runtime);
  g_test_add_func ("/method-calls/dynamic/can-proxy-itself-and-use-attrs-added-at-runtime",
                   test_can_proxy_itself_and_use_attrs_added_at_runtime);

  g_test_add_func ("/method-calls/method-names-accept-underscores-or-dashes",
                   test_method_names_accept_underscores_or_dashes);
  g_test_add_func ("/method-calls/wrong-argument-count-is-invalid-argument",
                   test_wrong_argument_count_is_invalid_argument);
  g_test_add_func ("/method-calls/untransformable-argument-is-invalid-argument",
                   test_untransformable_argument_is_invalid_argument);
  g_test_add_func ("/method-calls/arguments-are-converted", test_arguments_are_converted);
  g_test_add_func ("/method-calls/call-on-property-is-invalid-argument",
                   test_call_on_property_is_invalid_argument);
  g_test_add_func ("/method-calls/call-on-dead-actor-fails-on-the-future",
                   test_call_on_dead_actor_fails_on_the_future);
  g_test_add_func ("/method-calls/defer-on-dead-actor-fails", test_defer_on_dead_actor_fails);
  g_test_add_func ("/method-calls/actor-resolving-names-gets-errors-on-the-future",
                   test_actor_resolving_names_gets_errors_on_the_future);

  return g_test_run ();
}
