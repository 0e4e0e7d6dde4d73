/* pykka-debug-private.h: the wait-for graph and the state of actors
 *
 * SPDX-FileCopyrightText: 2026 The pykka-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "pykka-glib.h"

G_BEGIN_DECLS

/* A thread blocked in pykka_future_get (). Lives on the waiter's stack while registered. */
typedef struct
{
  PykkaActorRef *waiter;       /* the actor that waits (NULL: not an actor) */
  PykkaFuture   *future;
  PykkaActorRef *completer;    /* the actor that must complete the future (owned) */
  gint           deadlocked;   /* atomic */
  char          *cycle;        /* set with deadlocked, under the graph lock */
} PykkaWait;

/* Before blocking on @future: registers @wait in the wait-for graph. Fails with
 * PYKKA_ERROR_DEADLOCK (and logs it) when the wait can never end: the waiting thread is the
 * one that must run the completing actor, or the wait closes a cycle of actors waiting on each
 * other; the other waits of the cycle are failed too (see _pykka_wait_is_deadlocked ()). */
gboolean _pykka_wait_begin         (PykkaWait    *wait,
                                    PykkaFuture  *future,
                                    GError      **error);
void     _pykka_wait_end           (PykkaWait    *wait);
/* Whether another waiter found @wait in a cycle; then sets @error. */
gboolean _pykka_wait_is_deadlocked (PykkaWait    *wait,
                                    GError      **error);

/* The actor that must complete @future, if one does (transfer full, nullable). */
PykkaActorRef *_pykka_future_dup_completer (PykkaFuture   *future);
void           _pykka_future_set_completer (PykkaFuture   *future,
                                            PykkaActorRef *completer);
/* Whether @future has no value or error yet. */
gboolean       _pykka_future_is_pending    (PykkaFuture   *future);
/* Wakes the threads blocked in pykka_future_get (@future) so that they look at their wait. */
void           _pykka_future_wake_waiters  (PykkaFuture   *future);

/* The registries, for the state dump. */
void     _pykka_debug_add_registry    (PykkaActorRegistry *registry);
void     _pykka_debug_remove_registry (PykkaActorRegistry *registry);


G_END_DECLS
