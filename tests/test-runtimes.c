/* test-runtimes.c: the main-context, pool and caller-hosted runtimes
 *
 * SPDX-FileCopyrightText: 2026 The pykka-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * What issue 4 asks of each runtime (TESTING-NOTES.md, "Runtimes and non-blocking futures"):
 *
 * - pykka_actor_start_in_context (): one mailbox GSource per actor on the context, whatever
 *   the number of messages; handlers, on_start and on_stop on the thread iterating the
 *   context; a bounded batch per dispatch, so that a flooded actor does not starve another
 *   actor of the same context; no handler ever runs inside the sender's call.
 * - pykka_actor_start_in_pool (): one message at a time per actor, never on two workers at
 *   once, FIFO per sender, fairness between actors on a pool of one worker, Pykka-style
 *   blocking gets inside handlers on a pool of one worker (spare workers), and the bound on
 *   spare workers (max-spare-workers).
 * - pykka_actor_start_hosted () + pykka_actor_run (): the actor runs on the caller's thread.
 *
 * Never asserts on time: every wait is bounded (5 s) and then asserted.
 */

#define _GNU_SOURCE  /* pthread_getname_np () */

#include "pykka-test-utils.h"

#include <pthread.h>

#define WAIT_US (5 * G_TIME_SPAN_SECOND)
#define WAIT_MS 5000
/* The batch of the decided semantics: "a batch of 64 messages per dispatch" (context) and
 * "after 64 messages the actor goes to the back of the run queue" (pool). */
#define BATCH 64
#define MAILBOX_SOURCE_NAME "PykkaActor mailbox"
#define N_SENDERS 4

/* ---------------------------------------------------------------------------------------- */
/* OrderLog: the order in which the handlers of several actors ran                          */

typedef struct
{
  GMutex  lock;
  GArray *entries;  /* guint64: actor id << 32 | message */
} OrderLog;

static OrderLog *
order_log_new (void)
{
  OrderLog *log = g_new0 (OrderLog, 1);

  g_mutex_init (&log->lock);
  log->entries = g_array_new (FALSE, FALSE, sizeof (guint64));
  return log;
}

static void
order_log_free (OrderLog *log)
{
  g_array_unref (log->entries);
  g_mutex_clear (&log->lock);
  g_free (log);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OrderLog, order_log_free)

static void
order_log_add (OrderLog *log,
               guint     actor_id,
               int       message)
{
  guint64 entry = ((guint64) actor_id << 32) | (guint32) message;

  g_mutex_lock (&log->lock);
  g_array_append_val (log->entries, entry);
  g_mutex_unlock (&log->lock);
}

/* How many messages of @counted_id were handled before the first message of @marker_id;
 * G_MAXUINT if @marker_id never ran. */
static guint
order_log_count_before (OrderLog *log,
                        guint     counted_id,
                        guint     marker_id)
{
  guint n = 0;
  guint result = G_MAXUINT;

  g_mutex_lock (&log->lock);
  for (guint i = 0; i < log->entries->len; i++)
    {
      guint id = (guint) (g_array_index (log->entries, guint64, i) >> 32);

      if (id == marker_id)
        {
          result = n;
          break;
        }
      if (id == counted_id)
        n++;
    }
  g_mutex_unlock (&log->lock);
  return result;
}

/* ---------------------------------------------------------------------------------------- */
/* BlockTracker: handlers that block in pykka_future_get () on a future the test completes    */

typedef struct
{
  GMutex     lock;
  GCond      cond;
  GPtrArray *entered;   /* PykkaFuture *, in the order the handlers started waiting on them */
  guint      n_finished;
} BlockTracker;

static BlockTracker *
block_tracker_new (void)
{
  BlockTracker *tracker = g_new0 (BlockTracker, 1);

  g_mutex_init (&tracker->lock);
  g_cond_init (&tracker->cond);
  tracker->entered = g_ptr_array_new_with_free_func (g_object_unref);
  return tracker;
}

static void
block_tracker_free (BlockTracker *tracker)
{
  g_ptr_array_unref (tracker->entered);
  g_mutex_clear (&tracker->lock);
  g_cond_clear (&tracker->cond);
  g_free (tracker);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BlockTracker, block_tracker_free)

/* Waits up to 5 s until @n handlers have entered; returns whether they have. */
static gboolean
block_tracker_wait_entered (BlockTracker *tracker,
                            guint         n)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_US;
  gboolean ok;

  g_mutex_lock (&tracker->lock);
  while (tracker->entered->len < n)
    if (!g_cond_wait_until (&tracker->cond, &tracker->lock, deadline))
      break;
  ok = tracker->entered->len >= n;
  g_mutex_unlock (&tracker->lock);
  return ok;
}

static guint
block_tracker_n_entered (BlockTracker *tracker)
{
  guint n;

  g_mutex_lock (&tracker->lock);
  n = tracker->entered->len;
  g_mutex_unlock (&tracker->lock);
  return n;
}

static PykkaFuture *
block_tracker_dup_entered (BlockTracker *tracker,
                           guint         i)
{
  PykkaFuture *future;

  g_mutex_lock (&tracker->lock);
  g_assert_cmpuint (i, <, tracker->entered->len);
  future = g_object_ref (g_ptr_array_index (tracker->entered, i));
  g_mutex_unlock (&tracker->lock);
  return future;
}

/* ---------------------------------------------------------------------------------------- */
/* RecorderActor: records what it handles, where, and whether handlers overlapped            */
/*
 * Messages:
 *   int                 recorded in order (and in the shared OrderLog), answered with itself
 *   guint64             (sender << 32 | seq): checked for FIFO order per sender
 *   "thread"            answered with the handler's GThread (as a pointer)
 *   "thread-name"       answered with the name of the handler's thread (a string)
 *   "n-workers"         answered with pykka_pool_get_n_workers () of the actor's pool (a uint)
 *   "gate"              sets gate_entered, then waits (up to 5 s) for the gate event
 *   "tell-peer"         tells the peer actor 1 and records whether the peer's handler ran
 *                       inside that call
 *   a PykkaFuture       waits on it (registers in the BlockTracker first), answers its value
 *
 * The fields below the lock are written by the actor's hooks and read by the test under the
 * lock; the configuration fields above are set before the actor starts. */

#define TYPE_RECORDER_ACTOR (recorder_actor_get_type ())
G_DECLARE_FINAL_TYPE (RecorderActor, recorder_actor, RECORDER, ACTOR, PykkaActor)

struct _RecorderActor
{
  PykkaActor      parent_instance;

  /* Configuration, set before start. */
  guint           id;
  OrderLog       *order;          /* nullable, not owned */
  PykkaPool      *pool;           /* nullable, not owned: for "n-workers" */
  RecorderActor  *peer;           /* nullable, not owned: for "tell-peer" */
  PykkaTestEvent *gate;           /* nullable, not owned: for "gate" */
  PykkaTestEvent *gate_entered;   /* nullable, not owned */
  BlockTracker   *tracker;        /* nullable, not owned */
  gint           *shared_inside;  /* nullable: handlers of a group of actors running now */
  gint           *shared_max;     /* nullable: the most of them ever seen at once */

  /* Atomics. */
  gint            inside;
  gint            overlaps;
  gint            fifo_errors;
  gint            peer_ran_inside_tell;

  /* Under the lock. */
  GMutex          lock;
  GCond           cond;
  GPtrArray      *events;         /* "start", "<n>", "stop" */
  GPtrArray      *threads;        /* distinct GThread * that ran any hook */
  guint           n_handled;      /* int messages */
  guint           n_seq;          /* guint64 messages */
  guint32         next_seq[N_SENDERS];
  GThread        *start_thread;
  GThread        *stop_thread;
  GMainContext   *start_context;
  GMainContext   *stop_context;
  GMainContext   *handler_context;
};

G_DEFINE_FINAL_TYPE (RecorderActor, recorder_actor, PYKKA_TYPE_ACTOR)

static void
recorder_note_thread_locked (RecorderActor *self)
{
  GThread *thread = g_thread_self ();

  if (!g_ptr_array_find (self->threads, thread, NULL))
    g_ptr_array_add (self->threads, thread);
}

static void
recorder_actor_on_start (PykkaActor  *actor,
                         GError     **error)
{
  RecorderActor *self = RECORDER_ACTOR (actor);

  g_mutex_lock (&self->lock);
  recorder_note_thread_locked (self);
  self->start_thread = g_thread_self ();
  self->start_context = g_main_context_get_thread_default ();
  g_ptr_array_add (self->events, g_strdup ("start"));
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->lock);
}

static void
recorder_actor_on_stop (PykkaActor  *actor,
                        GError     **error)
{
  RecorderActor *self = RECORDER_ACTOR (actor);

  g_mutex_lock (&self->lock);
  recorder_note_thread_locked (self);
  self->stop_thread = g_thread_self ();
  self->stop_context = g_main_context_get_thread_default ();
  g_ptr_array_add (self->events, g_strdup ("stop"));
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->lock);
}

static guint
recorder_n_handled (RecorderActor *self)
{
  guint n;

  g_mutex_lock (&self->lock);
  n = self->n_handled;
  g_mutex_unlock (&self->lock);
  return n;
}

static void
recorder_handle_int (RecorderActor *self,
                     int            n,
                     GValue        *reply)
{
  if (self->order != NULL)
    order_log_add (self->order, self->id, n);
  g_mutex_lock (&self->lock);
  g_ptr_array_add (self->events, g_strdup_printf ("%d", n));
  self->n_handled++;
  self->handler_context = g_main_context_get_thread_default ();
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->lock);

  g_value_init (reply, G_TYPE_INT);
  g_value_set_int (reply, n);
}

