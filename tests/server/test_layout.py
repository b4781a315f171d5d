"""The server's shape: every operation handled once, routes from the contract, families
registered consistently, and the web framework kept to the HTTP glue."""

from __future__ import annotations

import ast
import importlib
import re
from collections import Counter
from pathlib import Path
from types import ModuleType

from starlette.routing import Route

import agentkit.server
from agentkit._contract import contract
from agentkit.server import ServerConfig, create_app
from agentkit.server.core.sqlite import SQLiteTables
from agentkit.server.families import FAMILIES, SQLiteStore, Store

SERVER = Path(agentkit.server.__file__).parent


def _modules() -> list[tuple[str, ast.Module]]:
    return [
        (path.relative_to(SERVER).as_posix(), ast.parse(path.read_text(encoding="utf-8")))
        for path in sorted(SERVER.rglob("*.py"))
    ]


def _family_package(name: str, part: str) -> ModuleType | None:
    try:
        return importlib.import_module(f"agentkit.server.{name}.{part}")
    except ModuleNotFoundError:
        return None


class TestHandlers:
    def test_every_operation_has_exactly_one_handler(self) -> None:
        """Across the families, each contract operation is handled once, none twice."""
        handled = Counter(op for family in FAMILIES for op in family.handlers)
        assert set(handled) == set(contract().operations)
        assert [op for op, count in handled.items() if count > 1] == []

    def test_every_handler_names_a_contract_operation(self) -> None:
        """No family handles an operation the contract does not have."""
        for family in FAMILIES:
            unknown = set(family.handlers) - set(contract().operations)
            assert not unknown, f"{family.name} handles {sorted(unknown)}"

    def test_a_family_handles_the_operations_of_its_tag(self) -> None:
        """The family named after a contract tag (or listing it in its ``tags``) is the one that
        handles that tag's operations."""
        for family in FAMILIES:
            for operation_id in family.handlers:
                assert contract().operation(operation_id).tag in (family.tags or (family.name,))


class TestRoutes:
    def test_routes_are_the_contract_paths_with_their_methods(self) -> None:
        """One route per contract path, allowing its methods (HEAD with GET)."""
        app = create_app(ServerConfig(db_path=":memory:"))
        # A parameter that may hold a '/' (x-slashes) is matched with Starlette's path converter.
        routes = {
            route.path.replace(":path}", "}"): route
            for route in app.router.routes
            if isinstance(route, Route)
        }
        expected = dict(contract().paths())
        assert set(routes) == set(expected)
        for path, operations in expected.items():
            methods = {op.method for op in operations}
            if "GET" in methods:
                methods.add("HEAD")
            assert routes[path].methods == methods
        slashed = [route.path for route in routes.values() if ":path}" in route.path]
        assert slashed == ["/openai/v1/models/{model_id:path}"]

    def test_each_path_is_routed_to_itself(self) -> None:
        """A request for any path reaches that path's route first: a literal path such as
        /v1/chats/stream is never taken by a templated one such as /v1/chats/{chat_id}."""
        app = create_app(ServerConfig(db_path=":memory:"))
        routes = [route for route in app.router.routes if isinstance(route, Route)]
        for route in routes:
            url = re.sub(r"\{[^}]+\}", "some_id", route.path)
            first = next(r for r in routes if r.path_regex.match(url))
            assert first.path == route.path, f"{url} is routed to {first.path}"

    def test_collections_keep_their_contract_order(self) -> None:
        """Routes of one collection are together, so a request does not scan the others'."""
        app = create_app(ServerConfig(db_path=":memory:"))
        routes = [route.path for route in app.router.routes if isinstance(route, Route)]
        collections = ["/".join(path.split("/")[:3]) for path in routes]
        in_order = list(dict.fromkeys(collections))
        assert collections == sorted(collections, key=in_order.index)
        assert in_order == list(
            dict.fromkeys("/".join(p.split("/")[:3]) for p in contract().document["paths"])
        )

    def test_the_server_types_no_path(self) -> None:
        """No string in the server's code is an API path: paths come from the contract."""
        typed = [
            f"{name}:{node.lineno}"
            for name, tree in _modules()
            for node in ast.walk(tree)
            if isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and node.value.startswith("/v1")
        ]
        assert typed == []


class TestRegistration:
    def test_every_family_package_is_registered(self) -> None:
        """Each package of the server that defines a FAMILY is in FAMILIES."""
        packages = {
            path.parent.name
            for path in SERVER.glob("*/__init__.py")
            if "FAMILY = " in path.read_text(encoding="utf-8")
        }
        assert packages == {family.name for family in FAMILIES}

    def test_the_store_joins_every_family_store(self) -> None:
        """Store includes each family's store protocol; SQLiteStore each family's tables."""
        for family in FAMILIES:
            store = _family_package(family.name, "store")
            if store is not None:
                protocols = [
                    value
                    for value in vars(store).values()
                    if isinstance(value, type) and value.__module__ == store.__name__
                ]
                assert protocols and all(p in Store.__mro__ for p in protocols), family.name
            tables = _family_package(family.name, "sqlite")
            if tables is not None:
                parts = [
                    value
                    for value in vars(tables).values()
                    if isinstance(value, type)
                    and issubclass(value, SQLiteTables)
                    and value.__module__ == tables.__name__
                ]
                assert parts and all(p in SQLiteStore.__mro__ for p in parts), family.name


# The HTTP glue: the core's request and route machinery, each family's routes, the app builder.
def _is_http_glue(name: str) -> bool:
    return name.startswith("core/http/") or name.endswith("/routes.py") or name == "app.py"


class TestLayers:
    def test_only_the_http_glue_imports_starlette(self) -> None:
        """Domain modules (stores, logic, the event log, the core's state) never import the
        web framework."""
        offenders = []
        for name, tree in _modules():
            if _is_http_glue(name):
                continue
            for node in ast.walk(tree):
                if isinstance(node, ast.Import):
                    modules = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and node.level == 0:
                    modules = [node.module or ""]
                else:
                    continue
                if any(m == "starlette" or m.startswith("starlette.") for m in modules):
                    offenders.append(f"{name}:{node.lineno}")
        assert offenders == []

    def test_the_check_sees_the_glue_import_starlette(self) -> None:
        """The walk finds Starlette where it is used, so an empty list above means something."""
        glue = [
            name
            for name, tree in _modules()
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("starlette")
        ]
        assert "core/http/endpoint.py" in glue
