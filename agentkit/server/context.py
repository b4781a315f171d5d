"""What every route shares: the server state, and the ``api`` decorator that authenticates,
rate-limits, validates and applies ``Idempotency-Key`` before the route body runs."""

from __future__ import annotations

import asyncio
import hashlib
import time
from collections import defaultdict, deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse

from .auth import hash_key
from .config import ServerConfig
from .errors import ApiError
from .store import Store
from .streams import EventLog
from .validation import operation

__all__ = ["Call", "ServerState", "api", "json_response", "sse_response"]


@dataclass
class ServerState:
    """Everything the routes need, shared for the life of the app."""

    config: ServerConfig
    store: Store
    events: EventLog
    key_locks: dict[tuple[str, str], asyncio.Lock] = field(default_factory=dict)
    hits: dict[str, deque[float]] = field(default_factory=lambda: defaultdict(deque))

    def rate_limit(self, key_hash: str) -> None:
        limit = self.config.rate_limit_per_minute
        if limit is None:
            return
        window, moment = self.hits[key_hash], time.monotonic()
        while window and moment - window[0] > 60:
            window.popleft()
        if len(window) >= limit:
            wait = max(1, int(60 - (moment - window[0])) + 1)
            error = ApiError(429, "RATE_LIMITED", f"more than {limit} requests a minute")
            error.details = {"retry_after": wait}
            raise error
        window.append(moment)


@dataclass
class Call:
    """One validated request as a route sees it."""

    request: Request
    state: ServerState
    org_id: str
    body: dict[str, Any]
    query: dict[str, Any]
    idempotency: tuple[str, str] | None = None

    def remember_stream(self, chat_id: str, after: int) -> None:
        """Let a repeat of this streaming POST (same key) replay the stream."""
        if self.idempotency is not None:
            key, digest = self.idempotency
            record = {"hash": digest, "kind": "stream", "chat_id": chat_id, "after": after}
            self.state.store.put_idempotent(self.org_id, key, record)


def json_response(status: int, body: Any) -> JSONResponse:
    return JSONResponse(body, status_code=status)


def sse_response(stream: Any) -> StreamingResponse:
    return StreamingResponse(
        stream,
        media_type="text/event-stream",
        headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
    )


async def _read_body(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise ApiError(413, "REQUEST_TOO_LARGE", f"the body exceeds {limit} bytes")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise ApiError(413, "REQUEST_TOO_LARGE", f"the body exceeds {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def _authenticate(request: Request, state: ServerState) -> tuple[str, str]:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise ApiError(401, "UNAUTHORIZED", "send your API key as 'Authorization: Bearer <key>'")
    digest = hash_key(token.strip())
    org_id = state.store.org_for_key(digest)
    if org_id is None:
        raise ApiError(401, "UNAUTHORIZED", "the API key is not valid")
    return org_id, digest


Route = Callable[[Call], Awaitable[Response]]


def api(operation_id: str) -> Callable[[Route], Callable[[Request], Awaitable[Response]]]:
    """Wrap a route body with auth, rate limiting, validation and idempotency."""
    op = operation(operation_id)

    def decorate(route: Route) -> Callable[[Request], Awaitable[Response]]:
        async def endpoint(request: Request) -> Response:
            state: ServerState = request.app.state.server
            org_id = ""
            if op.secured:
                org_id, key_hash = _authenticate(request, state)
                state.rate_limit(key_hash)
            op.headers(request.headers)
            raw = await _read_body(request, state.config.max_body_bytes)
            call = Call(
                request=request,
                state=state,
                org_id=org_id,
                body=op.body(raw) or {},
                query=op.query(request.query_params),
            )
            key = request.headers.get("idempotency-key") if request.method == "POST" else None
            if not key:
                return await route(call)
            digest = hashlib.sha256(
                b"%s %s?%s\n"
                % (request.method.encode(), request.url.path.encode(), request.url.query.encode())
                + raw
            ).hexdigest()
            lock = state.key_locks.setdefault((org_id, key), asyncio.Lock())
            async with lock:
                since = time.time() - state.config.idempotency_ttl
                record = state.store.get_idempotent(org_id, key, since)
                if record is not None:
                    return _replay(call, record, digest)
                call.idempotency = (key, digest)
                response = await route(call)
                if 200 <= response.status_code < 300 and not isinstance(
                    response, StreamingResponse
                ):
                    stored = {
                        "hash": digest,
                        "kind": "json",
                        "status": response.status_code,
                        "body": bytes(response.body).decode(),
                    }
                    state.store.put_idempotent(org_id, key, stored)
                return response

        endpoint.__name__ = route.__name__
        return endpoint

    return decorate


def _replay(call: Call, record: dict[str, Any], digest: str) -> Response:
    if record["hash"] != digest:
        raise ApiError(
            409, "IDEMPOTENCY_KEY_REUSED", "this Idempotency-Key was used for a different request"
        )
    headers = {"Idempotent-Replayed": "true"}
    if record["kind"] == "stream":
        last = call.request.headers.get("last-event-id", "")
        after = max(record["after"], int(last) if last.isdigit() else 0)
        response = sse_response(
            call.state.events.tail(call.org_id, record["chat_id"], after, one_turn=True)
        )
        response.headers.update(headers)
        return response
    return Response(
        record["body"], status_code=record["status"], media_type="application/json", headers=headers
    )
