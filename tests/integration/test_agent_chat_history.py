"""The history of an agent's chats from the SDK, both clients: list, read with UI messages,
delete one or all, make the title again, follow the status; and the refusals (other
organizations, unknown chats, hostile ids)."""

from __future__ import annotations

import itertools
import time
from typing import Any

import pytest

from agentkit import AgentNotFoundError, ChatNotFoundError, ValidationError
from tests.faults import FaultInjector


def say(client: Any, agent_id: str, text: str, chat_id: str) -> str:
    return "".join(client.agents.stream_chat_text(agent_id, text, chat_id=chat_id))


@pytest.fixture
def agent(client: Any) -> Any:
    return client.agents.create(name="Bot", brain="scripted")


class TestListAndGet:
    def test_chats_are_listed_oldest_first_across_pages(self, client: Any, agent: Any) -> None:
        """Every chat with an id is listed once, in the order it began, whatever the page size."""
        for name in ("one", "two", "three"):
            say(client, agent.id, f"hello {name}", name)
        say(client, agent.id, "again", "one")
        chats = list(client.agents.list_chats(agent.id, page_size=2))
        assert [chat.id for chat in chats] == ["one", "two", "three"]
        first = chats[0]
        assert first.agent_id == agent.id and first.status.value == "ready"
        assert first.message_count == 4 and first.title == "hello one"
        assert client.sessions.get(first.session_id).agent_id == agent.id

    def test_a_chat_without_an_id_is_not_recorded(self, client: Any, agent: Any) -> None:
        """A request without ``id`` makes a throw-away session, not a chat of the history."""
        "".join(client.agents.stream_chat_text(agent.id, "no id"))
        assert list(client.agents.list_chats(agent.id)) == []

    def test_get_gives_ui_messages(self, client: Any, agent: Any) -> None:
        """The messages come in the shape ``useChat`` takes: text and reasoning parts."""
        say(client, agent.id, "what is up", "c1")
        chat = client.agents.get_chat(agent.id, "c1")
        assert chat.id == "c1" and chat.message_count == 2
        user, reply = chat.messages
        assert user.role.value == "user"
        assert [p.to_dict() for p in user.parts] == [{"type": "text", "text": "what is up"}]
        assert reply.role.value == "assistant"
        kinds = [p.type_ for p in reply.parts]
        assert kinds == ["step-start", "reasoning", "text"]
        assert reply.parts[2].text == "You said: what is up"
        assert reply.metadata.status.value == "completed"

    def test_a_failed_reply_makes_the_status_error(self, client: Any, agent: Any) -> None:
        """A chat whose last reply failed is ``error``; the next good reply makes it ``ready``."""
        say(client, agent.id, "/error", "bad")
        assert client.agents.get_chat(agent.id, "bad").status.value == "error"
        say(client, agent.id, "fine now", "bad")
        assert client.agents.get_chat(agent.id, "bad").status.value == "ready"


class TestDelete:
    def test_delete_one_frees_its_id(self, client: Any, agent: Any) -> None:
        """A deleted chat is gone with its session; its id then starts a new conversation."""
        say(client, agent.id, "first", "c1")
        session_id = client.agents.get_chat(agent.id, "c1").session_id
        deleted = client.agents.delete_chat(agent.id, "c1")
        assert deleted.id == "c1" and deleted.deleted
        with pytest.raises(ChatNotFoundError):
            client.agents.get_chat(agent.id, "c1")
        with pytest.raises(ChatNotFoundError):
            client.agents.delete_chat(agent.id, "c1")
        assert session_id not in [s.id for s in client.sessions.list()]
        say(client, agent.id, "fresh", "c1")
        assert client.agents.get_chat(agent.id, "c1").message_count == 2

    def test_delete_all_counts_and_leaves_other_agents(self, client: Any, agent: Any) -> None:
        other = client.agents.create(name="Other", brain="echo")
        for name in ("a", "b", "c"):
            say(client, agent.id, "hi", name)
        say(client, other.id, "hi", "a")
        result = client.agents.delete_chats(agent.id)
        assert result.agent_id == agent.id and result.deleted_count == 3
        assert list(client.agents.list_chats(agent.id)) == []
        assert [chat.id for chat in client.agents.list_chats(other.id)] == ["a"]
        assert client.agents.delete_chats(agent.id).deleted_count == 0

    def test_a_session_deleted_directly_takes_its_chat(self, client: Any, agent: Any) -> None:
        """Deleting the chat's session with the sessions operations removes the chat too."""
        say(client, agent.id, "hi", "c1")
        client.sessions.delete(client.agents.get_chat(agent.id, "c1").session_id)
        assert list(client.agents.list_chats(agent.id)) == []
        with pytest.raises(ChatNotFoundError):
            client.agents.get_chat(agent.id, "c1")
        say(client, agent.id, "back", "c1")
        assert [chat.id for chat in client.agents.list_chats(agent.id)] == ["c1"]


class TestTitle:
    def test_generate_replaces_a_title_set_by_hand(self, client: Any, agent: Any) -> None:
        words = " ".join(f"word{n}" for n in range(30))
        say(client, agent.id, words, "c1")
        chat = client.agents.get_chat(agent.id, "c1")
        client.sessions.update(chat.session_id, title="Mine")
        assert client.agents.get_chat(agent.id, "c1").title == "Mine"
        titled = client.agents.generate_chat_title(agent.id, "c1")
        assert titled.title is not None and words.startswith(titled.title)
        assert len(titled.title) <= 60
        assert client.agents.get_chat(agent.id, "c1").title == titled.title


