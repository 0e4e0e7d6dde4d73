/* pykka-future.c: single-assignment results
 *
 * SPDX-FileCopyrightText: 2026 The pykka-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "pykka-actor-ref-private.h"
#include "pykka-debug-private.h"
#include "pykka-dispatcher-private.h"
#include "pykka-future-private.h"
#include "pykka-init-private.h"
#include "pykka-spin-private.h"
#include "pykka-value-private.h"

/**
 * SECTION:pykka-future
 * @Title: PykkaFuture
 * @Short_description: a value that arrives later
 *
 * A #PykkaFuture holds the reply of an ask, the result of a proxy call, or any value that a
 * thread completes for others. It is completed once, by pykka_future_set(),
 * pykka_future_set_error() or a get hook (pykka_future_set_get_hook()); a second attempt
 * fails with %PYKKA_ERROR_ALREADY_SET. pykka_future_get() may be called any number of times,
 * from any number of threads at once, and gives every caller the same value or the same
 * error.
 *
 * pykka_future_map(), pykka_future_filter(), pykka_future_reduce() and pykka_future_join()
 * make new futures whose value is computed lazily, once, by the first get; the timeout of
 * that get is passed on to the futures they read.
 *
 * A blocking get on the thread that must complete the future could never end: when the
 * library can tell (the future is the reply of an actor that this very thread runs, such as an
 * actor of a main context this thread iterates), the get fails at once with
 * %PYKKA_ERROR_DEADLOCK; otherwise it can only time out. Use pykka_future_get_async() there.
 */

/**
 * PykkaFuture:
 *
 * A value or an error that is completed once and read any number of times. It has no public
 * fields.
 *
 * Since: 0.1
 */

typedef enum
{
  STATE_PENDING,
  STATE_VALUE,
  STATE_ERROR,
} FutureState;

struct _PykkaFuture
{
  GObject        parent_instance;

  GMutex         lock;
  GCond          cond;
  gint           state;            /* FutureState; written under the lock, read atomically */
  guint          n_waiters;
  guint          claimed : 1;       /* a setter or hook was given */
  guint          hook_running : 1;
  GValue         value;
  GError        *error;
  PykkaGetHook   hook;
  gpointer       hook_data;
  GDestroyNotify hook_notify;
  GSList        *waiters;          /* Waiter: called once completed, on the completing thread */
  PykkaActorRef *completer;        /* the actor that will complete it, while pending */
};

typedef void (*ReadyFunc) (gpointer data);

typedef struct
{
  ReadyFunc func;
  gpointer  data;
} Waiter;

G_DEFINE_FINAL_TYPE (PykkaFuture, pykka_future, G_TYPE_OBJECT)

static void
release_hook (PykkaFuture *self)
{
  GDestroyNotify notify = self->hook_notify;
  gpointer data = self->hook_data;

  self->hook = NULL;
  self->hook_data = NULL;
  self->hook_notify = NULL;
  if (notify != NULL)
    notify (data);
}

static void
pykka_future_finalize (GObject *object)
{
  PykkaFuture *self = PYKKA_FUTURE (object);

  release_hook (self);
  g_clear_object (&self->completer);
  if (G_IS_VALUE (&self->value))
    g_value_unset (&self->value);
  g_clear_error (&self->error);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->cond);

  G_OBJECT_CLASS (pykka_future_parent_class)->finalize (object);
}

static void
pykka_future_class_init (PykkaFutureClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pykka_future_finalize;
}

static void
pykka_future_init (PykkaFuture *self)
{
  g_mutex_init (&self->lock);
  g_cond_init (&self->cond);
}

/**
 * pykka_future_new:
 *
 * Creates a future that nothing has completed yet.
 *
 * Returns: (transfer full): a new #PykkaFuture
 *
 * Since: 0.1
 */
PykkaFuture *
pykka_future_new (void)
{
  return g_object_new (PYKKA_TYPE_FUTURE, NULL);
}

void
_pykka_set_timeout_error (GError **error,
                          gint64   timeout_us)
{
  g_set_error (error, PYKKA_ERROR, PYKKA_ERROR_TIMEOUT,
               _("Future was not completed within %g seconds"),
               (double) timeout_us / G_USEC_PER_SEC);
}

/* Stores the outcome; called with the lock held on a pending future. */
static void
store_locked (PykkaFuture *self,
              GValue      *value,
              GError      *error)
{
  g_assert (self->state == STATE_PENDING);

  if (error != NULL)
    {
      self->error = error;
      g_atomic_int_set (&self->state, STATE_ERROR);
      if (value != NULL)
        _pykka_value_clear (value);
    }
  else
    {
      if (value != NULL && _PYKKA_VALUE_IS_SET (value))
        {
          /* Move the value without copying it. */
          self->value = *value;
          memset (value, 0, sizeof *value);
        }
      else
        pykka_value_init_none (&self->value);
      g_atomic_int_set (&self->state, STATE_VALUE);
    }
  if (self->n_waiters > 0)
    g_cond_broadcast (&self->cond);
}

