/* test-scale.c: 100 000 actors in the default pool (suite 'slow')
 *
 * SPDX-FileCopyrightText: 2026 The pykka-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Starts N actors (100 000, or PYKKA_SCALE_N) in the default pool, asks each one once, checks
 * every reply, stops them all and checks that every stop was answered and nothing is left
 * registered. It prints, as TAP comments, the elapsed time of each phase and the memory per
 * actor (the growth of the resident set, from /proc/self/statm, divided by N). Nothing is
 * asserted about time or memory: the figures are for people.
 */

#include "pykka-test-utils.h"

#include <stdlib.h>
#include <unistd.h>

#define DEFAULT_N 100000
#define WAIT_US (60 * G_TIME_SPAN_SECOND)

/* ScaleActor: answers an int with the int plus its own index. */

#define TYPE_SCALE_ACTOR (scale_actor_get_type ())
G_DECLARE_FINAL_TYPE (ScaleActor, scale_actor, SCALE, ACTOR, PykkaActor)

struct _ScaleActor
{
  PykkaActor parent_instance;
  int        index;   /* set before start */
};

G_DEFINE_FINAL_TYPE (ScaleActor, scale_actor, PYKKA_TYPE_ACTOR)

static void
scale_actor_on_receive (PykkaActor    *actor,
                        const GValue  *message,
                        GValue        *reply,
                        GError       **error)
{
  g_value_init (reply, G_TYPE_INT);
  g_value_set_int (reply, g_value_get_int (message) + SCALE_ACTOR (actor)->index);
}

static void
scale_actor_class_init (ScaleActorClass *klass)
{
  PYKKA_ACTOR_CLASS (klass)->on_receive = scale_actor_on_receive;
}

static void
scale_actor_init (ScaleActor *self)
{
}

/* The resident set size in bytes (second field of /proc/self/statm, in pages); 0 when it
 * cannot be read. */
static gint64
resident_bytes (void)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) fields = NULL;

  if (!g_file_get_contents ("/proc/self/statm", &text, NULL, NULL))
    return 0;
  fields = g_strsplit (g_strstrip (text), " ", -1);
  if (g_strv_length (fields) < 2)
    return 0;
  return g_ascii_strtoll (fields[1], NULL, 10) * (gint64) sysconf (_SC_PAGESIZE);
}

static guint
scale_n (void)
{
  const char *env = g_getenv ("PYKKA_SCALE_N");
  guint64 n = DEFAULT_N;

  if (env != NULL && env[0] != '\0')
    g_assert_true (g_ascii_string_to_unsigned (env, 10, 1, G_MAXINT / 2, &n, NULL));
  return (guint) n;
}

static double
seconds_since (gint64 start)
{
  return (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC;
}

static void
test_scale_default_pool (void)
{
  const guint n = scale_n ();
  g_autoptr(PykkaActorRegistry) registry = pykka_actor_registry_new ();
  g_autoptr(GPtrArray) refs = g_ptr_array_new_full (n, g_object_unref);
  g_autoptr(GPtrArray) futures = g_ptr_array_new_full (n, g_object_unref);
  PykkaPool *pool = pykka_pool_get_default ();
  gint64 rss_before, rss_started, rss_asked, rss_stopped;
  gint64 t0, t_start, t_ask, t_stop;
  guint n_wrong = 0;

  rss_before = resident_bytes ();

  /* Start. */
  t0 = g_get_monotonic_time ();
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ScaleActor) actor = g_object_new (TYPE_SCALE_ACTOR, "registry", registry, NULL);
      g_autoptr(GError) error = NULL;
      PykkaActorRef *ref;

      actor->index = (int) i;
      ref = pykka_actor_start_in_pool (PYKKA_ACTOR (actor), NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (ref);
      g_ptr_array_add (refs, ref);
    }
  t_start = g_get_monotonic_time ();
  rss_started = resident_bytes ();
  g_assert_cmpuint (pykka_actor_registry_get_n_actors (registry), ==, n);

  /* Ask each once, then check every reply. */
  for (guint i = 0; i < n; i++)
    {
      g_auto(GValue) message = G_VALUE_INIT;

      g_value_init (&message, G_TYPE_INT);
      g_value_set_int (&message, (int) i);
      g_ptr_array_add (futures, pykka_actor_ref_ask (refs->pdata[i], &message));
    }
  for (guint i = 0; i < n; i++)
    {
      g_auto(GValue) reply = G_VALUE_INIT;
      g_autoptr(GError) error = NULL;

      g_assert_true (pykka_future_get (futures->pdata[i], WAIT_US, &reply, &error));
      g_assert_no_error (error);
      if (!G_VALUE_HOLDS_INT (&reply) || g_value_get_int (&reply) != 2 * (int) i)
        n_wrong++;
    }
  t_ask = g_get_monotonic_time ();
  rss_asked = resident_bytes ();
  g_assert_cmpuint (n_wrong, ==, 0);
  g_ptr_array_set_size (futures, 0);

  /* Stop them all: every stop is answered, nothing stays registered or alive. */
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (futures, pykka_actor_ref_stop_future (refs->pdata[i]));
  for (guint i = 0; i < n; i++)
    {
      g_auto(GValue) stopped = G_VALUE_INIT;
      g_autoptr(GError) error = NULL;

      g_assert_true (pykka_future_get (futures->pdata[i], WAIT_US, &stopped, &error));
      g_assert_no_error (error);
    }
  t_stop = g_get_monotonic_time ();
  for (guint i = 0; i < n; i++)
    g_assert_false (pykka_actor_ref_is_alive (refs->pdata[i]));
  g_assert_cmpuint (pykka_actor_registry_get_n_actors (registry), ==, 0);
  g_ptr_array_set_size (futures, 0);
  rss_stopped = resident_bytes ();

  g_test_message ("%u actors in the default pool (%u workers max, %u now)", n,
                  pykka_pool_get_max_workers (pool), pykka_pool_get_n_workers (pool));
  g_test_message ("elapsed: start %.3f s, ask+get %.3f s, stop %.3f s, total %.3f s",
                  (double) (t_start - t0) / G_USEC_PER_SEC,
                  (double) (t_ask - t_start) / G_USEC_PER_SEC,
                  (double) (t_stop - t_ask) / G_USEC_PER_SEC,
                  seconds_since (t0));
  g_test_message ("memory per actor: %.0f bytes (RSS %+.1f MiB with %u actors started; "
                  "%+.1f MiB after the asks; %+.1f MiB after the stops)",
                  (double) (rss_started - rss_before) / n,
                  (double) (rss_started - rss_before) / (1024 * 1024), n,
                  (double) (rss_asked - rss_before) / (1024 * 1024),
                  (double) (rss_stopped - rss_before) / (1024 * 1024));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  pykka_test_init (&argc, &argv);
  /* The test measures the runtime, not the capture of 4 debug records per actor by the test
   * utils: keep debug records off (WARNING and above are still recorded). */
  g_log_set_debug_enabled (FALSE);

  g_test_add_func ("/scale/default-pool/many-actors", test_scale_default_pool);

  return g_test_run ();
}
