"""Session event streams: typed events, replay, resume after cuts, the object's streams, and
the Vercel AI SDK UI message stream."""

from __future__ import annotations

import json
from typing import Any

import pytest

import agentkit
from agentkit.parts import image
from agentkit.types import (
    SessionErrorEvent,
    SessionStopEvent,
    SessionTextDeltaEvent,
    SessionTextEvent,
    SessionThinkingDeltaEvent,
    SessionThinkingEvent,
    SessionToolCallEvent,
    SessionToolResultEvent,
    SessionUserInputEvent,
)
from tests.faults import FaultInjector

KNOWN = (
    SessionUserInputEvent,
    SessionTextDeltaEvent,
    SessionThinkingDeltaEvent,
    SessionTextEvent,
    SessionThinkingEvent,
    SessionToolCallEvent,
    SessionToolResultEvent,
    SessionErrorEvent,
    SessionStopEvent,
)
ARTICLES = {
    "Refunds": "Refunds are paid to the original card within five business days.",
    "Shipping": "Express shipping arrives the next business day in most cities.",
    "Warranty": "Laptops carry a two year warranty on the battery and the screen.",
    "Returns": "Items may be returned within thirty days for a refund of the price.",
}


@pytest.fixture
def agent(client: Any) -> Any:
    return client.agents.create(name="Scripted", brain="scripted")


@pytest.fixture
def index(client: Any) -> Any:
    index = client.indexes.create("Help centre")
    for title, text in ARTICLES.items():
        client.indexes.add_document(index.id, text, title=title)
    return index


def _dicts(events: list[Any]) -> list[dict[str, Any]]:
    return [event.to_dict() for event in events]


class TestStreamedTurn:
    def test_events_are_typed_ordered_and_numbered(
        self, client: Any, agent: Any, index: Any
    ) -> None:
        """A retrieval turn runs user_input .. stop, ids counting up by one, each a known model."""
        session = client.sessions.create(agent.id, index_ids=[index.id])
        with client.sessions.stream_send(session.id, "How fast are refunds paid?") as stream:
            events = list(stream)
        assert all(isinstance(event, KNOWN) for event in events)
        assert isinstance(events[0], SessionUserInputEvent)
        assert events[0].content[0].content == "How fast are refunds paid?"
        assert isinstance(events[-1], SessionStopEvent)
        assert [event.id for event in events] == list(range(1, len(events) + 1))
        assert {event.session_id for event in events} == {session.id}
        kinds = [event.type_ for event in events]
        assert kinds.index("thinking") < kinds.index("tool_call") < kinds.index("tool_result")
        assert kinds.index("tool_result") < kinds.index("text_delta") < kinds.index("text")
        thinking = [event for event in events if isinstance(event, SessionThinkingEvent)]
        deltas = [event.content for event in events if isinstance(event, SessionThinkingDeltaEvent)]
        assert "".join(deltas) == thinking[0].content
        assert thinking[0].content.endswith("I will search 1 index.")

    def test_retrieval_is_a_tool_call_and_the_answer_cites_it(
        self, client: Any, agent: Any, index: Any
    ) -> None:
        """The retrieval's call and result are events, and the answer cites the best chunk."""
        session = client.sessions.create(agent.id, index_ids=[index.id])
        with client.sessions.stream_send(session.id, "express shipping next day") as stream:
            events = list(stream)
        (call,) = [event for event in events if isinstance(event, SessionToolCallEvent)]
        (result,) = [event for event in events if isinstance(event, SessionToolResultEvent)]
        assert (call.tool_name, call.client) == ("retrieve", False)
        assert call.input_.to_dict() == {
            "query": "express shipping next day",
            "index_ids": [index.id],
        }
        assert (result.tool_use_id, str(result.status), result.client) == (
            call.tool_use_id,
            "success",
            False,
        )
        chunks = result.output.to_dict()["chunks"]
        assert 1 <= len(chunks) <= 3
        assert [chunk["score"] for chunk in chunks] == sorted(
            (chunk["score"] for chunk in chunks), reverse=True
        )
        best = chunks[0]
        assert best["title"] == "Shipping"
        (text,) = [event for event in events if isinstance(event, SessionTextEvent)]
        expected = f'According to "Shipping" [{best["document_id"]}]: {ARTICLES["Shipping"]}'
        assert text.content == stream.text == expected
        assert text.message_index > call.message_index

    def test_stream_helpers(self, client: Any, agent: Any) -> None:
        """text_deltas, text, stop, usage, until_stop and collect_text read the same turn."""
        session = client.sessions.create(agent.id)
        with client.sessions.stream_send(session.id, "alpha beta") as stream:
            deltas = list(stream.text_deltas())
            assert "".join(deltas) == stream.text == "You said: alpha beta"
            assert stream.stop.reason == "end_turn" and stream.stop.status == "user_turn"
            assert stream.usage.to_dict() == stream.stop.usage.to_dict()
            assert stream.usage.turns == 1
        with client.sessions.stream_send(session.id, "gamma") as stream:
            stop = stream.until_stop()
            assert stop.id == int(stream.last_event_id)
            assert stream.stop is stop
        assert client.sessions.stream_send(session.id, "delta").collect_text() == "You said: delta"

    def test_a_failed_turn_delivers_its_events_then_raises(self, client: Any, agent: Any) -> None:
        """The error event and the stop arrive before AgentFailedError is raised."""
        session = client.sessions.create(agent.id)
        received: list[Any] = []
        with pytest.raises(agentkit.AgentFailedError):
            with client.sessions.stream_send(session.id, "/error") as stream:
                for event in stream:
                    received.append(event)
        assert [event.type_ for event in received[-2:]] == ["error", "stop"]
        assert received[-2].error.code == "AGENT_ERROR"
        assert _dicts(received) == _dicts(list(client.sessions.history(session.id)))

    def test_request_errors_raise_when_the_stream_opens(self, client: Any) -> None:
        """A stream whose request fails raises the mapped error on entering."""
        with pytest.raises(agentkit.SessionNotFoundError):
            with client.sessions.stream_send("ses_missing", "hi"):
                pass


