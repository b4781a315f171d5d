"""Sends under injected faults, shared by the chaos tests of one server and of several: fresh
connections for every request (so per-connection faults strike requests), a seeded schedule
that faults 30 % of connections, and quick SDK retries."""

from __future__ import annotations

import dataclasses
import random
from collections.abc import Callable
from typing import Any

import httpx

from agentkit._retry import RetryPolicy
from tests.chaos.proxy import DROP, PASS, Fault, http_error, reset_after

FAULT_SHARE = 0.30


class FreshConnections(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """Plain HTTP transports that open a new connection for every request."""

    def __init__(self) -> None:
        limits = httpx.Limits(max_keepalive_connections=0)
        self._sync = httpx.HTTPTransport(limits=limits)
        self._async = httpx.AsyncHTTPTransport(limits=limits)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        return self._sync.handle_request(request)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        return await self._async.handle_async_request(request)

    def close(self) -> None:
        self._sync.close()

    async def aclose(self) -> None:
        await self._async.aclose()


def thirty_percent_faults(seed: int) -> Callable[[int], Fault]:
    """A proxy schedule: 30 % of connections dropped before the server sees the request, reset
    after it answered (the message is stored, the client never hears), or answered 500 by the
    proxy itself; the rest pass."""
    chooser = random.Random(seed)
    kinds = (DROP, reset_after(0), http_error(500))

    def schedule(_: int) -> Fault:
        return chooser.choice(kinds) if chooser.random() < FAULT_SHARE else PASS

    return schedule


def quick_retries(client: Any) -> Any:
    """``client`` (or the bridge around one) retrying up to 15 times, after 2 to 20 ms."""
    target = getattr(client, "unwrapped", client)
    target._settings = dataclasses.replace(
        target._settings, retry=RetryPolicy(max_retries=15, initial_delay=0.002, max_delay=0.02)
    )
    return client
