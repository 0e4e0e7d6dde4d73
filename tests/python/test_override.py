# SPDX-FileCopyrightText: 2026 The pykka-glib authors
# SPDX-License-Identifier: LGPL-2.1-or-later
"""What the override adds to Pykka's API, or has to get right on top of the C library:
values GValue cannot carry, exceptions on their way through C, actors on Python threads,
actors that are not written with the override, and the bare typelib underneath."""

import threading

import gi
import pytest

gi.require_version("Pykka", "1")
from gi.repository import GLib, GObject  # noqa: E402
from gi.repository import Pykka as pykka  # noqa: E402

GIPykka = gi.module.get_introspection_module("Pykka")


@pytest.fixture
def echo(runtime):
    class Echo(runtime.actor_class):
        def on_receive(self, message):
            return message

    ref = Echo.start()
    yield ref
    ref.stop()


# Values


BIG_VALUES = [2 ** 31, -(2 ** 31) - 1, 2 ** 40, -(2 ** 40), 2 ** 63 - 1, -(2 ** 63),
              2 ** 63, 2 ** 64 - 1, 2 ** 64, 2 ** 100, -(2 ** 100)]


@pytest.mark.parametrize("value", BIG_VALUES)
def test_ints_beyond_32_bits_round_trip(echo, value):
    assert echo.ask(value) == value
    assert echo.ask(value, block=False).get(timeout=5) == value


@pytest.mark.parametrize("value", [None, (), (1,), (1, "two", (3.0,)), [1, [2]],
                                   {"a": {"b": [1, 2]}}, {1, 2}, b"\x00bytes", "", "ü",
                                   0, -1, 1.5, True, False])
def test_values_round_trip_with_their_type(echo, value):
    result = echo.ask(value)
    assert result == value
    assert type(result) is type(value)


def test_containers_travel_by_reference(echo):
    message = {"list": [1, 2, 3]}
    assert echo.ask(message) is message
    items = [object(), object()]
    assert echo.ask(items) is items


def test_exception_objects_are_plain_values(echo):
    error = ValueError("a value, not a failure")
    assert echo.ask(error) is error
    glib_error = pykka.ActorDeadError("also a value")
    assert echo.ask(glib_error) is glib_error


def test_future_values(runtime):
    future = runtime.future_class()
    future.set(2 ** 80)
    assert future.get() == 2 ** 80
    mapped = future.map(lambda x: (x, x + 1))
    assert mapped.get() == (2 ** 80, 2 ** 80 + 1)


def test_c_readers_see_64_bit_ints_as_ints(echo):
    # The C library (and JS) reads 64-bit ints as gint64/guint64, not as opaque objects.
    value = GObject.Value(GObject.TYPE_INT64, 2 ** 40)
    assert GIPykka.ActorRef.ask_sync(echo, value, -1) == 2 ** 40


# Exceptions


@pytest.fixture
def raiser(runtime):
    class Raiser(runtime.actor_class):
        def on_receive(self, message):
            return self.fail(message)

        def fail(self, message):
            raise LookupError("no such thing: %s" % message)

    ref = Raiser.start()
    yield ref
    ref.stop()


def test_exception_reaches_the_asker_as_the_original_object(raiser):
    with pytest.raises(LookupError) as exc_info:
        raiser.ask("x")
    assert str(exc_info.value) == "no such thing: x"
    names = [entry.name for entry in exc_info.traceback]
    assert "fail" in names and "on_receive" in names


def test_exception_from_a_future_is_the_same_object_every_time(raiser):
    future = raiser.ask("y", block=False)
    with pytest.raises(LookupError) as first:
        future.get(timeout=5)
    with pytest.raises(LookupError) as second:
        future.get(timeout=5)
    assert first.value is second.value


