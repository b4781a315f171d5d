"""The ASGI application: request ids, body limits, and the error envelope on every failure
(unknown routes, wrong methods and unexpected exceptions included)."""

from __future__ import annotations

import json
import logging
import secrets
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..errors import ApiError, envelope
from ..state import ServerState
from .responses import error_response

__all__ = ["EnvelopeMiddleware", "build_application", "server_state"]

logger = logging.getLogger("agentkit.server")


class EnvelopeMiddleware:
    """Outermost layer: a request id on every response, body limits, and no tracebacks.

    Any exception that escapes the app becomes a 500 INTERNAL_ERROR envelope (if the response has
    not started yet), so clients always get JSON they can parse and a request id to quote.
    """

    def __init__(self, app: ASGIApp, max_body_bytes: int) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_id = "req_" + secrets.token_hex(12)
        scope.setdefault("state", {})["request_id"] = request_id
        started = False

        async def send_with_id(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                headers = [*message.get("headers", []), (b"x-request-id", request_id.encode())]
                message = {**message, "headers": headers}
            await send(message)

        length = dict(scope.get("headers", [])).get(b"content-length", b"")
        if length.isdigit() and int(length) > self.max_body_bytes:
            error = ApiError(
                "REQUEST_TOO_LARGE", f"the request body exceeds {self.max_body_bytes} bytes"
            )
            await _send_error(send_with_id, error, request_id)
            return
        try:
            await self.app(scope, receive, send_with_id)
        except Exception:
            logger.exception(
                "unhandled error [%s] %s %s", request_id, scope["method"], scope["path"]
            )
            if not started:
                error = ApiError("INTERNAL_ERROR", "the server failed; quote the request id")
                await _send_error(send_with_id, error, request_id)


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
    state: ServerState, routes: list[Route], on_shutdown: Callable[[], Awaitable[None]]
) -> Starlette:
    """The ASGI app serving ``routes`` with ``state``; ``on_shutdown`` runs when it stops."""

    @asynccontextmanager
    async def lifespan(_: Starlette) -> AsyncIterator[None]:
        yield
        await on_shutdown()

    handlers: dict[Any, Any] = {ApiError: _api_error, HTTPException: _http_error}
    app = Starlette(routes=routes, exception_handlers=handlers, lifespan=lifespan)
    app.state.server = state
    app.add_middleware(EnvelopeMiddleware, max_body_bytes=state.config.max_body_bytes)
    return app


def server_state(app: Starlette) -> ServerState:
    """The shared state of an app made by ``create_app`` (its store, config, event log)."""
    state: ServerState = app.state.server
    return state
