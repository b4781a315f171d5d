"""client.sessions and the session object against the reference server, sync and async."""

from __future__ import annotations

import time
from typing import Any

import pytest

import agentkit
from agentkit.tools import client_tool
from agentkit.types import (
    ErrorBlock,
    SessionStatus,
    SessionStopEvent,
    SessionToolCallEvent,
    SessionWarningEvent,
    TextPart,
)

POLICY = "Refunds are paid within five business days after the parcel arrives back."


@client_tool
def lookup_order(order_id: str) -> dict[str, str]:
    """Look up an order.

    Args:
        order_id: The order's number.
    """
    return {"status": "shipped"}


@pytest.fixture
def agent(client: Any) -> Any:
    return client.agents.create(name="Scripted", brain="scripted")


@pytest.fixture
def index(client: Any) -> Any:
    index = client.indexes.create("Policies")
    client.indexes.add_document(index.id, POLICY, title="Refunds")
    return index


def _text(message: Any) -> str:
    return "".join(block.content for block in message.content if isinstance(block, TextPart))


def _events(client: Any, session_id: str) -> list[Any]:
    return list(client.sessions.history(session_id))


class TestSessionLifecycle:
    def test_a_new_session_has_not_started(self, client: Any, agent: Any) -> None:
        """A created session is not_started, unlocked, at event 0, with zero usage."""
        session = client.sessions.create(
            agent.id, system_prompt="Be brief.", client_tools=[lookup_order], metadata={"k": 1}
        )
        assert session.id.startswith("ses_")
        assert session.status == SessionStatus.NOT_STARTED
        assert (session.indexes_locked, session.last_event_id, session.continuation_token) == (
            False,
            0,
            "0",
        )
        assert (session.messages, session.message_count, session.usage.total_tokens) == ([], 0, 0)
        assert session.system_prompt == "Be brief."
        assert [tool.to_dict() for tool in session.client_tools] == [lookup_order.spec.to_dict()]

    def test_get_summary_list_and_delete(self, client: Any, agent: Any) -> None:
        """A session can be fetched, summarised, listed by agent, and deleted."""
        other = client.agents.create(name="Other", brain="echo")
        first = client.sessions.create(agent.id, title="First")
        second = client.sessions.create(agent.id)
        client.sessions.create(other.id)
        assert client.sessions.get(first.id).title == "First"
        summary = client.sessions.summary(first.id)
        assert (summary.id, summary.title, summary.message_count) == (first.id, "First", 0)
        listed = [item.id for item in client.sessions.list(agent=agent.id, page_size=1)]
        assert listed == [first.id, second.id]
        assert len(list(client.sessions.list())) == 3
        assert client.sessions.delete(first.id).deleted is True
        with pytest.raises(agentkit.SessionNotFoundError):
            client.sessions.get(first.id)

    def test_the_first_message_names_the_session(self, client: Any, agent: Any) -> None:
        """The first message's first words (60 characters at most) become the title."""
        words = "Please explain how the refund policy works for parcels sent from abroad today"
        session = client.sessions.start(agent.id, words).await_user_turn()
        assert session.record.generated_title == session.title
        assert len(session.title) <= 60 and not session.title.endswith(" ")
        assert words.startswith(session.title)

    def test_update_changes_fields_and_none_clears(self, client: Any, agent: Any) -> None:
        """Updated fields change; None clears the title back to the generated one."""
        session = client.sessions.start(agent.id, "Hello there").await_user_turn()
        updated = client.sessions.update(session.id, title="Mine", metadata={"tier": "gold"})
        assert (updated.title, updated.metadata.to_dict()) == ("Mine", {"tier": "gold"})
        cleared = client.sessions.update(session.id, title=None)
        assert cleared.title == cleared.generated_title == "Hello there"

    def test_unknown_agent_and_index_are_refused(self, client: Any, agent: Any, index: Any) -> None:
        """An unknown agent or index is a 404 naming the field."""
        with pytest.raises(agentkit.AgentNotFoundError) as agent_error:
            client.sessions.create("agt_nope")
        assert agent_error.value.field == "agent_id"
        with pytest.raises(agentkit.IndexNotFoundError) as index_error:
            client.sessions.create(agent.id, index_ids=[index.id, "idx_nope"])
        assert index_error.value.field == "index_ids[1]"

    def test_usage_and_message_count_accumulate(self, client: Any, agent: Any) -> None:
        """Each turn's usage adds to the session's, and every message is counted."""
        session = client.sessions.create(agent.id)
        stops = []
        for words in ["one two three", "four five"]:
            with client.sessions.stream_send(session.id, words) as stream:
                stops.append(stream.until_stop())
        summary = client.sessions.summary(session.id)
        assert summary.message_count == 4
        assert summary.usage.turns == 2
        assert summary.usage.total_tokens == sum(stop.usage.total_tokens for stop in stops)
        assert summary.usage.input_tokens == sum(stop.usage.input_tokens for stop in stops)


