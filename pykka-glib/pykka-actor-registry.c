/* pykka-actor-registry.c: the registry of running actors
 *
 * SPDX-FileCopyrightText: 2026 The pykka-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <gio/gio.h>

#include "pykka-actor-ref-private.h"
#include "pykka-debug-private.h"
#include "pykka-init-private.h"
#include "pykka-log-private.h"

/**
 * SECTION:pykka-actor-registry
 * @Title: PykkaActorRegistry
 * @Short_description: finding, broadcasting to and stopping running actors
 *
 * Every started actor is registered, before its #PykkaActorClass.on_start runs, in the
 * registry given by its #PykkaActor:registry property (the default registry unless another
 * was given), and unregistered when it stops. The registry finds refs by type, type name or
 * URN, sends a message to many actors at once, and stops them all, last started first.
 *
 * Separate registries (pykka_actor_registry_new()) make separate actor systems, for example
 * one per test.
 *
 * A registry is also a #GListModel of the refs of its running actors, in start order, so a
 * GTK list view can show them. The list model and the #PykkaActorRegistry::actor-registered
 * and #PykkaActorRegistry::actor-unregistered signals belong to the main context that was the
 * thread-default one when the registry was created (for the default registry, the global
 * default main context): changes made by actor threads reach them, coalesced, when that
 * context is iterated. The lookup functions always see the registry as it is now, from any
 * thread.
 */

/**
 * PykkaActorRegistry:
 *
 * A set of running actors, and a #GListModel of their refs. It has no public fields.
 *
 * Since: 0.1
 */

typedef struct
{
  PykkaActorRef *ref;
  gboolean       registered;
} Event;

struct _PykkaActorRegistry
{
  GObject       parent_instance;

  GMutex        lock;
  GQueue        refs;        /* PykkaActorRef, owned, in start order; each link is the ref's
                              * own (_pykka_actor_ref_claim_link ()) or one in links */
  GHashTable   *links;       /* PykkaActorRef → its GList link in refs, for the refs whose own
                              * link another registry has; NULL until one comes */

  /* The list model side, owned by the context. */
  GMainContext *context;
  GSource      *source;
  gboolean      dirty;       /* under lock */
  GQueue        events;      /* Event, under lock */
  GPtrArray    *model;       /* PykkaActorRef, as last shown */
};

static void pykka_actor_registry_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PykkaActorRegistry, pykka_actor_registry, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      pykka_actor_registry_list_model_init))

