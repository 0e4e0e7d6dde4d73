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
      gsize value = g_get_num_processors () > 1 ? PYKKA_SPIN_DEFAULT_US : 0;

      if (env != NULL)
        value = g_ascii_strtoull (env, NULL, 10);
      /* g_once wants non-zero: store value + 1. */
      g_once_init_leave (&budget, value + 1);
    }
  return (guint) (budget - 1);
}

/* A spin never shrinks below this (when the budget allows it): a thread that expects the other
 * side within a microsecond or two still sees it without sleeping. */
#define SPIN_FLOOR_US 2
/* While the budget is small, every SPIN_PROBE_EVERY-th wait spins the whole budget once. */
#define SPIN_PROBE_EVERY 32

typedef struct
{
  guint budget;
  guint waits;
  guint initialised : 1;
} SpinState;

static __thread SpinState spin_state;

guint
_pykka_spin_adaptive_budget (void)
{
  SpinState *state = &spin_state;
  guint max = _pykka_spin_budget_us ();

  /* A new thread has no history: it starts at a quarter, because many threads wait only a
   * few times in their life (a thread actor that is asked once and stopped), and each of
   * those first waits would spin in vain for the whole budget. */
  if G_UNLIKELY (!state->initialised)
    {
      state->budget = max / 4;
      state->initialised = TRUE;
    }
  /* Two threads that both spin too little to see each other never find out that a longer
   * spin would succeed: each side sleeps, and each hand-off pays a wake-up. Probing with the
   * whole budget now and then gets them back in step once the CPUs are free again. */
  if (state->budget < max / 4 && ++state->waits % SPIN_PROBE_EVERY == 0)
    return max;
  return state->budget;
}

void
_pykka_spin_adaptive_update (guint    spun_us,
                             gboolean succeeded)
{
  SpinState *state = &spin_state;
  guint max = _pykka_spin_budget_us ();

  if (succeeded)
    state->budget = MIN (max, MAX (spun_us, state->budget * 2 + 1));
  else
    state->budget = MAX (MIN (max, SPIN_FLOOR_US), state->budget / 2);
}
