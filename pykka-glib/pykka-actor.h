/* pykka-actor.h: the actor base class
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

#define PYKKA_TYPE_ACTOR (pykka_actor_get_type ())

PYKKA_AVAILABLE_IN_ALL
G_DECLARE_DERIVABLE_TYPE (PykkaActor, pykka_actor, PYKKA, ACTOR, GObject)

/**
 * PykkaActorClass:
 * @parent_class: the parent class
 * @on_start: runs on the actor's thread before the first message; an error stops the actor
 * @on_stop: runs on the actor's thread when the actor is stopped by a stop message
 * @on_failure: runs on the actor's thread after a told message failed (with @failure) and
 *   stopped the actor; it may fail itself, which is logged like Pykka's
 * @on_receive: handles a message that is not a stop or proxy message
 * @call: calls the method @attr_path of the actor (used by proxies; language bindings
 *   override it to reach their own methods)
 * @get_attr: reads the attribute @attr_path of the actor (used by proxies; language
 *   bindings override it to reach their own attributes)
 * @set_attr: writes the attribute @attr_path of the actor (used by proxies; language
 *   bindings override it to reach their own attributes)
 *
 * The virtual methods of #PykkaActor. Every one runs on the thread or context that runs the
 * actor, one message at a time.
 *
 * Since: 0.1
 */
struct _PykkaActorClass
{
  GObjectClass parent_class;

  void (*on_start)   (PykkaActor    *self,
                      GError       **error);
  void (*on_stop)    (PykkaActor    *self,
                      GError       **error);
  void (*on_failure) (PykkaActor    *self,
                      const GError  *failure,
                      GError       **error);
  void (*on_receive) (PykkaActor    *self,
                      const GValue  *message,
                      GValue        *reply,
                      GError       **error);
  void (*call)       (PykkaActor    *self,
                      const char    *attr_path,
                      const GValue  *args,
                      guint          n_args,
                      GValue        *result,
                      GError       **error);
  void (*get_attr)   (PykkaActor    *self,
                      const char    *attr_path,
                      GValue        *value,
                      GError       **error);
  void (*set_attr)   (PykkaActor    *self,
                      const char    *attr_path,
                      const GValue  *value,
                      GError       **error);

  /*< private >*/
  gpointer padding[10];
};

PYKKA_AVAILABLE_IN_ALL
PykkaActorRef      *pykka_actor_start            (PykkaActor    *self,
                                                  GError       **error) G_GNUC_WARN_UNUSED_RESULT;
PYKKA_AVAILABLE_IN_ALL
PykkaActorRef      *pykka_actor_start_in_context (PykkaActor    *self,
                                                  GMainContext  *context,
                                                  GError       **error) G_GNUC_WARN_UNUSED_RESULT;
PYKKA_AVAILABLE_IN_ALL
PykkaActorRef      *pykka_actor_start_in_pool    (PykkaActor    *self,
                                                  PykkaPool     *pool,
                                                  GError       **error) G_GNUC_WARN_UNUSED_RESULT;
PYKKA_AVAILABLE_IN_ALL
PykkaActorRef      *pykka_actor_start_hosted     (PykkaActor    *self,
                                                  GError       **error) G_GNUC_WARN_UNUSED_RESULT;
PYKKA_AVAILABLE_IN_ALL
gboolean            pykka_actor_run              (PykkaActor    *self,
                                                  GError       **error);
PYKKA_AVAILABLE_IN_ALL
gboolean            pykka_actor_stop             (PykkaActor    *self,
                                                  GError       **error);
PYKKA_AVAILABLE_IN_ALL
PykkaActorRef      *pykka_actor_get_actor_ref    (PykkaActor    *self);
PYKKA_AVAILABLE_IN_ALL
const char         *pykka_actor_get_actor_urn    (PykkaActor    *self);
PYKKA_AVAILABLE_IN_ALL
PykkaActorRegistry *pykka_actor_get_registry     (PykkaActor    *self);
PYKKA_AVAILABLE_IN_ALL
char               *pykka_actor_to_string        (PykkaActor    *self) G_GNUC_WARN_UNUSED_RESULT;
PYKKA_AVAILABLE_IN_ALL
const char         *pykka_actor_get_thread_name  (PykkaActor    *self);

PYKKA_AVAILABLE_IN_ALL
void                pykka_actor_on_start         (PykkaActor    *self,
                                                  GError       **error);
PYKKA_AVAILABLE_IN_ALL
void                pykka_actor_on_stop          (PykkaActor    *self,
                                                  GError       **error);
PYKKA_AVAILABLE_IN_ALL
void                pykka_actor_on_failure       (PykkaActor    *self,
                                                  const GError  *failure,
                                                  GError       **error);
PYKKA_AVAILABLE_IN_ALL
void                pykka_actor_on_receive       (PykkaActor    *self,
                                                  const GValue  *message,
                                                  GValue        *reply,
                                                  GError       **error);
PYKKA_AVAILABLE_IN_ALL
void                pykka_actor_call             (PykkaActor    *self,
                                                  const char    *attr_path,
                                                  const GValue  *args,
                                                  guint          n_args,
                                                  GValue        *result,
                                                  GError       **error);
PYKKA_AVAILABLE_IN_ALL
void                pykka_actor_get_attr         (PykkaActor    *self,
                                                  const char    *attr_path,
                                                  GValue        *value,
                                                  GError       **error);
PYKKA_AVAILABLE_IN_ALL
void                pykka_actor_set_attr         (PykkaActor    *self,
                                                  const char    *attr_path,
                                                  const GValue  *value,
                                                  GError       **error);

G_END_DECLS