enum {
  ACTOR_REGISTERED,
  ACTOR_UNREGISTERED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
event_free (gpointer data)
{
  Event *event = data;

  g_object_unref (event->ref);
  g_free (event);
}

/* Runs on the registry's context: bring the list model up to date and emit the signals. */
static gboolean
registry_source_dispatch (GSource     *source,
                          GSourceFunc  callback,
                          gpointer     user_data)
{
  PykkaActorRegistry *self = user_data;
  g_autoptr(GPtrArray) now = NULL;
  g_autoptr(GHashTable) present = NULL;
  GQueue events = G_QUEUE_INIT;
  guint i;

  g_source_set_ready_time (source, -1);

  g_mutex_lock (&self->lock);
  now = g_ptr_array_new_full (self->refs.length, g_object_unref);
  for (GList *l = self->refs.head; l != NULL; l = l->next)
    g_ptr_array_add (now, g_object_ref (l->data));
  events = self->events;
  g_queue_init (&self->events);
  self->dirty = FALSE;
  g_mutex_unlock (&self->lock);

  g_object_ref (self);

  /* The registry only appends and removes, so the new list is the old one without the removed
   * refs, followed by the new ones. */
  present = g_hash_table_new (NULL, NULL);
  for (i = 0; i < now->len; i++)
    g_hash_table_add (present, now->pdata[i]);
  for (i = self->model->len; i > 0; i--)
    {
      PykkaActorRef *ref = self->model->pdata[i - 1];

      if (!g_hash_table_remove (present, ref))
        {
          g_ptr_array_remove_index (self->model, i - 1);
          g_list_model_items_changed (G_LIST_MODEL (self), i - 1, 1, 0);
        }
    }
  if (g_hash_table_size (present) > 0)
    {
      guint position = self->model->len;
      guint added = 0;

      for (i = 0; i < now->len; i++)
        if (g_hash_table_contains (present, now->pdata[i]))
          {
            g_ptr_array_add (self->model, g_object_ref (now->pdata[i]));
            added++;
          }
      g_list_model_items_changed (G_LIST_MODEL (self), position, 0, added);
    }

  for (GList *l = events.head; l != NULL; l = l->next)
    {
      Event *event = l->data;

      g_signal_emit (self, signals[event->registered ? ACTOR_REGISTERED : ACTOR_UNREGISTERED], 0,
                     event->ref);
    }
  g_queue_clear_full (&events, event_free);

  g_object_unref (self);
  return G_SOURCE_CONTINUE;
}

static GSourceFuncs registry_source_funcs = {
  .dispatch = registry_source_dispatch,
};

/* Called with the lock held after a change. */
static void
changed_locked (PykkaActorRegistry *self,
                PykkaActorRef      *ref,
                gboolean            registered,
                gboolean            has_handlers)
{
  if (has_handlers)
    {
      Event *event = g_new (Event, 1);

      event->ref = g_object_ref (ref);
      event->registered = registered;
      g_queue_push_tail (&self->events, event);
    }
  if (!self->dirty)
    {
      self->dirty = TRUE;
      g_source_set_ready_time (self->source, 0);
    }
}

static GList *
find_link_locked (PykkaActorRegistry *self,
                  PykkaActorRef      *ref)
{
  GList *link = _pykka_actor_ref_get_link (ref, self);

  if (link == NULL && self->links != NULL)
    link = g_hash_table_lookup (self->links, ref);
  return link;
}

/* Appends @ref, which is not in the registry, and takes a reference to it. */
static void
link_locked (PykkaActorRegistry *self,
             PykkaActorRef      *ref)
{
  GList *link = _pykka_actor_ref_claim_link (ref, self);

  if (link == NULL)
    {
      link = g_list_alloc ();
      link->data = ref;
      if (self->links == NULL)
        self->links = g_hash_table_new (NULL, NULL);
      g_hash_table_insert (self->links, ref, link);
    }
  g_object_ref (ref);
  g_queue_push_tail_link (&self->refs, link);
}

/* Removes the link of a ref (from find_link_locked () or the queue itself); the registry's
 * reference to the ref is the caller's. */
static void
unlink_locked (PykkaActorRegistry *self,
               GList              *link)
{
  PykkaActorRef *ref = link->data;

  g_queue_unlink (&self->refs, link);
  if (link == _pykka_actor_ref_get_link (ref, self))
    _pykka_actor_ref_release_link (ref);
  else
    {
      g_hash_table_remove (self->links, ref);
      g_list_free_1 (link);
    }
}

static void
pykka_actor_registry_dispose (GObject *object)
{
  PykkaActorRegistry *self = PYKKA_ACTOR_REGISTRY (object);

  if (self->source != NULL)
    {
      g_source_destroy (self->source);
      g_clear_pointer (&self->source, g_source_unref);
    }

  G_OBJECT_CLASS (pykka_actor_registry_parent_class)->dispose (object);
}

static void
pykka_actor_registry_finalize (GObject *object)
{
  PykkaActorRegistry *self = PYKKA_ACTOR_REGISTRY (object);

  _pykka_debug_remove_registry (self);
  while (self->refs.head != NULL)
    {
      PykkaActorRef *ref = self->refs.head->data;

      unlink_locked (self, self->refs.head);
      g_object_unref (ref);
    }
  g_queue_clear_full (&self->events, event_free);
  g_clear_pointer (&self->links, g_hash_table_unref);
  g_clear_pointer (&self->model, g_ptr_array_unref);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (pykka_actor_registry_parent_class)->finalize (object);
}

static void
pykka_actor_registry_class_init (PykkaActorRegistryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pykka_actor_registry_dispose;
  object_class->finalize = pykka_actor_registry_finalize;

  /**
   * PykkaActorRegistry::actor-registered:
   * @self: the registry
   * @ref: the ref of the actor
   *
   * An actor was registered. Emitted on the registry's main context, after the fact.
   *
   * Since: 0.1
   */
  signals[ACTOR_REGISTERED] =
    g_signal_new ("actor-registered", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, PYKKA_TYPE_ACTOR_REF);

  /**
   * PykkaActorRegistry::actor-unregistered:
   * @self: the registry
   * @ref: the ref of the actor
   *
   * An actor was unregistered. Emitted on the registry's main context, after the fact.
   *
   * Since: 0.1
   */
  signals[ACTOR_UNREGISTERED] =
    g_signal_new ("actor-unregistered", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, PYKKA_TYPE_ACTOR_REF);
}

static void
pykka_actor_registry_init (PykkaActorRegistry *self)
{
  g_mutex_init (&self->lock);
  self->model = g_ptr_array_new_with_free_func (g_object_unref);
  self->context = g_main_context_ref_thread_default ();
  self->source = g_source_new (&registry_source_funcs, sizeof (GSource));
  g_source_set_static_name (self->source, "PykkaActorRegistry");
  g_source_set_priority (self->source, G_PRIORITY_DEFAULT_IDLE);
  g_source_set_callback (self->source, NULL, self, NULL);
  g_source_attach (self->source, self->context);
  _pykka_debug_add_registry (self);
}

static GType
registry_get_item_type (GListModel *model)
{
  return PYKKA_TYPE_ACTOR_REF;
}

static guint
registry_get_n_items (GListModel *model)
{
  return PYKKA_ACTOR_REGISTRY (model)->model->len;
}

static gpointer
registry_get_item (GListModel *model,
                   guint       position)
{
  PykkaActorRegistry *self = PYKKA_ACTOR_REGISTRY (model);

  if (position >= self->model->len)
    return NULL;
  return g_object_ref (self->model->pdata[position]);
}

static void
pykka_actor_registry_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = registry_get_item_type;
  iface->get_n_items = registry_get_n_items;
  iface->get_item = registry_get_item;
}

