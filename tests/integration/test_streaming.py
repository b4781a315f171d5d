"""Streamed chat replies: typed events, helpers, errors, resume and connection release."""

from __future__ import annotations

from typing import Any

import pytest

import agentkit
from agentkit.types import ChatContentEvent, ChatDoneEvent, ChatMetadataEvent, ChatStatus
from tests.faults import FaultInjector


@pytest.fixture
def echo(client: Any) -> Any:
    return client.agents.create(name="Echo", brain="echo")


@pytest.fixture
def scripted(client: Any) -> Any:
    return client.agents.create(name="Scripted", brain="scripted")


class TestEvents:
    def test_start_stream_yields_typed_events_in_order(self, client: Any, echo: Any) -> None:
        """metadata first, content deltas that rebuild the text, done with the final chat last."""
        with client.chats.stream_start(echo.id, "Tell me a story please") as stream:
            events = list(stream)
        assert isinstance(events[0], ChatMetadataEvent)
        assert all(isinstance(event, ChatContentEvent) for event in events[1:-1])
        assert len(events) > 3
        assert "".join(event.delta for event in events[1:-1]) == "Tell me a story please"
        done = events[-1]
        assert isinstance(done, ChatDoneEvent)
        assert done.chat.id == events[0].chat_id
        assert done.chat.status == ChatStatus.ACTIVE

    def test_text_deltas_and_collect(self, client: Any, echo: Any) -> None:
        """text_deltas yields only text; the stream keeps the reply and the final chat."""
        chat = client.chats.start(echo.id, "hi")
        with client.chats.stream_message(chat.id, "My account is locked") as stream:
            deltas = list(stream.text_deltas())
            assert "".join(deltas) == "My account is locked" == stream.text
            assert stream.final_chat.id == chat.id
            assert stream.chat_id == chat.id

    def test_until_done_returns_the_chat(self, client: Any, echo: Any) -> None:
        """until_done reads to the end and returns the final chat."""
        stream = client.chats.stream_start(echo.id, "one two")
        final = stream.until_done()
        assert final.message.parts[0].content == "one two"
        assert stream.text == "one two"

    def test_error_event_raises_its_mapped_exception(self, client: Any, scripted: Any) -> None:
        """A server error event ends the stream with the typed exception of its code."""
        with client.chats.stream_start(scripted.id, "please /error") as stream:
            with pytest.raises(agentkit.AgentFailedError) as caught:
                list(stream)
        assert caught.value.code == "AGENT_ERROR"

    def test_request_errors_raise_before_streaming(self, client: Any) -> None:
        """A stream whose request fails raises the mapped error when opened."""
        with pytest.raises(agentkit.ChatNotFoundError):
            with client.chats.stream_message("chat_missing", "hi"):
                pass

    def test_breaking_out_releases_the_connection(self, client: Any, scripted: Any) -> None:
        """Leaving the with-block early closes the response."""
        with client.chats.stream_start(scripted.id, "/long 200") as stream:
            for _ in stream:
                break
        assert stream.response.is_closed

    def test_follow_a_chat_from_an_event_id(self, client: Any, echo: Any) -> None:
        """chats.events replays the stored events after a given id, the same as streamed."""
        with client.chats.stream_start(echo.id, "alpha beta gamma") as stream:
            streamed = [event.to_dict() for event in stream]
            chat_id = stream.chat_id
        replayed = [event.to_dict() for event in client.chats.events(chat_id, after="1")]
        assert replayed == streamed[1:]


class TestResume:
    def test_cut_stream_resumes_without_loss_or_duplicates(self, make_client: Any) -> None:
        """A stream cut several times mid-way resumes with Last-Event-ID and loses nothing."""
        faults = FaultInjector(cut_streams=[300, 700, 500])
        client = make_client(transport=faults)
        agent = client.agents.create(name="Long", brain="scripted")
        with client.chats.stream_start(agent.id, "/long 60") as stream:
            events = [event.to_dict() for event in stream]
            assert stream.reconnects == 3
            chat_id = stream.chat_id
        deltas = [event["delta"] for event in events if event["type"] == "content"]
        assert deltas == [f"tok{i} " for i in range(60)]
        stored = [event.to_dict() for event in client.chats.events(chat_id)]
        assert events == stored
        posts = [seen for seen in faults.seen if seen.path == "/v1/chats/stream"]
        assert len(posts) == 4
        assert len({seen.headers["idempotency-key"] for seen in posts}) == 1
        assert "last-event-id" not in posts[0].headers
        assert all(seen.headers.get("last-event-id") for seen in posts[1:])

    def test_resume_gives_up_after_the_limit(self, make_client: Any) -> None:
        """A stream that keeps dropping fails with APIConnectionError after its reconnects."""
        faults = FaultInjector(cut_streams=[200] * 10)
        client = make_client(transport=faults, max_stream_reconnects=2)
        agent = client.agents.create(name="Long", brain="scripted")
        with pytest.raises(agentkit.APIConnectionError):
            with client.chats.stream_start(agent.id, "/long 500") as stream:
                list(stream)


class TestIdleTimeout:
    def test_a_silent_stream_times_out(self, make_client: Any) -> None:
        """No event within stream_idle_timeout raises APITimeoutError."""
        client = make_client(stream_idle_timeout=0.01, max_retries=0)
        agent = client.agents.create(name="Slow", brain="scripted")
        with pytest.raises(agentkit.APITimeoutError):
            with client.chats.stream_start(agent.id, "/slow /long 20") as stream:
                list(stream)
