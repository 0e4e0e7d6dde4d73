/* pykka-glib.h: the single header of pykka-glib
 *
 * SPDX-FileCopyrightText: 2026 The pykka-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#define PYKKA_GLIB_INSIDE
# include <pykka-glib/pykka-version.h>
# include <pykka-glib/pykka-version-macros.h>
# include <pykka-glib/pykka-types.h>
# include <pykka-glib/pykka-enum-types.h>
# include <pykka-glib/pykka-error.h>
# include <pykka-glib/pykka-init.h>
# include <pykka-glib/pykka-value.h>
# include <pykka-glib/pykka-future.h>
# include <pykka-glib/pykka-actor.h>
# include <pykka-glib/pykka-actor-ref.h>
# include <pykka-glib/pykka-actor-registry.h>
# include <pykka-glib/pykka-pool.h>
# include <pykka-glib/pykka-debug.h>
# include <pykka-glib/pykka-traversable.h>
# include <pykka-glib/pykka-proxy-messages.h>
# include <pykka-glib/pykka-actor-proxy.h>
#undef PYKKA_GLIB_INSIDE
