# SPDX-FileCopyrightText: 2026 The pykka-glib authors
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Smoke test of the Pykka GIR binding from plain PyGObject (no override needed).

Run by /usr/bin/python3 with GI_TYPELIB_PATH and LD_LIBRARY_PATH pointing at the build
directory (see meson.build beside this file). Prints TAP; exits non-zero on any failure.

What PyGObject 3.42 makes of the API (checked by running it):
- pykka_actor_ref_ask_sync and pykka_future_get are "Returns: (skip)": Python gets the
  reply itself, and a failure raises GLib.Error.
- pykka_actor_ref_stop, pykka_actor_ref_tell and pykka_future_set return their gboolean.
- Pykka.Error is the registered error domain, so Pykka.Error.X are the codes of GLib.Error
  raised with domain "pykka-error-quark".
- Pykka.Future.get_all is not skipped: it returns (True, values=[...]).

Every test also fails if GLib reported a CRITICAL or WARNING meanwhile: "pykka" records through
a log handler, GLib's own through the Python warnings PyGObject turns them into.
"""

import gc
import sys
import traceback
import warnings

import gi

gi.require_version("Pykka", "1")
from gi.repository import GLib, GObject, Pykka  # noqa: E402

SECOND_US = 1_000_000


class Greeter(Pykka.Actor):
    """Answers with a greeting; "boom" fails with a GLib.Error in Pykka's domain."""

    def do_on_receive(self, message):
        if message == "boom":
            raise GLib.Error.new_literal(Pykka.error_quark(), "boom", Pykka.Error.UNHANDLED)
        return "Hi there, %s!" % (message,)


def check(condition, what):
    if not condition:
        raise AssertionError(what)


def check_equal(actual, expected):
    if actual != expected:
        raise AssertionError("%r != %r" % (actual, expected))


def check_raises_pykka_error(code, func, *args):
    try:
        result = func(*args)
    except GLib.Error as error:
        check(
            error.matches(Pykka.error_quark(), code),
            "expected %s, got %s:%d: %s" % (code, error.domain, error.code, error.message),
        )
        return error
    raise AssertionError("expected GLib.Error %s, got %r" % (code, result))


def test_start_returns_a_live_ref():
    ref = Greeter().start()
    try:
        check(isinstance(ref, Pykka.ActorRef), "start() gives a Pykka.ActorRef")
        check(ref.is_alive(), "a started actor is alive")
        check(ref.get_actor_urn().startswith("urn:uuid:"), "the URN is a uuid URN")
        check(GObject.type_is_a(ref.get_actor_type(), Greeter.__gtype__), "actor type is Greeter")
        check_equal(ref.to_string(), "%s (%s)" % (Greeter.__gtype__.name, ref.get_actor_urn()))
    finally:
        check_equal(ref.stop(-1), True)


def test_ask_sync_returns_the_reply():
    ref = Greeter().start()
    try:
        check_equal(ref.ask_sync("hi", -1), "Hi there, hi!")
        check_equal(ref.ask_sync("again", SECOND_US), "Hi there, again!")
    finally:
        check_equal(ref.stop(-1), True)


def test_ask_returns_a_future_of_the_reply():
    ref = Greeter().start()
    try:
        future = ref.ask("x")
        check(isinstance(future, Pykka.Future), "ask() gives a Pykka.Future")
        check_equal(future.get(SECOND_US), "Hi there, x!")
        # get may be called again and gives the same value.
        check_equal(future.get(0), "Hi there, x!")
        check(future.is_done(), "a read future is done")
    finally:
        check_equal(ref.stop(-1), True)


def test_tell_is_delivered_in_order():
    ref = Greeter().start()
    try:
        check_equal(ref.tell("first"), True)
        # FIFO: once this is answered, the tell was handled and the actor still runs.
        check_equal(ref.ask_sync("second", -1), "Hi there, second!")
        check(ref.is_alive(), "the actor runs after a tell")
    finally:
        check_equal(ref.stop(-1), True)


def test_handler_error_reaches_the_asker():
    ref = Greeter().start()
    try:
        error = check_raises_pykka_error(Pykka.Error.UNHANDLED, ref.ask_sync, "boom", -1)
        check_equal(error.domain, "pykka-error-quark")
        check_equal(error.code, int(Pykka.Error.UNHANDLED))
        check_equal(error.message, "boom")

        future = ref.ask("boom")
        error = check_raises_pykka_error(Pykka.Error.UNHANDLED, future.get, SECOND_US)
        check_equal(error.message, "boom")

        # Pykka: a failure returned to the asker does not stop the actor.
        check(ref.is_alive(), "the actor keeps running")
        check_equal(ref.ask_sync("still there", -1), "Hi there, still there!")
    finally:
        check_equal(ref.stop(-1), True)


def test_stop_then_dead():
    ref = Greeter().start()
    check_equal(ref.stop(-1), True)
    check_equal(ref.is_alive(), False)
    # A second stop finds the actor dead: False, no error.
    check_equal(ref.stop(-1), False)

    error = check_raises_pykka_error(Pykka.Error.ACTOR_DEAD, ref.tell, "late")
    check_equal(error.message, "%s not found" % ref.to_string())
    check_raises_pykka_error(Pykka.Error.ACTOR_DEAD, ref.ask_sync, "late", -1)
    check_raises_pykka_error(Pykka.Error.ACTOR_DEAD, ref.ask("late").get, SECOND_US)