class TestIndexBinding:
    def test_indexes_lock_with_the_first_message(self, client: Any, agent: Any, index: Any) -> None:
        """After the first message a bound session's indexes cannot change (but may be restated)."""
        other = client.indexes.create("Other")
        session = client.sessions.create(agent.id, index_ids=[index.id])
        client.sessions.update(session.id, index_ids=[other.id])
        client.sessions.update(session.id, index_ids=[index.id])
        started = client.sessions.send(session.id, "refunds?")
        assert started.indexes_locked is True
        client.sessions.open(session.id).await_user_turn()
        with pytest.raises(agentkit.SessionIndexesLockedError):
            client.sessions.update(session.id, index_ids=[other.id])
        assert client.sessions.update(session.id, index_ids=[index.id]).index_ids == [index.id]

    def test_a_bound_session_refuses_other_indexes_per_message(
        self, client: Any, agent: Any, index: Any
    ) -> None:
        """A message naming indexes other than the session's is SESSION_INDEXES_LOCKED."""
        other = client.indexes.create("Other")
        session = client.sessions.create(agent.id, index_ids=[index.id])
        with pytest.raises(agentkit.SessionIndexesLockedError):
            client.sessions.send(session.id, "refunds?", index_ids=[other.id])
        assert client.sessions.get(session.id).message_count == 0

    def test_an_unbound_session_retrieves_from_the_messages_indexes(
        self, client: Any, agent: Any, index: Any
    ) -> None:
        """Each message of an unbound session may name the indexes to search."""
        session = client.sessions.create(agent.id)
        with client.sessions.stream_send(
            session.id, "When are refunds paid?", index_ids=[index.id]
        ) as stream:
            events = list(stream)
        (call,) = [event for event in events if isinstance(event, SessionToolCallEvent)]
        assert call.input_.to_dict() == {"query": "When are refunds paid?", "index_ids": [index.id]}
        assert stream.text.startswith('According to "Refunds"')
        with client.sessions.stream_send(session.id, "And now?") as stream:
            assert stream.collect_text() == "You said: And now?"

    def test_unusable_indexes_are_skipped_with_a_warning(
        self, client: Any, agent: Any, index: Any
    ) -> None:
        """Unknown and empty indexes are skipped: a warning each, listed in the stop."""
        empty = client.indexes.create("Empty")
        session = client.sessions.create(agent.id)
        with client.sessions.stream_send(
            session.id, "refunds", index_ids=[index.id, "idx_gone", empty.id]
        ) as stream:
            events = list(stream)
        warnings = [event for event in events if isinstance(event, SessionWarningEvent)]
        assert [(warning.code, warning.index_id) for warning in warnings] == [
            ("INDEX_SKIPPED", "idx_gone"),
            ("INDEX_SKIPPED", empty.id),
        ]
        assert stream.stop.skipped_index_ids == ["idx_gone", empty.id]
        assert stream.text.startswith('According to "Refunds"')

    def test_require_all_indexes_refuses_and_stores_nothing(
        self, client: Any, agent: Any, index: Any
    ) -> None:
        """With require_all_indexes an unknown index refuses the message up front."""
        session = client.sessions.create(agent.id)
        with pytest.raises(agentkit.IndexNotFoundError) as caught:
            client.sessions.send(
                session.id, "refunds", index_ids=["idx_gone", index.id], require_all_indexes=True
            )
        assert caught.value.field == "index_ids[0]"
        after = client.sessions.get(session.id)
        assert (after.message_count, after.last_event_id, after.status) == (
            0,
            0,
            SessionStatus.NOT_STARTED,
        )

    def test_a_bound_index_deleted_later_is_skipped(
        self, client: Any, agent: Any, index: Any
    ) -> None:
        """A bound index deleted after creation is skipped with a warning, the turn still answers."""
        session = client.sessions.create(agent.id, index_ids=[index.id])
        client.indexes.delete(index.id)
        with client.sessions.stream_send(session.id, "refunds?") as stream:
            events = list(stream)
        assert [event.index_id for event in events if isinstance(event, SessionWarningEvent)] == [
            index.id
        ]
        assert stream.stop.skipped_index_ids == [index.id]


