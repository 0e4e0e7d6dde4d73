/* pykka-test-utils.h: shared helpers of the C test programs
 *
 * SPDX-FileCopyrightText: 2026 The pykka-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * READ tests/TESTING-NOTES.md FIRST: the rules for test authors, your build directory, and the
 * semantics the library implements (log strings, error codes, None, lists, stop and failure paths).
 */

#pragma once

#include <pykka-glib/pykka-glib.h>

G_BEGIN_DECLS

/* Installs a log writer that records every record of the "pykka" domain (and passes every
 * other record to the default writer), turns on debug output, and makes only CRITICAL and
 * ERROR fatal, so that tests can count Pykka's WARNING records instead of aborting on them.
 * Call it right after g_test_init(). */
void      pykka_test_init           (int *argc, char ***argv);

/* Forgets every recorded record. */
void      pykka_test_log_reset      (void);

/* The number of recorded "pykka" records at @level (one of G_LOG_LEVEL_DEBUG, _INFO,
 * _MESSAGE, _WARNING). */
guint     pykka_test_log_count      (GLogLevelFlags level);

/* Waits up to 5 s until at least @n records at @level exist; returns whether they do. */
gboolean  pykka_test_log_wait       (GLogLevelFlags level, guint n);

/* The messages recorded at @level, in order (transfer full, NULL-terminated). */
char    **pykka_test_log_messages   (GLogLevelFlags level);

/* A one-shot event, like Python's threading.Event, for tests. */
typedef struct _PykkaTestEvent PykkaTestEvent;
PykkaTestEvent *pykka_test_event_new  (void);
void            pykka_test_event_free (PykkaTestEvent *event);
void            pykka_test_event_set  (PykkaTestEvent *event);
gboolean        pykka_test_event_is_set (PykkaTestEvent *event);
/* Waits up to @timeout_ms; returns whether the event is set. */
gboolean        pykka_test_event_wait (PykkaTestEvent *event, guint timeout_ms);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PykkaTestEvent, pykka_test_event_free)

/* Starts @actor on the runtime the test run is parametrised with: the environment variable
 * PYKKA_TEST_RUNTIME is "thread" (default, pykka_actor_start), "pool" (the default pool),
 * "context" (a main context iterated by a thread of the test utils) or "caller"
 * (pykka_actor_start_hosted, then pykka_actor_run on a thread of the test utils). */
PykkaActorRef *pykka_test_start (PykkaActor *actor, GError **error);

/* The name of that runtime. */
const char    *pykka_test_runtime (void);

/* Stops every actor of the default registry (a teardown like Pykka's stop_all fixture). */
void      pykka_test_stop_all       (void);

G_END_DECLS
