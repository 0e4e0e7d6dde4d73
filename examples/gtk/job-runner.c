/* job-runner.c: long jobs on pool actors, progress on the GTK main context
 *
 * A GTK4 window with three buttons. Each button starts a job on a JobActor, an actor of the
 * default PykkaPool (pykka_actor_start_in_pool): the job counts the primes below a limit, in
 * 20 steps. The actor is started at the first click and reused by the next ones.
 *
 * Nothing the actors do blocks the GTK thread:
 *
 * - After each step the job actor tells a ProgressRelay how far it is. The relay is an actor
 *   started with pykka_actor_start_in_context on the main context, so its handler runs on the
 *   GTK thread; it turns each message into its GObject signal "progress", to which the window
 *   connects the code that moves the progress bars. Widgets are only ever touched on the GTK
 *   thread.
 * - The result of a job is the reply to pykka_actor_ref_ask_async: its callback runs on the
 *   thread-default main context of the thread that asked (the GTK thread), never on a worker.
 *
 * A label counts the ticks of a 100 ms timeout, and a spinner spins, while the jobs run: the
 * window keeps redrawing and taking clicks all along.
 *
 * With --self-test PNG the program drives itself: it clicks "Start job 1", waits (30 s at most)
 * until the result has arrived and the bar of job 1 is full, and checks the result against a
 * sieve, that every progress step arrived on the GTK thread, and that the heartbeat ticked while
 * the job ran, between its first and its last step too (a blocked GTK thread would get all the
 * steps at once). Then it renders the window to PNG, prints "job 1 finished: …" and exits with
 * 0 (1 on any failure, 2 on bad arguments). The test suite runs it under Xvfb (see
 * tests/gtk/meson.build):
 *
 *   xvfb-run -a env GSK_RENDERER=cairo GDK_BACKEND=x11 GDK_DEBUG=gl-disable
 *     job-runner --self-test job-runner.png
 *
 * Closing the window cancels the running jobs and stops every actor. The stop of the relay
 * needs the main context to run, so main() awaits the stop futures with
 * pykka_future_get_async while iterating it, instead of blocking in pykka_actor_ref_stop.
 *
 * SPDX-FileCopyrightText: 2026 The pykka-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <gtk/gtk.h>
#include <pykka-glib/pykka-glib.h>

#define N_JOBS            3
#define N_STEPS           20
#define LIMIT_PER_JOB     1000000   /* job N counts the primes below N × this */
#define STEP_PAUSE_US     (50 * G_TIME_SPAN_MILLISECOND)
#define HEARTBEAT_MS      100
#define SELF_TEST_TIMEOUT 30        /* seconds */

/* ProgressRelay: an actor on the GTK main context that re-emits progress messages as its
 * "progress" signal. Messages are GVariants "(uuu)": job number, steps done, steps in all. */

#define EXAMPLE_TYPE_PROGRESS_RELAY (progress_relay_get_type ())
G_DECLARE_FINAL_TYPE (ProgressRelay, progress_relay, EXAMPLE, PROGRESS_RELAY, PykkaActor)

struct _ProgressRelay
{
  PykkaActor parent_instance;
};

G_DEFINE_FINAL_TYPE (ProgressRelay, progress_relay, PYKKA_TYPE_ACTOR)

enum {
  SIGNAL_PROGRESS,
  N_SIGNALS
};

static guint relay_signals[N_SIGNALS];

static void
progress_relay_on_receive (PykkaActor    *actor,
                           const GValue  *message,
                           GValue        *reply,
                           GError       **error)
{
  GVariant *variant;
  guint job, step, n_steps;

  if (!G_VALUE_HOLDS_VARIANT (message)
      || (variant = g_value_get_variant (message)) == NULL
      || !g_variant_is_of_type (variant, G_VARIANT_TYPE ("(uuu)")))
    {
      /* The default handler logs the unexpected message. */
      PYKKA_ACTOR_CLASS (progress_relay_parent_class)->on_receive (actor, message, reply, error);
      return;
    }

  g_variant_get (variant, "(uuu)", &job, &step, &n_steps);
  g_signal_emit (actor, relay_signals[SIGNAL_PROGRESS], 0, job, step, n_steps);
  pykka_value_init_none (reply);
}

