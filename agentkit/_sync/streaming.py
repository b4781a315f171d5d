# Generated from agentkit/_async by scripts/unasync.py: edit the async source, not this file.
"""Typed event streams over SSE, with transparent resume.

A stream opens its connection lazily (on ``with`` or the first iteration). If the
connection drops before the final event, it reconnects with ``Last-Event-ID`` (re-sending a POST
with the same ``Idempotency-Key``, which the server answers by replaying the turn after that id),
a bounded number of times. Transport failures surface as ``APIConnectionError``; an idle stream
(no *event*, keep-alive comments do not count) as ``APITimeoutError``.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Mapping
from typing import Any, Generic, Self, TypeVar

from agentkit_api.models import (
    Chat,
    ChatContentEvent,
    ChatDoneEvent,
    ChatMetadataEvent,
    SessionStopEvent,
    SessionTextDeltaEvent,
    TokenUsage,
)

from .._errors import (
    APIConnectionError,
    APIResponseValidationError,
    APITimeoutError,
    StreamError,
)
from .._events import (
    ChatEvent,
    SessionEvent,
    is_chat_terminal,
    is_session_stop,
    parse_chat_event,
    parse_session_event,
)
from .._http import httpx
from .._replies import ChatReply, as_chat_reply
from .._retry import retry_delay
from .._session_state import TurnRecorder
from .._settings import ClientSettings
from .._sse import ServerSentEvent, SSEDecoder

__all__ = ["ChatStream", "SessionStream", "Stream"]

T = TypeVar("T")


class Stream(Generic[T]):
    """An iterator of typed events from one server-sent event stream.

    Use it as a context manager so that the connection is released however you leave::

        with stream:
            for event in stream:
                ...

    Attributes:
        last_event_id: The id of the last event received, sent as ``Last-Event-ID`` on resume.
        reconnects: How many times the stream was resumed after a dropped connection.
    """

    #: Whether a dropped connection may be resumed with ``Last-Event-ID``.
    resumable = True
    #: The content types the stream accepts from the server.
    media_types: tuple[str, ...] = ("text/event-stream",)

    def __init__(
        self,
        *,
        http: httpx.Client,
        settings: ClientSettings,
        build_request: Callable[[str | None], httpx.Request],
        parse: Callable[[ServerSentEvent], T],
        is_terminal: Callable[[T], bool] | None,
        idempotency_key: str | None = None,
        end_on_eof: bool = False,
        follow: bool = False,
    ) -> None:
        self._http = http
        self._settings = settings
        self._build_request = build_request
        self._parse = parse
        self._is_terminal = is_terminal
        self._idempotency_key = idempotency_key
        self._end_on_eof = end_on_eof
        self._follow = follow
        self._response: httpx.Response | None = None
        self._iterator: Iterator[T] | None = None
        self._closed = False
        self.last_event_id: str | None = None
        self.reconnects = 0

    @property
    def response(self) -> httpx.Response | None:
        """The HTTP response of the current connection, once connected."""
        return self._response

    @property
    def _url(self) -> str | None:
        return str(self._response.request.url) if self._response is not None else None

    @property
    def request_id(self) -> str | None:
        """The ``X-Request-Id`` of the current connection."""
        return self._response.headers.get("x-request-id") if self._response else None

    @property
    def idempotency_key(self) -> str | None:
        """The ``Idempotency-Key`` that ties the stream's reconnections to one request."""
        return self._idempotency_key

    @property
    def status_code(self) -> int:
        """The HTTP status of the current connection.

        Raises:
            StreamError: The stream is not open yet (``open()`` it, or enter it, first).
        """
        return self._opened().status_code

    @property
    def response_headers(self) -> Mapping[str, str]:
        """The response headers of the current connection.

        Raises:
            StreamError: The stream is not open yet (``open()`` it, or enter it, first).
        """
        return self._opened().headers

    def _opened(self) -> httpx.Response:
        if self._response is None:
            raise StreamError("the stream is not open yet: open() it, or enter it, first")
        return self._response

    def open(self) -> Self:
        """Send the request now and wait for the response to start.

        A refused request raises here (its typed error), and the status and headers can be read
        before the first event. Entering the stream (``with``) opens it too; iterating
        opens it if nothing did. Close it (``close()``, or leave the ``with`` block) when
        done.

        Raises:
            APIStatusError: The server refused the request.
            APIConnectionError: The server could not be reached.
            StreamError: The stream was closed.
        """
        if self._response is None:
            self._connect()
        return self

    def __enter__(self) -> Self:
        return self.open()

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection. Safe to call more than once."""
        self._closed = True
        if self._response is not None:
            self._response.close()

    def __iter__(self) -> Iterator[T]:
        # One iterator per stream: iterating again continues where the last loop stopped.
        if self._iterator is None:
            self._iterator = self._events()
        return self._iterator

    def _observe(self, event: T) -> None:
        """Hook for subclasses that keep a running summary of the stream."""

    def _observer(self) -> Callable[[T], None]:
        """What ``_observe``s each event: a subclass may hand out its summary's own method."""
        return self._observe

    def _delivered(self, event: T) -> None:
        """Hook run after an event was handed out; raising here ends the stream."""

    def _connect(self) -> None:
        if self._closed:
            raise StreamError("the stream is closed")
        request = self._build_request(self.last_event_id)
        try:
            response = self._http.send(request, stream=True)
        except httpx.TransportError as exc:
            from .._connection_errors import connection_error

            raise connection_error(request, exc, what="opening the stream") from exc
        self._response = response
        content_type = response.headers.get("content-type", "")
        if not content_type.startswith(self.media_types):
            response.close()
            raise APIResponseValidationError(
                f"expected an event stream, got {content_type or 'no content type'!r}",
                request_id=response.headers.get("x-request-id"),
            )

    def _events(self) -> Iterator[T]:
        # A followed stream may go quiet between turns for any time: only a connection that
        # stops carrying bytes (keep-alives included) is dead, which the read timeout notices.
        idle = None if self._follow else self._settings.stream_idle_timeout
        # Looked up once: live events arrive one or a few per chunk, so the work per event is
        # the stream's throughput.
        parse, observe, delivered = self._parse, self._observer(), self._delivered
        is_terminal = self._is_terminal
        try:
            if self._response is None:
                self._connect()
            while True:
                decoder = SSEDecoder()
                feed = decoder.feed
                assert self._response is not None
                last_event_at = time.monotonic()
                carried = False
                try:
                    for chunk in self._response.iter_bytes():
                        carried = carried or bool(chunk)
                        events = feed(chunk)
                        now = time.monotonic()
                        if not events:
                            if idle is not None and now - last_event_at > idle:
                                raise APITimeoutError(
                                    f"no event for {idle:g}s from {self._url}", url=self._url
                                )
                            continue
                        last_event_at = now
                        for sse in events:
                            if sse.id:
                                self.last_event_id = sse.id
                            event = parse(sse)
                            observe(event)
                            yield event
                            delivered(event)
                            if is_terminal is not None and is_terminal(event):
                                return
                    decoder.close()
                    if self._follow and carried:
                        # The server ends followed streams after a while; a planned
                        # reconnection, not a failure.
                        self._response.close()
                        self._connect()
                        continue
                    if self._end_on_eof:
                        return
                    failure = "the stream ended before its final event"
                except httpx.TimeoutException as exc:
                    raise APITimeoutError(
                        f"no data for {idle}s from {self._url}", url=self._url
                    ) from exc
                except httpx.TransportError as exc:
                    failure = f"the stream broke: {exc!r}"
                if not self.resumable or self.reconnects >= self._settings.max_stream_reconnects:
                    raise APIConnectionError(
                        f"{failure} ({self._url})", request_id=self.request_id, url=self._url
                    )
                delay = decoder.retry / 1000 if decoder.retry is not None else None
                self.reconnects += 1
                self._response.close()
                time.sleep(retry_delay(self._settings.retry, self.reconnects - 1, delay))
                self._connect()
        finally:
            self.close()


