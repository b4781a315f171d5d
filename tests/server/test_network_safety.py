"""The reference server on a network: no redirects built from ``Host``, one ``Authorization``,
slow clients timed out, disconnects handled quietly, and malformed HTTP answered in the envelope.

These tests speak HTTP over raw sockets where a client library would refuse to send what they
send. Every wait is bounded: the server runs with timeouts of a fraction of a second.
"""

from __future__ import annotations

import asyncio
import json
import logging
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from starlette.types import Message, Receive, Scope, Send

from agentkit.server import ServerConfig
from agentkit.server.core.http.application import EnvelopeMiddleware
from agentkit.server.store import SQLiteStore
from agentkit.testing import ReferenceServer

from .conftest import assert_schema

TIMEOUT = 0.4  # the server's header and body timeouts in these tests
WAIT = 5.0  # how long a test waits for anything the server should do at once, at most


@pytest.fixture(scope="module")
def server() -> Iterator[ReferenceServer]:
    """A server with short timeouts and a small header limit, so tests can reach them."""
    config = ServerConfig(
        header_timeout=TIMEOUT, body_timeout=TIMEOUT, keep_alive_timeout=30.0, max_header_bytes=4096
    )
    with ReferenceServer(config=config) as running:
        yield running


class Records(logging.Handler):
    """The log records of the server's loggers (uvicorn's do not reach the root logger)."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)

    @property
    def errors(self) -> list[str]:
        """Records at ERROR or above, and any record that carries a traceback."""
        return [
            f"{r.name}: {r.getMessage()}"
            for r in self.records
            if r.levelno >= logging.ERROR or r.exc_info is not None
        ]

    def messages(self, logger: str) -> list[str]:
        return [r.getMessage() for r in self.records if r.name == logger]


@pytest.fixture
def logs() -> Iterator[Records]:
    handler = Records()
    loggers = [logging.getLogger(name) for name in ("agentkit.server", "uvicorn", "asyncio", "")]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.addHandler(handler)
    logging.getLogger("agentkit.server").setLevel(logging.DEBUG)
    try:
        yield handler
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.removeHandler(handler)
            logger.setLevel(level)


@dataclass
class Reply:
    status: int
    headers: dict[str, str]
    body: bytes

    def error(self) -> dict[str, Any]:
        """The envelope's ``error``, checked: JSON, the schema, the request id of the header."""
        assert self.headers["content-type"].startswith("application/json")
        payload = json.loads(self.body)
        assert_schema("ErrorResponse", payload)
        assert self.headers["x-request-id"].startswith("req_")
        assert payload["error"]["request_id"] == self.headers["x-request-id"]
        error: dict[str, Any] = payload["error"]
        return error


def _parse(raw: bytes) -> Reply:
    head, _, body = raw.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    if "content-length" in headers:
        body = body[: int(headers["content-length"])]
    return Reply(status, headers, body)


class Connection:
    """A raw TCP connection to the server; every read gives up after ``WAIT`` seconds."""

    def __init__(self, base_url: str) -> None:
        host, port = base_url.removeprefix("http://").split(":")
        self.sock = socket.create_connection((host, int(port)), timeout=WAIT)
        self.received = b""

    def close(self) -> None:
        self.sock.close()

    def send(self, data: bytes) -> None:
        self.sock.sendall(data)

    def read_until_closed(self) -> bytes:
        """Everything the server sends until it closes the connection."""
        deadline = time.monotonic() + WAIT
        while True:
            assert time.monotonic() < deadline, f"still open; received {self.received!r}"
            chunk = self.sock.recv(65536)
            if not chunk:
                return self.received
            self.received += chunk

    def read_reply(self) -> Reply:
        """One response with a ``Content-Length``, leaving the connection open."""
        deadline = time.monotonic() + WAIT
        while True:
            _, sep, rest = self.received.partition(b"\r\n\r\n")
            if sep:
                reply = _parse(self.received)
                if len(rest) >= len(reply.body) == int(reply.headers["content-length"]):
                    self.received = rest[len(reply.body) :]
                    return reply
            assert time.monotonic() < deadline, f"no complete reply; received {self.received!r}"
            chunk = self.sock.recv(65536)
            assert chunk, f"closed before a complete reply; received {self.received!r}"
            self.received += chunk