class TestStatusStream:
    def test_an_idle_chat_says_ready_then_ends(self, client: Any, agent: Any) -> None:
        say(client, agent.id, "hi", "c1")
        with client.agents.chat_status(agent.id, "c1") as stream:
            events = list(stream)
        assert [e.type_ for e in events] == ["status", "end"]
        assert events[0].status.value == "ready" and events[0].message_count == 2
        assert events[1].reason.value == "idle"
        assert stream.end is not None and stream.status is events[0]

    def test_a_reply_under_way_is_followed_to_its_end(self, client: Any, agent: Any) -> None:
        """Streaming while the agent answers, then ready with the new message count."""
        say(client, agent.id, "hi", "c1")
        session_id = client.agents.get_chat(agent.id, "c1").session_id
        client.sessions.send(session_id, "/slow /long 40")
        with client.agents.chat_status(agent.id, "c1") as stream:
            events = [e for e in stream if e.type_ == "status"]
        assert events[0].status.value == "streaming"
        assert events[-1].status.value == "ready" and events[-1].message_count == 4
        assert stream.end is not None and stream.end.reason.value == "idle"

    def test_a_deleted_chat_ends_a_followed_stream(self, client: Any, agent: Any) -> None:
        say(client, agent.id, "hi", "c1")
        session_id = client.agents.get_chat(agent.id, "c1").session_id
        client.sessions.send(session_id, "/slow /long 200")
        started = time.monotonic()
        with client.agents.chat_status(agent.id, "c1", follow=True) as stream:
            seen = []
            for event in stream:
                seen.append(event.type_)
                if len(seen) == 1:
                    client.agents.delete_chat(agent.id, "c1")
        assert seen[0] == "status" and seen[-1] == "end"
        assert stream.end is not None and stream.end.reason.value == "deleted"
        assert time.monotonic() - started < 30


class TestStatusStreamResume:
    def test_a_cut_stream_resumes_by_state_without_loss_or_repeats(self, make_client: Any) -> None:
        """Cut after its first event, the stream resumes from that event's id: the reply's end
        still arrives, and the status seen last does not come again."""
        faults = FaultInjector()
        client = make_client(transport=faults)
        agent = client.agents.create(name="Bot", brain="scripted")
        say(client, agent.id, "hi", "c1")
        session_id = client.agents.get_chat(agent.id, "c1").session_id
        client.sessions.send(session_id, "/slow /long 40")
        faults.cut_streams.append(200)
        with client.agents.chat_status(agent.id, "c1") as stream:
            events = list(stream)
            assert stream.reconnects == 1
        statuses = [(e.status.value, e.message_count) for e in events if e.type_ == "status"]
        assert statuses[0][0] == "streaming" and statuses[-1] == ("ready", 4)
        assert all(one != after for one, after in itertools.pairwise(statuses))
        assert events[-1].type_ == "end" and events[-1].reason.value == "idle"
        reads = [seen for seen in faults.seen if seen.path.endswith("/status")]
        assert len(reads) == 2 and "last-event-id" not in reads[0].headers
        assert reads[1].headers["last-event-id"].isdigit()


class TestRefusals:
    def test_another_organization_sees_nothing(self, make_client: Any) -> None:
        """Chats of another organization's agent are 404s, never readable or deletable."""
        owner, stranger = make_client(), make_client()
        agent = owner.agents.create(name="Bot", brain="echo")
        say(owner, agent.id, "secret", "c1")
        with pytest.raises(AgentNotFoundError):
            list(stranger.agents.list_chats(agent.id))
        for call in (
            stranger.agents.get_chat,
            stranger.agents.delete_chat,
            stranger.agents.generate_chat_title,
        ):
            with pytest.raises(AgentNotFoundError):
                call(agent.id, "c1")
        with pytest.raises(AgentNotFoundError):
            stranger.agents.delete_chats(agent.id)
        with pytest.raises(AgentNotFoundError), stranger.agents.chat_status(agent.id, "c1"):
            pass
        # The same chat id in the stranger's own agent is a chat of its own.
        mine = stranger.agents.create(name="Bot", brain="echo")
        say(stranger, mine.id, "mine", "c1")
        assert owner.agents.get_chat(agent.id, "c1").messages[0].parts[0].text == "secret"

    def test_unknown_chats(self, client: Any, agent: Any) -> None:
        with pytest.raises(ChatNotFoundError):
            client.agents.get_chat(agent.id, "nope")
        with pytest.raises(ChatNotFoundError):
            client.agents.generate_chat_title(agent.id, "nope")
        with pytest.raises(ChatNotFoundError), client.agents.chat_status(agent.id, "nope"):
            pass
        with pytest.raises(AgentNotFoundError):
            client.agents.get_chat("agt_nobody", "nope")

    @pytest.mark.parametrize("chat_id", ["..", ".", "a b?c#d%e", "ünï ✓", "x" * 200])
    def test_hostile_ids_name_their_own_chat(self, client: Any, agent: Any, chat_id: str) -> None:
        """Ids of dots, of reserved or non-ASCII characters, are one chat each, never another
        resource (``..`` must not reach the agent itself)."""
        say(client, agent.id, "hi", chat_id)
        assert client.agents.get_chat(agent.id, chat_id).id == chat_id
        assert client.agents.delete_chat(agent.id, chat_id).deleted
        assert client.agents.get(agent.id).id == agent.id

    @pytest.mark.parametrize("chat_id", ["a/b", "x" * 201])
    def test_ids_that_cannot_be_named_are_refused(
        self, client: Any, agent: Any, chat_id: str
    ) -> None:
        """A chat id with ``/`` or past 200 characters is a 400 on ``id``, nothing kept."""
        with pytest.raises(ValidationError) as caught:
            say(client, agent.id, "hi", chat_id)
        assert caught.value.field == "id"
        assert list(client.agents.list_chats(agent.id)) == []
        with pytest.raises(ValidationError):
            client.agents.get_chat(agent.id, "x" * 201)