class TestTurns:
    def test_send_answers_at_once_and_the_turn_runs_on(self, client: Any, agent: Any) -> None:
        """send returns in agent_turn with the user's message stored; the answer follows."""
        session = client.sessions.create(agent.id)
        sent = client.sessions.send(session.id, "Hello agent")
        assert sent.status == SessionStatus.AGENT_TURN
        assert sent.messages[0].role == "user" and _text(sent.messages[0]) == "Hello agent"
        done = client.sessions.open(session.id).await_user_turn()
        assert done.is_user_turn()
        assert _text(done.latest_message) == "You said: Hello agent"

    def test_a_busy_session_refuses_messages(self, make_client: Any) -> None:
        """While the agent's turn runs, another message is SESSION_BUSY, at once: the server
        marks the conflict final (x-should-retry: false), so the SDK does not retry it."""
        retries: list[Any] = []
        client = make_client(on_retry=retries.append)
        agent = client.agents.create(name="Slow", brain="scripted")
        session = client.sessions.start(agent.id, "/slow /long 40")
        with pytest.raises(agentkit.SessionBusyError) as caught:
            session.send_text("again")
        assert caught.value.status_code == 409
        assert retries == []
        session.cancel()

    def test_cancel_keeps_the_partial_answer(self, client: Any, agent: Any) -> None:
        """Cancelling a slow turn ends its message cancelled, with the text so far."""
        session = client.sessions.start(agent.id, "/slow /long 200")
        with client.sessions.events(session.id) as stream:
            for event in stream:
                if event.type_ == "text_delta" and event.content == "tok2 ":
                    break
        cancelled = session.cancel()
        assert cancelled.is_user_turn()
        message = cancelled.latest_message
        assert str(message.status) == "cancelled"
        assert _text(message).startswith("tok0 tok1 tok2 ")
        stop = _events(client, session.id)[-1]
        assert isinstance(stop, SessionStopEvent)
        assert (str(stop.reason), stop.status) == ("cancelled", SessionStatus.USER_TURN)

    def test_cancel_of_an_idle_session_changes_nothing(self, client: Any, agent: Any) -> None:
        """Cancelling when no turn runs leaves the session as it was."""
        session = client.sessions.start(agent.id, "hi").await_user_turn()
        before = client.sessions.get(session.id)
        after = session.cancel()
        assert after.record.to_dict() == before.to_dict()

    def test_a_failing_turn_raises_agent_failed(self, client: Any, agent: Any) -> None:
        """`/error` raises AgentFailedError; the message ends failed with an error block."""
        session = client.sessions.create(agent.id)
        with pytest.raises(agentkit.AgentFailedError) as caught:
            with client.sessions.stream_send(session.id, "please /error") as stream:
                list(stream)
        assert caught.value.code == "AGENT_ERROR"
        assert stream.stop.is_error is True and str(stream.stop.reason) == "error"
        final = client.sessions.get(session.id)
        assert final.status == SessionStatus.USER_TURN
        message = final.messages[-1]
        assert str(message.status) == "failed"
        assert isinstance(message.content[-1], ErrorBlock)
        assert message.content[-1].error_code == "AGENT_ERROR"

    def test_deleting_a_running_session_stops_it(self, client: Any, agent: Any) -> None:
        """A session deleted mid-turn is gone, events and all."""
        session = client.sessions.start(agent.id, "/slow /long 200")
        session.delete()
        with pytest.raises(agentkit.SessionNotFoundError):
            client.sessions.get(session.id)
        with pytest.raises(agentkit.SessionNotFoundError):
            _events(client, session.id)

    def test_an_empty_message_is_refused_before_sending(self, make_client: Any) -> None:
        """An empty message raises ValidationError with its field, and nothing is sent."""
        seen: list[Any] = []
        client = make_client(on_request=seen.append)
        with pytest.raises(agentkit.ValidationError) as caught:
            client.sessions.send("ses_any", "")
        assert caught.value.field == "message.parts[0].content"
        with pytest.raises(agentkit.ValidationError):
            client.sessions.stream_send("ses_any", [])
        assert seen == []