/* Runs the waiters taken from a future that has just been completed (without its lock). */
static void
run_waiters (GSList *waiters)
{
  /* They were prepended: run them in registration order. */
  waiters = g_slist_reverse (waiters);
  for (GSList *l = waiters; l != NULL; l = l->next)
    {
      Waiter *waiter = l->data;

      waiter->func (waiter->data);
      g_free (waiter);
    }
  g_slist_free (waiters);
}

void
_pykka_future_set_completer (PykkaFuture   *self,
                             PykkaActorRef *completer)
{
  g_mutex_lock (&self->lock);
  g_set_object (&self->completer, completer);
  g_mutex_unlock (&self->lock);
}

PykkaActorRef *
_pykka_future_dup_completer (PykkaFuture *self)
{
  PykkaActorRef *completer;

  g_mutex_lock (&self->lock);
  completer = self->state == STATE_PENDING && self->completer != NULL
              ? g_object_ref (self->completer) : NULL;
  g_mutex_unlock (&self->lock);
  return completer;
}

gboolean
_pykka_future_is_pending (PykkaFuture *self)
{
  return g_atomic_int_get (&self->state) == STATE_PENDING;
}

void
_pykka_future_wake_waiters (PykkaFuture *self)
{
  g_mutex_lock (&self->lock);
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->lock);
}

gboolean
_pykka_future_complete (PykkaFuture *self,
                        GValue      *value,
                        GError      *error)
{
  GSList *waiters;
  PykkaActorRef *completer;

  g_mutex_lock (&self->lock);
  if (self->claimed)
    {
      g_mutex_unlock (&self->lock);
      if (error != NULL)
        g_error_free (error);
      if (value != NULL)
        _pykka_value_clear (value);
      return FALSE;
    }
  self->claimed = TRUE;
  completer = g_steal_pointer (&self->completer);
  if (completer != NULL)
    {
      /* Let go of the completer before anyone can see the value: a caller that got its reply
       * finds the ref as it was before the ask. */
      g_mutex_unlock (&self->lock);
      g_object_unref (completer);
      g_mutex_lock (&self->lock);
    }
  store_locked (self, value, error);
  waiters = g_steal_pointer (&self->waiters);
  g_mutex_unlock (&self->lock);

  run_waiters (waiters);
  return TRUE;
}

PykkaFuture *
_pykka_future_new_failed (GError *error)
{
  PykkaFuture *future = pykka_future_new ();

  _pykka_future_complete (future, NULL, error);
  return future;
}

static void
set_already_set_error (GError **error)
{
  g_set_error_literal (error, PYKKA_ERROR, PYKKA_ERROR_ALREADY_SET,
                       _("The future has already been completed"));
}

/**
 * pykka_future_set:
 * @self: a #PykkaFuture
 * @value: (nullable): the value (copied); %NULL means None
 * @error: return location for a #GError
 *
 * Completes @self with @value and wakes every thread waiting in pykka_future_get().
 *
 * Returns: %TRUE on success; %FALSE with %PYKKA_ERROR_ALREADY_SET if @self was completed
 *   before or has a get hook
 *
 * Since: 0.1
 */
