"""Pagination guards, with a mock transport for a fault no healthy server produces."""

from __future__ import annotations

import asyncio
import json

import httpx
import pytest

import agentkit
from agentkit import AgentKit, AsyncAgentKit
from tests.unit.samples import AGENT


def _looping_server(seen: list[httpx.Request]) -> httpx.MockTransport:
    def handle(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        page = {"data": [AGENT], "has_more": True, "next_cursor": "same-every-time"}
        return httpx.Response(
            200, content=json.dumps(page), headers={"content-type": "application/json"}
        )

    return httpx.MockTransport(handle)


class TestRepeatedCursor:
    def test_sync_pager_stops_with_an_error(self) -> None:
        """A server repeating its cursor makes iteration raise instead of looping forever."""
        seen: list[httpx.Request] = []
        client = AgentKit(
            api_key="ak_x", base_url="http://api.test", transport=_looping_server(seen)
        )
        with pytest.raises(agentkit.PaginationLoopError):
            list(client.agents.list())
        assert len(seen) == 2

    def test_async_pager_stops_with_an_error(self) -> None:
        """The async pager has the same guard."""
        seen: list[httpx.Request] = []

        async def walk() -> None:
            async with AsyncAgentKit(
                api_key="ak_x", base_url="http://api.test", transport=_looping_server(seen)
            ) as client:
                async for _ in client.agents.list():
                    pass

        with pytest.raises(agentkit.PaginationLoopError):
            asyncio.run(walk())
        assert len(seen) == 2


class TestCredentials:
    def test_token_is_not_sent_to_other_origins(self) -> None:
        """A request to a URL outside the base URL goes without the bearer token."""
        seen: list[httpx.Request] = []

        def handle(request: httpx.Request) -> httpx.Response:
            seen.append(request)
            return httpx.Response(200, content=b"file")

        client = AgentKit(
            api_key="ak_secret", base_url="http://api.test", transport=httpx.MockTransport(handle)
        )
        http = client._connection.http
        http.get("http://api.test/v1/health")
        http.get("http://files.example/download/1")
        assert seen[0].headers["authorization"] == "Bearer ak_secret"
        assert "authorization" not in seen[1].headers
