/* pykka-pool.h: worker threads shared by many actors
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

#define PYKKA_TYPE_POOL (pykka_pool_get_type ())

PYKKA_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (PykkaPool, pykka_pool, PYKKA, POOL, GObject)

PYKKA_AVAILABLE_IN_ALL
PykkaPool *pykka_pool_new                   (guint      max_workers) G_GNUC_WARN_UNUSED_RESULT;
PYKKA_AVAILABLE_IN_ALL
PykkaPool *pykka_pool_get_default           (void);
PYKKA_AVAILABLE_IN_ALL
guint      pykka_pool_get_max_workers       (PykkaPool *self);
PYKKA_AVAILABLE_IN_ALL
guint      pykka_pool_get_max_spare_workers (PykkaPool *self);
PYKKA_AVAILABLE_IN_ALL
guint      pykka_pool_get_n_workers         (PykkaPool *self);

G_END_DECLS