/**
 * pykka_actor_registry_get_default:
 *
 * Gets the registry that actors use when their #PykkaActor:registry is not set. Its list
 * model and signals belong to the global default main context.
 *
 * Returns: (transfer none): the default registry
 *
 * Since: 0.1
 */
PykkaActorRegistry *
pykka_actor_registry_get_default (void)
{
  static PykkaActorRegistry *default_registry;

  if (g_once_init_enter (&default_registry))
    {
      PykkaActorRegistry *registry;

      g_main_context_push_thread_default (g_main_context_default ());
      registry = g_object_new (PYKKA_TYPE_ACTOR_REGISTRY, NULL);
      g_main_context_pop_thread_default (g_main_context_default ());
      g_once_init_leave (&default_registry, registry);
    }
  return default_registry;
}

/**
 * pykka_actor_registry_new:
 *
 * Creates an empty registry, a separate actor system. Its list model and signals belong to
 * the thread-default main context of the caller.
 *
 * Returns: (transfer full): a new #PykkaActorRegistry
 *
 * Since: 0.1
 */
PykkaActorRegistry *
pykka_actor_registry_new (void)
{
  _pykka_ensure_init ();
  return g_object_new (PYKKA_TYPE_ACTOR_REGISTRY, NULL);
}

static gboolean
has_handlers (PykkaActorRegistry *self,
              guint               signal)
{
  return g_signal_has_handler_pending (self, signals[signal], 0, TRUE);
}

/**
 * pykka_actor_registry_register:
 * @self: a #PykkaActorRegistry
 * @ref: the ref of an actor
 *
 * Adds @ref at the end of the registry. Starting an actor does this; call it yourself only to
 * register an actor again after pykka_actor_registry_unregister(). A ref that is registered
 * already stays where it is.
 *
 * Since: 0.1
 */
void
pykka_actor_registry_register (PykkaActorRegistry *self,
                               PykkaActorRef      *ref)
{
  gboolean handlers;
  gboolean added = FALSE;

  g_return_if_fail (PYKKA_IS_ACTOR_REGISTRY (self));
  g_return_if_fail (PYKKA_IS_ACTOR_REF (ref));

  handlers = has_handlers (self, ACTOR_REGISTERED);
  g_mutex_lock (&self->lock);
  if (find_link_locked (self, ref) == NULL)
    {
      link_locked (self, ref);
      changed_locked (self, ref, TRUE, handlers);
      added = TRUE;
    }
  g_mutex_unlock (&self->lock);

  if (added && _pykka_log_enabled (G_LOG_LEVEL_DEBUG))
    _pykka_log (G_LOG_LEVEL_DEBUG, "Registered %s", _pykka_actor_ref_describe (ref));
}

/**
 * pykka_actor_registry_unregister:
 * @self: a #PykkaActorRegistry
 * @ref: the ref of an actor
 *
 * Removes @ref from the registry. Removing a ref that is not registered is not an error.
 *
 * Since: 0.1
 */