static void
progress_relay_class_init (ProgressRelayClass *klass)
{
  PYKKA_ACTOR_CLASS (klass)->on_receive = progress_relay_on_receive;

  /* A plain signal (not an action signal), so it is not a method that proxies could call. */
  relay_signals[SIGNAL_PROGRESS] =
    g_signal_new ("progress", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_UINT, G_TYPE_UINT, G_TYPE_UINT);
}

static void
progress_relay_init (ProgressRelay *self)
{
}

/* JobActor: runs on a pool worker. A message is a GVariant "(t)", the limit; the reply is the
 * number of primes below it, a guint64. */

#define EXAMPLE_TYPE_JOB_ACTOR (job_actor_get_type ())
G_DECLARE_FINAL_TYPE (JobActor, job_actor, EXAMPLE, JOB_ACTOR, PykkaActor)

struct _JobActor
{
  PykkaActor parent_instance;

  guint          number;
  PykkaActorRef *relay;
  GCancellable  *cancellable;
};

G_DEFINE_FINAL_TYPE (JobActor, job_actor, PYKKA_TYPE_ACTOR)

enum {
  PROP_0,
  PROP_NUMBER,
  PROP_RELAY,
  PROP_CANCELLABLE,
  N_PROPS
};

static GParamSpec *job_properties[N_PROPS];

static gboolean
is_prime (guint64 n)
{
  if (n < 4)
    return n >= 2;
  if (n % 2 == 0)
    return FALSE;
  for (guint64 d = 3; d * d <= n; d += 2)
    if (n % d == 0)
      return FALSE;
  return TRUE;
}

static void
job_actor_on_receive (PykkaActor    *actor,
                      const GValue  *message,
                      GValue        *reply,
                      GError       **error)
{
  JobActor *self = EXAMPLE_JOB_ACTOR (actor);
  GVariant *variant;
  guint64 limit, count = 0;

  if (!G_VALUE_HOLDS_VARIANT (message)
      || (variant = g_value_get_variant (message)) == NULL
      || !g_variant_is_of_type (variant, G_VARIANT_TYPE ("(t)")))
    {
      PYKKA_ACTOR_CLASS (job_actor_parent_class)->on_receive (actor, message, reply, error);
      return;
    }
  g_variant_get (variant, "(t)", &limit);

  for (guint step = 1; step <= N_STEPS; step++)
    {
      guint64 from = limit * (step - 1) / N_STEPS;
      guint64 to = limit * step / N_STEPS;
      g_auto(GValue) progress = G_VALUE_INIT;

      /* The application is quitting: fail the ask instead of finishing the job. */
      if (g_cancellable_set_error_if_cancelled (self->cancellable, error))
        return;

      for (guint64 n = from; n < to; n++)
        count += is_prime (n);
      /* The busy work above takes a few milliseconds on a fast machine; this pause lets the
       * bar move visibly there too. */
      g_usleep (STEP_PAUSE_US);

      /* Fire and forget. It only fails once the relay has stopped, when nobody looks. */
      g_value_init (&progress, G_TYPE_VARIANT);
      g_value_set_variant (&progress, g_variant_new ("(uuu)", self->number, step, N_STEPS));
      pykka_actor_ref_tell (self->relay, &progress, NULL);
    }

  g_value_init (reply, G_TYPE_UINT64);
  g_value_set_uint64 (reply, count);
}

