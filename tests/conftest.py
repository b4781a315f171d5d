"""Shared fixtures: the reference server over loopback, and clients of both kinds."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from agentkit import AgentKit, AsyncAgentKit
from agentkit.testing import ContractTransport, ContractValidator, ReferenceServer
from tests.bridge import AsyncBridge
from tests.faults import FaultInjector
from tests.postgres import postgres, postgres_url

__all__ = ["postgres", "postgres_url"]  # fixtures for every directory of tests

ClientFactory = Callable[..., Any]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Start the tests marked ``slow`` first: run in parallel (``pytest -n``), a long test
    scheduled near the end would keep one worker busy while the others have finished."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)


@pytest.fixture(scope="session")
def server() -> Iterator[ReferenceServer]:
    """One real reference server (uvicorn on 127.0.0.1, SQLite file) for the session."""
    with ReferenceServer() as running:
        yield running


def _checked(validator: ContractValidator, transport: Any) -> Any:
    """``transport`` with every response the server sends checked against the contract.

    A ``FaultInjector`` replaces some of the server's answers with failures of its own making
    (such as a 503 carrying ``INTERNAL_ERROR``, a code the contract sends with 500): the check
    goes beneath it, where it sees what the server really answered.
    """
    if isinstance(transport, FaultInjector):
        transport.forward_through(lambda inner: ContractTransport(validator, inner))
        return transport
    return ContractTransport(validator, transport)


@pytest.fixture(params=["sync", "async"])
def make_client(request: pytest.FixtureRequest, server: ReferenceServer) -> Iterator[ClientFactory]:
    """Build clients of the parametrized kind; the async one is driven through a sync bridge.

    Each call makes a client for the given key (default: a fresh organization, so tests never
    see each other's data); all are closed at teardown. Every response the server sends them is
    validated against the contract, and a mismatch fails the test. The validators are cheap:
    the compiled contract they check against is built once per process and shared.
    """
    runner = asyncio.Runner() if request.param == "async" else None
    closers: list[Callable[[], None]] = []
    # One validator per base URL (a client may reach the server through a proxy), made for
    # this test alone so that it fails on the mismatches its own requests caused.
    validators: dict[str, ContractValidator] = {}

    def factory(**kwargs: Any) -> Any:
        kwargs.setdefault("base_url", server.base_url)
        base_url = kwargs["base_url"]
        if base_url not in validators:
            validators[base_url] = ContractValidator(base_url)
        kwargs["transport"] = _checked(validators[base_url], kwargs.get("transport"))
        if "api_key" not in kwargs:
            kwargs["api_key"] = server.create_api_key()
        if runner is None:
            sync_client = AgentKit(**kwargs)
            closers.append(sync_client.close)
            return sync_client
        async_client = AsyncAgentKit(**kwargs)
        closers.append(lambda: runner.run(async_client.aclose()))
        return AsyncBridge(async_client, runner)

    factory.kind = request.param  # type: ignore[attr-defined]
    yield factory
    for close in closers:
        close()
    if runner is not None:
        runner.close()
    problems = [problem for validator in validators.values() for problem in validator.problems]
    assert not problems, "responses broke the contract:\n" + "\n".join(problems)


@pytest.fixture
def client(make_client: ClientFactory) -> Any:
    """A client of the parametrized kind, in an organization of its own."""
    return make_client()
