"""An agent's chat for web front ends: the UI message stream of a streaming agent, or the whole
reply as text of another, with the text deltas either way and the raw bytes to proxy."""

from __future__ import annotations

import codecs
from collections.abc import AsyncIterator
from typing import Any

from .._errors import StreamError
from .ui_stream import UI_STREAM_HEADERS, AsyncUIMessageStream

__all__ = ["AsyncAgentChatStream"]

_PLAIN = "text/plain"


class AsyncAgentChatStream(AsyncUIMessageStream):
    """An agent's reply to a ``useChat`` request.

    A streaming agent answers with the AI SDK's UI message stream: iterate the chunks (dicts),
    as from ``sessions.stream_ui``. Another answers with its whole reply as ``text/plain``
    (``is_text``). ``text_deltas()`` yields the reply's text either way; ``headers`` and
    ``aiter_bytes()`` pass the response on unchanged to a browser. ``session_id`` names the
    session that keeps the conversation (read it with ``client.sessions``).
    """

    media_types = ("text/event-stream", _PLAIN)

    @property
    def is_text(self) -> bool:
        """Whether the agent answered with plain text rather than a UI message stream.

        Raises:
            StreamError: The stream is not connected yet (enter it first).
        """
        if self.response is None:
            raise StreamError("the stream is not connected yet; enter it first")
        return str(self.response.headers.get("content-type", "")).startswith(_PLAIN)

    @property
    def session_id(self) -> str | None:
        """The session that keeps the conversation, once connected."""
        return self.response.headers.get("x-session-id") if self.response is not None else None

    @property
    def headers(self) -> dict[str, str]:
        """The response headers to pass on to a browser (content type, protocol, session).

        Raises:
            StreamError: The stream is not connected yet (enter it first).
        """
        if self.response is None:
            raise StreamError("the stream is not connected yet; enter it first")
        names = (*UI_STREAM_HEADERS, "x-session-id")
        return {
            name: self.response.headers[name] for name in names if name in self.response.headers
        }

    async def __aiter__(self) -> AsyncIterator[dict[str, Any]]:
        if self.response is None:
            await self._connect()
        if self.is_text:
            raise StreamError("the agent answered with plain text: read text_deltas()")
        async for chunk in super().__aiter__():
            yield chunk

    async def text_deltas(self) -> AsyncIterator[str]:
        """The reply's text as it arrives: the text deltas of a UI message stream, or the
        pieces of a plain-text reply.

        Raises:
            AgentFailedError: A non-streaming agent failed (raised on entering); a streaming
                one reports failures as ``error`` chunks, which end the text.
            APIConnectionError: The connection broke.
        """
        if self.response is None:
            await self._connect()
        if not self.is_text:
            async for chunk in self:
                if chunk.get("type") == "text-delta" and isinstance(chunk.get("delta"), str):
                    yield chunk["delta"]
            return
        decoder = codecs.getincrementaldecoder("utf-8")("replace")
        async for piece in self.aiter_bytes():
            text = decoder.decode(piece)
            if text:
                yield text
        rest = decoder.decode(b"", final=True)
        if rest:
            yield rest
