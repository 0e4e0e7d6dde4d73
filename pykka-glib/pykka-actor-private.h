/* pykka-actor-private.h: the actor core that every runtime drives
 *
 * SPDX-FileCopyrightText: 2026 The pykka-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "pykka-glib.h"
#include "pykka-dispatcher-private.h"

G_BEGIN_DECLS

typedef enum
{
  PYKKA_RUN_IDLE,      /* the mailbox is empty; the dispatcher waits for the next schedule */
  PYKKA_RUN_MORE,      /* the batch limit was reached; run again (after others, if shared) */
  PYKKA_RUN_FINISHED,  /* the actor has stopped and answered its leftovers; drop it */
} PykkaRunStatus;

/* Handles on_start (on the first run) and up to @max_envelopes messages, then returns.
 * Must be called by one thread at a time for a given actor. */
PykkaRunStatus  _pykka_actor_process      (PykkaActor *self,
                                           guint       max_envelopes);

/* Whether actors of @type resolve proxy names themselves (a binding overrides call,
 * get_attr or set_attr), so that proxies cannot check names from type information. */
gboolean        _pykka_actor_type_resolves_names (GType type);

/* "thread runtime on MyActor-0, handling 'add' (proxy call)": for the state dump. */
char           *_pykka_actor_describe_state (PykkaActor *self);

/* The actor whose handler runs on this thread, or NULL. */
PykkaActor     *_pykka_actor_get_current  (void);

G_END_DECLS
