"""Settings of the reference server."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["ServerConfig"]


@dataclass(frozen=True, slots=True)
class ServerConfig:
    """How the reference server behaves.

    Attributes:
        db_path: The SQLite file (``":memory:"`` for a throw-away store).
        max_body_bytes: Larger request bodies are refused with 413 REQUEST_TOO_LARGE.
        rate_limit_per_minute: Requests per key per minute before 429; ``None`` for no limit.
        echo_delay: Seconds the ``echo`` brain waits between streamed words.
        max_chat_messages: Messages a chat may hold before CHAT_BUFFER_OVERFLOW.
        idempotency_ttl: Seconds an ``Idempotency-Key`` response is kept for replay.
        keepalive_interval: Seconds of silence after which a stream sends a comment.
        slow_delay: Seconds the ``scripted`` brain waits before each delta of a ``/slow`` turn.
        max_follow_seconds: How long a ``follow=true`` session stream stays open; once idle past
            it, the server ends the stream and the client resumes with ``Last-Event-ID`` (so no
            connection is held forever, and a stuck reader cannot pin server resources).
        header_timeout: Seconds a connection may take to send a request's headers, counted from
            when it opens or its previous response ends. A connection that sent part of a
            request by then gets 408 REQUEST_TIMEOUT; one that sent nothing is closed. It also
            bounds the rest of a body the server answered without reading.
        body_timeout: Seconds a request's body may take to arrive once its headers are in;
            then 408 REQUEST_TIMEOUT, and the connection is closed.
        keep_alive_timeout: Seconds an idle connection is kept open between requests.
        max_header_bytes: The size a request line and headers may reach before they are
            complete; larger ones are a 400 VALIDATION_ERROR.
        backlog_warning: A messaging recipient's undelivered messages from which a send's
            response carries ``X-Backlog-Warning``.
        backlog_limit: Undelivered messages at which sends to the recipient are refused with
            429 RECIPIENT_BACKLOGGED.
        realtime_hello_timeout: Seconds a realtime connection has to send a valid ``hello``
            after it opens; then it is closed with 4408.
        realtime_max_frame_bytes: The largest websocket message a client may send; a larger one
            closes the connection with 1009.
        realtime_send_queue: Frames a realtime connection may have waiting to be sent; a client
            that falls further behind is closed with 1013 (its deliveries stay stored and are
            sent again when it reconnects).
        realtime_ping_interval: Seconds between the server's websocket pings.
        realtime_ping_timeout: Seconds a client has to answer a ping before its connection is
            dropped (so a client that stopped reading cannot hold a connection).
        realtime_auth_interval: Seconds between checks that an open realtime connection's key
            is still valid and its identity not suspended (else it is closed, 4401 or 4403).
        realtime_typing_interval: Seconds during which further typing frames of one connection
            for one conversation are not relayed (a flood of them reaches nobody).
        secret_key: The server's secret, which encrypts provider API keys at rest (any string
            of 32 characters or more). Without one the server keeps its own in
            ``agentkit.secret`` beside ``db_path`` (a fresh one per process for ``":memory:"``).
            Never shown in the config's repr.
    """

    db_path: str = "agentkit.sqlite3"
    max_body_bytes: int = 1 << 20
    rate_limit_per_minute: int | None = None
    echo_delay: float = 0.0
    max_chat_messages: int = 1000
    idempotency_ttl: float = 24 * 3600.0
    keepalive_interval: float = 15.0
    slow_delay: float = 0.05
    max_follow_seconds: float = 900.0
    header_timeout: float = 10.0
    body_timeout: float = 30.0
    keep_alive_timeout: float = 5.0
    max_header_bytes: int = 16 * 1024
    backlog_warning: int = 5000
    backlog_limit: int = 10000
    realtime_hello_timeout: float = 5.0
    realtime_max_frame_bytes: int = 1 << 20
    realtime_send_queue: int = 1024
    realtime_ping_interval: float = 20.0
    realtime_ping_timeout: float = 20.0
    realtime_auth_interval: float = 10.0
    realtime_typing_interval: float = 0.5
    secret_key: str | None = field(default=None, repr=False)