def test_c_sees_type_name_message_and_traceback(raiser):
    # What C code and other languages get: a GError in Pykka's domain, code UNHANDLED.
    with pytest.raises(GLib.Error) as exc_info:
        GIPykka.ActorRef.ask_sync(raiser, "z", 5_000_000)
    error = exc_info.value
    assert type(error) is GLib.Error
    assert error.matches(pykka.error_quark(), pykka.Error.UNHANDLED)
    assert error.message.startswith("LookupError: no such thing: z\n")
    assert "Traceback (most recent call last):" in error.message
    assert 'in fail' in error.message


def test_without_the_original_an_actor_error_carries_the_text(raiser, monkeypatch):
    import gi.overrides.Pykka as override

    monkeypatch.setattr(override, "_MAX_KEPT_FAILURES", 0)
    with pytest.raises(pykka.ActorError) as exc_info:
        raiser.ask("gone")
    error = exc_info.value
    assert error.type_name == "LookupError"
    assert "no such thing: gone" in str(error)
    assert "Traceback (most recent call last):" in error.traceback_text
    assert error.matches(pykka.error_quark(), pykka.Error.UNHANDLED)


def test_base_exception_is_fatal_and_reaches_the_asker(runtime, events):
    class Exits(runtime.actor_class):
        def on_receive(self, message):
            raise SystemExit(3)

        def on_stop(self):
            events.on_stop_was_called.set()

    class Bystander(runtime.actor_class):
        pass

    bystander = Bystander.start()
    ref = Exits.start()
    with pytest.raises(SystemExit) as exc_info:
        ref.ask("exit", timeout=5)
    assert exc_info.value.code == 3
    assert events.on_stop_was_called.is_set()
    ref.actor_stopped.wait(5)
    bystander.actor_stopped.wait(5)
    assert not bystander.is_alive()


def test_glib_errors_raised_by_actors_keep_domain_and_code(runtime):
    error = GLib.Error("custom", "my-test-domain", 7)

    class RaisesGLibError(runtime.actor_class):
        def on_receive(self, message):
            raise error

    ref = RaisesGLibError.start()
    with pytest.raises(GLib.Error) as exc_info:
        ref.ask("x")
    assert exc_info.value is error
    with pytest.raises(GLib.Error) as exc_info:
        GIPykka.ActorRef.ask_sync(ref, "x", 5_000_000)
    assert (exc_info.value.domain, exc_info.value.code, exc_info.value.message) == (
        "my-test-domain", 7, "custom")


def test_failures_are_never_printed(runtime, events, capfd):
    class FailsEverywhere(runtime.actor_class):
        def on_start(self):
            events.on_start_was_called.set()

        def on_receive(self, message):
            raise RuntimeError(message)

        def on_failure(self, *args):
            events.on_failure_was_called.set()
            raise RuntimeError("and in on_failure")

    ref = FailsEverywhere.start()
    with pytest.raises(RuntimeError):
        ref.ask("asked")
    ref.tell("told")
    events.on_failure_was_called.wait(5)
    ref.actor_stopped.wait(5)
    captured = capfd.readouterr()
    assert "Traceback" not in captured.err
    assert "Traceback" not in captured.out


# Threads


def test_handlers_run_on_a_python_thread(runtime):
    class WhereAmI(runtime.actor_class):
        def on_receive(self, message):
            return threading.current_thread()

    ref = WhereAmI.start()
    thread = ref.ask("where")
    # A thread that Python created (threading.Thread), not a foreign C thread that Python
    # sees as a _DummyThread: the loop keeps its Python thread state between calls.
    assert type(thread) is threading.Thread
    assert thread.name.startswith("WhereAmI-")
    assert thread in threading.enumerate()


# Actors written without the override: GI-style vfuncs, and a C-style actor (action
# signals and properties) reached through the Python proxy.


def test_gi_style_do_on_receive_still_works(runtime):
    class GIStyle(runtime.actor_class):
        def do_on_receive(self, message):
            if message == "fail":
                raise KeyError("gi style")
            return "got %s" % message

    ref = GIStyle.start()
    assert ref.ask("it") == "got it"
    with pytest.raises(KeyError):
        ref.ask("fail")