static void
job_actor_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  JobActor *self = EXAMPLE_JOB_ACTOR (object);

  switch (prop_id)
    {
    case PROP_NUMBER:
      g_value_set_uint (value, self->number);
      break;
    case PROP_RELAY:
      g_value_set_object (value, self->relay);
      break;
    case PROP_CANCELLABLE:
      g_value_set_object (value, self->cancellable);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
job_actor_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  JobActor *self = EXAMPLE_JOB_ACTOR (object);

  switch (prop_id)
    {
    case PROP_NUMBER:
      self->number = g_value_get_uint (value);
      break;
    case PROP_RELAY:
      self->relay = g_value_dup_object (value);
      break;
    case PROP_CANCELLABLE:
      self->cancellable = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
job_actor_finalize (GObject *object)
{
  JobActor *self = EXAMPLE_JOB_ACTOR (object);

  g_clear_object (&self->relay);
  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (job_actor_parent_class)->finalize (object);
}

static void
job_actor_class_init (JobActorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = job_actor_get_property;
  object_class->set_property = job_actor_set_property;
  object_class->finalize = job_actor_finalize;
  PYKKA_ACTOR_CLASS (klass)->on_receive = job_actor_on_receive;

  job_properties[PROP_NUMBER] =
    g_param_spec_uint ("number", NULL, NULL, 1, N_JOBS, 1,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  job_properties[PROP_RELAY] =
    g_param_spec_object ("relay", NULL, NULL, PYKKA_TYPE_ACTOR_REF,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  job_properties[PROP_CANCELLABLE] =
    g_param_spec_object ("cancellable", NULL, NULL, G_TYPE_CANCELLABLE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, job_properties);
}

static void
job_actor_init (JobActor *self)
{
}

/* The window and what it knows of the jobs. Everything here is used on the GTK thread only. */

typedef struct _JobRunner JobRunner;

typedef struct
{
  JobRunner     *runner;
  guint          number;
  guint64        limit;
  GtkWidget     *button;
  GtkWidget     *bar;
  GtkWidget     *status;
  PykkaActorRef *job;              /* started at the first click */
  gboolean       running;
  gint64         started_us;
  guint          ticks_at_start;   /* heartbeat ticks when the job was started */
  guint          ticks_during;     /* heartbeat ticks while it ran */
  guint          ticks_at_step_1;  /* heartbeat ticks when its first step was shown */
  guint          ticks_stepping;   /* heartbeat ticks from its first to its last step */
  guint          n_updates;        /* progress signals received for this run */
  gboolean       has_result;
  guint64        result;
} JobSlot;

struct _JobRunner
{
  GThread        *gtk_thread;
  GtkWidget      *window;          /* NULL once destroyed */
  GtkWidget      *heartbeat;
  guint           heartbeat_id;
  guint           ticks;
  ProgressRelay  *relay;
  PykkaActorRef  *relay_ref;
  GCancellable   *cancellable;     /* cancelled when the application quits */
  JobSlot         slots[N_JOBS];

  /* --self-test */
  const char     *screenshot;      /* NULL when not testing */
  guint           deadline_id;
  gulong          after_paint_id;
  gboolean        wrong_thread;    /* a signal or callback ran off the GTK thread */
  gboolean        checked;
  int             exit_status;
};

static void self_test_check (JobRunner *self);

static gboolean
close_window (gpointer data)
{
  JobRunner *self = data;

  if (self->window != NULL)
    gtk_window_destroy (GTK_WINDOW (self->window));
  return G_SOURCE_REMOVE;
}

/* From an idle: the self-test ends inside signal handlers of the window and its frame clock. */
static void
close_window_soon (JobRunner *self)
{
  g_idle_add (close_window, self);
}

static void
self_test_fail (JobRunner  *self,
                const char *format,
                ...) G_GNUC_PRINTF (2, 3);

static void
self_test_fail (JobRunner  *self,
                const char *format,
                ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("self-test failed: %s\n", message);
  self->exit_status = 1;
  close_window_soon (self);
}

static gboolean
heartbeat_tick (gpointer data)
{
  JobRunner *self = data;
  g_autofree char *text = NULL;

  self->ticks++;
  text = g_strdup_printf ("UI heartbeat: %u ticks", self->ticks);
  gtk_label_set_text (GTK_LABEL (self->heartbeat), text);
  return G_SOURCE_CONTINUE;
}

/* The relay's "progress" signal, emitted by its handler on the GTK thread. */
static void
on_progress (ProgressRelay *relay,
             guint          job,
             guint          step,
             guint          n_steps,
             gpointer       data)
{
  JobRunner *self = data;
  JobSlot *slot;
  g_autofree char *text = NULL;

  if (g_thread_self () != self->gtk_thread)
    self->wrong_thread = TRUE;
  if (self->window == NULL || job < 1 || job > N_JOBS)
    return;

  slot = &self->slots[job - 1];
  slot->n_updates++;
  if (step == 1)
    slot->ticks_at_step_1 = self->ticks;
  if (step == n_steps)
    slot->ticks_stepping = self->ticks - slot->ticks_at_step_1;
  text = g_strdup_printf ("%u / %u steps", step, n_steps);
  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (slot->bar), (double) step / n_steps);
  gtk_progress_bar_set_text (GTK_PROGRESS_BAR (slot->bar), text);

  if (self->screenshot != NULL)
    self_test_check (self);
}

/* The reply to the ask, on the GTK thread's main context. */
static void
job_finished (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  JobSlot *slot = data;
  JobRunner *self = slot->runner;
  g_autoptr(GError) error = NULL;
  g_auto(GValue) reply = G_VALUE_INIT;
  g_autofree char *text = NULL;
  gboolean ok;

  ok = pykka_actor_ref_ask_finish (PYKKA_ACTOR_REF (source), result, &reply, &error);
  if (g_thread_self () != self->gtk_thread)
    self->wrong_thread = TRUE;
  slot->running = FALSE;
  slot->ticks_during = self->ticks - slot->ticks_at_start;
  if (self->window == NULL)
    return;

  if (ok)
    {
      double seconds = (g_get_monotonic_time () - slot->started_us) / (double) G_TIME_SPAN_SECOND;

      slot->has_result = TRUE;
      slot->result = g_value_get_uint64 (&reply);
      text = g_strdup_printf ("%" G_GUINT64_FORMAT " primes below %" G_GUINT64_FORMAT
                              " (%.1f s)", slot->result, slot->limit, seconds);
    }
  else
    {
      text = g_strdup_printf ("failed: %s", error->message);
    }
  gtk_label_set_text (GTK_LABEL (slot->status), text);
  g_clear_pointer (&text, g_free);
  text = g_strdup_printf ("Run job %u again", slot->number);
  gtk_button_set_label (GTK_BUTTON (slot->button), text);
  gtk_widget_set_sensitive (slot->button, TRUE);

  if (self->screenshot != NULL)
    self_test_check (self);
}

static void
start_job (GtkButton *button,
           gpointer   data)
{
  JobSlot *slot = data;
  JobRunner *self = slot->runner;
  g_auto(GValue) message = G_VALUE_INIT;

  if (slot->running)
    return;

  if (slot->job == NULL || !pykka_actor_ref_is_alive (slot->job))
    {
      g_autoptr(PykkaActor) actor = NULL;
      g_autoptr(GError) error = NULL;

      g_clear_object (&slot->job);
      actor = g_object_new (EXAMPLE_TYPE_JOB_ACTOR,
                            "number", slot->number,
                            "relay", self->relay_ref,
                            "cancellable", self->cancellable,
                            NULL);
      slot->job = pykka_actor_start_in_pool (actor, NULL, &error);
      if (slot->job == NULL)
        {
          gtk_label_set_text (GTK_LABEL (slot->status), error->message);
          return;
        }
    }

  slot->running = TRUE;
  slot->has_result = FALSE;
  slot->n_updates = 0;
  slot->ticks_stepping = 0;
  slot->started_us = g_get_monotonic_time ();
  slot->ticks_at_start = self->ticks;
  gtk_widget_set_sensitive (slot->button, FALSE);
  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (slot->bar), 0.0);
  gtk_progress_bar_set_text (GTK_PROGRESS_BAR (slot->bar), "starting");
  gtk_label_set_text (GTK_LABEL (slot->status), "running on a pool actor");

  g_value_init (&message, G_TYPE_VARIANT);
  g_value_set_variant (&message, g_variant_new ("(t)", slot->limit));
  pykka_actor_ref_ask_async (slot->job, &message, NULL, job_finished, slot);
}

/* --self-test */

static guint64
count_primes_with_sieve (guint64 limit)
{
  g_autofree guint8 *composite = g_malloc0 (limit);
  guint64 count = 0;

  for (guint64 n = 2; n < limit; n++)
    {
      if (composite[n])
        continue;
      count++;
      for (guint64 m = n * n; m < limit; m += n)
        composite[m] = 1;
    }
  return count;
}

static gboolean
self_test_click (gpointer data)
{
  JobRunner *self = data;

  g_signal_emit_by_name (self->slots[0].button, "clicked");
  return G_SOURCE_REMOVE;
}

static gboolean
self_test_timed_out (gpointer data)
{
  JobRunner *self = data;

  self->deadline_id = 0;
  self_test_fail (self, "not done within %d s (job 1: %u progress steps seen, %s)",
                  SELF_TEST_TIMEOUT, self->slots[0].n_updates,
                  self->checked ? "checked, but no screenshot" : "no result");
  return G_SOURCE_REMOVE;
}

/* Renders the window as it was last painted into a PNG file. GTK keeps what a widget drew
 * only until something in it asks to be redrawn (the spinner does at every frame), so this
 * runs right after a paint; *painted is FALSE if there was nothing to render yet. */
static gboolean
save_screenshot (GtkWidget   *widget,
                 const char  *path,
                 gboolean    *painted,
                 GError     **error)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  /* The paintable's size includes what the window draws around its content (the border that
   * client-side decorations add), the widget's width and height do not. */
  int width = gdk_paintable_get_intrinsic_width (paintable);
  int height = gdk_paintable_get_intrinsic_height (paintable);

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_to_node (snapshot);
  *painted = node != NULL;
  if (node == NULL)
    return FALSE;

  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (!gdk_texture_save_to_png (texture, path))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "could not write %s", path);
      return FALSE;
    }
  return TRUE;
}