void
pykka_actor_registry_unregister (PykkaActorRegistry *self,
                                 PykkaActorRef      *ref)
{
  gboolean handlers;
  gboolean found;
  GList *link;

  g_return_if_fail (PYKKA_IS_ACTOR_REGISTRY (self));
  g_return_if_fail (PYKKA_IS_ACTOR_REF (ref));

  handlers = has_handlers (self, ACTOR_UNREGISTERED);
  g_mutex_lock (&self->lock);
  link = find_link_locked (self, ref);
  found = link != NULL;
  if (found)
    {
      unlink_locked (self, link);
      changed_locked (self, ref, FALSE, handlers);
    }
  g_mutex_unlock (&self->lock);

  if (_pykka_log_enabled (G_LOG_LEVEL_DEBUG))
    _pykka_log (G_LOG_LEVEL_DEBUG, found ? "Unregistered %s"
                                         : "Unregistered %s (not found in registry)",
                _pykka_actor_ref_describe (ref));
  /* The queue's reference goes last: the log above still reads the ref. */
  if (found)
    g_object_unref (ref);
}

typedef gboolean (*RefMatch) (PykkaActorRef *ref,
                              gconstpointer  data);

static GPtrArray *
collect (PykkaActorRegistry *self,
         RefMatch            match,
         gconstpointer       data)
{
  GPtrArray *result = g_ptr_array_new_with_free_func (g_object_unref);

  g_mutex_lock (&self->lock);
  for (GList *l = self->refs.head; l != NULL; l = l->next)
    if (match == NULL || match (l->data, data))
      g_ptr_array_add (result, g_object_ref (l->data));
  g_mutex_unlock (&self->lock);
  return result;
}

static gboolean
match_type (PykkaActorRef *ref,
            gconstpointer  data)
{
  return g_type_is_a (pykka_actor_ref_get_actor_type (ref), GPOINTER_TO_SIZE (data));
}

static gboolean
match_type_name (PykkaActorRef *ref,
                 gconstpointer  data)
{
  return g_strcmp0 (g_type_name (pykka_actor_ref_get_actor_type (ref)), data) == 0;
}

static gboolean
match_urn (PykkaActorRef *ref,
           gconstpointer  data)
{
  return g_strcmp0 (pykka_actor_ref_get_actor_urn (ref), data) == 0;
}

/**
 * pykka_actor_registry_get_all:
 * @self: a #PykkaActorRegistry
 *
 * Lists the refs of the actors registered now.
 *
 * Returns: (transfer container) (element-type PykkaActorRef): the refs of every registered actor,
 *   in start order
 *
 * Since: 0.1
 */
GPtrArray *
pykka_actor_registry_get_all (PykkaActorRegistry *self)
{
  g_return_val_if_fail (PYKKA_IS_ACTOR_REGISTRY (self), NULL);

  return collect (self, NULL, NULL);
}

/**
 * pykka_actor_registry_get_by_type:
 * @self: a #PykkaActorRegistry
 * @type: a type derived from #PykkaActor
 *
 * Finds the registered actors of a type (Pykka's `get_by_class`).
 *
 * Returns: (transfer container) (element-type PykkaActorRef): the refs of the registered actors
 *   of @type or of a type derived from it, in start order
 *
 * Since: 0.1
 */
GPtrArray *
pykka_actor_registry_get_by_type (PykkaActorRegistry *self,
                                  GType               type)
{
  g_return_val_if_fail (PYKKA_IS_ACTOR_REGISTRY (self), NULL);
  g_return_val_if_fail (g_type_is_a (type, PYKKA_TYPE_ACTOR), NULL);

  return collect (self, match_type, GSIZE_TO_POINTER (type));
}

/**
 * pykka_actor_registry_get_by_type_name:
 * @self: a #PykkaActorRegistry
 * @type_name: the name of a type, such as `"MyActor"`
 *
 * Finds the registered actors whose type has a given name (Pykka's `get_by_class_name`).
 *
 * Returns: (transfer container) (element-type PykkaActorRef): the refs of the registered actors
 *   whose type has exactly this name (derived types do not match), in start order
 *
 * Since: 0.1
 */
GPtrArray *
pykka_actor_registry_get_by_type_name (PykkaActorRegistry *self,
                                       const char         *type_name)
{
  g_return_val_if_fail (PYKKA_IS_ACTOR_REGISTRY (self), NULL);
  g_return_val_if_fail (type_name != NULL, NULL);

  return collect (self, match_type_name, type_name);
}

