"""Session events: decoding SSE events, unknown types, and what a turn's events amount to."""

from __future__ import annotations

import json
from typing import Any

import pytest
from agentkit_api.models import SessionEventList

import agentkit
from agentkit._compat import UnknownPart, parse_model
from agentkit._events import parse_session_event, stored_session_event
from agentkit._session_state import TurnRecorder
from agentkit._sse import ServerSentEvent
from agentkit.types import (
    SessionErrorEvent,
    SessionStopEvent,
    SessionTextDeltaEvent,
    SessionUserInputEvent,
    UnknownEvent,
)

_USAGE = {"input_tokens": 1, "output_tokens": 2, "total_tokens": 3, "turns": 1, "duration_ms": 5}


def _sse(payload: dict[str, Any]) -> ServerSentEvent:
    payload = {"session_id": "ses_1", **payload}
    return ServerSentEvent(event=payload["type"], data=json.dumps(payload), id=str(payload["id"]))


def _stop(event_id: int, reason: str = "end_turn", **extra: Any) -> ServerSentEvent:
    return _sse(
        {
            "type": "stop",
            "id": event_id,
            "reason": reason,
            "status": "user_turn",
            "is_error": reason == "error",
            "usage": _USAGE,
            "skipped_index_ids": [],
            **extra,
        }
    )


def _error(event_id: int, code: str = "AGENT_ERROR") -> ServerSentEvent:
    error = {"code": code, "message": "the model failed"}
    return _sse({"type": "error", "id": event_id, "message_index": 1, "error": error})


def _delta(event_id: int, text: str) -> ServerSentEvent:
    return _sse({"type": "text_delta", "id": event_id, "message_index": 1, "content": text})


class TestParsing:
    def test_known_events_become_their_models(self) -> None:
        """Each event name is decoded into its Session*Event model with its id."""
        user_input = parse_session_event(
            _sse(
                {
                    "type": "user_input",
                    "id": 1,
                    "message_index": 0,
                    "content": [{"type": "text", "content": "hi"}],
                }
            )
        )
        assert isinstance(user_input, SessionUserInputEvent)
        assert user_input.id == 1 and user_input.content[0].content == "hi"
        stop = parse_session_event(_stop(7))
        assert isinstance(stop, SessionStopEvent)
        assert stop.usage.total_tokens == 3 and str(stop.reason) == "end_turn"

    def test_unknown_event_is_kept_with_its_data(self) -> None:
        """An event type this SDK does not know arrives as UnknownEvent, never dropped."""
        sse = ServerSentEvent(event="plan_update", data='{"type":"plan_update","id":4}', id="4")
        event = parse_session_event(sse)
        assert isinstance(event, UnknownEvent)
        assert (event.event, event.id, event.json()) == (
            "plan_update",
            "4",
            {"type": "plan_update", "id": 4},
        )

    def test_error_event_is_delivered_as_a_model(self) -> None:
        """Parsing an error event gives a SessionErrorEvent (the stream raises at the stop)."""
        event = parse_session_event(_error(3))
        assert isinstance(event, SessionErrorEvent)
        assert event.error.code == "AGENT_ERROR"

    def test_unknown_enum_values_and_blocks_do_not_raise(self) -> None:
        """A new stop reason and a new content block type from a newer server parse fine."""
        stop = parse_session_event(_stop(9, reason="handed_off"))
        assert isinstance(stop, SessionStopEvent) and stop.reason == "handed_off"
        user_input = parse_session_event(
            _sse(
                {
                    "type": "user_input",
                    "id": 1,
                    "message_index": 0,
                    "content": [{"type": "sticker", "ref": "x"}, {"type": "text", "content": "hi"}],
                }
            )
        )
        assert isinstance(user_input.content[0], UnknownPart)
        assert user_input.content[1].content == "hi"

    def test_an_event_breaking_the_contract_is_a_validation_error(self) -> None:
        """A known event missing required fields raises APIResponseValidationError."""
        with pytest.raises(agentkit.APIResponseValidationError):
            parse_session_event(ServerSentEvent(event="stop", data='{"type":"stop"}', id="1"))

    def test_history_events_match_stream_events(self) -> None:
        """A history page gives the same models, and unknown entries as UnknownEvent."""
        page = parse_model(
            SessionEventList,
            {
                "data": [
                    json.loads(_delta(2, "Hel").data),
                    {"type": "plan_update", "id": 3, "session_id": "ses_1"},
                ],
                "has_more": False,
                "next_cursor": None,
            },
        )
        events = [stored_session_event(item) for item in page.data]
        assert events[0] == parse_session_event(_delta(2, "Hel"))
        assert isinstance(events[1], UnknownEvent)
        assert (events[1].event, events[1].id) == ("plan_update", "3")
        assert events[1].json() == {"type": "plan_update", "id": 3, "session_id": "ses_1"}


class TestTurnRecorder:
    def test_text_and_stop_are_collected(self) -> None:
        """The recorder joins the text deltas and keeps the stop."""
        turn = TurnRecorder()
        for sse in [_delta(2, "Hel"), _delta(3, "lo"), _stop(4)]:
            turn.observe(parse_session_event(sse))
        assert turn.text == "Hello"
        assert turn.stop is not None and turn.stop.id == 4
        assert turn.failure() is None

    def test_a_failed_turn_raises_its_mapped_exception_at_the_stop(self) -> None:
        """An error event becomes the exception of its code once the turn's stop arrived."""
        turn = TurnRecorder()
        turn.observe(parse_session_event(_error(3)))
        assert turn.failure() is None
        turn.observe(parse_session_event(_stop(4, reason="error")))
        failure = turn.failure()
        assert isinstance(failure, agentkit.AgentFailedError)
        assert failure.code == "AGENT_ERROR" and failure.message == "the model failed"
        assert turn.failure() is None

    def test_a_stream_of_several_turns_reports_each_failure_once(self) -> None:
        """After a failed turn is reported, a later good turn does not report it again."""
        turn = TurnRecorder()
        for sse in [_error(2, "SESSION_BUSY"), _stop(3, reason="error")]:
            turn.observe(parse_session_event(sse))
        assert isinstance(turn.failure(), agentkit.SessionBusyError)
        turn.observe(parse_session_event(_stop(6)))
        assert turn.failure() is None

    def test_text_deltas_are_the_only_text(self) -> None:
        """Thinking deltas do not count as the answer's text."""
        turn = TurnRecorder()
        turn.observe(
            parse_session_event(
                _sse({"type": "thinking_delta", "id": 2, "message_index": 1, "content": "hmm"})
            )
        )
        turn.observe(parse_session_event(_delta(3, "Yes")))
        assert turn.text == "Yes"
        assert isinstance(parse_session_event(_delta(3, "Yes")), SessionTextDeltaEvent)
