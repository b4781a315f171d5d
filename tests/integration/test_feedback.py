"""Votes on agents' messages from the SDK, both clients: cast, replace, list, take back, and
refusals (other organizations, users' messages, unknown conversations)."""

from __future__ import annotations

from typing import Any

import pytest

from agentkit import (
    ChatNotFoundError,
    NotFoundError,
    SessionNotFoundError,
    ValidationError,
)


@pytest.fixture
def agent(client: Any) -> Any:
    return client.agents.create(name="Bot", brain="echo")


def chat_reply(client: Any, agent: Any) -> tuple[str, str, str]:
    """A chat, its user message id and its agent reply id."""
    chat = client.chats.start(agent.id, "hello")
    messages = list(client.chats.list_messages(chat.id))
    user = next(m for m in messages if m.role.value == "user")
    reply = next(m for m in messages if m.role.value == "agent")
    return chat.id, user.id, reply.id


class TestVotes:
    def test_vote_replace_list_and_take_back(self, client: Any, agent: Any) -> None:
        chat_id, _, reply_id = chat_reply(client, agent)
        first = client.feedback.vote(reply_id, conversation_id=chat_id, vote="up")
        assert first.vote.value == "up" and first.comment is None
        again = client.feedback.vote(
            reply_id, conversation_id=chat_id, vote="down", comment="Too short."
        )
        assert again.vote.value == "down" and again.comment == "Too short."
        assert again.created_at == first.created_at
        votes = list(client.feedback.list_votes(chat_id))
        assert [(v.message_id, v.vote.value) for v in votes] == [(reply_id, "down")]
        assert client.feedback.delete_vote(reply_id).deleted is True
        assert list(client.feedback.list_votes(chat_id)) == []
        with pytest.raises(NotFoundError):
            client.feedback.delete_vote(reply_id)

    def test_votes_on_a_session(self, client: Any, agent: Any) -> None:
        session = client.sessions.create(agent.id)
        with client.sessions.stream_send(session.id, "hi") as stream:
            list(stream)
        messages = client.sessions.get(session.id).messages
        reply = next(m for m in messages if m.role.value == "assistant")
        client.feedback.vote(reply.id, conversation_id=session.id, vote="up")
        assert [v.message_id for v in client.feedback.list_votes(session.id)] == [reply.id]


class TestRefusals:
    def test_only_the_agents_messages(self, client: Any, agent: Any) -> None:
        chat_id, user_id, _ = chat_reply(client, agent)
        with pytest.raises(ValidationError) as refused:
            client.feedback.vote(user_id, conversation_id=chat_id, vote="up")
        assert refused.value.field == "message_id"

    def test_unknown_conversations_and_messages(self, client: Any, agent: Any) -> None:
        chat_id, _, _ = chat_reply(client, agent)
        with pytest.raises(NotFoundError):
            client.feedback.vote("msg_nope", conversation_id=chat_id, vote="up")
        with pytest.raises(ChatNotFoundError):
            client.feedback.vote("msg_nope", conversation_id="chat_nope", vote="up")
        with pytest.raises(SessionNotFoundError):
            list(client.feedback.list_votes("ses_nope"))
        with pytest.raises(ValidationError):
            list(client.feedback.list_votes("conv_1"))

    def test_another_organization_sees_nothing(self, make_client: Any) -> None:
        """Votes, and the conversations they are on, are 404 across organizations."""
        owner, stranger = make_client(), make_client()
        agent = owner.agents.create(name="Bot", brain="echo")
        chat_id, _, reply_id = chat_reply(owner, agent)
        owner.feedback.vote(reply_id, conversation_id=chat_id, vote="up")
        with pytest.raises(ChatNotFoundError):
            stranger.feedback.vote(reply_id, conversation_id=chat_id, vote="down")
        with pytest.raises(ChatNotFoundError):
            list(stranger.feedback.list_votes(chat_id))
        with pytest.raises(NotFoundError):
            stranger.feedback.delete_vote(reply_id)
        assert [v.vote.value for v in owner.feedback.list_votes(chat_id)] == ["up"]
