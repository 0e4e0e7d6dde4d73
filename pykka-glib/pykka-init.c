/* pykka-init.c: library initialisation and run-time version
 *
 * SPDX-FileCopyrightText: 2026 The pykka-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <locale.h>

#include "pykka-init-private.h"

/**
 * SECTION:pykka-init
 * @Title: Initialisation
 * @Short_description: setting up the library
 *
 * pykka_init() binds the translation domain of the library and creates the default
 * registry. Calling it is optional: every entry point that needs it calls it.
 */

/**
 * pykka_init:
 *
 * Initialises pykka-glib. It may be called any number of times from any thread.
 *
 * Since: 0.1
 */
void
pykka_init (void)
{
  static gsize initialised = 0;

  if (g_once_init_enter (&initialised))
    {
      bindtextdomain (GETTEXT_PACKAGE, PYKKA_LOCALEDIR);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      g_type_ensure (PYKKA_TYPE_FUTURE);
      g_type_ensure (PYKKA_TYPE_ACTOR_REF);
      g_type_ensure (PYKKA_TYPE_ACTOR_REGISTRY);
      (void) pykka_actor_registry_get_default ();
      g_once_init_leave (&initialised, 1);
    }
}

void
_pykka_ensure_init (void)
{
  pykka_init ();
}

/**
 * pykka_get_major_version:
 *
 * Gets the major version of the library the program runs with, which may be newer than
 * %PYKKA_MAJOR_VERSION, the one it was compiled against.
 *
 * Returns: the major version of the pykka-glib library in use
 *
 * Since: 0.1
 */
guint
pykka_get_major_version (void)
{
  return PYKKA_MAJOR_VERSION;
}

/**
 * pykka_get_minor_version:
 *
 * Gets the minor version of the library the program runs with, which may be newer than
 * %PYKKA_MINOR_VERSION, the one it was compiled against.
 *
 * Returns: the minor version of the pykka-glib library in use
 *
 * Since: 0.1
 */
guint
pykka_get_minor_version (void)
{
  return PYKKA_MINOR_VERSION;
}

/**
 * pykka_get_micro_version:
 *
 * Gets the micro version of the library the program runs with, which may be newer than
 * %PYKKA_MICRO_VERSION, the one it was compiled against.
 *
 * Returns: the micro version of the pykka-glib library in use
 *
 * Since: 0.1
 */
guint
pykka_get_micro_version (void)
{
  return PYKKA_MICRO_VERSION;
}
