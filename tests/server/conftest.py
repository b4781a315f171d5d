"""Fixtures for the reference server's own tests: real servers on loopback, a raw httpx client
whose every response is checked against the contract, and an SSE reader."""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest

from agentkit._contract import Operation
from agentkit._contract import contract as registry
from agentkit._contract_check import (
    error_code_problems,
    event_error_code,
    schema_validator,
)
from agentkit._sse import ServerSentEvent, SSEDecoder
from agentkit.server import ServerConfig
from agentkit.testing import ReferenceServer

TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$")


def contract() -> Mapping[str, Any]:
    """The contract document, as the registry read it."""
    return registry().document


def assert_schema(schema_name: str, value: Any) -> None:
    """Fail with every error when ``value`` does not match the named schema."""
    errors = [
        f"{'/'.join(map(str, e.absolute_path)) or '<root>'}: {e.message}"
        for e in schema_validator(schema_name).iter_errors(value)
    ]
    assert not errors, f"not a valid {schema_name}: {errors}"


def operation_for(method: str, path: str) -> Operation | None:
    """The contract's operation for a request, or ``None`` for an unknown route."""
    found = registry().find(method, path)
    return found[0] if found else None


def check_response(response: httpx.Response, body: Any = None) -> None:
    """Assert that a (non-streamed) response is what the contract says for its operation."""
    request = response.request
    assert response.headers.get("x-request-id", "").startswith("req_"), "no X-Request-Id"
    op = operation_for(request.method, request.url.path)
    payload = response.json() if body is None else body
    if op is None:  # unknown routes and methods still answer the envelope
        assert response.status_code in (404, 405)
        assert_schema("ErrorResponse", payload)
        code = payload["error"]["code"]
        assert registry().status_of(code) == response.status_code, (
            f"{code} sent with the wrong status"
        )
        return
    if response.status_code >= 400:
        assert response.headers["content-type"].startswith("application/json")
        # A foreign format (OpenAI's) has its own error body.
        assert_schema(op.responses.get("default") or "ErrorResponse", payload)
        assert payload["error"]["request_id"] == response.headers["x-request-id"]
        code = payload["error"]["code"]
        assert code in registry().error_codes
        problems = error_code_problems(op, code, response.status_code)
        assert not problems, f"{request.method} {request.url.path}: {problems}"
        return
    status = str(response.status_code)
    assert status in op.responses, f"{op.id} does not document {response.status_code}"
    schema_name = op.responses[status]
    assert schema_name is not None, f"{op.id} documents no JSON body for {status}"
    assert_schema(schema_name, payload)


@dataclass
class Stream:
    """What an SSE response delivered: status, headers, decoded events and the raw bytes."""

    status_code: int
    headers: httpx.Headers
    events: list[ServerSentEvent] = field(default_factory=list)
    raw: bytearray = field(default_factory=bytearray)
    error: dict[str, Any] | None = None

    @property
    def comments(self) -> list[str]:
        return [line for line in bytes(self.raw).decode().splitlines() if line.startswith(":")]

    @property
    def kinds(self) -> list[str]:
        return [event.event for event in self.events]

    @property
    def ids(self) -> list[int]:
        return [int(event.id) for event in self.events]

    def payloads(self, kind: str | None = None) -> list[dict[str, Any]]:
        return [json.loads(e.data) for e in self.events if kind is None or e.event == kind]

    @property
    def text(self) -> str:
        return "".join(data["delta"] for data in self.payloads("content"))

    @property
    def chunks(self) -> list[dict[str, Any]]:
        """The JSON chunks of a UI message stream (the terminator left out)."""
        return [json.loads(e.data) for e in self.events if e.data != "[DONE]"]

    @property
    def chunk_types(self) -> list[str]:
        return [chunk["type"] for chunk in self.chunks]


def check_event(op: Operation, event: ServerSentEvent) -> None:
    """Assert that one SSE event is what the operation's stream says: for named events, the
    schema ``x-sse-events`` gives its name; for a chunk stream, the schema ``x-sse-chunks``
    gives its ``type`` (unnamed events; the terminator line as is). An event that reports an
    error carries a code the operation may answer."""
    stream = op.stream
    assert stream is not None, f"{op.id} does not stream"
    if stream.chunked:
        assert event.event == "message", f"a chunk stream names no events: {event.event!r}"
        assert event.id == "", "a chunk stream sends no ids"
        if event.data == stream.terminator:
            return
        data = json.loads(event.data)
        key = data[stream.chunk_key]
        assert key in stream.schemas, f"undocumented chunk {key!r}"
        assert_schema(stream.schemas[key], data)
        return
    assert event.event in stream.schemas, f"undocumented event {event.event!r}"
    data = json.loads(event.data)
    assert data["type"] == event.event
    assert event.id.isdigit()
    if "id" in data:  # session events carry their own id: the SSE id
        assert data["id"] == int(event.id)
    schema_name = stream.schemas[event.event]
    assert_schema(schema_name, data)
    code = event_error_code(schema_name, data)
    if code is not None:
        problems = error_code_problems(op, code)
        assert not problems, f"{op.id} {event.event} event: {problems}"


