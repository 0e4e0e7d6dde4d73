/* pykka-test-utils.h: shared helpers of the C test programs
 *
 * SPDX-FileCopyrightText: 2026 The pykka-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * tests/TESTING-NOTES.md has the rules for test authors and the semantics the library
 * implements (log strings, error codes, None, lists, stop and failure paths).
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

/* The wait used by the helpers below (5 s, as the tests' WAIT_US). */
#define PYKKA_TEST_WAIT_US (5 * G_TIME_SPAN_SECOND)

/* Initialises @value (uninitialised) as a G_TYPE_STRING holding a copy of @string. */
void      pykka_test_value_init_string (GValue *value, const char *string);

/* Initialises @value (uninitialised) as a G_TYPE_INT holding @number. */
void      pykka_test_value_init_int (GValue *value, int number);

/* pykka_test_start (@actor), asserting that it succeeds; returns the ref (transfer full). */
PykkaActorRef *pykka_test_start_actor (gpointer actor);

/* Creates an actor of @type without properties and starts it with pykka_test_start_actor. */
PykkaActorRef *pykka_test_start_new_actor (GType type);

/* pykka_actor_ref_proxy (@ref), asserting that it succeeds (transfer full). */
PykkaActorProxy *pykka_test_make_proxy (PykkaActorRef *ref);

/* pykka_actor_proxy_traverse (@proxy, @attr_path), asserting that it succeeds (transfer full). */
PykkaActorProxy *pykka_test_traverse (PykkaActorProxy *proxy, const char *attr_path);

/* Waits up to 5 s for @future into @value (uninitialised), asserting that it succeeds. */
void      pykka_test_future_get     (PykkaFuture *future, GValue *value);

/* Waits up to 5 s for @future, asserting a string value; returns a copy of it. */
char     *pykka_test_future_get_string (PykkaFuture *future);

/* Waits up to 5 s for @future, asserting that it fails; returns the error (transfer full). */
GError   *pykka_test_future_get_error (PykkaFuture *future);

/* Reads @attr_path through @proxy (which must accept it) and returns its string value. */
char     *pykka_test_proxy_get_string (PykkaActorProxy *proxy, const char *attr_path);

/* Calls @attr_path through @proxy without arguments (which must be accepted) and returns the
 * string it returns. */
char     *pykka_test_proxy_call_string (PykkaActorProxy *proxy, const char *attr_path);

/* Stops every actor of @registry within 5 s, asserting success and that none is left. */
void      pykka_test_stop_registry  (PykkaActorRegistry *registry);

/* Sets @future to the int @number, asserting that it succeeds. */
void      pykka_test_future_set_int (PykkaFuture *future, int number);

/* Tells @ref the string @string, asserting that it is accepted. */
void      pykka_test_tell_string    (PykkaActorRef *ref, const char *string);

/* Asks @ref "ping" (blocking, up to 5 s), asserting that it replies "pong". */
void      pykka_test_assert_ping    (PykkaActorRef *ref);

/* Stops @ref within 5 s, asserting that it was alive and that the stop succeeds. */
void      pykka_test_stop_ref       (PykkaActorRef *ref);

G_END_DECLS
