"""The ASGI application: routes, request ids, and the error envelope on every failure."""

from __future__ import annotations

import logging
import secrets
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .config import ServerConfig
from .context import ServerState
from .errors import ApiError
from .routes import agents, chats, system
from .store import SQLiteStore, Store
from .streams import EventLog
from .validation import allowed_methods

__all__ = ["create_app"]

logger = logging.getLogger("agentkit.server")


class RequestIdMiddleware:
    """Gives every request an id and every response an ``X-Request-Id`` header."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_id = "req_" + secrets.token_hex(12)
        scope.setdefault("state", {})["request_id"] = request_id

        async def send_with_id(message: Message) -> None:
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                message["headers"] = [*message["headers"], (b"x-request-id", request_id.encode())]
            await send(message)

        await self.app(scope, receive, send_with_id)


def _envelope(request: Request, error: ApiError) -> JSONResponse:
    request_id = getattr(request.state, "request_id", None)
    headers = {}
    if error.status == 429 and error.details and "retry_after" in error.details:
        headers["Retry-After"] = str(error.details["retry_after"])
    return JSONResponse(
        {"error": error.detail(request_id)}, status_code=error.status, headers=headers
    )


async def _api_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiError)
    return _envelope(request, exc)


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, HTTPException)
    if exc.status_code == 405:
        error = ApiError(405, "METHOD_NOT_ALLOWED", f"{request.method} is not allowed here")
        response = _envelope(request, error)
        response.headers["Allow"] = allowed_methods(request.url.path)
        return response
    elif exc.status_code == 404:
        error = ApiError(404, "NOT_FOUND", f"no route for {request.url.path}")
    else:
        error = ApiError(exc.status_code, "INTERNAL_ERROR", str(exc.detail))
    return _envelope(request, error)


async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    logger.exception("unhandled error on %s %s", request.method, request.url.path)
    response = _envelope(
        request, ApiError(500, "INTERNAL_ERROR", "the server failed; quote the request id")
    )
    # This handler runs outside RequestIdMiddleware, so the header is added here.
    response.headers["x-request-id"] = str(getattr(request.state, "request_id", ""))
    return response


def create_app(config: ServerConfig | None = None, *, store: Store | None = None) -> Starlette:
    """Build the reference server's ASGI app.

    Args:
        config: Settings; the defaults use ``./agentkit.sqlite3``.
        store: A store to use instead of opening ``config.db_path``.
    """
    config = config or ServerConfig()
    store = store or SQLiteStore(config.db_path)
    exception_handlers: dict[Any, Any] = {
        ApiError: _api_error,
        HTTPException: _http_error,
        Exception: _unexpected,
    }
    app = Starlette(
        routes=[*system.routes, *agents.routes, *chats.routes],
        exception_handlers=exception_handlers,
    )
    app.state.server = ServerState(
        config=config, store=store, events=EventLog(store, config.keepalive_interval)
    )
    app.add_middleware(RequestIdMiddleware)
    return app