@pytest.fixture
def connect(server: ReferenceServer) -> Iterator[Callable[[], Connection]]:
    opened: list[Connection] = []

    def make() -> Connection:
        connection = Connection(server.base_url)
        opened.append(connection)
        return connection

    yield make
    for connection in opened:
        connection.close()


def _settled(server: ReferenceServer) -> None:
    """Wait until the server holds no connection and runs no request."""
    state = server._uvicorn.server_state
    deadline = time.monotonic() + WAIT
    while state.connections or state.tasks:
        assert time.monotonic() < deadline, "the server still holds a connection or a request"
        time.sleep(0.01)


def _request(method: str, path: str, *headers: str, body: bytes = b"") -> bytes:
    lines = [f"{method} {path} HTTP/1.1", "Host: 127.0.0.1", *headers, "", ""]
    return "\r\n".join(lines).encode() + body


class TestNoRedirects:
    @pytest.mark.parametrize("path", ["/v1/agents/", "/v1/health/"])
    def test_a_trailing_slash_is_not_found_never_a_redirect(
        self, server: ReferenceServer, path: str
    ) -> None:
        """A path with a trailing slash is a 404 NOT_FOUND: the server sends no Location, least
        of all one built from the Host header."""
        headers = {"Host": "evil.example", "Authorization": f"Bearer {server.api_key}"}
        response = httpx.get(server.base_url + path, headers=headers)
        assert response.status_code == 404
        assert "location" not in response.headers
        assert response.json()["error"]["code"] == "NOT_FOUND"
        assert "evil.example" not in response.text


class TestDuplicateHeaders:
    def test_two_authorization_headers_are_refused(self, server: ReferenceServer) -> None:
        """Two Authorization headers are a 401 that says so, even when the first is valid."""
        for second in (f"Bearer {server.api_key}", "Bearer ak_other"):
            headers = [("Authorization", f"Bearer {server.api_key}"), ("Authorization", second)]
            response = httpx.get(f"{server.base_url}/v1/agents", headers=headers)
            assert response.status_code == 401
            error = response.json()["error"]
            assert error["code"] == "UNAUTHORIZED"
            assert "one Authorization header" in error["message"]

    def test_two_idempotency_keys_are_refused(self, server: ReferenceServer) -> None:
        """Two Idempotency-Key headers are a 400 naming the header; nothing is created."""
        key = server.create_api_key()
        headers = [
            ("Authorization", f"Bearer {key}"),
            ("Idempotency-Key", "one"),
            ("Idempotency-Key", "two"),
        ]
        url = f"{server.base_url}/v1/agents"
        response = httpx.post(url, headers=headers, json={"name": "Twice", "brain": "echo"})
        assert response.status_code == 400
        error = response.json()["error"]
        assert error["code"] == "VALIDATION_ERROR"
        assert error["details"]["field"] == "Idempotency-Key"
        assert "Idempotency-Key" in error["message"]
        listed = httpx.get(url, headers={"Authorization": f"Bearer {key}"}).json()
        assert listed["data"] == []


