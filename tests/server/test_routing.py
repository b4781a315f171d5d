"""The router tries only the routes of a request's collection, and finds what a scan of every
route finds: the same route for every path of the contract, the same 405s and 404s."""

from __future__ import annotations

import re
from typing import Any

import pytest
from starlette.routing import BaseRoute, Match

from agentkit._contract import contract
from agentkit.server import ServerConfig, create_app
from agentkit.server.core.http.routing import CollectionRouter, _collection


def _scan(routes: list[BaseRoute], scope: dict[str, Any]) -> tuple[BaseRoute | None, Match]:
    """What Starlette's own router would pick: the first full match, else the first partial."""
    partial = None
    for route in routes:
        match, _ = route.matches(scope)
        if match is Match.FULL:
            return route, match
        if match is Match.PARTIAL and partial is None:
            partial = route
    return (partial, Match.PARTIAL) if partial is not None else (None, Match.NONE)


def _picked(router: CollectionRouter, scope: dict[str, Any]) -> tuple[BaseRoute | None, Match]:
    candidates = router._index().get(_collection(scope["path"]), router.routes)
    return _scan(list(candidates), scope)


def _requests() -> list[tuple[str, str]]:
    found = []
    for path, operations in contract().paths():
        concrete = re.sub(r"\{[^}]+\}", "x_1", path)
        for operation in operations:
            found.append((operation.method, concrete))
        found.append(("PATCH", concrete))  # a method no path has: a 405
    found += [("GET", "/v1/agents/"), ("GET", "/v1/nowhere"), ("GET", "/"), ("GET", "/v1")]
    return found


@pytest.fixture(scope="module")
def router() -> CollectionRouter:
    app = create_app(ServerConfig(db_path=":memory:"))
    assert isinstance(app.router, CollectionRouter)
    return app.router


@pytest.mark.parametrize(("method", "path"), _requests())
def test_the_collection_alone_gives_what_a_full_scan_gives(
    router: CollectionRouter, method: str, path: str
) -> None:
    scope = {"type": "http", "method": method, "path": path, "root_path": "", "headers": []}
    assert _picked(router, scope) == _scan(list(router.routes), scope)


def test_no_collection_tries_more_than_a_few_routes(router: CollectionRouter) -> None:
    assert len(router.routes) > 60
    assert max(len(routes) for routes in router._index().values()) <= 15
