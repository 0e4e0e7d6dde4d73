/* actor-with-proxy.c: using an actor's methods and attributes through a proxy
 *
 * A port of Pykka's "Actor with proxy" example. AnActor has a method with a side effect,
 * proc(), a method that returns a value after a delay, func(), and an attribute, field. The
 * main thread reaches all three through a PykkaActorProxy: a method call or an attribute read
 * is a message to the actor and gives back a future at once, and an attribute write waits
 * until the actor has done it. Everything the actor does runs on its own thread, as the
 * thread names in the output show.
 *
 * In C, an actor's methods are the action signals its type adds and its attributes are the
 * properties its type adds. The last part shows a traversable attribute, as in Pykka's
 * documentation: the actor holds a Playback object in its "playback" property, and the proxy
 * reaches the object's play() method through it, still on the actor's thread.
 *
 * SPDX-FileCopyrightText: 2026 The pykka-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <pykka-glib/pykka-glib.h>

/* Python's threading.current_thread().name: actors store their thread's name here when they
 * start, and every other thread is the main one. */
static GPrivate current_thread_name;

/* Held by log_line() while it prints; see main() for why the main thread also holds it. */
static GRecMutex output_lock;

static void
log_line (const char *message)
{
  const char *thread_name = g_private_get (&current_thread_name);

  g_rec_mutex_lock (&output_lock);
  g_print ("%s: %s\n", thread_name != NULL ? thread_name : "MainThread", message);
  g_rec_mutex_unlock (&output_lock);
}

/* Playback: a plain object (not an actor) whose methods an actor can expose. */

#define EXAMPLE_TYPE_PLAYBACK (playback_get_type ())
G_DECLARE_FINAL_TYPE (Playback, playback, EXAMPLE, PLAYBACK, GObject)

struct _Playback
{
  GObject parent_instance;
};

G_DEFINE_FINAL_TYPE (Playback, playback, G_TYPE_OBJECT)

static gboolean
playback_play (Playback *self,
               gpointer  user_data)
{
  log_line ("this was printed by Playback.play()");
  return TRUE;
}

static void
playback_class_init (PlaybackClass *klass)
{
  /* Method play() -> bool */
  g_signal_new_class_handler ("play", G_TYPE_FROM_CLASS (klass),
                              G_SIGNAL_RUN_LAST | G_SIGNAL_ACTION,
                              G_CALLBACK (playback_play), NULL, NULL, NULL,
                              G_TYPE_BOOLEAN, 0);
}

static void
playback_init (Playback *self)
{
}

/* AnActor */

#define EXAMPLE_TYPE_AN_ACTOR (an_actor_get_type ())
G_DECLARE_FINAL_TYPE (AnActor, an_actor, EXAMPLE, AN_ACTOR, PykkaActor)

struct _AnActor
{
  PykkaActor parent_instance;

  char *field;
  Playback *playback;
};

G_DEFINE_FINAL_TYPE (AnActor, an_actor, PYKKA_TYPE_ACTOR)

enum {
  PROP_0,
  PROP_FIELD,
  PROP_PLAYBACK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
an_actor_proc (AnActor  *self,
               gpointer  user_data)
{
  log_line ("this was printed by AnActor.proc()");
}

static char *
an_actor_func (AnActor  *self,
               gpointer  user_data)
{
  g_usleep (G_USEC_PER_SEC / 2);  /* block a bit, as real work would */
  return g_strdup ("this was returned by AnActor.func() after a delay");
}

static void
an_actor_on_start (PykkaActor  *actor,
                   GError     **error)
{
  g_private_set (&current_thread_name, (gpointer) pykka_actor_get_thread_name (actor));
}

static void
an_actor_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  AnActor *self = EXAMPLE_AN_ACTOR (object);

