"""Routes built from the contract registry: the server types no path.

Each path template of the contract becomes one route that dispatches on the method, so a wrong
method is a 405 whose ``Allow`` lists every method of the path (``HEAD`` with ``GET``). Within a
collection more literal paths come first, so ``/v1/chats/stream`` is not taken for a chat id.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Match, Route, Router, WebSocketRoute
from starlette.types import Receive, Scope, Send

from ...._contract import Operation, contract
from ..call import Handler
from ..errors import ErrorBody
from ..family import SocketHandler
from ..state import ServerState
from .endpoint import Endpoint, endpoint

__all__ = ["CollectionRouter", "routes_for", "socket_routes"]


def _dispatcher(table: Mapping[str, Endpoint]) -> Endpoint:
    async def dispatch(request: Request) -> Response:
        return await table[request.method](request)

    return dispatch


def _collection(path: str) -> str:
    """``/v1/chats`` for ``/v1/chats/{chat_id}/end``: paths of two collections never collide."""
    return "/".join(path.split("/")[:3])


def _route_order(paths: list[tuple[str, list[Operation]]]) -> list[tuple[str, list[Operation]]]:
    # Starlette tries routes one by one. The registry puts more literal paths first across the
    # whole contract, which would make a request for /v1/agents/{agent_id} try some twenty
    # routes of other collections first; only paths of one collection can match the same URL,
    # so collections keep their contract order and the literal-first order holds within each.
    first_seen: dict[str, int] = {}
    for path in contract().document["paths"]:
        first_seen.setdefault(_collection(path), len(first_seen))
    return sorted(paths, key=lambda item: first_seen[_collection(item[0])])


def _matched_path(path: str) -> str:
    """The path as Starlette matches it: a parameter marked ``x-slashes`` takes ``/`` too (a
    ``%2F`` in the request reaches the app decoded)."""
    item = contract().document["paths"][path]
    declared = [*item.get("parameters", [])]
    for operation in item.values():
        if isinstance(operation, dict):
            declared.extend(operation.get("parameters", []))
    for parameter in declared:
        if parameter.get("in") == "path" and parameter.get("x-slashes"):
            name = parameter["name"]
            path = path.replace("{" + name + "}", "{" + name + ":path}")
    return path


def routes_for(
    handlers: Mapping[str, Handler], error_bodies: Mapping[str, ErrorBody] | None = None
) -> list[Route]:
    """One route per contract path, for the operations that have a handler.

    ``error_bodies`` shapes the errors of operations of a foreign format, by format name.

    Raises:
        KeyError: A handler names an operation the contract does not have.
    """
    registry = contract()
    for operation_id in handlers:
        registry.operation(operation_id)
    routes = []
    for path, operations in _route_order(list(registry.paths())):
        table = {
            operation.method: endpoint(
                operation,
                handlers[operation.id],
                (error_bodies or {}).get(operation.spec.get("x-foreign-format", "")),
            )
            for operation in operations
            if operation.id in handlers
        }
        if not table:
            continue
        if "GET" in table:
            table["HEAD"] = table["GET"]
        routes.append(Route(_matched_path(path), _dispatcher(table), methods=list(table)))
    return routes


def socket_routes(state: ServerState, sockets: Mapping[str, SocketHandler]) -> list[BaseRoute]:
    """One websocket route per channel, at the path the contract gives it (``x-<name>``).

    Raises:
        KeyError: The contract does not describe a channel of that name.
    """
    document = contract().document
    routes: list[BaseRoute] = []
    for name, handler in sockets.items():
        path = document[f"x-{name}"]["path"]
        routes.append(WebSocketRoute(path, _SocketApp(handler, state)))
    return routes


class _SocketApp:
    """A channel's handler as a plain ASGI app (Starlette would wrap a function, or a partial
    of one, as a session taking its ``WebSocket`` object)."""

    def __init__(self, handler: SocketHandler, state: ServerState) -> None:
        self._handler = handler
        self._state = state

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await self._handler(self._state, scope, receive, send)


_LITERAL = re.compile(r"^/[^{}]*/[^{}/]+$")


class CollectionRouter(Router):
    """Starlette's router, trying only the routes of the request's collection.

    Starlette tries every route in turn, a regular expression each: with some ninety paths, a
    request for one of the last collections paid for sixty failed matches. Only paths of one
    collection (``/v1/messages`` for ``/v1/messages/{message_id}/read``) can match the same
    URL, so each request tries those alone, in the same order. A route whose collection is not
    literal is tried for every request, and a request of no known collection tries them all.
    """

    def __init__(self, routes: Sequence[BaseRoute], **options: Any) -> None:
        super().__init__(list(routes), **options)
        self._by_collection: dict[str, list[BaseRoute]] = {}
        self._indexed = -1

    def _index(self) -> dict[str, list[BaseRoute]]:
        # Routes added after the router was made (tests add some) are indexed on next use.
        if self._indexed != len(self.routes):
            by_collection: dict[str, list[BaseRoute]] = {}
            anywhere: list[BaseRoute] = []
            for route in self.routes:
                key = _collection(getattr(route, "path", ""))
                if _LITERAL.match(key):
                    by_collection.setdefault(key, []).append(route)
                else:
                    anywhere.append(route)
            for routes_of_one in by_collection.values():
                routes_of_one.extend(anywhere)
            self._by_collection, self._indexed = by_collection, len(self.routes)
        return self._by_collection

    async def app(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await super().app(scope, receive, send)
            return
        if "router" not in scope:
            scope["router"] = self
        # A path of no known collection is tried against every route, as Starlette would.
        candidates = self._index().get(_collection(scope["path"]), self.routes)
        partial: BaseRoute | None = None
        partial_scope: Scope = {}
        for route in candidates:
            match, child_scope = route.matches(scope)
            if match is Match.FULL:
                scope["route"] = route
                scope.update(child_scope)
                await route.handle(scope, receive, send)
                return
            if match is Match.PARTIAL and partial is None:
                partial, partial_scope = route, child_scope
        if partial is not None:  # the path is served, not with this method: a 405
            scope["route"] = partial
            scope.update(partial_scope)
            await partial.handle(scope, receive, send)
            return
        await self.default(scope, receive, send)
