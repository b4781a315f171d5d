"""The one request path: operations by id, per-call settings in the request, results back."""

from __future__ import annotations

import asyncio
import json
import re
from pathlib import Path
from typing import Any

import httpx
import pytest

import agentkit
from agentkit import AgentKit, AsyncAgentKit
from agentkit._contract import contract
from agentkit._routes import route_of
from tests.unit.samples import AGENT

DOCUMENT = {
    "id": "doc_1",
    "index_id": "idx_1",
    "title": "notes.txt",
    "filename": "notes.txt",
    "content_type": "text/plain",
    "chunk_count": 1,
    "size_bytes": 5,
    "metadata": {},
    "created_at": "2026-01-01T00:00:00Z",
}
RETRY_NOW = {"retry-after-ms": "0"}


def _json(status: int, body: object, headers: dict[str, str] | None = None) -> httpx.Response:
    return httpx.Response(
        status,
        content=json.dumps(body),
        headers={"content-type": "application/json", **(headers or {})},
    )


def _error(status: int, code: str) -> httpx.Response:
    return _json(status, {"error": {"code": code, "message": "no"}}, RETRY_NOW)


class _Server:
    """A mock transport that answers from a list, then with ``default``, and keeps requests."""

    def __init__(self, *responses: httpx.Response, default: object = AGENT) -> None:
        self.responses = list(responses)
        self.default = default
        self.seen: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.seen.append(request)
        if self.responses:
            return self.responses.pop(0)
        return _json(201 if request.method == "POST" else 200, self.default)

    def client(self, **options: Any) -> AgentKit:
        return AgentKit(
            api_key="ak_x",
            base_url="http://api.test",
            transport=httpx.MockTransport(self),
            **options,
        )


class TestRoutes:
    @pytest.mark.parametrize("operation_id", sorted(contract().operations))
    def test_every_operation_has_a_route(self, operation_id: str) -> None:
        """Each operation of the contract resolves, with the model its JSON result is read into."""
        route = route_of(operation_id)
        operation = contract().operation(operation_id)
        assert route.method == operation.method
        assert route.keyed is operation.takes_idempotency_key
        if operation.response_schema is None:
            assert route.model is None
        else:
            assert route.model is not None
            assert route.model.__name__ == operation.response_schema

    def test_routes_are_kept(self) -> None:
        """The lookup is done once per operation id."""
        assert route_of("agents_get") is route_of("agents_get")

    def test_unknown_arguments_are_refused(self) -> None:
        """An argument that is not a parameter of the operation is a programming error."""
        with pytest.raises(TypeError, match="no parameter 'agentid'"):
            route_of("agents_get").address({"agentid": "agt_1"})

    def test_query_leaves_out_unset_and_sends_enums_by_value(self) -> None:
        """None and UNSET stay out of the query; an enum goes by its value."""
        from agentkit_api.models import ChatStatus
        from agentkit_api.types import UNSET

        path, query = route_of("chats_list").address(
            {"limit": 5, "cursor": None, "agent_id": UNSET, "status": ChatStatus.ACTIVE}
        )
        assert path == "/v1/chats"
        assert query == {"limit": 5, "status": "ACTIVE"}

    def test_path_parameters_are_quoted(self) -> None:
        """A path parameter fills one segment, whatever it contains."""
        path, _ = route_of("agents_get").address({"agent_id": "a/b c"})
        assert path == "/v1/agents/a%2Fb%20c"

    def test_a_key_for_an_operation_without_one_is_refused(self) -> None:
        """Only operations that take an Idempotency-Key get or accept one."""
        assert route_of("agents_get").key(None) is None
        with pytest.raises(TypeError):
            route_of("agents_get").key("k")
        minted = route_of("agents_create").key(None)
        assert minted is not None and minted.startswith("ak-")
        assert route_of("agents_create").key("mine") == "mine"

    def test_no_path_is_typed_by_hand(self) -> None:
        """The clients take every path from the contract, none from a string of their own."""
        package = Path(agentkit.__file__).parent
        for folder in ("_async", "_sync"):
            for source in (package / folder).rglob("*.py"):
                found = re.findall(r"[\"']/v\d+/", source.read_text(encoding="utf-8"))
                assert not found, f"{source.relative_to(package)} types a path: {found}"


