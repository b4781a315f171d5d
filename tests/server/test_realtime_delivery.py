"""Realtime delivery of messages: pushes after the write, acknowledgements, redelivery of what
was not acknowledged, several connections, mutes, and nobody else hearing of it."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from agentkit.server import ServerConfig
from agentkit.testing import ReferenceServer
from tests.server.realtime_client import Someone, connected, register, send_text


@pytest.fixture(scope="module")
def server() -> Iterator[ReferenceServer]:
    """A server for the delivery tests."""
    with ReferenceServer(config=ServerConfig(realtime_hello_timeout=2.0)) as running:
        yield running


def backlog(server: ReferenceServer, who: Someone) -> int:
    """How many deliveries to ``who`` are neither delivered nor read."""
    return int(server._store.backlogs([who.id])[who.id])


def statuses(server: ReferenceServer, who: Someone) -> list[str]:
    """The status of each delivery to ``who``, oldest first."""
    rows = server._store._database.all(
        "SELECT status FROM msg_deliveries WHERE recipient_id = ? ORDER BY pk", who.id
    )
    return [str(row[0]) for row in rows]


def eventually(check: object, timeout: float = 3.0) -> None:
    """Wait until ``check()`` is true (the server commits acks within milliseconds)."""
    deadline = time.monotonic() + timeout
    while not check():  # type: ignore[operator]
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.01)


class TestPush:
    def test_a_message_reaches_the_recipient_as_message_new(self, server: ReferenceServer) -> None:
        """The recipient's connection gets message.new with the Message and its delivery id;
        the sender's own connection gets nothing."""
        alice, bob = register(server), register(server)
        to_bob = connected(server, bob)
        to_alice = connected(server, alice)
        sent = send_text(alice.api, bob.handle, "hello bob")
        frame = to_bob.recv()
        assert frame["type"] == "message.new"
        assert frame["payload"] == sent
        assert frame["delivery_id"].startswith("del_")
        assert frame["id"].startswith("evt_")
        assert to_alice.quiet() == []
        to_bob.close()
        to_alice.close()

    def test_nobody_outside_the_conversation_hears_of_it(self, server: ReferenceServer) -> None:
        """A third identity, connected, gets no frame about others' messages."""
        alice, bob, eve = register(server), register(server), register(server)
        to_eve = connected(server, eve)
        to_bob = connected(server, bob)
        send_text(alice.api, bob.handle, "private")
        assert to_bob.recv()["type"] == "message.new"
        assert to_eve.quiet() == []
        to_eve.close()
        to_bob.close()

    def test_every_connection_of_the_identity_gets_the_push(self, server: ReferenceServer) -> None:
        """Two connections of one identity both get message.new."""
        alice, bob = register(server), register(server)
        first, second = connected(server, bob), connected(server, bob)
        sent = send_text(alice.api, bob.handle, "to both")
        assert first.recv()["payload"]["id"] == sent["id"]
        assert second.recv()["payload"]["id"] == sent["id"]
        first.close()
        second.close()

    def test_group_messages_reach_every_other_member(self, server: ReferenceServer) -> None:
        """A message into a group reaches the members who joined, not those only invited."""
        owner, joined, invited = register(server), register(server), register(server)
        group = owner.api.post(
            "/v1/groups", json={"name": "g", "member_handles": [joined.handle, invited.handle]}
        ).json()
        invite = joined.api.get("/v1/groups/invites").json()["data"][0]
        joined.api.post(f"/v1/groups/invites/{invite['id']}/accept")
        to_joined, to_invited = connected(server, joined), connected(server, invited)
        sent = send_text(owner.api, "", "to the group", group_id=group["id"])
        assert to_joined.recv()["payload"]["id"] == sent["id"]
        assert [f for f in to_invited.quiet() if f["type"] == "message.new"] == []
        to_joined.close()
        to_invited.close()


class TestAcks:
    def test_an_ack_marks_the_delivery_delivered_and_drops_the_backlog(
        self, server: ReferenceServer
    ) -> None:
        """In ack mode the delivery stays stored until acked; then delivered, backlog down."""
        alice, bob = register(server), register(server)
        socket = connected(server, bob)
        sent = send_text(alice.api, bob.handle, "ack me")
        socket.recv()
        assert statuses(server, bob) == ["stored"]
        assert backlog(server, bob) == 1
        socket.send({"type": "ack", "message_id": sent["id"]})
        eventually(lambda: statuses(server, bob) == ["delivered"])
        assert backlog(server, bob) == 0
        socket.send({"type": "ack", "message_id": sent["id"]})  # again: nothing more
        assert socket.quiet(0.2) == []
        assert backlog(server, bob) == 0
        socket.close()

    def test_acks_of_unknown_or_foreign_messages_are_silent(self, server: ReferenceServer) -> None:
        """An ack of an unknown id or of a message to someone else changes nothing and gets no
        answer (nothing to probe with)."""
        alice, bob, eve = register(server), register(server), register(server)
        sent = send_text(alice.api, bob.handle, "for bob")
        socket = connected(server, eve)
        socket.send({"type": "ack", "message_id": sent["id"]})
        socket.send({"type": "ack", "message_id": "msg_doesnotexist"})
        assert socket.quiet(0.3) == []
        assert statuses(server, bob) == ["stored"]
        socket.close()

    def test_without_ack_mode_a_push_is_a_delivery(self, server: ReferenceServer) -> None:
        """A connection without the ack capability gets each message once; sending it makes the
        delivery delivered, and it is not sent again."""
        alice, bob = register(server), register(server)
        socket = connected(server, bob, capabilities=[])
        send_text(alice.api, bob.handle, "fire and forget")
        socket.recv()
        eventually(lambda: statuses(server, bob) == ["delivered"])
        assert backlog(server, bob) == 0
        socket.close()
        again = connected(server, bob)
        assert again.quiet() == []
        again.close()


