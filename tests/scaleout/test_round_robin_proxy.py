"""The scale-out harness's round-robin proxy, in front of plain loopback servers that say which
they are: connections go to the live upstreams in turn, a down slot is skipped, a connection
whose upstream is gone fails (and the next goes on), and cutting a slot breaks its
connections."""

from __future__ import annotations

import socket
import socketserver
import threading
from collections.abc import Iterator

import pytest

from tests.scaleout.cluster import RoundRobinProxy


class _Named(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


def _upstream(name: bytes) -> _Named:
    class Handler(socketserver.BaseRequestHandler):
        def handle(self) -> None:
            self.request.sendall(name)
            self.request.settimeout(5)
            # Echo until the client (or the proxy) closes.
            while data := self.request.recv(1024):
                self.request.sendall(data)

    server = _Named(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture
def upstreams() -> Iterator[list[_Named]]:
    servers = [_upstream(name) for name in (b"A", b"B", b"C")]
    yield servers
    for server in servers:
        server.shutdown()
        server.server_close()


def _port(server: _Named) -> int:
    return int(server.server_address[1])


def _greeting(proxy: RoundRobinProxy) -> bytes:
    """The first byte the upstream a new connection reached sends (b"" when it failed)."""
    with socket.create_connection(("127.0.0.1", proxy.port), timeout=5) as sock:
        try:
            return sock.recv(1)
        except ConnectionResetError:
            return b""


def test_connections_go_to_the_live_upstreams_in_turn(upstreams: list[_Named]) -> None:
    with RoundRobinProxy([_port(s) for s in upstreams]) as proxy:
        assert [_greeting(proxy) for _ in range(6)] == [b"A", b"B", b"C"] * 2
        proxy.set_upstream(1, None)
        assert [_greeting(proxy) for _ in range(4)] == [b"A", b"C"] * 2
        proxy.set_upstream(1, _port(upstreams[1]))
        assert {_greeting(proxy) for _ in range(3)} == {b"A", b"B", b"C"}
        assert proxy.routed == {0: 5, 1: 3, 2: 5}
        assert proxy.refused == 0


def test_a_connection_to_a_gone_upstream_fails_and_the_next_goes_on(
    upstreams: list[_Named],
) -> None:
    gone = socket.socket()
    gone.bind(("127.0.0.1", 0))
    closed_port = gone.getsockname()[1]
    gone.close()  # nothing listens there now
    with RoundRobinProxy([_port(upstreams[0]), closed_port]) as proxy:
        assert [_greeting(proxy) for _ in range(4)] == [b"A", b"", b"A", b""]
        assert proxy.refused == 2
        proxy.set_upstream(0, None)
        proxy.set_upstream(1, None)
        assert _greeting(proxy) == b""  # nothing is up
        assert proxy.refused == 3


def test_cutting_a_slot_breaks_its_open_connections_only(upstreams: list[_Named]) -> None:
    with RoundRobinProxy([_port(s) for s in upstreams[:2]]) as proxy:
        first = socket.create_connection(("127.0.0.1", proxy.port), timeout=5)
        second = socket.create_connection(("127.0.0.1", proxy.port), timeout=5)
        try:
            assert first.recv(1) == b"A" and second.recv(1) == b"B"
            proxy.cut(0)
            with pytest.raises(OSError):
                first.sendall(b"ping")
                if not first.recv(4):
                    raise ConnectionResetError("closed")
            second.sendall(b"ping")
            assert second.recv(4) == b"ping"
        finally:
            first.close()
            second.close()
