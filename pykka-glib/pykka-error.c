/* pykka-error.c: the Pykka.Error domain
 *
 * SPDX-FileCopyrightText: 2026 The pykka-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "pykka-glib.h"

/**
 * pykka_error_quark:
 *
 * Returns: the #GQuark of the %PYKKA_ERROR domain
 */
G_DEFINE_QUARK (pykka-error-quark, pykka_error)
