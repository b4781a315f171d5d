"""What every route shares: the server state, and the ``api`` decorator that authenticates,
rate-limits, reads and validates the request and applies ``Idempotency-Key`` before the route's
own code runs."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route as StarletteRoute

from .auth import RateLimiter, authenticate
from .config import ServerConfig
from .errors import ApiError
from .idempotency import IdempotencyGuard, fingerprint
from .store import Store
from .streams import EventLog
from .util import decode_cursor, encode_cursor
from .validation import rules_for

if TYPE_CHECKING:
    from .sessions.runner import SessionTurns

__all__ = [
    "Call",
    "ServerState",
    "api",
    "json_response",
    "last_event_id",
    "page_response",
    "page_start",
    "resource",
    "resume_after",
]


@dataclass
class ServerState:
    """Everything the routes share for the life of the app."""

    config: ServerConfig
    store: Store
    events: EventLog
    idempotency: IdempotencyGuard
    limiter: RateLimiter
    sessions: SessionTurns


@dataclass
class Call:
    """One authenticated, validated request as a route sees it."""

    request: Request
    state: ServerState
    org_id: str
    body: dict[str, Any]
    params: dict[str, Any]
    raw: bytes = b""
    idempotency: tuple[str, str] | None = None

    def remember_stream(self, stream: str, after: int, fmt: str = "sse") -> None:
        """Let a repeat of this streaming POST (same key) replay its turn's events."""
        if self.idempotency is not None:
            key, digest = self.idempotency
            self.state.idempotency.remember_stream(self.org_id, key, digest, stream, after, fmt)


def json_response(status: int, body: Any) -> JSONResponse:
    """A JSON response."""
    return JSONResponse(body, status_code=status)


def page_start(call: Call) -> int:
    """The store position the request's ``cursor`` names (0, the start, when there is none)."""
    return decode_cursor(call.params.get("cursor"))


def page_response(rows: list[dict[str, Any]], next_position: int | None) -> JSONResponse:
    """A cursor page ``{"data", "has_more", "next_cursor"}``; ``next_position`` is the store's
    position of the page's last row when more rows follow."""
    cursor = None if next_position is None else encode_cursor(next_position)
    return JSONResponse({"data": rows, "has_more": cursor is not None, "next_cursor": cursor})


def last_event_id(request: Request) -> int | None:
    """The ``Last-Event-ID`` header as a seq, when it is one."""
    value = request.headers.get("last-event-id", "").strip()
    return int(value) if value.isdigit() else None


def resume_after(call: Call) -> int:
    """Where a stream reader resumes: ``Last-Event-ID`` if sent, else ``?after=`` (default 0)."""
    after = last_event_id(call.request)
    if call.params.get("Last-Event-ID") is not None and after is None:
        raise ApiError(
            "VALIDATION_ERROR",
            "Last-Event-ID: must be an event id this server sent (a non-negative integer)",
            {"field": "Last-Event-ID", "location": "header"},
        )
    if after is None:
        after = int(call.params.get("after", 0))
    return after


async def _read_body(request: Request, limit: int) -> bytes:
    # The middleware refuses a too-large Content-Length up front; this catches chunked bodies.
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise ApiError("REQUEST_TOO_LARGE", f"the request body exceeds {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


Handler = Callable[[Call], Awaitable[Response]]
Endpoint = Callable[[Request], Awaitable[Response]]


def api(operation_id: str) -> Callable[[Handler], Endpoint]:
    """Wrap a route with auth, rate limiting, validation and idempotency for an operation."""
    op = rules_for(operation_id)
    secured = op.operation.secured

    def decorate(handler: Handler) -> Endpoint:
        async def endpoint(request: Request) -> Response:
            state: ServerState = request.app.state.server
            org_id = ""
            if secured:
                org_id, key_hash = authenticate(state.store, request.headers.get("authorization"))
                state.limiter.check(key_hash)
            raw = await _read_body(request, state.config.max_body_bytes)
            params = op.parameters(request.query_params, request.path_params, request.headers)
            call = Call(request, state, org_id, op.body(raw), params, raw)
            key = params.get("Idempotency-Key") if request.method == "POST" else None
            if not key:
                return await handler(call)
            digest = fingerprint(request.method, request.url.path, request.url.query, raw)
            guard = state.idempotency
            async with guard.exclusive(org_id, key):
                record = guard.lookup(org_id, key, digest)
                if record is not None:
                    return guard.replay(
                        org_id,
                        record,
                        last_event_id=last_event_id(request),
                        request_id=getattr(request.state, "request_id", None),
                        events=state.events,
                    )
                call.idempotency = (key, digest)
                response = await handler(call)
                # Responses the handler returned (not raised) reflect work done: keep them all.
                if not isinstance(response, StreamingResponse):
                    guard.remember_json(org_id, key, digest, response)
                return response

        endpoint.__name__ = endpoint.__qualname__ = handler.__name__
        endpoint.__doc__ = handler.__doc__
        return endpoint

    return decorate


def resource(path: str, **handlers: Endpoint) -> StarletteRoute:
    """One route per path, dispatching on the method, so a 405 lists every allowed method."""
    table = {method.upper(): handler for method, handler in handlers.items()}
    if "GET" in table:
        table["HEAD"] = table["GET"]

    async def dispatch(request: Request) -> Response:
        return await table[request.method](request)

    return StarletteRoute(path, dispatch, methods=list(table))