class TestDeltas:
    def test_a_delta_lists_changed_messages_whole(self, client: Any, agent: Any) -> None:
        """After a token, the delta holds exactly the messages changed since, in index order."""
        session = client.sessions.start(agent.id, "first").await_user_turn()
        token = session.record.continuation_token
        assert client.sessions.delta(session.id, token).messages == []
        session.send_text("second").await_user_turn()
        delta = client.sessions.delta(session.id, token)
        assert [message.index for message in delta.messages] == [2, 3]
        full = client.sessions.get(session.id)
        assert [message.to_dict() for message in delta.messages] == [
            message.to_dict() for message in full.messages[2:]
        ]
        assert delta.status == SessionStatus.USER_TURN
        assert delta.continuation_token == full.continuation_token != token

    def test_without_a_token_everything_is_new(self, client: Any, agent: Any) -> None:
        """A delta with no token lists every message."""
        session = client.sessions.start(agent.id, "hi").await_user_turn()
        delta = client.sessions.delta(session.id)
        assert [message.index for message in delta.messages] == [0, 1]

    def test_refresh_brings_the_object_up_to_date(self, client: Any, agent: Any) -> None:
        """Polling refresh() ends with the object's messages equal to a fresh GET."""
        session = client.sessions.start(agent.id, "/long 30")
        while session.refresh().is_agent_turn():
            time.sleep(0.02)
        fresh = client.sessions.get(session.id)
        assert [message.to_dict() for message in session.messages] == [
            message.to_dict() for message in fresh.messages
        ]
        assert session.usage.to_dict() == fresh.usage.to_dict()
        assert session.record.continuation_token == fresh.continuation_token
        again = session.refresh()
        assert [message.to_dict() for message in again.messages] == [
            message.to_dict() for message in fresh.messages
        ]

    def test_await_user_turn_times_out_with_a_typed_error(self, client: Any, agent: Any) -> None:
        """A turn longer than the timeout raises SessionTimeoutError, also a TimeoutError."""
        session = client.sessions.start(agent.id, "/slow /long 100")
        with pytest.raises(TimeoutError) as caught:
            session.await_user_turn(timeout=0.2, tick=0.05)
        assert isinstance(caught.value, agentkit.SessionTimeoutError)
        assert session.is_agent_turn()
        session.cancel()

    def test_the_object_reports_whose_turn_it_is(self, client: Any, agent: Any) -> None:
        """is_not_started, is_agent_turn and is_user_turn follow the session's status."""
        session = client.sessions.start(agent.id)
        assert session.is_not_started() and session.latest_message is None
        session.send_text("hello")
        assert session.is_agent_turn()
        session.await_user_turn()
        assert session.is_user_turn() and not session.is_client_tool_turn()
        assert (
            session.transcript
            == "User: hello\n\nAssistant: (thinking) The user asks: hello. I will answer directly.\nYou said: hello"
        )


class TestRequestsMade:
    def test_making_objects_sends_nothing_and_open_sends_one_get(self, make_client: Any) -> None:
        """Streams and session objects are lazy; open() is exactly one GET of the session."""
        seen: list[Any] = []
        client = make_client(on_request=seen.append)
        agent = client.agents.create(name="Scripted", brain="scripted")
        session = client.sessions.create(agent.id)
        before = len(seen)
        client.sessions.stream_send(session.id, "hi")
        client.sessions.events(session.id)
        assert len(seen) == before
        opened = client.sessions.open(session.id)
        assert [(info.method, info.url.rsplit("/", 1)[-1]) for info in seen[before:]] == [
            ("GET", session.id)
        ]
        assert opened.record.to_dict() == client.sessions.get(session.id).to_dict()

    def test_raw_responses_show_status_and_idempotency_key(self, client: Any, agent: Any) -> None:
        """with_raw_response gives the 202 of a send with the key it carried."""
        session = client.sessions.create(agent.id)
        raw = client.sessions.send.with_raw_response(session.id, "hi", idempotency_key="send-1")
        assert (raw.status_code, raw.idempotency_key) == (202, "send-1")
        assert raw.parsed.status == SessionStatus.AGENT_TURN
        assert raw.request_id