class TestIdempotencyKeys:
    def test_the_key_is_made_before_the_request_and_reported(self) -> None:
        """A keyed call carries one key, the one its APIResponse reports, on every attempt."""
        server = _Server(_error(503, "INTERNAL_ERROR"))
        raw = server.client().agents.create.with_raw_response(name="a")
        keys = {request.headers["idempotency-key"] for request in server.seen}
        assert len(server.seen) == 2
        assert keys == {raw.idempotency_key}
        assert raw.idempotency_key is not None and raw.idempotency_key.startswith("ak-")

    def test_the_callers_key_is_sent(self) -> None:
        """A key the caller gives is the one sent and reported."""
        server = _Server()
        raw = server.client().agents.create.with_raw_response(name="a", idempotency_key="mine")
        assert server.seen[0].headers["idempotency-key"] == "mine"
        assert raw.idempotency_key == "mine"

    def test_each_call_gets_its_own_key(self) -> None:
        """Two logical calls, two keys."""
        server = _Server()
        client = server.client()
        client.agents.create(name="a")
        client.agents.create(name="b")
        assert len({request.headers["idempotency-key"] for request in server.seen}) == 2

    def test_operations_without_a_key_send_none(self) -> None:
        """A GET carries no key, and its APIResponse reports none."""
        server = _Server()
        raw = server.client().agents.get.with_raw_response("agt_1")
        assert "idempotency-key" not in server.seen[0].headers
        assert raw.idempotency_key is None

    def test_a_post_outside_an_sdk_call_still_gets_a_key(self) -> None:
        """A POST sent straight through the client's httpx client is keyed by the transport."""
        server = _Server()
        client = server.client()
        client._connection.http.post("/v1/agents", json={"name": "a"})
        assert server.seen[0].headers["idempotency-key"].startswith("ak-")


class TestSettingsPerCall:
    def test_retries_taken_come_back_on_the_response(self) -> None:
        """The transport's count of retries reaches the APIResponse."""
        server = _Server(_error(503, "INTERNAL_ERROR"), _error(503, "INTERNAL_ERROR"))
        raw = server.client().agents.get.with_raw_response("agt_1")
        assert (raw.retries_taken, len(server.seen)) == (2, 3)

    def test_a_copy_brings_its_own_retry_policy_to_the_shared_transport(self) -> None:
        """with_options(max_retries=0) holds for the copy's calls only, over the same transport."""
        server = _Server(_error(503, "INTERNAL_ERROR"))
        client = server.client()
        with pytest.raises(agentkit.InternalServerError) as caught:
            client.with_options(max_retries=0).agents.get("agt_1")
        assert caught.value.retries_taken == 0 and len(server.seen) == 1
        server.responses.append(_error(503, "INTERNAL_ERROR"))
        assert client.agents.get.with_raw_response("agt_1").retries_taken == 1

    def test_a_copy_brings_its_headers_and_timeout(self) -> None:
        """Extra headers and the timeout of a copy travel with its requests, not the original's."""
        server = _Server()
        client = server.client(timeout=7.0)
        client.with_options(extra_headers={"X-Team": "a"}, timeout=3.0).agents.get("agt_1")
        client.agents.get("agt_1")
        copy_request, own_request = server.seen
        assert copy_request.headers["x-team"] == "a"
        assert "x-team" not in own_request.headers
        assert copy_request.extensions["timeout"]["read"] == 3.0
        assert own_request.extensions["timeout"]["read"] == 7.0

    def test_hook_records_are_built_only_for_hooks(self) -> None:
        """With hooks set they see every attempt; the same calls work without any."""
        requests: list[agentkit.RequestInfo] = []
        retries: list[agentkit.RetryInfo] = []
        server = _Server(_error(503, "INTERNAL_ERROR"))
        client = server.client(on_request=requests.append, on_retry=retries.append)
        client.agents.get("agt_1")
        assert [info.attempt for info in requests] == [1, 2]
        assert [retry.status_code for retry in retries] == [503]
        assert requests[0].headers["authorization"] == "<redacted>"

    def test_a_request_outside_an_sdk_call_uses_the_clients_settings(self) -> None:
        """The transport falls back to the settings it was made with."""
        server = _Server()
        client = server.client(default_headers={"X-App": "demo"})
        client._connection.http.get("/v1/agents/agt_1")
        assert server.seen[0].headers["x-app"] == "demo"