static void
recorder_handle_seq (RecorderActor *self,
                     guint64        tagged)
{
  guint sender = (guint) (tagged >> 32);
  guint32 seq = (guint32) tagged;

  g_assert_cmpuint (sender, <, N_SENDERS);
  g_mutex_lock (&self->lock);
  if (seq != self->next_seq[sender])
    g_atomic_int_inc (&self->fifo_errors);
  self->next_seq[sender] = seq + 1;
  self->n_seq++;
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->lock);
}

static void
recorder_handle_block (RecorderActor  *self,
                       PykkaFuture    *future,
                       GValue         *reply,
                       GError        **error)
{
  g_assert_nonnull (self->tracker);

  g_mutex_lock (&self->tracker->lock);
  g_ptr_array_add (self->tracker->entered, g_object_ref (future));
  g_cond_broadcast (&self->tracker->cond);
  g_mutex_unlock (&self->tracker->lock);

  /* A Pykka-style blocking wait inside a handler (bounded, so that a broken pool fails the
   * test instead of hanging it). */
  pykka_future_get (future, 2 * WAIT_US, reply, error);

  g_mutex_lock (&self->tracker->lock);
  self->tracker->n_finished++;
  g_cond_broadcast (&self->tracker->cond);
  g_mutex_unlock (&self->tracker->lock);
}

static void
recorder_handle_command (RecorderActor  *self,
                         const char     *command,
                         GValue         *reply,
                         GError        **error)
{
  if (g_str_equal (command, "thread"))
    {
      g_value_init (reply, G_TYPE_POINTER);
      g_value_set_pointer (reply, g_thread_self ());
    }
  else if (g_str_equal (command, "thread-name"))
    {
      char name[16] = "";

      g_assert_cmpint (pthread_getname_np (pthread_self (), name, sizeof name), ==, 0);
      g_value_init (reply, G_TYPE_STRING);
      g_value_set_string (reply, name);
    }
  else if (g_str_equal (command, "n-workers"))
    {
      g_assert_nonnull (self->pool);
      g_value_init (reply, G_TYPE_UINT);
      g_value_set_uint (reply, pykka_pool_get_n_workers (self->pool));
    }
  else if (g_str_equal (command, "gate"))
    {
      g_assert_nonnull (self->gate);
      if (self->gate_entered != NULL)
        pykka_test_event_set (self->gate_entered);
      g_value_init (reply, G_TYPE_BOOLEAN);
      g_value_set_boolean (reply, pykka_test_event_wait (self->gate, WAIT_MS));
    }
  else if (g_str_equal (command, "tell-peer"))
    {
      g_auto(GValue) one = G_VALUE_INIT;
      guint before, after;

      g_assert_nonnull (self->peer);
      g_value_init (&one, G_TYPE_INT);
      g_value_set_int (&one, 1);
      before = recorder_n_handled (self->peer);
      g_assert_true (pykka_actor_ref_tell (pykka_actor_get_actor_ref (PYKKA_ACTOR (self->peer)),
                                           &one, error));
      after = recorder_n_handled (self->peer);
      if (after != before)
        g_atomic_int_set (&self->peer_ran_inside_tell, 1);
    }
  else
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "unknown command %s", command);
    }
}

static void
recorder_actor_on_receive (PykkaActor    *actor,
                           const GValue  *message,
                           GValue        *reply,
                           GError       **error)
{
  RecorderActor *self = RECORDER_ACTOR (actor);

  if (g_atomic_int_add (&self->inside, 1) != 0)
    g_atomic_int_inc (&self->overlaps);
  if (self->shared_inside != NULL)
    {
      gint now = g_atomic_int_add (self->shared_inside, 1) + 1;
      gint max = g_atomic_int_get (self->shared_max);

      while (now > max && !g_atomic_int_compare_and_exchange (self->shared_max, max, now))
        max = g_atomic_int_get (self->shared_max);
    }
  g_mutex_lock (&self->lock);
  recorder_note_thread_locked (self);
  g_mutex_unlock (&self->lock);

  if (G_VALUE_HOLDS_INT (message))
    recorder_handle_int (self, g_value_get_int (message), reply);
  else if (G_VALUE_HOLDS_UINT64 (message))
    recorder_handle_seq (self, g_value_get_uint64 (message));
  else if (G_VALUE_HOLDS_STRING (message))
    recorder_handle_command (self, g_value_get_string (message), reply, error);
  else if (G_VALUE_HOLDS (message, PYKKA_TYPE_FUTURE))
    recorder_handle_block (self, g_value_get_object (message), reply, error);
  else
    PYKKA_ACTOR_CLASS (recorder_actor_parent_class)->on_receive (actor, message, reply, error);

  /* Give another worker the chance to run this actor at the same time, if the runtime
   * wrongly allowed it. */
  g_thread_yield ();

  if (self->shared_inside != NULL)
    g_atomic_int_add (self->shared_inside, -1);
  g_atomic_int_add (&self->inside, -1);
}

static void
recorder_actor_finalize (GObject *object)
{
  RecorderActor *self = RECORDER_ACTOR (object);

  g_ptr_array_unref (self->events);
  g_ptr_array_unref (self->threads);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->cond);

  G_OBJECT_CLASS (recorder_actor_parent_class)->finalize (object);
}

static void
recorder_actor_class_init (RecorderActorClass *klass)
{
  PykkaActorClass *actor_class = PYKKA_ACTOR_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = recorder_actor_finalize;
  actor_class->on_start = recorder_actor_on_start;
  actor_class->on_stop = recorder_actor_on_stop;
  actor_class->on_receive = recorder_actor_on_receive;
}

static void
recorder_actor_init (RecorderActor *self)
{
  g_mutex_init (&self->lock);
  g_cond_init (&self->cond);
  self->events = g_ptr_array_new_with_free_func (g_free);
  self->threads = g_ptr_array_new ();
}

static RecorderActor *
recorder_new (guint id)
{
  RecorderActor *self = g_object_new (TYPE_RECORDER_ACTOR, NULL);

  self->id = id;
  return self;
}

/* Waits up to 5 s until @self has handled @n int messages. */
static gboolean
recorder_wait_handled (RecorderActor *self,
                       guint          n)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_US;
  gboolean ok;

  g_mutex_lock (&self->lock);
  while (self->n_handled < n)
    if (!g_cond_wait_until (&self->cond, &self->lock, deadline))
      break;
  ok = self->n_handled >= n;
  g_mutex_unlock (&self->lock);
  return ok;
}