class TestSlowClients:
    def test_a_body_that_does_not_arrive_is_a_408(
        self, server: ReferenceServer, connect: Callable[[], Connection], logs: Records
    ) -> None:
        """Part of a body, then nothing: 408 REQUEST_TIMEOUT in the envelope, and the server
        closes the connection."""
        connection = connect()
        auth = f"Authorization: Bearer {server.api_key}"
        started = time.monotonic()
        connection.send(_request("POST", "/v1/agents", auth, "Content-Length: 100", body=b'{"na'))
        reply = _parse(connection.read_until_closed())
        assert reply.status == 408
        assert reply.error()["code"] == "REQUEST_TIMEOUT"
        assert time.monotonic() - started >= TIMEOUT
        _settled(server)
        assert logs.errors == []

    @pytest.mark.parametrize("partial", [b"GET /v1/hea", b"GET /v1/health HTTP/1.1\r\nHost: x"])
    def test_headers_that_do_not_arrive_are_a_408(
        self,
        server: ReferenceServer,
        connect: Callable[[], Connection],
        logs: Records,
        partial: bytes,
    ) -> None:
        """Part of a request line or of the headers, then nothing: 408 REQUEST_TIMEOUT in the
        envelope, and the connection closed."""
        connection = connect()
        connection.send(partial)
        reply = _parse(connection.read_until_closed())
        assert reply.status == 408
        assert reply.error()["code"] == "REQUEST_TIMEOUT"
        _settled(server)
        assert logs.errors == []

    def test_a_connection_that_sends_nothing_is_closed(
        self, connect: Callable[[], Connection]
    ) -> None:
        """A connection that never sends a request is closed, without an answer."""
        assert connect().read_until_closed() == b""

    def test_a_partial_request_after_a_response_is_timed_out(
        self, connect: Callable[[], Connection]
    ) -> None:
        """On a kept-alive connection, the start of a next request that never completes is
        timed out like a first one."""
        connection = connect()
        connection.send(_request("GET", "/v1/health"))
        assert connection.read_reply().status == 200
        connection.send(b"GET /v1/health HTTP/1.1\r\n")
        reply = _parse(connection.read_until_closed())
        assert reply.status == 408
        assert reply.error()["code"] == "REQUEST_TIMEOUT"

    def test_a_body_left_unread_after_an_answer_does_not_hold_the_connection(
        self, connect: Callable[[], Connection]
    ) -> None:
        """A request answered before its body was read (a 401 here) does not let the client hold
        the connection by sending the rest of the body slowly, or never."""
        connection = connect()
        connection.send(_request("POST", "/v1/agents", "Content-Length: 100", body=b"{"))
        assert connection.read_reply().status == 401
        connection.send(b'"name"')
        assert connection.read_until_closed() == b""

    def test_a_fast_request_is_not_timed_out(self, connect: Callable[[], Connection]) -> None:
        """The timeouts bound waiting for the client, not the work: requests on a kept-alive
        connection, spread over more than the timeouts, all succeed."""
        connection = connect()
        for _ in range(3):
            connection.send(_request("GET", "/v1/health"))
            assert connection.read_reply().status == 200
            time.sleep(TIMEOUT / 2)


class TestDisconnects:
    def test_a_client_gone_mid_body_logs_no_error(
        self, server: ReferenceServer, connect: Callable[[], Connection], logs: Records
    ) -> None:
        """A client that disconnects before its body is complete leaves no error and no
        traceback in the server's log."""
        connection = connect()
        auth = f"Authorization: Bearer {server.api_key}"
        connection.send(_request("POST", "/v1/agents", auth, "Content-Length: 500", body=b"{"))
        time.sleep(0.05)  # let the server start reading the body
        connection.close()
        _settled(server)
        assert any("disconnected" in m for m in logs.messages("agentkit.server"))
        assert logs.errors == []

    def test_a_client_gone_mid_stream_logs_no_error(
        self, server: ReferenceServer, logs: Records
    ) -> None:
        """A client that disconnects in the middle of an event stream leaves no error."""
        key = server.create_api_key()
        headers = {"Authorization": f"Bearer {key}"}
        with httpx.Client(base_url=server.base_url, headers=headers, timeout=WAIT) as http:
            agent = http.post("/v1/agents", json={"name": "Slow", "brain": "scripted"}).json()
            session = http.post("/v1/sessions", json={"agent_id": agent["id"]}).json()
            body = {"message": {"parts": [{"type": "text", "content": "/slow a b c d e f g"}]}}
            path = f"/v1/sessions/{session['id']}/messages/stream"
            with http.stream("POST", path, json=body) as response:
                assert response.status_code == 200
                next(response.iter_bytes())
        _settled(server)
        assert logs.errors == []

    @pytest.mark.parametrize("error", [BrokenPipeError, ConnectionResetError])
    def test_a_send_that_fails_logs_no_error(self, error: type[OSError], logs: Records) -> None:
        """A response that cannot be sent because the connection broke is no server error."""

        async def app(scope: Scope, receive: Receive, send: Send) -> None:
            await send({"type": "http.response.start", "status": 200, "headers": []})

        async def broken(message: Message) -> None:
            raise error()

        async def receive() -> Message:
            return {"type": "http.request", "body": b"", "more_body": False}

        store = SQLiteStore(":memory:")
        middleware = EnvelopeMiddleware(app, store, max_body_bytes=100, body_timeout=1.0)
        scope = {"type": "http", "method": "GET", "path": "/", "headers": []}
        asyncio.run(middleware(scope, receive, broken))
        store.close()
        assert any("disconnected" in m for m in logs.messages("agentkit.server"))
        assert logs.errors == []


