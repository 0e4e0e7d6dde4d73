/* test-bad-input-more.c: bad input to the entry points test-bad-input.c does not cover
 *
 * Proxies, the proxy messages, traversable marking, pools, the pool/context/hosted start
 * functions, the debug functions, the asynchronous functions, malformed and huge attribute
 * paths, untransformable values, 10 MB messages, dead actors and timeout 0 through proxies.
 * Each bad call gets a PykkaError or a g_return critical — never a crash, nothing leaked —
 * and the actor keeps working. docs/bad-input.md lists every row and its test.
 *
 * SPDX-FileCopyrightText: 2026 The pykka-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "pykka-test-utils.h"

#include <signal.h>
#include <string.h>

#define WAIT_MS 5000
#define WAIT_US (5 * G_TIME_SPAN_SECOND)
#define TEN_MB (10 * 1024 * 1024)

/* Runs @stmt and asserts that it hit a g_return_if_fail () of the public function @func. */
#define assert_critical(func, stmt) \
  G_STMT_START { \
    g_test_expect_message ("pykka", G_LOG_LEVEL_CRITICAL, func ": assertion*failed*"); \
    stmt; \
    g_test_assert_expected_messages (); \
  } G_STMT_END

#define assert_error_and_clear(error, code) \
  G_STMT_START { \
    g_assert_error ((error), PYKKA_ERROR, (code)); \
    g_clear_error (&(error)); \
  } G_STMT_END

#define TEST_MORE_ERROR (test_more_error_quark ())
static GQuark test_more_error_quark (void);
G_DEFINE_QUARK (test-bad-input-more-error-quark, test_more_error)

/* ------------------------------------------------------------------------------------------ */
/* NestedThing: an object an actor holds */

#define TEST_TYPE_NESTED_THING (nested_thing_get_type ())
G_DECLARE_FINAL_TYPE (NestedThing, nested_thing, TEST, NESTED_THING, GObject)

struct _NestedThing
{
  GObject parent_instance;
};

G_DEFINE_FINAL_TYPE (NestedThing, nested_thing, G_TYPE_OBJECT)

static char *
nested_thing_hello (NestedThing *self,
                    gpointer     user_data)
{
  return g_strdup ("hello");
}

static void
nested_thing_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  g_value_set_string (value, "value");
}

