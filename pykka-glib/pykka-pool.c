/* pykka-pool.c: worker threads shared by many actors (the pool runtime)
 *
 * SPDX-FileCopyrightText: 2026 The pykka-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "pykka-actor-private.h"
#include "pykka-dispatcher-private.h"
#include "pykka-init-private.h"
#include "pykka-spin-private.h"

/**
 * SECTION:pykka-pool
 * @Title: PykkaPool
 * @Short_description: many actors on a few threads
 *
 * Actors started with pykka_actor_start_in_pool() share the worker threads of a #PykkaPool
 * instead of having one each, so they cost memory, not threads: a pool actor costs well under
 * a kilobyte. Each actor still handles one message at a time, in order, on one worker at a
 * time; after a batch of messages it goes to the back of the run queue if other actors wait,
 * so that a busy actor cannot starve them.
 *
 * Code written for Pykka blocks in pykka_future_get() inside handlers (an actor asking
 * another and waiting for the answer). A worker that blocks so lends its place to a spare
 * worker while it waits, so that the actors it waits for still run, even on a pool of one
 * worker. At most #PykkaPool:max-spare-workers spares run at once (64 by default); past that,
 * blocked workers are not replaced. Workers that have been idle for a while exit.
 *
 * The default pool (pykka_pool_get_default()) has one worker per CPU.
 */

/**
 * PykkaPool:
 *
 * A set of worker threads that actors share. It has no public fields.
 *
 * Since: 0.1
 */

#define POOL_BATCH 64
#define POOL_IDLE_EXIT_US (10 * G_USEC_PER_SEC)
#define POOL_DEFAULT_MAX_SPARE 64

typedef struct _PoolDispatcher PoolDispatcher;

struct _PoolDispatcher
{
  PykkaDispatcher  parent;
  PykkaPool       *pool;     /* owned */
  PykkaActor      *actor;    /* owned until the actor has finished */
  PoolDispatcher  *next;     /* in the run queue */
};

struct _PykkaPool
{
  GObject         parent_instance;

  GMutex          lock;
  GCond           cond;
  guint           max_workers;
  guint           max_spare_workers;
  guint           n_workers;   /* threads alive */
  guint           n_idle;      /* waiting for work */
  guint           n_blocked;   /* blocked in a wait inside a handler */
  guint           n_waking;    /* idle workers signalled that have not looked for work yet */
  guint           n_spinning;  /* workers looking for work a short while before sleeping */
  gint            n_queued;    /* entries in the run queue; atomic, written under the lock */
  guint           thread_counter;
  PoolDispatcher *head;        /* run queue; each entry holds a dispatcher reference */
  PoolDispatcher *tail;
};

G_DEFINE_FINAL_TYPE (PykkaPool, pykka_pool, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_MAX_WORKERS,
  PROP_MAX_SPARE_WORKERS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GPrivate current_pool;

static void
pykka_pool_finalize (GObject *object)
{
  PykkaPool *self = PYKKA_POOL (object);

  g_assert (self->head == NULL);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->cond);

  G_OBJECT_CLASS (pykka_pool_parent_class)->finalize (object);
}