static void
self_test_painted (GdkFrameClock *clock,
                   gpointer       data)
{
  JobRunner *self = data;
  JobSlot *slot = &self->slots[0];
  g_autoptr(GError) error = NULL;
  gboolean painted;

  if (!save_screenshot (self->window, self->screenshot, &painted, &error))
    {
      if (painted)
        {
          g_clear_signal_handler (&self->after_paint_id, clock);
          self_test_fail (self, "screenshot: %s", error->message);
        }
      else
        {
          /* Something asked for a redraw in between: try after the next paint. */
          gtk_widget_queue_draw (self->window);
        }
      return;
    }

  g_clear_signal_handler (&self->after_paint_id, clock);
  g_clear_handle_id (&self->deadline_id, g_source_remove);
  g_print ("job 1 finished: %" G_GUINT64_FORMAT " primes below %" G_GUINT64_FORMAT "\n",
           slot->result, slot->limit);
  g_print ("progress: %u steps, delivered on the GTK thread\n", slot->n_updates);
  g_print ("heartbeat: %u ticks while the job ran, %u from its first to its last step\n",
           slot->ticks_during, slot->ticks_stepping);
  g_print ("screenshot: %s\n", self->screenshot);
  close_window_soon (self);
}

/* Runs after every progress signal and after the reply: job 1 is done once both the reply has
 * come and the relay has delivered the last step (they travel separately). */
