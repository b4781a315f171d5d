"""Every realtime event type reaches the identities it concerns, and nobody else; refused
client frames get an error frame and the connection stays open."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest

from agentkit.server import ServerConfig
from agentkit.testing import ReferenceServer
from tests.server.realtime_client import Socket, Someone, connected, register, send_text

RATE_LIMIT = 20


@pytest.fixture(scope="module")
def server() -> Iterator[ReferenceServer]:
    """A server with a rate limit (for the warnings) and a short typing interval."""
    config = ServerConfig(rate_limit_per_minute=RATE_LIMIT, realtime_typing_interval=0.2)
    with ReferenceServer(config=config) as running:
        yield running


def no_frames_of(socket: Socket, kind: str) -> None:
    """No frame of ``kind`` arrives within a short silence."""
    assert [f for f in socket.quiet(0.3) if f["type"] == kind] == []


def contacts(owner: Someone, other: Someone) -> None:
    """``owner`` adds ``other`` as a contact."""
    assert owner.api.post("/v1/contacts", json={"handle": other.handle}).status_code == 201


class TestMessageRead:
    def test_the_other_member_hears_of_a_read_cursor(self, server: ReferenceServer) -> None:
        """Reading over REST tells the sender (message.read); the reader's own connection and
        strangers hear nothing; reading the same again tells nobody."""
        alice, bob, eve = register(server), register(server), register(server)
        sent = send_text(alice.api, bob.handle, "read me")
        to_alice, to_bob, to_eve = (connected(server, x) for x in (alice, bob, eve))
        to_bob.recv_type("message.new")
        bob.api.post(f"/v1/messages/{sent['id']}/read")
        frame = to_alice.recv_type("message.read")
        assert frame["payload"] == {
            "conversation_id": sent["conversation_id"],
            "handle": bob.handle,
            "last_read_seq": sent["seq"],
        }
        no_frames_of(to_bob, "message.read")
        no_frames_of(to_eve, "message.read")
        bob.api.post(f"/v1/messages/{sent['id']}/read")
        no_frames_of(to_alice, "message.read")
        for socket in (to_alice, to_bob, to_eve):
            socket.close()

    def test_a_read_ack_frame_moves_the_cursor(self, server: ReferenceServer) -> None:
        """message.read_ack over the socket acts as the REST read: cursor moved, sender told,
        the delivery read."""
        alice, bob = register(server), register(server)
        to_alice, to_bob = connected(server, alice), connected(server, bob)
        sent = send_text(alice.api, bob.handle, "read over the socket")
        to_bob.recv_type("message.new")
        to_bob.send({"type": "message.read_ack", "message_id": sent["id"]})
        assert to_alice.recv_type("message.read")["payload"]["last_read_seq"] == sent["seq"]
        view = bob.api.get(f"/v1/conversations/{sent['conversation_id']}").json()
        assert view["last_read_seq"] == sent["seq"]
        to_alice.close()
        to_bob.close()

    def test_a_read_ack_of_a_foreign_message_is_an_error_frame(
        self, server: ReferenceServer
    ) -> None:
        """A read ack of a message the identity cannot see gets MESSAGE_NOT_FOUND; the
        connection stays open."""
        alice, bob, eve = register(server), register(server), register(server)
        sent = send_text(alice.api, bob.handle, "not eve's")
        to_eve = connected(server, eve)
        to_eve.send({"type": "message.read_ack", "message_id": sent["id"]})
        assert to_eve.recv()["payload"]["code"] == "MESSAGE_NOT_FOUND"
        to_eve.send({"type": "presence.update", "status": "online"})
        assert to_eve.quiet(0.2) == []  # still served
        to_eve.close()


class TestPresence:
    def test_rest_presence_reaches_contacts_and_direct_peers_only(
        self, server: ReferenceServer
    ) -> None:
        """PUT /v1/presence tells who has the identity as a contact and its direct peers; an
        identity it has as a contact (not the other way), and strangers, hear nothing."""
        me, fan, peer, mine, stranger = (register(server) for _ in range(5))
        contacts(fan, me)
        contacts(me, mine)
        send_text(peer.api, me.handle, "hi")
        sockets = {who.handle: connected(server, who) for who in (fan, peer, mine, stranger)}
        put = me.api.request("PUT", "/v1/presence", json={"status": "busy", "custom_status": "x"})
        assert put.status_code == 200
        for who in (fan, peer):
            frame = sockets[who.handle].recv_type("presence.update")
            assert frame["payload"] == put.json()
        for who in (mine, stranger):
            no_frames_of(sockets[who.handle], "presence.update")
        for socket in sockets.values():
            socket.close()

    def test_an_unchanged_presence_tells_nobody(self, server: ReferenceServer) -> None:
        """Setting the same presence again publishes nothing."""
        me, fan = register(server), register(server)
        contacts(fan, me)
        me.api.request("PUT", "/v1/presence", json={"status": "away"})
        socket = connected(server, fan)
        me.api.request("PUT", "/v1/presence", json={"status": "away"})
        no_frames_of(socket, "presence.update")
        socket.close()

    def test_presence_frame_sets_it_and_tells_contacts(self, server: ReferenceServer) -> None:
        """A presence.update frame sets the presence (as REST reads it) and tells contacts."""
        me, fan = register(server), register(server)
        contacts(fan, me)
        to_fan, to_me = connected(server, fan), connected(server, me)
        to_me.send({"type": "presence.update", "status": "online", "custom_status": "coding"})
        frame = to_fan.recv_type("presence.update")
        assert frame["payload"]["status"] == "online"
        assert frame["payload"]["custom_status"] == "coding"
        shown = fan.api.get(f"/v1/presence/{me.handle}").json()
        assert (shown["status"], shown["custom_status"]) == ("online", "coding")
        to_fan.close()
        to_me.close()

    def test_a_blocked_identity_does_not_hear_presence(self, server: ReferenceServer) -> None:
        """An identity the one changing presence blocks is not told, contact or not."""
        me, fan = register(server), register(server)
        contacts(fan, me)
        me.api.post(f"/v1/contacts/{fan.handle}/block")
        socket = connected(server, fan)
        me.api.request("PUT", "/v1/presence", json={"status": "online"})
        no_frames_of(socket, "presence.update")
        socket.close()


class TestTyping:
    def test_typing_reaches_the_other_members_only(self, server: ReferenceServer) -> None:
        """typing.start and typing.stop are relayed to the other members, not the typist's own
        connections, nor strangers."""
        alice, bob, eve = register(server), register(server), register(server)
        sent = send_text(alice.api, bob.handle, "hi")
        conversation = sent["conversation_id"]
        to_alice, to_alice_too, to_bob, to_eve = (
            connected(server, who) for who in (alice, alice, bob, eve)
        )
        to_bob.recv_type("message.new")
        for kind in ("typing.start", "typing.stop"):
            to_alice.send({"type": kind, "conversation_id": conversation})
            frame = to_bob.recv_type(kind)
            assert frame["payload"] == {"conversation_id": conversation, "handle": alice.handle}
        for socket in (to_alice_too, to_eve):
            assert [f for f in socket.quiet(0.2) if f["type"].startswith("typing")] == []
        for socket in (to_alice, to_alice_too, to_bob, to_eve):
            socket.close()

    def test_typing_in_a_foreign_conversation_is_refused(self, server: ReferenceServer) -> None:
        """Typing in a conversation one is not a member of gets CONVERSATION_NOT_FOUND and
        reaches nobody."""
        alice, bob, eve = register(server), register(server), register(server)
        sent = send_text(alice.api, bob.handle, "hi")
        to_bob, to_eve = connected(server, bob), connected(server, eve)
        to_bob.recv_type("message.new")
        to_eve.send({"type": "typing.start", "conversation_id": sent["conversation_id"]})
        assert to_eve.recv()["payload"]["code"] == "CONVERSATION_NOT_FOUND"
        no_frames_of(to_bob, "typing.start")
        to_bob.close()
        to_eve.close()

    def test_a_typing_flood_is_relayed_at_most_once_per_interval(
        self, server: ReferenceServer
    ) -> None:
        """Hundreds of typing frames in a moment reach the other member a few times only."""
        alice, bob = register(server), register(server)
        sent = send_text(alice.api, bob.handle, "hi")
        to_alice, to_bob = connected(server, alice), connected(server, bob)
        to_bob.recv_type("message.new")
        started = time.monotonic()
        for _ in range(300):
            to_alice.send({"type": "typing.start", "conversation_id": sent["conversation_id"]})
        relayed = [f for f in to_bob.quiet(0.4) if f["type"] == "typing.start"]
        elapsed = time.monotonic() - started
        assert 1 <= len(relayed) <= elapsed / 0.2 + 2
        to_alice.close()
        to_bob.close()


class TestGroups:
    def _group(self, owner: Someone, *invited: Someone) -> dict[str, Any]:
        body = {"name": "team", "member_handles": [who.handle for who in invited]}
        return dict(owner.api.post("/v1/groups", json=body).json())

    def test_the_invitee_hears_of_the_invite(self, server: ReferenceServer) -> None:
        """Creating a group with invitees and inviting later both send
        group.invite.received to the invitee alone."""
        owner, first, later, eve = (register(server) for _ in range(4))
        to_first, to_later, to_eve = (connected(server, x) for x in (first, later, eve))
        group = self._group(owner, first)
        frame = to_first.recv_type("group.invite.received")
        assert frame["payload"] == first.api.get("/v1/groups/invites").json()["data"][0]
        owner.api.post(f"/v1/groups/{group['id']}/members", json={"handle": later.handle})
        assert to_later.recv_type("group.invite.received")["payload"]["group_id"] == group["id"]
        no_frames_of(to_eve, "group.invite.received")
        for socket in (to_first, to_later, to_eve):
            socket.close()

    def test_every_member_hears_of_the_deletion(self, server: ReferenceServer) -> None:
        """Deleting a group tells every member (the creator's connections too), not those
        only invited, nor strangers."""
        owner, member, invited, eve = (register(server) for _ in range(4))
        group = self._group(owner, member, invited)
        invite = member.api.get("/v1/groups/invites").json()["data"][0]
        member.api.post(f"/v1/groups/invites/{invite['id']}/accept")
        sockets = [connected(server, who) for who in (owner, member, invited, eve)]
        owner.api.request("DELETE", f"/v1/groups/{group['id']}")
        for socket in sockets[:2]:
            payload = socket.recv_type("group.deleted")["payload"]
            assert payload["group_id"] == group["id"]
            assert payload["deleted_by"] == owner.handle
        for socket in sockets[2:]:
            no_frames_of(socket, "group.deleted")
        for socket in sockets:
            socket.close()


class TestRateLimitWarning:
    def test_a_key_near_its_limit_hears_of_it(self, server: ReferenceServer) -> None:
        """Once a request leaves the key 10% of its window or less, its identity's connections
        get rate_limit.warning; others do not."""
        me, other = register(server), register(server)
        to_me, to_other = connected(server, me), connected(server, other)
        for _ in range(RATE_LIMIT - 3):
            me.api.get("/v1/identity/me")
        no_frames_of(to_me, "rate_limit.warning")
        me.api.get("/v1/identity/me")  # leaves 2 of 20: 10%
        payload = to_me.recv_type("rate_limit.warning")["payload"]
        assert payload["limit"] == RATE_LIMIT
        assert payload["remaining"] == 2
        assert 0 < payload["reset_seconds"] <= 60
        no_frames_of(to_other, "rate_limit.warning")
        to_me.close()
        to_other.close()


class TestErrorFrames:
    @pytest.mark.parametrize(
        ("frame", "field"),
        [
            ("{not json", "frame"),
            ("[1, 2]", "frame"),
            ('{"type": "teleport"}', "frame.type"),
            ('{"type": "ack"}', "frame.message_id"),
            ('{"type": "presence.update", "status": "asleep"}', "frame.status"),
            ('{"type": "ack", "message_id": "\\ud800"}', "frame.message_id"),
            ("[" * 100 + "]" * 100, "frame"),
            ('{"type": "typing.start", "conversation_id": 1e999}', "frame.conversation_id"),
        ],
    )
    def test_a_bad_frame_gets_an_error_naming_the_field(
        self, server: ReferenceServer, frame: str, field: str
    ) -> None:
        """Bad JSON, a non-object, an unknown type, a missing or bad field, a lone surrogate,
        deep nesting and an infinite number each get VALIDATION_ERROR naming what is wrong;
        the connection stays open."""
        me = register(server)
        socket = connected(server, me)
        socket.send(frame)
        error = socket.recv()
        assert error["type"] == "error"
        assert error["payload"]["code"] == "VALIDATION_ERROR"
        assert error["payload"]["field"] == field
        socket.send({"type": "ack", "message_id": "msg_x"})
        assert socket.quiet(0.2) == []
        socket.close()

    def test_a_binary_frame_gets_an_error(self, server: ReferenceServer) -> None:
        """Binary frames are refused with an error frame; the connection stays open."""
        me = register(server)
        socket = connected(server, me)
        socket.send(b'{"type": "ack", "message_id": "msg_x"}')
        assert socket.recv()["payload"]["code"] == "VALIDATION_ERROR"
        socket.close()

    def test_a_second_hello_is_ignored(self, server: ReferenceServer) -> None:
        """Another hello on an open connection changes nothing and gets no answer."""
        me, other = register(server), register(server)
        socket = connected(server, me)
        socket.send({"type": "hello", "api_key": other.key})
        assert socket.quiet(0.2) == []
        sent = send_text(other.api, me.handle, "still me")
        assert socket.recv()["payload"]["id"] == sent["id"]
        socket.close()