/**
 * pykka_actor_registry_get_by_urn:
 * @self: a #PykkaActorRegistry
 * @urn: the URN of an actor
 *
 * Finds the registered actor with a given URN.
 *
 * Returns: (transfer full) (nullable): the ref of the registered actor with this URN, or %NULL
 *
 * Since: 0.1
 */
PykkaActorRef *
pykka_actor_registry_get_by_urn (PykkaActorRegistry *self,
                                 const char         *urn)
{
  g_autoptr(GPtrArray) found = NULL;

  g_return_val_if_fail (PYKKA_IS_ACTOR_REGISTRY (self), NULL);
  g_return_val_if_fail (urn != NULL, NULL);

  found = collect (self, match_urn, urn);
  return found->len > 0 ? g_object_ref (found->pdata[0]) : NULL;
}

static void
tell_all (GPtrArray    *refs,
          const GValue *message)
{
  /* An actor that stops meanwhile misses the message; that is no error here. */
  for (guint i = 0; i < refs->len; i++)
    pykka_actor_ref_tell (refs->pdata[i], message, NULL);
}

/**
 * pykka_actor_registry_broadcast:
 * @self: a #PykkaActorRegistry
 * @message: the message (copied for each actor)
 * @type: %PYKKA_TYPE_ACTOR for every actor, or a type derived from it
 *
 * Tells @message to every registered actor of @type (derived types included). Actors that
 * stop while this runs are skipped.
 *
 * Since: 0.1
 */
void
pykka_actor_registry_broadcast (PykkaActorRegistry *self,
                                const GValue       *message,
                                GType               type)
{
  g_autoptr(GPtrArray) refs = NULL;

  g_return_if_fail (PYKKA_IS_ACTOR_REGISTRY (self));
  g_return_if_fail (G_IS_VALUE (message));
  g_return_if_fail (g_type_is_a (type, PYKKA_TYPE_ACTOR));

  refs = pykka_actor_registry_get_by_type (self, type);
  tell_all (refs, message);
}

/**
 * pykka_actor_registry_broadcast_by_type_name:
 * @self: a #PykkaActorRegistry
 * @message: the message (copied for each actor)
 * @type_name: the exact name of the type of the actors
 *
 * Tells @message to every registered actor whose type has exactly this name.
 *
 * Since: 0.1
 */
void
pykka_actor_registry_broadcast_by_type_name (PykkaActorRegistry *self,
                                             const GValue       *message,
                                             const char         *type_name)
{
  g_autoptr(GPtrArray) refs = NULL;

  g_return_if_fail (PYKKA_IS_ACTOR_REGISTRY (self));
  g_return_if_fail (G_IS_VALUE (message));
  g_return_if_fail (type_name != NULL);

  refs = pykka_actor_registry_get_by_type_name (self, type_name);
  tell_all (refs, message);
}

/**
 * pykka_actor_registry_stop_all:
 * @self: a #PykkaActorRegistry
 * @timeout_us: how long to wait for each actor, in microseconds; negative waits forever
 * @error: return location for a #GError
 *
 * Stops every registered actor, last started first, each after the previous one has run its
 * #PykkaActorClass.on_stop.
 *
 * Returns: %TRUE once all have stopped; %FALSE with the first error (such as
 *   %PYKKA_ERROR_TIMEOUT), leaving the rest running
 *
 * Since: 0.1
 */
gboolean
pykka_actor_registry_stop_all (PykkaActorRegistry  *self,
                               gint64               timeout_us,
                               GError             **error)
{
  g_autoptr(GPtrArray) refs = NULL;

  g_return_val_if_fail (PYKKA_IS_ACTOR_REGISTRY (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  refs = pykka_actor_registry_get_all (self);
  for (guint i = refs->len; i > 0; i--)
    {
      GError *local_error = NULL;

      pykka_actor_ref_stop (refs->pdata[i - 1], timeout_us, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return FALSE;
        }
    }
  return TRUE;
}

/**
 * pykka_actor_registry_get_n_actors:
 * @self: a #PykkaActorRegistry
 *
 * Counts the registered actors.
 *
 * Returns: the number of registered actors now (the list model may lag behind)
 *
 * Since: 0.1
 */
guint
pykka_actor_registry_get_n_actors (PykkaActorRegistry *self)
{
  guint n;

  g_return_val_if_fail (PYKKA_IS_ACTOR_REGISTRY (self), 0);

  g_mutex_lock (&self->lock);
  n = self->refs.length;
  g_mutex_unlock (&self->lock);
  return n;
}
