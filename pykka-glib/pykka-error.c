/* pykka-error.c: the Pykka.Error domain
 *
 * SPDX-FileCopyrightText: 2026 The pykka-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "pykka-glib.h"

/**
 * SECTION:pykka-error
 * @Title: Errors
 * @Short_description: the Pykka.Error domain
 *
 * Where Pykka raises an exception of its own, pykka-glib fails with a #GError in the
 * %PYKKA_ERROR domain: Pykka's `ActorDeadError` is %PYKKA_ERROR_ACTOR_DEAD, its `Timeout` is
 * %PYKKA_ERROR_TIMEOUT, and the Python errors that Pykka lets through (`AttributeError`,
 * `TypeError`) have codes of their own (#PykkaError).
 *
 * Errors that actor code sets keep their own domain and code on their way to an asker or to
 * #PykkaActorClass.on_failure; only %PYKKA_ERROR_FATAL has a meaning to the library.
 *
 * The messages are translated (gettext domain `pykka-glib-1`) and meant for people; programs
 * test the code with g_error_matches(). Language bindings see the domain as `Pykka.Error`.
 */

/**
 * pykka_error_quark:
 *
 * Gets the quark of the %PYKKA_ERROR error domain.
 *
 * Returns: the #GQuark of the %PYKKA_ERROR domain
 *
 * Since: 0.1
 */
G_DEFINE_QUARK (pykka-error-quark, pykka_error)
