/* pykka-dispatcher-context.c: the main-context runtime
 *
 * SPDX-FileCopyrightText: 2026 The pykka-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "pykka-actor-private.h"
#include "pykka-dispatcher-private.h"
#include "pykka-spin-private.h"

/* How many messages one dispatch handles before it lets other sources of the context run. */
#define CONTEXT_BATCH 64

/* One GSource per actor, attached to the context: it becomes ready (ready time 0) when the
 * mailbox goes from empty to non-empty, and its dispatch lets the actor core handle a batch.
 * Never a source per message, and never g_main_context_invoke (), which may run the handler on
 * the calling thread. */
typedef struct
{
  PykkaDispatcher  parent;
  GMutex           lock;
  GSource         *source;   /* owned until the actor has finished */
  GMainContext    *context;  /* owned */
  PykkaActor      *actor;    /* owned until the actor has finished; used by dispatch only */
  gint             pending;  /* atomic: scheduled since the dispatch began */
} ContextDispatcher;

typedef struct
{
  GSource            source;
  ContextDispatcher *dispatcher;  /* owned */
} MailboxSource;

static void
context_dispatcher_schedule (PykkaDispatcher *dispatcher)
{
  ContextDispatcher *self = (ContextDispatcher *) dispatcher;

  g_atomic_int_set (&self->pending, TRUE);
  g_mutex_lock (&self->lock);
  if (self->source != NULL)
    g_source_set_ready_time (self->source, 0);
  g_mutex_unlock (&self->lock);
}

static void
context_dispatcher_finalize (PykkaDispatcher *dispatcher)
{
  ContextDispatcher *self = (ContextDispatcher *) dispatcher;

  g_assert (self->source == NULL);
  g_assert (self->actor == NULL);
  g_main_context_unref (self->context);
  g_mutex_clear (&self->lock);
  g_free (self);
}

/* The thread that iterates the context is the one that would run the actor. */
static gboolean
context_dispatcher_is_current (PykkaDispatcher *dispatcher)
{
  return g_main_context_is_owner (((ContextDispatcher *) dispatcher)->context);
}

static const PykkaDispatcherClass context_dispatcher_class = {
  .name = "main-context",
  .schedule = context_dispatcher_schedule,
  .finalize = context_dispatcher_finalize,
  .is_current = context_dispatcher_is_current,
};

static GSource *
steal_source (ContextDispatcher *self)
{
  GSource *source;

  g_mutex_lock (&self->lock);
  source = g_steal_pointer (&self->source);
  g_mutex_unlock (&self->lock);
  return source;
}

static gboolean
mailbox_source_dispatch (GSource     *source,
                         GSourceFunc  callback,
                         gpointer     user_data)
{
  ContextDispatcher *self = ((MailboxSource *) source)->dispatcher;
  PykkaRunStatus status;

  g_source_set_ready_time (source, -1);
  g_atomic_int_set (&self->pending, FALSE);
  /* Handlers see the actor's context as the thread-default one, so that the _async calls
   * they make call back here. */
  g_main_context_push_thread_default (self->context);
  status = _pykka_actor_process (self->actor, CONTEXT_BATCH);
  g_main_context_pop_thread_default (self->context);
  switch (status)
    {
    case PYKKA_RUN_IDLE:
      /* The next message often follows soon (the next ask of a client that just got its
       * reply). While this dispatch runs, GLib blocks the source, so that a sender that
       * schedules the actor now wakes nobody: look for such a message a short, adaptive
       * while (as thread actors do) before letting the context sleep in its poll. If one
       * comes, the source is ready again and the context dispatches it next. */
      _pykka_spin_adaptive (&self->pending, -1);
      return G_SOURCE_CONTINUE;
    case PYKKA_RUN_MORE:
      g_source_set_ready_time (source, 0);
      return G_SOURCE_CONTINUE;
    case PYKKA_RUN_FINISHED:
    default:
      g_clear_object (&self->actor);
      /* The context keeps its own reference while it dispatches. */
      g_source_unref (steal_source (self));
      return G_SOURCE_REMOVE;
    }
}

static void
mailbox_source_finalize (GSource *source)
{
  ContextDispatcher *self = ((MailboxSource *) source)->dispatcher;

  /* Only reached early when the context was destroyed before the actor finished. */
  g_clear_object (&self->actor);
  _pykka_dispatcher_unref (&self->parent);
}

static GSourceFuncs mailbox_source_funcs = {
  .dispatch = mailbox_source_dispatch,
  .finalize = mailbox_source_finalize,
};

PykkaDispatcher *
_pykka_dispatcher_context_new (PykkaActor   *actor,
                               GMainContext *context)
{
  ContextDispatcher *self = g_new0 (ContextDispatcher, 1);
  MailboxSource *source;

  _pykka_dispatcher_init (&self->parent, &context_dispatcher_class);
  g_mutex_init (&self->lock);
  self->actor = g_object_ref (actor);
  self->context = g_main_context_ref (context);

  source = (MailboxSource *) g_source_new (&mailbox_source_funcs, sizeof (MailboxSource));
  source->dispatcher = (ContextDispatcher *) _pykka_dispatcher_ref (&self->parent);
  g_source_set_static_name (&source->source, "PykkaActor mailbox");
  g_source_set_ready_time (&source->source, -1);
  self->source = &source->source;
  g_source_attach (self->source, context);
  return &self->parent;
}
