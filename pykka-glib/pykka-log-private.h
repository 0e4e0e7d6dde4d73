/* pykka-log-private.h: log records in the "pykka" domain, with Pykka's strings
 *
 * SPDX-FileCopyrightText: 2026 The pykka-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "pykka-glib.h"

G_BEGIN_DECLS

/* Whether records at @level would reach anyone (the default writer drops DEBUG and INFO unless
 * G_MESSAGES_DEBUG or g_log_set_debug_enabled () ask for them). Lets hot paths skip formatting. */
gboolean _pykka_log_enabled      (GLogLevelFlags level);

void     _pykka_log              (GLogLevelFlags level,
                                  const char    *format,
                                  ...) G_GNUC_PRINTF (2, 3);

/* "{message} ({domain}, {code})": how a GError appears in log records. */
char    *_pykka_error_describe   (const GError  *error);

/* str() of a message: a string as it is, anything else as g_strdup_value_contents (). */
char    *_pykka_value_describe   (const GValue  *value);

G_END_DECLS
