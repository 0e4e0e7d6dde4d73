/* pykka-mailbox.c: the inbox of an actor
 *
 * SPDX-FileCopyrightText: 2026 The pykka-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "pykka-mailbox-private.h"
#include "pykka-value-private.h"

static PykkaEnvelope *
envelope_alloc (PykkaEnvelopeKind  kind,
                PykkaFuture       *reply_to)
{
  /* GSlice keeps per-thread magazines: envelopes are allocated by senders and freed by the
   * actor's thread, which plain malloc handles with arena locks and consolidation. */
  PykkaEnvelope *envelope = g_slice_new (PykkaEnvelope);

  envelope->next = NULL;
  envelope->kind = kind;
  envelope->reply_to = reply_to != NULL ? g_object_ref (reply_to) : NULL;
  return envelope;
}

PykkaEnvelope *
_pykka_envelope_new (PykkaEnvelopeKind  kind,
                     const GValue      *message,
                     PykkaFuture       *reply_to)
{
  PykkaEnvelope *envelope = envelope_alloc (kind, reply_to);

  if (message != NULL)
    _pykka_value_init_copy (&envelope->message, message);
  else
    memset (&envelope->message, 0, sizeof envelope->message);
  return envelope;
}

PykkaEnvelope *
_pykka_envelope_new_take (PykkaEnvelopeKind  kind,
                          GValue            *message,
                          PykkaFuture       *reply_to)
{
  PykkaEnvelope *envelope = envelope_alloc (kind, reply_to);

  envelope->message = *message;
  memset (message, 0, sizeof *message);
  return envelope;
}

void
_pykka_envelope_free (PykkaEnvelope *envelope)
{
  _pykka_value_clear (&envelope->message);
  g_clear_object (&envelope->reply_to);
  g_slice_free (PykkaEnvelope, envelope);
}

void
_pykka_mailbox_init (PykkaMailbox *self)
{
  g_mutex_init (&self->lock);
}

static void
free_chain (PykkaEnvelope *envelope)
{
  while (envelope != NULL)
    {
      PykkaEnvelope *next = envelope->next;

      _pykka_envelope_free (envelope);
      envelope = next;
    }
}

void
_pykka_mailbox_clear (PykkaMailbox *self)
{
  free_chain (self->batch);
  free_chain (self->head);
  self->batch = self->head = self->tail = NULL;
  g_clear_pointer (&self->dispatcher, _pykka_dispatcher_unref);
  g_mutex_clear (&self->lock);
}

void
_pykka_mailbox_start (PykkaMailbox    *self,
                      PykkaDispatcher *dispatcher,
                      gboolean         run_now)
{
  gboolean schedule;

  g_mutex_lock (&self->lock);
  g_assert (self->dispatcher == NULL);
  /* Written once; _pykka_mailbox_get_dispatcher () reads it without the lock. */
  g_atomic_pointer_set (&self->dispatcher, _pykka_dispatcher_ref (dispatcher));
  schedule = run_now || self->head != NULL;
  self->scheduled = schedule;
  g_mutex_unlock (&self->lock);

  if (schedule)
    dispatcher->klass->schedule (dispatcher);
}

PykkaDispatcher *
_pykka_mailbox_get_dispatcher (PykkaMailbox *self)
{
  return g_atomic_pointer_get (&self->dispatcher);
}

gboolean
_pykka_mailbox_push (PykkaMailbox  *self,
                     PykkaEnvelope *envelope)
{
  PykkaDispatcher *wake = NULL;

  g_assert (envelope->next == NULL);

  g_mutex_lock (&self->lock);
  if G_UNLIKELY (self->closed)
    {
      g_mutex_unlock (&self->lock);
      return FALSE;
    }
  if (self->tail != NULL)
    self->tail->next = envelope;
  else
    self->head = envelope;
  self->tail = envelope;
  self->queued++;
  if (!self->scheduled && self->dispatcher != NULL)
    {
      self->scheduled = TRUE;
      wake = self->dispatcher;
    }
  g_mutex_unlock (&self->lock);

  /* The dispatcher lives as long as the mailbox, which our caller keeps alive. */
  if (wake != NULL)
    wake->klass->schedule (wake);
  return TRUE;
}

PykkaEnvelope *
_pykka_mailbox_pop (PykkaMailbox *self)
{
  PykkaEnvelope *envelope;

  if (self->batch == NULL)
    {
      g_mutex_lock (&self->lock);
      if (self->head == NULL)
        {
          self->scheduled = FALSE;
          g_mutex_unlock (&self->lock);
          return NULL;
        }
      self->batch = self->head;
      g_atomic_int_set (&self->batch_length, self->queued);
      self->head = self->tail = NULL;
      self->queued = 0;
      g_mutex_unlock (&self->lock);
    }

  envelope = self->batch;
  self->batch = envelope->next;
  envelope->next = NULL;
  g_atomic_int_add (&self->batch_length, -1);
  return envelope;
}

gboolean
_pykka_mailbox_close (PykkaMailbox *self)
{
  gboolean was_open;

  g_mutex_lock (&self->lock);
  was_open = !self->closed;
  g_atomic_int_set (&self->closed, TRUE);
  g_mutex_unlock (&self->lock);
  return was_open;
}

gboolean
_pykka_mailbox_is_closed (PykkaMailbox *self)
{
  return g_atomic_int_get (&self->closed);
}

PykkaEnvelope *
_pykka_mailbox_steal_all (PykkaMailbox *self)
{
  PykkaEnvelope *chain;

  g_mutex_lock (&self->lock);
  g_assert (self->closed);
  if (self->batch != NULL)
    {
      PykkaEnvelope *last = self->batch;

      while (last->next != NULL)
        last = last->next;
      last->next = self->head;
      chain = self->batch;
    }
  else
    chain = self->head;
  self->batch = self->head = self->tail = NULL;
  self->queued = 0;
  g_atomic_int_set (&self->batch_length, 0);
  self->scheduled = FALSE;
  g_mutex_unlock (&self->lock);
  return chain;
}

guint
_pykka_mailbox_get_length (PykkaMailbox *self)
{
  guint n;

  g_mutex_lock (&self->lock);
  n = self->queued;
  g_mutex_unlock (&self->lock);
  return n + (guint) g_atomic_int_get (&self->batch_length);
}