static void
self_test_check (JobRunner *self)
{
  JobSlot *slot = &self->slots[0];
  double fraction = gtk_progress_bar_get_fraction (GTK_PROGRESS_BAR (slot->bar));
  guint64 expected;

  if (self->checked || slot->running)
    return;
  if (!slot->has_result)
    {
      self->checked = TRUE;
      self_test_fail (self, "job 1 %s", gtk_label_get_text (GTK_LABEL (slot->status)));
      return;
    }
  if (fraction < 1.0)
    return;
  self->checked = TRUE;

  expected = count_primes_with_sieve (slot->limit);
  if (slot->result != expected)
    {
      self_test_fail (self, "job 1 counted %" G_GUINT64_FORMAT " primes, the sieve %"
                      G_GUINT64_FORMAT, slot->result, expected);
      return;
    }
  if (slot->n_updates != N_STEPS)
    {
      self_test_fail (self, "%u progress steps arrived, not %d", slot->n_updates, N_STEPS);
      return;
    }
  if (self->wrong_thread)
    {
      self_test_fail (self, "a progress signal or the reply ran off the GTK thread");
      return;
    }
  /* Had the GTK thread been blocked while the job ran, the steps would have arrived in one
   * go once it was free again, with no tick in between. */
  if (slot->ticks_during == 0 || slot->ticks_stepping == 0)
    {
      self_test_fail (self, "the heartbeat did not tick while the job ran (%u ticks from start "
                      "to reply, %u from the first to the last step)",
                      slot->ticks_during, slot->ticks_stepping);
      return;
    }

  self->after_paint_id = g_signal_connect (gtk_widget_get_frame_clock (self->window),
                                           "after-paint", G_CALLBACK (self_test_painted), self);
  gtk_widget_queue_draw (self->window);
}

