"""Idempotency-Key on POST: replay, reuse with another body, concurrency, scope and expiry."""

from __future__ import annotations

import time
from typing import Any

import httpx
import pytest

from agentkit.server import ServerConfig
from agentkit.testing import ReferenceServer

from .conftest import Api, Harness, check_response, new_agent, run_in_threads, text_message


class TestReplay:
    def test_same_key_same_body_replays_the_response(self, api: Api) -> None:
        """The repeat answers the stored status and body, marked Idempotent-Replayed."""
        key = {"Idempotency-Key": "create-1"}
        first = api.post("/v1/agents", json={"name": "Once"}, headers=key)
        second = api.post("/v1/agents", json={"name": "Once"}, headers=key)
        assert first.status_code == second.status_code == 201
        assert second.json() == first.json()
        assert second.headers["idempotent-replayed"] == "true"
        assert "idempotent-replayed" not in first.headers
        assert len(api.get("/v1/agents").json()["data"]) == 1

    def test_a_chat_turn_runs_once(self, api: Api, echo_agent: dict[str, Any]) -> None:
        """Repeating a message with its key replays the reply; the chat gets no second turn."""
        chat = api.post(
            "/v1/chats", json={"agent_id": echo_agent["id"], "message": text_message("hi")}
        ).json()
        send = f"/v1/chats/{chat['id']}/messages"
        key = {"Idempotency-Key": "msg-1"}
        first = api.post(send, json={"message": text_message("again")}, headers=key)
        second = api.post(send, json={"message": text_message("again")}, headers=key)
        assert second.json() == first.json() and second.json()["message_count"] == 4
        assert len(api.get(f"{send}").json()["data"]) == 4

    def test_a_failed_turn_is_replayed_not_rerun(
        self, api: Api, scripted_agent: dict[str, Any]
    ) -> None:
        """An AGENT_ERROR answer is stored too: the repeat does not start another chat."""
        body = {"agent_id": scripted_agent["id"], "message": text_message("/error")}
        key = {"Idempotency-Key": "fail-1"}
        first = api.post("/v1/chats", json=body, headers=key)
        second = api.post("/v1/chats", json=body, headers=key)
        assert first.status_code == second.status_code == 502
        assert second.headers["idempotent-replayed"] == "true"
        stored, replayed = first.json()["error"], second.json()["error"]
        assert replayed.pop("request_id") != stored.pop("request_id")
        assert replayed == stored
        assert len(api.get("/v1/chats").json()["data"]) == 1

    def test_refused_requests_are_not_stored(self, api: Api) -> None:
        """A request refused before acting (409) leaves the key free for a corrected request."""
        new_agent(api, name="Taken")
        key = {"Idempotency-Key": "fix-me"}
        assert api.post("/v1/agents", json={"name": "Taken"}, headers=key).status_code == 409
        assert api.post("/v1/agents", json={"name": "Free"}, headers=key).status_code == 201


class TestReuse:
    def test_same_key_other_body_is_key_reused(self, api: Api) -> None:
        """The key names one request: another body with it answers 409 IDEMPOTENCY_KEY_REUSED."""
        key = {"Idempotency-Key": "reused"}
        api.post("/v1/agents", json={"name": "A"}, headers=key)
        response = api.post("/v1/agents", json={"name": "B"}, headers=key)
        assert response.status_code == 409
        assert response.json()["error"]["code"] == "IDEMPOTENCY_KEY_REUSED"

    def test_keys_belong_to_one_organization(self, harness: Harness) -> None:
        """Two organizations may use the same key without seeing each other's responses."""
        one, two = harness.client(), harness.client()
        key = {"Idempotency-Key": "shared-key"}
        first = one.post("/v1/agents", json={"name": "Mine"}, headers=key)
        second = two.post("/v1/agents", json={"name": "Mine"}, headers=key)
        assert first.status_code == second.status_code == 201
        assert first.json()["id"] != second.json()["id"]
        assert "idempotent-replayed" not in second.headers


class TestConcurrency:
    def test_concurrent_duplicates_create_once(self, api: Api, harness: Harness) -> None:
        """Eight simultaneous identical POSTs with one key make one agent; all get its body."""
        key = {"Authorization": f"Bearer {api.key}", "Idempotency-Key": "race-1"}

        def post(_: int) -> httpx.Response:
            with httpx.Client(base_url=harness.server.base_url, timeout=15) as http:
                return http.post("/v1/agents", json={"name": "Raced"}, headers=key)

        responses = run_in_threads(8, post)
        for response in responses:
            check_response(response)
        assert {r.status_code for r in responses} == {201}
        assert len({r.json()["id"] for r in responses}) == 1
        assert sum(r.headers.get("idempotent-replayed") == "true" for r in responses) == 7
        assert len(api.get("/v1/agents").json()["data"]) == 1


class TestExpiry:
    def test_keys_expire_after_the_ttl(self) -> None:
        """After idempotency_ttl the key is forgotten and the request runs again."""
        with ReferenceServer(config=ServerConfig(idempotency_ttl=0.3)) as server:
            api = Api(server.base_url, server.api_key)
            try:
                key = {"Idempotency-Key": "short-lived"}
                first = api.post("/v1/agents", json={"name": "A"}, headers=key)
                time.sleep(0.4)
                second = api.post("/v1/agents", json={"name": "B"}, headers=key)
                assert first.status_code == second.status_code == 201
                assert second.json()["name"] == "B"
            finally:
                api.close()


@pytest.mark.parametrize(
    ("path", "query"),
    [
        ("/v1/chats/chat_1/messages", b""),
        ("/v1/chats/chat_1/messages", b"a=1&b=two"),
        ("/v1/a?b/c#d", b""),
        ("/v1/back\\slash", b"q=%20x"),
        ("//double", b""),
        ("/caf\u00e9", b""),
        ("/tab\there", b""),
        ("/ok", b"frag#ment"),
        ("/ok", b"caf\xc3\xa9"),
        ("/ok", b"line\nbreak"),
        ("*", b""),
    ],
)
def test_a_key_is_fingerprinted_by_the_path_and_query_of_the_url(path: str, query: bytes) -> None:
    """The fast reading of a request's target agrees with the URL Starlette builds, so a repeat
    of a request stored before (by any server version) finds its record."""
    from starlette.requests import Request

    from agentkit.server.core.http.endpoint import _target

    headers = [(b"host", b"127.0.0.1:8765")]
    scope = {"type": "http", "path": path, "query_string": query, "headers": headers}
    url = Request(scope).url
    assert _target(Request(scope)) == (url.path, url.query)