def test_second_start_fails():
    actor = Greeter()
    ref = actor.start()
    try:
        check_raises_pykka_error(Pykka.Error.ALREADY_STARTED, actor.start)
        check(ref.is_alive(), "the first start still runs")
    finally:
        check_equal(ref.stop(-1), True)


def test_future_set_and_get():
    future = Pykka.Future.new()
    check(not future.is_done(), "a new future is not done")
    check_raises_pykka_error(Pykka.Error.TIMEOUT, future.get, 0)
    check_equal(future.set("v"), True)
    check(future.is_done(), "a set future is done")
    check_equal(future.get(0), "v")
    check_equal(future.get(-1), "v")
    check_raises_pykka_error(Pykka.Error.ALREADY_SET, future.set, "w")
    check_equal(future.get(0), "v")


def test_future_set_error_and_get():
    future = Pykka.Future()
    failure = GLib.Error.new_literal(Pykka.error_quark(), "nope", Pykka.Error.UNHANDLED)
    check_equal(future.set_error(failure), True)
    error = check_raises_pykka_error(Pykka.Error.UNHANDLED, future.get, 0)
    check_equal(error.message, "nope")


def test_default_registry_lists_running_actors():
    registry = Pykka.ActorRegistry.get_default()
    check(isinstance(registry, Pykka.ActorRegistry), "get_default() gives a registry")
    before = registry.get_all()
    check(isinstance(before, list), "get_all() gives a list")
    check_equal(len(before), 0)

    refs = [Greeter().start() for _ in range(3)]
    try:
        running = registry.get_all()
        check_equal(len(running), 3)
        check(all(isinstance(r, Pykka.ActorRef) for r in running), "the items are refs")
        # In start order, and the very refs start() returned.
        check_equal([r.get_actor_urn() for r in running], [r.get_actor_urn() for r in refs])
        check_equal(registry.get_n_actors(), 3)
        found = registry.get_by_urn(refs[1].get_actor_urn())
        check_equal(found.get_actor_urn(), refs[1].get_actor_urn())
        check_equal(len(registry.get_by_type(Greeter.__gtype__)), 3)
    finally:
        check_equal(registry.stop_all(-1), True)
    check_equal(registry.get_all(), [])
    check(all(not r.is_alive() for r in refs), "stop_all stopped every actor")


def test_registry_lookups_keep_refs_alive():
    # Each lookup hands Python the refs; dropping the lists must give back exactly what the
    # lookup took, no more (a GPtrArray that owns its elements is "transfer container").
    registry = Pykka.ActorRegistry.get_default()
    ref = Greeter().start()
    try:
        check_equal(ref.ask_sync("ready", -1), "Hi there, ready!")
        before = ref.__grefcount__
        for _ in range(3):
            check_equal(len(registry.get_all()), 1)
            check_equal(len(registry.get_by_type(Greeter.__gtype__)), 1)
            check_equal(len(registry.get_by_type_name(Greeter.__gtype__.name)), 1)
            found = registry.get_by_urn(ref.get_actor_urn())
            check(found is ref, "get_by_urn gives the same ref")
            del found
        gc.collect()
        check_equal(ref.__grefcount__, before)
        check_equal(ref.ask_sync("still", -1), "Hi there, still!")
    finally:
        check_equal(ref.stop(-1), True)
    check_equal(ref.is_alive(), False)


TESTS = [
    test_start_returns_a_live_ref,
    test_ask_sync_returns_the_reply,
    test_ask_returns_a_future_of_the_reply,
    test_tell_is_delivered_in_order,
    test_handler_error_reaches_the_asker,
    test_stop_then_dead,
    test_second_start_fails,
    test_future_set_and_get,
    test_future_set_error_and_get,
    test_default_registry_lists_running_actors,
    test_registry_lookups_keep_refs_alive,
]

# "pykka" records at CRITICAL or WARNING, from any thread.
glib_problems = []


def record_pykka_log(domain, level, message, *user_data):
    glib_problems.append("%s-%s: %s" % (domain, int(level), message))


def run_test(test):
    """Runs @test; raises if it failed or if GLib reported a problem meanwhile."""
    del glib_problems[:]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        test()
        gc.collect()
    problems = list(glib_problems) + [
        "%s: %s" % (w.category.__name__, w.message)
        for w in caught
        if not issubclass(w.category, DeprecationWarning)
    ]
    if problems:
        raise AssertionError("GLib reported problems:\n" + "\n".join(problems))


def main():
    failures = 0
    GLib.log_set_handler(
        "pykka",
        GLib.LogLevelFlags.LEVEL_CRITICAL | GLib.LogLevelFlags.LEVEL_WARNING,
        record_pykka_log,
    )
    print("1..%d" % len(TESTS), flush=True)
    for number, test in enumerate(TESTS, start=1):
        name = test.__name__[len("test_"):]
        try:
            run_test(test)
        except Exception:
            failures += 1
            print("not ok %d - %s" % (number, name))
            for line in traceback.format_exc().splitlines():
                print("# " + line)
        else:
            print("ok %d - %s" % (number, name))
        sys.stdout.flush()

    # Leave no actor thread calling into a finalising interpreter.
    try:
        Pykka.ActorRegistry.get_default().stop_all(-1)
    except GLib.Error:
        failures += 1
        print("# stop_all at exit failed: " + traceback.format_exc().replace("\n", "\n# "))

    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
