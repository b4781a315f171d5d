"""The ASGI application: request ids, body limits and deadlines, and the error envelope on every
failure (unknown routes, wrong methods and unexpected exceptions included)."""

from __future__ import annotations

import asyncio
import json
import logging
import secrets
from collections.abc import AsyncIterator, Awaitable, Callable, Coroutine
from contextlib import asynccontextmanager
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse
from starlette.routing import BaseRoute
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..eager import Finished, resume, step
from ..errors import ApiError, envelope, invalid
from ..state import ServerState
from ..store import CoreStore, StoreFailure
from .responses import error_response
from .routing import CollectionRouter

__all__ = ["EnvelopeMiddleware", "build_application", "new_request_id", "server_state"]

logger = logging.getLogger("agentkit.server")


def new_request_id() -> str:
    """A fresh ``X-Request-Id``, such as ``req_3f9c...``."""
    return "req_" + secrets.token_hex(12)


class EnvelopeMiddleware:
    """Outermost layer: a request id on every response, body limits, and no tracebacks.

    Any exception that escapes the app becomes a 500 INTERNAL_ERROR envelope (if the response has
    not started yet), so clients always get JSON they can parse and a request id to quote. A
    client that goes away (mid-body or mid-response) is no error of the server's: it is logged
    at INFO, without a traceback. The body must arrive within ``body_timeout`` seconds of the
    headers, or the request is answered 408 REQUEST_TIMEOUT and the connection closed.

    Before any part of a response is sent, the store makes the writes so far durable: what a
    client is told (a created resource, a streamed event) is on disk by then. If they could not
    be kept, the request fails instead (a 500, or a stream cut short).
    """

    def __init__(
        self, app: ASGIApp, store: CoreStore, max_body_bytes: int, body_timeout: float
    ) -> None:
        self.app = app
        self.store = store
        self.max_body_bytes = max_body_bytes
        self.body_timeout = body_timeout

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_id = new_request_id()
        scope.setdefault("state", {})["request_id"] = request_id
        started = False
        store = self.store
        mark = store.durability_mark()
        if scope["method"] not in _READING:
            store.expect_writes()
        failed = False

        async def send_with_id(message: Message) -> None:
            nonlocal started, failed
            if not failed:
                try:
                    await store.durable(mark)
                except StoreFailure:
                    failed = True  # the 500 that follows is sent without this check
                    raise
            if message["type"] == "http.response.start":
                started = True
                headers = [*message.get("headers", []), (b"x-request-id", request_id.encode())]
                message = {**message, "headers": headers}
            try:
                await send(message)
            except OSError as exc:  # the connection broke under the response
                raise ClientDisconnect() from exc

        refused = _refuse(scope.get("headers", []), self.max_body_bytes)
        if refused is not None:
            await _send_error(send_with_id, refused, request_id)
            return
        deadline = asyncio.get_running_loop().time() + self.body_timeout
        body_done = False

        async def receive_in_time() -> Message:
            # Only the body is awaited against the deadline: once it is in, or the response
            # has started, the app's receive waits for a disconnect, which may come at any time.
            nonlocal body_done
            if body_done or started:
                return await receive()
            pending = receive()
            # A body that has arrived is taken at once, without arming the deadline.
            stepped = step(pending) if isinstance(pending, Coroutine) else None
            message: Message
            try:
                if isinstance(stepped, Finished):
                    message = stepped.result
                else:
                    async with asyncio.timeout_at(deadline):
                        if stepped is not None and isinstance(pending, Coroutine):
                            message = await resume(pending, stepped)
                        else:
                            message = await pending
            except TimeoutError:
                raise ApiError(
                    "REQUEST_TIMEOUT",
                    f"the request body did not arrive within {self.body_timeout:g} s",
                    headers={"Connection": "close"},
                ) from None
            body_done = message["type"] != "http.request" or not message.get("more_body", False)
            return message

        try:
            await self.app(scope, receive_in_time, send_with_id)
        except ClientDisconnect:
            logger.info(
                "client disconnected [%s] %s %s", request_id, scope["method"], scope["path"]
            )
        except Exception:
            logger.exception(
                "unhandled error [%s] %s %s", request_id, scope["method"], scope["path"]
            )
            if not started:
                error = ApiError("INTERNAL_ERROR", "the server failed; quote the request id")
                await _send_error(send_with_id, error, request_id)


#: Methods whose requests only read: the others are about to write.
_READING = frozenset({"GET", "HEAD", "OPTIONS"})


def _refuse(headers: list[tuple[bytes, bytes]], max_body_bytes: int) -> ApiError | None:
    """The error for headers refused before the app sees the request, if any."""
    names = [name.lower() for name, _ in headers]
    if b"transfer-encoding" in names and b"content-length" in names:
        # A proxy in front that reads the other header would see another request boundary.
        return invalid(
            "Transfer-Encoding",
            "a request may not have both Transfer-Encoding and Content-Length",
            "header",
        )
    if names.count(b"idempotency-key") > 1:
        return invalid("Idempotency-Key", "send the header once", "header")
    length = dict(headers).get(b"content-length", b"")
    if length.isdigit() and int(length) > max_body_bytes:
        return ApiError("REQUEST_TOO_LARGE", f"the request body exceeds {max_body_bytes} bytes")
    return None


async def _send_error(send: Send, error: ApiError, request_id: str) -> None:
    body = json.dumps(envelope(error.code, error.message, request_id, error.details)).encode()
    headers = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(body)).encode()),
        (b"connection", b"close"),
    ]
    await send({"type": "http.response.start", "status": error.status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


async def _api_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiError)
    return error_response(exc, getattr(request.state, "request_id", None))


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, HTTPException)
    if exc.status_code == 405:
        allow = (exc.headers or {}).get("Allow", "")
        error = ApiError(
            "METHOD_NOT_ALLOWED",
            f"{request.method} is not allowed on {request.url.path}; use {allow}",
            {"allow": allow},
            headers={"Allow": allow},
        )
    elif exc.status_code == 404:
        error = ApiError("NOT_FOUND", f"there is no route {request.url.path}")
    else:
        error = ApiError("INTERNAL_ERROR", str(exc.detail))
    return error_response(error, getattr(request.state, "request_id", None))


def build_application(
    state: ServerState,
    routes: list[BaseRoute],
    on_shutdown: Callable[[], Awaitable[None]],
    on_startup: Callable[[], Awaitable[None]] | None = None,
) -> Starlette:
    """The ASGI app serving ``routes`` with ``state``; ``on_startup`` runs when it starts
    serving (with a lifespan), ``on_shutdown`` when it stops."""

    @asynccontextmanager
    async def lifespan(_: Starlette) -> AsyncIterator[None]:
        if on_startup is not None:
            await on_startup()
        yield
        await on_shutdown()

    handlers: dict[Any, Any] = {ApiError: _api_error, HTTPException: _http_error}
    app = Starlette(routes=routes, exception_handlers=handlers, lifespan=lifespan)
    app.router = CollectionRouter(routes, lifespan=lifespan)
    # No redirects: Starlette's answer to /v1/agents/ would be a redirect to a URL built from
    # the Host header, which a client may send with any value. A trailing slash is a 404.
    app.router.redirect_slashes = False
    app.state.server = state
    app.add_middleware(
        EnvelopeMiddleware,
        store=state.store,
        max_body_bytes=state.config.max_body_bytes,
        body_timeout=state.config.body_timeout,
    )
    return app


def server_state(app: Starlette) -> ServerState:
    """The shared state of an app made by ``create_app`` (its store, config, event log)."""
    state: ServerState = app.state.server
    return state
