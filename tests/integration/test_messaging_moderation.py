"""Moderation: suspended and restricted identities, restriction by reports, and the limit on
cold outreach (AWAITING_REPLY)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest

import agentkit
from agentkit.server import ServerConfig
from agentkit.testing import ReferenceServer
from tests.integration.messaging import register


@pytest.fixture(scope="module")
def server() -> Iterator[ReferenceServer]:
    config = ServerConfig(cold_message_limit=2, restrict_after_reports=3)
    with ReferenceServer(config=config) as running:
        yield running


class TestSuspended:
    def test_a_suspended_identity_may_only_read_its_own_record(
        self, make_client: Any, server: ReferenceServer
    ) -> None:
        alice = register(make_client, server)
        bob = register(make_client, server)
        first = bob.client.messages.send("hello", to=alice.handle)
        server.moderate(alice.handle, "suspended")
        assert alice.client.identity.me().status == "suspended"
        calls = [
            lambda: alice.client.messages.send("hi", to=bob.handle),
            lambda: list(alice.client.conversations.list()),
            lambda: alice.client.contacts.add(bob.handle),
            lambda: alice.client.identity.profile(bob.handle),
            lambda: alice.client.presence.update("online"),
            lambda: alice.client.groups.create("g"),
        ]
        for call in calls:
            with pytest.raises(agentkit.SuspendedError) as caught:
                call()
            assert caught.value.status_code == 403 and caught.value.code == "SUSPENDED"
            assert isinstance(caught.value, agentkit.PermissionDeniedError)
        # Others still reach it (its messages are kept for when it is back).
        bob.client.messages.send("are you there?", to=alice.handle)
        server.moderate(alice.handle, "active")
        assert alice.client.conversations.get(first.conversation_id).unread_count == 2
        assert alice.client.messages.send("back", to=bob.handle).seq == 3


class TestRestricted:
    def test_a_restricted_identity_answers_but_starts_nothing(
        self, make_client: Any, server: ReferenceServer
    ) -> None:
        alice = register(make_client, server)
        writer = register(make_client, server)
        friend = register(make_client, server)
        stranger = register(make_client, server)
        server.moderate(alice.handle, "restricted")
        assert alice.client.identity.me().status == "restricted"
        with pytest.raises(agentkit.RestrictedError):
            alice.client.messages.send("buy now", to=stranger.handle)
        # Nothing was made: the stranger has no conversation with it.
        assert list(stranger.client.conversations.list()) == []
        # Someone who wrote first gets an answer, by handle or by conversation.
        first = writer.client.messages.send("hi alice", to=alice.handle)
        assert alice.client.messages.send("hi", to=writer.handle).seq == 2
        answer = alice.client.messages.send("again", conversation_id=first.conversation_id)
        assert answer.seq == 3
        # So does someone who added it as a contact.
        friend.client.contacts.add(alice.handle)
        assert alice.client.messages.send("hello friend", to=friend.handle).seq == 1
        # Invitations start conversations too.
        with pytest.raises(agentkit.RestrictedError):
            alice.client.groups.create("spam", member_handles=[stranger.handle])
        group = alice.client.groups.create("alone")
        with pytest.raises(agentkit.RestrictedError):
            alice.client.groups.add_member(group.id, stranger.handle)
        assert stranger.client.groups.invites() == []

    def test_reports_from_enough_identities_restrict(
        self, make_client: Any, server: ReferenceServer
    ) -> None:
        spammer = register(make_client, server)
        target = register(make_client, server)
        reporters = [register(make_client, server) for _ in range(3)]
        for _ in range(3):  # one identity reporting often is one report
            reporters[0].client.contacts.report(spammer.handle, "spam")
        reporters[1].client.contacts.report(spammer.handle, "spam")
        assert spammer.client.identity.me().status == "active"
        spammer.client.messages.send("still allowed", to=target.handle)
        reporters[2].client.contacts.report(spammer.handle, "spam")
        assert spammer.client.identity.me().status == "restricted"
        with pytest.raises(agentkit.RestrictedError):
            spammer.client.messages.send("now refused", to=reporters[0].handle)


class TestAwaitingReply:
    def test_cold_outreach_waits_for_an_answer(
        self, make_client: Any, server: ReferenceServer
    ) -> None:
        alice = register(make_client, server)
        bob = register(make_client, server)
        for text in ("one", "two"):
            alice.client.messages.send(text, to=bob.handle)
        with pytest.raises(agentkit.AwaitingReplyError) as caught:
            alice.client.messages.send("three", to=bob.handle)
        error = caught.value
        assert (error.status_code, error.code, error.handle) == (403, "AWAITING_REPLY", bob.handle)
        assert error.retries_taken == 0  # waiting cannot be sped up by retrying
        bob.client.messages.send("hi back", to=alice.handle)
        assert alice.client.messages.send("three", to=bob.handle).seq == 4

    def test_sends_at_once_store_only_the_limit(
        self, make_client: Any, server: ReferenceServer
    ) -> None:
        """Eight sends from alice to bob at once, over eight connections: the two the limit
        allows are stored, the other six refused with AWAITING_REPLY."""
        alice = register(make_client, server)
        bob = register(make_client, server)
        start = threading.Barrier(8, timeout=30)
        outcomes: list[str] = []

        def send(n: int) -> None:
            with agentkit.AgentKit(
                base_url=server.base_url, api_key=alice.api_key, max_retries=0
            ) as own:
                start.wait()
                try:
                    outcomes.append(own.messages.send(f"m{n}", to=bob.handle).id)
                except agentkit.AwaitingReplyError as error:
                    outcomes.append(error.code)

        threads = [threading.Thread(target=send, args=(n,)) for n in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        stored = [outcome for outcome in outcomes if outcome != "AWAITING_REPLY"]
        assert (len(stored), len(outcomes)) == (2, 8)
        [conversation] = list(bob.client.conversations.list())
        history = list(bob.client.messages.history(conversation.id))
        assert sorted(m.id for m in history) == sorted(stored)
        assert sorted(m.seq for m in history) == [1, 2]

    def test_a_contact_may_be_written_to_freely(
        self, make_client: Any, server: ReferenceServer
    ) -> None:
        alice = register(make_client, server)
        bob = register(make_client, server)
        bob.client.contacts.add(alice.handle)
        sent = [alice.client.messages.send(f"m{n}", to=bob.handle) for n in range(4)]
        assert [message.seq for message in sent] == [1, 2, 3, 4]

    def test_group_messages_are_not_cold_outreach(
        self, make_client: Any, server: ReferenceServer
    ) -> None:
        alice = register(make_client, server)
        bob = register(make_client, server)
        group = alice.client.groups.create("team", member_handles=[bob.handle])
        bob.client.groups.accept_invite(bob.client.groups.invites()[0].id)
        sent = [alice.client.messages.send(f"m{n}", group_id=group.id) for n in range(4)]
        assert sent[-1].seq == 4


def test_error_names_by_code() -> None:
    """The names the messaging API's codes go by, and the 5xx family."""
    assert agentkit.UnauthorizedError is agentkit.AuthenticationError
    assert issubclass(agentkit.InternalServerError, agentkit.ServerError)
    assert issubclass(agentkit.TurnInterruptedError, agentkit.ServerError)
    unknown_5xx = agentkit._errors.make_status_error(503, b"busy", {})
    assert isinstance(unknown_5xx, agentkit.ServerError)
    suspended = agentkit._errors.make_status_error(
        403, b'{"error": {"code": "SUSPENDED", "message": "no"}}', {}
    )
    assert type(suspended) is agentkit.SuspendedError
