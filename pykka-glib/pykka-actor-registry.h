/* pykka-actor-registry.h: the registry of running actors
 *
 * SPDX-FileCopyrightText: 2026 The pykka-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(PYKKA_GLIB_INSIDE) && !defined(PYKKA_COMPILATION)
#error "Only <pykka-glib/pykka-glib.h> can be included directly."
#endif

#include <glib-object.h>

#include <pykka-glib/pykka-types.h>

G_BEGIN_DECLS

#define PYKKA_TYPE_ACTOR_REGISTRY (pykka_actor_registry_get_type ())

PYKKA_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (PykkaActorRegistry, pykka_actor_registry, PYKKA, ACTOR_REGISTRY, GObject)

PYKKA_AVAILABLE_IN_ALL
PykkaActorRegistry *pykka_actor_registry_get_default      (void);
PYKKA_AVAILABLE_IN_ALL
PykkaActorRegistry *pykka_actor_registry_new              (void) G_GNUC_WARN_UNUSED_RESULT;
PYKKA_AVAILABLE_IN_ALL
void                pykka_actor_registry_register         (PykkaActorRegistry  *self,
                                                           PykkaActorRef       *ref);
PYKKA_AVAILABLE_IN_ALL
void                pykka_actor_registry_unregister       (PykkaActorRegistry  *self,
                                                           PykkaActorRef       *ref);
PYKKA_AVAILABLE_IN_ALL
GPtrArray          *pykka_actor_registry_get_all          (PykkaActorRegistry  *self) G_GNUC_WARN_UNUSED_RESULT;
PYKKA_AVAILABLE_IN_ALL
GPtrArray          *pykka_actor_registry_get_by_type      (PykkaActorRegistry  *self,
                                                           GType                type) G_GNUC_WARN_UNUSED_RESULT;
PYKKA_AVAILABLE_IN_ALL
GPtrArray          *pykka_actor_registry_get_by_type_name (PykkaActorRegistry  *self,
                                                           const char          *type_name) G_GNUC_WARN_UNUSED_RESULT;
PYKKA_AVAILABLE_IN_ALL
PykkaActorRef      *pykka_actor_registry_get_by_urn       (PykkaActorRegistry  *self,
                                                           const char          *urn) G_GNUC_WARN_UNUSED_RESULT;
PYKKA_AVAILABLE_IN_ALL
void                pykka_actor_registry_broadcast        (PykkaActorRegistry  *self,
                                                           const GValue        *message,
                                                           GType                type);
PYKKA_AVAILABLE_IN_ALL
void                pykka_actor_registry_broadcast_by_type_name (PykkaActorRegistry *self,
                                                                 const GValue       *message,
                                                                 const char         *type_name);
PYKKA_AVAILABLE_IN_ALL
gboolean            pykka_actor_registry_stop_all         (PykkaActorRegistry  *self,
                                                           gint64               timeout_us,
                                                           GError             **error);
PYKKA_AVAILABLE_IN_ALL
guint               pykka_actor_registry_get_n_actors     (PykkaActorRegistry  *self);

G_END_DECLS