class TestReplay:
    def test_events_from_any_id_equal_the_history(
        self, client: Any, agent: Any, index: Any
    ) -> None:
        """Replaying after any event id gives the stored events after it, exactly."""
        session = client.sessions.create(agent.id, index_ids=[index.id])
        client.sessions.stream_send(session.id, "refunds and returns").until_stop()
        client.sessions.stream_send(session.id, "/long 5").until_stop()
        history = _dicts(list(client.sessions.history(session.id, page_size=7)))
        assert [event["id"] for event in history] == list(range(1, len(history) + 1))
        for after in [0, 1, 9, len(history) - 1, len(history)]:
            replayed = _dicts(list(client.sessions.events(session.id, after=after)))
            assert replayed == history[after:], after

    def test_replay_of_a_failed_turn_can_read_through(self, client: Any, agent: Any) -> None:
        """events() raises at a failed turn's stop unless raise_on_error is off."""
        session = client.sessions.create(agent.id)
        client.sessions.stream_send(session.id, "fine").until_stop()
        with pytest.raises(agentkit.AgentFailedError):
            client.sessions.stream_send(session.id, "/error").until_stop()
        client.sessions.stream_send(session.id, "fine again").until_stop()
        with pytest.raises(agentkit.AgentFailedError):
            list(client.sessions.events(session.id))
        everything = list(client.sessions.events(session.id, raise_on_error=False))
        assert _dicts(everything) == _dicts(list(client.sessions.history(session.id)))
        assert sum(isinstance(event, SessionErrorEvent) for event in everything) == 1


class TestResume:
    def test_a_cut_stream_resumes_without_loss_or_duplicates(self, make_client: Any) -> None:
        """A turn's stream cut three times arrives whole: the same events as the history."""
        faults = FaultInjector(cut_streams=[300, 900, 500])
        client = make_client(transport=faults)
        agent = client.agents.create(name="Long", brain="scripted")
        session = client.sessions.create(agent.id)
        with client.sessions.stream_send(session.id, "/long 60") as stream:
            events = _dicts(list(stream))
            assert stream.reconnects == 3
        deltas = [event["content"] for event in events if event["type"] == "text_delta"]
        assert deltas == [f"tok{number} " for number in range(60)]
        assert events == _dicts(list(client.sessions.history(session.id)))
        posts = [seen for seen in faults.seen if seen.path.endswith("/messages/stream")]
        assert len(posts) == 4
        assert len({seen.headers["idempotency-key"] for seen in posts}) == 1
        assert "last-event-id" not in posts[0].headers
        resumed_from = [int(seen.headers["last-event-id"]) for seen in posts[1:]]
        assert resumed_from == sorted(resumed_from) and resumed_from[0] > 0

    def test_a_cut_tool_results_stream_resumes(self, make_client: Any) -> None:
        """The stream after submitting tool results resumes the same way."""
        faults = FaultInjector()
        client = make_client(transport=faults)
        agent = client.agents.create(name="Tools", brain="scripted")
        session = client.sessions.create(
            agent.id, client_tools=[{"name": "echo", "input_schema": {"type": "object"}}]
        )
        client.sessions.stream_send(session.id, "/tool echo {}").until_stop()
        (call,) = client.sessions.open(session.id).pending_tool_calls
        faults.cut_streams = [200, 300]
        results = [{"tool_use_id": call.tool_use_id, "status": "success", "output": {"x": 1}}]
        with client.sessions.stream_tool_results(session.id, results) as stream:
            events = _dicts(list(stream))
            assert stream.reconnects == 2
        assert events[0]["type"] == "tool_result" and events[-1]["type"] == "stop"
        stored = _dicts(list(client.sessions.history(session.id)))
        assert events == stored[-len(events) :]

    def test_replay_resumes_with_last_event_id(self, make_client: Any) -> None:
        """events() cut mid-way resumes with a GET carrying Last-Event-ID and loses nothing."""
        faults = FaultInjector()
        client = make_client(transport=faults)
        agent = client.agents.create(name="Long", brain="scripted")
        session = client.sessions.create(agent.id)
        client.sessions.stream_send(session.id, "/long 40").until_stop()
        faults.cut_streams = [400, 400]
        replayed = _dicts(list(client.sessions.events(session.id)))
        assert replayed == _dicts(list(client.sessions.history(session.id)))
        gets = [seen for seen in faults.seen if seen.path.endswith("/events")]
        assert len(gets) == 3
        assert all(seen.headers.get("last-event-id") for seen in gets[1:])


