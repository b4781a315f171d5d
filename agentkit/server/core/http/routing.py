"""Routes built from the contract registry: the server types no path.

Each path template of the contract becomes one route that dispatches on the method, so a wrong
method is a 405 whose ``Allow`` lists every method of the path (``HEAD`` with ``GET``). More
literal paths come first, so ``/v1/chats/stream`` is not taken for a chat id.
"""

from __future__ import annotations

from collections.abc import Mapping

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from ...._contract import contract
from ..call import Handler
from .endpoint import Endpoint, endpoint

__all__ = ["routes_for"]


def _dispatcher(table: Mapping[str, Endpoint]) -> Endpoint:
    async def dispatch(request: Request) -> Response:
        return await table[request.method](request)

    return dispatch


def routes_for(handlers: Mapping[str, Handler]) -> list[Route]:
    """One route per contract path, for the operations that have a handler.

    Raises:
        KeyError: A handler names an operation the contract does not have.
    """
    registry = contract()
    for operation_id in handlers:
        registry.operation(operation_id)
    routes = []
    for path, operations in registry.paths():
        table = {
            operation.method: endpoint(operation, handlers[operation.id])
            for operation in operations
            if operation.id in handlers
        }
        if not table:
            continue
        if "GET" in table:
            table["HEAD"] = table["GET"]
        routes.append(Route(path, _dispatcher(table), methods=list(table)))
    return routes