class ChatStream(Stream[ChatEvent]):
    """The events of one chat turn: ``metadata``, ``content`` deltas, then ``done``.

    Besides iterating events, you can iterate only the text (``text_deltas()``) or wait for the
    end (``until_done()`` returns the final ``Chat``; ``collect_text()`` the whole reply).
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(parse=parse_chat_event, is_terminal=is_chat_terminal, **kwargs)
        self._text: list[str] = []
        self.chat_id: str | None = None
        self.message_id: str | None = None
        self.final_chat: Chat | None = None

    def _observe(self, event: ChatEvent) -> None:
        if isinstance(event, ChatContentEvent):
            self._text.append(event.delta)
        elif isinstance(event, ChatMetadataEvent):
            self.chat_id, self.message_id = event.chat_id, event.message_id
        elif isinstance(event, ChatDoneEvent):
            self.final_chat = event.chat

    @property
    def text(self) -> str:
        """The reply's text received so far."""
        return "".join(self._text)

    def text_deltas(self) -> Iterator[str]:
        """Iterate only the text deltas of the reply, as they arrive."""
        for event in self:
            if isinstance(event, ChatContentEvent):
                yield event.delta

    def until_done(self) -> ChatReply:
        """Read the stream to its end and return the final chat, with the reply in ``message``.

        Raises:
            StreamError: The stream ended without its ``done`` event.
            APIResponseValidationError: The final chat has no message.
        """
        for _ in self:
            pass
        if self.final_chat is None:
            raise StreamError("the stream ended without a final chat")
        return as_chat_reply(self.final_chat, self.request_id)

    def collect_text(self) -> str:
        """Read the stream to its end and return the reply's whole text."""
        self.until_done()
        return self.text


