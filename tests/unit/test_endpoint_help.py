"""What ``inspect``, ``help()`` and IPython show of the clients and their API methods."""

from __future__ import annotations

import ast
import inspect
import pydoc
import re
from collections.abc import Iterator
from functools import cached_property
from pathlib import Path
from typing import Any

import pytest

from agentkit import AgentKit, AsyncAgentKit
from agentkit._async.endpoint import AsyncEndpoint
from agentkit._sync.endpoint import Endpoint

SYNC_DIR = Path(__file__).resolve().parents[2] / "agentkit" / "_sync"
CLIENTS = [AgentKit, AsyncAgentKit]


def resource_names(client_class: type[Any]) -> list[str]:
    return [
        name
        for name, value in vars(client_class).items()
        if isinstance(value, cached_property) and not name.startswith("_")
    ]


def endpoints(client: Any) -> Iterator[tuple[str, Any]]:
    for resource_name in resource_names(type(client)):
        resource = getattr(client, resource_name)
        for name in dir(resource):
            if name.startswith("_"):
                continue
            value = getattr(resource, name)
            if isinstance(value, Endpoint | AsyncEndpoint):
                yield f"{resource_name}.{name}", value


@pytest.fixture(params=CLIENTS, ids=lambda cls: cls.__name__)
def client(request: pytest.FixtureRequest) -> Any:
    return request.param(api_key="ak_test", base_url="http://127.0.0.1:9")


class TestEndpointSignatures:
    def test_every_endpoint_shows_the_method_signature_without_self(self, client: Any) -> None:
        """inspect.signature gives the method's own parameters, not (*args, **kwargs)."""
        found = list(endpoints(client))
        assert len(found) > 20
        for name, endpoint in found:
            function = endpoint.__wrapped__
            expected = list(inspect.signature(function).parameters)[1:]
            assert list(inspect.signature(endpoint).parameters) == expected, name
            assert "args" not in expected, name

    def test_the_return_type_is_the_parsed_result(self, client: Any) -> None:
        """The signature returns what the call returns, not its APIResponse."""
        assert inspect.signature(client.agents.get).return_annotation == "Agent"
        assert inspect.signature(client.chats.start).return_annotation == "ChatReply"
        for name, endpoint in endpoints(client):
            assert "APIResponse" not in str(inspect.signature(endpoint).return_annotation), name

    def test_every_endpoint_keeps_its_docstring_and_name(self, client: Any) -> None:
        """The docstring, name and qualified name are the method's."""
        for name, endpoint in endpoints(client):
            function = endpoint.__wrapped__
            assert endpoint.__doc__ == function.__doc__ and endpoint.__doc__, name
            assert endpoint.__name__ == function.__name__ == name.split(".")[1]
            assert endpoint.__qualname__ == function.__qualname__

    def test_help_documents_the_method_not_the_endpoint_class(self, client: Any) -> None:
        """help() shows the method's name, parameters and docstring."""
        text = pydoc.render_doc(client.agents.create, renderer=pydoc.plaintext)
        assert "create(*, name: 'str', instructions:" in text
        assert "Create an agent." in text
        assert "AgentNameTakenError" in text
        assert "Endpoint object" not in text

    def test_an_endpoint_is_made_once_per_resource(self, client: Any) -> None:
        """Looking a method up again gives the same endpoint; another client has its own."""
        assert client.agents.get is client.agents.get
        other = type(client)(api_key="ak_test", base_url="http://127.0.0.1:9")
        assert other.agents.get is not client.agents.get


VARIANTS = ["with_raw_response", "with_streaming_response"]


class TestVariantSignatures:
    @pytest.mark.parametrize("variant", VARIANTS)
    def test_every_variant_shows_the_method_parameters(self, client: Any, variant: str) -> None:
        """A variant takes the method's own parameters, not (*args, **kwargs)."""
        found = list(endpoints(client))
        assert len(found) > 20
        for name, endpoint in found:
            shown = inspect.signature(getattr(endpoint, variant))
            assert shown.parameters == inspect.signature(endpoint).parameters, name
            kinds = {parameter.kind for parameter in shown.parameters.values()}
            assert inspect.Parameter.VAR_POSITIONAL not in kinds, name

    def test_the_variants_return_the_response_around_the_result(self, client: Any) -> None:
        """The raw variant returns an APIResponse of the result; the streaming one a context."""
        raw = inspect.signature(client.agents.create.with_raw_response)
        streaming = inspect.signature(client.agents.create.with_streaming_response)
        assert raw.return_annotation == "APIResponse[Agent]"
        context = "ResponseContext[Agent]"
        if isinstance(client, AsyncAgentKit):
            context = "Async" + context
        assert streaming.return_annotation == context
        assert "name" in raw.parameters and "idempotency_key" in raw.parameters

    @pytest.mark.parametrize("variant", VARIANTS)
    def test_help_documents_the_variant_and_the_method(self, client: Any, variant: str) -> None:
        """help() on a variant names it, shows the method's parameters and both docstrings."""
        text = pydoc.render_doc(getattr(client.agents.create, variant), renderer=pydoc.plaintext)
        assert f"{variant}(*, name: 'str', instructions:" in text
        assert "Create an agent." in text
        assert "AgentNameTakenError" in text
        assert "Agents.create" in text
        assert "(*args, **kwargs)" not in text

    def test_a_variant_is_made_once_per_endpoint(self, client: Any) -> None:
        """Looking a variant up again gives the same callable."""
        assert client.agents.get.with_raw_response is client.agents.get.with_raw_response

    def test_the_sync_variants_do_not_speak_of_async(self) -> None:
        """The sync client's variants describe sync use."""
        sync = AgentKit(api_key="ak_test", base_url="http://127.0.0.1:9")
        for variant in VARIANTS:
            doc = inspect.getdoc(getattr(sync.agents.get, variant)) or ""
            assert not re.search(r"\b(async|await|aread|aiter_bytes)\b", doc), variant
            assert not inspect.iscoroutinefunction(getattr(sync.agents.get, variant)), variant


class TestClientHelp:
    @pytest.mark.parametrize("client_class", CLIENTS, ids=lambda cls: cls.__name__)
    def test_help_lists_every_resource_with_its_summary(self, client_class: type[Any]) -> None:
        """help(client) names each resource namespace and says what it is for."""
        text = pydoc.render_doc(client_class(api_key="ak_test"), renderer=pydoc.plaintext)
        names = resource_names(client_class)
        assert {"agents", "chats", "sessions", "indexes"} <= set(names)
        for name in names:
            summary = inspect.getdoc(vars(client_class)[name])
            assert summary, name
            assert re.search(rf"\b{name}\b", text), name
            assert summary.splitlines()[0] in text, name

    def test_the_sync_client_does_not_call_itself_async(self) -> None:
        """The sync client's docstring describes a sync client."""
        doc = inspect.getdoc(AgentKit) or ""
        assert "synchronous" in doc
        assert not re.search(r"\basync\b", doc)


def docstrings(path: Path) -> Iterator[tuple[str, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            doc = ast.get_docstring(node)
            if doc:
                yield getattr(node, "name", path.name), doc


class TestSyncDocstrings:
    def test_no_sync_docstring_speaks_of_async_or_await(self) -> None:
        """The generated sync twin's docstrings say nothing of async, await or async for."""
        found = [
            f"{path.name}:{name}: {match.group(0)!r}"
            for path in sorted(SYNC_DIR.rglob("*.py"))
            for name, doc in docstrings(path)
            for match in re.finditer(r".{0,30}\b(async|await)\b.{0,30}", doc)
        ]
        assert not found, found
