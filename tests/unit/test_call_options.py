"""Per-call options, streamed responses, request ids on results and pagers that resume."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

from agentkit import (
    APIResponse,
    ConfigurationError,
    InternalServerError,
    StreamError,
    ValidationError,
    request_id_of,
)
from agentkit.types import Agent
from tests.unit.clients import Recorder
from tests.unit.samples import AGENT, CHAT


class TestEndpointOptions:
    def test_options_reach_the_request_of_that_call_only(self, make: Any) -> None:
        """Headers, query, body fields and timeout apply to the call made through with_options."""
        recorder = Recorder(AGENT)
        _, run = make(recorder)
        run(
            lambda c: c.agents.create.with_options(
                timeout=7.5,
                extra_headers={"X-Team": "support"},
                extra_query={"beta": "yes"},
                extra_body={"color": "blue"},
            )(name="Bot")
        )
        run(lambda c: c.agents.create(name="Bot"))
        first, second = recorder.requests
        assert first.headers["x-team"] == "support"
        assert first.url.params["beta"] == "yes"
        assert json.loads(first.content) == {"name": "Bot", "color": "blue"}
        assert first.extensions["timeout"]["read"] == 7.5
        assert "x-team" not in second.headers
        assert "beta" not in second.url.params
        assert json.loads(second.content) == {"name": "Bot"}

    def test_a_request_without_body_gets_no_extra_body(self, make: Any) -> None:
        """extra_body leaves a GET without a body; extra_query still applies."""
        recorder = Recorder(AGENT)
        _, run = make(recorder)
        run(lambda c: c.agents.get.with_options(extra_body={"x": 1}, extra_query={"q": 2})("agt_1"))
        (request,) = recorder.requests
        assert request.content == b""
        assert request.url.params["q"] == "2"

    def test_max_retries_per_call(self, make: Any) -> None:
        """max_retries=0 on one method makes a single attempt; the client keeps retrying."""
        attempts: list[httpx.Request] = []

        def failing(request: httpx.Request) -> httpx.Response:
            attempts.append(request)
            return httpx.Response(
                503,
                json={"error": {"code": "INTERNAL_ERROR", "message": "x"}},
                headers={"retry-after-ms": "0"},
            )

        _, run = make(failing, max_retries=2)
        with pytest.raises(InternalServerError):
            run(lambda c: c.agents.get.with_options(max_retries=0)("agt_1"))
        assert len(attempts) == 1
        with pytest.raises(InternalServerError):
            run(lambda c: c.agents.get("agt_1"))
        assert len(attempts) == 4

    def test_client_options_add_to_each_other(self, make: Any) -> None:
        """The extra_* mappings of with_options on a copy add to the copy's own."""
        recorder = Recorder(AGENT)
        client, run = make(recorder)
        copy = client.with_options(extra_query={"a": "1"}).with_options(extra_query={"b": "2"})
        run(lambda _: copy.agents.get("agt_1"))
        assert dict(recorder.requests[0].url.params) == {"a": "1", "b": "2"}

    @pytest.mark.parametrize("options", [{"timeout": -1}, {"max_retries": -1}, {"timeout": 0}])
    def test_options_out_of_range_are_refused(self, make: Any, options: dict[str, Any]) -> None:
        """A negative timeout or retry count fails when the options are given."""
        client, _ = make(Recorder(AGENT))
        with pytest.raises(ConfigurationError):
            client.agents.get.with_options(**options)

    def test_the_endpoint_keeps_its_signature_with_options(self, make: Any) -> None:
        """A method with options is still the method, for help() and inspect."""
        client, _ = make(Recorder(AGENT))
        configured = client.agents.get.with_options(timeout=1)
        assert configured.__name__ == "get"
        assert configured.__doc__ == client.agents.get.__doc__