gboolean
pykka_future_set (PykkaFuture   *self,
                  const GValue  *value,
                  GError       **error)
{
  GValue copy = G_VALUE_INIT;

  g_return_val_if_fail (PYKKA_IS_FUTURE (self), FALSE);
  g_return_val_if_fail (value == NULL || G_IS_VALUE (value), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (value != NULL)
    {
      g_value_init (&copy, G_VALUE_TYPE (value));
      g_value_copy (value, &copy);
    }
  if (!_pykka_future_complete (self, &copy, NULL))
    {
      set_already_set_error (error);
      return FALSE;
    }
  return TRUE;
}

/**
 * pykka_future_set_error:
 * @self: a #PykkaFuture
 * @error: the error to complete @self with (copied)
 * @set_error: return location for a #GError about the set itself
 *
 * Completes @self with @error: every get fails with a copy of it.
 *
 * Returns: %TRUE on success; %FALSE with %PYKKA_ERROR_ALREADY_SET if @self was completed
 *   before or has a get hook
 *
 * Since: 0.1
 */
gboolean
pykka_future_set_error (PykkaFuture   *self,
                        const GError  *error,
                        GError       **set_error)
{
  g_return_val_if_fail (PYKKA_IS_FUTURE (self), FALSE);
  g_return_val_if_fail (error != NULL, FALSE);
  g_return_val_if_fail (set_error == NULL || *set_error == NULL, FALSE);

  if (!_pykka_future_complete (self, NULL, g_error_copy (error)))
    {
      set_already_set_error (set_error);
      return FALSE;
    }
  return TRUE;
}

/**
 * pykka_future_set_get_hook:
 * @self: a #PykkaFuture
 * @hook: (scope notified) (closure user_data) (destroy notify): computes the value
 * @user_data: data for @hook
 * @notify: (nullable): frees @user_data
 * @error: return location for a #GError
 *
 * Makes @self compute its value with @hook, lazily, on the thread of the first
 * pykka_future_get(), which passes its timeout to @hook. The outcome is kept, also when it is
 * None or an error, except a %PYKKA_ERROR_TIMEOUT, after which the next get calls @hook again.
 * A future with a get hook cannot be set.
 *
 * Returns: %TRUE on success; %FALSE with %PYKKA_ERROR_ALREADY_SET if @self was completed
 *   before or has a get hook already
 *
 * Since: 0.1
 */
gboolean
pykka_future_set_get_hook (PykkaFuture     *self,
                           PykkaGetHook     hook,
                           gpointer         user_data,
                           GDestroyNotify   notify,
                           GError         **error)
{
  g_return_val_if_fail (PYKKA_IS_FUTURE (self), FALSE);
  g_return_val_if_fail (hook != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_mutex_lock (&self->lock);
  if (self->claimed)
    {
      g_mutex_unlock (&self->lock);
      set_already_set_error (error);
      return FALSE;
    }
  self->claimed = TRUE;
  self->hook = hook;
  self->hook_data = user_data;
  self->hook_notify = notify;
  g_mutex_unlock (&self->lock);
  return TRUE;
}

/**
 * pykka_future_is_done:
 * @self: a #PykkaFuture
 *
 * Tells whether a get of @self would return without waiting: @self holds its value or
 * error, or it is made by pykka_future_map() and the other combinators from futures that
 * are all done. A future with a get hook of your own is not done before its first get.
 *
 * Returns: %TRUE if a get would return without waiting
 *
 * Since: 0.1
 */
static gboolean is_ready (PykkaFuture *self);

gboolean
pykka_future_is_done (PykkaFuture *self)
{
  g_return_val_if_fail (PYKKA_IS_FUTURE (self), FALSE);

  return is_ready (self);
}

/**
 * pykka_future_get:
 * @self: a #PykkaFuture
 * @timeout_us: how long to wait, in microseconds; negative waits forever, 0 does not wait
 * @value: (out caller-allocates): the value of the future
 * @error: return location for a #GError
 *
 * Waits until @self is completed and copies its value into @value. Fails with the error
 * @self was completed with, or %PYKKA_ERROR_TIMEOUT. On failure @value holds None.
 *
 * Returns: (skip): %TRUE on success
 *
 * Since: 0.1
 */
gboolean
pykka_future_get (PykkaFuture  *self,
                  gint64        timeout_us,
                  GValue       *value,
                  GError      **error)
{
  gint64 deadline = 0;
  gboolean blocking = FALSE;
  gboolean spun = FALSE;
  PykkaWait wait;
  gboolean ok;

  g_return_val_if_fail (PYKKA_IS_FUTURE (self), FALSE);
  g_return_val_if_fail (value != NULL && !G_IS_VALUE (value), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (timeout_us > 0)
    deadline = g_get_monotonic_time () + timeout_us;

  g_mutex_lock (&self->lock);
  for (;;)
    {
      if (self->state == STATE_VALUE)
        {
          _pykka_value_init_copy (value, &self->value);
          ok = TRUE;
          break;
        }
      if (self->state == STATE_ERROR)
        {
          g_propagate_error (error, g_error_copy (self->error));
          ok = FALSE;
          break;
        }

      if (self->hook != NULL && !self->hook_running)
        {
          GValue result = G_VALUE_INIT;
          GError *hook_error = NULL;

          self->hook_running = TRUE;
          g_mutex_unlock (&self->lock);
          self->hook (timeout_us, &result, self->hook_data, &hook_error);
          g_mutex_lock (&self->lock);
          self->hook_running = FALSE;

          if (hook_error != NULL &&
              g_error_matches (hook_error, PYKKA_ERROR, PYKKA_ERROR_TIMEOUT))
            {
              /* Not kept: a later get may find the sources completed. */
              if (G_IS_VALUE (&result))
                g_value_unset (&result);
              if (self->n_waiters > 0)
                g_cond_broadcast (&self->cond);
              g_propagate_error (error, hook_error);
              ok = FALSE;
              break;
            }
          store_locked (self, &result, hook_error);
          {
            GSList *waiters = g_steal_pointer (&self->waiters);

            g_mutex_unlock (&self->lock);
            release_hook (self);
            run_waiters (waiters);
          }
          g_mutex_lock (&self->lock);
          continue;
        }

      if (timeout_us == 0)
        {
          _pykka_set_timeout_error (error, timeout_us);
          ok = FALSE;
          break;
        }

      if (!blocking)
        {
          /* A reply usually comes soon: look for it for a short while before sleeping (and
           * before a pool worker lends its place). Not when the actor's runtime has a
           * backlog: the reply comes late anyway, and the spin would take a CPU from the
           * workers that clear the backlog. */
          if (self->hook == NULL && !spun &&
              (self->completer == NULL || !_pykka_actor_ref_is_backlogged (self->completer)))
            {
              gboolean done;

              spun = TRUE;
              g_mutex_unlock (&self->lock);
              done = _pykka_spin_adaptive (&self->state, timeout_us);
              g_mutex_lock (&self->lock);
              if (done)
                continue;
            }
          g_mutex_unlock (&self->lock);
          if (!_pykka_wait_begin (&wait, self, error))
            {
              g_mutex_lock (&self->lock);
              ok = FALSE;
              break;
            }
          blocking = TRUE;
          _pykka_blocking_begin ();
          g_mutex_lock (&self->lock);
          continue;
        }
      if (_pykka_wait_is_deadlocked (&wait, error))
        {
          ok = FALSE;
          break;
        }
      self->n_waiters++;
      if (timeout_us < 0)
        g_cond_wait (&self->cond, &self->lock);
      else if (!g_cond_wait_until (&self->cond, &self->lock, deadline) &&
               self->state == STATE_PENDING &&
               (self->hook == NULL || self->hook_running))
        {
          self->n_waiters--;
          _pykka_set_timeout_error (error, timeout_us);
          ok = FALSE;
          break;
        }
      self->n_waiters--;
    }
  g_mutex_unlock (&self->lock);

  if (blocking)
    {
      _pykka_blocking_end ();
      _pykka_wait_end (&wait);
    }
  if (!ok)
    pykka_value_init_none (value);
  return ok;
}

/* Combinators: each is a future with a get hook that reads its sources. */

typedef struct
{
  PykkaFuture    *source;
  GPtrArray      *others;      /* join: more sources */
  gpointer        func;
  gpointer        user_data;
  GDestroyNotify  notify;
  GValue          initial;     /* reduce: unset when none */
} Combinator;

static void
combinator_free (gpointer data)
{
  Combinator *c = data;

  g_clear_object (&c->source);
  g_clear_pointer (&c->others, g_ptr_array_unref);
  if (c->notify != NULL)
    c->notify (c->user_data);
  if (G_IS_VALUE (&c->initial))
    g_value_unset (&c->initial);
  g_free (c);
}

static PykkaFuture *
combinator_future (PykkaFuture    *source,
                   PykkaGetHook    hook,
                   gpointer        func,
                   gpointer        user_data,
                   GDestroyNotify  notify,
                   Combinator    **out)
{
  PykkaFuture *future = pykka_future_new ();
  Combinator *c = g_new0 (Combinator, 1);

  c->source = g_object_ref (source);
  c->func = func;
  c->user_data = user_data;
  c->notify = notify;
  pykka_future_set_get_hook (future, hook, c, combinator_free, NULL);
  if (out != NULL)
    *out = c;
  return future;
}

static void
map_hook (gint64    timeout_us,
          GValue   *result,
          gpointer  user_data,
          GError  **error)
{
  Combinator *c = user_data;
  g_auto(GValue) value = G_VALUE_INIT;

  if (!pykka_future_get (c->source, timeout_us, &value, error))
    return;
  ((PykkaMapFunc) c->func) (&value, result, c->user_data, error);
}

/**
 * pykka_future_map:
 * @self: a #PykkaFuture
 * @func: (scope notified) (closure user_data) (destroy notify): maps the value
 * @user_data: data for @func
 * @notify: (nullable): frees @user_data
 *
 * Makes a future whose value is @func applied to the whole value of @self. @func runs once,
 * on the thread of the first get of the new future. An error of @self or of @func becomes the
 * error of the new future.
 *
 * Returns: (transfer full): a new #PykkaFuture
 *
 * Since: 0.1
 */
PykkaFuture *
pykka_future_map (PykkaFuture    *self,
                  PykkaMapFunc    func,
                  gpointer        user_data,
                  GDestroyNotify  notify)
{
  g_return_val_if_fail (PYKKA_IS_FUTURE (self), NULL);
  g_return_val_if_fail (func != NULL, NULL);

  return combinator_future (self, map_hook, func, user_data, notify, NULL);
}

static GPtrArray *
get_source_list (Combinator *c,
                 gint64      timeout_us,
                 GValue     *value,
                 GError    **error)
{
  GPtrArray *list;

  if (!pykka_future_get (c->source, timeout_us, value, error))
    return NULL;
  list = pykka_value_get_list (value);
  if (list == NULL)
    g_set_error (error, PYKKA_ERROR, PYKKA_ERROR_NOT_ITERABLE,
                 _("A value of type “%s” is not a list"), G_VALUE_TYPE_NAME (value));
  return list;
}

static void
filter_hook (gint64    timeout_us,
             GValue   *result,
             gpointer  user_data,
             GError  **error)
{
  Combinator *c = user_data;
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GPtrArray) kept = NULL;
  GPtrArray *list;

  if ((list = get_source_list (c, timeout_us, &value, error)) == NULL)
    return;

  kept = pykka_value_list_new ();
  for (guint i = 0; i < list->len; i++)
    {
      GError *local_error = NULL;
      const GValue *item = g_ptr_array_index (list, i);

      if (((PykkaFilterFunc) c->func) (item, c->user_data, &local_error))
        pykka_value_list_append (kept, item);
      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return;
        }
    }
  pykka_value_init_list (result, kept);
}

/**
 * pykka_future_filter:
 * @self: a #PykkaFuture whose value is a list
 * @func: (scope notified) (closure user_data) (destroy notify): decides what is kept
 * @user_data: data for @func
 * @notify: (nullable): frees @user_data
 *
 * Makes a future whose value is the list of the elements of the value of @self for which
 * @func returns %TRUE. Fails with %PYKKA_ERROR_NOT_ITERABLE if that value is not a list.
 *
 * Returns: (transfer full): a new #PykkaFuture
 *
 * Since: 0.1
 */
PykkaFuture *
pykka_future_filter (PykkaFuture     *self,
                     PykkaFilterFunc  func,
                     gpointer         user_data,
                     GDestroyNotify   notify)
{
  g_return_val_if_fail (PYKKA_IS_FUTURE (self), NULL);
  g_return_val_if_fail (func != NULL, NULL);

  return combinator_future (self, filter_hook, func, user_data, notify, NULL);
}

static void
reduce_hook (gint64    timeout_us,
             GValue   *result,
             gpointer  user_data,
             GError  **error)
{
  Combinator *c = user_data;
  g_auto(GValue) value = G_VALUE_INIT;
  g_auto(GValue) accumulator = G_VALUE_INIT;
  GPtrArray *list;
  guint i = 0;

  if ((list = get_source_list (c, timeout_us, &value, error)) == NULL)
    return;

  if (G_IS_VALUE (&c->initial))
    {
      g_value_init (&accumulator, G_VALUE_TYPE (&c->initial));
      g_value_copy (&c->initial, &accumulator);
    }
  else if (list->len == 0)
    {
      g_set_error_literal (error, PYKKA_ERROR, PYKKA_ERROR_INVALID_ARGUMENT,
                           _("Cannot reduce an empty list without an initial value"));
      return;
    }
  else
    {
      const GValue *first = g_ptr_array_index (list, 0);

      g_value_init (&accumulator, G_VALUE_TYPE (first));
      g_value_copy (first, &accumulator);
      i = 1;
    }

  for (; i < list->len; i++)
    {
      GValue next = G_VALUE_INIT;
      GError *local_error = NULL;

      ((PykkaReduceFunc) c->func) (&accumulator, g_ptr_array_index (list, i), &next,
                                   c->user_data, &local_error);
      if (local_error != NULL)
        {
          if (G_IS_VALUE (&next))
            g_value_unset (&next);
          g_propagate_error (error, local_error);
          return;
        }
      g_value_unset (&accumulator);
      if (G_IS_VALUE (&next))
        accumulator = next;
      else
        pykka_value_init_none (&accumulator);
    }

  *result = accumulator;
  memset (&accumulator, 0, sizeof accumulator);
}

/**
 * pykka_future_reduce:
 * @self: a #PykkaFuture whose value is a list
 * @func: (scope notified) (closure user_data) (destroy notify): combines two values
 * @initial: (nullable): the start value; %NULL starts with the first element
 * @user_data: data for @func
 * @notify: (nullable): frees @user_data
 *
 * Makes a future whose value is the elements of the value of @self combined from the left by
 * @func, like Python's functools.reduce(). An empty list gives @initial, or fails with
 * %PYKKA_ERROR_INVALID_ARGUMENT without one; a value that is not a list fails with
 * %PYKKA_ERROR_NOT_ITERABLE.
 *
 * Returns: (transfer full): a new #PykkaFuture
 *
 * Since: 0.1
 */
PykkaFuture *
pykka_future_reduce (PykkaFuture     *self,
                     PykkaReduceFunc  func,
                     const GValue    *initial,
                     gpointer         user_data,
                     GDestroyNotify   notify)
{
  PykkaFuture *future;
  Combinator *c;

  g_return_val_if_fail (PYKKA_IS_FUTURE (self), NULL);
  g_return_val_if_fail (func != NULL, NULL);
  g_return_val_if_fail (initial == NULL || G_IS_VALUE (initial), NULL);

  future = combinator_future (self, reduce_hook, func, user_data, notify, &c);
  if (initial != NULL)
    {
      g_value_init (&c->initial, G_VALUE_TYPE (initial));
      g_value_copy (initial, &c->initial);
    }
  return future;
}

static gboolean
get_all_into (PykkaFuture * const *futures,
              guint                n_futures,
              gint64               timeout_us,
              GPtrArray           *list,
              GError             **error)
{
  for (guint i = 0; i < n_futures; i++)
    {
      GValue *value = g_new0 (GValue, 1);

      g_ptr_array_add (list, value);
      if (!pykka_future_get (futures[i], timeout_us, value, error))
        return FALSE;
    }
  return TRUE;
}

static void
join_hook (gint64    timeout_us,
           GValue   *result,
           gpointer  user_data,
           GError  **error)
{
  Combinator *c = user_data;
  g_autoptr(GPtrArray) list = pykka_value_list_new ();

  if (get_all_into ((PykkaFuture * const *) c->others->pdata, c->others->len, timeout_us,
                    list, error))
    pykka_value_init_list (result, list);
}

/**
 * pykka_future_join:
 * @self: a #PykkaFuture
 * @others: (array length=n_others): more futures
 * @n_others: the length of @others
 *
 * Makes a future whose value is the list of the values of @self and @others, in that order.
 * The first error of any of them becomes its error.
 *
 * Returns: (transfer full): a new #PykkaFuture
 *
 * Since: 0.1
 */
PykkaFuture *
pykka_future_join (PykkaFuture        *self,
                   PykkaFuture * const *others,
                   guint               n_others)
{
  PykkaFuture *future;
  Combinator *c;

  g_return_val_if_fail (PYKKA_IS_FUTURE (self), NULL);
  g_return_val_if_fail (others != NULL || n_others == 0, NULL);
  for (guint i = 0; i < n_others; i++)
    g_return_val_if_fail (PYKKA_IS_FUTURE (others[i]), NULL);

  future = combinator_future (self, join_hook, NULL, NULL, NULL, &c);
  c->others = g_ptr_array_new_full (n_others + 1, g_object_unref);
  g_ptr_array_add (c->others, g_object_ref (self));
  for (guint i = 0; i < n_others; i++)
    g_ptr_array_add (c->others, g_object_ref (others[i]));
  return future;
}

/**
 * pykka_future_get_all:
 * @futures: (array length=n_futures): the futures to read
 * @n_futures: the length of @futures
 * @timeout_us: the timeout for each future, in microseconds; negative waits forever
 * @values: (out) (transfer container) (element-type GValue) (optional): the values, in order
 * @error: return location for a #GError
 *
 * Gets the value of every future in @futures. The timeout applies to each future in turn.
 *
 * Returns: (skip): %TRUE if every future gave a value; otherwise the first error
 *
 * Since: 0.1
 */
gboolean
pykka_future_get_all (PykkaFuture * const *futures,
                      guint                n_futures,
                      gint64               timeout_us,
                      GPtrArray          **values,
                      GError             **error)
{
  g_autoptr(GPtrArray) list = NULL;

  g_return_val_if_fail (futures != NULL || n_futures == 0, FALSE);
  for (guint i = 0; i < n_futures; i++)
    g_return_val_if_fail (PYKKA_IS_FUTURE (futures[i]), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  list = pykka_value_list_new ();
  if (!get_all_into (futures, n_futures, timeout_us, list, error))
    {
      if (values != NULL)
        *values = NULL;
      return FALSE;
    }
  if (values != NULL)
    *values = g_steal_pointer (&list);
  return TRUE;
}

/* Asynchronous gets.
 *
 * A plain future completes its GTask from the thread that completes the future; GTask then
 * runs the callback on the context the caller had when it asked. A future computed by
 * map/filter/reduce/join waits (without blocking anyone) until the plain futures it reads
 * are completed, then computes its value on the caller's context, so that the functions given
 * to the combinators run on the thread that registered them. A future with a get hook of the
 * caller's own is computed on a worker thread, as the hook may block. */

static gboolean
is_combinator_hook (PykkaGetHook hook)
{
  return hook == map_hook || hook == filter_hook || hook == reduce_hook || hook == join_hook;
}

/* The futures a combinator reads (transfer full), or NULL for other futures. Lock held. */
static GPtrArray *
combinator_sources_locked (PykkaFuture *self)
{
  Combinator *c;
  GPtrArray *sources;

  if (self->hook == NULL || !is_combinator_hook (self->hook))
    return NULL;
  c = self->hook_data;
  if (c->others != NULL)
    return g_ptr_array_ref (c->others);
  sources = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (sources, g_object_ref (c->source));
  return sources;
}

static gboolean
is_ready (PykkaFuture *self)
{
  g_autoptr(GPtrArray) sources = NULL;

  g_mutex_lock (&self->lock);
  if (self->state != STATE_PENDING)
    {
      g_mutex_unlock (&self->lock);
      return TRUE;
    }
  sources = self->hook_running ? NULL : combinator_sources_locked (self);
  g_mutex_unlock (&self->lock);

  if (sources == NULL)
    return FALSE;
  for (guint i = 0; i < sources->len; i++)
    if (!is_ready (sources->pdata[i]))
      return FALSE;
  return TRUE;
}

typedef struct
{
  gint      remaining;
  ReadyFunc func;
  gpointer  data;
} ReadyCount;

static void
ready_count_dec (gpointer data)
{
  ReadyCount *count = data;

  if (g_atomic_int_dec_and_test (&count->remaining))
    {
      count->func (count->data);
      g_free (count);
    }
}

static void when_ready (PykkaFuture *self, ReadyFunc func, gpointer data);

typedef struct
{
  PykkaFuture *future;
  ReadyFunc    func;
  gpointer     data;
} HookThread;

static void
hook_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  HookThread *h = task_data;
  g_auto(GValue) value = G_VALUE_INIT;

  /* The outcome is kept by the future; whoever is waiting reads it from there. */
  pykka_future_get (h->future, PYKKA_FOREVER, &value, NULL);
  h->func (h->data);
  g_task_return_boolean (task, TRUE);
}

static void
hook_thread_free (gpointer data)
{
  HookThread *h = data;

  g_object_unref (h->future);
  g_free (h);
}

/* Calls @func (on any thread, possibly at once) when getting @self would not block. */
static void
when_ready (PykkaFuture *self,
            ReadyFunc    func,
            gpointer     data)
{
  g_autoptr(GPtrArray) sources = NULL;

  g_mutex_lock (&self->lock);
  if (self->state != STATE_PENDING)
    {
      g_mutex_unlock (&self->lock);
      func (data);
      return;
    }
  if (self->hook == NULL || self->hook_running)
    {
      /* Completed by a set, or by the thread running the hook. */
      Waiter *waiter = g_new (Waiter, 1);

      waiter->func = func;
      waiter->data = data;
      self->waiters = g_slist_prepend (self->waiters, waiter);
      g_mutex_unlock (&self->lock);
      return;
    }
  if (is_combinator_hook (self->hook))
    {
      sources = combinator_sources_locked (self);
      g_mutex_unlock (&self->lock);
    }
  else
    {
      g_autoptr(GTask) task = g_task_new (NULL, NULL, NULL, NULL);
      HookThread *h = g_new (HookThread, 1);

      g_mutex_unlock (&self->lock);
      h->future = g_object_ref (self);
      h->func = func;
      h->data = data;
      g_task_set_task_data (task, h, hook_thread_free);
      g_task_run_in_thread (task, hook_thread);
      return;
    }

  {
    ReadyCount *count = g_new (ReadyCount, 1);

    count->remaining = sources->len;
    count->func = func;
    count->data = data;
    for (guint i = 0; i < sources->len; i++)
      when_ready (sources->pdata[i], ready_count_dec, count);
  }
}

typedef struct
{
  gatomicrefcount  ref_count;
  gint             claimed;
  GTask           *task;
  PykkaFuture     *future;
  GCancellable    *cancellable;  /* borrowed from the task */
  gulong           cancel_id;
} AsyncGet;

static AsyncGet *
async_get_ref (AsyncGet *ag)
{
  g_atomic_ref_count_inc (&ag->ref_count);
  return ag;
}

static void
async_get_unref (gpointer data)
{
  AsyncGet *ag = data;

  if (g_atomic_ref_count_dec (&ag->ref_count))
    {
      g_object_unref (ag->task);
      g_object_unref (ag->future);
      g_free (ag);
    }
}

static void
value_free (gpointer data)
{
  GValue *value = data;

  g_value_unset (value);
  g_free (value);
}

/* Completes the task from the future, which must not block; on the task's context when the
 * future still has to run a combinator's function. */
static void
async_get_finish_task (AsyncGet *ag)
{
  GValue *value;
  GError *error = NULL;

  if (!g_atomic_int_compare_and_exchange (&ag->claimed, FALSE, TRUE))
    return;
  value = g_new0 (GValue, 1);
  if (pykka_future_get (ag->future, PYKKA_FOREVER, value, &error))
    g_task_return_pointer (ag->task, value, value_free);
  else
    {
      value_free (value);
      g_task_return_error (ag->task, error);
    }
}

static gboolean
async_get_on_context (gpointer data)
{
  async_get_finish_task (data);
  return G_SOURCE_REMOVE;
}

static void
async_get_ready (gpointer data)
{
  AsyncGet *ag = data;
  GSource *source;

  /* The connection holds no reference to @ag (that would be a cycle through the task); the
   * waiter does, until here, the one place that runs exactly once. */
  if (ag->cancel_id != 0)
    g_cancellable_disconnect (ag->cancellable, ag->cancel_id);

  /* Complete on the caller's context, through a source attached there: never inside the
   * code that completed the future (even when it runs on that context), never through
   * g_main_context_invoke (), which could run the callback on this thread. A combinator's
   * function runs there too. */
  source = g_idle_source_new ();
  g_source_set_priority (source, g_task_get_priority (ag->task));
  g_source_set_static_name (source, "[pykka] future get_async");
  g_source_set_callback (source, async_get_on_context, async_get_ref (ag), async_get_unref);
  g_source_attach (source, g_task_get_context (ag->task));
  g_source_unref (source);
  async_get_unref (ag);
}

static void
async_get_cancelled (GCancellable *cancellable,
                     gpointer      data)
{
  AsyncGet *ag = data;

  /* Cancelling stops the wait, not the work that will complete the future. */
  if (g_atomic_int_compare_and_exchange (&ag->claimed, FALSE, TRUE))
    g_task_return_error_if_cancelled (ag->task);
}

void
_pykka_future_get_async_full (PykkaFuture         *self,
                              gpointer             source_object,
                              gpointer             source_tag,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  AsyncGet *ag = g_new0 (AsyncGet, 1);

  g_atomic_ref_count_init (&ag->ref_count);
  ag->task = g_task_new (source_object, cancellable, callback, user_data);
  g_task_set_source_tag (ag->task, source_tag);
  g_task_set_name (ag->task, "[pykka] future get_async");
  ag->future = g_object_ref (self);

  if (cancellable != NULL)
    {
      ag->cancellable = cancellable;
      ag->cancel_id = g_cancellable_connect (cancellable, G_CALLBACK (async_get_cancelled), ag,
                                             NULL);
    }
  when_ready (self, async_get_ready, ag);
}

gboolean
_pykka_future_get_finish_full (GAsyncResult  *result,
                               GValue        *value,
                               GError       **error)
{
  GValue *stored = g_task_propagate_pointer (G_TASK (result), error);

  if (stored == NULL)
    {
      pykka_value_init_none (value);
      return FALSE;
    }
  *value = *stored;
  g_free (stored);
  return TRUE;
}

/**
 * pykka_future_get_async:
 * @self: a #PykkaFuture
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when @self is completed
 * @user_data: (closure): data for @callback
 *
 * Waits for @self without blocking. @callback runs on the thread-default main context of the
 * caller, never inside this call; call pykka_future_get_finish() from it. The functions of
 * pykka_future_map() and the other combinators run there as well. Cancelling @cancellable
 * ends the wait with %G_IO_ERROR_CANCELLED; it does not cancel what will complete @self.
 *
 * Since: 0.1
 */
void
pykka_future_get_async (PykkaFuture         *self,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_return_if_fail (PYKKA_IS_FUTURE (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  _pykka_future_get_async_full (self, self, pykka_future_get_async, cancellable, callback,
                                user_data);
}

/**
 * pykka_future_get_finish:
 * @self: a #PykkaFuture
 * @result: the #GAsyncResult given to the callback
 * @value: (out caller-allocates): the value of the future
 * @error: return location for a #GError
 *
 * Finishes pykka_future_get_async(). On failure @value holds None.
 *
 * Returns: (skip): %TRUE on success
 *
 * Since: 0.1
 */
gboolean
pykka_future_get_finish (PykkaFuture   *self,
                         GAsyncResult  *result,
                         GValue        *value,
                         GError       **error)
{
  g_return_val_if_fail (PYKKA_IS_FUTURE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == pykka_future_get_async, FALSE);
  g_return_val_if_fail (value != NULL && !G_IS_VALUE (value), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _pykka_future_get_finish_full (result, value, error);
}
