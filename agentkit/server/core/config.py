"""Settings of the reference server."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["ServerConfig"]


@dataclass(frozen=True, slots=True)
class ServerConfig:
    """How the reference server behaves.

    Attributes:
        db_path: The SQLite file (``":memory:"`` for a throw-away store), unless
            ``database_url`` is set.
        database_url: A PostgreSQL database (``postgresql://user:password@host/db``) to keep
            the data in instead of ``db_path``, so that several server instances can share it.
            Such a server needs ``secret_key`` (the same for every instance) and, for message
            attachments, a ``blob_dir`` every instance reaches.
        blob_dir: Where message attachments' bytes are kept; by default ``blobs/`` beside
            ``db_path`` (a temporary directory for ``":memory:"``).
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
        cold_message_limit: Direct messages an identity may send to someone who has neither
            written back nor added it as a contact; more are refused with 403 AWAITING_REPLY.
            ``None`` (the default) sets no limit, so that tests and load runs send freely.
        restrict_after_reports: Reports from different identities after which an active
            identity is restricted (it may no longer start conversations). ``None``: never.
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
            ``agentkit.secret`` beside ``db_path`` (a fresh one per process for ``":memory:"``);
            a server on PostgreSQL must be given one.
            Never shown in the config's repr.
        allow_loopback_urls: Whether outgoing URLs may point at this machine (``127.0.0.1``,
            ``::1``, ``localhost``). It applies to every outgoing URL the server is given (a
            provider's base URL, a webhook endpoint's URL), where they are given and on every
            connection. Off by default: a server that others reach must not call its own
            loopback services for them. A development server turns it on to reach upstreams
            and receivers on the same machine (``agentkit.testing.ReferenceServer`` does unless
            given a config). Private and link-local addresses stay refused either way.
        webhook_timeout: Seconds a webhook receiver has to answer one attempt.
        webhook_concurrency: Webhook attempts in flight at once, across endpoints.
        webhook_max_attempts: Attempts at one delivery (a redelivery starts a new run) before
            it is given up as failed.
        webhook_retry_base: Seconds before the first retry; each next one waits twice as long.
        webhook_retry_max: The longest wait between two attempts, in seconds.
        webhook_disable_after: Failed attempts in a row after which an endpoint is disabled.
        webhook_lease: Seconds a server holds a delivery it is attempting. Servers sharing a
            database take each delivery with such a lease, so only one sends it; when its
            holder dies mid-attempt, another server takes it once the lease has run out. Keep
            it above ``webhook_timeout``, and the servers' clocks in step (NTP).
        instance_dead_after: Seconds after which an instance sharing the database (on
            PostgreSQL) that gave no sign of life counts as dead: another instance then closes
            the turns it was running.
    """

    db_path: str = "agentkit.sqlite3"
    database_url: str | None = field(default=None, repr=False)
    blob_dir: str | None = None
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
    cold_message_limit: int | None = None
    restrict_after_reports: int | None = 3
    realtime_hello_timeout: float = 5.0
    realtime_max_frame_bytes: int = 1 << 20
    realtime_send_queue: int = 1024
    realtime_ping_interval: float = 20.0
    realtime_ping_timeout: float = 20.0
    realtime_auth_interval: float = 10.0
    realtime_typing_interval: float = 0.5
    secret_key: str | None = field(default=None, repr=False)
    allow_loopback_urls: bool = False
    webhook_timeout: float = 10.0
    webhook_concurrency: int = 8
    webhook_max_attempts: int = 8
    webhook_retry_base: float = 10.0
    webhook_retry_max: float = 3600.0
    webhook_disable_after: int = 50
    webhook_lease: float = 60.0
    instance_dead_after: float = 10.0

    @property
    def database(self) -> str:
        """What the store opens: ``database_url`` when set, else ``db_path``."""
        return self.database_url or self.db_path
