/* pykka-actor-ref-private.h: what the actor core needs of its ref
 *
 * SPDX-FileCopyrightText: 2026 The pykka-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "pykka-glib.h"
#include "pykka-mailbox-private.h"

G_BEGIN_DECLS

PykkaActorRef *_pykka_actor_ref_new         (PykkaActor    *actor);
PykkaMailbox  *_pykka_actor_ref_get_mailbox (PykkaActorRef *self);
void           _pykka_actor_ref_forget_actor (PykkaActorRef *self);
/* Whether the calling thread is the one that must run the actor (see PykkaDispatcherClass). */
gboolean       _pykka_actor_ref_runs_on_this_thread (PykkaActorRef *self);
/* The GList link a ref carries for one registry at a time, so that registering costs no
 * allocation and no hash table. _pykka_actor_ref_claim_link () gives it to @registry, or
 * NULL if another registry has it; only the registry that has it reads or releases it, under
 * its own lock. */
GList         *_pykka_actor_ref_claim_link   (PykkaActorRef *self,
                                              gpointer       registry);
GList         *_pykka_actor_ref_get_link     (PykkaActorRef *self,
                                              gpointer       registry);
void           _pykka_actor_ref_release_link (PykkaActorRef *self);
/* Whether the actor's runtime has a backlog (see PykkaDispatcherClass.is_backlogged). */
gboolean       _pykka_actor_ref_is_backlogged (PykkaActorRef *self);
/* pykka_actor_ref_ask () that moves @message into the envelope, leaving it unset. */
PykkaFuture   *_pykka_actor_ref_ask_take      (PykkaActorRef *self,
                                              GValue        *message);
/* "{TypeName} ({urn})", owned by the ref. */
const char    *_pykka_actor_ref_describe    (PykkaActorRef *self);

G_END_DECLS
