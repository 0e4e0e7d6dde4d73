/* plain-actor.c: an actor that keeps count of what it is told
 *
 * A port of the first example of Pykka's documentation: one actor, some messages told to it,
 * and a question asked of it, answered from its own thread.
 *
 * SPDX-FileCopyrightText: 2026 The pykka-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <pykka-glib/pykka-glib.h>

#define PLAIN_TYPE_ACTOR (plain_actor_get_type ())
G_DECLARE_FINAL_TYPE (PlainActor, plain_actor, PLAIN, ACTOR, PykkaActor)

struct _PlainActor
{
  PykkaActor parent_instance;
  GPtrArray *stored;   /* strings told to the actor; only its own thread touches it */
};

G_DEFINE_FINAL_TYPE (PlainActor, plain_actor, PYKKA_TYPE_ACTOR)

static void
plain_actor_on_receive (PykkaActor    *actor,
                        const GValue  *message,
                        GValue        *reply,
                        GError       **error)
{
  PlainActor *self = PLAIN_ACTOR (actor);

  /* A string is something to remember; the boolean TRUE asks what was remembered. */
  if (G_VALUE_HOLDS_STRING (message))
    g_ptr_array_add (self->stored, g_value_dup_string (message));
  else if (G_VALUE_HOLDS_BOOLEAN (message) && g_value_get_boolean (message))
    {
      g_ptr_array_add (self->stored, NULL);
      g_value_init (reply, G_TYPE_STRV);
      g_value_set_boxed (reply, self->stored->pdata);
      g_ptr_array_remove_index (self->stored, self->stored->len - 1);
    }
  else
    PYKKA_ACTOR_CLASS (plain_actor_parent_class)->on_receive (actor, message, reply, error);
}

static void
plain_actor_finalize (GObject *object)
{
  g_ptr_array_unref (PLAIN_ACTOR (object)->stored);
  G_OBJECT_CLASS (plain_actor_parent_class)->finalize (object);
}

static void
plain_actor_class_init (PlainActorClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = plain_actor_finalize;
  PYKKA_ACTOR_CLASS (klass)->on_receive = plain_actor_on_receive;
}

static void
plain_actor_init (PlainActor *self)
{
  self->stored = g_ptr_array_new_with_free_func (g_free);
}

int
main (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PykkaActor) actor = g_object_new (PLAIN_TYPE_ACTOR, NULL);
  g_autoptr(PykkaActorRef) ref = NULL;
  g_auto(GValue) message = G_VALUE_INIT;
  g_auto(GValue) question = G_VALUE_INIT;
  g_auto(GValue) answer = G_VALUE_INIT;
  const char * const *stored;

  ref = pykka_actor_start (actor, &error);
  g_assert_no_error (error);

  g_value_init (&message, G_TYPE_STRING);
  g_value_set_static_string (&message, "Hello");
  pykka_actor_ref_tell (ref, &message, NULL);
  g_value_set_static_string (&message, "World");
  pykka_actor_ref_tell (ref, &message, NULL);

  g_value_init (&question, G_TYPE_BOOLEAN);
  g_value_set_boolean (&question, TRUE);
  if (!pykka_actor_ref_ask_sync (ref, &question, PYKKA_FOREVER, &answer, &error))
    {
      g_printerr ("ask failed: %s\n", error->message);
      return 1;
    }

  stored = g_value_get_boxed (&answer);
  g_print ("[");
  for (guint i = 0; stored[i] != NULL; i++)
    g_print ("%s'%s'", i > 0 ? ", " : "", stored[i]);
  g_print ("]\n");

  pykka_actor_ref_stop (ref, PYKKA_FOREVER, NULL);
  return 0;
}