static void
nested_thing_class_init (NestedThingClass *klass)
{
  G_OBJECT_CLASS (klass)->get_property = nested_thing_get_property;
  g_object_class_install_property (G_OBJECT_CLASS (klass), 1,
    g_param_spec_string ("value", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  g_signal_new_class_handler ("hello", G_TYPE_FROM_CLASS (klass),
                              G_SIGNAL_RUN_LAST | G_SIGNAL_ACTION,
                              G_CALLBACK (nested_thing_hello), NULL, NULL, NULL,
                              G_TYPE_STRING, 0);
}

static void
nested_thing_init (NestedThing *self)
{
}

/* ------------------------------------------------------------------------------------------ */
/* MoreActor: methods and attributes of every kind */

#define TEST_TYPE_MORE_ACTOR (more_actor_get_type ())
G_DECLARE_FINAL_TYPE (MoreActor, more_actor, TEST, MORE_ACTOR, PykkaActor)

struct _MoreActor
{
  PykkaActor parent_instance;

  int number;
  char *text;
  int write_only;
  int construct_only;
  NestedThing *child;           /* marked traversable */
  NestedThing *untraversed;     /* not marked */
  PykkaTestEvent *blocking;
  PykkaTestEvent *release;
};

G_DEFINE_FINAL_TYPE (MoreActor, more_actor, PYKKA_TYPE_ACTOR)

enum
{
  PROP_0,
  PROP_NUMBER,
  PROP_TEXT,
  PROP_READ_ONLY,
  PROP_WRITE_ONLY,
  PROP_CONSTRUCT_ONLY,
  PROP_CHILD,
  PROP_UNTRAVERSED,
};

/* Method echo(text: str) -> str */
static char *
more_actor_echo (MoreActor  *self,
                 const char *text,
                 gpointer    user_data)
{
  return g_strdup (text);
}

/* Method add(a: int, b: int) -> int */
static int
more_actor_add (MoreActor *self,
                int        a,
                int        b,
                gpointer   user_data)
{
  return a + b;
}

/* Method length(text: str) -> uint64 */
static guint64
more_actor_length (MoreActor  *self,
                   const char *text,
                   gpointer    user_data)
{
  return text != NULL ? strlen (text) : 0;
}

/* Method take_object(object: GObject) -> bool: whether it got one */
static gboolean
more_actor_take_object (MoreActor *self,
                        GObject   *object,
                        gpointer   user_data)
{
  return object != NULL;
}

/* Method bump() -> None: adds one to number */
static void
more_actor_bump (MoreActor *self,
                 gpointer   user_data)
{
  self->number++;
}

/* Method block() -> None: waits until released */
static void
more_actor_block (MoreActor *self,
                  gpointer   user_data)
{
  pykka_test_event_set (self->blocking);
  pykka_test_event_wait (self->release, WAIT_MS);
}

/* Method fail() -> None, which fails */
static void
more_actor_fail (MoreActor  *self,
                 GError    **error,
                 gpointer    user_data)
{
  g_set_error_literal (error, TEST_MORE_ERROR, 1, "failed on purpose");
}

static void
more_actor_on_receive (PykkaActor    *actor,
                       const GValue  *message,
                       GValue        *reply,
                       GError       **error)
{
  if (G_VALUE_HOLDS_STRING (message) && g_strcmp0 (g_value_get_string (message), "ping") == 0)
    {
      g_value_init (reply, G_TYPE_STRING);
      g_value_set_string (reply, "pong");
    }
  else if (G_VALUE_HOLDS_STRING (message))
    {
      const char *text = g_value_get_string (message);

      g_value_init (reply, G_TYPE_UINT64);
      g_value_set_uint64 (reply, text != NULL ? strlen (text) : 0);
    }
  else if (G_VALUE_HOLDS (message, G_TYPE_BYTES))
    {
      GBytes *bytes = g_value_get_boxed (message);

      g_value_init (reply, G_TYPE_UINT64);
      g_value_set_uint64 (reply, bytes != NULL ? g_bytes_get_size (bytes) : 0);
    }
  else if (pykka_value_holds_list (message))
    {
      g_value_init (reply, G_TYPE_UINT);
      g_value_set_uint (reply, pykka_value_get_list (message)->len);
    }
  else
    {
      g_value_init (reply, G_TYPE_STRING);
      g_value_set_string (reply, "unexpected");
    }
}

static void
more_actor_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  MoreActor *self = TEST_MORE_ACTOR (object);

  switch (prop_id)
    {
    case PROP_NUMBER:
      g_value_set_int (value, self->number);
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_READ_ONLY:
      g_value_set_int (value, 5);
      break;
    case PROP_CONSTRUCT_ONLY:
      g_value_set_int (value, self->construct_only);
      break;
    case PROP_CHILD:
      g_value_set_object (value, self->child);
      break;
    case PROP_UNTRAVERSED:
      g_value_set_object (value, self->untraversed);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
more_actor_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  MoreActor *self = TEST_MORE_ACTOR (object);

  switch (prop_id)
    {
    case PROP_NUMBER:
      self->number = g_value_get_int (value);
      break;
    case PROP_TEXT:
      g_free (self->text);
      self->text = g_value_dup_string (value);
      break;
    case PROP_WRITE_ONLY:
      self->write_only = g_value_get_int (value);
      break;
    case PROP_CONSTRUCT_ONLY:
      self->construct_only = g_value_get_int (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
more_actor_finalize (GObject *object)
{
  MoreActor *self = TEST_MORE_ACTOR (object);

  g_free (self->text);
  g_clear_object (&self->child);
  g_clear_object (&self->untraversed);
  pykka_test_event_free (self->blocking);
  pykka_test_event_free (self->release);
  G_OBJECT_CLASS (more_actor_parent_class)->finalize (object);
}

static void
more_actor_class_init (MoreActorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GType type = G_TYPE_FROM_CLASS (klass);
  GSignalFlags flags = G_SIGNAL_RUN_LAST | G_SIGNAL_ACTION;

  object_class->get_property = more_actor_get_property;
  object_class->set_property = more_actor_set_property;
  object_class->finalize = more_actor_finalize;
  PYKKA_ACTOR_CLASS (klass)->on_receive = more_actor_on_receive;

  g_object_class_install_property (object_class, PROP_NUMBER,
    g_param_spec_int ("number", NULL, NULL, G_MININT, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
  g_object_class_install_property (object_class, PROP_TEXT,
    g_param_spec_string ("text", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
  g_object_class_install_property (object_class, PROP_READ_ONLY,
    g_param_spec_int ("read-only", NULL, NULL, G_MININT, G_MAXINT, 5,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  g_object_class_install_property (object_class, PROP_WRITE_ONLY,
    g_param_spec_int ("write-only", NULL, NULL, G_MININT, G_MAXINT, 0,
                      G_PARAM_WRITABLE | G_PARAM_STATIC_STRINGS));
  g_object_class_install_property (object_class, PROP_CONSTRUCT_ONLY,
    g_param_spec_int ("construct-only", NULL, NULL, G_MININT, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_property (object_class, PROP_CHILD,
    g_param_spec_object ("child", NULL, NULL, TEST_TYPE_NESTED_THING,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  g_object_class_install_property (object_class, PROP_UNTRAVERSED,
    g_param_spec_object ("untraversed", NULL, NULL, TEST_TYPE_NESTED_THING,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_signal_new_class_handler ("echo", type, flags, G_CALLBACK (more_actor_echo),
                              NULL, NULL, NULL, G_TYPE_STRING, 1, G_TYPE_STRING);
  g_signal_new_class_handler ("add", type, flags, G_CALLBACK (more_actor_add),
                              NULL, NULL, NULL, G_TYPE_INT, 2, G_TYPE_INT, G_TYPE_INT);
  g_signal_new_class_handler ("length", type, flags, G_CALLBACK (more_actor_length),
                              NULL, NULL, NULL, G_TYPE_UINT64, 1, G_TYPE_STRING);
  g_signal_new_class_handler ("take-object", type, flags, G_CALLBACK (more_actor_take_object),
                              NULL, NULL, NULL, G_TYPE_BOOLEAN, 1, G_TYPE_OBJECT);
  g_signal_new_class_handler ("bump", type, flags, G_CALLBACK (more_actor_bump),
                              NULL, NULL, NULL, G_TYPE_NONE, 0);
  g_signal_new_class_handler ("block", type, flags, G_CALLBACK (more_actor_block),
                              NULL, NULL, NULL, G_TYPE_NONE, 0);
  g_signal_new_class_handler ("fail", type, flags, G_CALLBACK (more_actor_fail),
                              NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);
}

static void
more_actor_init (MoreActor *self)
{
  self->child = g_object_new (TEST_TYPE_NESTED_THING, NULL);
  pykka_traversable (G_OBJECT (self->child));
  self->untraversed = g_object_new (TEST_TYPE_NESTED_THING, NULL);
  self->blocking = pykka_test_event_new ();
  self->release = pykka_test_event_new ();
}

/* ------------------------------------------------------------------------------------------ */
/* The fixture: one started actor in an isolated registry, its proxy, things of wrong types */

typedef struct
{
  PykkaActorRegistry *registry;
  MoreActor *actor;
  PykkaActorRef *ref;
  PykkaActorProxy *proxy;
  GObject *object;              /* a plain GObject: of none of Pykka's types */
  PykkaFuture *future;          /* a Pykka object of the wrong type */
  GValue ping;
  GValue set_value;             /* an initialised value, where an empty one is needed */
  GValue unset_value;           /* zero-filled, uninitialised */
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->registry = pykka_actor_registry_new ();
  fixture->actor = g_object_new (TEST_TYPE_MORE_ACTOR, "registry", fixture->registry, NULL);
  fixture->ref = pykka_test_start (PYKKA_ACTOR (fixture->actor), &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->ref);
  fixture->proxy = pykka_actor_ref_proxy (fixture->ref, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->proxy);
  fixture->object = g_object_new (G_TYPE_OBJECT, NULL);
  fixture->future = pykka_future_new ();
  g_value_init (&fixture->ping, G_TYPE_STRING);
  g_value_set_string (&fixture->ping, "ping");
  g_value_init (&fixture->set_value, G_TYPE_INT);
  g_value_set_int (&fixture->set_value, 7);

  /* Running (a hosted actor of the "caller" runtime may not run yet otherwise). */
  {
    g_auto(GValue) reply = G_VALUE_INIT;

    g_assert_true (pykka_actor_ref_ask_sync (fixture->ref, &fixture->ping, WAIT_US, &reply,
                                             &error));
    g_assert_no_error (error);
  }
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  pykka_test_event_set (fixture->actor->release);
  g_assert_true (pykka_actor_registry_stop_all (fixture->registry, PYKKA_FOREVER, &error));
  g_assert_no_error (error);
  g_value_unset (&fixture->ping);
  g_value_unset (&fixture->set_value);
  g_assert_false (G_IS_VALUE (&fixture->unset_value));
  g_clear_object (&fixture->future);
  g_clear_object (&fixture->object);
  g_clear_object (&fixture->proxy);
  g_clear_object (&fixture->ref);
  g_clear_object (&fixture->actor);
  g_clear_object (&fixture->registry);
}

/* The actor still answers, through its ref and its proxy: a bad call changed nothing. */
static void
assert_actor_works (Fixture *fixture)
{
  g_auto(GValue) reply = G_VALUE_INIT;
  g_auto(GValue) echoed = G_VALUE_INIT;
  g_auto(GValue) arg = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;
  g_autoptr(PykkaFuture) future = NULL;

  g_assert_true (pykka_actor_ref_is_alive (fixture->ref));
  g_assert_true (pykka_actor_ref_ask_sync (fixture->ref, &fixture->ping, WAIT_US, &reply,
                                           &error));
  g_assert_no_error (error);
  g_assert_cmpstr (g_value_get_string (&reply), ==, "pong");

  g_value_init (&arg, G_TYPE_STRING);
  g_value_set_string (&arg, "still here");
  future = pykka_actor_proxy_call (fixture->proxy, "echo", &arg, 1, &error);
  g_assert_no_error (error);
  g_assert_true (pykka_future_get (future, WAIT_US, &echoed, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (g_value_get_string (&echoed), ==, "still here");
}

/* Waits for @future, which must fail with @code of PYKKA_ERROR; @future is consumed. */
static void
assert_future_fails (PykkaFuture *future,
                     gint         code)
{
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (future);
  g_assert_false (pykka_future_get (future, WAIT_US, &value, &error));
  g_assert_error (error, PYKKA_ERROR, code);
  g_assert_true (pykka_value_is_none (&value));
  g_object_unref (future);
}

static GValue *
value_new_string (const char *text)
{
  GValue *value = g_new0 (GValue, 1);

  g_value_init (value, G_TYPE_STRING);
  g_value_set_string (value, text);
  return value;
}

static void
value_free (GValue *value)
{
  g_value_unset (value);
  g_free (value);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GValue, value_free)

/* Runs the current test in a subprocess and asserts that it passed. GLib's own debug
 * records (pykka_test_init () enables them) would go to the TAP stream unescaped meanwhile
 * (under valgrind: "pidfd_open failed"), so they are off while the parent waits. */
static void
trap_subprocess_passes (const char *expected_stdout)
{
  g_log_set_debug_enabled (FALSE);
  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_log_set_debug_enabled (TRUE);
  g_test_trap_assert_passed ();
  if (expected_stdout != NULL)
    g_test_trap_assert_stdout (expected_stdout);
}

/* ------------------------------------------------------------------------------------------ */
/* pykka-actor-proxy.h: programming errors */

static void
test_proxy_ref_proxy (Fixture       *fixture,
                      gconstpointer  data)
{
  GError *error = NULL;
  g_autoptr(GError) set = g_error_new_literal (TEST_MORE_ERROR, 3, "already here");

  assert_critical ("pykka_actor_ref_proxy", g_assert_null (pykka_actor_ref_proxy (NULL, &error)));
  assert_critical ("pykka_actor_ref_proxy",
                   g_assert_null (pykka_actor_ref_proxy ((PykkaActorRef *) fixture->object,
                                                         &error)));
  assert_critical ("pykka_actor_ref_proxy",
                   g_assert_null (pykka_actor_ref_proxy ((PykkaActorRef *) fixture->future,
                                                         &error)));
  g_assert_no_error (error);
  assert_critical ("pykka_actor_ref_proxy",
                   g_assert_null (pykka_actor_ref_proxy (fixture->ref, &set)));
  g_assert_error (set, TEST_MORE_ERROR, 3);
  assert_actor_works (fixture);
}

static void
test_proxy_call (Fixture       *fixture,
                 gconstpointer  data)
{
  PykkaActorProxy *wrong = (PykkaActorProxy *) fixture->object;
  PykkaActorProxy *proxy = fixture->proxy;
  g_autoptr(GError) set = g_error_new_literal (TEST_MORE_ERROR, 3, "already here");
  GValue args[2] = { G_VALUE_INIT, G_VALUE_INIT };
  GError *error = NULL;

  g_value_init (&args[0], G_TYPE_INT);
  g_value_set_int (&args[0], 1);

  assert_critical ("pykka_actor_proxy_call",
                   g_assert_null (pykka_actor_proxy_call (NULL, "add", NULL, 0, &error)));
  assert_critical ("pykka_actor_proxy_call",
                   g_assert_null (pykka_actor_proxy_call (wrong, "add", NULL, 0, &error)));
  assert_critical ("pykka_actor_proxy_call",
                   g_assert_null (pykka_actor_proxy_call ((PykkaActorProxy *) fixture->future,
                                                          "add", NULL, 0, &error)));
  assert_critical ("pykka_actor_proxy_call",
                   g_assert_null (pykka_actor_proxy_call (proxy, NULL, NULL, 0, &error)));
  assert_critical ("pykka_actor_proxy_call",
                   g_assert_null (pykka_actor_proxy_call (proxy, "add", NULL, 2, &error)));
  /* The second argument is not initialised. */
  assert_critical ("pykka_actor_proxy_call",
                   g_assert_null (pykka_actor_proxy_call (proxy, "add", args, 2, &error)));
  assert_critical ("pykka_actor_proxy_call",
                   g_assert_null (pykka_actor_proxy_call (proxy, "bump", NULL, 0, &set)));
  g_assert_no_error (error);
  g_assert_error (set, TEST_MORE_ERROR, 3);

  /* Misuse that is no programming error gets its PykkaError at once. */
  g_assert_null (pykka_actor_proxy_call (proxy, "nope", NULL, 0, &error));
  assert_error_and_clear (error, PYKKA_ERROR_NO_SUCH_ATTRIBUTE);
  g_assert_null (pykka_actor_proxy_call (proxy, "number", NULL, 0, &error));
  assert_error_and_clear (error, PYKKA_ERROR_INVALID_ARGUMENT);
  g_assert_null (pykka_actor_proxy_call (proxy, "add", args, 1, &error));
  assert_error_and_clear (error, PYKKA_ERROR_INVALID_ARGUMENT);
  g_assert_null (pykka_actor_proxy_call (proxy, "bump", args, 1, &error));
  assert_error_and_clear (error, PYKKA_ERROR_INVALID_ARGUMENT);
  g_assert_null (pykka_actor_proxy_call (proxy, "number.x", NULL, 0, &error));
  assert_error_and_clear (error, PYKKA_ERROR_NOT_TRAVERSABLE);
  g_assert_null (pykka_actor_proxy_call (proxy, "echo.x", NULL, 0, &error));
  assert_error_and_clear (error, PYKKA_ERROR_NOT_TRAVERSABLE);
  g_assert_null (pykka_actor_proxy_call (proxy, "child.nope", NULL, 0, &error));
  assert_error_and_clear (error, PYKKA_ERROR_NO_SUCH_ATTRIBUTE);

  /* A method that fails fails its future; the actor goes on. */
  assert_future_fails (pykka_actor_proxy_call (proxy, "untraversed.hello", NULL, 0, &error),
                       PYKKA_ERROR_NOT_TRAVERSABLE);
  g_assert_no_error (error);
  {
    g_autoptr(PykkaFuture) failing = pykka_actor_proxy_call (proxy, "fail", NULL, 0, &error);
    g_auto(GValue) value = G_VALUE_INIT;

    g_assert_no_error (error);
    g_assert_false (pykka_future_get (failing, WAIT_US, &value, &error));
    g_assert_error (error, TEST_MORE_ERROR, 1);
    g_clear_error (&error);
  }

  g_value_unset (&args[0]);
  assert_actor_works (fixture);
}

static void
test_proxy_call_va (Fixture       *fixture,
                    gconstpointer  data)
{
  PykkaActorProxy *proxy = fixture->proxy;

  assert_critical ("pykka_actor_proxy_call_va",
                   g_assert_null (pykka_actor_proxy_call_va (NULL, "add", G_TYPE_INVALID)));
  assert_critical ("pykka_actor_proxy_call_va",
                   g_assert_null (pykka_actor_proxy_call_va ((PykkaActorProxy *) fixture->object,
                                                             "add", G_TYPE_INVALID)));
  assert_critical ("pykka_actor_proxy_call_va",
                   g_assert_null (pykka_actor_proxy_call_va (proxy, NULL, G_TYPE_INVALID)));

  /* Every other error is the error of the future. */
  assert_future_fails (pykka_actor_proxy_call_va (proxy, "nope", G_TYPE_INVALID),
                       PYKKA_ERROR_NO_SUCH_ATTRIBUTE);
  assert_future_fails (pykka_actor_proxy_call_va (proxy, "", G_TYPE_INVALID),
                       PYKKA_ERROR_INVALID_ARGUMENT);
  assert_future_fails (pykka_actor_proxy_call_va (proxy, "add", G_TYPE_INT, 1, G_TYPE_INVALID),
                       PYKKA_ERROR_INVALID_ARGUMENT);
  assert_future_fails (pykka_actor_proxy_call_va (proxy, "add", G_TYPE_OBJECT, fixture->object,
                                                  G_TYPE_INT, 1, G_TYPE_INVALID),
                       PYKKA_ERROR_INVALID_ARGUMENT);
  assert_future_fails (pykka_actor_proxy_call_va (proxy, "add", G_TYPE_STRING, "1",
                                                  G_TYPE_INT, 1, G_TYPE_INVALID),
                       PYKKA_ERROR_INVALID_ARGUMENT);
  assert_actor_works (fixture);
}

/* A type that cannot travel in a GValue (no value table) given to call_va: a critical or an
 * error, never a crash. Runs in a subprocess. */
static void
test_proxy_call_va_no_value_type (Fixture       *fixture,
                                  gconstpointer  data)
{
  if (g_test_subprocess ())
    {
      g_autoptr(PykkaFuture) future = NULL;

      g_log_set_always_fatal (G_LOG_FATAL_MASK);
      future = pykka_actor_proxy_call_va (fixture->proxy, "echo", G_TYPE_NONE, NULL,
                                          G_TYPE_INVALID);
      if (future != NULL)
        assert_future_fails (g_steal_pointer (&future), PYKKA_ERROR_INVALID_ARGUMENT);
      future = pykka_actor_proxy_call_va (fixture->proxy, "echo", G_TYPE_INTERFACE, NULL,
                                          G_TYPE_INVALID);
      if (future != NULL)
        assert_future_fails (g_steal_pointer (&future), PYKKA_ERROR_INVALID_ARGUMENT);
      assert_actor_works (fixture);
      g_print ("survived\n");
      return;
    }

  trap_subprocess_passes ("*survived*");
}

/* A value of a type derived from G_TYPE_POINTER (a GType) given for the GError ** of a method
 * that can fail: refused, or at least never written through. Runs in a subprocess. */
static void
test_proxy_call_error_slot (Fixture       *fixture,
                            gconstpointer  data)
{
  if (g_test_subprocess ())
    {
      g_autoptr(PykkaFuture) future = NULL;
      g_autoptr(GError) error = NULL;
      g_auto(GValue) arg = G_VALUE_INIT;

      g_value_init (&arg, G_TYPE_GTYPE);
      g_value_set_gtype (&arg, TEST_TYPE_MORE_ACTOR);
      future = pykka_actor_proxy_call (fixture->proxy, "fail", &arg, 1, &error);
      if (future == NULL)
        g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_INVALID_ARGUMENT);
      else
        {
          g_auto(GValue) value = G_VALUE_INIT;

          g_assert_false (pykka_future_get (future, WAIT_US, &value, &error));
          g_assert_nonnull (error);
        }
      assert_actor_works (fixture);
      g_print ("survived\n");
      return;
    }

  trap_subprocess_passes ("*survived*");
}

static void
test_proxy_defer (Fixture       *fixture,
                  gconstpointer  data)
{
  PykkaActorProxy *proxy = fixture->proxy;
  g_autoptr(GError) set = g_error_new_literal (TEST_MORE_ERROR, 3, "already here");
  GValue arg = G_VALUE_INIT;
  GError *error = NULL;

  assert_critical ("pykka_actor_proxy_defer",
                   g_assert_false (pykka_actor_proxy_defer (NULL, "bump", NULL, 0, &error)));
  assert_critical ("pykka_actor_proxy_defer",
                   g_assert_false (pykka_actor_proxy_defer ((PykkaActorProxy *) fixture->object,
                                                            "bump", NULL, 0, &error)));
  assert_critical ("pykka_actor_proxy_defer",
                   g_assert_false (pykka_actor_proxy_defer (proxy, NULL, NULL, 0, &error)));
  assert_critical ("pykka_actor_proxy_defer",
                   g_assert_false (pykka_actor_proxy_defer (proxy, "echo", NULL, 1, &error)));
  assert_critical ("pykka_actor_proxy_defer",
                   g_assert_false (pykka_actor_proxy_defer (proxy, "echo", &fixture->unset_value,
                                                            1, &error)));
  assert_critical ("pykka_actor_proxy_defer",
                   g_assert_false (pykka_actor_proxy_defer (proxy, "bump", NULL, 0, &set)));
  g_assert_no_error (error);

  g_assert_false (pykka_actor_proxy_defer (proxy, "nope", NULL, 0, &error));
  assert_error_and_clear (error, PYKKA_ERROR_NO_SUCH_ATTRIBUTE);
  g_assert_false (pykka_actor_proxy_defer (proxy, "a..b", NULL, 0, &error));
  assert_error_and_clear (error, PYKKA_ERROR_INVALID_ARGUMENT);
  g_assert_false (pykka_actor_proxy_defer (proxy, "bump", &fixture->set_value, 1, &error));
  assert_error_and_clear (error, PYKKA_ERROR_INVALID_ARGUMENT);
  g_value_init (&arg, G_TYPE_OBJECT);
  g_value_set_object (&arg, fixture->object);
  g_assert_false (pykka_actor_proxy_defer (proxy, "echo", &arg, 1, &error));
  assert_error_and_clear (error, PYKKA_ERROR_INVALID_ARGUMENT);
  g_value_unset (&arg);

  /* A good defer still works. */
  g_assert_true (pykka_actor_proxy_defer (proxy, "bump", NULL, 0, &error));
  g_assert_no_error (error);
  assert_actor_works (fixture);
}

static void
test_proxy_get_attr (Fixture       *fixture,
                     gconstpointer  data)
{
  PykkaActorProxy *proxy = fixture->proxy;
  g_autoptr(GError) set = g_error_new_literal (TEST_MORE_ERROR, 3, "already here");
  GError *error = NULL;

  assert_critical ("pykka_actor_proxy_get_attr",
                   g_assert_null (pykka_actor_proxy_get_attr (NULL, "number", &error)));
  assert_critical ("pykka_actor_proxy_get_attr",
                   g_assert_null (pykka_actor_proxy_get_attr ((PykkaActorProxy *) fixture->object,
                                                              "number", &error)));
  assert_critical ("pykka_actor_proxy_get_attr",
                   g_assert_null (pykka_actor_proxy_get_attr (proxy, NULL, &error)));
  assert_critical ("pykka_actor_proxy_get_attr",
                   g_assert_null (pykka_actor_proxy_get_attr (proxy, "number", &set)));
  g_assert_no_error (error);

  g_assert_null (pykka_actor_proxy_get_attr (proxy, "nope", &error));
  assert_error_and_clear (error, PYKKA_ERROR_NO_SUCH_ATTRIBUTE);
  g_assert_null (pykka_actor_proxy_get_attr (proxy, "echo", &error));
  assert_error_and_clear (error, PYKKA_ERROR_INVALID_ARGUMENT);
  g_assert_null (pykka_actor_proxy_get_attr (proxy, "write_only", &error));
  assert_error_and_clear (error, PYKKA_ERROR_INVALID_ARGUMENT);
  g_assert_null (pykka_actor_proxy_get_attr (proxy, "number.x", &error));
  assert_error_and_clear (error, PYKKA_ERROR_NOT_TRAVERSABLE);
  g_assert_null (pykka_actor_proxy_get_attr (proxy, "child.hello", &error));
  assert_error_and_clear (error, PYKKA_ERROR_INVALID_ARGUMENT);
  /* Whether the object is traversable is only known on the actor's thread. */
  assert_future_fails (pykka_actor_proxy_get_attr (proxy, "untraversed.value", &error),
                       PYKKA_ERROR_NOT_TRAVERSABLE);
  g_assert_no_error (error);
  assert_actor_works (fixture);
}

static void
test_proxy_set_attr (Fixture       *fixture,
                     gconstpointer  data)
{
  PykkaActorProxy *proxy = fixture->proxy;
  g_autoptr(GError) set = g_error_new_literal (TEST_MORE_ERROR, 3, "already here");
  GValue value = G_VALUE_INIT;
  GError *error = NULL;

  assert_critical ("pykka_actor_proxy_set_attr",
                   g_assert_false (pykka_actor_proxy_set_attr (NULL, "number",
                                                               &fixture->set_value, &error)));
  assert_critical ("pykka_actor_proxy_set_attr",
                   g_assert_false (pykka_actor_proxy_set_attr ((PykkaActorProxy *) fixture->object,
                                                               "number", &fixture->set_value,
                                                               &error)));
  assert_critical ("pykka_actor_proxy_set_attr",
                   g_assert_false (pykka_actor_proxy_set_attr (proxy, NULL, &fixture->set_value,
                                                               &error)));
  assert_critical ("pykka_actor_proxy_set_attr",
                   g_assert_false (pykka_actor_proxy_set_attr (proxy, "number", NULL, &error)));
  assert_critical ("pykka_actor_proxy_set_attr",
                   g_assert_false (pykka_actor_proxy_set_attr (proxy, "number",
                                                               &fixture->unset_value, &error)));
  assert_critical ("pykka_actor_proxy_set_attr",
                   g_assert_false (pykka_actor_proxy_set_attr (proxy, "number",
                                                               &fixture->set_value, &set)));
  g_assert_no_error (error);

  /* What cannot be written. */
  g_assert_false (pykka_actor_proxy_set_attr (proxy, "read_only", &fixture->set_value, &error));
  assert_error_and_clear (error, PYKKA_ERROR_NO_SUCH_ATTRIBUTE);
  g_assert_false (pykka_actor_proxy_set_attr (proxy, "construct_only", &fixture->set_value,
                                              &error));
  assert_error_and_clear (error, PYKKA_ERROR_NO_SUCH_ATTRIBUTE);
  g_assert_false (pykka_actor_proxy_set_attr (proxy, "nope", &fixture->set_value, &error));
  assert_error_and_clear (error, PYKKA_ERROR_NO_SUCH_ATTRIBUTE);
  g_assert_false (pykka_actor_proxy_set_attr (proxy, "echo", &fixture->set_value, &error));
  g_assert_true (g_error_matches (error, PYKKA_ERROR, PYKKA_ERROR_NO_SUCH_ATTRIBUTE) ||
                 g_error_matches (error, PYKKA_ERROR, PYKKA_ERROR_INVALID_ARGUMENT));
  g_clear_error (&error);
  g_assert_false (pykka_actor_proxy_set_attr (proxy, "number.x", &fixture->set_value, &error));
  assert_error_and_clear (error, PYKKA_ERROR_NOT_TRAVERSABLE);

  /* Values that cannot be converted to int. */
  g_value_init (&value, G_TYPE_OBJECT);
  g_value_set_object (&value, fixture->object);
  g_assert_false (pykka_actor_proxy_set_attr (proxy, "number", &value, &error));
  assert_error_and_clear (error, PYKKA_ERROR_INVALID_ARGUMENT);
  g_value_unset (&value);
  pykka_value_init_none (&value);
  g_assert_false (pykka_actor_proxy_set_attr (proxy, "number", &value, &error));
  assert_error_and_clear (error, PYKKA_ERROR_INVALID_ARGUMENT);
  g_value_unset (&value);
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, "12");
  g_assert_false (pykka_actor_proxy_set_attr (proxy, "number", &value, &error));
  assert_error_and_clear (error, PYKKA_ERROR_INVALID_ARGUMENT);
  g_value_unset (&value);

  /* A value that converts is written. */
  g_value_init (&value, G_TYPE_DOUBLE);
  g_value_set_double (&value, 2.0);
  g_assert_true (pykka_actor_proxy_set_attr (proxy, "number", &value, &error));
  g_assert_no_error (error);
  g_value_unset (&value);
  {
    g_autoptr(PykkaFuture) future = pykka_actor_proxy_get_attr (proxy, "number", &error);
    g_auto(GValue) number = G_VALUE_INIT;

    g_assert_no_error (error);
    g_assert_true (pykka_future_get (future, WAIT_US, &number, &error));
    g_assert_no_error (error);
    g_assert_cmpint (g_value_get_int (&number), ==, 2);
  }
  assert_actor_works (fixture);
}

static void
test_proxy_traverse (Fixture       *fixture,
                     gconstpointer  data)
{
  PykkaActorProxy *proxy = fixture->proxy;
  g_autoptr(GError) set = g_error_new_literal (TEST_MORE_ERROR, 3, "already here");
  GError *error = NULL;

  assert_critical ("pykka_actor_proxy_traverse",
                   g_assert_null (pykka_actor_proxy_traverse (NULL, "child", &error)));
  assert_critical ("pykka_actor_proxy_traverse",
                   g_assert_null (pykka_actor_proxy_traverse ((PykkaActorProxy *) fixture->object,
                                                              "child", &error)));
  assert_critical ("pykka_actor_proxy_traverse",
                   g_assert_null (pykka_actor_proxy_traverse (proxy, NULL, &error)));
  assert_critical ("pykka_actor_proxy_traverse",
                   g_assert_null (pykka_actor_proxy_traverse (proxy, "child", &set)));
  g_assert_no_error (error);

  g_assert_null (pykka_actor_proxy_traverse (proxy, "nope", &error));
  assert_error_and_clear (error, PYKKA_ERROR_NO_SUCH_ATTRIBUTE);
  g_assert_null (pykka_actor_proxy_traverse (proxy, "number", &error));
  assert_error_and_clear (error, PYKKA_ERROR_NOT_TRAVERSABLE);
  g_assert_null (pykka_actor_proxy_traverse (proxy, "echo", &error));
  assert_error_and_clear (error, PYKKA_ERROR_NOT_TRAVERSABLE);
  g_assert_null (pykka_actor_proxy_traverse (proxy, "", &error));
  assert_error_and_clear (error, PYKKA_ERROR_INVALID_ARGUMENT);
  assert_actor_works (fixture);
}

static void
test_proxy_accessors (Fixture       *fixture,
                      gconstpointer  data)
{
  PykkaActorProxy *wrong = (PykkaActorProxy *) fixture->object;
  PykkaActorProxy *proxy = fixture->proxy;

  assert_critical ("pykka_actor_proxy_list_attrs",
                   g_assert_null (pykka_actor_proxy_list_attrs (NULL)));
  assert_critical ("pykka_actor_proxy_list_attrs",
                   g_assert_null (pykka_actor_proxy_list_attrs (wrong)));
  assert_critical ("pykka_actor_proxy_get_actor_ref",
                   g_assert_null (pykka_actor_proxy_get_actor_ref (NULL)));
  assert_critical ("pykka_actor_proxy_get_actor_ref",
                   g_assert_null (pykka_actor_proxy_get_actor_ref (wrong)));
  assert_critical ("pykka_actor_proxy_get_attr_path",
                   g_assert_null (pykka_actor_proxy_get_attr_path (NULL)));
  assert_critical ("pykka_actor_proxy_get_attr_path",
                   g_assert_null (pykka_actor_proxy_get_attr_path (wrong)));
  assert_critical ("pykka_actor_proxy_hash",
                   g_assert_cmpuint (pykka_actor_proxy_hash (NULL), ==, 0));
  assert_critical ("pykka_actor_proxy_hash",
                   g_assert_cmpuint (pykka_actor_proxy_hash (wrong), ==, 0));
  assert_critical ("pykka_actor_proxy_equal",
                   g_assert_false (pykka_actor_proxy_equal (NULL, proxy)));
  assert_critical ("pykka_actor_proxy_equal",
                   g_assert_false (pykka_actor_proxy_equal (proxy, NULL)));
  assert_critical ("pykka_actor_proxy_equal",
                   g_assert_false (pykka_actor_proxy_equal (wrong, proxy)));
  assert_critical ("pykka_actor_proxy_to_string",
                   g_assert_null (pykka_actor_proxy_to_string (NULL)));
  assert_critical ("pykka_actor_proxy_to_string",
                   g_assert_null (pykka_actor_proxy_to_string (wrong)));

  g_assert_true (pykka_actor_proxy_equal (proxy, proxy));
  g_assert_true (pykka_actor_proxy_get_actor_ref (proxy) == fixture->ref);
  assert_actor_works (fixture);
}

/* ------------------------------------------------------------------------------------------ */
/* Attribute paths: malformed and huge */

typedef struct
{
  const char *path;
  gint code;
} PathCase;

static const PathCase malformed_paths[] = {
  { "", PYKKA_ERROR_INVALID_ARGUMENT },
  { ".", PYKKA_ERROR_INVALID_ARGUMENT },
  { "..", PYKKA_ERROR_INVALID_ARGUMENT },
  { "a..b", PYKKA_ERROR_INVALID_ARGUMENT },
  { ".echo", PYKKA_ERROR_INVALID_ARGUMENT },
  { "echo.", PYKKA_ERROR_INVALID_ARGUMENT },
  { "child..hello", PYKKA_ERROR_INVALID_ARGUMENT },
  { "1echo", PYKKA_ERROR_NO_SUCH_ATTRIBUTE },
  { "ec ho", PYKKA_ERROR_NO_SUCH_ATTRIBUTE },
  { "echo\n", PYKKA_ERROR_NO_SUCH_ATTRIBUTE },
  { "\xc3\xa9" "cho", PYKKA_ERROR_NO_SUCH_ATTRIBUTE },
  { "-echo", PYKKA_ERROR_NO_SUCH_ATTRIBUTE },
  { "_echo", PYKKA_ERROR_NO_SUCH_ATTRIBUTE },
};

/* Every entry point that takes a path gives @code for @path, and the actor is unharmed. */
static void
assert_path_fails (Fixture    *fixture,
                   const char *path,
                   gint        code)
{
  PykkaActorProxy *proxy = fixture->proxy;
  GError *error = NULL;

  g_assert_null (pykka_actor_proxy_call (proxy, path, NULL, 0, &error));
  g_assert_error (error, PYKKA_ERROR, code);
  /* The message quotes a malformed path only in part. */
  if (code == PYKKA_ERROR_INVALID_ARGUMENT)
    g_assert_cmpuint (strlen (error->message), <, 1024);
  g_clear_error (&error);

  g_assert_false (pykka_actor_proxy_defer (proxy, path, NULL, 0, &error));
  assert_error_and_clear (error, code);

  g_assert_null (pykka_actor_proxy_get_attr (proxy, path, &error));
  assert_error_and_clear (error, code);

  g_assert_false (pykka_actor_proxy_set_attr (proxy, path, &fixture->set_value, &error));
  assert_error_and_clear (error, code);

  g_assert_null (pykka_actor_proxy_traverse (proxy, path, &error));
  assert_error_and_clear (error, code);

  assert_future_fails (pykka_actor_proxy_call_va (proxy, path, G_TYPE_INVALID), code);

  /* The same path in a message sent without a proxy: the actor refuses it the same way. */
  {
    g_auto(GValue) message = G_VALUE_INIT;

    g_value_init (&message, PYKKA_TYPE_PROXY_CALL);
    g_value_take_boxed (&message, pykka_proxy_call_new (path, NULL, 0));
    assert_future_fails (pykka_actor_ref_ask (fixture->ref, &message), code);
  }
  {
    g_auto(GValue) message = G_VALUE_INIT;

    g_value_init (&message, PYKKA_TYPE_PROXY_GET_ATTR);
    g_value_take_boxed (&message, pykka_proxy_get_attr_new (path));
    assert_future_fails (pykka_actor_ref_ask (fixture->ref, &message), code);
  }
  {
    g_auto(GValue) message = G_VALUE_INIT;

    g_value_init (&message, PYKKA_TYPE_PROXY_SET_ATTR);
    g_value_take_boxed (&message, pykka_proxy_set_attr_new (path, &fixture->set_value));
    assert_future_fails (pykka_actor_ref_ask (fixture->ref, &message), code);
  }
}

static void
test_path_malformed (Fixture       *fixture,
                     gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (malformed_paths); i++)
    {
      g_autofree char *escaped = g_strescape (malformed_paths[i].path, NULL);

      g_test_message ("path \"%s\"", escaped);
      assert_path_fails (fixture, malformed_paths[i].path, malformed_paths[i].code);
    }
  assert_actor_works (fixture);
}

static void
test_path_huge (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *just_too_long = g_strnfill (1025, 'a');
  g_autofree char *longest = g_strnfill (1024, 'a');
  g_autofree char *huge = g_malloc (TEN_MB + 1);
  g_autofree char *huge_dotted = g_malloc (TEN_MB + 1);

  /* 10 MB of names, and 10 MB of "a.a.a…". */
  memset (huge, 'n', TEN_MB);
  huge[TEN_MB] = '\0';
  for (gsize i = 0; i < TEN_MB; i++)
    huge_dotted[i] = i % 2 == 0 ? 'a' : '.';
  huge_dotted[TEN_MB - 1] = 'a';
  huge_dotted[TEN_MB] = '\0';

  assert_path_fails (fixture, just_too_long, PYKKA_ERROR_INVALID_ARGUMENT);
  assert_path_fails (fixture, huge, PYKKA_ERROR_INVALID_ARGUMENT);
  assert_path_fails (fixture, huge_dotted, PYKKA_ERROR_INVALID_ARGUMENT);

  /* 1024 bytes is not too long: it is only unknown. */
  {
    GError *error = NULL;

    g_assert_null (pykka_actor_proxy_call (fixture->proxy, longest, NULL, 0, &error));
    assert_error_and_clear (error, PYKKA_ERROR_NO_SUCH_ATTRIBUTE);
  }
  assert_actor_works (fixture);
}

/* A name that is not UTF-8: refused like any unknown name, and what the library writes about
 * it (the error message, log records) is still UTF-8. Runs in a subprocess: GTest would print
 * the log records to the TAP stream. */
static void
test_path_invalid_utf8 (Fixture       *fixture,
                        gconstpointer  data)
{
  if (g_test_subprocess ())
    {
      const char *path = "\xff\xfe";
      guint before = pykka_test_log_count (G_LOG_LEVEL_INFO);
      g_auto(GStrv) records = NULL;
      GError *error = NULL;

      g_assert_null (pykka_actor_proxy_call (fixture->proxy, path, NULL, 0, &error));
      g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_NO_SUCH_ATTRIBUTE);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_clear_error (&error);

      /* The actor refuses it too, and logs that it did. */
      {
        g_auto(GValue) message = G_VALUE_INIT;
        g_auto(GValue) value = G_VALUE_INIT;
        g_autoptr(PykkaFuture) future = NULL;

        g_value_init (&message, PYKKA_TYPE_PROXY_CALL);
        g_value_take_boxed (&message, pykka_proxy_call_new (path, NULL, 0));
        future = pykka_actor_ref_ask (fixture->ref, &message);
        g_assert_false (pykka_future_get (future, WAIT_US, &value, &error));
      }
      g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_NO_SUCH_ATTRIBUTE);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_clear_error (&error);

      g_assert_true (pykka_test_log_wait (G_LOG_LEVEL_INFO, before + 1));
      records = pykka_test_log_messages (G_LOG_LEVEL_INFO);
      for (guint i = 0; records[i] != NULL; i++)
        g_assert_true (g_utf8_validate (records[i], -1, NULL));
      assert_actor_works (fixture);
      return;
    }

  trap_subprocess_passes (NULL);
}

/* ------------------------------------------------------------------------------------------ */
/* Untransformable and wrongly typed values as method arguments */

static void
test_values_untransformable (Fixture       *fixture,
                             gconstpointer  data)
{
  PykkaActorProxy *proxy = fixture->proxy;
  GValue args[2] = { G_VALUE_INIT, G_VALUE_INIT };
  GError *error = NULL;
  int dummy;

  g_value_init (&args[1], G_TYPE_INT);
  g_value_set_int (&args[1], 1);

  /* An object, None, a string, a pointer, a boxed value where an int is expected. */
  g_value_init (&args[0], G_TYPE_OBJECT);
  g_value_set_object (&args[0], fixture->object);
  g_assert_null (pykka_actor_proxy_call (proxy, "add", args, 2, &error));
  assert_error_and_clear (error, PYKKA_ERROR_INVALID_ARGUMENT);
  g_value_unset (&args[0]);

  pykka_value_init_none (&args[0]);
  g_assert_null (pykka_actor_proxy_call (proxy, "add", args, 2, &error));
  assert_error_and_clear (error, PYKKA_ERROR_INVALID_ARGUMENT);
  g_value_unset (&args[0]);

  g_value_init (&args[0], G_TYPE_STRING);
  g_value_set_string (&args[0], "1");
  g_assert_null (pykka_actor_proxy_call (proxy, "add", args, 2, &error));
  assert_error_and_clear (error, PYKKA_ERROR_INVALID_ARGUMENT);
  g_value_unset (&args[0]);

  g_value_init (&args[0], G_TYPE_POINTER);
  g_value_set_pointer (&args[0], &dummy);
  g_assert_null (pykka_actor_proxy_call (proxy, "add", args, 2, &error));
  assert_error_and_clear (error, PYKKA_ERROR_INVALID_ARGUMENT);
  g_value_unset (&args[0]);

  g_value_init (&args[0], G_TYPE_BYTES);
  g_value_take_boxed (&args[0], g_bytes_new ("x", 1));
  g_assert_null (pykka_actor_proxy_call (proxy, "add", args, 2, &error));
  assert_error_and_clear (error, PYKKA_ERROR_INVALID_ARGUMENT);
  g_value_unset (&args[0]);

  /* An int where an object is expected; an object where a string is expected. */
  g_assert_null (pykka_actor_proxy_call (proxy, "take_object", &args[1], 1, &error));
  assert_error_and_clear (error, PYKKA_ERROR_INVALID_ARGUMENT);
  g_value_init (&args[0], G_TYPE_OBJECT);
  g_value_set_object (&args[0], fixture->object);
  g_assert_null (pykka_actor_proxy_call (proxy, "echo", args, 1, &error));
  assert_error_and_clear (error, PYKKA_ERROR_INVALID_ARGUMENT);
  g_value_unset (&args[0]);

  /* An argument for the GError ** of a failing method is one argument too many... or a
   * pointer; either is refused or passed, never dereferenced as a GError **. */
  g_value_init (&args[0], G_TYPE_POINTER);
  g_value_set_pointer (&args[0], NULL);
  {
    g_autoptr(PykkaFuture) future = pykka_actor_proxy_call (proxy, "fail", args, 1, &error);

    if (future == NULL)
      assert_error_and_clear (error, PYKKA_ERROR_INVALID_ARGUMENT);
    else
      {
        g_auto(GValue) value = G_VALUE_INIT;

        g_assert_no_error (error);
        pykka_future_get (future, WAIT_US, &value, &error);
        g_clear_error (&error);
      }
  }
  g_value_unset (&args[0]);

  /* Conversions that exist are made: a double and a subtype are fine, None is NULL. */
  {
    g_autoptr(PykkaFuture) future = NULL;
    g_auto(GValue) value = G_VALUE_INIT;

    g_value_init (&args[0], G_TYPE_DOUBLE);
    g_value_set_double (&args[0], 2.0);
    future = pykka_actor_proxy_call (proxy, "add", args, 2, &error);
    g_assert_no_error (error);
    g_assert_true (pykka_future_get (future, WAIT_US, &value, &error));
    g_assert_no_error (error);
    g_assert_cmpint (g_value_get_int (&value), ==, 3);
    g_value_unset (&args[0]);
  }
  {
    g_autoptr(PykkaFuture) future = NULL;
    g_auto(GValue) value = G_VALUE_INIT;

    g_value_init (&args[0], PYKKA_TYPE_FUTURE);
    g_value_set_object (&args[0], fixture->future);
    future = pykka_actor_proxy_call (proxy, "take_object", args, 1, &error);
    g_assert_no_error (error);
    g_assert_true (pykka_future_get (future, WAIT_US, &value, &error));
    g_assert_no_error (error);
    g_assert_true (g_value_get_boolean (&value));
    g_value_unset (&args[0]);
  }
  {
    g_autoptr(PykkaFuture) future = NULL;
    g_auto(GValue) value = G_VALUE_INIT;

    pykka_value_init_none (&args[0]);
    future = pykka_actor_proxy_call (proxy, "take_object", args, 1, &error);
    g_assert_no_error (error);
    g_assert_true (pykka_future_get (future, WAIT_US, &value, &error));
    g_assert_no_error (error);
    g_assert_false (g_value_get_boolean (&value));
    g_value_unset (&args[0]);
  }

  g_value_unset (&args[1]);
  assert_actor_works (fixture);
}

/* ------------------------------------------------------------------------------------------ */
/* pykka-proxy-messages.h */

static void
test_proxy_messages_constructors (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(PykkaProxyCall) call = pykka_proxy_call_new ("echo", NULL, 0);
  g_autoptr(PykkaProxyGetAttr) get = pykka_proxy_get_attr_new ("number");
  g_autoptr(PykkaProxySetAttr) set = pykka_proxy_set_attr_new ("number", &fixture->set_value);
  guint n_args = 99;

  assert_critical ("pykka_proxy_call_new", g_assert_null (pykka_proxy_call_new (NULL, NULL, 0)));
  assert_critical ("pykka_proxy_call_new", g_assert_null (pykka_proxy_call_new ("echo", NULL, 2)));
  assert_critical ("pykka_proxy_call_new",
                   g_assert_null (pykka_proxy_call_new ("echo", &fixture->unset_value, 1)));
  assert_critical ("pykka_proxy_call_ref", g_assert_null (pykka_proxy_call_ref (NULL)));
  assert_critical ("pykka_proxy_call_unref", pykka_proxy_call_unref (NULL));
  assert_critical ("pykka_proxy_call_get_attr_path",
                   g_assert_null (pykka_proxy_call_get_attr_path (NULL)));
  assert_critical ("pykka_proxy_call_get_args",
                   g_assert_null (pykka_proxy_call_get_args (NULL, &n_args)));
  assert_critical ("pykka_proxy_call_get_args",
                   g_assert_null (pykka_proxy_call_get_args (call, NULL)));
  g_assert_cmpuint (n_args, ==, 99);

  assert_critical ("pykka_proxy_get_attr_new", g_assert_null (pykka_proxy_get_attr_new (NULL)));
  assert_critical ("pykka_proxy_get_attr_ref", g_assert_null (pykka_proxy_get_attr_ref (NULL)));
  assert_critical ("pykka_proxy_get_attr_unref", pykka_proxy_get_attr_unref (NULL));
  assert_critical ("pykka_proxy_get_attr_get_attr_path",
                   g_assert_null (pykka_proxy_get_attr_get_attr_path (NULL)));

  assert_critical ("pykka_proxy_set_attr_new",
                   g_assert_null (pykka_proxy_set_attr_new (NULL, &fixture->set_value)));
  assert_critical ("pykka_proxy_set_attr_new",
                   g_assert_null (pykka_proxy_set_attr_new ("number", NULL)));
  assert_critical ("pykka_proxy_set_attr_new",
                   g_assert_null (pykka_proxy_set_attr_new ("number", &fixture->unset_value)));
  assert_critical ("pykka_proxy_set_attr_ref", g_assert_null (pykka_proxy_set_attr_ref (NULL)));
  assert_critical ("pykka_proxy_set_attr_unref", pykka_proxy_set_attr_unref (NULL));
  assert_critical ("pykka_proxy_set_attr_get_attr_path",
                   g_assert_null (pykka_proxy_set_attr_get_attr_path (NULL)));
  assert_critical ("pykka_proxy_set_attr_get_value",
                   g_assert_null (pykka_proxy_set_attr_get_value (NULL)));

  /* The good ones are unharmed. */
  g_assert_cmpstr (pykka_proxy_call_get_attr_path (call), ==, "echo");
  g_assert_null (pykka_proxy_call_get_args (call, &n_args));
  g_assert_cmpuint (n_args, ==, 0);
  g_assert_cmpstr (pykka_proxy_get_attr_get_attr_path (get), ==, "number");
  g_assert_cmpint (g_value_get_int (pykka_proxy_set_attr_get_value (set)), ==, 7);
  assert_actor_works (fixture);
}

/* Proxy messages with bad content, sent with ask: the errors come on the future. */
static void
test_proxy_messages_sent_directly (Fixture       *fixture,
                                   gconstpointer  data)
{
  GValue args[2] = { G_VALUE_INIT, G_VALUE_INIT };
  GValue message = G_VALUE_INIT;

  g_value_init (&args[0], G_TYPE_OBJECT);
  g_value_set_object (&args[0], fixture->object);
  g_value_init (&args[1], G_TYPE_INT);
  g_value_set_int (&args[1], 1);

#define ASK_CALL(path, a, n, code) \
  G_STMT_START { \
    g_value_init (&message, PYKKA_TYPE_PROXY_CALL); \
    g_value_take_boxed (&message, pykka_proxy_call_new ((path), (a), (n))); \
    assert_future_fails (pykka_actor_ref_ask (fixture->ref, &message), (code)); \
    g_value_unset (&message); \
  } G_STMT_END

  ASK_CALL ("nope", NULL, 0, PYKKA_ERROR_NO_SUCH_ATTRIBUTE);
  ASK_CALL ("add", &args[1], 1, PYKKA_ERROR_INVALID_ARGUMENT);
  ASK_CALL ("add", args, 2, PYKKA_ERROR_INVALID_ARGUMENT);
  ASK_CALL ("echo", args, 1, PYKKA_ERROR_INVALID_ARGUMENT);
  ASK_CALL ("number", NULL, 0, PYKKA_ERROR_INVALID_ARGUMENT);
  ASK_CALL ("number.x", NULL, 0, PYKKA_ERROR_NOT_TRAVERSABLE);
  ASK_CALL ("untraversed.hello", NULL, 0, PYKKA_ERROR_NOT_TRAVERSABLE);
#undef ASK_CALL

  g_value_init (&message, PYKKA_TYPE_PROXY_GET_ATTR);
  g_value_take_boxed (&message, pykka_proxy_get_attr_new ("echo"));
  assert_future_fails (pykka_actor_ref_ask (fixture->ref, &message), PYKKA_ERROR_INVALID_ARGUMENT);
  g_value_unset (&message);
  g_value_init (&message, PYKKA_TYPE_PROXY_GET_ATTR);
  g_value_take_boxed (&message, pykka_proxy_get_attr_new ("write_only"));
  assert_future_fails (pykka_actor_ref_ask (fixture->ref, &message), PYKKA_ERROR_INVALID_ARGUMENT);
  g_value_unset (&message);

  g_value_init (&message, PYKKA_TYPE_PROXY_SET_ATTR);
  g_value_take_boxed (&message, pykka_proxy_set_attr_new ("read_only", &args[1]));
  assert_future_fails (pykka_actor_ref_ask (fixture->ref, &message),
                       PYKKA_ERROR_NO_SUCH_ATTRIBUTE);
  g_value_unset (&message);
  g_value_init (&message, PYKKA_TYPE_PROXY_SET_ATTR);
  g_value_take_boxed (&message, pykka_proxy_set_attr_new ("number", &args[0]));
  assert_future_fails (pykka_actor_ref_ask (fixture->ref, &message), PYKKA_ERROR_INVALID_ARGUMENT);
  g_value_unset (&message);

  /* Proxy message types holding no message are plain messages for on_receive. */
  {
    GType types[] = { PYKKA_TYPE_PROXY_CALL, PYKKA_TYPE_PROXY_GET_ATTR,
                      PYKKA_TYPE_PROXY_SET_ATTR };

    for (guint i = 0; i < G_N_ELEMENTS (types); i++)
      {
        g_auto(GValue) reply = G_VALUE_INIT;
        g_autoptr(GError) error = NULL;

        g_value_init (&message, types[i]);
        g_assert_true (pykka_actor_ref_ask_sync (fixture->ref, &message, WAIT_US, &reply,
                                                 &error));
        g_assert_no_error (error);
        g_assert_cmpstr (g_value_get_string (&reply), ==, "unexpected");
        g_value_unset (&message);
      }
  }

  g_value_unset (&args[0]);
  g_value_unset (&args[1]);
  assert_actor_works (fixture);
}

/* ------------------------------------------------------------------------------------------ */
/* pykka-traversable.h and pykka-pool.h */

static void
test_traversable_functions (Fixture       *fixture,
                            gconstpointer  data)
{
  assert_critical ("pykka_traversable", g_assert_null (pykka_traversable (NULL)));
  assert_critical ("pykka_traversable_type", pykka_traversable_type (G_TYPE_INVALID));
  assert_critical ("pykka_traversable_type", pykka_traversable_type (G_TYPE_INT));
  assert_critical ("pykka_traversable_type", pykka_traversable_type (G_TYPE_BYTES));
  assert_critical ("pykka_is_traversable", g_assert_false (pykka_is_traversable (NULL)));

  /* A predicate on a type that is no object type is only false. */
  g_assert_false (pykka_is_traversable_type (G_TYPE_INVALID));
  g_assert_false (pykka_is_traversable_type (G_TYPE_INT));
  g_assert_false (pykka_is_traversable (fixture->object));
  g_assert_false (pykka_is_traversable_type (G_TYPE_OBJECT));
  assert_actor_works (fixture);
}

static void
test_pool_functions (Fixture       *fixture,
                     gconstpointer  data)
{
  PykkaPool *wrong = (PykkaPool *) fixture->object;
  g_autoptr(PykkaPool) pool = pykka_pool_new (1);

  assert_critical ("pykka_pool_get_max_workers",
                   g_assert_cmpuint (pykka_pool_get_max_workers (NULL), ==, 0));
  assert_critical ("pykka_pool_get_max_workers",
                   g_assert_cmpuint (pykka_pool_get_max_workers (wrong), ==, 0));
  assert_critical ("pykka_pool_get_max_spare_workers",
                   g_assert_cmpuint (pykka_pool_get_max_spare_workers (NULL), ==, 0));
  assert_critical ("pykka_pool_get_max_spare_workers",
                   g_assert_cmpuint (pykka_pool_get_max_spare_workers (wrong), ==, 0));
  assert_critical ("pykka_pool_get_n_workers",
                   g_assert_cmpuint (pykka_pool_get_n_workers (NULL), ==, 0));
  assert_critical ("pykka_pool_get_n_workers",
                   g_assert_cmpuint (pykka_pool_get_n_workers (wrong), ==, 0));

  g_assert_cmpuint (pykka_pool_get_max_workers (pool), ==, 1);
  g_assert_cmpuint (pykka_pool_get_max_workers (pykka_pool_get_default ()), >=, 1);
  assert_actor_works (fixture);
}

/* ------------------------------------------------------------------------------------------ */
/* pykka-actor.h: the pool, context and hosted start functions */

static void
test_start_functions (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(MoreActor) fresh = g_object_new (TEST_TYPE_MORE_ACTOR, "registry",
                                             fixture->registry, NULL);
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(GError) set = g_error_new_literal (TEST_MORE_ERROR, 3, "already here");
  PykkaActor *wrong = (PykkaActor *) fixture->object;
  PykkaActor *wrong_pykka = (PykkaActor *) fixture->future;
  PykkaActor *actor = PYKKA_ACTOR (fresh);
  GError *error = NULL;

  assert_critical ("pykka_actor_start_in_pool",
                   g_assert_null (pykka_actor_start_in_pool (NULL, NULL, &error)));
  assert_critical ("pykka_actor_start_in_pool",
                   g_assert_null (pykka_actor_start_in_pool (wrong, NULL, &error)));
  assert_critical ("pykka_actor_start_in_pool",
                   g_assert_null (pykka_actor_start_in_pool (wrong_pykka, NULL, &error)));
  assert_critical ("pykka_actor_start_in_pool",
                   g_assert_null (pykka_actor_start_in_pool (actor, (PykkaPool *) fixture->object,
                                                             &error)));
  assert_critical ("pykka_actor_start_in_pool",
                   g_assert_null (pykka_actor_start_in_pool (actor, NULL, &set)));

  assert_critical ("pykka_actor_start_in_context",
                   g_assert_null (pykka_actor_start_in_context (NULL, context, &error)));
  assert_critical ("pykka_actor_start_in_context",
                   g_assert_null (pykka_actor_start_in_context (wrong, context, &error)));
  assert_critical ("pykka_actor_start_in_context",
                   g_assert_null (pykka_actor_start_in_context (actor, context, &set)));

  assert_critical ("pykka_actor_start_hosted",
                   g_assert_null (pykka_actor_start_hosted (NULL, &error)));
  assert_critical ("pykka_actor_start_hosted",
                   g_assert_null (pykka_actor_start_hosted (wrong, &error)));
  assert_critical ("pykka_actor_start_hosted",
                   g_assert_null (pykka_actor_start_hosted (actor, &set)));

  assert_critical ("pykka_actor_run", g_assert_false (pykka_actor_run (NULL, &error)));
  assert_critical ("pykka_actor_run", g_assert_false (pykka_actor_run (wrong, &error)));
  assert_critical ("pykka_actor_run", g_assert_false (pykka_actor_run (actor, &set)));
  g_assert_no_error (error);
  g_assert_error (set, TEST_MORE_ERROR, 3);

  /* Nothing was started or registered by the refused calls: the fresh actor still starts. */
  g_assert_cmpuint (pykka_actor_registry_get_n_actors (fixture->registry), ==, 1);
  g_assert_null (pykka_actor_get_thread_name (actor));
  {
    g_autoptr(PykkaActorRef) ref = pykka_actor_start_in_pool (actor, NULL, &error);
    g_auto(GValue) reply = G_VALUE_INIT;

    g_assert_no_error (error);
    g_assert_true (pykka_actor_ref_ask_sync (ref, &fixture->ping, WAIT_US, &reply, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (pykka_actor_registry_get_n_actors (fixture->registry), ==, 2);
  }
  assert_actor_works (fixture);
}

static gpointer
run_actor (gpointer data)
{
  g_autoptr(PykkaActor) actor = data;
  g_autoptr(GError) error = NULL;

  g_assert_true (pykka_actor_run (actor, &error));
  g_assert_no_error (error);
  return NULL;
}

/* A second start of any kind, on an actor started in any way, is ALREADY_STARTED. */
static void
test_start_twice (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(MoreActor) hosted = g_object_new (TEST_TYPE_MORE_ACTOR, "registry",
                                              fixture->registry, NULL);
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(PykkaActorRef) hosted_ref = NULL;
  PykkaActor *started = PYKKA_ACTOR (fixture->actor);
  GError *error = NULL;
  GThread *host;

#define ASSERT_ALREADY_STARTED(actor) \
  G_STMT_START { \
    g_assert_null (pykka_actor_start ((actor), &error)); \
    assert_error_and_clear (error, PYKKA_ERROR_ALREADY_STARTED); \
    g_assert_null (pykka_actor_start_in_pool ((actor), NULL, &error)); \
    assert_error_and_clear (error, PYKKA_ERROR_ALREADY_STARTED); \
    g_assert_null (pykka_actor_start_in_context ((actor), context, &error)); \
    assert_error_and_clear (error, PYKKA_ERROR_ALREADY_STARTED); \
    g_assert_null (pykka_actor_start_hosted ((actor), &error)); \
    assert_error_and_clear (error, PYKKA_ERROR_ALREADY_STARTED); \
  } G_STMT_END

  /* The fixture's actor runs (on the runtime of this test run). */
  ASSERT_ALREADY_STARTED (started);
  g_assert_false (pykka_actor_run (started, &error));
  assert_error_and_clear (error, PYKKA_ERROR_ALREADY_STARTED);

  /* A hosted actor that nobody runs yet, and then one that runs. */
  hosted_ref = pykka_actor_start_hosted (PYKKA_ACTOR (hosted), &error);
  g_assert_no_error (error);
  ASSERT_ALREADY_STARTED (PYKKA_ACTOR (hosted));
  host = g_thread_new ("host", run_actor, g_object_ref (hosted));
  {
    g_auto(GValue) reply = G_VALUE_INIT;

    g_assert_true (pykka_actor_ref_ask_sync (hosted_ref, &fixture->ping, WAIT_US, &reply,
                                             &error));
    g_assert_no_error (error);
  }
  ASSERT_ALREADY_STARTED (PYKKA_ACTOR (hosted));
  g_assert_false (pykka_actor_run (PYKKA_ACTOR (hosted), &error));
  assert_error_and_clear (error, PYKKA_ERROR_ALREADY_STARTED);

  /* Stopped actors stay stopped. */
  g_assert_true (pykka_actor_ref_stop (hosted_ref, WAIT_US, &error));
  g_assert_no_error (error);
  g_thread_join (host);
  ASSERT_ALREADY_STARTED (PYKKA_ACTOR (hosted));
  g_assert_false (pykka_actor_run (PYKKA_ACTOR (hosted), &error));
  assert_error_and_clear (error, PYKKA_ERROR_ALREADY_STARTED);
#undef ASSERT_ALREADY_STARTED

  g_assert_cmpuint (pykka_actor_registry_get_n_actors (fixture->registry), ==, 1);
  assert_actor_works (fixture);
}

/* ------------------------------------------------------------------------------------------ */
/* pykka-debug.h */

static void
test_debug_signal_handler (Fixture       *fixture,
                           gconstpointer  data)
{
  if (g_test_subprocess ())
    {
      int signals[] = { 0, -1, SIGKILL, SIGSTOP, SIGSEGV, 100000 };

      for (guint i = 0; i < G_N_ELEMENTS (signals); i++)
        assert_critical ("pykka_debug_install_signal_handler",
                         g_assert_cmpuint (pykka_debug_install_signal_handler (signals[i]),
                                           ==, 0));
      assert_actor_works (fixture);
      return;
    }

  trap_subprocess_passes (NULL);
}

static void
test_debug_log_actor_states (Fixture       *fixture,
                             gconstpointer  data)
{
  /* Also with an actor that was never started, and one that was stopped. */
  g_autoptr(MoreActor) never = g_object_new (TEST_TYPE_MORE_ACTOR, "registry",
                                             fixture->registry, NULL);
  guint before = pykka_test_log_count (G_LOG_LEVEL_MESSAGE);

  g_assert_null (pykka_actor_get_thread_name (PYKKA_ACTOR (never)));
  pykka_debug_log_actor_states ();
  g_assert_cmpuint (pykka_test_log_count (G_LOG_LEVEL_MESSAGE), >, before);
  g_assert_true (pykka_actor_ref_stop (fixture->ref, WAIT_US, NULL));
  pykka_debug_log_actor_states ();
  g_assert_false (pykka_actor_ref_is_alive (fixture->ref));
}

/* ------------------------------------------------------------------------------------------ */
/* The asynchronous functions */

typedef struct
{
  GAsyncResult *result;
  guint n_calls;
} AsyncCapture;

static void
capture_result (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  AsyncCapture *capture = user_data;

  capture->n_calls++;
  g_set_object (&capture->result, result);
}

static gboolean
set_flag (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Iterates the thread-default context until @capture got its result (5 s at most). */
static void
wait_capture (AsyncCapture *capture)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (WAIT_MS, set_flag, &timed_out);

  while (capture->result == NULL && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  g_assert_nonnull (capture->result);
}

/* Lets every ready source run, so that a callback that should never run would. */
static void
drain_context (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
test_async_future (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(PykkaFuture) future = pykka_future_new ();
  g_autoptr(PykkaFuture) other = pykka_future_new ();
  g_autoptr(GError) set = g_error_new_literal (TEST_MORE_ERROR, 3, "already here");
  AsyncCapture never = { NULL, 0 };
  AsyncCapture capture = { NULL, 0 };
  AsyncCapture other_capture = { NULL, 0 };
  GValue value = G_VALUE_INIT;
  GError *error = NULL;

  assert_critical ("pykka_future_get_async",
                   pykka_future_get_async (NULL, NULL, capture_result, &never));
  assert_critical ("pykka_future_get_async",
                   pykka_future_get_async ((PykkaFuture *) fixture->object, NULL, capture_result,
                                           &never));
  assert_critical ("pykka_future_get_async",
                   pykka_future_get_async (future, (GCancellable *) fixture->object,
                                           capture_result, &never));

  g_assert_true (pykka_future_set (future, &fixture->set_value, NULL));
  g_assert_true (pykka_future_set (other, &fixture->set_value, NULL));
  pykka_future_get_async (future, NULL, capture_result, &capture);
  pykka_future_get_async (other, NULL, capture_result, &other_capture);
  wait_capture (&capture);
  wait_capture (&other_capture);

  assert_critical ("pykka_future_get_finish",
                   g_assert_false (pykka_future_get_finish (NULL, capture.result, &value,
                                                            &error)));
  assert_critical ("pykka_future_get_finish",
                   g_assert_false (pykka_future_get_finish ((PykkaFuture *) fixture->object,
                                                            capture.result, &value, &error)));
  assert_critical ("pykka_future_get_finish",
                   g_assert_false (pykka_future_get_finish (future, NULL, &value, &error)));
  assert_critical ("pykka_future_get_finish",
                   g_assert_false (pykka_future_get_finish (future, other_capture.result, &value,
                                                            &error)));
  assert_critical ("pykka_future_get_finish",
                   g_assert_false (pykka_future_get_finish (future, capture.result, NULL,
                                                            &error)));
  assert_critical ("pykka_future_get_finish",
                   g_assert_false (pykka_future_get_finish (future, capture.result,
                                                            &fixture->set_value, &error)));
  assert_critical ("pykka_future_get_finish",
                   g_assert_false (pykka_future_get_finish (future, capture.result, &value,
                                                            &set)));
  g_assert_no_error (error);
  g_assert_false (G_IS_VALUE (&value));

  /* The result is untouched by the refused calls. */
  g_assert_true (pykka_future_get_finish (future, capture.result, &value, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_value_get_int (&value), ==, 7);
  g_value_unset (&value);

  drain_context ();
  g_assert_cmpuint (never.n_calls, ==, 0);
  g_assert_cmpuint (capture.n_calls, ==, 1);
  g_clear_object (&capture.result);
  g_clear_object (&other_capture.result);
  assert_actor_works (fixture);
}

static void
test_async_ask (Fixture       *fixture,
                gconstpointer  data)
{
  PykkaActorRef *ref = fixture->ref;
  g_autoptr(GError) set = g_error_new_literal (TEST_MORE_ERROR, 3, "already here");
  g_autoptr(PykkaFuture) future = pykka_future_new ();
  AsyncCapture never = { NULL, 0 };
  AsyncCapture capture = { NULL, 0 };
  AsyncCapture future_capture = { NULL, 0 };
  GValue value = G_VALUE_INIT;
  GError *error = NULL;

  assert_critical ("pykka_actor_ref_ask_async",
                   pykka_actor_ref_ask_async (NULL, &fixture->ping, NULL, capture_result, &never));
  assert_critical ("pykka_actor_ref_ask_async",
                   pykka_actor_ref_ask_async ((PykkaActorRef *) fixture->object, &fixture->ping,
                                              NULL, capture_result, &never));
  assert_critical ("pykka_actor_ref_ask_async",
                   pykka_actor_ref_ask_async (ref, NULL, NULL, capture_result, &never));
  assert_critical ("pykka_actor_ref_ask_async",
                   pykka_actor_ref_ask_async (ref, &fixture->unset_value, NULL, capture_result,
                                              &never));
  assert_critical ("pykka_actor_ref_ask_async",
                   pykka_actor_ref_ask_async (ref, &fixture->ping,
                                              (GCancellable *) fixture->object,
                                              capture_result, &never));

  pykka_actor_ref_ask_async (ref, &fixture->ping, NULL, capture_result, &capture);
  g_assert_true (pykka_future_set (future, &fixture->set_value, NULL));
  pykka_future_get_async (future, NULL, capture_result, &future_capture);
  wait_capture (&capture);
  wait_capture (&future_capture);

  assert_critical ("pykka_actor_ref_ask_finish",
                   g_assert_false (pykka_actor_ref_ask_finish (NULL, capture.result, &value,
                                                               &error)));
  assert_critical ("pykka_actor_ref_ask_finish",
                   g_assert_false (pykka_actor_ref_ask_finish (ref, future_capture.result,
                                                               &value, &error)));
  assert_critical ("pykka_actor_ref_ask_finish",
                   g_assert_false (pykka_actor_ref_ask_finish (ref, capture.result, NULL,
                                                               &error)));
  assert_critical ("pykka_actor_ref_ask_finish",
                   g_assert_false (pykka_actor_ref_ask_finish (ref, capture.result,
                                                               &fixture->set_value, &error)));
  assert_critical ("pykka_actor_ref_ask_finish",
                   g_assert_false (pykka_actor_ref_ask_finish (ref, capture.result, &value,
                                                               &set)));
  /* A result of another future's get_async is not one of future's. */
  assert_critical ("pykka_future_get_finish",
                   g_assert_false (pykka_future_get_finish (future, capture.result, &value,
                                                            &error)));
  g_assert_no_error (error);

  g_assert_true (pykka_actor_ref_ask_finish (ref, capture.result, &value, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (g_value_get_string (&value), ==, "pong");
  g_value_unset (&value);

  drain_context ();
  g_assert_cmpuint (never.n_calls, ==, 0);
  g_clear_object (&capture.result);
  g_clear_object (&future_capture.result);
  assert_actor_works (fixture);
}

static void
test_async_proxy_call (Fixture       *fixture,
                       gconstpointer  data)
{
  PykkaActorProxy *proxy = fixture->proxy;
  g_autoptr(GError) set = g_error_new_literal (TEST_MORE_ERROR, 3, "already here");
  AsyncCapture never = { NULL, 0 };
  AsyncCapture capture = { NULL, 0 };
  AsyncCapture ask_capture = { NULL, 0 };
  GValue value = G_VALUE_INIT;
  GError *error = NULL;

  assert_critical ("pykka_actor_proxy_call_async",
                   pykka_actor_proxy_call_async (NULL, "bump", NULL, 0, NULL, capture_result,
                                                 &never));
  assert_critical ("pykka_actor_proxy_call_async",
                   pykka_actor_proxy_call_async ((PykkaActorProxy *) fixture->object, "bump",
                                                 NULL, 0, NULL, capture_result, &never));
  assert_critical ("pykka_actor_proxy_call_async",
                   pykka_actor_proxy_call_async (proxy, NULL, NULL, 0, NULL, capture_result,
                                                 &never));
  assert_critical ("pykka_actor_proxy_call_async",
                   pykka_actor_proxy_call_async (proxy, "echo", NULL, 1, NULL, capture_result,
                                                 &never));
  assert_critical ("pykka_actor_proxy_call_async",
                   pykka_actor_proxy_call_async (proxy, "echo", &fixture->unset_value, 1, NULL,
                                                 capture_result, &never));
  assert_critical ("pykka_actor_proxy_call_async",
                   pykka_actor_proxy_call_async (proxy, "bump", NULL, 0,
                                                 (GCancellable *) fixture->object,
                                                 capture_result, &never));

  pykka_actor_proxy_call_async (proxy, "add", NULL, 0, NULL, capture_result, &capture);
  pykka_actor_ref_ask_async (fixture->ref, &fixture->ping, NULL, capture_result, &ask_capture);
  wait_capture (&capture);
  wait_capture (&ask_capture);

  assert_critical ("pykka_actor_proxy_call_finish",
                   g_assert_false (pykka_actor_proxy_call_finish (NULL, capture.result, &value,
                                                                  &error)));
  assert_critical ("pykka_actor_proxy_call_finish",
                   g_assert_false (pykka_actor_proxy_call_finish (proxy, ask_capture.result,
                                                                  &value, &error)));
  assert_critical ("pykka_actor_proxy_call_finish",
                   g_assert_false (pykka_actor_proxy_call_finish (proxy, capture.result, NULL,
                                                                  &error)));
  assert_critical ("pykka_actor_proxy_call_finish",
                   g_assert_false (pykka_actor_proxy_call_finish (proxy, capture.result, &value,
                                                                  &set)));
  g_assert_no_error (error);

  /* The error the call would have returned at once comes through finish. */
  g_assert_false (pykka_actor_proxy_call_finish (proxy, capture.result, &value, &error));
  assert_error_and_clear (error, PYKKA_ERROR_INVALID_ARGUMENT);
  g_assert_true (pykka_value_is_none (&value));
  g_value_unset (&value);

  drain_context ();
  g_assert_cmpuint (never.n_calls, ==, 0);
  g_clear_object (&capture.result);
  g_clear_object (&ask_capture.result);
  assert_actor_works (fixture);
}

/* Errors, cancellation and dead actors through the asynchronous functions. */
static void
test_async_errors (Fixture       *fixture,
                   gconstpointer  data)
{
  PykkaActorProxy *proxy = fixture->proxy;
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();
  AsyncCapture bad_path = { NULL, 0 };
  AsyncCapture unknown = { NULL, 0 };
  AsyncCapture cancelled_call = { NULL, 0 };
  AsyncCapture dead_call = { NULL, 0 };
  AsyncCapture dead_ask = { NULL, 0 };
  GValue value = G_VALUE_INIT;
  GError *error = NULL;

  pykka_actor_proxy_call_async (proxy, "a..b", NULL, 0, NULL, capture_result, &bad_path);
  pykka_actor_proxy_call_async (proxy, "nope", NULL, 0, NULL, capture_result, &unknown);
  g_cancellable_cancel (cancelled);
  pykka_actor_proxy_call_async (proxy, "bump", NULL, 0, cancelled, capture_result,
                                &cancelled_call);
  /* Never inside the call. */
  g_assert_cmpuint (bad_path.n_calls + unknown.n_calls + cancelled_call.n_calls, ==, 0);
  wait_capture (&bad_path);
  wait_capture (&unknown);
  wait_capture (&cancelled_call);

  g_assert_false (pykka_actor_proxy_call_finish (proxy, bad_path.result, &value, &error));
  assert_error_and_clear (error, PYKKA_ERROR_INVALID_ARGUMENT);
  g_assert_true (pykka_value_is_none (&value));
  g_value_unset (&value);
  g_assert_false (pykka_actor_proxy_call_finish (proxy, unknown.result, &value, &error));
  assert_error_and_clear (error, PYKKA_ERROR_NO_SUCH_ATTRIBUTE);
  g_value_unset (&value);
  g_assert_false (pykka_actor_proxy_call_finish (proxy, cancelled_call.result, &value, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_value_unset (&value);

  /* The cancelled call still ran. */
  {
    g_autoptr(PykkaFuture) future = pykka_actor_proxy_get_attr (proxy, "number", &error);

    g_assert_no_error (error);
    g_assert_true (pykka_future_get (future, WAIT_US, &value, &error));
    g_assert_no_error (error);
    g_assert_cmpint (g_value_get_int (&value), ==, 1);
    g_value_unset (&value);
  }
  assert_actor_works (fixture);

  /* A dead actor. */
  g_assert_true (pykka_actor_ref_stop (fixture->ref, WAIT_US, &error));
  g_assert_no_error (error);
  pykka_actor_proxy_call_async (proxy, "bump", NULL, 0, NULL, capture_result, &dead_call);
  pykka_actor_ref_ask_async (fixture->ref, &fixture->ping, NULL, capture_result, &dead_ask);
  wait_capture (&dead_call);
  wait_capture (&dead_ask);
  g_assert_false (pykka_actor_proxy_call_finish (proxy, dead_call.result, &value, &error));
  assert_error_and_clear (error, PYKKA_ERROR_ACTOR_DEAD);
  g_value_unset (&value);
  g_assert_false (pykka_actor_ref_ask_finish (fixture->ref, dead_ask.result, &value, &error));
  assert_error_and_clear (error, PYKKA_ERROR_ACTOR_DEAD);
  g_assert_true (pykka_value_is_none (&value));
  g_value_unset (&value);

  g_clear_object (&bad_path.result);
  g_clear_object (&unknown.result);
  g_clear_object (&cancelled_call.result);
  g_clear_object (&dead_call.result);
  g_clear_object (&dead_ask.result);
}

/* ------------------------------------------------------------------------------------------ */
/* Dead actors and timeout 0 through proxies */

static void
test_proxy_dead_actor (Fixture       *fixture,
                       gconstpointer  data)
{
  PykkaActorProxy *proxy = fixture->proxy;
  g_autoptr(PykkaActorProxy) child = NULL;
  g_autofree char *ref_string = pykka_actor_ref_to_string (fixture->ref);
  g_autofree char *not_found = g_strdup_printf ("%s not found", ref_string);
  g_auto(GStrv) attrs = NULL;
  GError *error = NULL;

  g_assert_true (pykka_actor_ref_stop (fixture->ref, WAIT_US, &error));
  g_assert_no_error (error);

  g_assert_null (pykka_actor_ref_proxy (fixture->ref, &error));
  g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_ACTOR_DEAD);
  g_assert_cmpstr (error->message, ==, not_found);
  g_clear_error (&error);

  assert_future_fails (pykka_actor_proxy_call (proxy, "bump", NULL, 0, &error),
                       PYKKA_ERROR_ACTOR_DEAD);
  g_assert_no_error (error);
  assert_future_fails (pykka_actor_proxy_call_va (proxy, "add", G_TYPE_INT, 1, G_TYPE_INT, 2,
                                                  G_TYPE_INVALID),
                       PYKKA_ERROR_ACTOR_DEAD);
  assert_future_fails (pykka_actor_proxy_get_attr (proxy, "number", &error),
                       PYKKA_ERROR_ACTOR_DEAD);
  g_assert_no_error (error);
  g_assert_false (pykka_actor_proxy_defer (proxy, "bump", NULL, 0, &error));
  assert_error_and_clear (error, PYKKA_ERROR_ACTOR_DEAD);
  g_assert_false (pykka_actor_proxy_set_attr (proxy, "number", &fixture->set_value, &error));
  assert_error_and_clear (error, PYKKA_ERROR_ACTOR_DEAD);

  /* What needs no message still works. */
  child = pykka_actor_proxy_traverse (proxy, "child", &error);
  g_assert_no_error (error);
  assert_future_fails (pykka_actor_proxy_call (child, "hello", NULL, 0, &error),
                       PYKKA_ERROR_ACTOR_DEAD);
  attrs = pykka_actor_proxy_list_attrs (proxy);
  g_assert_true (g_strv_contains ((const char * const *) attrs, "echo"));
  g_assert_true (pykka_actor_proxy_get_actor_ref (proxy) == fixture->ref);
}

static void
test_proxy_timeout_zero (Fixture       *fixture,
                         gconstpointer  data)
{
  PykkaActorProxy *proxy = fixture->proxy;
  g_autoptr(PykkaFuture) blocked = NULL;
  g_autoptr(PykkaFuture) call = NULL;
  g_autoptr(PykkaFuture) attr = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;

  blocked = pykka_actor_proxy_call (proxy, "block", NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_true (pykka_test_event_wait (fixture->actor->blocking, WAIT_MS));

  call = pykka_actor_proxy_call_va (proxy, "add", G_TYPE_INT, 1, G_TYPE_INT, 2, G_TYPE_INVALID);
  attr = pykka_actor_proxy_get_attr (proxy, "number", &error);
  g_assert_no_error (error);
  g_assert_false (pykka_future_get (call, 0, &value, &error));
  g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_TIMEOUT);
  g_assert_true (pykka_value_is_none (&value));
  g_clear_error (&error);
  g_value_unset (&value);
  g_assert_false (pykka_future_get (attr, 0, &value, &error));
  g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_TIMEOUT);
  g_clear_error (&error);
  g_value_unset (&value);

  /* Once released, the same futures give their values. */
  pykka_test_event_set (fixture->actor->release);
  g_assert_true (pykka_future_get (call, WAIT_US, &value, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_value_get_int (&value), ==, 3);
  g_value_unset (&value);
  g_assert_true (pykka_future_get (attr, WAIT_US, &value, &error));
  g_assert_no_error (error);
  assert_actor_works (fixture);
}

/* ------------------------------------------------------------------------------------------ */
/* 10 MB messages */

static void
test_large_message (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *big = g_malloc (TEN_MB + 1);
  g_autoptr(GValue) message = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GValue) reply = G_VALUE_INIT;

  memset (big, 'x', TEN_MB);
  big[TEN_MB] = '\0';
  message = value_new_string (big);

  /* A tell and an ask of a 10 MB string. */
  g_assert_true (pykka_actor_ref_tell (fixture->ref, message, &error));
  g_assert_no_error (error);
  g_assert_true (pykka_actor_ref_ask_sync (fixture->ref, message, WAIT_US * 4, &reply, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_value_get_uint64 (&reply), ==, TEN_MB);
  g_value_unset (&reply);

  /* 10 MB of bytes. */
  {
    g_auto(GValue) bytes = G_VALUE_INIT;

    g_value_init (&bytes, G_TYPE_BYTES);
    g_value_take_boxed (&bytes, g_bytes_new (big, TEN_MB));
    g_assert_true (pykka_actor_ref_ask_sync (fixture->ref, &bytes, WAIT_US * 4, &reply,
                                             &error));
    g_assert_no_error (error);
    g_assert_cmpuint (g_value_get_uint64 (&reply), ==, TEN_MB);
    g_value_unset (&reply);
  }

  /* A list of 1000 values of 10 KB each. */
  {
    g_autoptr(GPtrArray) list = pykka_value_list_new ();
    g_auto(GValue) list_value = G_VALUE_INIT;
    g_autoptr(GValue) item = NULL;

    big[10 * 1024] = '\0';
    item = value_new_string (big);
    for (guint i = 0; i < 1000; i++)
      pykka_value_list_append (list, item);
    pykka_value_init_list (&list_value, list);
    g_assert_true (pykka_actor_ref_ask_sync (fixture->ref, &list_value, WAIT_US * 4, &reply,
                                             &error));
    g_assert_no_error (error);
    g_assert_cmpuint (g_value_get_uint (&reply), ==, 1000);
    g_value_unset (&reply);
    big[10 * 1024] = 'x';
  }

  /* A 10 MB proxy argument, and a 10 MB attribute written and read back. */
  {
    g_autoptr(PykkaFuture) future = pykka_actor_proxy_call (fixture->proxy, "length", message, 1,
                                                            &error);

    g_assert_no_error (error);
    g_assert_true (pykka_future_get (future, WAIT_US * 4, &reply, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (g_value_get_uint64 (&reply), ==, TEN_MB);
    g_value_unset (&reply);
  }
  g_assert_true (pykka_actor_proxy_set_attr (fixture->proxy, "text", message, &error));
  g_assert_no_error (error);
  {
    g_autoptr(PykkaFuture) future = pykka_actor_proxy_get_attr (fixture->proxy, "text", &error);

    g_assert_no_error (error);
    g_assert_true (pykka_future_get (future, WAIT_US * 4, &reply, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (strlen (g_value_get_string (&reply)), ==, TEN_MB);
    g_value_unset (&reply);
  }

  g_assert_true (pykka_actor_ref_tell (fixture->ref, message, &error));
  g_assert_no_error (error);
  assert_actor_works (fixture);
}

#define ADD_FIXTURE_TEST(path, func) \
  g_test_add ((path), Fixture, NULL, fixture_setup, (func), fixture_teardown)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  pykka_test_init (&argc, &argv);

  ADD_FIXTURE_TEST ("/bad-input-more/proxy/ref-proxy", test_proxy_ref_proxy);
  ADD_FIXTURE_TEST ("/bad-input-more/proxy/call", test_proxy_call);
  ADD_FIXTURE_TEST ("/bad-input-more/proxy/call-va", test_proxy_call_va);
  ADD_FIXTURE_TEST ("/bad-input-more/proxy/defer", test_proxy_defer);
  ADD_FIXTURE_TEST ("/bad-input-more/proxy/get-attr", test_proxy_get_attr);
  ADD_FIXTURE_TEST ("/bad-input-more/proxy/set-attr", test_proxy_set_attr);
  ADD_FIXTURE_TEST ("/bad-input-more/proxy/traverse", test_proxy_traverse);
  ADD_FIXTURE_TEST ("/bad-input-more/proxy/accessors", test_proxy_accessors);
  ADD_FIXTURE_TEST ("/bad-input-more/proxy/dead-actor", test_proxy_dead_actor);
  ADD_FIXTURE_TEST ("/bad-input-more/proxy/timeout-zero", test_proxy_timeout_zero);
  ADD_FIXTURE_TEST ("/bad-input-more/path/malformed", test_path_malformed);
  ADD_FIXTURE_TEST ("/bad-input-more/path/huge", test_path_huge);
  ADD_FIXTURE_TEST ("/bad-input-more/values/untransformable", test_values_untransformable);
  ADD_FIXTURE_TEST ("/bad-input-more/proxy-messages/constructors",
                    test_proxy_messages_constructors);
  ADD_FIXTURE_TEST ("/bad-input-more/proxy-messages/sent-directly",
                    test_proxy_messages_sent_directly);
  ADD_FIXTURE_TEST ("/bad-input-more/traversable", test_traversable_functions);
  ADD_FIXTURE_TEST ("/bad-input-more/pool", test_pool_functions);
  ADD_FIXTURE_TEST ("/bad-input-more/start/functions", test_start_functions);
  ADD_FIXTURE_TEST ("/bad-input-more/start/twice", test_start_twice);
  ADD_FIXTURE_TEST ("/bad-input-more/debug/log-actor-states", test_debug_log_actor_states);
  ADD_FIXTURE_TEST ("/bad-input-more/async/future", test_async_future);
  ADD_FIXTURE_TEST ("/bad-input-more/async/ask", test_async_ask);
  ADD_FIXTURE_TEST ("/bad-input-more/async/proxy-call", test_async_proxy_call);
  ADD_FIXTURE_TEST ("/bad-input-more/async/errors", test_async_errors);
  ADD_FIXTURE_TEST ("/bad-input-more/large/message-10mb", test_large_message);
  /* In subprocesses: a failure there (a crash, a stray critical) does not stop the others. */
  ADD_FIXTURE_TEST ("/bad-input-more/isolated/call-va-no-value-type",
                    test_proxy_call_va_no_value_type);
  ADD_FIXTURE_TEST ("/bad-input-more/isolated/debug-signal-handler",
                    test_debug_signal_handler);
  ADD_FIXTURE_TEST ("/bad-input-more/isolated/gtype-for-error-slot", test_proxy_call_error_slot);
  ADD_FIXTURE_TEST ("/bad-input-more/isolated/invalid-utf8-path", test_path_invalid_utf8);

  return g_test_run ();
}
