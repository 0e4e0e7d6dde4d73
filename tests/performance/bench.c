/* bench.c: pykka-glib's benchmark, beside the raw GLib floors measured in the same run
 *
 * Prints one line per figure: "<runtime> <workload> <value> <unit>". Run it with --scale 1 for
 * the full sizes, or a smaller --scale for a smoke test (meson's "performance" suite uses a
 * tiny one). Speed is never asserted: machines are shared and noisy, so compare figures only
 * with figures of the same run.
 *
 * SPDX-FileCopyrightText: 2026 The pykka-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <pykka-glib/pykka-glib.h>

#include "bench-marshal.h"

#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static double scale = 1.0;
static gboolean with_million = FALSE;

static guint
scaled (guint n)
{
  guint s = (guint) (n * scale);

  return s > 0 ? s : 1;
}

static void
report (const char *runtime,
        const char *workload,
        double      value,
        const char *unit)
{
  g_print ("%-8s %-40s %14.3f %s\n", runtime, workload, value, unit);
}

/* A figure of a workload of @n actors: "<workload> <n>: <figure>". */
static void
report_sized (const char *runtime,
              const char *workload,
              guint       n,
              const char *figure,
              double      value,
              const char *unit)
{
  g_autofree char *label = g_strdup_printf ("%s %u: %s", workload, n, figure);

  report (runtime, label, value, unit);
}

/* Microseconds, to the nanosecond: round trips that hand over without sleeping take a
 * microsecond or two, which g_get_monotonic_time () cannot tell apart. */
static double
now_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
percentile (double *samples,
            guint   n,
            double  p)
{
  qsort (samples, n, sizeof (double), compare_doubles);
  return samples[MIN (n - 1, (guint) (p * n))];
}

static double
rss_kib (void)
{
  FILE *file = fopen ("/proc/self/statm", "r");
  unsigned long size = 0, resident = 0;

  if (file == NULL)
    return 0;
  if (fscanf (file, "%lu %lu", &size, &resident) != 2)
    resident = 0;
  fclose (file);
  return resident * (sysconf (_SC_PAGESIZE) / 1024.0);
}

/* Bytes malloc has handed out and not had back, over all arenas. Unlike RSS, it does not
 * depend on whether earlier workloads left freed memory in the process. */
static double
heap_in_use (void)
{
  struct mallinfo2 info = mallinfo2 ();

  return (double) info.uordblks + info.hblkhd;
}

/* The benchmark actor: counts tells, echoes asks, and has two methods (action signals) that
 * return their argument: "echo" with a typed marshaller made by glib-genmarshal, as GNOME
 * libraries give their signals, and "echo-generic" with GLib's default marshaller, which
 * calls the handler through libffi. */

#define BENCH_TYPE_ACTOR (bench_actor_get_type ())
G_DECLARE_FINAL_TYPE (BenchActor, bench_actor, BENCH, ACTOR, PykkaActor)

struct _BenchActor
{
  PykkaActor parent_instance;
  guint64    count;
};

G_DEFINE_FINAL_TYPE (BenchActor, bench_actor, PYKKA_TYPE_ACTOR)

static void
bench_actor_on_receive (PykkaActor    *actor,
                        const GValue  *message,
                        GValue        *reply,
                        GError       **error)
{
  BenchActor *self = BENCH_ACTOR (actor);

  self->count++;
  g_value_init (reply, G_TYPE_UINT64);
  g_value_set_uint64 (reply, self->count);
}

static int
bench_actor_echo (BenchActor *self,
                  int         value)
{
  return value;
}

static void
bench_actor_class_init (BenchActorClass *klass)
{
  PYKKA_ACTOR_CLASS (klass)->on_receive = bench_actor_on_receive;
  g_signal_new_class_handler ("echo", G_TYPE_FROM_CLASS (klass),
                              G_SIGNAL_RUN_LAST | G_SIGNAL_ACTION,
                              G_CALLBACK (bench_actor_echo), NULL, NULL,
                              bench_marshal_INT__INT, G_TYPE_INT, 1, G_TYPE_INT);
  g_signal_new_class_handler ("echo-generic", G_TYPE_FROM_CLASS (klass),
                              G_SIGNAL_RUN_LAST | G_SIGNAL_ACTION,
                              G_CALLBACK (bench_actor_echo), NULL, NULL, NULL,
                              G_TYPE_INT, 1, G_TYPE_INT);
}

