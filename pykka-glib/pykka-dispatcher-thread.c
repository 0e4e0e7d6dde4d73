/* pykka-dispatcher-thread.c: the thread-per-actor runtime
 *
 * SPDX-FileCopyrightText: 2026 The pykka-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "pykka-actor-private.h"
#include "pykka-dispatcher-private.h"
#include "pykka-spin-private.h"

/* One thread that sleeps until the mailbox has work, then lets the actor core handle all of
 * it, like Pykka's ThreadingActor. The caller-hosted runtime (pykka_actor_run ()) is the same
 * loop on a thread the caller owns. */
typedef struct
{
  PykkaDispatcher  parent;
  GMutex           lock;
  GCond            cond;
  gint             pending;   /* atomic */
  gint             sleeping;  /* atomic; set under the lock */
  PykkaActor      *actor;   /* owned by the thread until the actor has finished */
} ThreadDispatcher;

static void
thread_dispatcher_schedule (PykkaDispatcher *dispatcher)
{
  ThreadDispatcher *self = (ThreadDispatcher *) dispatcher;

  /* Store pending, then load sleeping; the thread stores sleeping, then loads pending (both
   * sequentially consistent): at least one of the two sees the other's store, so the thread
   * either finds the work or gets the signal. A spinning thread needs no syscall at all. */
  g_atomic_int_set (&self->pending, TRUE);
  if (g_atomic_int_get (&self->sleeping))
    {
      g_mutex_lock (&self->lock);
      g_cond_signal (&self->cond);
      g_mutex_unlock (&self->lock);
    }
}

static void
thread_dispatcher_finalize (PykkaDispatcher *dispatcher)
{
  ThreadDispatcher *self = (ThreadDispatcher *) dispatcher;

  g_assert (self->actor == NULL);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->cond);
  g_free (self);
}

static gboolean
thread_dispatcher_is_current (PykkaDispatcher *dispatcher)
{
  return _pykka_dispatcher_get_current () == dispatcher;
}

static const PykkaDispatcherClass thread_dispatcher_class = {
  .name = "thread",
  .schedule = thread_dispatcher_schedule,
  .finalize = thread_dispatcher_finalize,
  .is_current = thread_dispatcher_is_current,
};

static void
thread_dispatcher_loop (ThreadDispatcher *self)
{
  PykkaRunStatus status = PYKKA_RUN_IDLE;  /* wait for the start */
  PykkaDispatcher *previous = _pykka_dispatcher_get_current ();
  gboolean first = TRUE;

  _pykka_dispatcher_set_current (&self->parent);

  while (status != PYKKA_RUN_FINISHED)
    {
      if (status == PYKKA_RUN_IDLE)
        {
          /* The first run waits for the start, or for the first message of an actor whose
           * on_start does nothing, which may come much later: no spinning for it. */
          if (first ? !g_atomic_int_get (&self->pending)
                    : !_pykka_spin_adaptive (&self->pending, -1))
            {
              g_mutex_lock (&self->lock);
              g_atomic_int_set (&self->sleeping, TRUE);
              while (!g_atomic_int_get (&self->pending))
                g_cond_wait (&self->cond, &self->lock);
              g_atomic_int_set (&self->sleeping, FALSE);
              g_mutex_unlock (&self->lock);
            }
          g_atomic_int_set (&self->pending, FALSE);
          first = FALSE;
        }
      status = _pykka_actor_process (self->actor, G_MAXUINT);
    }

  g_clear_object (&self->actor);
  _pykka_dispatcher_set_current (previous);
}

static gpointer
thread_dispatcher_main (gpointer data)
{
  ThreadDispatcher *self = data;

  thread_dispatcher_loop (self);
  _pykka_dispatcher_unref (&self->parent);
  return NULL;
}

static ThreadDispatcher *
thread_dispatcher_new (PykkaActor *actor)
{
  ThreadDispatcher *self = g_new0 (ThreadDispatcher, 1);

  _pykka_dispatcher_init (&self->parent, &thread_dispatcher_class);
  g_mutex_init (&self->lock);
  g_cond_init (&self->cond);
  /* The first run waits for the first schedule (the start). */
  self->pending = FALSE;
  self->actor = g_object_ref (actor);
  return self;
}

PykkaDispatcher *
_pykka_dispatcher_caller_new (PykkaActor *actor)
{
  return &thread_dispatcher_new (actor)->parent;
}

void
_pykka_dispatcher_caller_run (PykkaDispatcher *dispatcher)
{
  g_assert (dispatcher->klass == &thread_dispatcher_class);

  thread_dispatcher_loop ((ThreadDispatcher *) dispatcher);
}

PykkaDispatcher *
_pykka_dispatcher_thread_new (PykkaActor  *actor,
                              const char  *thread_name,
                              GError     **error)
{
  ThreadDispatcher *self = thread_dispatcher_new (actor);
  GThread *thread;

  /* The thread holds its own reference until the actor has finished. */
  _pykka_dispatcher_ref (&self->parent);
  thread = g_thread_try_new (thread_name, thread_dispatcher_main, self, error);
  if (thread == NULL)
    {
      g_clear_object (&self->actor);
      _pykka_dispatcher_unref (&self->parent);
      _pykka_dispatcher_unref (&self->parent);
      return NULL;
    }
  g_thread_unref (thread);
  return &self->parent;
}