/* The events of @self joined with ',' (transfer full). */
static char *
recorder_dup_events (RecorderActor *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_mutex_lock (&self->lock);
  for (guint i = 0; i < self->events->len; i++)
    {
      if (i > 0)
        g_string_append_c (text, ',');
      g_string_append (text, g_ptr_array_index (self->events, i));
    }
  g_mutex_unlock (&self->lock);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* ---------------------------------------------------------------------------------------- */
/* Adder and Bookkeeper (Pykka's "Multiple cooperating actors" example, with asks)           */

#define TYPE_ADDER_ACTOR (adder_actor_get_type ())
G_DECLARE_FINAL_TYPE (AdderActor, adder_actor, ADDER, ACTOR, PykkaActor)

struct _AdderActor
{
  PykkaActor parent_instance;
};

G_DEFINE_FINAL_TYPE (AdderActor, adder_actor, PYKKA_TYPE_ACTOR)

static void
adder_actor_on_receive (PykkaActor    *actor,
                        const GValue  *message,
                        GValue        *reply,
                        GError       **error)
{
  g_value_init (reply, G_TYPE_INT);
  g_value_set_int (reply, g_value_get_int (message) + 1);
}

static void
adder_actor_class_init (AdderActorClass *klass)
{
  PYKKA_ACTOR_CLASS (klass)->on_receive = adder_actor_on_receive;
}

static void
adder_actor_init (AdderActor *self)
{
}

#define TYPE_BOOKKEEPER_ACTOR (bookkeeper_actor_get_type ())
G_DECLARE_FINAL_TYPE (BookkeeperActor, bookkeeper_actor, BOOKKEEPER, ACTOR, PykkaActor)

struct _BookkeeperActor
{
  PykkaActor     parent_instance;
  PykkaActorRef *adder;        /* owned; set before start */
  gint64         get_timeout;  /* of each blocking get inside the handler */
};

G_DEFINE_FINAL_TYPE (BookkeeperActor, bookkeeper_actor, PYKKA_TYPE_ACTOR)

/* count_to (target): asks the Adder for every next number and blocks on each answer. */
static void
bookkeeper_actor_on_receive (PykkaActor    *actor,
                             const GValue  *message,
                             GValue        *reply,
                             GError       **error)
{
  BookkeeperActor *self = BOOKKEEPER_ACTOR (actor);
  int target = g_value_get_int (message);
  int i = 0;

  while (i < target)
    {
      g_auto(GValue) question = G_VALUE_INIT;
      g_auto(GValue) answer = G_VALUE_INIT;
      g_autoptr(PykkaFuture) future = NULL;

      g_value_init (&question, G_TYPE_INT);
      g_value_set_int (&question, i);
      future = pykka_actor_ref_ask (self->adder, &question);
      if (!pykka_future_get (future, self->get_timeout, &answer, error))
        return;
      i = g_value_get_int (&answer);
    }
  g_value_init (reply, G_TYPE_INT);
  g_value_set_int (reply, i);
}

static void
bookkeeper_actor_finalize (GObject *object)
{
  g_clear_object (&BOOKKEEPER_ACTOR (object)->adder);
  G_OBJECT_CLASS (bookkeeper_actor_parent_class)->finalize (object);
}

static void
bookkeeper_actor_class_init (BookkeeperActorClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bookkeeper_actor_finalize;
  PYKKA_ACTOR_CLASS (klass)->on_receive = bookkeeper_actor_on_receive;
}

static void
bookkeeper_actor_init (BookkeeperActor *self)
{
  self->get_timeout = WAIT_US;
}

/* ---------------------------------------------------------------------------------------- */
/* Helpers                                                                                  */

static void
tell_int (PykkaActorRef *ref,
          int            n)
{
  g_auto(GValue) message = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;

  pykka_test_value_init_int (&message, n);
  g_assert_true (pykka_actor_ref_tell (ref, &message, &error));
  g_assert_no_error (error);
}

static PykkaFuture *
ask_int (PykkaActorRef *ref,
         int            n)
{
  g_auto(GValue) message = G_VALUE_INIT;

  pykka_test_value_init_int (&message, n);
  return pykka_actor_ref_ask (ref, &message);
}

static PykkaFuture *
ask_string (PykkaActorRef *ref,
            const char    *command)
{
  g_auto(GValue) message = G_VALUE_INIT;

  g_value_init (&message, G_TYPE_STRING);
  g_value_set_string (&message, command);
  return pykka_actor_ref_ask (ref, &message);
}

static PykkaFuture *
ask_future (PykkaActorRef *ref,
            PykkaFuture   *future)
{
  g_auto(GValue) message = G_VALUE_INIT;

  g_value_init (&message, PYKKA_TYPE_FUTURE);
  g_value_set_object (&message, future);
  return pykka_actor_ref_ask (ref, &message);
}

static int
get_int (PykkaFuture *future)
{
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;

  g_assert_true (pykka_future_get (future, WAIT_US, &value, &error));
  g_assert_no_error (error);
  g_assert_true (G_VALUE_HOLDS_INT (&value));
  return g_value_get_int (&value);
}

static gpointer
get_pointer (PykkaFuture *future)
{
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;

  g_assert_true (pykka_future_get (future, WAIT_US, &value, &error));
  g_assert_no_error (error);
  g_assert_true (G_VALUE_HOLDS_POINTER (&value));
  return g_value_get_pointer (&value);
}

/* Bounded iteration of a context that the calling thread owns. */
typedef struct
{
  gboolean timed_out;
} Deadline;

static gboolean
deadline_reached (gpointer data)
{
  ((Deadline *) data)->timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Whether a get of @future would not time out (also for futures computed by a get hook, such
 * as stop futures, which are not "done" before their first get). */
static gboolean
future_ready (PykkaFuture *future)
{
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;

  return pykka_future_get (future, 0, &value, &error) ||
         !g_error_matches (error, PYKKA_ERROR, PYKKA_ERROR_TIMEOUT);
}

/* Iterates @context (blocking) until @future is ready, at most 5 s. */
static gboolean
iterate_until_done (GMainContext *context,
                    PykkaFuture  *future)
{
  Deadline deadline = { FALSE };
  GSource *timeout = g_timeout_source_new (WAIT_MS);

  g_source_set_callback (timeout, deadline_reached, &deadline, NULL);
  g_source_attach (timeout, context);
  while (!future_ready (future) && !deadline.timed_out)
    g_main_context_iteration (context, TRUE);
  g_source_destroy (timeout);
  g_source_unref (timeout);
  return future_ready (future);
}

/* Stops a context actor whose context the calling thread iterates. */
static void
stop_on_context (PykkaActorRef *ref,
                 GMainContext  *context)
{
  g_autoptr(PykkaFuture) future = pykka_actor_ref_stop_future (ref);
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;

  g_assert_true (iterate_until_done (context, future));
  g_assert_true (pykka_future_get (future, 0, &value, &error));
  g_assert_no_error (error);
  g_assert_false (pykka_actor_ref_is_alive (ref));
}

/* How many live sources named MAILBOX_SOURCE_NAME are attached to @context. GLib has no
 * enumeration of a context's sources, but source ids are given out in order per context:
 * a probe source's id bounds them. The caller must own @context (or nobody iterates it). */
static guint
count_mailbox_sources (GMainContext *context)
{
  GSource *probe = g_idle_source_new ();
  guint max_id = g_source_attach (probe, context);
  guint n = 0;

  g_source_destroy (probe);
  g_source_unref (probe);
  for (guint id = 1; id < max_id; id++)
    {
      GSource *source = g_main_context_find_source_by_id (context, id);

      if (source != NULL && !g_source_is_destroyed (source) &&
          g_strcmp0 (g_source_get_name (source), MAILBOX_SOURCE_NAME) == 0)
        n++;
    }
  return n;
}

/* A thread that iterates a context of its own with a GMainLoop. */
typedef struct
{
  GMainContext   *context;
  GMainLoop      *loop;
  GThread        *thread;
  PykkaTestEvent *running;
} LoopThread;

static gboolean
loop_thread_mark_running (gpointer data)
{
  pykka_test_event_set (data);
  return G_SOURCE_REMOVE;
}

static gpointer
loop_thread_main (gpointer data)
{
  LoopThread *lt = data;

  g_main_context_push_thread_default (lt->context);
  g_main_loop_run (lt->loop);
  g_main_context_pop_thread_default (lt->context);
  return NULL;
}

static LoopThread *
loop_thread_new (void)
{
  LoopThread *lt = g_new0 (LoopThread, 1);
  GSource *source;

  lt->context = g_main_context_new ();
  lt->loop = g_main_loop_new (lt->context, FALSE);
  lt->running = pykka_test_event_new ();
  source = g_idle_source_new ();
  g_source_set_callback (source, loop_thread_mark_running, lt->running, NULL);
  g_source_attach (source, lt->context);
  g_source_unref (source);
  lt->thread = g_thread_new ("test-loop", loop_thread_main, lt);
  g_assert_true (pykka_test_event_wait (lt->running, WAIT_MS));
  return lt;
}

static gboolean
loop_thread_quit (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

static void
loop_thread_free (LoopThread *lt)
{
  GSource *source = g_idle_source_new ();

  g_source_set_callback (source, loop_thread_quit, lt->loop, NULL);
  g_source_attach (source, lt->context);
  g_source_unref (source);
  g_thread_join (lt->thread);
  g_main_loop_unref (lt->loop);
  g_main_context_unref (lt->context);
  pykka_test_event_free (lt->running);
  g_free (lt);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoopThread, loop_thread_free)

/* ---------------------------------------------------------------------------------------- */
/* Main-context runtime                                                                      */

static void
test_context_handlers_on_iterating_thread (void)
{
  g_autoptr(LoopThread) lt = loop_thread_new ();
  g_autoptr(RecorderActor) actor = recorder_new (1);
  g_autoptr(PykkaActorRef) ref = NULL;
  g_autoptr(PykkaFuture) thread_future = NULL;
  g_autoptr(PykkaFuture) last = NULL;
  g_autoptr(GError) error = NULL;

  ref = pykka_actor_start_in_context (PYKKA_ACTOR (actor), lt->context, &error);
  g_assert_no_error (error);
  g_assert_nonnull (ref);
  g_assert_true (pykka_actor_ref_is_alive (ref));

  thread_future = ask_string (ref, "thread");
  for (int i = 0; i < 10; i++)
    tell_int (ref, i);
  last = ask_int (ref, 10);
  g_assert_true (get_pointer (thread_future) == lt->thread);
  g_assert_cmpint (get_int (last), ==, 10);
  pykka_test_stop_ref (ref);

  g_mutex_lock (&actor->lock);
  /* on_start, every handler and on_stop ran on the thread iterating the context, with the
   * context as its thread-default one. */
  g_assert_cmpuint (actor->threads->len, ==, 1);
  g_assert_true (g_ptr_array_index (actor->threads, 0) == lt->thread);
  g_assert_true (actor->start_thread == lt->thread);
  g_assert_true (actor->stop_thread == lt->thread);
  g_assert_true (actor->start_context == lt->context);
  g_assert_true (actor->handler_context == lt->context);
  g_assert_true (actor->stop_context == lt->context);
  g_assert_cmpuint (actor->n_handled, ==, 11);
  g_mutex_unlock (&actor->lock);
  {
    g_autofree char *events = recorder_dup_events (actor);

    g_assert_cmpstr (events, ==, "start,0,1,2,3,4,5,6,7,8,9,10,stop");
  }
  g_assert_cmpint (g_atomic_int_get (&actor->overlaps), ==, 0);
}

static void
test_context_null_is_thread_default (void)
{
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(RecorderActor) actor = recorder_new (1);
  g_autoptr(PykkaActorRef) ref = NULL;
  g_autoptr(PykkaFuture) future = NULL;
  g_autoptr(GError) error = NULL;

  g_main_context_push_thread_default (context);
  ref = pykka_actor_start_in_context (PYKKA_ACTOR (actor), NULL, &error);
  g_main_context_pop_thread_default (context);
  g_assert_no_error (error);
  g_assert_nonnull (ref);

  /* The actor's source went to the thread-default context, not to the global default. */
  g_assert_cmpuint (count_mailbox_sources (context), ==, 1);

  future = ask_int (ref, 7);
  g_assert_true (iterate_until_done (context, future));
  g_assert_cmpint (get_int (future), ==, 7);
  g_mutex_lock (&actor->lock);
  g_assert_true (actor->start_thread == g_thread_self ());
  g_mutex_unlock (&actor->lock);

  stop_on_context (ref, context);
  g_assert_cmpuint (count_mailbox_sources (context), ==, 0);
}

static void
test_context_one_source_per_actor (void)
{
  const guint n_messages = 1000;
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(RecorderActor) actor = recorder_new (1);
  g_autoptr(RecorderActor) other = recorder_new (2);
  g_autoptr(PykkaActorRef) ref = NULL;
  g_autoptr(PykkaActorRef) other_ref = NULL;
  g_autoptr(GError) error = NULL;
  guint n_dispatches = 0;
  guint handled = 0;

  ref = pykka_actor_start_in_context (PYKKA_ACTOR (actor), context, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_mailbox_sources (context), ==, 1);

  /* Any number of messages: still one source (never a source per message). */
  for (guint i = 0; i < n_messages; i++)
    tell_int (ref, (int) i);
  g_assert_cmpuint (count_mailbox_sources (context), ==, 1);
  g_assert_cmpuint (recorder_n_handled (actor), ==, 0);

  /* Each dispatch handles a bounded batch, then lets the context run its other sources; the
   * source stays the only one of the actor meanwhile. */
  while (handled < n_messages && n_dispatches < n_messages)
    {
      guint now;

      g_main_context_iteration (context, FALSE);
      n_dispatches++;
      now = recorder_n_handled (actor);
      g_assert_cmpuint (now, >, handled);
      g_assert_cmpuint (now - handled, <=, BATCH);
      handled = now;
      g_assert_cmpuint (count_mailbox_sources (context), ==, 1);
    }
  g_assert_cmpuint (handled, ==, n_messages);
  g_assert_cmpuint (n_dispatches, >=, (n_messages + BATCH - 1) / BATCH);
  g_test_message ("%u messages handled in %u dispatches", n_messages, n_dispatches);

  /* An idle actor keeps its source; a second actor has one of its own. */
  g_assert_false (g_main_context_iteration (context, FALSE));
  g_assert_cmpuint (count_mailbox_sources (context), ==, 1);
  other_ref = pykka_actor_start_in_context (PYKKA_ACTOR (other), context, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_mailbox_sources (context), ==, 2);
  for (guint i = 0; i < 100; i++)
    {
      tell_int (ref, (int) i);
      tell_int (other_ref, (int) i);
    }
  g_assert_cmpuint (count_mailbox_sources (context), ==, 2);

  /* A stopped actor's source is removed from the context. */
  stop_on_context (ref, context);
  g_assert_cmpuint (count_mailbox_sources (context), ==, 1);
  stop_on_context (other_ref, context);
  g_assert_cmpuint (count_mailbox_sources (context), ==, 0);
  g_assert_cmpuint (recorder_n_handled (actor), ==, n_messages + 100);
  g_assert_cmpuint (recorder_n_handled (other), ==, 100);
}

static void
test_context_order (void)
{
  g_autoptr(LoopThread) lt = loop_thread_new ();
  g_autoptr(RecorderActor) actor = recorder_new (1);
  g_autoptr(PykkaActorRef) ref = NULL;
  g_autoptr(PykkaFuture) last = NULL;
  g_autoptr(GError) error = NULL;
  const int n = 500;

  ref = pykka_actor_start_in_context (PYKKA_ACTOR (actor), lt->context, &error);
  g_assert_no_error (error);
  for (int i = 0; i < n; i++)
    tell_int (ref, i);
  last = ask_int (ref, n);
  g_assert_cmpint (get_int (last), ==, n);

  g_mutex_lock (&actor->lock);
  /* "start" first, then every message in send order. */
  g_assert_cmpuint (actor->events->len, ==, (guint) n + 2);
  g_assert_cmpstr (g_ptr_array_index (actor->events, 0), ==, "start");
  for (int i = 0; i <= n; i++)
    {
      g_autofree char *expected = g_strdup_printf ("%d", i);

      g_assert_cmpstr (g_ptr_array_index (actor->events, i + 1), ==, expected);
    }
  g_mutex_unlock (&actor->lock);
  pykka_test_stop_ref (ref);
}

static void
test_context_fairness (void)
{
  const int n_flood = 1000;
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(OrderLog) order = order_log_new ();
  g_autoptr(RecorderActor) flooded = recorder_new (1);
  g_autoptr(RecorderActor) quiet = recorder_new (2);
  g_autoptr(PykkaActorRef) flooded_ref = NULL;
  g_autoptr(PykkaActorRef) quiet_ref = NULL;
  g_autoptr(PykkaFuture) quiet_reply = NULL;
  g_autoptr(GError) error = NULL;
  guint before;

  flooded->order = order;
  quiet->order = order;
  flooded_ref = pykka_actor_start_in_context (PYKKA_ACTOR (flooded), context, &error);
  g_assert_no_error (error);
  quiet_ref = pykka_actor_start_in_context (PYKKA_ACTOR (quiet), context, &error);
  g_assert_no_error (error);

  /* The flood is queued before the quiet actor's single message. */
  for (int i = 0; i < n_flood; i++)
    tell_int (flooded_ref, i);
  quiet_reply = ask_int (quiet_ref, -1);

  g_assert_true (iterate_until_done (context, quiet_reply));
  g_assert_cmpint (get_int (quiet_reply), ==, -1);

  /* The quiet actor was served before the flood ended, after at most one batch of it. */
  before = order_log_count_before (order, flooded->id, quiet->id);
  g_test_message ("flooded actor handled %u of %d messages before the other's", before, n_flood);
  g_assert_cmpuint (before, <, (guint) n_flood);
  g_assert_cmpuint (before, <=, BATCH);

  stop_on_context (flooded_ref, context);
  stop_on_context (quiet_ref, context);
  g_assert_cmpuint (recorder_n_handled (flooded), ==, (guint) n_flood);
}

typedef struct
{
  RecorderActor *actor;
  PykkaActorRef *ref;
  guint          handled_before;
  guint          handled_right_after;
  gboolean       future_done_right_after;
  gboolean       ran;
} SendInDispatch;

static gboolean
send_in_dispatch (gpointer data)
{
  SendInDispatch *s = data;
  g_autoptr(PykkaFuture) future = NULL;

  /* We are inside a dispatch of the actor's own context, on the thread iterating it. */
  s->handled_before = recorder_n_handled (s->actor);
  tell_int (s->ref, 1);
  future = ask_int (s->ref, 2);
  s->handled_right_after = recorder_n_handled (s->actor);
  s->future_done_right_after = pykka_future_is_done (future);
  s->ran = TRUE;
  return G_SOURCE_REMOVE;
}

static void
test_context_not_inside_senders_call (void)
{
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(RecorderActor) actor = recorder_new (1);
  g_autoptr(RecorderActor) peer = recorder_new (2);
  g_autoptr(PykkaActorRef) ref = NULL;
  g_autoptr(PykkaActorRef) peer_ref = NULL;
  g_autoptr(PykkaFuture) started = NULL;
  g_autoptr(PykkaFuture) told = NULL;
  g_autoptr(PykkaFuture) last = NULL;
  g_autoptr(GError) error = NULL;
  SendInDispatch s = { 0 };
  GSource *source;

  g_main_context_push_thread_default (context);
  ref = pykka_actor_start_in_context (PYKKA_ACTOR (actor), context, &error);
  g_assert_no_error (error);
  peer_ref = pykka_actor_start_in_context (PYKKA_ACTOR (peer), context, &error);
  g_assert_no_error (error);
  actor->peer = peer;

  /* Let both actors start (on_start) first. */
  started = ask_int (ref, 0);
  g_assert_true (iterate_until_done (context, started));
  told = ask_int (peer_ref, 0);
  g_assert_true (iterate_until_done (context, told));

  /* 1. A sender on the thread that owns and iterates the context, outside any dispatch. */
  g_assert_true (g_main_context_acquire (context));
  tell_int (ref, 1);
  g_assert_cmpuint (recorder_n_handled (actor), ==, 1);
  g_main_context_release (context);

  /* 2. A sender inside a dispatch of that context (an idle callback). */
  s.actor = actor;
  s.ref = ref;
  source = g_idle_source_new ();
  g_source_set_callback (source, send_in_dispatch, &s, NULL);
  g_source_attach (source, context);
  g_source_unref (source);
  while (!s.ran)
    g_main_context_iteration (context, TRUE);
  g_assert_cmpuint (s.handled_right_after, ==, s.handled_before);
  g_assert_false (s.future_done_right_after);

  /* 3. A sender that is another actor's handler on the same context. */
  pykka_test_tell_string (ref, "tell-peer");
  last = ask_int (peer_ref, 99);
  g_assert_true (iterate_until_done (context, last));
  g_assert_cmpint (g_atomic_int_get (&actor->peer_ran_inside_tell), ==, 0);
  /* The peer got 0, then the 1 of "tell-peer", then 99. */
  g_assert_cmpuint (recorder_n_handled (peer), ==, 3);
  g_assert_cmpuint (recorder_n_handled (actor), ==, 4);

  stop_on_context (ref, context);
  stop_on_context (peer_ref, context);
  g_main_context_pop_thread_default (context);
}

/* ---------------------------------------------------------------------------------------- */
/* Pool runtime                                                                              */

static void
test_pool_default (void)
{
  PykkaPool *pool = pykka_pool_get_default ();
  g_autoptr(RecorderActor) actor = recorder_new (1);
  g_autoptr(PykkaActorRef) ref = NULL;
  g_autoptr(PykkaFuture) thread_future = NULL;
  g_autoptr(PykkaFuture) workers_future = NULL;
  g_auto(GValue) workers = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;
  GThread *handler_thread;

  g_assert_nonnull (pool);
  g_assert_true (PYKKA_IS_POOL (pool));
  g_assert_true (pykka_pool_get_default () == pool);
  g_assert_cmpuint (pykka_pool_get_max_workers (pool), ==, g_get_num_processors ());
  g_assert_cmpuint (pykka_pool_get_max_spare_workers (pool), ==, 64);

  actor->pool = pool;
  ref = pykka_actor_start_in_pool (PYKKA_ACTOR (actor), NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (ref);

  thread_future = ask_string (ref, "thread");
  handler_thread = get_pointer (thread_future);
  g_assert_true (handler_thread != g_thread_self ());

  /* While a handler runs, it runs on a worker of the default pool. */
  workers_future = ask_string (ref, "n-workers");
  g_assert_true (pykka_future_get (workers_future, WAIT_US, &workers, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_value_get_uint (&workers), >=, 1);
  g_assert_cmpuint (g_value_get_uint (&workers), <=,
                    pykka_pool_get_max_workers (pool) + pykka_pool_get_max_spare_workers (pool));

  pykka_test_stop_ref (ref);
  g_mutex_lock (&actor->lock);
  g_assert_nonnull (actor->start_thread);
  g_assert_true (actor->start_thread != g_thread_self ());
  g_assert_true (actor->stop_thread != g_thread_self ());
  g_mutex_unlock (&actor->lock);
  {
    g_autofree char *events = recorder_dup_events (actor);

    g_assert_cmpstr (events, ==, "start,stop");
  }

  /* Dead like any other actor. */
  {
    g_auto(GValue) one = G_VALUE_INIT;
    g_autoptr(GError) dead = NULL;

    pykka_test_value_init_int (&one, 1);
    g_assert_false (pykka_actor_ref_tell (ref, &one, &dead));
    g_assert_error (dead, PYKKA_ERROR, PYKKA_ERROR_ACTOR_DEAD);
  }
}

static void
test_pool_new (void)
{
  g_autoptr(PykkaPool) per_cpu = pykka_pool_new (0);
  g_autoptr(PykkaPool) three = pykka_pool_new (3);
  g_autoptr(PykkaPool) spares = NULL;
  guint max_spare = 0;

  g_assert_cmpuint (pykka_pool_get_max_workers (per_cpu), ==, g_get_num_processors ());
  g_assert_cmpuint (pykka_pool_get_max_workers (three), ==, 3);
  g_assert_cmpuint (pykka_pool_get_max_spare_workers (three), ==, 64);
  /* Workers start when actors need them. */
  g_assert_cmpuint (pykka_pool_get_n_workers (three), ==, 0);
  g_assert_true (pykka_pool_get_default () != three);

  spares = g_object_new (PYKKA_TYPE_POOL, "max-workers", 2, "max-spare-workers", 5, NULL);
  g_assert_cmpuint (pykka_pool_get_max_workers (spares), ==, 2);
  g_assert_cmpuint (pykka_pool_get_max_spare_workers (spares), ==, 5);
  g_object_get (spares, "max-spare-workers", &max_spare, NULL);
  g_assert_cmpuint (max_spare, ==, 5);
}

typedef struct
{
  PykkaActorRef **refs;
  guint           n_refs;
  guint           sender;
  guint           n_messages;
  gboolean        tagged;   /* guint64 (sender << 32 | seq) instead of ints */
} Sender;

static gpointer
sender_main (gpointer data)
{
  Sender *s = data;

  for (guint i = 0; i < s->n_messages; i++)
    for (guint a = 0; a < s->n_refs; a++)
      {
        g_auto(GValue) message = G_VALUE_INIT;
        g_autoptr(GError) error = NULL;

        if (s->tagged)
          {
            g_value_init (&message, G_TYPE_UINT64);
            g_value_set_uint64 (&message, ((guint64) s->sender << 32) | i);
          }
        else
          pykka_test_value_init_int (&message, (int) i);
        g_assert_true (pykka_actor_ref_tell (s->refs[a], &message, &error));
        g_assert_no_error (error);
      }
  return NULL;
}

static void
test_pool_one_message_at_a_time (void)
{
  const guint n_workers = 4;
  const guint n_actors = 8;
  const guint n_messages = 250;   /* per sender and actor */
  g_autoptr(PykkaPool) pool = pykka_pool_new (n_workers);
  RecorderActor *actors[8];
  PykkaActorRef *refs[8];
  GThread *threads[N_SENDERS];
  Sender senders[N_SENDERS];
  gint shared_inside = 0;
  gint shared_max = 0;
  guint most_threads = 0;

  for (guint a = 0; a < n_actors; a++)
    {
      g_autoptr(GError) error = NULL;

      actors[a] = recorder_new (a);
      actors[a]->shared_inside = &shared_inside;
      actors[a]->shared_max = &shared_max;
      refs[a] = pykka_actor_start_in_pool (PYKKA_ACTOR (actors[a]), pool, &error);
      g_assert_no_error (error);
    }

  for (guint s = 0; s < N_SENDERS; s++)
    {
      senders[s] = (Sender) { refs, n_actors, s, n_messages, FALSE };
      threads[s] = g_thread_new ("sender", sender_main, &senders[s]);
    }
  for (guint s = 0; s < N_SENDERS; s++)
    g_thread_join (threads[s]);

  for (guint a = 0; a < n_actors; a++)
    {
      g_assert_true (recorder_wait_handled (actors[a], N_SENDERS * n_messages));
      pykka_test_stop_ref (refs[a]);
      /* Never two handlers of one actor at once (so never on two workers at once). */
      g_assert_cmpint (g_atomic_int_get (&actors[a]->overlaps), ==, 0);
      g_assert_cmpuint (recorder_n_handled (actors[a]), ==, N_SENDERS * n_messages);
      g_mutex_lock (&actors[a]->lock);
      most_threads = MAX (most_threads, actors[a]->threads->len);
      g_mutex_unlock (&actors[a]->lock);
    }
  g_test_message ("an actor ran on up to %u different workers; at most %d handlers at once",
                  most_threads, g_atomic_int_get (&shared_max));

  /* Many actors, few workers: never more handlers at once than workers (nobody blocks). */
  g_assert_cmpint (g_atomic_int_get (&shared_max), >=, 1);
  g_assert_cmpint (g_atomic_int_get (&shared_max), <=, (gint) n_workers);
  g_assert_cmpuint (pykka_pool_get_n_workers (pool), <=, n_workers);

  for (guint a = 0; a < n_actors; a++)
    {
      g_object_unref (refs[a]);
      g_object_unref (actors[a]);
    }
}

static void
test_pool_fifo_per_sender (void)
{
  const guint n_messages = 1000;
  g_autoptr(PykkaPool) pool = pykka_pool_new (4);
  g_autoptr(RecorderActor) actor = recorder_new (1);
  g_autoptr(PykkaActorRef) ref = NULL;
  g_autoptr(GError) error = NULL;
  GThread *threads[N_SENDERS];
  Sender senders[N_SENDERS];
  gint64 deadline;

  ref = pykka_actor_start_in_pool (PYKKA_ACTOR (actor), pool, &error);
  g_assert_no_error (error);

  for (guint s = 0; s < N_SENDERS; s++)
    {
      senders[s] = (Sender) { &ref, 1, s, n_messages, TRUE };
      threads[s] = g_thread_new ("sender", sender_main, &senders[s]);
    }
  for (guint s = 0; s < N_SENDERS; s++)
    g_thread_join (threads[s]);

  deadline = g_get_monotonic_time () + WAIT_US;
  g_mutex_lock (&actor->lock);
  while (actor->n_seq < N_SENDERS * n_messages)
    if (!g_cond_wait_until (&actor->cond, &actor->lock, deadline))
      break;
  g_assert_cmpuint (actor->n_seq, ==, N_SENDERS * n_messages);
  for (guint s = 0; s < N_SENDERS; s++)
    g_assert_cmpuint (actor->next_seq[s], ==, n_messages);
  g_mutex_unlock (&actor->lock);

  g_assert_cmpint (g_atomic_int_get (&actor->fifo_errors), ==, 0);
  g_assert_cmpint (g_atomic_int_get (&actor->overlaps), ==, 0);
  pykka_test_stop_ref (ref);
}

static void
test_pool_fairness_one_worker (void)
{
  const int n_flood = 1000;
  g_autoptr(PykkaPool) pool = pykka_pool_new (1);
  g_autoptr(OrderLog) order = order_log_new ();
  g_autoptr(PykkaTestEvent) gate = pykka_test_event_new ();
  g_autoptr(PykkaTestEvent) gate_entered = pykka_test_event_new ();
  g_autoptr(RecorderActor) gatekeeper = recorder_new (0);
  g_autoptr(RecorderActor) flooded = recorder_new (1);
  g_autoptr(RecorderActor) quiet = recorder_new (2);
  g_autoptr(PykkaActorRef) gatekeeper_ref = NULL;
  g_autoptr(PykkaActorRef) flooded_ref = NULL;
  g_autoptr(PykkaActorRef) quiet_ref = NULL;
  g_autoptr(PykkaFuture) gate_reply = NULL;
  g_autoptr(PykkaFuture) quiet_reply = NULL;
  g_autoptr(PykkaFuture) flood_end = NULL;
  g_autoptr(GError) error = NULL;
  guint before;

  gatekeeper->gate = gate;
  gatekeeper->gate_entered = gate_entered;
  flooded->order = order;
  quiet->order = order;
  gatekeeper_ref = pykka_actor_start_in_pool (PYKKA_ACTOR (gatekeeper), pool, &error);
  g_assert_no_error (error);
  flooded_ref = pykka_actor_start_in_pool (PYKKA_ACTOR (flooded), pool, &error);
  g_assert_no_error (error);
  quiet_ref = pykka_actor_start_in_pool (PYKKA_ACTOR (quiet), pool, &error);
  g_assert_no_error (error);

  /* Occupy the only worker (with a wait that is not a future's, so no spare stands in),
   * queue the flood and then the quiet actor's message behind it, then let the worker go. */
  gate_reply = ask_string (gatekeeper_ref, "gate");
  g_assert_true (pykka_test_event_wait (gate_entered, WAIT_MS));
  for (int i = 0; i < n_flood - 1; i++)
    tell_int (flooded_ref, i);
  flood_end = ask_int (flooded_ref, n_flood - 1);
  quiet_reply = ask_int (quiet_ref, -1);
  g_assert_cmpuint (pykka_pool_get_n_workers (pool), ==, 1);
  pykka_test_event_set (gate);

  g_assert_cmpint (get_int (quiet_reply), ==, -1);
  g_assert_cmpint (get_int (flood_end), ==, n_flood - 1);

  before = order_log_count_before (order, flooded->id, quiet->id);
  g_test_message ("flooded actor handled %u of %d messages before the other's", before, n_flood);
  g_assert_cmpuint (before, <, (guint) n_flood);
  g_assert_cmpuint (before, <=, BATCH);

  pykka_test_stop_ref (gatekeeper_ref);
  pykka_test_stop_ref (flooded_ref);
  pykka_test_stop_ref (quiet_ref);
  g_assert_cmpint (g_atomic_int_get (&flooded->overlaps), ==, 0);
}

static void
check_bookkeeper (PykkaPool *pool,
                  int        target)
{
  g_autoptr(AdderActor) adder = g_object_new (TYPE_ADDER_ACTOR, NULL);
  g_autoptr(BookkeeperActor) bookkeeper = g_object_new (TYPE_BOOKKEEPER_ACTOR, NULL);
  g_autoptr(PykkaActorRef) adder_ref = NULL;
  g_autoptr(PykkaActorRef) bookkeeper_ref = NULL;
  g_autoptr(PykkaFuture) counted = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;

  adder_ref = pykka_actor_start_in_pool (PYKKA_ACTOR (adder), pool, &error);
  g_assert_no_error (error);
  bookkeeper->adder = g_object_ref (adder_ref);
  bookkeeper_ref = pykka_actor_start_in_pool (PYKKA_ACTOR (bookkeeper), pool, &error);
  g_assert_no_error (error);

  counted = ask_int (bookkeeper_ref, target);
  g_assert_true (pykka_future_get (counted, 2 * WAIT_US, &value, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_value_get_int (&value), ==, target);

  pykka_test_stop_ref (bookkeeper_ref);
  pykka_test_stop_ref (adder_ref);
}

static void
test_pool_blocking_get_one_worker (void)
{
  g_autoptr(PykkaPool) pool = pykka_pool_new (1);

  g_assert_cmpuint (pykka_pool_get_max_spare_workers (pool), >, 0);
  /* The Bookkeeper blocks in get inside its handler on the only worker; the Adder it waits
   * for still runs (on a spare). Twice, so that the spare's coming and going works too. */
  check_bookkeeper (pool, 10);
  check_bookkeeper (pool, 10);
  g_assert_cmpuint (pykka_pool_get_n_workers (pool), <=,
                    1 + pykka_pool_get_max_spare_workers (pool));
}

static void
test_pool_blocking_get_default_pool (void)
{
  check_bookkeeper (pykka_pool_get_default (), 10);
  check_bookkeeper (NULL, 5);
}

static void
test_pool_spare_workers_bounded (void)
{
  const guint n_actors = 5;
  g_autoptr(PykkaPool) pool = NULL;
  g_autoptr(BlockTracker) tracker = block_tracker_new ();
  RecorderActor *actors[5];
  PykkaActorRef *refs[5];
  PykkaFuture *blockers[5];
  PykkaFuture *replies[5];
  guint max_seen;

  pool = g_object_new (PYKKA_TYPE_POOL, "max-workers", 1, "max-spare-workers", 2, NULL);
  g_assert_cmpuint (pykka_pool_get_max_workers (pool), ==, 1);
  g_assert_cmpuint (pykka_pool_get_max_spare_workers (pool), ==, 2);

  for (guint a = 0; a < n_actors; a++)
    {
      g_autoptr(GError) error = NULL;

      actors[a] = recorder_new (a);
      actors[a]->tracker = tracker;
      refs[a] = pykka_actor_start_in_pool (PYKKA_ACTOR (actors[a]), pool, &error);
      g_assert_no_error (error);
      blockers[a] = pykka_future_new ();
    }

  /* Three actors block in a future's get: the worker and the two spares. */
  for (guint a = 0; a < 3; a++)
    replies[a] = ask_future (refs[a], blockers[a]);
  g_assert_true (block_tracker_wait_entered (tracker, 3));
  g_assert_cmpuint (pykka_pool_get_n_workers (pool), ==, 3);

  /* Two more would need more spares than allowed: they wait in the run queue. */
  for (guint a = 3; a < n_actors; a++)
    replies[a] = ask_future (refs[a], blockers[a]);
  max_seen = pykka_pool_get_n_workers (pool);
  g_assert_cmpuint (max_seen, <=, 3);
  g_assert_cmpuint (block_tracker_n_entered (tracker), ==, 3);

  /* Completing one blocked wait frees a worker for one of the queued actors, and so on. */
  for (guint i = 0; i < n_actors; i++)
    {
      g_autoptr(PykkaFuture) entered = NULL;

      g_assert_true (block_tracker_wait_entered (tracker, MIN (i + 3, n_actors)));
      max_seen = MAX (max_seen, pykka_pool_get_n_workers (pool));
      g_assert_cmpuint (pykka_pool_get_n_workers (pool), <=, 3);
      entered = block_tracker_dup_entered (tracker, i);
      pykka_test_future_set_int (entered, (int) i + 100);
    }
  g_test_message ("at most %u workers seen", max_seen);

  for (guint a = 0; a < n_actors; a++)
    {
      int reply = get_int (replies[a]);

      /* Each actor answered with the value of its own blocker. */
      g_assert_cmpint (reply, >=, 100);
      g_assert_cmpint (reply, <, 100 + (int) n_actors);
      g_assert_cmpint (get_int (blockers[a]), ==, reply);
    }
  g_assert_cmpuint (block_tracker_n_entered (tracker), ==, n_actors);
  g_assert_cmpuint (pykka_pool_get_n_workers (pool), <=, 3);

  for (guint a = 0; a < n_actors; a++)
    {
      pykka_test_stop_ref (refs[a]);
      g_object_unref (replies[a]);
      g_object_unref (blockers[a]);
      g_object_unref (refs[a]);
      g_object_unref (actors[a]);
    }
}

static void
test_pool_no_spares_blocking_times_out (void)
{
  g_autoptr(PykkaPool) pool = NULL;
  g_autoptr(AdderActor) adder = g_object_new (TYPE_ADDER_ACTOR, NULL);
  g_autoptr(BookkeeperActor) bookkeeper = g_object_new (TYPE_BOOKKEEPER_ACTOR, NULL);
  g_autoptr(PykkaActorRef) adder_ref = NULL;
  g_autoptr(PykkaActorRef) bookkeeper_ref = NULL;
  g_autoptr(PykkaFuture) counted = NULL;
  g_autoptr(PykkaFuture) added = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;

  /* No spare allowed: a handler blocked on the only worker cannot be stood in for, so the
   * actor it waits for cannot run before its get gives up. The bound is a bound. */
  pool = g_object_new (PYKKA_TYPE_POOL, "max-workers", 1, "max-spare-workers", 0, NULL);
  adder_ref = pykka_actor_start_in_pool (PYKKA_ACTOR (adder), pool, &error);
  g_assert_no_error (error);
  bookkeeper->adder = g_object_ref (adder_ref);
  bookkeeper->get_timeout = 200 * G_TIME_SPAN_MILLISECOND;
  bookkeeper_ref = pykka_actor_start_in_pool (PYKKA_ACTOR (bookkeeper), pool, &error);
  g_assert_no_error (error);

  counted = ask_int (bookkeeper_ref, 3);
  g_assert_false (pykka_future_get (counted, 2 * WAIT_US, &value, &error));
  g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_TIMEOUT);
  g_assert_cmpuint (pykka_pool_get_n_workers (pool), <=, 1);

  /* Once the worker is free again, the Adder runs. */
  added = ask_int (adder_ref, 41);
  g_assert_cmpint (get_int (added), ==, 42);

  pykka_test_stop_ref (bookkeeper_ref);
  pykka_test_stop_ref (adder_ref);
}

static void
test_pool_many_actors_share_workers (void)
{
  const guint n_actors = 500;
  const guint n_workers = 2;
  g_autoptr(PykkaPool) pool = pykka_pool_new (n_workers);
  g_autoptr(GPtrArray) refs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) replies = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) stops = g_ptr_array_new_with_free_func (g_object_unref);
  gint shared_inside = 0;
  gint shared_max = 0;

  for (guint a = 0; a < n_actors; a++)
    {
      g_autoptr(RecorderActor) actor = recorder_new (a);
      g_autoptr(GError) error = NULL;
      PykkaActorRef *ref;

      actor->shared_inside = &shared_inside;
      actor->shared_max = &shared_max;
      ref = pykka_actor_start_in_pool (PYKKA_ACTOR (actor), pool, &error);
      g_assert_no_error (error);
      g_ptr_array_add (refs, ref);
    }
  for (guint a = 0; a < n_actors; a++)
    g_ptr_array_add (replies, ask_int (refs->pdata[a], (int) a));
  for (guint a = 0; a < n_actors; a++)
    g_assert_cmpint (get_int (replies->pdata[a]), ==, (int) a);

  g_assert_cmpint (g_atomic_int_get (&shared_max), <=, (gint) n_workers);
  g_assert_cmpuint (pykka_pool_get_n_workers (pool), <=, n_workers);

  for (guint a = 0; a < n_actors; a++)
    g_ptr_array_add (stops, pykka_actor_ref_stop_future (refs->pdata[a]));
  for (guint a = 0; a < n_actors; a++)
    {
      g_auto(GValue) value = G_VALUE_INIT;
      g_autoptr(GError) error = NULL;

      g_assert_true (pykka_future_get (stops->pdata[a], WAIT_US, &value, &error));
      g_assert_no_error (error);
      g_assert_false (pykka_actor_ref_is_alive (refs->pdata[a]));
    }
}

/* A burst of work that finds every worker asleep wakes them and starts no other thread:
 * workers that were signalled but have not woken yet count as running. Each round lets the
 * workers fall asleep (their spin lasts at most 200 µs), then sends many asks at once, far
 * faster than a sleeping thread wakes. The pool names its threads "pykka-pool-N" with N
 * counting every thread it started, so any thread beyond the first two shows in the names. */
static void
test_pool_burst_starts_no_extra_workers (void)
{
  const guint n_actors = 200;
  const guint n_rounds = 5;
  g_autoptr(PykkaPool) pool = pykka_pool_new (2);
  g_autoptr(GPtrArray) refs = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint a = 0; a < n_actors; a++)
    {
      g_autoptr(RecorderActor) actor = recorder_new (a);
      g_autoptr(GError) error = NULL;

      g_ptr_array_add (refs, pykka_actor_start_in_pool (PYKKA_ACTOR (actor), pool, &error));
      g_assert_no_error (error);
    }
  for (guint round = 0; round < n_rounds; round++)
    {
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_object_unref);

      g_usleep (20 * G_TIME_SPAN_MILLISECOND);
      for (guint a = 0; a < n_actors; a++)
        g_ptr_array_add (names, ask_string (refs->pdata[a], "thread-name"));
      for (guint a = 0; a < n_actors; a++)
        {
          g_auto(GValue) name = G_VALUE_INIT;
          g_autoptr(GError) error = NULL;

          g_assert_true (pykka_future_get (names->pdata[a], WAIT_US, &name, &error));
          g_assert_no_error (error);
          if (!g_str_equal (g_value_get_string (&name), "pykka-pool-0"))
            g_assert_cmpstr (g_value_get_string (&name), ==, "pykka-pool-1");
        }
    }
  g_assert_cmpuint (pykka_pool_get_n_workers (pool), <=, 2);
  for (guint a = 0; a < n_actors; a++)
    pykka_test_stop_ref (refs->pdata[a]);
}

/* ---------------------------------------------------------------------------------------- */
/* Bad input and double starts                                                               */

#define EXPECT_CRITICAL() \
  g_test_expect_message ("pykka", G_LOG_LEVEL_CRITICAL, "*assertion*failed*")

static void
test_start_bad_input (void)
{
  g_autoptr(RecorderActor) actor = recorder_new (1);
  g_autoptr(PykkaActorRef) ref = NULL;
  g_autoptr(GObject) not_a_pool = g_object_new (G_TYPE_OBJECT, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) preset = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, "preset");
  GError *preset_ptr = preset;

  EXPECT_CRITICAL ();
  g_assert_null (pykka_actor_start_in_pool (NULL, NULL, &error));
  g_test_assert_expected_messages ();
  g_assert_no_error (error);

  EXPECT_CRITICAL ();
  g_assert_null (pykka_actor_start_in_pool (PYKKA_ACTOR (actor), (PykkaPool *) not_a_pool,
                                            &error));
  g_test_assert_expected_messages ();
  g_assert_no_error (error);

  EXPECT_CRITICAL ();
  g_assert_null (pykka_actor_start_in_pool (PYKKA_ACTOR (actor), NULL, &preset_ptr));
  g_test_assert_expected_messages ();

  EXPECT_CRITICAL ();
  g_assert_null (pykka_actor_start_in_context (NULL, NULL, &error));
  g_test_assert_expected_messages ();
  g_assert_no_error (error);

  EXPECT_CRITICAL ();
  g_assert_null (pykka_actor_start_in_context (PYKKA_ACTOR (actor), NULL, &preset_ptr));
  g_test_assert_expected_messages ();

  EXPECT_CRITICAL ();
  g_assert_null (pykka_actor_start_hosted (NULL, &error));
  g_test_assert_expected_messages ();
  g_assert_no_error (error);

  EXPECT_CRITICAL ();
  g_assert_false (pykka_actor_run (NULL, &error));
  g_test_assert_expected_messages ();
  g_assert_no_error (error);

  EXPECT_CRITICAL ();
  g_assert_cmpuint (pykka_pool_get_max_workers (NULL), ==, 0);
  g_test_assert_expected_messages ();

  EXPECT_CRITICAL ();
  g_assert_cmpuint (pykka_pool_get_max_spare_workers (NULL), ==, 0);
  g_test_assert_expected_messages ();

  EXPECT_CRITICAL ();
  g_assert_cmpuint (pykka_pool_get_n_workers (NULL), ==, 0);
  g_test_assert_expected_messages ();

  EXPECT_CRITICAL ();
  g_assert_cmpuint (pykka_pool_get_n_workers ((PykkaPool *) not_a_pool), ==, 0);
  g_test_assert_expected_messages ();

  /* None of the rejected calls started the actor. */
  g_assert_cmpstr (preset->message, ==, "preset");
  ref = pykka_actor_start_in_pool (PYKKA_ACTOR (actor), NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (ref);
  pykka_test_stop_ref (ref);
}

typedef PykkaActorRef *(*StartFunc) (PykkaActor *actor, GError **error);

static PykkaActorRef *
start_thread (PykkaActor  *actor,
              GError     **error)
{
  return pykka_actor_start (actor, error);
}

static PykkaActorRef *
start_pool (PykkaActor  *actor,
            GError     **error)
{
  return pykka_actor_start_in_pool (actor, NULL, error);
}

static GMainContext *spare_context;

static PykkaActorRef *
start_context (PykkaActor  *actor,
               GError     **error)
{
  return pykka_actor_start_in_context (actor, spare_context, error);
}

static PykkaActorRef *
start_hosted (PykkaActor  *actor,
              GError     **error)
{
  return pykka_actor_start_hosted (actor, error);
}

static PykkaActorRef *
start_run (PykkaActor  *actor,
           GError     **error)
{
  if (!pykka_actor_run (actor, error))
    return NULL;
  g_assert_not_reached ();
  return NULL;
}

static void
test_start_twice_any_runtime (void)
{
  g_autoptr(LoopThread) lt = loop_thread_new ();
  StartFunc firsts[] = { start_thread, start_pool, start_context, start_hosted };
  StartFunc seconds[] = { start_thread, start_pool, start_context, start_hosted, start_run };

  spare_context = lt->context;
  for (guint f = 0; f < G_N_ELEMENTS (firsts); f++)
    {
      g_autoptr(RecorderActor) actor = recorder_new (1);
      g_autoptr(PykkaActorRef) ref = NULL;
      g_autoptr(GError) error = NULL;

      ref = firsts[f] (PYKKA_ACTOR (actor), &error);
      g_assert_no_error (error);
      g_assert_nonnull (ref);

      for (guint s = 0; s < G_N_ELEMENTS (seconds); s++)
        {
          g_autoptr(GError) again = NULL;

          /* Running a hosted actor is how it is meant to be started. */
          if (firsts[f] == start_hosted && seconds[s] == start_run)
            continue;

          g_assert_null (seconds[s] (PYKKA_ACTOR (actor), &again));
          g_assert_error (again, PYKKA_ERROR, PYKKA_ERROR_ALREADY_STARTED);
          g_assert_true (pykka_actor_get_actor_ref (PYKKA_ACTOR (actor)) == ref);
        }

      if (firsts[f] == start_hosted)
        {
          /* Nobody runs it: stopping would wait forever. Run it on this thread after a stop
           * was queued: it starts, stops and returns. */
          g_autoptr(PykkaFuture) stop = pykka_actor_ref_stop_future (ref);

          g_assert_true (pykka_actor_run (PYKKA_ACTOR (actor), &error));
          g_assert_no_error (error);
          g_assert_true (future_ready (stop));
        }
      else
        pykka_test_stop_ref (ref);
      g_assert_false (pykka_actor_ref_is_alive (ref));
    }
  spare_context = NULL;
}

/* ---------------------------------------------------------------------------------------- */
/* Caller-hosted runtime                                                                     */

typedef struct
{
  PykkaActor *actor;
  GThread    *thread;
  gboolean    result;
  GError     *error;
} Runner;

static gpointer
runner_main (gpointer data)
{
  Runner *runner = data;

  runner->result = pykka_actor_run (runner->actor, &runner->error);
  return NULL;
}

static Runner *
runner_start (PykkaActor *actor)
{
  Runner *runner = g_new0 (Runner, 1);

  runner->actor = g_object_ref (actor);
  runner->thread = g_thread_new ("test-runner", runner_main, runner);
  return runner;
}

/* Joins the runner thread and returns what pykka_actor_run () returned. */
static gboolean
runner_join (Runner  *runner,
             GError **error)
{
  gboolean result;

  g_thread_join (runner->thread);
  result = runner->result;
  if (runner->error != NULL)
    g_propagate_error (error, runner->error);
  g_object_unref (runner->actor);
  g_free (runner);
  return result;
}

static void
test_caller_hosted_run (void)
{
  g_autoptr(RecorderActor) actor = recorder_new (1);
  g_autoptr(PykkaActorRef) ref = NULL;
  g_autoptr(PykkaFuture) early = NULL;
  g_autoptr(PykkaFuture) thread_future = NULL;
  g_autoptr(GError) error = NULL;
  Runner *runner;
  GThread *runner_thread;

  ref = pykka_actor_start_hosted (PYKKA_ACTOR (actor), &error);
  g_assert_no_error (error);
  g_assert_nonnull (ref);
  g_assert_true (pykka_actor_get_actor_ref (PYKKA_ACTOR (actor)) == ref);

  /* Messages sent before run wait in the inbox; nothing runs yet, not even on_start. */
  tell_int (ref, 1);
  tell_int (ref, 2);
  early = ask_int (ref, 3);
  g_assert_false (pykka_future_is_done (early));
  g_assert_cmpuint (recorder_n_handled (actor), ==, 0);
  {
    g_autofree char *events = recorder_dup_events (actor);

    g_assert_cmpstr (events, ==, "");
  }

  runner = runner_start (PYKKA_ACTOR (actor));
  runner_thread = runner->thread;
  g_assert_cmpint (get_int (early), ==, 3);
  thread_future = ask_string (ref, "thread");
  g_assert_true (get_pointer (thread_future) == runner_thread);

  /* Running already: a second run fails at once. */
  g_assert_false (pykka_actor_run (PYKKA_ACTOR (actor), &error));
  g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_ALREADY_STARTED);
  g_clear_error (&error);

  pykka_test_stop_ref (ref);
  /* run returns TRUE once the actor has stopped, and on_stop ran on the runner's thread. */
  g_assert_true (runner_join (runner, &error));
  g_assert_no_error (error);
  {
    g_autofree char *events = recorder_dup_events (actor);

    g_assert_cmpstr (events, ==, "start,1,2,3,stop");
  }
  g_mutex_lock (&actor->lock);
  g_assert_true (actor->start_thread == runner_thread);
  g_assert_true (actor->stop_thread == runner_thread);
  g_assert_cmpuint (actor->threads->len, ==, 1);
  g_assert_true (g_ptr_array_index (actor->threads, 0) == runner_thread);
  g_mutex_unlock (&actor->lock);

  /* Stopped: run again fails. */
  g_assert_false (pykka_actor_run (PYKKA_ACTOR (actor), &error));
  g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_ALREADY_STARTED);
  g_assert_false (pykka_actor_ref_is_alive (ref));
}

