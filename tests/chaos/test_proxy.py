"""The fault proxy itself, against tiny loopback upstreams: each fault does what it says."""

from __future__ import annotations

import socket
import socketserver
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest

from tests.chaos.conftest import ProxyFactory
from tests.chaos.proxy import (
    DROP,
    DUPLICATE,
    PASS,
    FaultProxy,
    delay,
    http_error,
    reset_after,
)

BODY = b"x" * 5000


class _HttpUpstream(ThreadingHTTPServer):
    daemon_threads = True
    hits = 0


class _Handler(BaseHTTPRequestHandler):
    server: _HttpUpstream

    def do_GET(self) -> None:
        self.server.hits += 1
        self.send_response(200)
        self.send_header("Content-Length", str(len(BODY)))
        self.end_headers()
        self.wfile.write(BODY)

    def do_POST(self) -> None:
        self.server.hits += 1
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


class _LineHandler(socketserver.BaseRequestHandler):
    def handle(self) -> None:
        line = self.request.makefile("rb").readline()
        self.request.sendall(b"pong:" + line)


class _RawUpstream(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


@pytest.fixture
def http_upstream() -> Iterator[_HttpUpstream]:
    server = _HttpUpstream(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
    thread.join(5)


@pytest.fixture
def raw_upstream() -> Iterator[tuple[str, int]]:
    """Replies `pong:<line>` in one write to the first line it reads, then closes."""
    server = _RawUpstream(("127.0.0.1", 0), _LineHandler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    yield server.server_address[0], server.server_address[1]
    server.shutdown()
    server.server_close()
    thread.join(5)


def address(server: _HttpUpstream) -> tuple[str, int]:
    host, port = server.server_address[:2]
    return str(host), int(port)


def raw_exchange(proxy: FaultProxy, payload: bytes) -> tuple[bytes, BaseException | None]:
    """Send `payload`, read until EOF or error; return what arrived and the error, if any."""
    received = b""
    with socket.create_connection((proxy.host, proxy.port), timeout=5) as sock:
        sock.sendall(payload)
        try:
            while chunk := sock.recv(65536):
                received += chunk
        except OSError as exc:
            return received, exc
    return received, None


GET = b"GET / HTTP/1.1\r\nHost: upstream\r\n\r\n"


class TestPass:
    def test_forwards_both_ways_and_counts(
        self, fault_proxy: ProxyFactory, http_upstream: _HttpUpstream
    ) -> None:
        """An untouched connection carries the full exchange, and the counters add up."""
        proxy = fault_proxy(address(http_upstream))
        response = httpx.post(proxy.url + "/echo", content=b"hello", timeout=5)
        assert (response.status_code, response.content) == (200, b"hello")
        assert proxy.wait_idle()
        stats = proxy.stats()
        assert (stats.connections, stats.upstream_connections, stats.active) == (1, 1, 0)
        assert stats.bytes_from_client > len(b"hello")
        assert stats.bytes_to_client > len(b"hello")
        assert stats.faults == {"pass": 1}

    def test_connections_past_the_schedule_pass(
        self, fault_proxy: ProxyFactory, http_upstream: _HttpUpstream
    ) -> None:
        """The schedule applies in order, one fault per connection, then PASS."""
        proxy = fault_proxy(address(http_upstream), [DROP, PASS])
        with pytest.raises(httpx.TransportError):
            httpx.get(proxy.url, timeout=5)
        for _ in range(2):
            assert httpx.get(proxy.url, timeout=5).content == BODY
        assert proxy.wait_idle()
        assert proxy.stats().faults == {"drop": 1, "pass": 2}
        assert http_upstream.hits == 2

    def test_callable_schedule_gets_the_connection_index(
        self, fault_proxy: ProxyFactory, http_upstream: _HttpUpstream
    ) -> None:
        """A callable schedule decides per 0-based index."""
        proxy = fault_proxy(address(http_upstream), lambda i: http_error(500) if i % 2 else PASS)
        statuses = [httpx.get(proxy.url, timeout=5).status_code for _ in range(4)]
        assert statuses == [200, 500, 200, 500]


class TestDrop:
    def test_closes_without_contacting_upstream(
        self, fault_proxy: ProxyFactory, http_upstream: _HttpUpstream
    ) -> None:
        """The client gets nothing back and the upstream never sees the request."""
        proxy = fault_proxy(address(http_upstream), [DROP])
        received, _error = raw_exchange(proxy, GET)
        assert received == b""
        assert proxy.wait_idle()
        assert proxy.stats().upstream_connections == 0
        assert http_upstream.hits == 0


class TestResetAfter:
    def test_forwards_n_bytes_then_resets(
        self, fault_proxy: ProxyFactory, http_upstream: _HttpUpstream
    ) -> None:
        """Exactly the first n response bytes arrive, then the connection is reset (RST)."""
        proxy = fault_proxy(address(http_upstream), [reset_after(10)])
        received, error = raw_exchange(proxy, GET)
        assert received == b"HTTP/1.0 2"
        assert isinstance(error, ConnectionResetError)
        assert http_upstream.hits == 1

    def test_resets_after_a_short_response_too(
        self, fault_proxy: ProxyFactory, raw_upstream: tuple[str, int]
    ) -> None:
        """A response shorter than n is forwarded whole, and the connection is still reset."""
        proxy = fault_proxy(raw_upstream, [reset_after(1000)])
        received, error = raw_exchange(proxy, b"ping\n")
        assert received == b"pong:ping\n"
        assert isinstance(error, ConnectionResetError)

    def test_httpx_sees_a_transport_error(
        self, fault_proxy: ProxyFactory, http_upstream: _HttpUpstream
    ) -> None:
        """Mid-body, an HTTP client fails with a transport error, not a short body."""
        proxy = fault_proxy(address(http_upstream), [reset_after(200)])
        with pytest.raises(httpx.TransportError):
            httpx.get(proxy.url, timeout=5)


class TestDelay:
    def test_holds_the_response_back(
        self, fault_proxy: ProxyFactory, http_upstream: _HttpUpstream
    ) -> None:
        """The response arrives no sooner than the delay, and intact."""
        proxy = fault_proxy(address(http_upstream), [delay(0.4)])
        started = time.monotonic()
        response = httpx.get(proxy.url, timeout=5)
        elapsed = time.monotonic() - started
        assert response.content == BODY
        assert 0.4 <= elapsed < 3

    def test_client_timeout_fires_during_the_delay(
        self, fault_proxy: ProxyFactory, http_upstream: _HttpUpstream
    ) -> None:
        """A read timeout shorter than the delay times out."""
        proxy = fault_proxy(address(http_upstream), [delay(2)])
        with pytest.raises(httpx.ReadTimeout):
            httpx.get(proxy.url, timeout=httpx.Timeout(5, read=0.2))


class TestDuplicate:
    def test_sends_the_first_chunk_twice(
        self, fault_proxy: ProxyFactory, raw_upstream: tuple[str, int]
    ) -> None:
        """A single-write reply arrives twice; the counters count both copies."""
        proxy = fault_proxy(raw_upstream, [DUPLICATE])
        received, error = raw_exchange(proxy, b"ping\n")
        assert (received, error) == (b"pong:ping\n" * 2, None)
        assert proxy.wait_idle()
        assert proxy.stats().bytes_to_client == 2 * len(b"pong:ping\n")


class TestHttpError:
    def test_answers_with_the_envelope_without_upstream(
        self, fault_proxy: ProxyFactory, http_upstream: _HttpUpstream
    ) -> None:
        """The status, the JSON envelope and Connection: close come from the proxy alone."""
        proxy = fault_proxy(address(http_upstream), [http_error(503)])
        response = httpx.post(proxy.url + "/v1/chats", content=b"x" * 20000, timeout=5)
        assert response.status_code == 503
        assert response.json() == {"error": {"code": "INTERNAL_ERROR", "message": "injected"}}
        assert response.headers["connection"] == "close"
        assert response.headers["content-type"] == "application/json"
        assert http_upstream.hits == 0
        assert proxy.wait_idle()
        assert proxy.stats().upstream_connections == 0
        assert proxy.stats().bytes_from_client > 20000

    def test_rejects_non_error_statuses(self) -> None:
        """Only 4xx and 5xx can be injected."""
        with pytest.raises(ValueError):
            http_error(200)


class TestLifecycle:
    def test_stop_releases_the_port_and_joins_the_thread(
        self, http_upstream: _HttpUpstream
    ) -> None:
        """After stop, nothing listens on the port, it can be bound again, and the thread is gone."""
        proxy = FaultProxy(*address(http_upstream))
        with proxy:
            port = proxy.port
            assert httpx.get(proxy.url, timeout=5).status_code == 200
        assert not any(t.name == "fault-proxy" and t.is_alive() for t in threading.enumerate())
        with pytest.raises(ConnectionRefusedError):
            socket.create_connection(("127.0.0.1", port), timeout=2).close()
        with socket.socket() as sock:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            sock.bind(("127.0.0.1", port))
            sock.listen()

    def test_stop_aborts_connections_in_flight(self, http_upstream: _HttpUpstream) -> None:
        """A connection held by a long delay does not keep stop waiting."""
        proxy = FaultProxy(*address(http_upstream), [delay(30)]).start()
        sock = socket.create_connection((proxy.host, proxy.port), timeout=5)
        try:
            sock.sendall(GET)
            deadline = time.monotonic() + 10
            while proxy.stats().active == 0 and time.monotonic() < deadline:
                time.sleep(0.01)
            assert proxy.stats().active == 1
            started = time.monotonic()
            proxy.stop()
            # Far less than the 30 s delay, with room for a loaded machine.
            assert time.monotonic() - started < 10
            try:
                assert sock.recv(100) == b""
            except ConnectionResetError:
                pass
        finally:
            sock.close()

    def test_proxies_get_distinct_ports_and_counters(self, http_upstream: _HttpUpstream) -> None:
        """Two proxies listen on distinct free ports and count separately."""
        first = FaultProxy(*address(http_upstream)).start()
        second = FaultProxy(*address(http_upstream)).start()
        try:
            assert first.port != second.port
            httpx.get(first.url, timeout=5)
            assert first.wait_idle()
            assert (first.stats().connections, second.stats().connections) == (1, 0)
        finally:
            first.stop()
            second.stop()

    def test_idle_connections_are_closed(
        self, fault_proxy: ProxyFactory, http_upstream: _HttpUpstream
    ) -> None:
        """A client that never sends anything is closed after the idle timeout."""
        proxy = fault_proxy(address(http_upstream), idle_timeout=0.3)
        with socket.create_connection((proxy.host, proxy.port), timeout=5) as sock:
            started = time.monotonic()
            assert sock.recv(100) == b""
            assert time.monotonic() - started < 3
        assert proxy.stats().faults == {"pass": 1}
