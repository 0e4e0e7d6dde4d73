/* pykka-proxy-messages-private.h: making proxy messages without copying what is ready
 *
 * SPDX-FileCopyrightText: 2026 The pykka-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "pykka-glib.h"

G_BEGIN_DECLS

/* pykka_proxy_call_new () that takes @attr_path (allocated with g_malloc) instead of copying
 * it. */
PykkaProxyCall *_pykka_proxy_call_new_take (char         *attr_path,
                                            const GValue *args,
                                            guint         n_args);

G_END_DECLS
