/* pykka-mailbox-private.h: the inbox of an actor
 *
 * SPDX-FileCopyrightText: 2026 The pykka-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "pykka-glib.h"
#include "pykka-dispatcher-private.h"

G_BEGIN_DECLS

typedef enum
{
  PYKKA_ENVELOPE_MESSAGE,
  PYKKA_ENVELOPE_STOP,
} PykkaEnvelopeKind;

typedef struct _PykkaEnvelope PykkaEnvelope;
struct _PykkaEnvelope
{
  PykkaEnvelope     *next;
  PykkaFuture       *reply_to;   /* owned; NULL for a tell */
  PykkaEnvelopeKind  kind;
  GValue             message;
};

PykkaEnvelope *_pykka_envelope_new  (PykkaEnvelopeKind  kind,
                                     const GValue      *message,
                                     PykkaFuture       *reply_to);
/* _pykka_envelope_new () that moves @message into the envelope, leaving it unset. */
PykkaEnvelope *_pykka_envelope_new_take (PykkaEnvelopeKind  kind,
                                         GValue            *message,
                                         PykkaFuture       *reply_to);
void           _pykka_envelope_free (PykkaEnvelope     *envelope);

/* An unbounded multi-producer, single-consumer FIFO with a "closed" flag.
 *
 * Producers push from any thread. The one consumer (whatever runtime drives the actor) pops.
 * The mailbox also tracks whether the actor is "scheduled": a push that finds the mailbox idle
 * marks it scheduled and asks the dispatcher to run the actor; pops that find it empty mark it
 * idle again. So a dispatcher is woken once per burst of messages, not once per message.
 * Once closed, pushes fail: a message is either in the mailbox before it closes (and then
 * handled or answered by the teardown) or refused to its sender — never lost. */
typedef struct
{
  GMutex           lock;
  PykkaEnvelope   *head;
  PykkaEnvelope   *tail;
  PykkaEnvelope   *batch;       /* consumer-private: envelopes taken out in one swap */
  guint            queued;      /* in head..tail */
  gint             batch_length;/* in batch; atomic, for debugging */
  gint             closed;      /* atomic; written under the lock */
  gboolean         scheduled;
  PykkaDispatcher *dispatcher;  /* owned; set once when the actor starts */
} PykkaMailbox;

void           _pykka_mailbox_init           (PykkaMailbox    *self);
void           _pykka_mailbox_clear          (PykkaMailbox    *self);
/* Hands the mailbox to its dispatcher. The first run (which runs on_start) is scheduled now
 * if @run_now or messages are waiting, else by the first message. */
void           _pykka_mailbox_start          (PykkaMailbox    *self,
                                              PykkaDispatcher *dispatcher,
                                              gboolean         run_now);
/* The dispatcher (transfer none), or NULL before the start; any thread. */
PykkaDispatcher *_pykka_mailbox_get_dispatcher (PykkaMailbox  *self);
gboolean       _pykka_mailbox_push           (PykkaMailbox    *self,
                                              PykkaEnvelope   *envelope);
PykkaEnvelope *_pykka_mailbox_pop            (PykkaMailbox    *self);
/* Closes the mailbox; returns FALSE if it was closed already. */
gboolean       _pykka_mailbox_close          (PykkaMailbox    *self);
gboolean       _pykka_mailbox_is_closed      (PykkaMailbox    *self);
/* Takes everything left after closing (consumer only), oldest first. */
PykkaEnvelope *_pykka_mailbox_steal_all      (PykkaMailbox    *self);
guint          _pykka_mailbox_get_length     (PykkaMailbox    *self);

G_END_DECLS
