"""The JSON of stream events: read as json.loads reads it, whatever its shape."""

from __future__ import annotations

import pytest
from agentkit_api.models import ChatContentEvent, SessionTextDeltaEvent

from agentkit._errors import APIResponseValidationError
from agentkit._events import UnknownEvent, parse_chat_event, parse_session_event
from agentkit._sse import ServerSentEvent

DELTA = (
    '{"type": "text_delta", "id": 3, "session_id": "ses_1", "message_index": 1, "content": "hi"}'
)


def delta(data: str) -> ServerSentEvent:
    return ServerSentEvent(event="text_delta", data=data, id="3")


@pytest.mark.parametrize(
    "data", [DELTA, f"  {DELTA}", f"{DELTA}\n", f"\t{DELTA} \r\n ", DELTA.replace(", ", ",")]
)
def test_json_with_or_without_whitespace(data: str) -> None:
    event = parse_session_event(delta(data))
    assert event == SessionTextDeltaEvent(
        type_="text_delta", id=3, session_id="ses_1", message_index=1, content="hi"
    )


@pytest.mark.parametrize(
    "data",
    ["", " ", "{", DELTA + "}", DELTA + " x", "\ufeff" + DELTA, "{'a': 1}", "NaN x", DELTA[:-1]],
)
def test_invalid_json_is_a_validation_error(data: str) -> None:
    with pytest.raises(APIResponseValidationError, match="invalid JSON"):
        parse_session_event(delta(data))


@pytest.mark.parametrize("data", ["[]", "1", '"text"', "null", " [1] ", "NaN"])
def test_json_that_is_no_object_is_a_validation_error(data: str) -> None:
    with pytest.raises(APIResponseValidationError, match="not a JSON object"):
        parse_session_event(delta(data))


def test_an_event_that_does_not_match_its_model() -> None:
    with pytest.raises(APIResponseValidationError, match="does not match the contract"):
        parse_session_event(delta('{"type": "text_delta", "id": 3}'))
    with pytest.raises(APIResponseValidationError, match="does not match the contract"):
        parse_session_event(delta(DELTA.replace('"text_delta"', '"thinking_delta"')))


def test_extra_keys_are_kept() -> None:
    event = parse_chat_event(
        ServerSentEvent(
            event="content",
            data='{"type": "content", "chat_id": "c", "message_id": "m", "delta": "d", "x": [1]}',
        )
    )
    assert isinstance(event, ChatContentEvent)
    assert (event.delta, event.additional_properties) == ("d", {"x": [1]})


def test_unknown_events_keep_their_data() -> None:
    sse = ServerSentEvent(event="novel", data="not even json", id="9")
    assert parse_session_event(sse) == UnknownEvent(event="novel", data="not even json", id="9")
