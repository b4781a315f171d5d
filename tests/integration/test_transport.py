"""Retries, idempotency keys, raw responses, hooks and logging, over a real server."""

from __future__ import annotations

import logging
from typing import Any

import pytest

import agentkit
from tests.faults import FaultInjector


class TestIdempotentRetries:
    def test_post_failing_twice_is_created_once_with_one_key(self, make_client: Any) -> None:
        """A create that fails twice with 503 after reaching the server is created once."""
        faults = FaultInjector()
        retries: list[Any] = []
        client = make_client(transport=faults, on_retry=retries.append)
        faults.fail_after_send = 2
        raw = client.agents.create.with_raw_response(name="Once")
        assert raw.retries_taken == 2
        assert [retry.status_code for retry in retries] == [503, 503]
        posts = [seen for seen in faults.seen if seen.method == "POST"]
        assert len(posts) == 3
        keys = {seen.headers["idempotency-key"] for seen in posts}
        assert keys == {raw.idempotency_key}
        assert [agent.name for agent in client.agents.list()] == ["Once"]

    def test_each_logical_call_gets_its_own_key(self, make_client: Any) -> None:
        """Two creates carry two different keys."""
        faults = FaultInjector()
        client = make_client(transport=faults)
        client.agents.create(name="one")
        client.agents.create(name="two")
        keys = [seen.headers["idempotency-key"] for seen in faults.seen if seen.method == "POST"]
        assert len(set(keys)) == 2

    def test_caller_key_is_used_and_replayed(self, client: Any) -> None:
        """Repeating a call with the caller's key returns the stored result, not a new agent."""
        first = client.agents.create(name="Keyed", idempotency_key="my-key-1")
        again = client.agents.create.with_raw_response(name="Keyed", idempotency_key="my-key-1")
        assert again.parsed.id == first.id
        assert again.headers.get("idempotent-replayed") == "true"

    def test_reused_key_with_another_body_is_refused(self, client: Any) -> None:
        """The same key with a different request is IdempotencyKeyReusedError."""
        client.agents.create(name="First", idempotency_key="shared-key")
        with pytest.raises(agentkit.IdempotencyKeyReusedError):
            client.agents.create(name="Second", idempotency_key="shared-key")

    def test_retries_give_up_with_the_last_error(self, make_client: Any) -> None:
        """When every attempt fails the last status error is raised, with retries counted."""
        faults = FaultInjector(fail_after_send=10)
        client = make_client(transport=faults, max_retries=1)
        with pytest.raises(agentkit.InternalServerError) as caught:
            client.agents.list().first_page()
        assert caught.value.status_code == 503
        assert caught.value.retries_taken == 1

    def test_with_options_disables_retries_for_one_call(self, make_client: Any) -> None:
        """with_options(max_retries=0) makes a single attempt."""
        faults = FaultInjector()
        client = make_client(transport=faults)
        faults.fail_after_send = 1
        with pytest.raises(agentkit.InternalServerError):
            client.with_options(max_retries=0).agents.list().first_page()
        assert len(client.with_options(max_retries=0).agents.list().first_page().data) == 0


class TestConnectionErrors:
    def test_unreachable_server_is_a_connection_error(self, make_client: Any) -> None:
        """A refused connection surfaces as APIConnectionError after the retries."""
        client = make_client(base_url="http://127.0.0.1:9", max_retries=1)
        with pytest.raises(agentkit.APIConnectionError):
            client.agents.get("agt_x")

    def test_bad_key_is_an_authentication_error(self, make_client: Any) -> None:
        """A key the server does not know raises AuthenticationError."""
        client = make_client(api_key="ak_not_a_real_key")
        with pytest.raises(agentkit.AuthenticationError):
            client.agents.list().first_page()


class TestRawResponse:
    def test_raw_response_carries_the_metadata(self, client: Any) -> None:
        """with_raw_response returns status, headers, request id and the parsed result."""
        raw = client.agents.create.with_raw_response(name="Raw")
        assert raw.status_code == 201
        assert raw.request_id and raw.request_id == raw.headers["x-request-id"]
        assert raw.retries_taken == 0
        assert raw.parse().name == "Raw"
        fetched = client.agents.get.with_raw_response(raw.parsed.id)
        assert fetched.status_code == 200 and fetched.idempotency_key is None


class TestHooksAndLogging:
    def test_hooks_see_every_attempt_with_secrets_redacted(self, make_client: Any) -> None:
        """Request and response hooks run per attempt and never see the API key."""
        requests: list[Any] = []
        responses: list[Any] = []
        client = make_client(on_request=requests.append, on_response=responses.append)
        client.agents.create(name="Hooked")
        assert requests[0].method == "POST" and requests[0].attempt == 1
        assert requests[0].headers["authorization"] == "<redacted>"
        assert responses[0].status_code == 201 and responses[0].request_id

    def test_logging_redacts_the_key(
        self, make_client: Any, caplog: pytest.LogCaptureFixture
    ) -> None:
        """Debug logs describe requests and never contain the API key."""
        key = "ak_" + "s" * 20
        client = make_client(api_key=key)
        with caplog.at_level(logging.DEBUG, logger="agentkit"):
            with pytest.raises(agentkit.AuthenticationError):
                client.agents.get("agt_1")
        assert any("GET" in record.getMessage() for record in caplog.records)
        assert key not in caplog.text

    def test_repr_hides_the_key(self, make_client: Any) -> None:
        """The client's repr shows the base URL, not the key."""
        key = "ak_" + "r" * 20
        client = make_client(api_key=key)
        assert key not in repr(client.unwrapped if hasattr(client, "unwrapped") else client)