static void
bench_actor_init (BenchActor *self)
{
}

/* Runtimes. */

static GMainContext *bench_context;

static gpointer
context_thread (gpointer data)
{
  GMainLoop *loop = g_main_loop_new (bench_context, FALSE);

  g_main_context_push_thread_default (bench_context);
  g_main_loop_run (loop);
  return NULL;
}

static PykkaActorRef *
start_on (const char *runtime,
          PykkaActor *actor)
{
  g_autoptr(GError) error = NULL;
  PykkaActorRef *ref;

  if (g_str_equal (runtime, "pool"))
    ref = pykka_actor_start_in_pool (actor, NULL, &error);
  else if (g_str_equal (runtime, "context"))
    ref = pykka_actor_start_in_context (actor, bench_context, &error);
  else
    ref = pykka_actor_start (actor, &error);
  g_assert_no_error (error);
  return ref;
}

static PykkaActorRef *
start_bench_actor (const char *runtime)
{
  g_autoptr(PykkaActor) actor = g_object_new (BENCH_TYPE_ACTOR, NULL);

  return start_on (runtime, actor);
}

static void
ask_blocking (PykkaActorRef *ref,
              const GValue  *message)
{
  g_auto(GValue) reply = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;

  if (!pykka_actor_ref_ask_sync (ref, message, PYKKA_FOREVER, &reply, &error))
    g_error ("ask failed: %s", error->message);
}

/* 1. tell throughput, one sender, one actor. */
static void
bench_tell (const char *runtime)
{
  g_autoptr(PykkaActorRef) ref = start_bench_actor (runtime);
  g_auto(GValue) message = G_VALUE_INIT;
  guint n = scaled (1000000);
  gint64 start;

  g_value_init (&message, G_TYPE_INT);
  g_value_set_int (&message, 1);
  ask_blocking (ref, &message);

  start = g_get_monotonic_time ();
  for (guint i = 0; i < n; i++)
    pykka_actor_ref_tell (ref, &message, NULL);
  ask_blocking (ref, &message);
  report (runtime, "tell throughput", n / ((g_get_monotonic_time () - start) / 1e6), "msg/s");
  pykka_actor_ref_stop (ref, PYKKA_FOREVER, NULL);
}

/* 2. and 3. sequential ask and proxy call round trips. They alternate on one actor, so that
 * both see the same machine: on a shared machine, speed changes from one second to the next,
 * and their ratio is what the targets are about. */
static double
time_ask (PykkaActorRef *ref,
          const GValue  *message)
{
  double start = now_us ();

  ask_blocking (ref, message);
  return now_us () - start;
}

static double
time_proxy_call (PykkaActorProxy *proxy,
                 const char      *method,
                 const GValue    *arg)
{
  double start = now_us ();
  g_autoptr(PykkaFuture) future = pykka_actor_proxy_call (proxy, method, arg, 1, NULL);
  g_auto(GValue) result = G_VALUE_INIT;

  if (!pykka_future_get (future, PYKKA_FOREVER, &result, NULL))
    g_error ("proxy call failed");
  return now_us () - start;
}

static void
bench_ask_and_proxy (const char *runtime)
{
  g_autoptr(PykkaActorRef) ref = start_bench_actor (runtime);
  g_autoptr(PykkaActorProxy) proxy = pykka_actor_ref_proxy (ref, NULL);
  g_auto(GValue) message = G_VALUE_INIT;
  guint n = scaled (100000);
  guint warm_up = MIN (n, 1000u);
  double *asks = g_new (double, n);
  double *calls = g_new (double, n);
  double *generic_calls = g_new (double, n);

  g_value_init (&message, G_TYPE_INT);
  g_value_set_int (&message, 7);
  for (guint i = 0; i < warm_up; i++)
    {
      time_ask (ref, &message);
      time_proxy_call (proxy, "echo", &message);
      time_proxy_call (proxy, "echo-generic", &message);
    }
  for (guint i = 0; i < n; i++)
    {
      asks[i] = time_ask (ref, &message);
      calls[i] = time_proxy_call (proxy, "echo", &message);
      generic_calls[i] = time_proxy_call (proxy, "echo-generic", &message);
    }
  report (runtime, "ask round trip median", percentile (asks, n, 0.5), "us");
  report (runtime, "ask round trip p99", percentile (asks, n, 0.99), "us");
  report (runtime, "proxy call round trip median", percentile (calls, n, 0.5), "us");
  report (runtime, "proxy call, generic marshaller, median", percentile (generic_calls, n, 0.5),
          "us");
  g_free (asks);
  g_free (calls);
  g_free (generic_calls);
  pykka_actor_ref_stop (ref, PYKKA_FOREVER, NULL);
}

