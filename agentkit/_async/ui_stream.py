"""The Vercel AI SDK UI message stream of a session turn: parsed chunks, or raw bytes to proxy."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any

from .._errors import (
    APIResponseValidationError,
    StreamError,
)
from .._http import httpx
from .._sse import ServerSentEvent
from .streaming import AsyncStream

__all__ = ["UI_STREAM_HEADERS", "AsyncUIMessageStream"]

#: The response headers a proxy passes on so that the AI SDK reads the stream.
UI_STREAM_HEADERS = (
    "content-type",
    "cache-control",
    "x-vercel-ai-ui-message-stream",
    "x-accel-buffering",
)
_TERMINATOR = "[DONE]"


def _parse_chunk(sse: ServerSentEvent) -> dict[str, Any] | None:
    """A chunk as a dict; ``None`` for the ``[DONE]`` terminator."""
    if sse.data == _TERMINATOR:
        return None
    try:
        chunk = json.loads(sse.data)
    except ValueError as exc:
        raise APIResponseValidationError("a UI message stream chunk is not JSON") from exc
    if not isinstance(chunk, dict) or not isinstance(chunk.get("type"), str):
        raise APIResponseValidationError("a UI message stream chunk has no type")
    return chunk


def _is_terminator(chunk: dict[str, Any] | None) -> bool:
    return chunk is None


class AsyncUIMessageStream(AsyncStream[dict[str, Any] | None]):
    """A session turn in the Vercel AI SDK UI message stream format (protocol v1).

    Iterate it for the chunks as dicts (``{"type": "text-delta", "id": ..., "delta": ...}``),
    up to the ``[DONE]`` terminator, which is not yielded. Or, to serve it to a web front end
    that uses ``useChat``, pass its ``headers`` and the bytes of ``aiter_bytes()`` on unchanged.
    Chunks are data, so an ``error`` chunk is yielded rather than raised. The format has no event
    ids, so a dropped connection is not resumed: it raises ``APIConnectionError``.
    """

    resumable = False

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(parse=_parse_chunk, is_terminal=_is_terminator, **kwargs)
        self._raw = False

    @property
    def headers(self) -> dict[str, str]:
        """The protocol's response headers to pass on (``x-vercel-ai-ui-message-stream``, ...).

        Raises:
            StreamError: The stream is not connected yet (enter it first).
        """
        if self.response is None:
            raise StreamError("the stream is not open yet: open() it, or enter it, first")
        return {
            name: self.response.headers[name]
            for name in UI_STREAM_HEADERS
            if name in self.response.headers
        }

    async def __aiter__(self) -> AsyncIterator[dict[str, Any]]:
        if self._raw:
            raise StreamError("the stream is being read as raw bytes")
        async for chunk in super().__aiter__():
            if chunk is None:
                return
            yield chunk

    async def aiter_bytes(self) -> AsyncIterator[bytes]:
        """The response body, byte for byte, for proxying; it ends after ``data: [DONE]``.

        Raises:
            StreamError: The stream's chunks are already being iterated.
            APIConnectionError: The connection broke.
        """
        if self._iterator is not None:
            raise StreamError("the stream is being read as chunks")
        self._raw = True
        try:
            if self.response is None:
                await self._connect()
            assert self.response is not None
            try:
                async for chunk in self.response.aiter_bytes():
                    yield chunk
            except httpx.TransportError as exc:
                from .._connection_errors import connection_error

                raise connection_error(
                    self.response.request, exc, what="reading the stream"
                ) from exc
        finally:
            await self.aclose()
