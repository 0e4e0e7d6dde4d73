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
  static gsize from_environment = 0;

  if ((level & (G_LOG_LEVEL_INFO | G_LOG_LEVEL_DEBUG)) == 0 || g_log_get_debug_enabled ())
    return TRUE;
  /* G_MESSAGES_DEBUG is read once: GLib reads it on every record, which the lifecycle of
   * every actor would pay for several times. */
  if (g_once_init_enter (&from_environment))
    g_once_init_leave (&from_environment,
                       g_log_writer_default_would_drop (G_LOG_LEVEL_DEBUG, G_LOG_DOMAIN) ? 1 : 2);
  return from_environment == 2;
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
