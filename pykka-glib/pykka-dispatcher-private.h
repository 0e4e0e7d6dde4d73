/* pykka-dispatcher-private.h: what runs an actor (one implementation per runtime)
 *
 * SPDX-FileCopyrightText: 2026 The pykka-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "pykka-glib.h"

G_BEGIN_DECLS

typedef struct _PykkaDispatcher      PykkaDispatcher;
typedef struct _PykkaDispatcherClass PykkaDispatcherClass;

/* A runtime implements these. Every runtime drives the same actor core through
 * _pykka_actor_process (), so stop and failure semantics are the same everywhere. */
struct _PykkaDispatcherClass
{
  const char *name;
  /* The actor has work (called from any thread, at most once per idle→scheduled edge). */
  void      (*schedule) (PykkaDispatcher *self);
  void      (*finalize) (PykkaDispatcher *self);
  /* Whether the calling thread is the one that runs the actor now or would run it next
   * (so that it would wait forever for the actor). */
  gboolean  (*is_current) (PykkaDispatcher *self);
  /* Optional: whether the runtime has more work queued than it can start on at once, so that
   * a reply from the actor cannot come within a short spin (called from any thread). */
  gboolean  (*is_backlogged) (PykkaDispatcher *self);
};

struct _PykkaDispatcher
{
  const PykkaDispatcherClass *klass;
  gatomicrefcount             ref_count;
};

void             _pykka_dispatcher_init  (PykkaDispatcher            *self,
                                          const PykkaDispatcherClass *klass);
PykkaDispatcher *_pykka_dispatcher_ref   (PykkaDispatcher            *self);
void             _pykka_dispatcher_unref (PykkaDispatcher            *self);

/* The dispatcher whose loop runs on this thread (thread and caller runtimes). */
void             _pykka_dispatcher_set_current (PykkaDispatcher *self);
PykkaDispatcher *_pykka_dispatcher_get_current (void);

/* The thread-per-actor runtime (pykka-dispatcher-thread.c). */
PykkaDispatcher *_pykka_dispatcher_thread_new  (PykkaActor   *actor,
                                                const char   *thread_name,
                                                GError      **error);

/* The caller-hosted runtime (pykka-dispatcher-thread.c): the same loop on the calling thread.
 * _run returns once the actor has finished. */
PykkaDispatcher *_pykka_dispatcher_caller_new  (PykkaActor   *actor);
void             _pykka_dispatcher_caller_run  (PykkaDispatcher *self);

/* The main-context runtime (pykka-dispatcher-context.c). */
PykkaDispatcher *_pykka_dispatcher_context_new (PykkaActor   *actor,
                                                GMainContext *context);

/* The pool runtime (pykka-pool.c). */
PykkaDispatcher *_pykka_dispatcher_pool_new    (PykkaActor   *actor,
                                                PykkaPool    *pool);

/* A thread is about to block (in a future's get) or has stopped blocking. A pool worker lends
 * its place to a spare worker meanwhile, so that blocking actors cannot starve the pool. */
void             _pykka_blocking_begin         (void);
void             _pykka_blocking_end           (void);

G_END_DECLS