/* 4. start n actors, ask each once, stop them all. As in compare.py's Pykka side, the refs
 * and futures are dropped after the clock stops. */
static void
bench_fan_out (const char *runtime,
               guint       n)
{
  g_autoptr(GPtrArray) refs = g_ptr_array_new_full (n, g_object_unref);
  g_autoptr(GPtrArray) asks = g_ptr_array_new_full (n, g_object_unref);
  g_autoptr(GPtrArray) stops = g_ptr_array_new_full (n, g_object_unref);
  g_auto(GValue) message = G_VALUE_INIT;
  double rss_before, rss_after, heap_before, heap_after;
  gint64 start, started, asked;

  g_value_init (&message, G_TYPE_INT);
  rss_before = rss_kib ();
  heap_before = heap_in_use ();
  start = g_get_monotonic_time ();
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (refs, start_bench_actor (runtime));
  started = g_get_monotonic_time ();
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (asks, pykka_actor_ref_ask (refs->pdata[i], &message));
  for (guint i = 0; i < n; i++)
    {
      g_auto(GValue) reply = G_VALUE_INIT;

      if (!pykka_future_get (asks->pdata[i], PYKKA_FOREVER, &reply, NULL) ||
          g_value_get_uint64 (&reply) != 1)
        g_error ("fan-out ask %u failed", i);
    }
  asked = g_get_monotonic_time ();
  rss_after = rss_kib ();
  heap_after = heap_in_use ();
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (stops, pykka_actor_ref_stop_future (refs->pdata[i]));
  for (guint i = 0; i < n; i++)
    {
      g_auto(GValue) stopped = G_VALUE_INIT;

      pykka_future_get (stops->pdata[i], PYKKA_FOREVER, &stopped, NULL);
    }

  report_sized (runtime, "fan-out", n, "start+ask+stop",
                (g_get_monotonic_time () - start) / 1e6, "s");
  report_sized (runtime, "fan-out", n, "start", (started - start) / 1e6, "s");
  report_sized (runtime, "fan-out", n, "ask all", (asked - started) / 1e6, "s");
  report_sized (runtime, "fan-out", n, "memory per actor",
                (rss_after - rss_before) * 1024.0 / n, "B");
  report_sized (runtime, "fan-out", n, "heap per actor", (heap_after - heap_before) / n, "B");
}

/* Floors: the raw GAsyncQueue, as the issue defines them. */

static gpointer
queue_consumer (gpointer data)
{
  GAsyncQueue *queue = data;

  while (g_async_queue_pop (queue) != GINT_TO_POINTER (2))
    ;
  return NULL;
}

static void
floor_queue_throughput (void)
{
  GAsyncQueue *queue = g_async_queue_new ();
  guint n = scaled (10000000);
  GThread *consumer = g_thread_new ("floor-consumer", queue_consumer, queue);
  gint64 start = g_get_monotonic_time ();

  for (guint i = 0; i < n; i++)
    g_async_queue_push (queue, GINT_TO_POINTER (1));
  g_async_queue_push (queue, GINT_TO_POINTER (2));
  g_thread_join (consumer);
  report ("floor", "GAsyncQueue push/pop throughput", n / ((g_get_monotonic_time () - start) / 1e6),
          "msg/s");
  g_async_queue_unref (queue);
}

typedef struct
{
  GAsyncQueue *ping;
  GAsyncQueue *pong;
} PingPong;

