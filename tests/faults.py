"""A fault-injecting httpx transport for faults a healthy server cannot produce on demand.

It forwards every request to the real server over loopback and then, on schedule, replaces a
response with a 503 (after the server has acted, to prove idempotency) or cuts a streamed body
after some bytes (to prove stream resume). It serves the sync and the async client alike.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import httpx


@dataclass
class Seen:
    method: str
    path: str
    headers: dict[str, str]


class _CutStream(httpx.SyncByteStream, httpx.AsyncByteStream):
    def __init__(self, inner: httpx.Response, limit: int) -> None:
        self._inner = inner
        self._limit = limit

    def _take(self, chunk: bytes, sent: int) -> bytes:
        return chunk[: max(self._limit - sent, 0)]

    def __iter__(self) -> Iterator[bytes]:
        sent = 0
        for chunk in self._inner.stream:  # type: ignore[union-attr]
            part = self._take(chunk, sent)
            if part:
                yield part
            sent += len(part)
            if sent >= self._limit:
                raise httpx.ReadError("injected: connection cut")

    async def __aiter__(self) -> AsyncIterator[bytes]:
        sent = 0
        async for chunk in self._inner.stream:  # type: ignore[union-attr]
            part = self._take(chunk, sent)
            if part:
                yield part
            sent += len(part)
            if sent >= self._limit:
                raise httpx.ReadError("injected: connection cut")

    def close(self) -> None:
        self._inner.close()

    async def aclose(self) -> None:
        await self._inner.aclose()


@dataclass
class FaultInjector(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """Forward to the real server; inject faults on schedule.

    Attributes:
        fail_after_send: How many of the next responses to replace with a 503 (the server has
            already handled those requests).
        cut_streams: Byte counts after which successive event-stream responses are cut.
        seen: Every request forwarded, in order.
    """

    fail_after_send: int = 0
    cut_streams: list[int] = field(default_factory=list)
    seen: list[Seen] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._sync = httpx.HTTPTransport()
        self._async = httpx.AsyncHTTPTransport()

    def forward_through(self, wrap: Callable[[Any], Any]) -> None:
        """Forward requests through ``wrap(transport)``, such as a contract check that should
        see the server's own answers rather than the injected faults."""
        self._sync = wrap(self._sync)
        self._async = wrap(self._async)

    def _record(self, request: httpx.Request) -> None:
        self.seen.append(Seen(request.method, request.url.path, dict(request.headers)))

    def _fault(self, response: httpx.Response) -> httpx.Response | None:
        if self.fail_after_send > 0:
            self.fail_after_send -= 1
            return httpx.Response(
                503, json={"error": {"code": "INTERNAL_ERROR", "message": "injected"}}
            )
        if self.cut_streams and response.headers.get("content-type", "").startswith(
            "text/event-stream"
        ):
            limit = self.cut_streams.pop(0)
            return httpx.Response(
                response.status_code,
                headers=response.headers,
                stream=_CutStream(response, limit),
                extensions=response.extensions,
            )
        return None

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self._record(request)
        response = self._sync.handle_request(request)
        replacement = self._fault(response)
        if replacement is not None and replacement.status_code == 503:
            response.read()
            response.close()
        return replacement or response

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self._record(request)
        response = await self._async.handle_async_request(request)
        replacement = self._fault(response)
        if replacement is not None and replacement.status_code == 503:
            await response.aread()
            await response.aclose()
        return replacement or response

    def close(self) -> None:
        self._sync.close()

    async def aclose(self) -> None:
        await self._async.aclose()