class TestSessionObjectStreams:
    def test_stream_yields_the_text_of_the_turn_in_progress(self, client: Any, agent: Any) -> None:
        """After start(message), stream() yields the whole answer, then the object is current."""
        session = client.sessions.start(agent.id, "/long 25")
        text = "".join(session.stream())
        assert text == "".join(f"tok{number} " for number in range(25))
        assert session.is_user_turn()
        fresh = client.sessions.get(session.id)
        assert [message.to_dict() for message in session.messages] == [
            message.to_dict() for message in fresh.messages
        ]
        assert list(session.stream()) == []

    def test_stream_events_continue_after_what_was_seen(self, client: Any, agent: Any) -> None:
        """Each turn's stream_events() starts at that turn's user_input and ends at its stop."""
        session = client.sessions.start(agent.id, "first")
        first = list(session.stream_events())
        session.send_text("second")
        second = list(session.stream_events())
        for turn, words in [(first, "first"), (second, "second")]:
            assert isinstance(turn[0], SessionUserInputEvent)
            assert turn[0].content[0].content == words
            assert isinstance(turn[-1], SessionStopEvent)
        assert second[0].id == first[-1].id + 1
        assert _dicts(first + second) == _dicts(list(client.sessions.history(session.id)))

    def test_a_failed_turn_raises_from_the_object_and_it_stays_current(
        self, client: Any, agent: Any
    ) -> None:
        """stream() raises the turn's error after its stop; the object has refreshed."""
        session = client.sessions.start(agent.id, "/error")
        with pytest.raises(agentkit.AgentFailedError):
            list(session.stream())
        assert session.is_user_turn()
        assert str(session.latest_message.status) == "failed"


class TestUIMessageStream:
    def test_chunks_follow_the_ai_sdk_protocol(self, client: Any, agent: Any) -> None:
        """The UI stream starts with start, closes steps and parts, and ends with finish."""
        session = client.sessions.create(agent.id)
        with client.sessions.stream_ui(session.id, "hello there") as stream:
            chunks = list(stream)
            assert stream.headers["x-vercel-ai-ui-message-stream"] == "v1"
            assert stream.headers["content-type"].startswith("text/event-stream")
        kinds = [chunk["type"] for chunk in chunks]
        assert kinds[0] == "start" and kinds[-1] == "finish"
        assert kinds.count("start-step") == kinds.count("finish-step") >= 1
        assert chunks[-1]["finishReason"] == "stop"
        assert chunks[-1]["messageMetadata"]["session_id"] == session.id
        text = "".join(chunk["delta"] for chunk in chunks if chunk["type"] == "text-delta")
        assert text == "You said: hello there"
        reasoning = [chunk for chunk in chunks if chunk["type"].startswith("reasoning")]
        assert (
            reasoning[0]["type"] == "reasoning-start" and reasoning[-1]["type"] == "reasoning-end"
        )
        fresh = client.sessions.get(session.id)
        assert chunks[0]["messageId"] == fresh.messages[1].id

    def test_raw_bytes_can_be_proxied(self, client: Any, agent: Any) -> None:
        """aiter/iter_bytes gives the body as sent: data lines of JSON ending with [DONE]."""
        session = client.sessions.create(agent.id)
        request = {
            "id": "chat-1",
            "trigger": "submit-message",
            "messages": [{"id": "m1", "role": "user", "parts": [{"type": "text", "text": "hi"}]}],
        }
        with client.sessions.stream_ui(session.id, request) as stream:
            sync = isinstance(stream, agentkit.UIMessageStream)
            body = b"".join(stream.iter_bytes() if sync else stream.aiter_bytes())
        assert body.endswith(b"data: [DONE]\n\n")
        frames = [frame for frame in body.decode().split("\n\n") if frame]
        assert all(frame.startswith("data: ") for frame in frames)
        chunks = [json.loads(frame[6:]) for frame in frames[:-1]]
        assert chunks[-1]["type"] == "finish"
        assert client.sessions.get(session.id).messages[0].content[0].content == "hi"

    def test_only_text_can_be_sent(self, make_client: Any) -> None:
        """A message with an image part is refused before sending: the UI stream takes text."""
        seen: list[Any] = []
        client = make_client(on_request=seen.append)
        with pytest.raises(agentkit.ValidationError):
            client.sessions.stream_ui("ses_any", ["look", image(b"\x89PNG", "image/png")])
        assert seen == []