static gpointer
pong_thread (gpointer data)
{
  PingPong *pp = data;
  gpointer item;

  while ((item = g_async_queue_pop (pp->ping)) != GINT_TO_POINTER (2))
    g_async_queue_push (pp->pong, item);
  return NULL;
}

static void
floor_ping_pong (void)
{
  PingPong pp = { g_async_queue_new (), g_async_queue_new () };
  guint n = scaled (200000);
  double *samples = g_new (double, n);
  GThread *thread = g_thread_new ("floor-pong", pong_thread, &pp);

  for (guint i = 0; i < n; i++)
    {
      double start = now_us ();

      g_async_queue_push (pp.ping, GINT_TO_POINTER (1));
      g_async_queue_pop (pp.pong);
      samples[i] = now_us () - start;
    }
  g_async_queue_push (pp.ping, GINT_TO_POINTER (2));
  g_thread_join (thread);
  report ("floor", "two-queue ping-pong median", percentile (samples, n, 0.5), "us");
  report ("floor", "two-queue ping-pong p99", percentile (samples, n, 0.99), "us");
  g_free (samples);
  g_async_queue_unref (pp.ping);
  g_async_queue_unref (pp.pong);
}

/* The least a thread-per-actor runtime does for workload 4: n threads started, each sent one
 * message and answered over a second queue, then told to stop and joined. */
static void
floor_thread_fan_out (guint n)
{
  PingPong *pps = g_new (PingPong, n);
  GThread **threads = g_new (GThread *, n);
  gint64 start = g_get_monotonic_time ();

  for (guint i = 0; i < n; i++)
    {
      pps[i].ping = g_async_queue_new ();
      pps[i].pong = g_async_queue_new ();
      threads[i] = g_thread_new ("floor-fan-out", pong_thread, &pps[i]);
    }
  for (guint i = 0; i < n; i++)
    g_async_queue_push (pps[i].ping, GINT_TO_POINTER (1));
  for (guint i = 0; i < n; i++)
    g_async_queue_pop (pps[i].pong);
  for (guint i = 0; i < n; i++)
    g_async_queue_push (pps[i].ping, GINT_TO_POINTER (2));
  for (guint i = 0; i < n; i++)
    g_thread_join (threads[i]);

  report_sized ("floor", "thread fan-out", n, "start+ask+stop",
                (g_get_monotonic_time () - start) / 1e6, "s");
  for (guint i = 0; i < n; i++)
    {
      g_async_queue_unref (pps[i].ping);
      g_async_queue_unref (pps[i].pong);
    }
  g_free (pps);
  g_free (threads);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("- pykka-glib benchmark");
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) only = NULL;
  const char *runtimes[] = { "thread", "pool", "context" };
  GOptionEntry entries[] = {
    { "scale", 's', 0, G_OPTION_ARG_DOUBLE, &scale, "Scale every size by this factor", "F" },
    { "million", 0, 0, G_OPTION_ARG_NONE, &with_million, "Also run 1 000 000 pool actors", NULL },
    { "only", 0, 0, G_OPTION_ARG_STRING_ARRAY, &only, "Run only this runtime (thread, pool, context, floor)", "R" },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  pykka_init ();
  bench_context = g_main_context_new ();
  g_thread_unref (g_thread_new ("bench-context", context_thread, NULL));

  g_print ("# pykka-glib %s benchmark, scale %g, %u CPUs\n", PYKKA_VERSION_S, scale,
           g_get_num_processors ());
  if (only == NULL || g_strv_contains ((const char * const *) only, "floor"))
    {
      floor_queue_throughput ();
      floor_ping_pong ();
      floor_thread_fan_out (scaled (1000));
    }
  for (guint r = 0; r < G_N_ELEMENTS (runtimes); r++)
    {
      if (only != NULL && !g_strv_contains ((const char * const *) only, runtimes[r]))
        continue;
      bench_tell (runtimes[r]);
      bench_ask_and_proxy (runtimes[r]);
      if (g_str_equal (runtimes[r], "thread"))
        bench_fan_out (runtimes[r], scaled (1000));
      else if (g_str_equal (runtimes[r], "pool"))
        {
          bench_fan_out (runtimes[r], scaled (100000));
          if (with_million)
            bench_fan_out (runtimes[r], scaled (1000000));
        }
    }
  return 0;
}
