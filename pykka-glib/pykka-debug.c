/* pykka-debug.c: the state of actors and the wait-for graph that finds deadlocks
 *
 * SPDX-FileCopyrightText: 2026 The pykka-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include <signal.h>

#include <glib-unix.h>

#include "pykka-actor-private.h"
#include "pykka-actor-ref-private.h"
#include "pykka-debug-private.h"
#include "pykka-init-private.h"
#include "pykka-log-private.h"

/**
 * SECTION:pykka-debug
 * @Title: Debugging
 * @Short_description: what actors are doing, and deadlocks found instead of hung
 *
 * pykka_debug_log_actor_states() logs one MESSAGE record per running actor: its type and URN,
 * its runtime and thread, whether it is handling a message (and which method, for a proxy
 * call), how many messages wait in its inbox, and which actor it is waiting for.
 * pykka_debug_install_signal_handler() makes a Unix signal log them, like Pykka's
 * `log_thread_tracebacks`:
 *
 * |[<!-- language="C" -->
 * pykka_debug_install_signal_handler (SIGUSR1);
 * ]|
 *
 * and then `kill -USR1 <pid>` while the program iterates its main context.
 *
 * The library also keeps a wait-for graph of the actors blocked in pykka_future_get() on
 * futures that other actors must complete (the replies of their asks and proxy calls). When a
 * wait would close a cycle (A waits for B, which waits for A), every wait of the cycle fails at
 * once with %PYKKA_ERROR_DEADLOCK, whose message names the actors in the cycle, and a WARNING
 * is logged. A wait that can never end because the waiting thread is the one that must run
 * the actor that would answer (an actor of a main context waiting for another actor of the
 * same context, or the thread iterating that context waiting for one of its actors) fails the
 * same way. Pykka, by contrast, hangs.
 */

/* The wait-for graph: waiting actor ref → its PykkaWait. */
static GMutex graph_lock;
static GHashTable *graph;

static GMutex registries_lock;
static GPtrArray *registries;

void
_pykka_debug_add_registry (PykkaActorRegistry *registry)
{
  g_mutex_lock (&registries_lock);
  if (registries == NULL)
    registries = g_ptr_array_new ();
  g_ptr_array_add (registries, registry);
  g_mutex_unlock (&registries_lock);
}

void
_pykka_debug_remove_registry (PykkaActorRegistry *registry)
{
  g_mutex_lock (&registries_lock);
  g_ptr_array_remove_fast (registries, registry);
  g_mutex_unlock (&registries_lock);
}

static void
set_deadlock_error (GError    **error,
                    const char *what)
{
  /* TRANSLATORS: %s is the chain of actors, such as "A (urn:…) waits for B (urn:…) waits
   * for A (urn:…)", which is not translated */
  g_set_error (error, PYKKA_ERROR, PYKKA_ERROR_DEADLOCK, _("Deadlock: %s"), what);
}

gboolean
_pykka_wait_begin (PykkaWait    *wait,
                   PykkaFuture  *future,
                   GError      **error)
{
  PykkaActor *current = _pykka_actor_get_current ();
  g_autoptr(GPtrArray) cycle = NULL;
  PykkaActorRef *next;

  memset (wait, 0, sizeof *wait);
  wait->future = future;
  wait->completer = _pykka_future_dup_completer (future);

  if (wait->completer != NULL && _pykka_actor_ref_runs_on_this_thread (wait->completer))
    {
      const char *actor = _pykka_actor_ref_describe (wait->completer);

      /* Log records are not translated; the error is. */
      _pykka_log (G_LOG_LEVEL_WARNING,
                  "Deadlock detected: this thread must run %s, which would complete the future "
                  "it waits for", actor);
      g_set_error (error, PYKKA_ERROR, PYKKA_ERROR_DEADLOCK,
                   _("Deadlock: this thread must run %s, which would complete the future it "
                     "waits for"), actor);
      g_clear_object (&wait->completer);
      return FALSE;
    }

  /* Waits of actors are recorded for the state dump even when no actor will answer them. */
  if (current == NULL)
    return TRUE;
  wait->waiter = pykka_actor_get_actor_ref (current);

  g_mutex_lock (&graph_lock);
  if (graph == NULL)
    graph = g_hash_table_new (NULL, NULL);

  /* Follow the waits from the completer; coming back to us closes a cycle. */
  cycle = g_ptr_array_new ();
  g_ptr_array_add (cycle, wait);
  for (next = wait->completer; next != NULL && next != wait->waiter;)
    {
      PykkaWait *other = g_hash_table_lookup (graph, next);

      /* A wait whose future is completed is over, even if its thread has not woken yet. */
      if (other == NULL || other->completer == NULL || !_pykka_future_is_pending (other->future) ||
          cycle->len > 4096)
        {
          next = NULL;
          break;
        }
      g_ptr_array_add (cycle, other);
      next = other->completer;
    }

  /* Our own future may have been completed since we read its completer: then the actor we
   * found waiting started to wait after answering us (it registered under the graph lock
   * after completing, so the completion is visible here), and there is no cycle. */
  if (next == NULL || !_pykka_future_is_pending (future))
    {
      g_hash_table_insert (graph, wait->waiter, wait);
      g_mutex_unlock (&graph_lock);
      return TRUE;
    }

  {
    GString *names = g_string_new (NULL);
    g_autofree char *description = NULL;

    for (guint i = 0; i < cycle->len; i++)
      {
        PykkaWait *w = cycle->pdata[i];

        g_string_append_printf (names, "%s waits for ", _pykka_actor_ref_describe (w->waiter));
      }
    g_string_append (names, _pykka_actor_ref_describe (wait->waiter));
    description = g_string_free (names, FALSE);
    _pykka_log (G_LOG_LEVEL_WARNING, "Deadlock detected: %s", description);

    /* Fail the other waits of the cycle too: each wakes and finds its flag. The cycle text is
     * published before the flag, so a waiter reads it without the graph lock; the futures are
     * woken after the graph lock is released (a waiter holds its future's lock while it looks
     * at its flag). */
    g_autoptr(GPtrArray) to_wake = g_ptr_array_new_with_free_func (g_object_unref);

    for (guint i = 1; i < cycle->len; i++)
      {
        PykkaWait *other = cycle->pdata[i];

        if (!g_atomic_int_get (&other->deadlocked))
          {
            other->cycle = g_strdup (description);
            g_atomic_int_set (&other->deadlocked, TRUE);
            g_ptr_array_add (to_wake, g_object_ref (other->future));
          }
      }
    g_mutex_unlock (&graph_lock);
    for (guint i = 0; i < to_wake->len; i++)
      _pykka_future_wake_waiters (to_wake->pdata[i]);

    set_deadlock_error (error, description);
    g_clear_object (&wait->completer);
    wait->waiter = NULL;
    return FALSE;
  }
}