class SessionStream(Stream[SessionEvent]):
    """The typed events of a session: ``user_input``, thinking and text deltas, tool calls and
    results, warnings, and the turn's ``stop``.

    Events are the ``Session*Event`` models of ``agentkit.types`` (an unknown type arrives as
    ``UnknownEvent``); each carries the ``id`` it has in the session's history. A dropped
    connection is resumed with ``Last-Event-ID``, so no event is lost or repeated.

    When a turn fails, its ``error`` event is delivered like any other, then its ``stop``, and
    then the stream raises the exception the error's code maps to (``AgentFailedError`` for
    ``AGENT_ERROR``), unless it was opened with ``raise_on_error=False``.

    Besides iterating events, iterate only the answer's text (``text_deltas()``) or wait for the
    end (``until_stop()`` returns the ``stop`` event; ``collect_text()`` the whole text).
    """

    def __init__(
        self, *, raise_on_error: bool = True, stop_ends: bool = True, **kwargs: Any
    ) -> None:
        super().__init__(
            parse=parse_session_event,
            is_terminal=is_session_stop if stop_ends else None,
            **kwargs,
        )
        self._turn = TurnRecorder()
        self._raise_on_error = raise_on_error

    def _observe(self, event: SessionEvent) -> None:
        self._turn.observe(event)

    def _observer(self) -> Callable[[SessionEvent], None]:
        return self._turn.observe

    def _delivered(self, event: SessionEvent) -> None:
        if self._turn.error is None:  # the common case, without a call
            return
        failure = self._turn.failure()
        if failure is not None and self._raise_on_error:
            raise failure

    @property
    def text(self) -> str:
        """The text deltas received so far, joined."""
        return self._turn.text

    @property
    def stop(self) -> SessionStopEvent | None:
        """The last ``stop`` event received, or ``None`` before it arrives."""
        return self._turn.stop

    @property
    def usage(self) -> TokenUsage | None:
        """The token usage of the turn, from its ``stop`` event."""
        return self._turn.stop.usage if self._turn.stop is not None else None

    def text_deltas(self) -> Iterator[str]:
        """Iterate only the text deltas of the answer, as they arrive."""
        for event in self:
            if isinstance(event, SessionTextDeltaEvent):
                yield event.content

    def until_stop(self) -> SessionStopEvent:
        """Read the stream to its end and return the turn's ``stop`` event.

        Raises:
            StreamError: The stream ended without a ``stop``.
            APIStatusError: The turn failed (the exception its error code maps to).
        """
        for _ in self:
            pass
        if self._turn.stop is None:
            raise StreamError("the stream ended without a stop event")
        return self._turn.stop

    def collect_text(self) -> str:
        """Read the stream to its end and return the text of the answer."""
        self.until_stop()
        return self.text
