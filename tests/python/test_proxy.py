# SPDX-FileCopyrightText: 2026 The pykka-glib authors
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Pykka's tests/proxy/test_proxy.py, ported to pykka-glib's Python override."""

import gi
import pytest

gi.require_version("Pykka", "1")
from gi.repository import Pykka as pykka  # noqa: E402
from gi.repository.Pykka import ActorDeadError, ActorProxy  # noqa: E402


class NestedObject:
    pass


@pytest.fixture(scope="module")
def actor_class(runtime):
    class ActorForProxying(runtime.actor_class):
        a_nested_object = pykka.traversable(NestedObject())
        a_class_attr = "class_attr"

        def __init__(self):
            super(runtime.actor_class, self).__init__()
            self.an_instance_attr = "an_instance_attr"

        def a_method(self):
            pass

    return ActorForProxying


@pytest.fixture
def proxy(actor_class):
    proxy = ActorProxy(actor_class.start())
    yield proxy
    proxy.stop()


def test_eq_to_self(proxy):
    assert proxy == proxy


def test_is_hashable(proxy):
    assert hash(proxy) == hash(proxy)


def test_eq_to_another_proxy_for_same_actor_and_attr_path(proxy):
    proxy2 = proxy.actor_ref.proxy()

    assert proxy == proxy2


def test_not_eq_to_proxy_with_different_attr_path(proxy):
    assert proxy != proxy.a_nested_object


def test_repr_is_wrapped_in_lt_and_gt(proxy):
    result = repr(proxy)

    assert result.startswith("<")
    assert result.endswith(">")


def test_repr_reveals_that_this_is_a_proxy(proxy):
    assert "ActorProxy" in repr(proxy)


def test_repr_contains_actor_class_name(proxy):
    assert "ActorForProxying" in repr(proxy)


def test_repr_contains_actor_urn(proxy):
    assert proxy.actor_ref.actor_urn in repr(proxy)


def test_repr_contains_attr_path(proxy):
    assert "a_nested_object" in repr(proxy.a_nested_object)


def test_str_contains_actor_class_name(proxy):
    assert "ActorForProxying" in str(proxy)


def test_str_contains_actor_urn(proxy):
    assert proxy.actor_ref.actor_urn in str(proxy)


def test_dir_on_proxy_lists_attributes_of_the_actor(proxy):
    result = dir(proxy)

    assert "a_class_attr" in result
    assert "an_instance_attr" in result
    assert "a_method" in result


def test_dir_on_proxy_lists_private_attributes_of_the_proxy(proxy):
    result = dir(proxy)

    assert "__class__" in result
    assert "__dict__" in result
    assert "__getattr__" in result
    assert "__setattr__" in result


def test_refs_proxy_method_returns_a_proxy(actor_class):
    proxy_from_ref_proxy = actor_class.start().proxy()

    assert isinstance(proxy_from_ref_proxy, ActorProxy)

    proxy_from_ref_proxy.stop().get()


def test_proxy_constructor_raises_exception_if_actor_is_dead(actor_class):
    actor_ref = actor_class.start()
    actor_ref.stop()

    with pytest.raises(ActorDeadError) as exc_info:
        ActorProxy(actor_ref)

    assert str(exc_info.value) == f"{actor_ref} not found"


def test_actor_ref_may_be_retrieved_from_proxy_if_actor_is_dead(proxy):
    proxy.actor_ref.stop()

    assert not proxy.actor_ref.is_alive()


def test_actor_proxy_does_not_expose_proxy_to_self(runtime, log_handler):
    class Actor(runtime.actor_class):
        def __init__(self):
            super().__init__()
            self.self_proxy = self.actor_ref.proxy()
            self.foo = "bar"

    actor_ref = Actor.start()
    try:
        proxy = actor_ref.proxy()

        assert proxy.foo.get() == "bar"
        with pytest.raises(AttributeError, match="has no attribute 'self_proxy'"):
            proxy.self_proxy.foo.get()
    finally:
        actor_ref.stop()

    log_handler.wait_for_message("warning")
    with log_handler.lock:
        assert len(log_handler.messages["warning"]) == 2
        log_record = log_handler.messages["warning"][0]

    assert (
        "attribute 'self_proxy' is a proxy to itself. "
        "Consider making it private by renaming it to '_self_proxy'."
    ) in log_record.getMessage()


# Beyond Pykka's tests.


def test_proxy_does_not_expose_gobject_machinery(proxy):
    result = dir(proxy)

    # Pykka's actor API is there ...
    for name in ("stop", "on_receive", "on_start", "on_stop", "on_failure", "actor_ref",
                 "actor_urn"):
        assert name in result
    # ... GObject's and the C class's are not, nor the vfunc glue.
    for name in ("connect", "emit", "get_property", "props", "start_hosted", "do_call",
                 "do_on_receive", "get_actor_ref"):
        assert name not in result


def test_actor_attributes_are_readable_through_proxies(proxy):
    # PYKKA-BEHAVIOUR.md §4.3 (probed): actor_urn and use_daemon_thread are readable through
    # proxies (actor_ref is the proxy's own attribute).
    assert proxy.actor_urn.get() == proxy.actor_ref.actor_urn
    assert proxy.use_daemon_thread.get() is False


def test_proxy_stop_calls_actor_stop(runtime, events):
    class Stoppable(runtime.actor_class):
        def on_stop(self):
            events.on_stop_was_called.set()

    proxy = Stoppable.start().proxy()
    assert proxy.stop().get() is None
    events.on_stop_was_called.wait(5)
    assert events.on_stop_was_called.is_set()


def test_calls_to_a_dead_actor_give_failed_futures_and_defer_raises(proxy):
    method = proxy.a_method
    proxy.actor_ref.stop()

    future = method()
    with pytest.raises(ActorDeadError):
        future.get(timeout=1)
    with pytest.raises(ActorDeadError):
        method.defer()
