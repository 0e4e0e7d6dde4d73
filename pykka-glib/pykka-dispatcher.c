/* pykka-dispatcher.c: what runs an actor
 *
 * SPDX-FileCopyrightText: 2026 The pykka-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "pykka-dispatcher-private.h"
#include "pykka-spin-private.h"

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

static __thread PykkaDispatcher *current_dispatcher;

void
_pykka_dispatcher_set_current (PykkaDispatcher *self)
{
  current_dispatcher = self;
}

PykkaDispatcher *
_pykka_dispatcher_get_current (void)
{
  return current_dispatcher;
}

guint
_pykka_spin_budget_us (void)
{
  static gsize budget = 0;

  if (g_once_init_enter (&budget))
    {
      const char *env = g_getenv ("PYKKA_SPIN_US");
      gsize value = g_get_num_processors () > 1 ? 50 : 0;

      if (env != NULL)
        value = g_ascii_strtoull (env, NULL, 10);
      /* g_once wants non-zero: store value + 1. */
      g_once_init_leave (&budget, value + 1);
    }
  return (guint) (budget - 1);
}

typedef struct
{
  guint budget;
  guint skipped;
  guint initialised : 1;
} SpinState;

static __thread SpinState spin_state;

guint
_pykka_spin_adaptive_budget (void)
{
  SpinState *state = &spin_state;

  if G_UNLIKELY (!state->initialised)
    {
      state->budget = _pykka_spin_budget_us ();
      state->initialised = TRUE;
    }
  if (state->budget == 0 && _pykka_spin_budget_us () > 0 && ++state->skipped % 64 == 0)
    return 1;
  return state->budget;
}

void
_pykka_spin_adaptive_update (gboolean succeeded)
{
  SpinState *state = &spin_state;
  guint max = _pykka_spin_budget_us ();

  if (succeeded)
    state->budget = MIN (max, state->budget * 2 + 1);
  else
    state->budget /= 2;
}
