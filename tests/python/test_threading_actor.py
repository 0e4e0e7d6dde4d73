# SPDX-FileCopyrightText: 2026 The pykka-glib authors
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Pykka's tests/test_threading_actor.py, ported to pykka-glib's Python override.

Pykka's "exactly one thread" checks assume the previous test's actor thread has exited
after ``ref.stop()`` (PYKKA-BEHAVIOUR.md §2.6 calls that racy); here the fixtures join the
thread (``actor_stopped.wait()``) before the next test.
"""

import threading

import gi
import pytest

gi.require_version("Pykka", "1")
from gi.repository.Pykka import ThreadingActor  # noqa: E402


class RegularActor(ThreadingActor):
    pass


class DaemonActor(ThreadingActor):
    use_daemon_thread = True


@pytest.fixture
def regular_actor_ref():
    ref = RegularActor.start()
    yield ref
    ref.stop()
    ref.actor_stopped.wait(5)


@pytest.fixture
def daemon_actor_ref():
    ref = DaemonActor.start()
    yield ref
    ref.stop()
    ref.actor_stopped.wait(5)


def test_actor_thread_is_named_after_pykka_actor_class(regular_actor_ref):
    alive_threads = threading.enumerate()
    alive_thread_names = [t.name for t in alive_threads]
    named_correctly = [name.startswith(RegularActor.__name__) for name in alive_thread_names]

    assert any(named_correctly)


def test_actor_thread_is_not_daemonic_by_default(regular_actor_ref):
    alive_threads = threading.enumerate()
    actor_threads = [t for t in alive_threads if t.name.startswith("RegularActor")]

    assert len(actor_threads) == 1
    assert not actor_threads[0].daemon


def test_actor_thread_is_daemonic_if_use_daemon_thread_flag_is_set(daemon_actor_ref):
    alive_threads = threading.enumerate()
    actor_threads = [t for t in alive_threads if t.name.startswith("DaemonActor")]

    assert len(actor_threads) == 1
    assert actor_threads[0].daemon


def test_actor_thread_ends_when_the_actor_has_stopped(regular_actor_ref):
    threads = [t for t in threading.enumerate() if t.name.startswith("RegularActor")]
    assert len(threads) == 1
    regular_actor_ref.stop()
    threads[0].join(5)
    assert not threads[0].is_alive()
