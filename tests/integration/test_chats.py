"""client.chats against the reference server, for the sync and the async client."""

from __future__ import annotations

from typing import Any

import pytest

import agentkit
from agentkit.parts import audio, data, file, image, text
from agentkit.types import ChatStatus, TextPart


@pytest.fixture
def agent(client: Any) -> Any:
    return client.agents.create(name="Echo", brain="echo")


def _reply_text(chat: Any) -> str:
    return "".join(part.content for part in chat.message.parts if isinstance(part, TextPart))


class TestLifecycle:
    def test_start_returns_the_agents_first_reply(self, client: Any, agent: Any) -> None:
        """Starting a chat answers with an ACTIVE chat whose message is the agent's reply."""
        chat = client.chats.start(agent.id, "I need help with my account", metadata={"user": "u1"})
        assert chat.id.startswith("chat_")
        assert chat.status == ChatStatus.ACTIVE
        assert chat.agent_id == agent.id
        assert chat.message.role == "agent"
        assert _reply_text(chat) == "I need help with my account"
        assert agent.id in chat.participants
        assert chat.metadata.to_dict() == {"user": "u1"}

    def test_messages_then_end(self, client: Any, agent: Any) -> None:
        """Messages get replies until the chat ends; then it is CLOSED with a reason and time."""
        chat = client.chats.start(agent.id, "hello")
        for words in ["My account is locked", "I forgot my password"]:
            reply = client.chats.message(chat.id, words)
            assert _reply_text(reply) == words
        ended = client.chats.end(chat.id, reason="Issue resolved")
        assert ended.status == ChatStatus.CLOSED
        assert ended.close_reason == "Issue resolved"
        assert ended.closed_at is not None

    def test_message_to_a_closed_chat_is_refused(self, client: Any, agent: Any) -> None:
        """A closed chat cannot be resumed: sending raises ChatAlreadyClosedError."""
        chat = client.chats.start(agent.id, "hello")
        client.chats.end(chat.id)
        with pytest.raises(agentkit.ChatAlreadyClosedError) as caught:
            client.chats.message(chat.id, "anyone?")
        assert caught.value.code == "CHAT_ALREADY_CLOSED"
        with pytest.raises(agentkit.ChatAlreadyClosedError):
            client.chats.end(chat.id)

    def test_pause_and_resume(self, client: Any, agent: Any) -> None:
        """A paused chat refuses messages until resumed."""
        chat = client.chats.start(agent.id, "hello")
        assert client.chats.pause(chat.id).status == ChatStatus.PAUSED
        with pytest.raises(agentkit.ChatNotActiveError):
            client.chats.message(chat.id, "still there?")
        assert client.chats.resume(chat.id).status == ChatStatus.ACTIVE
        assert _reply_text(client.chats.message(chat.id, "back")) == "back"

    def test_unknown_chat(self, client: Any) -> None:
        """An unknown chat id raises ChatNotFoundError."""
        with pytest.raises(agentkit.ChatNotFoundError):
            client.chats.message("chat_nope", "hi")

    def test_unknown_agent(self, client: Any) -> None:
        """Starting a chat with an unknown agent raises AgentNotFoundError."""
        with pytest.raises(agentkit.AgentNotFoundError):
            client.chats.start("agt_nope", "hi")

    def test_client_chosen_chat_id_and_trace_id(self, client: Any, agent: Any) -> None:
        """A client-chosen chat id is used as given, and taken only once."""
        chat = client.chats.start(agent.id, "hi", chat_id="chat-abc123", trace_id="trace-1")
        assert (chat.id, chat.trace_id) == ("chat-abc123", "trace-1")
        with pytest.raises(agentkit.ChatIdTakenError):
            client.chats.start(agent.id, "hi", chat_id="chat-abc123")


class TestMessages:
    def test_multi_part_message(self, client: Any, agent: Any) -> None:
        """Every part type travels and is stored as sent."""
        parts = [
            text("Here's the image:"),
            image(b"\x89PNG", "image/png", width=800, height=600),
            data({"key": "value"}),
            file(b"%PDF", "application/pdf", filename="doc.pdf"),
            audio(b"ID3", "audio/mp3", duration=120.5),
        ]
        chat = client.chats.start(agent.id, parts)
        stored = list(client.chats.list_messages(chat.id))
        assert stored[0].role == "user"
        assert [part.to_dict() for part in stored[0].parts] == [part.to_dict() for part in parts]
        assert stored[1].role == "agent"

    def test_wire_dicts_are_accepted(self, client: Any, agent: Any) -> None:
        """A message may be given as a dict in the wire format."""
        chat = client.chats.start(
            agent.id, {"role": "user", "parts": [{"type": "text", "content": "as a dict"}]}
        )
        assert _reply_text(chat) == "as a dict"

    def test_bad_part_is_caught_before_sending(self, make_client: Any, agent: Any) -> None:
        """A part with an unknown type raises ValidationError without any request."""
        seen: list[Any] = []
        client = make_client(on_request=seen.append)
        with pytest.raises(agentkit.ValidationError) as caught:
            client.chats.start(agent.id, [{"type": "hologram", "content": "?"}])
        assert caught.value.field == "message.parts[0]"
        assert seen == []

    def test_server_names_the_bad_field(self, client: Any, agent: Any) -> None:
        """An invalid client chat id is a 400 naming the field."""
        with pytest.raises(agentkit.ValidationError) as caught:
            client.chats.start(agent.id, "hi", chat_id="bad id with spaces")
        assert caught.value.field == "chat_id"

    def test_non_base64_content_is_refused(self, client: Any, agent: Any) -> None:
        """A file part whose content is not base64 is refused, naming the field."""
        with pytest.raises(agentkit.ValidationError) as caught:
            client.chats.start(agent.id, [file("not base64!", "text/plain")])
        assert caught.value.field == "message.parts[0].content"

    def test_empty_text_breaks_the_contract(self, client: Any, agent: Any) -> None:
        """An empty text part is a ValidationError naming its content."""
        with pytest.raises(agentkit.ValidationError) as caught:
            client.chats.start(agent.id, "")
        assert caught.value.field == "message.parts[0].content"


class TestListing:
    def test_list_filters_by_status_and_agent(self, client: Any, agent: Any) -> None:
        """Chats list across pages and filter by status and agent."""
        other = client.agents.create(name="Other")
        open_ids = [client.chats.start(agent.id, f"m{i}").id for i in range(3)]
        closed = client.chats.start(agent.id, "bye")
        client.chats.end(closed.id)
        client.chats.start(other.id, "elsewhere")
        active = [
            chat.id for chat in client.chats.list(status="ACTIVE", agent=agent.id, page_size=2)
        ]
        assert active == open_ids
        assert [chat.id for chat in client.chats.list(status=ChatStatus.CLOSED)] == [closed.id]

    def test_get_returns_latest_reply(self, client: Any, agent: Any) -> None:
        """A chat fetched later shows the latest reply and the message count."""
        chat = client.chats.start(agent.id, "one")
        client.chats.message(chat.id, "two")
        fetched = client.chats.get(chat.id)
        assert _reply_text(fetched) == "two"
        assert fetched.message_count == 4
