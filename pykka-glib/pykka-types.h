/* pykka-types.h: forward declarations shared by the public headers
 *
 * SPDX-FileCopyrightText: 2026 The pykka-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(PYKKA_GLIB_INSIDE) && !defined(PYKKA_COMPILATION)
#error "Only <pykka-glib/pykka-glib.h> can be included directly."
#endif

#include <glib-object.h>

#include <pykka-glib/pykka-version-macros.h>

G_BEGIN_DECLS

typedef struct _PykkaActor         PykkaActor;
typedef struct _PykkaActorRef      PykkaActorRef;
typedef struct _PykkaActorRegistry PykkaActorRegistry;
typedef struct _PykkaFuture        PykkaFuture;
typedef struct _PykkaPool          PykkaPool;

/**
 * PYKKA_FOREVER:
 *
 * A timeout (in microseconds) that waits without limit. Any negative timeout does the same.
 *
 * Since: 0.1
 */
#define PYKKA_FOREVER ((gint64) -1)

G_END_DECLS
