/* pykka-actor-ref.h: references to running actors
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

#define PYKKA_TYPE_ACTOR_REF (pykka_actor_ref_get_type ())

PYKKA_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (PykkaActorRef, pykka_actor_ref, PYKKA, ACTOR_REF, GObject)

PYKKA_AVAILABLE_IN_ALL
gboolean     pykka_actor_ref_tell           (PykkaActorRef  *self,
                                             const GValue   *message,
                                             GError        **error);
PYKKA_AVAILABLE_IN_ALL
PykkaFuture *pykka_actor_ref_ask            (PykkaActorRef  *self,
                                             const GValue   *message) G_GNUC_WARN_UNUSED_RESULT;
PYKKA_AVAILABLE_IN_ALL
gboolean     pykka_actor_ref_ask_sync       (PykkaActorRef  *self,
                                             const GValue   *message,
                                             gint64          timeout_us,
                                             GValue         *reply,
                                             GError        **error);
PYKKA_AVAILABLE_IN_ALL
void         pykka_actor_ref_ask_async      (PykkaActorRef       *self,
                                             const GValue        *message,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
PYKKA_AVAILABLE_IN_ALL
gboolean     pykka_actor_ref_ask_finish     (PykkaActorRef  *self,
                                             GAsyncResult   *result,
                                             GValue         *reply,
                                             GError        **error);
PYKKA_AVAILABLE_IN_ALL
gboolean     pykka_actor_ref_stop           (PykkaActorRef  *self,
                                             gint64          timeout_us,
                                             GError        **error);
PYKKA_AVAILABLE_IN_ALL
PykkaFuture *pykka_actor_ref_stop_future    (PykkaActorRef  *self) G_GNUC_WARN_UNUSED_RESULT;
PYKKA_AVAILABLE_IN_ALL
gboolean     pykka_actor_ref_is_alive       (PykkaActorRef  *self);
PYKKA_AVAILABLE_IN_ALL
const char  *pykka_actor_ref_get_actor_urn  (PykkaActorRef  *self);
PYKKA_AVAILABLE_IN_ALL
GType        pykka_actor_ref_get_actor_type (PykkaActorRef  *self);
PYKKA_AVAILABLE_IN_ALL
PykkaActor  *pykka_actor_ref_dup_actor      (PykkaActorRef  *self) G_GNUC_WARN_UNUSED_RESULT;
PYKKA_AVAILABLE_IN_ALL
guint        pykka_actor_ref_hash           (gconstpointer   ref);
PYKKA_AVAILABLE_IN_ALL
gboolean     pykka_actor_ref_equal          (gconstpointer   a,
                                             gconstpointer   b);
PYKKA_AVAILABLE_IN_ALL
char        *pykka_actor_ref_to_string      (PykkaActorRef  *self) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
