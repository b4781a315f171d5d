"""The SDK's offline sync (``client.messages.sync``, ``ack_sync``, ``pending``) against the
reference server, for the sync and async clients; and an agent's brain answering a human who is
connected to the realtime channel."""

from __future__ import annotations

import secrets
import time
from typing import Any

import pytest

import agentkit
from agentkit.testing import ReferenceServer
from tests.integration.messaging import register, unique_handle
from tests.server.realtime_client import Socket


class TestSync:
    def test_sync_pages_and_acks_with_a_persisted_cursor(
        self, make_client: Any, server: ReferenceServer
    ) -> None:
        """Pages by a plain-string cursor see every pending delivery once, in order; acking
        the last one empties the pending list; acking it again acks nothing."""
        alice, bob = register(make_client, server), register(make_client, server)
        sent = [alice.client.messages.send(f"m{i}", to=bob.handle) for i in range(5)]
        first = bob.client.messages.sync(limit=2)
        assert first.has_more is True
        cursor: str = first.data[-1].delivery_id  # what a user would persist
        rest = bob.client.messages.sync(after=cursor, limit=10)
        assert rest.has_more is False
        ids = [d.message.id for d in [*first.data, *rest.data]]
        assert ids == [m.id for m in sent]
        assert rest.data[0].message.content.text == "m2"
        assert bob.client.messages.ack_sync(rest.data[-1].delivery_id).acked == 5
        assert bob.client.messages.ack_sync(rest.data[-1].delivery_id).acked == 0
        assert bob.client.messages.sync().data == []

    def test_pending_iterates_every_page(self, make_client: Any, server: ReferenceServer) -> None:
        """``pending`` walks all pages lazily and acknowledges nothing."""
        alice, bob = register(make_client, server), register(make_client, server)
        sent = [alice.client.messages.send(f"p{i}", to=bob.handle).id for i in range(7)]
        seen = [delivery.message.id for delivery in bob.client.messages.pending(page_size=3)]
        assert seen == sent
        again = [d.message.id for d in bob.client.messages.pending(page_size=100)]
        assert again == sent

    def test_pending_resumes_after_a_cursor(
        self, make_client: Any, server: ReferenceServer
    ) -> None:
        """``pending(after=...)`` starts after the given delivery."""
        alice, bob = register(make_client, server), register(make_client, server)
        sent = [alice.client.messages.send(f"r{i}", to=bob.handle).id for i in range(4)]
        cursor = bob.client.messages.sync(limit=1).data[0].delivery_id
        assert [d.message.id for d in bob.client.messages.pending(after=cursor)] == sent[1:]

    def test_a_bad_cursor_raises_validation_error(
        self, make_client: Any, server: ReferenceServer
    ) -> None:
        """An unknown cursor is a typed ValidationError for sync and ack_sync."""
        bob = register(make_client, server)
        with pytest.raises(agentkit.ValidationError):
            bob.client.messages.sync(after="del_" + secrets.token_hex(16))
        with pytest.raises(agentkit.ValidationError):
            bob.client.messages.ack_sync("del_nothing")

    def test_an_organization_key_has_no_deliveries(self, make_client: Any) -> None:
        """An organization's client gets IdentityNotFoundError."""
        org = make_client()
        with pytest.raises(agentkit.IdentityNotFoundError):
            org.messages.sync()


class TestAgentAnswersInRealtime:
    def test_an_agents_reply_reaches_the_humans_connection(
        self, make_client: Any, server: ReferenceServer
    ) -> None:
        """A direct message to an agent with a handle is answered by its brain; the answer
        comes to the sender's realtime connection as message.new, and acking it empties sync."""
        org = make_client()
        agent = org.agents.create(name="Realtime Desk", brain="echo")
        handle = unique_handle("rtdesk")
        org.identity.claim_agent_handle(agent.id, handle)
        human = register(make_client, server)
        socket = Socket(server)
        socket.hello(human.api_key)
        sent = human.client.messages.send("are you there?", to="@" + handle)
        frame = socket.recv_type("message.new", timeout=10)
        reply = frame["payload"]
        assert reply["sender"] == handle
        assert reply["conversation_id"] == sent.conversation_id
        assert reply["content"] == {"text": "are you there?"}
        assert reply["metadata"] == {"in_reply_to": sent.id}
        assert [d.message.id for d in human.client.messages.sync().data] == [reply["id"]]
        socket.send({"type": "ack", "message_id": reply["id"]})
        deadline = time.monotonic() + 3
        while human.client.messages.sync().data:  # the ack is taken within milliseconds
            assert time.monotonic() < deadline, "the ack was not taken"
            time.sleep(0.02)
        socket.close()