void
_pykka_wait_end (PykkaWait *wait)
{
  if (wait->waiter != NULL)
    {
      g_mutex_lock (&graph_lock);
      g_hash_table_remove (graph, wait->waiter);
      g_mutex_unlock (&graph_lock);
    }
  g_clear_object (&wait->completer);
  g_clear_pointer (&wait->cycle, g_free);
}

gboolean
_pykka_wait_is_deadlocked (PykkaWait  *wait,
                           GError    **error)
{
  if (!g_atomic_int_get (&wait->deadlocked))
    return FALSE;
  /* Written before the flag was set (and never again). */
  set_deadlock_error (error, wait->cycle);
  return TRUE;
}

/* The state dump. */

static void
log_actor_state (PykkaActorRef *ref)
{
  g_autoptr(PykkaActor) actor = pykka_actor_ref_dup_actor (ref);
  g_autofree char *state = NULL;
  g_autofree char *waiting = NULL;

  if (actor == NULL)
    return;
  state = _pykka_actor_describe_state (actor);

  g_mutex_lock (&graph_lock);
  if (graph != NULL)
    {
      PykkaWait *wait = g_hash_table_lookup (graph, ref);

      if (wait != NULL && wait->completer != NULL)
        waiting = g_strdup_printf (", waiting for %s", _pykka_actor_ref_describe (wait->completer));
      else if (wait != NULL)
        waiting = g_strdup (", waiting for a future no actor answers");
    }
  g_mutex_unlock (&graph_lock);

  _pykka_log (G_LOG_LEVEL_MESSAGE, "Current state of %s: %s, inbox %u%s",
              _pykka_actor_ref_describe (ref), state,
              _pykka_mailbox_get_length (_pykka_actor_ref_get_mailbox (ref)),
              waiting != NULL ? waiting : "");
}

/**
 * pykka_debug_log_actor_states:
 *
 * Logs, at %G_LOG_LEVEL_MESSAGE in the `pykka` domain, one record per actor registered in
 * any registry: `Current state of {actor}: {runtime} on {thread}, {state}, inbox {n}` followed
 * by what it handles and what it waits for. Safe to call from any thread at any time.
 *
 * Since: 0.1
 */
void
pykka_debug_log_actor_states (void)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);

  g_mutex_lock (&registries_lock);
  for (guint i = 0; registries != NULL && i < registries->len; i++)
    {
      g_autoptr(GPtrArray) refs = pykka_actor_registry_get_all (registries->pdata[i]);

      for (guint j = 0; j < refs->len; j++)
        g_ptr_array_add (all, g_object_ref (refs->pdata[j]));
    }
  g_mutex_unlock (&registries_lock);

  _pykka_log (G_LOG_LEVEL_MESSAGE, "%u actors are running", all->len);
  for (guint i = 0; i < all->len; i++)
    log_actor_state (all->pdata[i]);
}

static gboolean
on_signal (gpointer user_data)
{
  pykka_debug_log_actor_states ();
  return G_SOURCE_CONTINUE;
}

/**
 * pykka_debug_install_signal_handler:
 * @signum: a signal that g_unix_signal_add() supports, such as `SIGUSR1`
 *
 * Makes @signum log the state of every actor (pykka_debug_log_actor_states()). The handler
 * runs on the global default main context, which must be iterated.
 *
 * Returns: the id of the source; remove it with g_source_remove()
 *
 * Since: 0.1
 */
guint
pykka_debug_install_signal_handler (int signum)
{
  g_return_val_if_fail (signum == SIGHUP || signum == SIGINT || signum == SIGTERM ||
                        signum == SIGUSR1 || signum == SIGUSR2 || signum == SIGWINCH, 0);

  return g_unix_signal_add (signum, on_signal, NULL);
}
