"""The realtime channel's handshake: hello within the timeout, frames before it ignored, and
the close code of each refusal."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator

import httpx
import pytest
from websockets.exceptions import InvalidStatus
from websockets.sync.client import connect

from agentkit.server import ServerConfig
from agentkit.testing import ReferenceServer
from tests.server.realtime_client import Socket, Someone, register, ws_url

HELLO_TIMEOUT = 0.4


@pytest.fixture(scope="module")
def server() -> Iterator[ReferenceServer]:
    """A server whose realtime hello timeout is short."""
    config = ServerConfig(
        realtime_hello_timeout=HELLO_TIMEOUT, realtime_auth_interval=0.2, header_timeout=0.3
    )
    with ReferenceServer(config=config) as running:
        yield running


def rotate_key(server: ReferenceServer, me: Someone) -> str:
    """Rotate the identity's key through the API; the new key."""
    started = me.api.post("/v1/identity/me/rotate-key").json()
    email = me.api.get("/v1/identity/me").json()["email"]
    verify = {"pending_id": started["pending_id"], "code": server.last_code(email)}
    return str(me.api.post("/v1/identity/me/rotate-key/verify", json=verify).json()["api_key"])


def suspend(server: ReferenceServer, me: Someone) -> None:
    """Mark the identity suspended in the store (no API does)."""
    identity = server._store.identity_by_id(me.id)
    assert identity is not None
    server._store.update_identity({**identity, "status": "suspended"})


class TestHello:
    def test_hello_ok_names_the_identity_and_the_accepted_capabilities(
        self, server: ReferenceServer
    ) -> None:
        """hello.ok echoes the known capabilities asked for (unknown ones dropped), the handle,
        and a session id."""
        me = register(server)
        socket = Socket(server)
        frame = socket.hello(me.key, ["ack", "compression-v9", "ack"])
        assert frame["capabilities"] == ["ack"]
        assert frame["handle"] == me.handle
        assert frame["session_id"].startswith("rts_")
        socket.close()

    def test_no_capabilities_asked_none_accepted(self, server: ReferenceServer) -> None:
        """Without ``ack`` asked, hello.ok accepts nothing (no ack mode)."""
        me = register(server)
        socket = Socket(server)
        assert socket.hello(me.key, [])["capabilities"] == []
        socket.close()

    def test_frames_before_hello_are_ignored(self, server: ReferenceServer) -> None:
        """Bad JSON, binary frames, other frame types and a malformed hello before a valid hello
        get no answer at all; the valid hello then gets hello.ok."""
        me = register(server)
        socket = Socket(server)
        socket.send("{not json")
        socket.send(b"\x00\x01binary")
        socket.send({"type": "ack", "message_id": "msg_x"})
        socket.send({"type": "hello"})  # no key: not a hello
        socket.send({"type": "hello", "api_key": 5})
        frame = socket.hello(me.key)
        assert frame["type"] == "hello.ok"
        socket.close()

    def test_each_connection_gets_its_own_session(self, server: ReferenceServer) -> None:
        """Two connections of one identity have different session ids."""
        me = register(server)
        first, second = Socket(server), Socket(server)
        assert first.hello(me.key)["session_id"] != second.hello(me.key)["session_id"]
        first.close()
        second.close()


