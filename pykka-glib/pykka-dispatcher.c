/* pykka-dispatcher.c: what runs an actor
 *
 * SPDX-FileCopyrightText: 2026 The pykka-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "pykka-dispatcher-private.h"

void
_pykka_dispatcher_init (PykkaDispatcher            *self,
                        const PykkaDispatcherClass *klass)
{
  self->klass = klass;
  g_atomic_ref_count_init (&self->ref_count);
}

PykkaDispatcher *
_pykka_dispatcher_ref (PykkaDispatcher *self)
{
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
_pykka_dispatcher_unref (PykkaDispatcher *self)
{
  if (g_atomic_ref_count_dec (&self->ref_count))
    self->klass->finalize (self);
}
