# SPDX-FileCopyrightText: 2026 The pykka-glib authors
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Pykka 4's tests/proxy/test_typed_proxy.py, ported to pykka-glib's Python override.

pykka.typing (proxy_field, proxy_method, ActorMemberMixin) only serves type checkers and
does nothing at run time; the port keeps what the tests check at run time.
"""

from dataclasses import dataclass

import gi
import pytest

gi.require_version("Pykka", "1")
from gi.repository import Pykka as pykka  # noqa: E402


@dataclass
class Constants:
    pi: float


@pytest.fixture
def proxy(runtime):
    class CircleActor(runtime.actor_class):
        constants = pykka.traversable(Constants(pi=3.14))
        text = "The fox crossed the road."

        def area(self, radius):
            return self.constants.pi * radius ** 2

    proxy = CircleActor.start().proxy()
    yield proxy
    proxy.stop()


def test_proxy_field(proxy):
    assert proxy.text.get() == "The fox crossed the road."


def test_proxy_traversable_object_field(proxy):
    assert proxy.constants.pi.get() == 3.14


def test_proxy_method(proxy):
    assert proxy.area(2.0).get() == 12.56


def test_proxy_to_actor_methods(proxy):
    assert proxy.stop().get() is None
