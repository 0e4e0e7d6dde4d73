/* cooperating-actors.c: one actor asking another for help
 *
 * A port of Pykka's "Multiple cooperating actors" example. An Adder adds one to a number. A
 * Bookkeeper is given a proxy to the Adder when it is made, and counts to a target by asking
 * the Adder for every next number: inside its own method it calls the Adder's method through
 * the proxy and blocks on the future until the Adder answers. The main thread only asks the
 * Bookkeeper to count to 10, waits for it, and stops every actor through the registry.
 *
 * Methods are action signals. count_to() has a last G_TYPE_POINTER parameter that the caller
 * does not pass: it receives a GError ** there, so that an error from the Adder becomes the
 * error of count_to()'s future, as an exception would in Pykka.
 *
 * Pykka prints each actor as "Adder (urn:uuid:…)"; the URN changes from run to run, so this
 * example prints the type name alone.
 *
 * SPDX-FileCopyrightText: 2026 The pykka-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <pykka-glib/pykka-glib.h>

/* Adder */

#define EXAMPLE_TYPE_ADDER (adder_get_type ())
G_DECLARE_FINAL_TYPE (Adder, adder, EXAMPLE, ADDER, PykkaActor)

struct _Adder
{
  PykkaActor parent_instance;
};

G_DEFINE_FINAL_TYPE (Adder, adder, PYKKA_TYPE_ACTOR)

static int
adder_add_one (Adder    *self,
               int       i,
               gpointer  user_data)
{
  g_print ("%s is increasing %d\n", G_OBJECT_TYPE_NAME (self), i);
  return i + 1;
}

static void
adder_class_init (AdderClass *klass)
{
  /* Method add_one(i: int) -> int */
  g_signal_new_class_handler ("add-one", G_TYPE_FROM_CLASS (klass),
                              G_SIGNAL_RUN_LAST | G_SIGNAL_ACTION,
                              G_CALLBACK (adder_add_one), NULL, NULL, NULL,
                              G_TYPE_INT, 1, G_TYPE_INT);
}

static void
adder_init (Adder *self)
{
}

/* Bookkeeper */

#define EXAMPLE_TYPE_BOOKKEEPER (bookkeeper_get_type ())
G_DECLARE_FINAL_TYPE (Bookkeeper, bookkeeper, EXAMPLE, BOOKKEEPER, PykkaActor)

struct _Bookkeeper
{
  PykkaActor parent_instance;

  PykkaActorProxy *adder;
};

G_DEFINE_FINAL_TYPE (Bookkeeper, bookkeeper, PYKKA_TYPE_ACTOR)

enum {
  PROP_0,
  PROP_ADDER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
bookkeeper_count_to (Bookkeeper  *self,
                     int          target,
                     GError     **error,
                     gpointer     user_data)
{
  int i = 0;

  while (i < target)
    {
      g_autoptr(PykkaFuture) future = NULL;
      g_auto(GValue) value = G_VALUE_INIT;

      future = pykka_actor_proxy_call_va (self->adder, "add_one", G_TYPE_INT, i, G_TYPE_INVALID);
      if (!pykka_future_get (future, PYKKA_FOREVER, &value, error))
        return;
      i = g_value_get_int (&value);
      g_print ("%s got %d back\n", G_OBJECT_TYPE_NAME (self), i);
    }
}

static void
bookkeeper_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  Bookkeeper *self = EXAMPLE_BOOKKEEPER (object);

  switch (prop_id)
    {
    case PROP_ADDER:
      g_value_set_object (value, self->adder);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bookkeeper_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  Bookkeeper *self = EXAMPLE_BOOKKEEPER (object);

  switch (prop_id)
    {
    case PROP_ADDER:
      self->adder = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bookkeeper_finalize (GObject *object)
{
  g_clear_object (&EXAMPLE_BOOKKEEPER (object)->adder);
  G_OBJECT_CLASS (bookkeeper_parent_class)->finalize (object);
}

static void
bookkeeper_class_init (BookkeeperClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = bookkeeper_get_property;
  object_class->set_property = bookkeeper_set_property;
  object_class->finalize = bookkeeper_finalize;

  /* Attribute adder: a proxy to the Adder, given at construction */
  properties[PROP_ADDER] =
    g_param_spec_object ("adder", NULL, NULL, PYKKA_TYPE_ACTOR_PROXY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Method count_to(target: int) -> None, which can fail */
  g_signal_new_class_handler ("count-to", G_TYPE_FROM_CLASS (klass),
                              G_SIGNAL_RUN_LAST | G_SIGNAL_ACTION,
                              G_CALLBACK (bookkeeper_count_to), NULL, NULL, NULL,
                              G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_POINTER);
}

static void
bookkeeper_init (Bookkeeper *self)
{
}

/* Pykka's Actor.start().proxy() */
static PykkaActorProxy *
start_and_proxy (PykkaActor *actor)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PykkaActorRef) ref = NULL;
  PykkaActorProxy *proxy;

  ref = pykka_actor_start (actor, &error);
  if (ref == NULL)
    g_error ("%s", error->message);
  proxy = pykka_actor_ref_proxy (ref, &error);
  if (proxy == NULL)
    g_error ("%s", error->message);
  return proxy;
}

int
main (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PykkaActor) adder_actor = NULL;
  g_autoptr(PykkaActor) bookkeeper_actor = NULL;
  g_autoptr(PykkaActorProxy) adder = NULL;
  g_autoptr(PykkaActorProxy) bookkeeper = NULL;
  g_autoptr(PykkaFuture) counted = NULL;
  g_auto(GValue) none = G_VALUE_INIT;

  adder_actor = g_object_new (EXAMPLE_TYPE_ADDER, NULL);
  adder = start_and_proxy (adder_actor);
  bookkeeper_actor = g_object_new (EXAMPLE_TYPE_BOOKKEEPER, "adder", adder, NULL);
  bookkeeper = start_and_proxy (bookkeeper_actor);

  counted = pykka_actor_proxy_call_va (bookkeeper, "count_to", G_TYPE_INT, 10, G_TYPE_INVALID);
  if (!pykka_future_get (counted, PYKKA_FOREVER, &none, &error))
    {
      g_printerr ("count_to failed: %s\n", error->message);
      pykka_actor_registry_stop_all (pykka_actor_registry_get_default (), PYKKA_FOREVER, NULL);
      return 1;
    }

  pykka_actor_registry_stop_all (pykka_actor_registry_get_default (), PYKKA_FOREVER, NULL);
  return 0;
}
