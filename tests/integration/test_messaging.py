"""client.messages and client.conversations against the reference server, sync and async."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

import agentkit
from agentkit.testing import ReferenceServer
from tests.integration.messaging import Member, register


@pytest.fixture
def pair(make_client: Any, server: ReferenceServer) -> tuple[Member, Member]:
    """Two registered identities."""
    return register(make_client, server, "alice"), register(make_client, server, "bob")


class TestSend:
    def test_send_by_handle_with_or_without_at(self, pair: tuple[Member, Member]) -> None:
        """'@bob' and 'bob' reach the same direct conversation; seqs count up from 1."""
        alice, bob = pair
        first = alice.client.messages.send("hi", to="@" + bob.handle)
        second = alice.client.messages.send("again", to=bob.handle)
        assert first.conversation_id == second.conversation_id
        assert (first.seq, second.seq) == (1, 2)
        assert first.sender == alice.handle
        assert (first.type_, first.content.text) == ("text", "hi")
        answer = bob.client.messages.send("hello", conversation_id=first.conversation_id)
        assert (answer.seq, answer.sender) == (3, bob.handle)

    def test_structured_content_and_metadata(self, pair: tuple[Member, Member]) -> None:
        """Data content is 'structured'; metadata round-trips."""
        alice, bob = pair
        sent = alice.client.messages.send(
            {"data": {"order": 7, "items": ["a"]}}, to=bob.handle, metadata={"trace": "t1"}
        )
        assert sent.type_ == "structured"
        assert sent.content.data.to_dict() == {"order": 7, "items": ["a"]}
        assert sent.metadata.to_dict() == {"trace": "t1"}
        seen = bob.client.messages.list_page(sent.conversation_id).data[0]
        assert seen.to_dict() == sent.to_dict()

    def test_the_sdk_makes_a_client_msg_id(self, pair: tuple[Member, Member]) -> None:
        """Without one, each send carries a fresh UUID."""
        alice, bob = pair
        one = alice.client.messages.send("a", to=bob.handle)
        two = alice.client.messages.send("a", to=bob.handle)
        assert uuid.UUID(one.client_msg_id) != uuid.UUID(two.client_msg_id)
        assert one.id != two.id

    def test_replay_returns_the_original_for_good(self, pair: tuple[Member, Member]) -> None:
        """The same client_msg_id returns the first message, even after others were sent."""
        alice, bob = pair
        key = f"job-{uuid.uuid4()}"
        original = alice.client.messages.send("pay 5", to=bob.handle, client_msg_id=key)
        alice.client.messages.send("something else", to=bob.handle)
        again = alice.client.messages.send("pay 5", to=bob.handle, client_msg_id=key)
        assert again.to_dict() == original.to_dict()
        history = list(bob.client.messages.history(original.conversation_id))
        assert [m.seq for m in history] == [1, 2]

    def test_same_id_with_other_content_is_refused(self, pair: tuple[Member, Member]) -> None:
        """Reusing a client_msg_id for other content raises ClientMsgIdReusedError, stores nothing."""
        alice, bob = pair
        sent = alice.client.messages.send("pay 5", to=bob.handle, client_msg_id="op-1")
        for content, extra in (("pay 500", {}), ("pay 5", {"metadata": {"x": 1}})):
            with pytest.raises(agentkit.ClientMsgIdReusedError) as caught:
                alice.client.messages.send(content, to=bob.handle, client_msg_id="op-1", **extra)
            assert caught.value.status_code == 409
            assert caught.value.details["field"] == "client_msg_id"
        assert len(list(bob.client.messages.history(sent.conversation_id))) == 1

    def test_ids_are_per_sender(self, pair: tuple[Member, Member]) -> None:
        """Two senders may use the same client_msg_id for different messages."""
        alice, bob = pair
        one = alice.client.messages.send("from alice", to=bob.handle, client_msg_id="same")
        two = bob.client.messages.send("from bob", to=alice.handle, client_msg_id="same")
        assert one.id != two.id and two.seq == 2

    def test_bad_targets(self, pair: tuple[Member, Member], make_client: Any) -> None:
        """Unknown handle 404; yourself, both or neither target, or an unknown attachment 400."""
        alice, bob = pair
        with pytest.raises(agentkit.IdentityNotFoundError):
            alice.client.messages.send("x", to="@no-such-handle-here")
        with pytest.raises(agentkit.ValidationError) as caught:
            alice.client.messages.send("x", to=alice.handle)
        assert caught.value.details["field"] == "to"
        sent = alice.client.messages.send("x", to=bob.handle)
        with pytest.raises(agentkit.ValidationError):
            alice.client.messages.send("x", to=bob.handle, conversation_id=sent.conversation_id)
        with pytest.raises(agentkit.ValidationError):
            alice.client.messages.send("x")
        with pytest.raises(agentkit.ValidationError) as caught:
            alice.client.messages.send({"attachment_id": "att_nope"}, to=bob.handle)
        assert caught.value.details["field"] == "content.attachment_id"
        with pytest.raises(agentkit.ValidationError):
            alice.client.messages.send({}, to=bob.handle)
        with pytest.raises(agentkit.IdentityNotFoundError):
            make_client().messages.send("x", to=bob.handle)


class TestHistory:
    def test_after_and_before_are_exclusive(self, pair: tuple[Member, Member]) -> None:
        """after_seq reads forward, before_seq backward, neither the newest first."""
        alice, bob = pair
        conversation = None
        for n in range(1, 8):
            conversation = alice.client.messages.send(f"m{n}", to=bob.handle).conversation_id
        read = bob.client.messages.list_page
        forward = read(conversation, after_seq=2, limit=3)
        assert [m.seq for m in forward.data] == [3, 4, 5] and forward.has_more
        backward = read(conversation, before_seq=4, limit=5)
        assert [m.seq for m in backward.data] == [3, 2, 1] and not backward.has_more
        assert [m.seq for m in read(conversation, limit=2).data] == [7, 6]
        assert read(conversation, after_seq=7).data == []

    def test_both_seqs_is_a_400(self, pair: tuple[Member, Member]) -> None:
        """before_seq with after_seq is refused, and the message says why."""
        alice, bob = pair
        conversation = alice.client.messages.send("x", to=bob.handle).conversation_id
        with pytest.raises(agentkit.ValidationError) as caught:
            alice.client.messages.list_page(conversation, after_seq=0, before_seq=5)
        assert "not both" in caught.value.message
        with pytest.raises(ValueError, match="not both"):
            alice.client.messages.history(conversation, after_seq=0, before_seq=5)

    def test_iterators_walk_everything(self, pair: tuple[Member, Member]) -> None:
        """The history pager walks all pages, forward or backward."""
        alice, bob = pair
        conversation = None
        for n in range(11):
            conversation = alice.client.messages.send(f"m{n}", to=bob.handle).conversation_id
        forward = [m.seq for m in bob.client.messages.history(conversation, page_size=3)]
        assert forward == list(range(1, 12))
        middle = [
            m.seq for m in bob.client.messages.history(conversation, after_seq=4, page_size=4)
        ]
        assert middle == list(range(5, 12))
        backward = bob.client.messages.history(conversation, before_seq=12, page_size=5)
        assert [m.seq for m in backward] == list(range(11, 0, -1))


class TestReadAndHide:
    def test_read_cursor_never_moves_back(self, pair: tuple[Member, Member]) -> None:
        """Marking read is idempotent and monotonic; unread counts follow it."""
        alice, bob = pair
        sent = [alice.client.messages.send(f"m{n}", to=bob.handle) for n in range(4)]
        conversation = sent[0].conversation_id
        assert bob.client.conversations.get(conversation).unread_count == 4
        assert alice.client.conversations.get(conversation).unread_count == 0
        assert bob.client.messages.mark_read(sent[2].id).last_read_seq == 3
        assert bob.client.messages.mark_read(sent[2].id).last_read_seq == 3
        assert bob.client.messages.mark_read(sent[0].id).last_read_seq == 3
        view = bob.client.conversations.get(conversation)
        assert (view.last_read_seq, view.unread_count) == (3, 1)

    def test_delete_hides_for_me_only(self, pair: tuple[Member, Member]) -> None:
        """A deleted message leaves my history; the other side keeps it; repeating is fine."""
        alice, bob = pair
        sent = alice.client.messages.send("oops", to=bob.handle)
        assert alice.client.messages.delete(sent.id).deleted is True
        assert alice.client.messages.delete(sent.id).deleted is True
        assert alice.client.messages.list_page(sent.conversation_id).data == []
        assert [m.id for m in bob.client.messages.list_page(sent.conversation_id).data] == [sent.id]
        with pytest.raises(agentkit.MessageNotFoundError):
            alice.client.messages.mark_read(sent.id)

    def test_hidden_conversation_comes_back_with_a_new_message(
        self, pair: tuple[Member, Member]
    ) -> None:
        """Hiding removes the conversation from my list until someone writes again."""
        alice, bob = pair
        conversation = alice.client.messages.send("x", to=bob.handle).conversation_id
        assert [c.id for c in bob.client.conversations.list()] == [conversation]
        assert bob.client.conversations.hide(conversation).deleted is True
        assert bob.client.conversations.hide(conversation).deleted is True
        assert list(bob.client.conversations.list()) == []
        for read in (bob.client.conversations.get, bob.client.messages.list_page):
            with pytest.raises(agentkit.ConversationNotFoundError):
                read(conversation)
        assert [c.id for c in alice.client.conversations.list()] == [conversation]
        alice.client.messages.send("y", conversation_id=conversation)
        assert [c.id for c in bob.client.conversations.list()] == [conversation]
        assert [m.seq for m in bob.client.messages.history(conversation)] == [1, 2]


class TestConversations:
    def test_list_is_most_recent_first_with_unread_and_last_message(
        self, make_client: Any, server: ReferenceServer
    ) -> None:
        """Pages walk every conversation, most recently active first."""
        me = register(make_client, server)
        others = [register(make_client, server) for _ in range(3)]
        for other in others:
            other.client.messages.send(f"from {other.handle}", to=me.handle)
        others[0].client.messages.send("latest", to=me.handle)
        listed = list(me.client.conversations.list(page_size=2))
        assert [c.participants[1].handle for c in listed] == [
            others[0].handle,
            others[2].handle,
            others[1].handle,
        ]
        first = listed[0]
        assert (first.kind, first.unread_count, first.last_seq) == ("direct", 2, 2)
        assert first.last_message.content.text == "latest"

    def test_participants_are_handle_and_display_name(self, pair: tuple[Member, Member]) -> None:
        """Participants show handle and display name only."""
        alice, bob = pair
        conversation = alice.client.messages.send("x", to=bob.handle).conversation_id
        people = bob.client.conversations.participants(conversation)
        assert [p.to_dict() for p in people] == [
            {"handle": alice.handle, "display_name": alice.handle.title()},
            {"handle": bob.handle, "display_name": bob.handle.title()},
        ]


class TestAuthorization:
    """Anything the caller may not see answers 404, never 403, and changes nothing."""

    def test_strangers_get_404_and_change_nothing(
        self, pair: tuple[Member, Member], make_client: Any, server: ReferenceServer
    ) -> None:
        alice, bob = pair
        sent = alice.client.messages.send("secret", to=bob.handle)
        conversation = sent.conversation_id
        before_alice = alice.client.conversations.get(conversation).to_dict()
        before_bob = bob.client.conversations.get(conversation).to_dict()
        stranger = register(make_client, server, "eve").client
        organization = make_client()
        for intruder in (stranger, organization):
            attempts = [
                lambda c=intruder: c.conversations.get(conversation),
                lambda c=intruder: c.conversations.participants(conversation),
                lambda c=intruder: c.conversations.hide(conversation),
                lambda c=intruder: c.messages.list_page(conversation),
                lambda c=intruder: c.messages.send("hi", conversation_id=conversation),
                lambda c=intruder: c.messages.mark_read(sent.id),
                lambda c=intruder: c.messages.delete(sent.id),
            ]
            for attempt in attempts:
                with pytest.raises(agentkit.NotFoundError) as caught:
                    attempt()
                assert caught.value.status_code == 404
        assert list(stranger.conversations.list()) == []
        with pytest.raises(agentkit.IdentityNotFoundError):
            list(organization.conversations.list())
        assert alice.client.conversations.get(conversation).to_dict() == before_alice
        assert bob.client.conversations.get(conversation).to_dict() == before_bob
        assert [m.id for m in bob.client.messages.history(conversation)] == [sent.id]