def check_terminated(op: Operation, events: list[ServerSentEvent]) -> None:
    """A chunk stream that ran to its end sent its terminator last, and only there."""
    terminator = op.stream.terminator if op.stream is not None else None
    if terminator is None:
        return
    ends = [i for i, event in enumerate(events) if event.data == terminator]
    assert ends == [len(events) - 1], f"the terminator must come once, last: {ends}"


class Api:
    """A raw httpx client for one API key; every response is checked against the contract."""

    def __init__(self, base_url: str, key: str | None) -> None:
        headers = {"Authorization": f"Bearer {key}"} if key else {}
        self.base_url = base_url
        self.key = key
        self.http = httpx.Client(base_url=base_url, headers=headers, timeout=15.0)

    def close(self) -> None:
        self.http.close()

    def request(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        response = self.http.request(method, path, **kwargs)
        check_response(response)
        return response

    def get(self, path: str, **kwargs: Any) -> httpx.Response:
        return self.request("GET", path, **kwargs)

    def post(self, path: str, **kwargs: Any) -> httpx.Response:
        return self.request("POST", path, **kwargs)

    def stream(
        self,
        method: str,
        path: str,
        *,
        stop: Callable[[Stream], bool] | None = None,
        **kwargs: Any,
    ) -> Stream:
        """Read an SSE response to its end (or until ``stop`` says so, then disconnect)."""
        with self.http.stream(method, path, **kwargs) as response:
            result = Stream(response.status_code, response.headers)
            op = operation_for(method, path.split("?")[0])
            assert op is not None
            assert response.headers.get("x-request-id", "").startswith("req_")
            if response.status_code != 200:
                body = json.loads(response.read())
                check_response(response, body)
                result.error = body["error"]
                return result
            decoder = SSEDecoder()
            for chunk in response.iter_bytes():
                result.raw += chunk
                for event in decoder.feed(chunk):
                    check_event(op, event)
                    result.events.append(event)
                if stop is not None and stop(result):
                    return result
            for event in decoder.close():
                check_event(op, event)
                result.events.append(event)
            check_terminated(op, result.events)
        return result


@dataclass
class Harness:
    """A running server and a factory of clients, each in a fresh organization by default."""

    server: ReferenceServer
    clients: list[Api] = field(default_factory=list)

    def client(self, key: str | None = "new") -> Api:
        api = Api(self.server.base_url, self.server.create_api_key() if key == "new" else key)
        self.clients.append(api)
        return api

    def close(self) -> None:
        for api in self.clients:
            api.close()


@pytest.fixture(scope="session")
def harness() -> Iterator[Harness]:
    """One reference server for these tests, with short keep-alives, a small chat buffer, and
    outgoing URLs (providers, webhook endpoints) allowed on loopback, where traffic stays."""
    config = ServerConfig(
        keepalive_interval=0.2,
        max_chat_messages=6,
        max_body_bytes=64 * 1024,
        allow_loopback_urls=True,
    )
    with ReferenceServer(config=config) as server:
        running = Harness(server)
        yield running
        running.close()


@pytest.fixture
def api(harness: Harness) -> Api:
    """A client in an organization of its own."""
    return harness.client()


def new_agent(api: Api, **fields: Any) -> dict[str, Any]:
    """Create an agent and return it."""
    response = api.post("/v1/agents", json=fields)
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


@pytest.fixture
def echo_agent(api: Api) -> dict[str, Any]:
    """An echo agent in the test's organization."""
    return new_agent(api, name="Echo", brain="echo")


@pytest.fixture
def scripted_agent(api: Api) -> dict[str, Any]:
    """A scripted agent in the test's organization."""
    return new_agent(api, name="Scripted", brain="scripted")


def text_message(text: str) -> dict[str, Any]:
    """A chat message with one text part."""
    return {"parts": [{"type": "text", "content": text}]}


def new_session(api: Api, agent: dict[str, Any], **fields: Any) -> dict[str, Any]:
    """Create a session with the agent and return it."""
    response = api.post("/v1/sessions", json={"agent_id": agent["id"], **fields})
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


def session_turn(api: Api, session_id: str, text: str, **fields: Any) -> Stream:
    """Send a message with ``sessions_send_stream`` and read the turn to its ``stop``."""
    body = {"message": text_message(text), **fields}
    return api.stream("POST", f"/v1/sessions/{session_id}/messages/stream", json=body)


def wait_idle(api: Api, session_id: str) -> dict[str, Any]:
    """Follow the session's events until no turn runs; return the session then."""
    assert api.stream("GET", f"/v1/sessions/{session_id}/events").status_code == 200
    session: dict[str, Any] = api.get(f"/v1/sessions/{session_id}").json()
    return session


def run_in_threads(count: int, work: Callable[[int], Any]) -> list[Any]:
    """Run ``work(i)`` in ``count`` threads released together; return the results in order."""
    barrier = threading.Barrier(count)
    results: list[Any] = [None] * count

    def run(index: int) -> None:
        barrier.wait()
        results[index] = work(index)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return results
