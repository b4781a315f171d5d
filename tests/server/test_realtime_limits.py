"""The realtime channel under hostile or slow clients: a client that stops reading is dropped
without holding others up or growing the server's memory, floods are bounded, and what a
dropped client missed stays stored for its next connection."""

from __future__ import annotations

import json
import socket
import time
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest
from websockets.client import ClientProtocol
from websockets.http11 import Response
from websockets.uri import parse_uri

from agentkit.server import ServerConfig
from agentkit.server.app import server_state
from agentkit.server.realtime import Hub
from agentkit.testing import ReferenceServer
from tests.server.realtime_client import Someone, connected, register, send_text, ws_url

QUEUE = 4


@pytest.fixture(scope="module")
def server() -> Iterator[ReferenceServer]:
    """A server with a tiny send queue and quick pings, so slow clients are found fast."""
    config = ServerConfig(
        realtime_send_queue=QUEUE, realtime_ping_interval=0.5, realtime_ping_timeout=0.5
    )
    with ReferenceServer(config=config) as running:
        yield running


def hub(server: ReferenceServer) -> Hub:
    return server_state(server._app).service(Hub)


class StalledClient:
    """A websocket client that says hello, then never reads again (its receive buffer small)."""

    def __init__(self, server: ReferenceServer, who: Someone) -> None:
        url = ws_url(server)
        parts = urlsplit(url)
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        self.sock.settimeout(5)
        self.sock.connect((parts.hostname, parts.port))
        self.protocol = ClientProtocol(parse_uri(url))
        self.protocol.send_request(self.protocol.connect())
        self._flush()
        self._read_until(lambda event: isinstance(event, Response))
        hello = {"type": "hello", "api_key": who.key, "capabilities": ["ack"]}
        self.protocol.send_text(json.dumps(hello).encode())
        self._flush()
        self._read_until(
            lambda event: getattr(event, "data", b"").startswith(b'{"type":"hello.ok"')
        )

    def _flush(self) -> None:
        self.sock.sendall(b"".join(self.protocol.data_to_send()))

    def _read_until(self, wanted: Any) -> None:
        while True:
            self.protocol.receive_data(self.sock.recv(65536))
            if any(wanted(event) for event in self.protocol.events_received()):
                return

    def close(self) -> None:
        self.sock.close()


class TestSlowClients:
    def test_a_client_that_stops_reading_is_dropped_and_others_go_on(
        self, server: ReferenceServer
    ) -> None:
        """A stalled member of a busy group never holds more than the queue limit, is dropped
        within the ping deadline, the other member gets every message meanwhile, and the
        stalled identity gets all it missed on its next connection."""
        sender, fast, slow = register(server), register(server), register(server)
        group = sender.api.post(
            "/v1/groups", json={"name": "busy", "member_handles": [fast.handle, slow.handle]}
        ).json()
        for member in (fast, slow):
            invite = member.api.get("/v1/groups/invites").json()["data"][0]
            member.api.post(f"/v1/groups/invites/{invite['id']}/accept")
        stalled = StalledClient(server, slow)
        reader = connected(server, fast)
        text = "x" * 30000
        sent: list[str] = []
        deadline = time.monotonic() + 30
        while hub(server).connections_of(slow.id) and time.monotonic() < deadline:
            sent.append(send_text(sender.api, "", text, group_id=group["id"])["id"])
            for connection in hub(server).connections_of(slow.id):
                assert connection.waiting <= QUEUE
            assert reader.recv()["payload"]["id"] == sent[-1]
        assert hub(server).connections_of(slow.id) == [], "the stalled client was not dropped"
        stalled.close()
        again = connected(server, slow)
        replayed = [again.recv(timeout=10)["payload"]["id"] for _ in sent]
        assert replayed == sent
        again.close()
        reader.close()


class TestFloods:
    def test_a_flood_of_bad_frames_from_a_client_that_does_not_read_closes_it(
        self, server: ReferenceServer
    ) -> None:
        """Every bad frame earns an error frame; a client that sends thousands without reading
        them is dropped, not buffered for without end."""
        me = register(server)
        stalled = StalledClient(server, me)
        for _ in range(20000):
            if not hub(server).connections_of(me.id):
                break
            stalled.protocol.send_text(b"{bad json")
            try:
                stalled._flush()
            except OSError:  # the server closed the connection under us
                break
        deadline = time.monotonic() + 5
        while hub(server).connections_of(me.id) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not hub(server).connections_of(me.id)
        stalled.close()

    def test_a_reading_client_flooding_good_frames_is_served(self, server: ReferenceServer) -> None:
        """Thousands of acks from a client that reads are all taken, and the connection stays."""
        alice, bob = register(server), register(server)
        socket_ = connected(server, bob)
        sent = send_text(alice.api, bob.handle, "ack me many times")
        socket_.recv()
        for _ in range(3000):
            socket_.send({"type": "ack", "message_id": sent["id"]})
        later = send_text(alice.api, bob.handle, "still here")
        assert socket_.recv()["payload"]["id"] == later["id"]
        socket_.close()
