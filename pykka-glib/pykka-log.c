/* pykka-log.c: log records in the "pykka" domain, with Pykka's strings
 *
 * SPDX-FileCopyrightText: 2026 The pykka-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "pykka-log-private.h"

gboolean
_pykka_log_enabled (GLogLevelFlags level)
{
  return !g_log_writer_default_would_drop (level, G_LOG_DOMAIN);
}

void
_pykka_log (GLogLevelFlags  level,
            const char     *format,
            ...)
{
  va_list args;

  va_start (args, format);
  g_logv (G_LOG_DOMAIN, level, format, args);
  va_end (args);
}

char *
_pykka_error_describe (const GError *error)
{
  return g_strdup_printf ("%s (%s, %d)", error->message, g_quark_to_string (error->domain),
                          error->code);
}

char *
_pykka_value_describe (const GValue *value)
{
  if (G_VALUE_HOLDS_STRING (value))
    return g_strdup (g_value_get_string (value) != NULL ? g_value_get_string (value) : "None");
  if (G_VALUE_HOLDS_POINTER (value) && g_value_get_pointer (value) == NULL)
    return g_strdup ("None");
  return g_strdup_value_contents (value);
}