class LazyBody(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A body that notes when it is read, for transports of both kinds."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.read = False

    def __iter__(self) -> Any:
        self.read = True
        yield self.data

    async def __aiter__(self) -> Any:
        self.read = True
        yield self.data


class TestStreamingResponse:
    def test_the_response_comes_before_its_body_is_read(self, make: Any) -> None:
        """Status, headers and request id first; then the body, parsed or raw."""
        body = LazyBody(json.dumps(AGENT).encode())

        def lazy(request: httpx.Request) -> httpx.Response:
            return httpx.Response(200, stream=body, headers={"x-request-id": "req_1"})

        _, run = make(lazy)
        seen: dict[str, Any] = {}

        def inspect_sync(c: Any) -> Any:
            with c.agents.get.with_streaming_response("agt_1") as response:
                seen["status"] = response.status_code
                seen["request_id"] = response.request_id
                seen["streamed"] = not body.read
                seen["agent"] = response.parse()
                seen["json"] = response.json()
            seen["closed"] = response.http_response.is_closed

        async def inspect_async(c: Any) -> Any:
            async with c.agents.get.with_streaming_response("agt_1") as response:
                seen["status"] = response.status_code
                seen["request_id"] = response.request_id
                seen["streamed"] = not body.read
                seen["agent"] = await response.parse()
                seen["json"] = await response.json()
            seen["closed"] = response.http_response.is_closed

        run(lambda c: inspect_async(c) if type(c).__name__.startswith("Async") else inspect_sync(c))
        assert seen["status"] == 200
        assert seen["request_id"] == "req_1"
        assert seen["streamed"] is True
        assert isinstance(seen["agent"], Agent) and seen["agent"].id == "agt_1"
        assert seen["json"]["id"] == "agt_1"
        assert seen["closed"] is True

    def test_a_post_is_streamed_with_its_key(self, make: Any) -> None:
        """A POST made this way carries its Idempotency-Key and reports it."""
        recorder = Recorder(CHAT)
        _, run = make(recorder)

        def raw_sync(c: Any) -> Any:
            with c.chats.start.with_streaming_response("agt_1", "hi") as response:
                return response.idempotency_key, response.read()

        async def raw_async(c: Any) -> Any:
            async with c.chats.start.with_streaming_response("agt_1", "hi") as response:
                return response.idempotency_key, await response.aread()

        key, body = run(
            lambda c: raw_async(c) if type(c).__name__.startswith("Async") else raw_sync(c)
        )
        assert key == recorder.requests[0].headers["idempotency-key"]
        assert json.loads(body)["id"] == "chat_1"


class TestRequestIds:
    def test_a_result_knows_its_request_id(self, make: Any) -> None:
        """request_id_of gives the X-Request-Id of the call that returned the object."""
        _, run = make(Recorder(AGENT))
        agent = run(lambda c: c.agents.get("agt_1"))
        assert request_id_of(agent) == "req_1"
        assert request_id_of(Agent.from_dict(AGENT)) is None
        assert request_id_of(None) is None

    def test_raw_responses_and_pages_carry_it_too(self, make: Any) -> None:
        """The parsed result of a raw call, and each page, carry the request id."""
        listing = {"data": [AGENT], "has_more": False, "next_cursor": None}
        _, run = make(Recorder(listing))
        page = run(lambda c: c.agents.list().first_page())
        assert page.request_id == "req_1"
        _, run = make(Recorder(AGENT))
        raw: APIResponse[Agent] = run(lambda c: c.agents.get.with_raw_response("agt_1"))
        assert request_id_of(raw.parsed) == raw.request_id == "req_1"


class TestPagerFromCursor:
    def test_a_pager_starts_at_a_saved_cursor(self, make: Any) -> None:
        """from_cursor asks first for the page the cursor points to, then follows on."""
        sent: list[str | None] = []

        def pages(request: httpx.Request) -> httpx.Response:
            cursor = request.url.params.get("cursor")
            sent.append(cursor)
            if cursor == "c2":
                return httpx.Response(
                    200, json={"data": [AGENT], "has_more": True, "next_cursor": "c3"}
                )
            return httpx.Response(
                200, json={"data": [AGENT], "has_more": False, "next_cursor": None}
            )

        client, run = make(pages)
        pager = client.agents.list().from_cursor("c2")

        async def collect(p: Any) -> list[Any]:
            return [item async for item in p]

        items = run(
            lambda c: collect(pager) if type(c).__name__.startswith("Async") else list(pager)
        )
        assert sent == ["c2", "c3"]
        assert len(items) == 2

    def test_a_cursor_that_comes_back_stops_iteration(self, make: Any) -> None:
        """A server answering the starting cursor as the next one is caught as a loop."""
        from agentkit import PaginationLoopError

        def same(request: httpx.Request) -> httpx.Response:
            return httpx.Response(200, json={"data": [], "has_more": True, "next_cursor": "c2"})

        client, run = make(same)
        pager = client.agents.list().from_cursor("c2")

        async def collect(p: Any) -> list[Any]:
            return [item async for item in p]

        with pytest.raises(PaginationLoopError):
            run(lambda c: collect(pager) if type(c).__name__.startswith("Async") else list(pager))

    @pytest.mark.parametrize(("cursor", "error"), [("", ValidationError), (None, TypeError)])
    def test_a_bad_cursor_is_refused(self, make: Any, cursor: Any, error: type[Exception]) -> None:
        """An empty or missing cursor fails at once."""
        client, _ = make(Recorder(AGENT))
        with pytest.raises(error):
            client.agents.list().from_cursor(cursor)


class TestStreamOpen:
    def test_the_status_and_headers_come_before_the_first_event(self, make: Any) -> None:
        """open() connects; the response's status and headers are there before iterating."""
        sse = b'id: 1\nevent: content\ndata: {"type": "content", "chat_id": "chat_1", "delta": "hi"}\n\n'

        def stream(request: httpx.Request) -> httpx.Response:
            return httpx.Response(
                200,
                content=sse,
                headers={"content-type": "text/event-stream", "x-request-id": "req_s"},
            )

        client, run = make(stream)
        chat_stream = client.chats.stream_message("chat_1", "hi")
        with pytest.raises(StreamError, match="open"):
            _ = chat_stream.status_code
        opened = run(lambda _: chat_stream.open())
        assert opened is chat_stream
        assert chat_stream.status_code == 200
        assert chat_stream.response_headers["x-request-id"] == "req_s"
        assert chat_stream.request_id == "req_s"
        run(
            lambda _: (
                chat_stream.aclose() if hasattr(chat_stream, "aclose") else chat_stream.close()
            )
        )
