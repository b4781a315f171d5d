"""The HTTP/1.1 connection: uvicorn's h11 protocol, with the answers uvicorn gives itself put
in the error envelope, and timeouts for clients that send slowly or not at all.

uvicorn answers a request its parser refuses (a bad ``Content-Length``, a bad chunk, bytes that
are not HTTP) with a plain-text 400, and waits for the headers of a request as long as the
client likes. Here, a refused request is a 400 VALIDATION_ERROR in the envelope, with a request
id, and a connection gets ``header_timeout`` seconds to send a request's headers (counted from
when it opens or its previous response ends); part of a request by then is answered 408
REQUEST_TIMEOUT, nothing at all is closed without a word. The body's deadline is the ASGI
app's (``EnvelopeMiddleware``).
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol
from uvicorn.protocols.websockets.websockets_sansio_impl import WebSocketsSansIOProtocol

from ..config import ServerConfig
from ..errors import ApiError, envelope
from .application import new_request_id

__all__ = ["http_protocol", "server_options"]

_REASONS = {400: b"Bad Request", 408: b"Request Timeout"}


class _Connection(h11.Connection):
    """An h11 connection that remembers why it refused the client's bytes."""

    refused: h11.RemoteProtocolError | None = None

    def next_event(self) -> Any:
        try:
            return super().next_event()
        except h11.RemoteProtocolError as exc:
            self.refused = exc
            raise


class _Protocol(H11Protocol):
    settings: ServerConfig  # set on the class http_protocol makes

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        settings = self.settings
        self._parser = _Connection(h11.SERVER, max_incomplete_event_size=settings.max_header_bytes)
        self.conn = self._parser
        self.timeout_keep_alive = settings.keep_alive_timeout  # type: ignore[assignment]
        self._header_timer: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm_header_timer()

    def connection_lost(self, exc: Exception | None) -> None:
        self._cancel_header_timer()
        super().connection_lost(exc)

    def handle_websocket_upgrade(self, event: h11.Request) -> None:
        # The connection is the websocket's from now on: its header deadline no longer applies.
        self._cancel_header_timer()
        super().handle_websocket_upgrade(event)

    def on_response_complete(self) -> None:
        # The next request's headers are awaited from now, whatever arrives in between: the
        # keep-alive timer alone is cancelled by the first byte of a request that never ends.
        self._arm_header_timer()
        super().on_response_complete()

    def _arm_header_timer(self) -> None:
        self._cancel_header_timer()
        self._header_timer = self.loop.call_later(
            self.settings.header_timeout, self._header_timeout
        )

    def _cancel_header_timer(self) -> None:
        if self._header_timer is not None:
            self._header_timer.cancel()
            self._header_timer = None

    def _header_timeout(self) -> None:
        self._header_timer = None
        if self.transport.is_closing():
            return
        if self.cycle is not None and not self.cycle.response_complete:
            return  # a request is being handled; its body has a deadline of its own
        if self.conn.their_state is h11.IDLE and self.conn.trailing_data[0]:
            timeout = self.settings.header_timeout
            message = f"the request headers did not arrive within {timeout:g} s"
            self._answer(ApiError("REQUEST_TIMEOUT", message))
        # An idle connection, or one still sending a body the server answered without reading.
        self.transport.close()

    def send_400_response(self, msg: str) -> None:
        refused = self._parser.refused
        reason = str(refused) if refused is not None and str(refused) else msg
        cycle = self.cycle
        if cycle is not None and not cycle.response_complete:
            # The app is handling the request whose body broke: it reads a disconnect from now
            # on, and what it sends is dropped.
            cycle.disconnected = True
            cycle.message_event.set()
            if cycle.response_started:
                self.transport.close()  # too late for a 400: the response is under way
                return
        elif self.conn.our_state is not h11.IDLE:
            # The body of a request that was answered already broke: nothing to answer.
            self.transport.close()
            return
        details = {"location": "http"}
        self._answer(
            ApiError("VALIDATION_ERROR", f"the request is not valid HTTP/1.1: {reason}", details)
        )
        self.transport.close()

    def _answer(self, error: ApiError) -> None:
        """Write the envelope of ``error`` straight to the socket (h11 cannot send a response
        to a request it has not parsed); the caller closes the connection."""
        request_id = new_request_id()
        body = json.dumps(envelope(error.code, error.message, request_id, error.details))
        data = body.encode()
        head = b"".join(
            [
                b"HTTP/1.1 %d %s\r\n" % (error.status, _REASONS[error.status]),
                b"content-type: application/json\r\n",
                b"content-length: %d\r\n" % len(data),
                b"x-request-id: %s\r\n" % request_id.encode(),
                b"connection: close\r\n\r\n",
            ]
        )
        self.transport.write(head + data)


def http_protocol(config: ServerConfig) -> type[asyncio.Protocol]:
    """The protocol class to give uvicorn (``uvicorn.Config(app, http=...)``) for ``config``."""
    return type("AgentKitH11Protocol", (_Protocol,), {"settings": config})


class _WebSocketProtocol(WebSocketsSansIOProtocol):
    """uvicorn's websocket connection, except that a peer that stopped reading is cut off.

    uvicorn closes a connection whose ping went unanswered, or whose closing handshake never
    ended, with ``transport.close()``, which waits for the send buffer to drain: a peer that
    does not read never drains it, and the connection (and the app's task) would stay for
    good. Here those closes abort the transport instead.
    """

    settings: ServerConfig  # set on the class websocket_protocol makes

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.close_timeout = self.settings.realtime_ping_timeout

    def keepalive_timeout(self) -> None:
        super().keepalive_timeout()
        self._abort()

    async def send(self, message: Any) -> None:
        timer = self.close_timer
        await super().send(message)
        if self.close_timer is not None and self.close_timer is not timer:
            # The app sent its close: the peer has close_timeout seconds to answer it.
            self.close_timer.cancel()
            self.close_timer = self.loop.call_later(self.close_timeout, self._abort)

    def _abort(self) -> None:
        if not self.disconnected:
            self.transport.abort()


def server_options(config: ServerConfig) -> dict[str, Any]:
    """The ``uvicorn.Config`` options that serve ``config``: the HTTP connection above, and
    websockets (the realtime channel) with the config's frame limit and pings."""
    return {
        "http": http_protocol(config),
        "ws": type("AgentKitWebSocketProtocol", (_WebSocketProtocol,), {"settings": config}),
        "ws_max_size": config.realtime_max_frame_bytes,
        "ws_ping_interval": config.realtime_ping_interval,
        "ws_ping_timeout": config.realtime_ping_timeout,
        # Compressed frames would let a small message inflate to the frame limit on each side.
        "ws_per_message_deflate": False,
    }