static void
self_test_mapped (GtkWidget *window,
                  gpointer   data)
{
  JobRunner *self = data;

  if (self->deadline_id != 0)
    return;
  self->deadline_id = g_timeout_add_seconds (SELF_TEST_TIMEOUT, self_test_timed_out, self);
  g_timeout_add (200, self_test_click, self);
}

/* The window */

static void
window_destroyed (GtkWidget *window,
                  gpointer   data)
{
  JobRunner *self = data;

  self->window = NULL;
  g_clear_handle_id (&self->heartbeat_id, g_source_remove);
  g_clear_handle_id (&self->deadline_id, g_source_remove);
}

static void
activate (GApplication *app,
          gpointer      data)
{
  JobRunner *self = data;
  GtkWidget *window, *header, *box, *intro, *grid, *heartbeat_box, *spinner;

  if (self->window != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->window));
      return;
    }

  window = gtk_application_window_new (GTK_APPLICATION (app));
  gtk_window_set_title (GTK_WINDOW (window), "pykka-glib job runner");
  gtk_window_set_default_size (GTK_WINDOW (window), 640, -1);
  header = gtk_header_bar_new ();
  gtk_window_set_titlebar (GTK_WINDOW (window), header);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_window_set_child (GTK_WINDOW (window), box);

  intro = gtk_label_new ("Each job counts primes on an actor of the pykka-glib pool. Progress "
                         "comes back through an actor running on the GTK main context, the "
                         "result as the reply to an asynchronous ask.");
  gtk_label_set_wrap (GTK_LABEL (intro), TRUE);
  gtk_label_set_xalign (GTK_LABEL (intro), 0.0);
  gtk_box_append (GTK_BOX (box), intro);

  grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (grid), 8);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_box_append (GTK_BOX (box), grid);

  for (guint i = 0; i < N_JOBS; i++)
    {
      JobSlot *slot = &self->slots[i];
      g_autofree char *label = g_strdup_printf ("Start job %u", i + 1);

      slot->runner = self;
      slot->number = i + 1;
      slot->limit = (guint64) (i + 1) * LIMIT_PER_JOB;
      slot->button = gtk_button_new_with_label (label);
      g_signal_connect (slot->button, "clicked", G_CALLBACK (start_job), slot);
      slot->bar = gtk_progress_bar_new ();
      gtk_progress_bar_set_show_text (GTK_PROGRESS_BAR (slot->bar), TRUE);
      gtk_progress_bar_set_text (GTK_PROGRESS_BAR (slot->bar), "idle");
      gtk_widget_set_hexpand (slot->bar, TRUE);
      gtk_widget_set_valign (slot->bar, GTK_ALIGN_CENTER);
      slot->status = gtk_label_new ("");
      gtk_label_set_xalign (GTK_LABEL (slot->status), 0.0);
      gtk_label_set_width_chars (GTK_LABEL (slot->status), 30);
      gtk_grid_attach (GTK_GRID (grid), slot->button, 0, i, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), slot->bar, 1, i, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), slot->status, 2, i, 1, 1);
    }

  heartbeat_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  spinner = gtk_spinner_new ();
  gtk_spinner_start (GTK_SPINNER (spinner));
  self->heartbeat = gtk_label_new ("UI heartbeat: 0 ticks");
  gtk_box_append (GTK_BOX (heartbeat_box), spinner);
  gtk_box_append (GTK_BOX (heartbeat_box), self->heartbeat);
  gtk_box_append (GTK_BOX (box), heartbeat_box);

  self->window = window;
  g_signal_connect (window, "destroy", G_CALLBACK (window_destroyed), self);
  self->heartbeat_id = g_timeout_add (HEARTBEAT_MS, heartbeat_tick, self);
  if (self->screenshot != NULL)
    g_signal_connect (window, "map", G_CALLBACK (self_test_mapped), self);
  gtk_window_present (GTK_WINDOW (window));
}

