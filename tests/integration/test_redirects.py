"""The SDK and redirects: the API sends none, so a 3xx is an error, raised before anything
parses the response, and never followed (following one would send the request, and the API key,
wherever ``Location`` says)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from starlette.types import ASGIApp, Receive, Scope, Send

from agentkit import AgentKit, APIResponseValidationError, APIStatusError, AsyncAgentKit
from agentkit.testing import ReferenceServer

# Where the redirects point: a path of the server (counted when reached) and another origin.
_ON_SERVER = "/v1/health?followed=1"
_ELSEWHERE = "http://127.0.0.1:9/v1/agents"


class Redirector:
    """Answers requests whose path starts with ``/v1/agents`` with a redirect, as a proxy or a
    moved host in front of the API might; counts every request, and those that followed."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.status = 307
        self.location: str | None = _ON_SERVER
        self.redirected = 0
        self.followed = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["path"].startswith("/v1/agents"):
            self.redirected += 1
            headers = [(b"content-type", b"text/html"), (b"content-length", b"7")]
            if self.location is not None:
                headers.append((b"location", self.location.encode()))
            await send({"type": "http.response.start", "status": self.status, "headers": headers})
            await send({"type": "http.response.body", "body": b"<html/>"})
            return
        if scope["type"] == "http" and b"followed=1" in scope.get("query_string", b""):
            self.followed += 1
        await self.app(scope, receive, send)


@pytest.fixture(scope="module")
def redirecting() -> Iterator[tuple[ReferenceServer, Redirector]]:
    made: list[Redirector] = []

    def wrap(app: Any) -> Redirector:
        made.append(Redirector(app))
        return made[0]

    with ReferenceServer(wrap_app=wrap) as server:
        yield server, made[0]


@pytest.fixture
def redirector(redirecting: tuple[ReferenceServer, Redirector]) -> Iterator[Redirector]:
    redirector = redirecting[1]
    redirector.redirected = redirector.followed = 0
    yield redirector
    redirector.status, redirector.location = 307, _ON_SERVER


@pytest.fixture(params=["sync", "async"])
def call(
    request: pytest.FixtureRequest, redirecting: tuple[ReferenceServer, Redirector]
) -> Callable[[str], Any]:
    """Run one SDK call on a client of the parametrized kind; return what it raised."""
    server = redirecting[0]
    options = {"api_key": server.api_key, "base_url": server.base_url, "max_retries": 2}

    def run_sync(name: str) -> Any:
        with AgentKit(**options) as client:
            assert client._connection.http.follow_redirects is False
            try:
                _calls(client)[name]()
            except Exception as exc:
                return exc
        return None

    async def run_async(name: str) -> Any:
        async with AsyncAgentKit(**options) as client:
            assert client._connection.http.follow_redirects is False
            try:
                await _calls(client)[name]()
            except Exception as exc:
                return exc
        return None

    if request.param == "sync":
        return run_sync
    return lambda name: asyncio.run(run_async(name))


def _calls(client: Any) -> dict[str, Callable[[], Any]]:
    return {
        "get": lambda: client.agents.get("agt_0"),
        "create": lambda: client.agents.create(name="Redirected", brain="echo"),
    }


@pytest.mark.parametrize("name", ["get", "create"])
@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
@pytest.mark.parametrize("location", [_ON_SERVER, _ELSEWHERE])
def test_a_redirect_is_an_error_and_never_followed(
    call: Callable[[str], Any], redirector: Redirector, name: str, status: int, location: str
) -> None:
    """An unexpected 3xx is an APIStatusError saying where it pointed: not a response the SDK
    fails to parse, not followed, not retried."""
    redirector.status, redirector.location = status, location
    error = call(name)
    assert isinstance(error, APIStatusError), repr(error)
    assert not isinstance(error, APIResponseValidationError)
    assert error.status_code == status
    assert location in str(error)
    assert error.details["location"] == location
    assert error.body == b"<html/>"
    assert error.retries_taken == 0
    assert redirector.redirected == 1
    assert redirector.followed == 0


def test_a_redirect_without_location_is_an_error(
    call: Callable[[str], Any], redirector: Redirector
) -> None:
    """A 3xx that points nowhere is an error all the same, and says so."""
    redirector.location = None
    error = call("get")
    assert isinstance(error, APIStatusError), repr(error)
    assert error.status_code == 307
    assert "no Location" in str(error)
    assert redirector.redirected == 1
