"""The reference server over raw HTTP: the envelope, request ids, limits and auth."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from agentkit._sse import SSEDecoder
from agentkit.server import ServerConfig
from agentkit.testing import ReferenceServer


@pytest.fixture(scope="module")
def limited() -> Iterator[ReferenceServer]:
    """A server with small limits, so tests can reach them."""
    config = ServerConfig(max_body_bytes=2048, rate_limit_per_minute=5, max_chat_messages=4)
    with ReferenceServer(config=config) as running:
        yield running


@pytest.fixture
def http(server: ReferenceServer) -> Iterator[httpx.Client]:
    headers = {"Authorization": f"Bearer {server.create_api_key()}"}
    with httpx.Client(base_url=server.base_url, headers=headers) as client:
        yield client


def _error(response: httpx.Response) -> dict[str, Any]:
    assert response.headers["content-type"].startswith("application/json")
    error: dict[str, Any] = response.json()["error"]
    assert error["request_id"] == response.headers["x-request-id"]
    return error


class TestEnvelope:
    def test_unknown_route(self, http: httpx.Client) -> None:
        """An unknown path is a 404 NOT_FOUND in the envelope, with a request id."""
        response = http.get("/v1/nothing-here")
        assert response.status_code == 404
        assert _error(response)["code"] == "NOT_FOUND"

    def test_wrong_method(self, http: httpx.Client) -> None:
        """A known path with the wrong method is a 405 METHOD_NOT_ALLOWED."""
        response = http.delete("/v1/chats")
        assert response.status_code == 405
        assert _error(response)["code"] == "METHOD_NOT_ALLOWED"

    def test_every_response_has_a_request_id(self, http: httpx.Client) -> None:
        """Successes carry X-Request-Id too, and ids differ between requests."""
        first = http.get("/v1/health").headers["x-request-id"]
        second = http.get("/v1/agents").headers["x-request-id"]
        assert first.startswith("req_") and second.startswith("req_") and first != second


class TestAuth:
    def test_missing_key(self, server: ReferenceServer) -> None:
        """No Authorization header is a 401 UNAUTHORIZED."""
        response = httpx.get(f"{server.base_url}/v1/agents")
        assert response.status_code == 401
        assert _error(response)["code"] == "UNAUTHORIZED"

    def test_health_and_version_are_public(self, server: ReferenceServer) -> None:
        """Health and version need no key."""
        assert httpx.get(f"{server.base_url}/v1/health").json() == {"status": "ok"}
        assert httpx.get(f"{server.base_url}/v1/version").json()["api_version"]


class TestBadInput:
    @pytest.mark.parametrize(
        ("body", "field"),
        [
            (b"{not json", "body"),
            (b"[]", "body"),
            (b'{"name": 5}', "name"),
            (b"{}", "name"),
            (b'{"name": "a", "colour": "red"}', "colour"),
        ],
    )
    def test_bad_bodies_name_the_field(self, http: httpx.Client, body: bytes, field: str) -> None:
        """Malformed or invalid bodies are a 400 VALIDATION_ERROR naming the field, never a 500."""
        response = http.post(
            "/v1/agents", content=body, headers={"content-type": "application/json"}
        )
        assert response.status_code == 400
        error = _error(response)
        assert error["code"] == "VALIDATION_ERROR"
        assert error["details"]["field"] == field

    def test_nested_part_type(self, http: httpx.Client) -> None:
        """A bad part type inside a chat message names its path."""
        agent = http.post("/v1/agents", json={"name": "a"}).json()
        body = {
            "agent_id": agent["id"],
            "message": {"parts": [{"type": "hologram", "content": "x"}]},
        }
        error = _error(http.post("/v1/chats", json=body))
        assert error["details"]["field"].startswith("message.parts[0]")

    @pytest.mark.parametrize("query", ["limit=0", "limit=101", "limit=ten"])
    def test_bad_query(self, http: httpx.Client, query: str) -> None:
        """Query parameters out of range are a 400 naming the parameter."""
        error = _error(http.get(f"/v1/agents?{query}"))
        assert error["details"] == {"field": "limit", "location": "query"}

    def test_invalid_base64(self, http: httpx.Client) -> None:
        """A file part whose content is not base64 is refused, naming its content."""
        agent = http.post("/v1/agents", json={"name": "a"}).json()
        part = {"type": "file", "content": "***", "mime_type": "text/plain"}
        body = {"agent_id": agent["id"], "message": {"parts": [part]}}
        error = _error(http.post("/v1/chats", json=body))
        assert error["details"]["field"] == "message.parts[0].content"


class TestLimits:
    def test_body_too_large(self, limited: ReferenceServer) -> None:
        """A body over the limit is a 413 REQUEST_TOO_LARGE."""
        headers = {"Authorization": f"Bearer {limited.create_api_key()}"}
        response = httpx.post(
            f"{limited.base_url}/v1/agents",
            json={"name": "a", "instructions": "x" * 5000},
            headers=headers,
        )
        assert response.status_code == 413
        assert _error(response)["code"] == "REQUEST_TOO_LARGE"

    def test_rate_limit(self, limited: ReferenceServer) -> None:
        """Past the per-key limit the server answers 429 RATE_LIMITED with Retry-After."""
        headers = {"Authorization": f"Bearer {limited.create_api_key()}"}
        statuses = [httpx.get(f"{limited.base_url}/v1/agents", headers=headers) for _ in range(6)]
        assert [response.status_code for response in statuses[:5]] == [200] * 5
        assert statuses[5].status_code == 429
        assert int(statuses[5].headers["retry-after"]) > 0
        assert _error(statuses[5])["code"] == "RATE_LIMITED"

    def test_chat_buffer_overflow(self, limited: ReferenceServer) -> None:
        """A chat full of messages refuses more with CHAT_BUFFER_OVERFLOW."""
        headers = {"Authorization": f"Bearer {limited.create_api_key()}"}
        with httpx.Client(base_url=limited.base_url, headers=headers) as http:
            agent = http.post("/v1/agents", json={"name": "a"}).json()
            message = {"parts": [{"type": "text", "content": "hi"}]}
            chat = http.post("/v1/chats", json={"agent_id": agent["id"], "message": message}).json()
            assert (
                http.post(f"/v1/chats/{chat['id']}/messages", json={"message": message}).status_code
                == 200
            )
            response = http.post(f"/v1/chats/{chat['id']}/messages", json={"message": message})
        assert _error(response)["code"] == "CHAT_BUFFER_OVERFLOW"


class TestStreamReplay:
    def test_repeated_streaming_post_replays_after_last_event_id(self, http: httpx.Client) -> None:
        """The same streaming POST and key with Last-Event-ID replays only the later events."""
        agent = http.post("/v1/agents", json={"name": "a", "brain": "scripted"}).json()
        body = {
            "agent_id": agent["id"],
            "message": {"parts": [{"type": "text", "content": "/long 5"}]},
        }
        headers = {"Idempotency-Key": "stream-key-1"}

        def events(extra: dict[str, str]) -> list[tuple[str, str]]:
            decoder = SSEDecoder()
            with http.stream(
                "POST", "/v1/chats/stream", json=body, headers={**headers, **extra}
            ) as response:
                found = [event for chunk in response.iter_bytes() for event in decoder.feed(chunk)]
            return [(event.id, event.event) for event in found]

        first = events({})
        assert [kind for _, kind in first] == ["metadata"] + ["content"] * 5 + ["done"]
        replay = events({"Last-Event-ID": first[2][0]})
        assert replay == first[3:]
        assert len(list(json.loads(http.get("/v1/chats").text)["data"])) == 1
