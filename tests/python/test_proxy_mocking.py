# SPDX-FileCopyrightText: 2026 The pykka-glib authors
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Pykka's tests/proxy/test_mocking.py, ported to pykka-glib's Python override
(pytest-mock's ``mocker`` replaced by unittest.mock)."""

from unittest import mock

import pytest

pytestmark = pytest.mark.usefixtures("stop_all")


@pytest.fixture
def actor_class(runtime):
    class ActorForMocking(runtime.actor_class):
        _a_rw_property = "a_rw_property"

        @property
        def a_rw_property(self):
            return self._a_rw_property

        @a_rw_property.setter
        def a_rw_property(self, value):
            self._a_rw_property = value

        def a_method(self):
            raise Exception("This method should be mocked")

    return ActorForMocking


@pytest.fixture
def proxy(actor_class):
    proxy = actor_class.start().proxy()
    yield proxy
    proxy.stop()


def test_actor_with_noncallable_mock_property_works(actor_class):
    mock_property = mock.NonCallableMock()
    mock_property.__get__ = mock.Mock(return_value="mocked property value")
    assert not callable(mock_property)

    actor_class.a_rw_property = mock_property
    proxy = actor_class.start().proxy()

    # When using NonCallableMock to fake the property, the value still behaves
    # as a property when access through the proxy.
    assert proxy.a_rw_property.get() == "mocked property value"

    assert mock_property.__get__.call_count == 1


def test_actor_with_callable_mock_property_does_not_work(actor_class):
    mock_property = mock.Mock()
    mock_property.__get__ = mock.Mock(return_value="mocked property value")
    assert callable(mock_property)

    actor_class.a_rw_property = mock_property
    proxy = actor_class.start().proxy()

    # XXX Because Mock and MagicMock are callable by default, they cause the
    # property to be wrapped in a `CallableProxy`. Thus, the property no
    # longer behaves as a property when mocked and accessed through a proxy.
    with pytest.raises(AttributeError) as exc_info:
        assert proxy.a_rw_property.get()

    assert "'CallableProxy' object has no attribute 'get'" in str(exc_info.value)


def test_actor_with_mocked_method_works(actor_class):
    method = mock.MagicMock(return_value="mocked method return")
    with mock.patch.object(actor_class, "a_method", new=method):
        proxy = actor_class.start().proxy()

        assert proxy.a_method().get() == "mocked method return"

    assert method.call_count == 1
