# SPDX-FileCopyrightText: 2026 The pykka-glib authors
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Pykka's tests/test_future.py and test_future_py3.py (v2.0.3, plus what v4.3 added),
ported to pykka-glib's Python override. pytest-mock's ``mocker`` is replaced by
unittest.mock."""

import asyncio
import queue
import sys
import threading
import traceback
from unittest import mock

import gi
import pytest

gi.require_version("Pykka", "1")
from gi.repository import GLib  # noqa: E402
from gi.repository import Pykka as pykka  # noqa: E402
from gi.repository.Pykka import Future, Timeout, get_all  # noqa: E402

ONE_FUTURE_CLASS = (
    "pykka-glib has one concrete future class (Pykka.Future, the GObject of the C library); "
    "Pykka's abstract base Future has no counterpart")


@pytest.fixture
def future_class(runtime):
    return runtime.future_class


@pytest.mark.skip(reason=ONE_FUTURE_CLASS)
def test_base_future_get_is_not_implemented():
    future = Future()

    with pytest.raises(NotImplementedError):
        future.get()


@pytest.mark.skip(reason=ONE_FUTURE_CLASS)
def test_base_future_set_is_not_implemented():
    future = Future()

    with pytest.raises(NotImplementedError):
        future.set(None)


@pytest.mark.skip(reason=ONE_FUTURE_CLASS)
def test_base_future_set_exception_is_not_implemented():
    future = Future()

    with pytest.raises(NotImplementedError):
        future.set_exception(None)


def test_set_multiple_times_fails(futures):
    futures[0].set(0)

    with pytest.raises(queue.Full):
        futures[0].set(0)


def test_get_all_blocks_until_all_futures_are_available(futures):
    futures[0].set(0)
    futures[1].set(1)
    futures[2].set(2)

    result = get_all(futures)

    assert result == [0, 1, 2]


def test_get_all_raises_timeout_if_not_all_futures_are_available(futures):
    futures[0].set(0)
    futures[1].set(1)
    # futures[2] is unset

    with pytest.raises(Timeout):
        get_all(futures, timeout=0)


def test_get_all_can_be_called_multiple_times(futures):
    futures[0].set(0)
    futures[1].set(1)
    futures[2].set(2)

    result1 = get_all(futures)
    result2 = get_all(futures)

    assert result1 == result2


def test_future_in_future_works(future_class):
    inner_future = future_class()
    inner_future.set("foo")

    outer_future = future_class()
    outer_future.set(inner_future)

    assert outer_future.get().get() == "foo"


def test_get_raises_exception_with_full_traceback(runtime, future_class):
    exc_class_get = None
    exc_class_set = None
    exc_instance_get = None
    exc_instance_set = None
    exc_traceback_get = None
    exc_traceback_set = None
    future = future_class()

    try:
        raise NameError("foo")
    except NameError:
        exc_class_set, exc_instance_set, exc_traceback_set = sys.exc_info()
        future.set_exception()

    # We could move to another thread at this point

    try:
        future.get()
    except NameError:
        exc_class_get, exc_instance_get, exc_traceback_get = sys.exc_info()

    assert exc_class_set == exc_class_get
    assert exc_instance_set == exc_instance_get

    exc_traceback_list_set = list(reversed(traceback.extract_tb(exc_traceback_set)))
    exc_traceback_list_get = list(reversed(traceback.extract_tb(exc_traceback_get)))

    # All frames from the first traceback should be included in the
    # traceback from the future.get() reraise
    assert len(exc_traceback_list_set) < len(exc_traceback_list_get)
    for i, frame in enumerate(exc_traceback_list_set):
        assert frame == exc_traceback_list_get[i]


def test_filter_excludes_items_not_matching_predicate(future):
    filtered = future.filter(lambda x: x > 10)
    future.set([1, 3, 5, 7, 9, 11, 13, 15, 17, 19])

    assert filtered.get(timeout=0) == [11, 13, 15, 17, 19]


def test_filter_on_noniterable(future):
    filtered = future.filter(lambda x: x > 10)
    future.set(1)

    with pytest.raises(TypeError):
        filtered.get(timeout=0)


def test_filter_preserves_the_timeout_kwarg(future):
    filtered = future.filter(lambda x: x > 10)

    with pytest.raises(Timeout):
        filtered.get(timeout=0)


def test_filter_reuses_result_if_called_multiple_times(future):
    raise_on_reuse_func = mock.Mock(side_effect=[False, True, Exception])

    filtered = future.filter(raise_on_reuse_func)
    future.set([1, 2])

    assert filtered.get(timeout=0) == [2]
    assert filtered.get(timeout=0) == [2]  # First result is reused
    assert filtered.get(timeout=0) == [2]  # First result is reused


def test_join_combines_multiple_futures_into_one(futures):
    joined = futures[0].join(futures[1], futures[2])
    futures[0].set(0)
    futures[1].set(1)
    futures[2].set(2)

    assert joined.get(timeout=0) == [0, 1, 2]


def test_join_preserves_timeout_kwarg(futures):
    joined = futures[0].join(futures[1], futures[2])
    futures[0].set(0)
    futures[1].set(1)
    # futures[2] is unset

    with pytest.raises(Timeout):
        joined.get(timeout=0)


def test_map_returns_future_which_passes_result_through_func(future):
    mapped = future.map(lambda x: x + 10)
    future.set(30)

    assert mapped.get(timeout=0) == 40


def test_map_works_on_dict(future):
    # Regression test for issue #64

    mapped = future.map(lambda x: x["foo"])
    future.set({"foo": "bar"})

    assert mapped.get(timeout=0) == "bar"


def test_map_does_not_map_each_value_in_futures_iterable_result(future):
    # Behavior changed in Pykka 2.0:
    # This used to map each value in the future's result through the func,
    # yielding [20, 30, 40].

    mapped = future.map(lambda x: x + 10)
    future.set([10, 20, 30])

    with pytest.raises(TypeError):
        mapped.get(timeout=0)


def test_map_preserves_timeout_kwarg(future):
    mapped = future.map(lambda x: x + 10)

    with pytest.raises(Timeout):
        mapped.get(timeout=0)


def test_map_reuses_result_if_called_multiple_times(future):
    raise_on_reuse_func = mock.Mock(side_effect=[10, Exception])

    mapped = future.map(raise_on_reuse_func)
    future.set(30)

    assert mapped.get(timeout=0) == 10
    assert mapped.get(timeout=0) == 10  # First result is reused


def test_reduce_applies_function_cumulatively_from_the_left(future):
    reduced = future.reduce(lambda x, y: x + y)
    future.set([1, 2, 3, 4])

    assert reduced.get(timeout=0) == 10


def test_reduce_accepts_an_initial_value(future):
    reduced = future.reduce(lambda x, y: x + y, 5)
    future.set([1, 2, 3, 4])

    assert reduced.get(timeout=0) == 15


def test_reduce_on_noniterable(future):
    reduced = future.reduce(lambda x, y: x + y)
    future.set(1)

    with pytest.raises(TypeError):
        reduced.get(timeout=0)


def test_reduce_preserves_the_timeout_kwarg(future):
    reduced = future.reduce(lambda x, y: x + y)

    with pytest.raises(Timeout):
        reduced.get(timeout=0)


def test_reduce_reuses_result_if_called_multiple_times(future):
    raise_on_reuse_func = mock.Mock(side_effect=[3, 6, Exception])

    reduced = future.reduce(raise_on_reuse_func)
    future.set([1, 2, 3])

    assert reduced.get(timeout=0) == 6
    assert reduced.get(timeout=0) == 6  # First result is reused
    assert reduced.get(timeout=0) == 6  # First result is reused


@pytest.mark.skip(reason="gevent runtime only (removed in Pykka 3)")
def test_gevent_future_can_wrap_existing_async_result():
    pass


# Pykka 4.3: one setter per future; the get hook's result is kept, also when it is None.


def test_get_hook_is_only_called_once_even_if_result_is_none(future):
    hook = mock.Mock(return_value=None)
    future.set_get_hook(hook)

    assert future.get() is None
    assert future.get() is None
    hook.assert_called_once_with(None)


def test_set_is_not_allowed_on_future_with_get_hook(future):
    hook = mock.Mock(return_value=123)
    future.set_get_hook(hook)

    with pytest.raises(queue.Full):
        future.set(None)

    assert future.get() == 123
    hook.assert_called_once_with(None)


def test_set_exception_is_not_allowed_on_future_with_get_hook(future):
    hook = mock.Mock(return_value=123)
    future.set_get_hook(hook)

    with pytest.raises(queue.Full):
        future.set_exception(Exception("foo"))

    assert future.get() == 123
    hook.assert_called_once_with(None)


def test_set_hook_is_not_allowed_on_future_with_result(future):
    future.set(123)
    hook = mock.Mock(return_value=456)

    with pytest.raises(queue.Full):
        future.set_get_hook(hook)

    assert future.get() == 123
    hook.assert_not_called()


# test_future_py3.py: await and yield from. Pykka's __await__ makes a blocking get();
# pykka-glib's waits on a helper thread, so the event loop keeps running meanwhile.


def test_future_supports_await_syntax(future):
    async def get_value():
        return await future

    future.set(1)
    assert asyncio.run(get_value()) == 1


def test_future_supports_yield_from_syntax(future):
    def get_value():
        val = yield from future
        return val

    future.set(1)
    generator = get_value()
    with pytest.raises(StopIteration) as exc_info:
        while True:
            next(generator)
    assert exc_info.value.value == 1


# Beyond Pykka's tests.


def test_await_does_not_block_the_event_loop(runtime):
    class Waiter(runtime.actor_class):
        def on_receive(self, release):
            # Released by a coroutine of the loop that awaits this reply: if await blocked
            # the loop, that could not happen and this would give up after 5 s.
            return release.wait(5)

    ref = Waiter.start()

    async def main():
        release = threading.Event()
        reply = ref.ask(release, block=False)

        async def releaser():
            await asyncio.sleep(0)
            release.set()

        task = asyncio.create_task(releaser())
        result = await reply
        await task
        return result

    assert asyncio.run(main()) is True


def test_await_of_a_failed_future_raises_the_original_exception(runtime):
    error = ValueError("from the actor")

    class Raiser(runtime.actor_class):
        def on_receive(self, message):
            raise error

    ref = Raiser.start()

    async def main():
        return await ref.ask("x", block=False)

    with pytest.raises(ValueError) as exc_info:
        asyncio.run(main())
    assert exc_info.value is error


def test_await_of_a_future_set_later_from_another_thread(future):
    async def main():
        threading.Timer(0.01, future.set, ("late",)).start()
        return await future

    assert asyncio.run(main()) == "late"


def test_many_awaits_at_once(future_class):
    futures = [future_class() for _ in range(50)]

    async def main():
        async def setter():
            for i, f in enumerate(futures):
                f.set(i)
                await asyncio.sleep(0)

        results, _ = await asyncio.gather(asyncio.gather(*futures), setter())
        return results

    assert asyncio.run(main()) == list(range(50))


def test_get_raises_the_same_exception_object_every_time(future):
    try:
        raise KeyError("k")
    except KeyError:
        future.set_exception()
    first = second = None
    try:
        future.get()
    except KeyError as e:
        first = e
    try:
        future.get(timeout=0)
    except KeyError as e:
        second = e
    assert first is not None and first is second


def test_set_exception_accepts_an_exception_object(future):
    error = LookupError("object")
    future.set_exception(error)
    with pytest.raises(LookupError) as exc_info:
        future.get(timeout=0)
    assert exc_info.value is error


def test_get_from_many_threads_gives_everyone_the_value(future):
    results = []
    lock = threading.Lock()

    def reader():
        value = future.get(timeout=5)
        with lock:
            results.append(value)

    threads = [threading.Thread(target=reader) for _ in range(8)]
    for t in threads:
        t.start()
    future.set({"shared": True})
    for t in threads:
        t.join(10)
    assert len(results) == 8
    assert all(r is results[0] for r in results)


def test_futures_are_glib_objects(future):
    assert isinstance(future, pykka.Future)
    assert future is not None and not future.is_done()
    future.set(1)
    assert future.is_done()


def test_already_set_is_a_glib_error(future):
    future.set(1)
    with pytest.raises(GLib.Error) as exc_info:
        future.set(2)
    assert exc_info.value.matches(pykka.error_quark(), pykka.Error.ALREADY_SET)


def test_combinators_of_the_c_library_give_python_lists():
    # A future whose value is a list made by C (pykka_future_join of the introspected
    # class): get() converts the GPtrArray of GValues to a Python list.
    c_future_class = gi.module.get_introspection_module("Pykka").Future
    a, b = pykka.Future(), pykka.Future()
    a.set(1)
    b.set({"two": 2})
    joined = c_future_class.join(a, [b])
    assert joined.get(timeout=0) == [1, {"two": 2}]
    assert joined.get(timeout=0) == [1, {"two": 2}]