class TestRedelivery:
    def test_unacked_deliveries_come_again_oldest_first_then_live(
        self, server: ReferenceServer
    ) -> None:
        """What a connection did not ack is sent again on the next ack-mode connection, oldest
        first, before messages sent after it connected; acked ones are not."""
        alice, bob = register(server), register(server)
        first = connected(server, bob)
        sent = [send_text(alice.api, bob.handle, f"m{i}") for i in range(3)]
        got = [first.recv() for _ in sent]
        first.send({"type": "ack", "message_id": sent[0]["id"]})
        eventually(lambda: statuses(server, bob)[0] == "delivered")
        first.close()
        second = connected(server, bob)
        replayed = [second.recv() for _ in range(2)]
        assert [f["payload"]["id"] for f in replayed] == [sent[1]["id"], sent[2]["id"]]
        assert [f["delivery_id"] for f in replayed] == [g["delivery_id"] for g in got[1:]]
        live = send_text(alice.api, bob.handle, "live")
        assert second.recv()["payload"]["id"] == live["id"]
        assert second.quiet(0.2) == []
        second.close()

    def test_messages_stored_while_offline_come_on_connect(self, server: ReferenceServer) -> None:
        """Messages sent while the identity had no connection arrive when it connects."""
        alice, bob = register(server), register(server)
        sent = [send_text(alice.api, bob.handle, f"offline {i}") for i in range(5)]
        socket = connected(server, bob)
        assert [socket.recv()["payload"]["id"] for _ in sent] == [m["id"] for m in sent]
        socket.close()

    def test_a_long_backlog_is_sent_in_order_while_live_ones_arrive(
        self, server: ReferenceServer
    ) -> None:
        """Many stored deliveries (several pages) and messages sent meanwhile all arrive, each
        once, in seq order."""
        alice, bob = register(server), register(server)
        before = [send_text(alice.api, bob.handle, f"b{i}")["id"] for i in range(230)]
        socket = connected(server, bob)
        during = [send_text(alice.api, bob.handle, f"d{i}")["id"] for i in range(20)]
        got = [socket.recv()["payload"] for _ in range(250)]
        assert [m["id"] for m in got] == before + during
        assert [m["seq"] for m in got] == list(range(1, 251))
        assert socket.quiet(0.2) == []
        socket.close()


class TestMutes:
    def test_a_muted_sender_is_not_pushed_but_stored_and_synced(
        self, server: ReferenceServer
    ) -> None:
        """Muting a handle stops its pushes; the message is still stored and in sync."""
        alice, bob = register(server), register(server)
        bob.api.post("/v1/mutes", json={"kind": "agent", "target": alice.handle})
        socket = connected(server, bob)
        sent = send_text(alice.api, bob.handle, "muted")
        assert socket.quiet(0.3) == []
        synced = bob.api.get("/v1/messages/sync").json()["data"]
        assert [row["message"]["id"] for row in synced] == [sent["id"]]
        socket.close()

    def test_a_muted_conversation_is_not_pushed_nor_replayed(self, server: ReferenceServer) -> None:
        """Muting a conversation stops its pushes, on reconnect too; other conversations go on."""
        alice, bob, carol = register(server), register(server), register(server)
        first = send_text(alice.api, bob.handle, "before the mute")
        bob.api.post("/v1/mutes", json={"kind": "conversation", "target": first["conversation_id"]})
        send_text(alice.api, bob.handle, "muted")
        socket = connected(server, bob)
        other = send_text(carol.api, bob.handle, "not muted")
        assert [f["payload"]["id"] for f in socket.quiet(0.3)] == [other["id"]]
        socket.close()

    def test_unmuting_restores_pushes(self, server: ReferenceServer) -> None:
        """After the mute ends, pushes come again."""
        alice, bob = register(server), register(server)
        bob.api.post("/v1/mutes", json={"kind": "agent", "target": alice.handle})
        bob.api.request("DELETE", f"/v1/mutes/agent/{alice.handle}")
        socket = connected(server, bob)
        sent = send_text(alice.api, bob.handle, "audible")
        assert socket.recv()["payload"]["id"] == sent["id"]
        socket.close()