static void
pykka_pool_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  PykkaPool *self = PYKKA_POOL (object);

  switch (prop_id)
    {
    case PROP_MAX_WORKERS:
      g_value_set_uint (value, self->max_workers);
      break;
    case PROP_MAX_SPARE_WORKERS:
      g_value_set_uint (value, self->max_spare_workers);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pykka_pool_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  PykkaPool *self = PYKKA_POOL (object);

  switch (prop_id)
    {
    case PROP_MAX_WORKERS:
      self->max_workers = g_value_get_uint (value);
      if (self->max_workers == 0)
        self->max_workers = g_get_num_processors ();
      break;
    case PROP_MAX_SPARE_WORKERS:
      self->max_spare_workers = g_value_get_uint (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pykka_pool_class_init (PykkaPoolClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pykka_pool_finalize;
  object_class->get_property = pykka_pool_get_property;
  object_class->set_property = pykka_pool_set_property;

  /**
   * PykkaPool:max-workers:
   *
   * How many workers run actors at once; 0 at construction means one per CPU.
   *
   * Since: 0.1
   */
  properties[PROP_MAX_WORKERS] =
    g_param_spec_uint ("max-workers", NULL, NULL, 0, 4096, 0,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * PykkaPool:max-spare-workers:
   *
   * How many workers may stand in, at most, for workers blocked in a wait inside a handler.
   *
   * Since: 0.1
   */
  properties[PROP_MAX_SPARE_WORKERS] =
    g_param_spec_uint ("max-spare-workers", NULL, NULL, 0, 4096, POOL_DEFAULT_MAX_SPARE,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pykka_pool_init (PykkaPool *self)
{
  g_mutex_init (&self->lock);
  g_cond_init (&self->cond);
}

/**
 * pykka_pool_new:
 * @max_workers: how many workers run actors at once; 0 for one per CPU
 *
 * Creates a pool of worker threads for actors started with pykka_actor_start_in_pool().
 *
 * Returns: (transfer full): a new #PykkaPool; its workers start when actors need them
 *
 * Since: 0.1
 */
PykkaPool *
pykka_pool_new (guint max_workers)
{
  return g_object_new (PYKKA_TYPE_POOL, "max-workers", max_workers, NULL);
}

/**
 * pykka_pool_get_default:
 *
 * Gets the pool that pykka_actor_start_in_pool() uses when it is given none.
 *
 * Returns: (transfer none): the pool of pykka_actor_start_in_pool() without a pool: one
 *   worker per CPU
 *
 * Since: 0.1
 */
PykkaPool *
pykka_pool_get_default (void)
{
  static PykkaPool *default_pool;

  if (g_once_init_enter (&default_pool))
    g_once_init_leave (&default_pool, pykka_pool_new (0));
  return default_pool;
}

/**
 * pykka_pool_get_max_workers: (get-property max-workers)
 * @self: a #PykkaPool
 *
 * Gets the #PykkaPool:max-workers of @self.
 *
 * Returns: how many workers run actors at once
 *
 * Since: 0.1
 */
guint
pykka_pool_get_max_workers (PykkaPool *self)
{
  g_return_val_if_fail (PYKKA_IS_POOL (self), 0);

  return self->max_workers;
}

/**
 * pykka_pool_get_max_spare_workers: (get-property max-spare-workers)
 * @self: a #PykkaPool
 *
 * Gets the #PykkaPool:max-spare-workers of @self.
 *
 * Returns: how many workers may stand in for blocked ones
 *
 * Since: 0.1
 */
guint
pykka_pool_get_max_spare_workers (PykkaPool *self)
{
  g_return_val_if_fail (PYKKA_IS_POOL (self), 0);

  return self->max_spare_workers;
}

/**
 * pykka_pool_get_n_workers:
 * @self: a #PykkaPool
 *
 * Counts the worker threads of @self. The count changes as workers start for new work and
 * exit after idling.
 *
 * Returns: how many worker threads exist now
 *
 * Since: 0.1
 */
guint
pykka_pool_get_n_workers (PykkaPool *self)
{
  guint n;

  g_return_val_if_fail (PYKKA_IS_POOL (self), 0);

  g_mutex_lock (&self->lock);
  n = self->n_workers;
  g_mutex_unlock (&self->lock);
  return n;
}

/* Workers. */

static gpointer worker_main (gpointer data);

/* Called with the lock held: make sure someone will take the queued work. */
static void
wake_locked (PykkaPool *self)
{
  /* Idle workers that were signalled but have not woken yet are about to run: counting them
   * as idle made a burst of work start new threads, and the extra workers exit again as soon
   * as the signalled ones wake (1 800 thread starts for 2 000 000 messages). */
  guint running = self->n_workers - (self->n_idle - self->n_waking) - self->n_blocked;

  /* One wake-up per queued entry at most: a burst of work wakes a worker or two, which then
   * drain the queue without sleeping in between. A spinning worker takes an entry without
   * being woken; running workers take the rest. */
  if ((guint) self->n_queued <= self->n_waking + self->n_spinning)
    return;
  if (self->n_idle > self->n_waking)
    {
      self->n_waking++;
      g_cond_signal (&self->cond);
    }
  else if (running < self->max_workers &&
           self->n_workers < self->max_workers + self->max_spare_workers)
    {
      g_autofree char *name = g_strdup_printf ("pykka-pool-%u", self->thread_counter++);
      GError *error = NULL;
      GThread *thread = g_thread_try_new (name, worker_main, g_object_ref (self), &error);

      if (thread == NULL)
        {
          /* The workers that exist will take the work later. */
          g_warning ("Could not start a pool worker: %s", error->message);
          g_error_free (error);
          g_object_unref (self);
          return;
        }
      g_thread_unref (thread);
      self->n_workers++;
    }
}

static void
enqueue_locked (PykkaPool      *self,
                PoolDispatcher *dispatcher)
{
  dispatcher->next = NULL;
  if (self->tail != NULL)
    self->tail->next = dispatcher;
  else
    self->head = dispatcher;
  self->tail = dispatcher;
  g_atomic_int_inc (&self->n_queued);
  wake_locked (self);
}

static gpointer
worker_main (gpointer data)
{
  PykkaPool *self = data;

  g_private_set (&current_pool, self);
  g_mutex_lock (&self->lock);
  for (;;)
    {
      PoolDispatcher *dispatcher;
      PykkaRunStatus status;

      /* A spare that is no longer needed, or a worker idle for long, exits. */
      if (self->n_workers - self->n_blocked > self->max_workers)
        break;
      if (self->head == NULL)
        {
          gboolean woken;
          gboolean found;

          /* Work often follows work: look for it a short while before sleeping. Only half
           * the workers (at least one) do so at a time: more spinners would only take CPU time
           * from the threads that make the work. */
          found = FALSE;
          if (self->n_spinning < MAX (1, self->max_workers / 2))
            {
              self->n_spinning++;
              g_mutex_unlock (&self->lock);
              found = _pykka_spin_adaptive (&self->n_queued, -1);
              g_mutex_lock (&self->lock);
              self->n_spinning--;
            }
          if (found || self->head != NULL)
            continue;

          self->n_idle++;
          woken = g_cond_wait_until (&self->cond, &self->lock,
                                     g_get_monotonic_time () + POOL_IDLE_EXIT_US);
          self->n_idle--;
          if (self->n_waking > 0)
            self->n_waking--;
          if (!woken && self->head == NULL)
            break;
          continue;
        }

      dispatcher = self->head;
      self->head = dispatcher->next;
      if (self->head == NULL)
        self->tail = NULL;
      dispatcher->next = NULL;
      g_atomic_int_add (&self->n_queued, -1);
      /* More work queued: make sure someone else takes it too. */
      if (self->head != NULL)
        wake_locked (self);
      g_mutex_unlock (&self->lock);

      /* After a batch the actor goes to the back of the queue, unless no other actor waits:
       * then it stays here, with its mailbox in this CPU's cache. */
      do
        status = _pykka_actor_process (dispatcher->actor, POOL_BATCH);
      while (status == PYKKA_RUN_MORE && g_atomic_int_get (&self->n_queued) == 0);
      if (status == PYKKA_RUN_FINISHED)
        g_clear_object (&dispatcher->actor);

      g_mutex_lock (&self->lock);
      if (status == PYKKA_RUN_MORE)
        enqueue_locked (self, dispatcher);
      else
        {
          g_mutex_unlock (&self->lock);
          _pykka_dispatcher_unref (&dispatcher->parent);
          g_mutex_lock (&self->lock);
        }
    }
  self->n_workers--;
  g_mutex_unlock (&self->lock);

  g_private_set (&current_pool, NULL);
  g_object_unref (self);
  return NULL;
}

void
_pykka_blocking_begin (void)
{
  PykkaPool *self = g_private_get (&current_pool);

  if (self == NULL)
    return;
  g_mutex_lock (&self->lock);
  self->n_blocked++;
  if (self->head != NULL)
    wake_locked (self);
  g_mutex_unlock (&self->lock);
}

void
_pykka_blocking_end (void)
{
  PykkaPool *self = g_private_get (&current_pool);

  if (self == NULL)
    return;
  g_mutex_lock (&self->lock);
  self->n_blocked--;
  g_mutex_unlock (&self->lock);
}

/* The dispatcher of one pool actor. */

static void
pool_dispatcher_schedule (PykkaDispatcher *dispatcher)
{
  PoolDispatcher *self = (PoolDispatcher *) dispatcher;

  /* The run queue holds its own reference: the actor may finish and drop its ref (and with
   * it the mailbox's reference) while the entry waits. */
  _pykka_dispatcher_ref (dispatcher);
  g_mutex_lock (&self->pool->lock);
  enqueue_locked (self->pool, self);
  g_mutex_unlock (&self->pool->lock);
}

static void
pool_dispatcher_finalize (PykkaDispatcher *dispatcher)
{
  PoolDispatcher *self = (PoolDispatcher *) dispatcher;

  g_assert (self->actor == NULL);
  g_object_unref (self->pool);
  g_free (self);
}

/* Another worker (or a spare) can always run the actor. */
static gboolean
pool_dispatcher_is_current (PykkaDispatcher *dispatcher)
{
  return FALSE;
}

/* More actors wait for a worker than there are workers: an actor just queued runs only after
 * the ones before it. */
static gboolean
pool_dispatcher_is_backlogged (PykkaDispatcher *dispatcher)
{
  PykkaPool *pool = ((PoolDispatcher *) dispatcher)->pool;

  return (guint) g_atomic_int_get (&pool->n_queued) > pool->max_workers;
}

static const PykkaDispatcherClass pool_dispatcher_class = {
  .name = "pool",
  .schedule = pool_dispatcher_schedule,
  .finalize = pool_dispatcher_finalize,
  .is_current = pool_dispatcher_is_current,
  .is_backlogged = pool_dispatcher_is_backlogged,
};

PykkaDispatcher *
_pykka_dispatcher_pool_new (PykkaActor *actor,
                            PykkaPool  *pool)
{
  PoolDispatcher *self = g_new0 (PoolDispatcher, 1);

  _pykka_dispatcher_init (&self->parent, &pool_dispatcher_class);
  self->pool = g_object_ref (pool);
  self->actor = g_object_ref (actor);
  return &self->parent;
}