  switch (prop_id)
    {
    case PROP_FIELD:
      g_value_set_string (value, self->field);
      break;
    case PROP_PLAYBACK:
      g_value_set_object (value, self->playback);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
an_actor_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  AnActor *self = EXAMPLE_AN_ACTOR (object);

  switch (prop_id)
    {
    case PROP_FIELD:
      g_free (self->field);
      self->field = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
an_actor_finalize (GObject *object)
{
  AnActor *self = EXAMPLE_AN_ACTOR (object);

  g_free (self->field);
  g_clear_object (&self->playback);
  G_OBJECT_CLASS (an_actor_parent_class)->finalize (object);
}

static void
an_actor_class_init (AnActorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = an_actor_get_property;
  object_class->set_property = an_actor_set_property;
  object_class->finalize = an_actor_finalize;
  PYKKA_ACTOR_CLASS (klass)->on_start = an_actor_on_start;

  /* Attribute field: str */
  properties[PROP_FIELD] =
    g_param_spec_string ("field", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  /* Attribute playback: a traversable Playback */
  properties[PROP_PLAYBACK] =
    g_param_spec_object ("playback", NULL, NULL, EXAMPLE_TYPE_PLAYBACK,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Method proc() -> None */
  g_signal_new_class_handler ("proc", G_TYPE_FROM_CLASS (klass),
                              G_SIGNAL_RUN_LAST | G_SIGNAL_ACTION,
                              G_CALLBACK (an_actor_proc), NULL, NULL, NULL,
                              G_TYPE_NONE, 0);
  /* Method func() -> str */
  g_signal_new_class_handler ("func", G_TYPE_FROM_CLASS (klass),
                              G_SIGNAL_RUN_LAST | G_SIGNAL_ACTION,
                              G_CALLBACK (an_actor_func), NULL, NULL, NULL,
                              G_TYPE_STRING, 0);
}

static void
an_actor_init (AnActor *self)
{
  self->field = g_strdup ("this is the value of AnActor.field");
  /* Pykka's playback = pykka.traversable(Playback()) */
  self->playback = g_object_new (EXAMPLE_TYPE_PLAYBACK, NULL);
  pykka_traversable (G_OBJECT (self->playback));
}

/* Blocks until @future is done; gives its value as a string. */
static char *
wait_for_string (PykkaFuture *future)
{
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;
  g_auto(GValue) string = G_VALUE_INIT;

  if (!pykka_future_get (future, PYKKA_FOREVER, &value, &error))
    g_error ("%s", error->message);
  g_value_init (&string, G_TYPE_STRING);
  if (G_VALUE_HOLDS_BOOLEAN (&value))
    g_value_set_static_string (&string, g_value_get_boolean (&value) ? "True" : "False");
  else
    g_value_transform (&value, &string);
  return g_value_dup_string (&string);
}

static PykkaFuture *
read_field (PykkaActorProxy *proxy)
{
  g_autoptr(GError) error = NULL;
  PykkaFuture *future = pykka_actor_proxy_get_attr (proxy, "field", &error);

  if (future == NULL)
    g_error ("%s", error->message);
  return future;
}

int
main (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PykkaActor) actor = g_object_new (EXAMPLE_TYPE_AN_ACTOR, NULL);
  g_autoptr(PykkaActorRef) ref = NULL;
  g_autoptr(PykkaActorProxy) proxy = NULL;
  g_autoptr(PykkaActorProxy) playback = NULL;
  g_autoptr(PykkaFuture) played = NULL;
  g_autofree char *play_success = NULL;

  ref = pykka_actor_start (actor, &error);
  g_assert_no_error (error);
  proxy = pykka_actor_ref_proxy (ref, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(PykkaFuture) proc_done = NULL;  /* not waited for */
      g_autoptr(PykkaFuture) result = NULL;
      g_autofree char *text = NULL;
      g_auto(GValue) new_value = G_VALUE_INIT;

      /* The actor prints from its thread while this one goes on, so which line comes first
       * would be left to chance (Pykka's own output shows both orders). Holding the output
       * lock until we are about to block puts the actor's line where Pykka's output mostly
       * has it. */
      g_rec_mutex_lock (&output_lock);

      /* Method with side effect */
      log_line ("calling AnActor.proc() ...");
      proc_done = pykka_actor_proxy_call_va (proxy, "proc", G_TYPE_INVALID);

      /* Method with return value */
      log_line ("calling AnActor.func() ...");
      result = pykka_actor_proxy_call_va (proxy, "func", G_TYPE_INVALID);  /* does not block */
      log_line ("printing result ... (blocking)");
      g_rec_mutex_unlock (&output_lock);
      text = wait_for_string (result);  /* blocks until ready */
      log_line (text);

      /* Field reading */
      log_line ("reading AnActor.field ...");
      g_clear_object (&result);
      result = read_field (proxy);  /* does not block */
      log_line ("printing result ... (blocking)");
      g_free (text);
      text = wait_for_string (result);  /* blocks until ready */
      log_line (text);

      /* Field writing */
      log_line ("writing AnActor.field ...");
      g_value_init (&new_value, G_TYPE_STRING);
      g_value_set_static_string (&new_value, "new value");
      if (!pykka_actor_proxy_set_attr (proxy, "field", &new_value, &error))  /* waits until set */
        g_error ("%s", error->message);
      g_clear_object (&result);
      result = read_field (proxy);  /* does not block */
      log_line ("printing new field value ... (blocking)");
      g_free (text);
      text = wait_for_string (result);  /* blocks until ready */
      log_line (text);
    }

  /* Method of an object held in a traversable attribute */
  log_line ("calling AnActor.playback.play() ...");
  playback = pykka_actor_proxy_traverse (proxy, "playback", &error);
  g_assert_no_error (error);
  played = pykka_actor_proxy_call_va (playback, "play", G_TYPE_INVALID);
  play_success = wait_for_string (played);
  log_line (play_success);

  pykka_actor_ref_stop (pykka_actor_proxy_get_actor_ref (proxy), PYKKA_FOREVER, NULL);
  return 0;
}