class TestStreams:
    def test_a_stream_request_comes_from_the_contract(self) -> None:
        """A stream's request has the operation's method and path, its key and the idle timeout
        as the read timeout; the key is known before it connects."""
        server = _Server(_json(404, {"error": {"code": "SESSION_NOT_FOUND", "message": "no"}}))
        client = server.client(stream_idle_timeout=9.0)
        stream = client.sessions.stream_send("ses_1", "hi")
        key = stream.idempotency_key
        assert key is not None and key.startswith("ak-")
        with pytest.raises(agentkit.SessionNotFoundError):
            with stream:
                pass
        request = server.seen[0]
        assert (request.method, request.url.path) == ("POST", "/v1/sessions/ses_1/messages/stream")
        assert request.headers["idempotency-key"] == key
        assert request.headers["accept"] == "text/event-stream"
        assert request.extensions["timeout"]["read"] == 9.0
        assert json.loads(request.content)["message"]["parts"][0]["content"] == "hi"

    def test_event_streams_send_their_query(self) -> None:
        """Following a session's events sends ``after`` and ``follow`` in the query."""
        server = _Server(_json(404, {"error": {"code": "SESSION_NOT_FOUND", "message": "no"}}))
        stream = server.client().sessions.events("ses_1", after=4, follow=True)
        assert stream.idempotency_key is None
        with pytest.raises(agentkit.SessionNotFoundError):
            with stream:
                pass
        request = server.seen[0]
        assert request.url.path == "/v1/sessions/ses_1/events"
        assert dict(request.url.params) == {"after": "4", "follow": "true"}


class TestUpload:
    def test_an_upload_takes_its_path_from_the_contract_and_a_fresh_boundary(self) -> None:
        """Each multipart body has its own boundary; the key is sent as for any keyed call."""
        server = _Server(default=DOCUMENT)
        client = server.client()
        first = client.indexes.upload_document.with_raw_response("idx_1", b"hello", title="t")
        client.indexes.upload_document("idx_1", b"hello")
        boundaries = set()
        for request in server.seen:
            assert (request.method, request.url.path) == (
                "POST",
                "/v1/indexes/idx_1/documents/upload",
            )
            kind = request.headers["content-type"]
            assert kind.startswith("multipart/form-data; boundary=")
            boundaries.add(kind.split("boundary=")[1])
        assert len(boundaries) == 2
        assert server.seen[0].headers["idempotency-key"] == first.idempotency_key
        assert first.parsed.id == "doc_1"


class TestAsyncClient:
    def test_the_async_client_takes_the_same_path(self) -> None:
        """The async twin mints keys, counts retries and parses results the same way."""
        server = _Server(_error(503, "INTERNAL_ERROR"))

        async def call() -> Any:
            async with AsyncAgentKit(
                api_key="ak_x", base_url="http://api.test", transport=httpx.MockTransport(server)
            ) as client:
                return await client.agents.create.with_raw_response(name="a")

        raw = asyncio.run(call())
        assert raw.retries_taken == 1 and raw.parsed.id == "agt_1"
        assert {r.headers["idempotency-key"] for r in server.seen} == {raw.idempotency_key}


PROVIDER_MODEL = {
    "id": "Stub/meta-llama/Llama 3",
    "object": "model",
    "created": 1,
    "owned_by": "Stub",
    "name": "meta-llama/Llama 3",
    "kind": "provider",
    "capabilities": {
        "chat": True,
        "streaming": True,
        "tool_calls": False,
        "vision": False,
        "thinking": False,
        "embeddings": False,
    },
}


class TestProviderModelIds:
    def test_a_model_id_with_slashes_is_one_segment_as_openai_sends_it(self) -> None:
        """``models.get`` of ``<provider>/<model>`` sends its ``/`` as ``%2F``, the path OpenAI's
        own client sends, on both clients; the model comes back typed."""
        from openai._utils import path_template

        from agentkit.types import OpenAIModel, OpenAIModelKind

        server = _Server(default=PROVIDER_MODEL)
        with server.client() as client:
            model = client.models.get(PROVIDER_MODEL["id"])

        async def call() -> Any:
            async with AsyncAgentKit(
                api_key="ak_x", base_url="http://api.test", transport=httpx.MockTransport(server)
            ) as client:
                return await client.models.get(PROVIDER_MODEL["id"])

        async_model = asyncio.run(call())
        openai_path = path_template("/models/{model}", model=PROVIDER_MODEL["id"])
        assert [r.url.raw_path.decode() for r in server.seen] == [f"/openai/v1{openai_path}"] * 2
        for got in (model, async_model):
            assert isinstance(got, OpenAIModel) and got.kind is OpenAIModelKind.PROVIDER
            assert got.name == "meta-llama/Llama 3"
