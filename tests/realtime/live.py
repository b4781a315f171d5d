"""Helpers for the realtime tests against a running reference server: identities registered
over REST, and realtime clients of either kind behind one blocking interface."""

from __future__ import annotations

import asyncio
import itertools
import secrets
import threading
import time
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from typing import Any, TypeVar

from agentkit import AgentKit, AsyncAgentKit
from agentkit.realtime import AsyncRealtimeClient, RealtimeClient
from agentkit.testing import ReferenceServer

T = TypeVar("T")
_names = itertools.count()


@dataclass
class Identity:
    """A registered messaging identity and a REST client acting as it."""

    handle: str
    key: str
    rest: AgentKit


def register(server: ReferenceServer, prefix: str = "rt", base_url: str | None = None) -> Identity:
    """Register an identity through the API, the code read from the outbox."""
    handle = f"{prefix}-{next(_names)}-{secrets.token_hex(3)}"
    email = f"{handle}@example.test"
    with AgentKit(base_url=server.base_url, api_key="") as anonymous:
        pending = anonymous.identity.register(email=email, handle=handle, display_name=handle)
        code = server.last_code(email, "register")
        assert code is not None
        made = anonymous.identity.verify(pending.pending_id, code)
    rest = AgentKit(base_url=base_url or server.base_url, api_key=made.api_key, max_retries=5)
    return Identity(handle, made.api_key, rest)


def wait_until(predicate: Callable[[], bool], timeout: float = 10.0) -> bool:
    """Poll ``predicate`` until it holds or ``timeout`` seconds pass; whether it held."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.02)
    return predicate()


class _Loop:
    """An event loop on its own thread, for driving the asyncio client from a test."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self._thread.start()

    def run(self, coroutine: Coroutine[Any, Any, T], timeout: float = 60.0) -> T:
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop).result(timeout)

    def close(self) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)
        self._thread.join(5)
        self.loop.close()


class Realtime:
    """A realtime client of the kind asked for (``sync`` or ``async``), used the same way.

    ``rt`` is the client itself (handlers are registered on it directly); ``connect``,
    ``disconnect`` and ``wait`` block in both kinds.
    """

    def __init__(self, kind: str, base_url: str, key: str, **options: Any) -> None:
        self.kind = kind
        self._loop: _Loop | None = None
        if kind == "sync":
            self._rest: Any = AgentKit(base_url=base_url, api_key=key, max_retries=5)
            self.rt: RealtimeClient | AsyncRealtimeClient = self._rest.realtime(**options)
        else:
            loop = self._loop = _Loop()

            async def make() -> tuple[AsyncAgentKit, AsyncRealtimeClient]:
                rest = AsyncAgentKit(base_url=base_url, api_key=key, max_retries=5)
                return rest, rest.realtime(**options)

            self._rest, self.rt = loop.run(make())

    def connect(self, timeout: float = 30.0) -> None:
        if isinstance(self.rt, RealtimeClient):
            self.rt.connect(timeout)
        else:
            assert self._loop is not None
            self._loop.run(self.rt.connect(timeout))

    def disconnect(self) -> None:
        if isinstance(self.rt, RealtimeClient):
            self.rt.disconnect()
        else:
            assert self._loop is not None
            self._loop.run(self.rt.disconnect())

    def wait(self) -> None:
        if isinstance(self.rt, RealtimeClient):
            self.rt.wait(30)
        else:
            assert self._loop is not None
            self._loop.run(self.rt.wait())

    def close(self) -> None:
        """Disconnect and release everything."""
        self.disconnect()
        if self._loop is not None:
            self._loop.run(self._rest.aclose())
            self._loop.close()
        else:
            self._rest.close()
