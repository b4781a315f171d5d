"""Chaos fixtures: a factory of fault-injecting proxies, all stopped when the test ends."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

import pytest

from tests.chaos.proxy import Fault, FaultProxy

ProxyFactory = Callable[..., FaultProxy]


@pytest.fixture
def fault_proxy() -> Iterator[ProxyFactory]:
    """Start proxies with ``fault_proxy((host, port), schedule, **options)``; each is stopped
    (port released, thread joined) at teardown."""
    started: list[FaultProxy] = []

    def make(
        upstream: tuple[str, int],
        schedule: Iterable[Fault] | Callable[[int], Fault] = (),
        **options: Any,
    ) -> FaultProxy:
        proxy = FaultProxy(upstream[0], upstream[1], schedule, **options)
        started.append(proxy)
        return proxy.start()

    yield make
    for proxy in started:
        proxy.stop()
