/* pykka-actor-proxy.h: calling actor methods and reading attributes through messages
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

#define PYKKA_TYPE_ACTOR_PROXY (pykka_actor_proxy_get_type ())

PYKKA_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (PykkaActorProxy, pykka_actor_proxy, PYKKA, ACTOR_PROXY, GObject)

PYKKA_AVAILABLE_IN_ALL
PykkaActorProxy *pykka_actor_ref_proxy             (PykkaActorRef    *ref,
                                                    GError          **error) G_GNUC_WARN_UNUSED_RESULT;
PYKKA_AVAILABLE_IN_ALL
PykkaFuture     *pykka_actor_proxy_call            (PykkaActorProxy  *self,
                                                    const char       *attr_path,
                                                    const GValue     *args,
                                                    guint             n_args,
                                                    GError          **error) G_GNUC_WARN_UNUSED_RESULT;
PYKKA_AVAILABLE_IN_ALL
void             pykka_actor_proxy_call_async      (PykkaActorProxy     *self,
                                                    const char          *attr_path,
                                                    const GValue        *args,
                                                    guint                n_args,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
PYKKA_AVAILABLE_IN_ALL
gboolean         pykka_actor_proxy_call_finish     (PykkaActorProxy  *self,
                                                    GAsyncResult     *result,
                                                    GValue           *value,
                                                    GError          **error);
PYKKA_AVAILABLE_IN_ALL
PykkaFuture     *pykka_actor_proxy_call_va         (PykkaActorProxy  *self,
                                                    const char       *attr_path,
                                                    GType             first_arg_type,
                                                    ...) G_GNUC_WARN_UNUSED_RESULT;
PYKKA_AVAILABLE_IN_ALL
gboolean         pykka_actor_proxy_defer           (PykkaActorProxy  *self,
                                                    const char       *attr_path,
                                                    const GValue     *args,
                                                    guint             n_args,
                                                    GError          **error);
PYKKA_AVAILABLE_IN_ALL
PykkaFuture     *pykka_actor_proxy_get_attr        (PykkaActorProxy  *self,
                                                    const char       *attr_path,
                                                    GError          **error) G_GNUC_WARN_UNUSED_RESULT;
PYKKA_AVAILABLE_IN_ALL
gboolean         pykka_actor_proxy_set_attr        (PykkaActorProxy  *self,
                                                    const char       *attr_path,
                                                    const GValue     *value,
                                                    GError          **error);
PYKKA_AVAILABLE_IN_ALL
PykkaActorProxy *pykka_actor_proxy_traverse        (PykkaActorProxy  *self,
                                                    const char       *attr_path,
                                                    GError          **error) G_GNUC_WARN_UNUSED_RESULT;
PYKKA_AVAILABLE_IN_ALL
GStrv            pykka_actor_proxy_list_attrs      (PykkaActorProxy  *self) G_GNUC_WARN_UNUSED_RESULT;
PYKKA_AVAILABLE_IN_ALL
PykkaActorRef   *pykka_actor_proxy_get_actor_ref   (PykkaActorProxy  *self);
PYKKA_AVAILABLE_IN_ALL
const char      *pykka_actor_proxy_get_attr_path   (PykkaActorProxy  *self);
PYKKA_AVAILABLE_IN_ALL
guint            pykka_actor_proxy_hash            (gconstpointer     proxy);
PYKKA_AVAILABLE_IN_ALL
gboolean         pykka_actor_proxy_equal           (gconstpointer     a,
                                                    gconstpointer     b);
PYKKA_AVAILABLE_IN_ALL
char            *pykka_actor_proxy_to_string       (PykkaActorProxy  *self) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
