/* pykka-proxy-messages-private.h: making proxy messages without copying what is ready
 *
 * SPDX-FileCopyrightText: 2026 The pykka-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "pykka-glib.h"

G_BEGIN_DECLS

/* pykka_proxy_call_new () for the path "@prefix.@attr_path" (or @attr_path if @prefix is
 * empty), without checking its arguments; the call, its arguments and its path are one
 * allocation. */
PykkaProxyCall *_pykka_proxy_call_new_joined (const char   *prefix,
                                              const char   *attr_path,
                                              const GValue *args,
                                              guint         n_args);

G_END_DECLS
