"""``ContractValidator.check_event`` for both stream shapes: named events and foreign chunks."""

from __future__ import annotations

import json

import httpx
import pytest

from agentkit._sse import ServerSentEvent
from agentkit.testing import ContractValidator

BASE = "http://127.0.0.1:9"
UI_STREAM = httpx.Request("POST", f"{BASE}/v1/sessions/ses_1/messages/ui-stream")
EVENTS = httpx.Request("GET", f"{BASE}/v1/sessions/ses_1/events")


def sse(data: object, event: str = "message", id: str = "") -> ServerSentEvent:
    text = data if isinstance(data, str) else json.dumps(data)
    return ServerSentEvent(event=event, data=text, id=id)


@pytest.fixture
def validator() -> ContractValidator:
    return ContractValidator(BASE)


class TestChunkStreams:
    def test_valid_chunks_and_the_terminator_pass(self, validator: ContractValidator) -> None:
        """Unnamed events whose data matches the chunk schema its type selects, then [DONE]."""
        validator.check_event(UI_STREAM, sse({"type": "text-start", "id": "t"}))
        validator.check_event(UI_STREAM, sse({"type": "text-delta", "id": "t", "delta": "hi"}))
        validator.check_event(UI_STREAM, sse("[DONE]"))
        assert validator.problems == []

    def test_a_named_event_is_a_problem(self, validator: ContractValidator) -> None:
        """A chunk stream's events carry no SSE event name."""
        validator.check_event(UI_STREAM, sse({"type": "start"}, event="start"))
        assert validator.problems and "no name" in validator.problems[0]

    def test_an_unknown_chunk_type_is_a_problem(self, validator: ContractValidator) -> None:
        """A chunk type the contract does not list is reported."""
        validator.check_event(UI_STREAM, sse({"type": "bogus"}))
        assert validator.problems and "'bogus'" in validator.problems[0]

    def test_a_chunk_missing_a_field_is_a_problem(self, validator: ContractValidator) -> None:
        """A text-delta without its delta does not match UITextDeltaChunk."""
        validator.check_event(UI_STREAM, sse({"type": "text-delta", "id": "t"}))
        assert validator.problems and "delta" in validator.problems[0]

    def test_non_json_data_other_than_the_terminator_is_a_problem(
        self, validator: ContractValidator
    ) -> None:
        """Only the terminator may be something other than JSON."""
        validator.check_event(UI_STREAM, sse("[DONE"))
        assert len(validator.problems) == 1


class TestNamedEventStreams:
    def test_session_events_are_checked_by_name(self, validator: ContractValidator) -> None:
        """A session event validates against the schema its name selects, and only that one."""
        good = {"type": "text_delta", "id": 3, "session_id": "ses_1", "message_index": 1}
        validator.check_event(EVENTS, sse({**good, "content": "hi"}, event="text_delta", id="3"))
        assert validator.problems == []
        validator.check_event(EVENTS, sse(good, event="text_delta", id="4"))
        assert validator.problems and "content" in validator.problems[0]