class NativeStyle(GIPykka.Actor):
    """Not a subclass of the override's Actor: exposes what a C actor exposes."""

    __gsignals__ = {
        "add": (GObject.SignalFlags.RUN_LAST | GObject.SignalFlags.ACTION, int, (int, int)),
    }
    label = GObject.Property(type=str, default="native")

    def do_add(self, a, b):
        return a + b


def test_proxy_of_an_actor_not_written_with_the_override():
    ref = GIPykka.Actor.start(NativeStyle())
    try:
        assert isinstance(ref, pykka.ActorRef)
        proxy = ref.proxy()
        assert "add" in dir(proxy) and "label" in dir(proxy)
        assert proxy.add(3, 4).get(timeout=5) == 7
        assert proxy.label.get(timeout=5) == "native"
        proxy.label = "changed"
        assert proxy.label.get(timeout=5) == "changed"
        with pytest.raises(AttributeError):
            proxy.nothing_here
    finally:
        ref.stop()


# Names


def test_gtype_name_is_the_class_name_when_free(runtime):
    class UniqueNameForThisTest(runtime.actor_class):
        pass

    assert UniqueNameForThisTest.__gtype__.name == "UniqueNameForThisTest"
    ref = UniqueNameForThisTest.start()
    assert GIPykka.ActorRef.to_string(ref) == str(ref)


def test_python_names_in_strings_when_the_gtype_name_was_taken(runtime):
    def make():
        class Twice(runtime.actor_class):
            pass
        return Twice

    first, second = make(), make()
    assert first.__gtype__.name != second.__gtype__.name
    ref = second.start()
    assert str(ref).startswith("Twice (urn:uuid:")
    ref.stop()
    with pytest.raises(pykka.ActorDeadError) as exc_info:
        ref.tell("late")
    assert str(exc_info.value) == "%s not found" % ref


def test_proxies_and_refs_do_not_keep_a_stopped_actor_alive(runtime):
    # Pykka 4.4.2 (PR #251): no actor <-> ref cycle; proxies hold the actor weakly.
    import gc
    import weakref

    class Short(runtime.actor_class):
        def hello(self):
            return "hello"

    ref = Short.start()
    proxy = ref.proxy()
    assert proxy.hello().get(timeout=5) == "hello"
    actor = weakref.ref(ref.dup_actor())
    ref.stop()
    ref.actor_stopped.wait(5)
    gc.collect()
    assert actor() is None
    assert ref.dup_actor() is None
    with pytest.raises(pykka.ActorDeadError):
        proxy.not_known_so_it_looks_again


def test_ctrl_c_interrupts_a_long_get_on_the_main_thread(runtime):
    # Pykka's waits can be interrupted by signals; a wait inside one C call could not, so
    # Future.get() on the main thread waits in C only briefly, then on a threading.Event.
    # (A blocking ask() waits inside one C call, for speed: see ActorRef.ask.)
    import _thread

    assert threading.current_thread() is threading.main_thread()
    release = threading.Event()

    finished = []

    class Busy(runtime.actor_class):
        def on_receive(self, message):
            release.wait(10)
            finished.append(message)
            return "finished"

    ref = Busy.start()
    timer = threading.Timer(0.3, _thread.interrupt_main)
    timer.start()
    try:
        with pytest.raises(KeyboardInterrupt):
            ref.ask("work", block=False).get()
        # Interrupted while the actor was still busy, not once the reply came.
        assert finished == []
    finally:
        timer.cancel()
        release.set()
    assert ref.ask("again", timeout=10) == "finished"
    assert finished == ["work", "again"]


def test_get_hooks_see_the_callers_timeout_on_the_main_thread(future):
    seen = []
    source = pykka.Future()
    threading.Timer(0.3, source.set, (5,)).start()
    mapped = source.map(lambda v: v)
    hooked = pykka.Future()
    hooked.set_get_hook(lambda timeout: seen.append(timeout) or mapped.get(timeout))
    assert hooked.get(timeout=7.5) == 5
    assert seen == [7.5]
