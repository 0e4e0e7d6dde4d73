/* pykka-error.h: the Pykka.Error domain
 *
 * SPDX-FileCopyrightText: 2026 The pykka-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(PYKKA_GLIB_INSIDE) && !defined(PYKKA_COMPILATION)
#error "Only <pykka-glib/pykka-glib.h> can be included directly."
#endif

#include <glib.h>

#include <pykka-glib/pykka-version-macros.h>

G_BEGIN_DECLS

/**
 * PYKKA_ERROR:
 *
 * The error domain of pykka-glib. Errors in it have a code from #PykkaError.
 *
 * Since: 0.1
 */
#define PYKKA_ERROR (pykka_error_quark ())

/**
 * PykkaError:
 * @PYKKA_ERROR_ACTOR_DEAD: the actor is not alive: a tell, ask or proxy on a stopped actor, or
 *   an ask left in the inbox when the actor stopped
 * @PYKKA_ERROR_TIMEOUT: a get or a blocking ask ran past its timeout
 * @PYKKA_ERROR_NO_SUCH_ATTRIBUTE: a proxy path names nothing the actor exposes, or names a
 *   read-only property that was to be set
 * @PYKKA_ERROR_NOT_TRAVERSABLE: a proxy path goes through an attribute that is not traversable
 * @PYKKA_ERROR_INVALID_ARGUMENT: a wrong argument count, a value that cannot be transformed to
 *   the parameter type, a malformed attribute path, or a reduce of an empty list without an
 *   initial value
 * @PYKKA_ERROR_ALREADY_STARTED: the actor was started before
 * @PYKKA_ERROR_ALREADY_SET: the future was completed (or given a get hook) before
 * @PYKKA_ERROR_NOT_ITERABLE: a filter or reduce on a value that is not a list
 * @PYKKA_ERROR_UNHANDLED: a language binding reported a failure that had no #GError (for
 *   example a Python exception; the message carries its traceback)
 * @PYKKA_ERROR_DEADLOCK: a blocking wait could never end (for example an actor waiting on its
 *   own reply)
 * @PYKKA_ERROR_FATAL: raised by a message handler, stops the actor and then every other actor
 *   of its registry (Pykka's `BaseException` path, for example a Python `SystemExit`)
 *
 * Error codes of the %PYKKA_ERROR domain. Errors raised by actor code keep their own domain
 * and code on their way to the asker and to #PykkaActorClass.on_failure.
 *
 * Since: 0.1
 */
typedef enum
{
  PYKKA_ERROR_ACTOR_DEAD,
  PYKKA_ERROR_TIMEOUT,
  PYKKA_ERROR_NO_SUCH_ATTRIBUTE,
  PYKKA_ERROR_NOT_TRAVERSABLE,
  PYKKA_ERROR_INVALID_ARGUMENT,
  PYKKA_ERROR_ALREADY_STARTED,
  PYKKA_ERROR_ALREADY_SET,
  PYKKA_ERROR_NOT_ITERABLE,
  PYKKA_ERROR_UNHANDLED,
  PYKKA_ERROR_DEADLOCK,
  PYKKA_ERROR_FATAL,
} PykkaError;

PYKKA_AVAILABLE_IN_ALL
GQuark pykka_error_quark (void);

G_END_DECLS
