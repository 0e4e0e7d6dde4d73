/* pykka-future.h: single-assignment results
 *
 * SPDX-FileCopyrightText: 2026 The pykka-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(PYKKA_GLIB_INSIDE) && !defined(PYKKA_COMPILATION)
#error "Only <pykka-glib/pykka-glib.h> can be included directly."
#endif

#include <gio/gio.h>

#include <pykka-glib/pykka-types.h>

G_BEGIN_DECLS

#define PYKKA_TYPE_FUTURE (pykka_future_get_type ())

PYKKA_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (PykkaFuture, pykka_future, PYKKA, FUTURE, GObject)

/**
 * PykkaGetHook:
 * @timeout_us: the timeout the caller of pykka_future_get() gave, in microseconds
 * @result: (out caller-allocates): where to store the value of the future
 * @user_data: (closure): the data given to pykka_future_set_get_hook()
 * @error: return location for the error of the future
 *
 * Computes the value of a future the first time it is read. Runs on the thread that reads.
 *
 * Since: 0.1
 */
typedef void (*PykkaGetHook) (gint64    timeout_us,
                              GValue   *result,
                              gpointer  user_data,
                              GError  **error);

/**
 * PykkaMapFunc:
 * @value: the value of the source future
 * @result: (out caller-allocates): where to store the mapped value
 * @user_data: (closure): the data given to pykka_future_map()
 * @error: return location for an error
 *
 * Maps the whole value of a future to a new value.
 *
 * Since: 0.1
 */
typedef void (*PykkaMapFunc) (const GValue  *value,
                              GValue        *result,
                              gpointer       user_data,
                              GError       **error);

/**
 * PykkaFilterFunc:
 * @value: one element of the list
 * @user_data: (closure): the data given to pykka_future_filter()
 * @error: return location for an error
 *
 * Decides whether an element of a list is kept.
 *
 * Returns: %TRUE to keep @value
 *
 * Since: 0.1
 */
typedef gboolean (*PykkaFilterFunc) (const GValue  *value,
                                     gpointer       user_data,
                                     GError       **error);

/**
 * PykkaReduceFunc:
 * @accumulator: the value reduced so far
 * @value: the next element of the list
 * @result: (out caller-allocates): where to store the new accumulated value
 * @user_data: (closure): the data given to pykka_future_reduce()
 * @error: return location for an error
 *
 * Combines the value reduced so far with the next element of a list.
 *
 * Since: 0.1
 */
typedef void (*PykkaReduceFunc) (const GValue  *accumulator,
                                 const GValue  *value,
                                 GValue        *result,
                                 gpointer       user_data,
                                 GError       **error);

PYKKA_AVAILABLE_IN_ALL
PykkaFuture *pykka_future_new          (void) G_GNUC_WARN_UNUSED_RESULT;
PYKKA_AVAILABLE_IN_ALL
gboolean     pykka_future_get          (PykkaFuture      *self,
                                        gint64            timeout_us,
                                        GValue           *value,
                                        GError          **error);
PYKKA_AVAILABLE_IN_ALL
void         pykka_future_get_async    (PykkaFuture         *self,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
PYKKA_AVAILABLE_IN_ALL
gboolean     pykka_future_get_finish   (PykkaFuture      *self,
                                        GAsyncResult     *result,
                                        GValue           *value,
                                        GError          **error);
PYKKA_AVAILABLE_IN_ALL
gboolean     pykka_future_set          (PykkaFuture      *self,
                                        const GValue     *value,
                                        GError          **error);
PYKKA_AVAILABLE_IN_ALL
gboolean     pykka_future_set_error    (PykkaFuture      *self,
                                        const GError     *error,
                                        GError          **set_error);
PYKKA_AVAILABLE_IN_ALL
gboolean     pykka_future_set_get_hook (PykkaFuture      *self,
                                        PykkaGetHook      hook,
                                        gpointer          user_data,
                                        GDestroyNotify    notify,
                                        GError          **error);
PYKKA_AVAILABLE_IN_ALL
gboolean     pykka_future_is_done      (PykkaFuture      *self);
PYKKA_AVAILABLE_IN_ALL
PykkaFuture *pykka_future_map          (PykkaFuture      *self,
                                        PykkaMapFunc      func,
                                        gpointer          user_data,
                                        GDestroyNotify    notify) G_GNUC_WARN_UNUSED_RESULT;
PYKKA_AVAILABLE_IN_ALL
PykkaFuture *pykka_future_filter       (PykkaFuture      *self,
                                        PykkaFilterFunc   func,
                                        gpointer          user_data,
                                        GDestroyNotify    notify) G_GNUC_WARN_UNUSED_RESULT;
PYKKA_AVAILABLE_IN_ALL
PykkaFuture *pykka_future_reduce       (PykkaFuture      *self,
                                        PykkaReduceFunc   func,
                                        const GValue     *initial,
                                        gpointer          user_data,
                                        GDestroyNotify    notify) G_GNUC_WARN_UNUSED_RESULT;
PYKKA_AVAILABLE_IN_ALL
PykkaFuture *pykka_future_join         (PykkaFuture      *self,
                                        PykkaFuture * const *others,
                                        guint             n_others) G_GNUC_WARN_UNUSED_RESULT;
PYKKA_AVAILABLE_IN_ALL
gboolean     pykka_future_get_all      (PykkaFuture * const *futures,
                                        guint             n_futures,
                                        gint64            timeout_us,
                                        GPtrArray       **values,
                                        GError          **error);

G_END_DECLS
