"""An agent's chat for web front ends: the UI message stream of a streaming agent, or the whole
reply as text of another, with the text deltas either way and the raw bytes to proxy; and the
stream of a chat's status."""

from __future__ import annotations

import codecs
from collections.abc import AsyncIterator
from typing import Any

from agentkit_api.models import AgentChatStatusEndEvent, AgentChatStatusEvent

from .._errors import StreamError
from .._events import ChatStatusEvent, is_chat_status_end, parse_chat_status_event
from .streaming import AsyncStream
from .ui_stream import UI_STREAM_HEADERS, AsyncUIMessageStream

__all__ = ["AsyncAgentChatStatusStream", "AsyncAgentChatStream"]

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


class AsyncAgentChatStatusStream(AsyncStream[ChatStatusEvent]):
    """A chat's status as it changes: ``AgentChatStatusEvent``s (the status now, then each
    change), ended by one ``AgentChatStatusEndEvent`` saying why (``idle``, ``follow_limit``
    or ``deleted``). An event type this SDK does not know arrives as ``UnknownEvent``.

    A dropped connection is resumed with ``Last-Event-ID``, by state: the status now comes
    first only if it differs from the last one received, so a change made while the
    connection was down is not missed and the last status is not repeated.
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(parse=parse_chat_status_event, is_terminal=is_chat_status_end, **kwargs)
        self.status: AgentChatStatusEvent | None = None
        self.end: AgentChatStatusEndEvent | None = None

    def _observe(self, event: ChatStatusEvent) -> None:
        if isinstance(event, AgentChatStatusEvent):
            self.status = event
        elif isinstance(event, AgentChatStatusEndEvent):
            self.end = event

    async def statuses(self) -> AsyncIterator[str]:
        """Iterate only the status values (``ready``, ``streaming``, ...), as they change."""
        async for event in self:
            if isinstance(event, AgentChatStatusEvent):
                yield event.status.value
