/* pykka-spin-private.h: bounded busy-waiting before sleeping
 *
 * SPDX-FileCopyrightText: 2026 The pykka-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Waking a thread that sleeps on another CPU costs 7–12 µs on the machines this was measured
 * on, a syscall about 1 µs. A waiter that expects its event soon therefore checks for it for a
 * short, bounded time before it sleeps, so that the other side can hand over without a
 * wake-up. Never on a single CPU, where spinning only delays the thread that would set the
 * flag. */

#if defined(__x86_64__) || defined(__i386__)
# define _pykka_cpu_relax() __builtin_ia32_pause ()
#elif defined(__aarch64__)
# define _pykka_cpu_relax() __asm__ __volatile__ ("yield" ::: "memory")
#else
# define _pykka_cpu_relax() G_STMT_START { } G_STMT_END
#endif

/* The longest spin, in microseconds: PYKKA_SPIN_DEFAULT_US, 0 on a single CPU; PYKKA_SPIN_US
 * overrides it. It has to be longer than a wake-up (which was measured at 7-12 µs on quiet
 * machines and at 60-150 µs on busy virtual ones): a thread that went to sleep can only get
 * back in step with its peer if the peer spins for as long as the wake-up takes. */
#define PYKKA_SPIN_DEFAULT_US 200
guint _pykka_spin_budget_us (void);

/* How long this thread spins now: it starts at a quarter of _pykka_spin_budget_us (), halves
 * after a spin that found nothing (the other side was slow, or the CPUs are busy), down to
 * 2 µs, and doubles after one that succeeded, up to the maximum. While it is below a quarter
 * of the maximum, every 32nd wait spins the maximum once (a probe), which is how a pair of
 * threads that both sleep finds its way back to hand-offs without wake-ups. */
guint _pykka_spin_adaptive_budget (void);
void  _pykka_spin_adaptive_update (guint    spun_us,
                                   gboolean succeeded);

/* Spins until *@flag is non-zero or @budget_us passed; returns whether the flag was seen. */
static inline gboolean
_pykka_spin_on_int (const gint *flag,
                    guint       budget_us)
{
  gint64 deadline;

  if (budget_us == 0)
    return g_atomic_int_get (flag) != 0;
  deadline = g_get_monotonic_time () + budget_us;
  for (;;)
    {
      for (guint i = 0; i < 64; i++)
        {
          if (g_atomic_int_get (flag) != 0)
            return TRUE;
          _pykka_cpu_relax ();
        }
      if (g_get_monotonic_time () >= deadline)
        return g_atomic_int_get (flag) != 0;
    }
}

/* _pykka_spin_on_int () with the adaptive budget of this thread. */
static inline gboolean
_pykka_spin_adaptive (const gint *flag,
                      gint64      limit_us)
{
  guint budget = _pykka_spin_adaptive_budget ();
  gboolean seen;

  if (limit_us >= 0 && (gint64) budget > limit_us)
    budget = (guint) limit_us;
  if (budget == 0)
    return g_atomic_int_get (flag) != 0;
  seen = _pykka_spin_on_int (flag, budget);
  _pykka_spin_adaptive_update (budget, seen);
  return seen;
}

G_END_DECLS