_PROTOCOL_ERRORS = {
    "a bad Content-Length": _request("POST", "/v1/agents", "Content-Length: abc"),
    "two different Content-Lengths": _request(
        "POST", "/v1/agents", "Content-Length: 2", "Content-Length: 3", body=b"{}"
    ),
    "a bad chunk size": _request(
        "POST", "/v1/agents", "Transfer-Encoding: chunked", body=b"zz\r\nhello\r\n0\r\n\r\n"
    ),
    "non-ASCII in the request line": "GET /v1/agénts HTTP/1.1\r\nHost: x\r\n\r\n".encode(),
    "a header line without a colon": b"GET /v1/health HTTP/1.1\r\nHost x\r\n\r\n",
    # The limit bounds headers still incomplete: these never end.
    "headers over the limit": b"GET /v1/health HTTP/1.1\r\nX-Big: " + b"a" * 8192,
}


class TestProtocolErrors:
    @pytest.mark.parametrize("data", _PROTOCOL_ERRORS.values(), ids=list(_PROTOCOL_ERRORS))
    def test_malformed_http_is_answered_in_the_envelope(
        self,
        server: ReferenceServer,
        connect: Callable[[], Connection],
        logs: Records,
        data: bytes,
    ) -> None:
        """What the HTTP parser refuses is a 400 VALIDATION_ERROR in the envelope, with a
        request id; the server closes the connection and logs no error."""
        connection = connect()
        auth = f"Authorization: Bearer {server.api_key}\r\n".encode()
        connection.send(data.replace(b"\r\n", b"\r\n" + auth, 1))
        reply = _parse(connection.read_until_closed())
        assert reply.status == 400
        error = reply.error()
        assert error["code"] == "VALIDATION_ERROR"
        assert error["details"]["location"] == "http"
        _settled(server)
        assert logs.errors == []

    def test_transfer_encoding_with_content_length_is_refused(
        self, server: ReferenceServer, connect: Callable[[], Connection], logs: Records
    ) -> None:
        """A request with both Transfer-Encoding and Content-Length (a smuggling attempt, when a
        proxy in front reads the other one) is refused and the connection closed."""
        connection = connect()
        connection.send(
            _request(
                "POST",
                "/v1/agents",
                f"Authorization: Bearer {server.api_key}",
                "Content-Length: 5",
                "Transfer-Encoding: chunked",
                body=b"0\r\n\r\nGET /v1/health HTTP/1.1\r\nHost: x\r\n\r\n",
            )
        )
        reply = _parse(connection.read_until_closed())
        assert reply.status == 400
        error = reply.error()
        assert error["code"] == "VALIDATION_ERROR"
        assert "Transfer-Encoding" in error["message"]
        # The smuggled request after the body got no answer of its own.
        assert connection.received.count(b"HTTP/1.1 ") == 1
        assert logs.errors == []


class TestServe:
    def test_agentkit_serve_answers_malformed_http_in_the_envelope(self, tmp_path: Path) -> None:
        """`agentkit serve` runs the same HTTP protocol handling as the tests' servers."""
        command = [sys.executable, "-m", "agentkit.cli", "serve", "--port", "0"]
        command += ["--db", str(tmp_path / "db.sqlite3")]
        process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
        try:
            assert process.stdout is not None
            base_url = process.stdout.readline() and process.stdout.readline()
            base_url = base_url.strip().split("=", 1)[1]
            deadline = time.monotonic() + 10
            while True:
                try:
                    httpx.get(f"{base_url}/v1/health")
                    break
                except httpx.TransportError:
                    assert time.monotonic() < deadline, "the server did not come up"
                    time.sleep(0.05)
            connection = Connection(base_url)
            try:
                connection.send(_PROTOCOL_ERRORS["a bad Content-Length"])
                reply = _parse(connection.read_until_closed())
            finally:
                connection.close()
            assert reply.status == 400
            assert reply.error()["code"] == "VALIDATION_ERROR"
        finally:
            process.terminate()
            process.wait(timeout=10)