static void
test_caller_run_without_hosted (void)
{
  g_autoptr(PykkaActorRegistry) registry = pykka_actor_registry_new ();
  g_autoptr(RecorderActor) actor = NULL;
  g_autoptr(PykkaActorRef) found = NULL;
  g_autoptr(PykkaFuture) reply = NULL;
  g_autoptr(GError) error = NULL;
  PykkaActorRef *ref;
  Runner *runner;

  actor = g_object_new (TYPE_RECORDER_ACTOR, "registry", registry, NULL);
  /* The ref exists before run, so that others can talk to the actor meanwhile. */
  ref = pykka_actor_get_actor_ref (PYKKA_ACTOR (actor));
  g_assert_nonnull (ref);
  g_assert_cmpuint (pykka_actor_registry_get_n_actors (registry), ==, 0);

  runner = runner_start (PYKKA_ACTOR (actor));
  reply = ask_int (ref, 5);
  g_assert_cmpint (get_int (reply), ==, 5);

  /* run registered it (before on_start). */
  g_assert_cmpuint (pykka_actor_registry_get_n_actors (registry), ==, 1);
  found = pykka_actor_registry_get_by_urn (registry, pykka_actor_ref_get_actor_urn (ref));
  g_assert_true (found == ref);

  pykka_test_stop_ref (ref);
  g_assert_true (runner_join (runner, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pykka_actor_registry_get_n_actors (registry), ==, 0);
  {
    g_autofree char *events = recorder_dup_events (actor);

    g_assert_cmpstr (events, ==, "start,5,stop");
  }
}

static void
test_caller_stop_queued_before_run (void)
{
  g_autoptr(RecorderActor) actor = recorder_new (1);
  g_autoptr(PykkaActorRef) ref = NULL;
  g_autoptr(PykkaFuture) stopped = NULL;
  g_autoptr(PykkaFuture) late = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;

  ref = pykka_actor_start_hosted (PYKKA_ACTOR (actor), &error);
  g_assert_no_error (error);
  tell_int (ref, 1);
  stopped = pykka_actor_ref_stop_future (ref);
  late = ask_int (ref, 2);

  /* On the test thread itself: on_start, the message, the stop; then run returns. */
  g_assert_true (pykka_actor_run (PYKKA_ACTOR (actor), &error));
  g_assert_no_error (error);
  g_assert_true (pykka_future_get (stopped, 0, &value, &error));
  g_assert_no_error (error);
  g_assert_false (pykka_actor_ref_is_alive (ref));
  {
    g_autofree char *events = recorder_dup_events (actor);

    g_assert_cmpstr (events, ==, "start,1,stop");
  }
  g_mutex_lock (&actor->lock);
  g_assert_true (actor->start_thread == g_thread_self ());
  g_assert_true (actor->stop_thread == g_thread_self ());
  g_mutex_unlock (&actor->lock);

  /* The ask queued behind the stop fails as in every runtime. */
  {
    g_auto(GValue) none = G_VALUE_INIT;
    g_autoptr(GError) dead = NULL;

    g_assert_false (pykka_future_get (late, 0, &none, &dead));
    g_assert_error (dead, PYKKA_ERROR, PYKKA_ERROR_ACTOR_DEAD);
    g_assert_true (pykka_value_is_none (&none));
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  pykka_test_init (&argc, &argv);

  g_test_add_func ("/runtimes/context/handlers-on-iterating-thread",
                   test_context_handlers_on_iterating_thread);
  g_test_add_func ("/runtimes/context/null-is-thread-default", test_context_null_is_thread_default);
  g_test_add_func ("/runtimes/context/one-source-per-actor", test_context_one_source_per_actor);
  g_test_add_func ("/runtimes/context/order", test_context_order);
  g_test_add_func ("/runtimes/context/fairness", test_context_fairness);
  g_test_add_func ("/runtimes/context/not-inside-senders-call",
                   test_context_not_inside_senders_call);

  g_test_add_func ("/runtimes/pool/default", test_pool_default);
  g_test_add_func ("/runtimes/pool/new", test_pool_new);
  g_test_add_func ("/runtimes/pool/one-message-at-a-time", test_pool_one_message_at_a_time);
  g_test_add_func ("/runtimes/pool/fifo-per-sender", test_pool_fifo_per_sender);
  g_test_add_func ("/runtimes/pool/fairness-one-worker", test_pool_fairness_one_worker);
  g_test_add_func ("/runtimes/pool/blocking-get-one-worker", test_pool_blocking_get_one_worker);
  g_test_add_func ("/runtimes/pool/blocking-get-default-pool",
                   test_pool_blocking_get_default_pool);
  g_test_add_func ("/runtimes/pool/spare-workers-bounded", test_pool_spare_workers_bounded);
  g_test_add_func ("/runtimes/pool/no-spares-blocking-times-out",
                   test_pool_no_spares_blocking_times_out);
  g_test_add_func ("/runtimes/pool/many-actors-share-workers",
                   test_pool_many_actors_share_workers);
  g_test_add_func ("/runtimes/pool/burst-starts-no-extra-workers",
                   test_pool_burst_starts_no_extra_workers);

  g_test_add_func ("/runtimes/start/bad-input", test_start_bad_input);
  g_test_add_func ("/runtimes/start/twice-any-runtime", test_start_twice_any_runtime);

  g_test_add_func ("/runtimes/caller/hosted-run", test_caller_hosted_run);
  g_test_add_func ("/runtimes/caller/run-without-hosted", test_caller_run_without_hosted);
  g_test_add_func ("/runtimes/caller/stop-queued-before-run", test_caller_stop_queued_before_run);

  return g_test_run ();
}
