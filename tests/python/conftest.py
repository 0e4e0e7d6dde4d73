# SPDX-FileCopyrightText: 2026 The pykka-glib authors
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Fixtures of Pykka's test suite (tests/conftest.py), for pykka-glib's Python override.

The tests here are Pykka's own (PYKKA-BEHAVIOUR.md §2), ported with ``import pykka`` replaced
by the override; where the port differs, the test says why. Run with Debian's interpreter:

  GI_TYPELIB_PATH=BUILDDIR/pykka-glib LD_LIBRARY_PATH=BUILDDIR/pykka-glib \\
  PYTHONPATH=bindings/python /usr/bin/python3 -m pytest -q tests/python

(meson test --suite python does that).
"""

import collections
import logging
import threading
import time

import gi
import pytest

gi.require_version("Pykka", "1")
from gi.repository import Pykka as pykka  # noqa: E402

from log_handler import PykkaTestLogHandler  # noqa: E402

# test_smoke.py exercises the bare typelib (no override) and runs as its own meson test.
collect_ignore = ["test_smoke.py", "bench_ask.py", "check_example.py"]

Runtime = collections.namedtuple(
    "Runtime", ["name", "actor_class", "event_class", "future_class", "sleep_func"])

# Pykka 2 parametrised over threading, gevent and eventlet; Pykka 3+ and this port have one
# runtime: actors on Python threads (running the C actor loop), C futures.
RUNTIMES = {
    "threading": pytest.param(
        Runtime(
            name="threading",
            actor_class=pykka.ThreadingActor,
            event_class=threading.Event,
            future_class=pykka.ThreadingFuture,
            sleep_func=time.sleep,
        ),
        id="threading",
    ),
}


@pytest.fixture(scope="session", params=RUNTIMES.values())
def runtime(request):
    return request.param


@pytest.fixture
def stop_all():
    yield
    pykka.ActorRegistry.stop_all()


@pytest.fixture(autouse=True)
def _no_actor_outlives_its_test():
    """Not in Pykka: stops what a test left running, so that one failing test cannot keep
    non-daemon actor threads (and so the interpreter) alive, or disturb the next test."""
    yield
    pykka.ActorRegistry.stop_all(timeout=10)


@pytest.fixture
def log_handler():
    log_handler = PykkaTestLogHandler()

    root_logger = logging.getLogger()
    root_logger.addHandler(log_handler)
    # pytest sets the root logger level to WARNING. We reset it to NOTSET
    # so that all log messages reaches our log handler.
    root_logger.setLevel(logging.NOTSET)

    yield log_handler

    root_logger.removeHandler(log_handler)
    log_handler.close()


@pytest.fixture
def events(runtime):
    class Events:
        on_start_was_called = runtime.event_class()
        on_stop_was_called = runtime.event_class()
        on_failure_was_called = runtime.event_class()
        greetings_was_received = runtime.event_class()
        actor_registered_before_on_start_was_called = runtime.event_class()

    return Events()


@pytest.fixture(scope="module")
def early_failing_actor_class(runtime):
    class EarlyFailingActor(runtime.actor_class):
        def __init__(self, events):
            super().__init__()
            self.events = events

        def on_start(self):
            try:
                raise RuntimeError("on_start failure")
            finally:
                self.events.on_start_was_called.set()

    return EarlyFailingActor


@pytest.fixture(scope="module")
def late_failing_actor_class(runtime):
    class LateFailingActor(runtime.actor_class):
        def __init__(self, events):
            super().__init__()
            self.events = events

        def on_start(self):
            self.stop()

        def on_stop(self):
            try:
                raise RuntimeError("on_stop failure")
            finally:
                self.events.on_stop_was_called.set()

    return LateFailingActor


@pytest.fixture(scope="module")
def failing_on_failure_actor_class(runtime):
    class FailingOnFailureActor(runtime.actor_class):
        def __init__(self, events):
            super().__init__()
            self.events = events

        def on_receive(self, message):
            if message.get("command") == "raise exception":
                raise Exception("on_receive failure")
            else:
                super().on_receive(message)

        def on_failure(self, *args):
            try:
                raise RuntimeError("on_failure failure")
            finally:
                self.events.on_failure_was_called.set()

    return FailingOnFailureActor


@pytest.fixture
def future(runtime):
    return runtime.future_class()


@pytest.fixture
def futures(runtime):
    return [runtime.future_class() for _ in range(3)]