static void
actor_stopped (GObject      *source,
               GAsyncResult *result,
               gpointer      data)
{
  guint *pending = data;
  g_auto(GValue) stopped = G_VALUE_INIT;

  pykka_future_get_finish (PYKKA_FUTURE (source), result, &stopped, NULL);
  (*pending)--;
}

static gboolean
jobs_running (JobRunner *self)
{
  for (guint i = 0; i < N_JOBS; i++)
    if (self->slots[i].running)
      return TRUE;
  return FALSE;
}

/* Stops the actors without blocking the main context, which the relay needs to run its stop:
 * running jobs are cancelled, and the stop futures are awaited while the context is iterated. */
static void
stop_actors (JobRunner *self)
{
  guint pending = 0;

  g_cancellable_cancel (self->cancellable);
  for (guint i = 0; i < N_JOBS; i++)
    if (self->slots[i].job != NULL)
      {
        g_autoptr(PykkaFuture) future = pykka_actor_ref_stop_future (self->slots[i].job);

        pending++;
        pykka_future_get_async (future, NULL, actor_stopped, &pending);
      }
  if (self->relay_ref != NULL)
    {
      g_autoptr(PykkaFuture) future = pykka_actor_ref_stop_future (self->relay_ref);

      pending++;
      pykka_future_get_async (future, NULL, actor_stopped, &pending);
    }
  /* The replies of cancelled jobs come too: their callbacks use this JobRunner. */
  while (pending > 0 || jobs_running (self))
    g_main_context_iteration (NULL, TRUE);

  for (guint i = 0; i < N_JOBS; i++)
    g_clear_object (&self->slots[i].job);
  g_clear_object (&self->relay_ref);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GtkApplication) app = NULL;
  g_autoptr(GOptionContext) options = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) rest = NULL;
  gboolean self_test = FALSE;
  JobRunner runner = { 0 };
  int status;
  const GOptionEntry entries[] = {
    { "self-test", 0, 0, G_OPTION_ARG_NONE, &self_test,
      "Click job 1, check the result, save a screenshot and quit", NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &rest, NULL, "[PNG]" },
    G_OPTION_ENTRY_NULL
  };

  options = g_option_context_new (NULL);
  g_option_context_set_summary (options, "Runs long jobs on pykka-glib pool actors.");
  g_option_context_add_main_entries (options, entries, NULL);
  if (!g_option_context_parse (options, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (self_test && (rest == NULL || rest[0] == NULL || rest[1] != NULL))
    {
      g_printerr ("--self-test needs the path of the PNG file to write\n");
      return 2;
    }

  runner.gtk_thread = g_thread_self ();
  runner.cancellable = g_cancellable_new ();
  runner.screenshot = self_test ? rest[0] : NULL;

  /* The relay runs on the main context, which the GTK main loop iterates on this thread. */
  runner.relay = g_object_new (EXAMPLE_TYPE_PROGRESS_RELAY, NULL);
  g_signal_connect (runner.relay, "progress", G_CALLBACK (on_progress), &runner);
  runner.relay_ref = pykka_actor_start_in_context (PYKKA_ACTOR (runner.relay),
                                                   g_main_context_default (), &error);
  if (runner.relay_ref == NULL)
    {
      g_printerr ("%s\n", error->message);
      g_clear_object (&runner.relay);
      g_clear_object (&runner.cancellable);
      return 1;
    }

  app = gtk_application_new ("org.pykka_glib.examples.JobRunner", G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (activate), &runner);
  status = g_application_run (G_APPLICATION (app), 0, NULL);

  stop_actors (&runner);
  g_signal_handlers_disconnect_by_data (runner.relay, &runner);
  g_clear_object (&runner.relay);
  g_clear_object (&runner.cancellable);

  if (status == 0)
    status = runner.exit_status;
  if (self_test && status == 0 && !runner.checked)
    {
      g_printerr ("self-test failed: the window closed before job 1 finished\n");
      status = 1;
    }
  return status;
}