class TestRefusals:
    def test_no_hello_in_time_closes_4408(self, server: ReferenceServer) -> None:
        """A connection that says nothing is closed with 4408 once the hello timeout passed."""
        # Timed from before the connection opens: the server's clock starts once it accepts.
        started = time.monotonic()
        socket = Socket(server)
        assert socket.closed_with() == 4408
        assert HELLO_TIMEOUT <= time.monotonic() - started < HELLO_TIMEOUT + 2

    def test_ignored_frames_do_not_extend_the_timeout(self, server: ReferenceServer) -> None:
        """Frames that are not a hello do not reset the deadline."""
        socket = Socket(server)
        deadline = time.monotonic() + HELLO_TIMEOUT * 2
        code = None
        while time.monotonic() < deadline and code is None:
            try:
                socket.send({"type": "typing.start", "conversation_id": "conv_x"})
                time.sleep(0.05)
            except Exception:
                code = socket.closed_with()
        assert (code or socket.closed_with()) == 4408

    @pytest.mark.parametrize("key", ["ak_wrong", "", "x" * 512])
    def test_an_unknown_key_closes_4401(self, server: ReferenceServer, key: str) -> None:
        """A key that is no identity's closes the connection with 4401."""
        socket = Socket(server)
        if key:
            socket.send({"type": "hello", "api_key": key, "capabilities": ["ack"]})
            assert socket.closed_with() == 4401
        else:  # an empty key is not a valid hello: ignored, then the timeout
            socket.send({"type": "hello", "api_key": key})
            assert socket.closed_with() == 4408

    def test_an_organization_key_closes_4401(self, server: ReferenceServer) -> None:
        """An organization's key (no messaging identity) is refused like an unknown one."""
        socket = Socket(server)
        socket.send({"type": "hello", "api_key": server.create_api_key()})
        assert socket.closed_with() == 4401

    def test_a_rotated_away_key_closes_4401(self, server: ReferenceServer) -> None:
        """After a key rotation the old key no longer opens the channel; the new one does."""
        me = register(server)
        new_key = rotate_key(server, me)
        old = Socket(server)
        old.send({"type": "hello", "api_key": me.key})
        assert old.closed_with() == 4401
        fresh = Socket(server)
        assert fresh.hello(new_key)["handle"] == me.handle
        fresh.close()

    def test_a_suspended_identity_closes_4403(self, server: ReferenceServer) -> None:
        """A suspended identity may not connect."""
        me = register(server)
        suspend(server, me)
        socket = Socket(server)
        socket.send({"type": "hello", "api_key": me.key})
        assert socket.closed_with() == 4403

    def test_a_frame_over_the_limit_closes_1009(self, server: ReferenceServer) -> None:
        """A message larger than the frame limit closes the connection with 1009."""
        me = register(server)
        socket = Socket(server, max_size=None)
        socket.hello(me.key)
        big = json.dumps({"type": "ack", "message_id": "m" * (2 << 20)})
        socket.send(big)
        assert socket.closed_with() == 1009


class TestOpenConnections:
    def test_rotating_the_key_closes_connections_made_with_it(
        self, server: ReferenceServer
    ) -> None:
        """A connection opened with a key that is then rotated away is closed with 4401, so a
        leaked key stops listening too."""
        me = register(server)
        socket = Socket(server)
        socket.hello(me.key)
        rotate_key(server, me)
        assert socket.closed_with() == 4401

    def test_suspending_the_identity_closes_its_connections(self, server: ReferenceServer) -> None:
        """An identity suspended while connected is closed with 4403."""
        me = register(server)
        socket = Socket(server)
        socket.hello(me.key)
        suspend(server, me)
        assert socket.closed_with() == 4403

    def test_a_valid_connection_stays_open_across_checks(self, server: ReferenceServer) -> None:
        """Connections whose key stays valid are not closed by the checks, nor by the HTTP
        connection's header deadline (shorter than the wait here)."""
        me, other = register(server), register(server)
        socket = Socket(server)
        socket.hello(me.key)
        time.sleep(0.5)  # more than two checks
        sent = other.api.post(
            "/v1/messages", json={"client_msg_id": "c1", "to": me.handle, "content": {"text": "x"}}
        ).json()
        assert socket.recv()["payload"]["id"] == sent["id"]
        socket.close()


class TestRouting:
    def test_a_websocket_to_another_path_is_refused(self, server: ReferenceServer) -> None:
        """An upgrade on a path that is not the channel is refused at the handshake (403),
        never a server error."""
        url = ws_url(server).replace("/v1/realtime", "/v1/agents")
        with pytest.raises(InvalidStatus) as refused:
            connect(url, open_timeout=5).close()
        assert refused.value.response.status_code == 403

    def test_plain_http_on_the_channel_is_a_404_envelope(self, server: ReferenceServer) -> None:
        """A GET without an upgrade is answered in the error envelope."""
        response = httpx.get(ws_url(server).replace("ws://", "http://"))
        assert response.status_code == 404
        assert response.json()["error"]["code"] == "NOT_FOUND"
        assert response.headers["x-request-id"].startswith("req_")
