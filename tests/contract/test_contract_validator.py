"""``ContractValidator``: stream events of both shapes (named events and foreign chunks), and the
error codes of responses and ``error`` events against what each operation may answer."""

from __future__ import annotations

import json

import httpx
import pytest

from agentkit._sse import ServerSentEvent
from agentkit.testing import ContractValidator

BASE = "http://127.0.0.1:9"
UI_STREAM = httpx.Request("POST", f"{BASE}/v1/sessions/ses_1/messages/ui-stream")
EVENTS = httpx.Request("GET", f"{BASE}/v1/sessions/ses_1/events")
CHAT_EVENTS = httpx.Request("GET", f"{BASE}/v1/chats/cht_1/events")
COMPLETIONS = httpx.Request("POST", f"{BASE}/openai/v1/chat/completions")


def error_response(status: int, code: str) -> httpx.Response:
    """An error in the envelope, as the reference server sends it."""
    body = {"error": {"code": code, "message": "no", "request_id": "req_1"}}
    return httpx.Response(status, json=body, headers={"X-Request-Id": "req_1"})


def check(validator: ContractValidator, request: httpx.Request, response: httpx.Response) -> None:
    validator.check(request, response, response.content)


def sse(data: object, event: str = "message", id: str = "") -> ServerSentEvent:
    text = data if isinstance(data, str) else json.dumps(data)
    return ServerSentEvent(event=event, data=text, id=id)


@pytest.fixture
def validator() -> ContractValidator:
    return ContractValidator(BASE)


class TestOpenAIChunks:
    CHUNK = {
        "id": "chatcmpl-1",
        "object": "chat.completion.chunk",
        "created": 1,
        "model": "Bot",
        "choices": [{"index": 0, "delta": {"content": "hi"}, "finish_reason": None}],
    }

    def test_chunks_are_selected_by_their_object(self, validator: ContractValidator) -> None:
        """OpenAI's chunks carry no ``type``: ``x-sse-chunk-key`` selects them by ``object``."""
        validator.check_event(COMPLETIONS, sse(self.CHUNK))
        validator.check_event(COMPLETIONS, sse("[DONE]"))
        assert validator.problems == []

    def test_an_unknown_object_is_a_problem(self, validator: ContractValidator) -> None:
        validator.check_event(COMPLETIONS, sse({**self.CHUNK, "object": "chat.completion"}))
        assert validator.problems and "'chat.completion'" in validator.problems[0]

    def test_an_error_in_openais_shape_is_checked_for_its_code(
        self, validator: ContractValidator
    ) -> None:
        """An OpenAI-shaped error answers a code the operation may answer, with its status."""
        error = {"message": "no", "type": "not_found_error", "param": "model"}
        body = {"error": {**error, "code": "SESSION_NOT_FOUND"}}
        response = httpx.Response(404, json=body, headers={"X-Request-Id": "req_1"})
        check(validator, COMPLETIONS, response)
        assert any("SESSION_NOT_FOUND" in problem for problem in validator.problems)


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


class TestErrorCodes:
    GET_AGENT = httpx.Request(
        "GET", f"{BASE}/v1/agents/agt_1", headers={"Authorization": "Bearer ak_1"}
    )

    def test_a_listed_code_with_its_status_passes(self, validator: ContractValidator) -> None:
        """AGENT_NOT_FOUND is in agents_get's x-error-codes and is sent with 404."""
        check(validator, self.GET_AGENT, error_response(404, "AGENT_NOT_FOUND"))
        assert validator.problems == []

    def test_common_codes_need_no_listing(self, validator: ContractValidator) -> None:
        """UNAUTHORIZED is common to every operation that takes an API key."""
        check(validator, self.GET_AGENT, error_response(401, "UNAUTHORIZED"))
        assert validator.problems == []

    def test_a_code_the_operation_does_not_list_is_a_problem(
        self, validator: ContractValidator
    ) -> None:
        """A documented code, with its own status, that this operation may not answer."""
        check(validator, self.GET_AGENT, error_response(404, "SESSION_NOT_FOUND"))
        assert len(validator.problems) == 1
        assert (
            "agents_get may not answer the error code 'SESSION_NOT_FOUND'"
            in (validator.problems[0])
        )

    def test_a_code_sent_with_another_status_is_a_problem(
        self, validator: ContractValidator
    ) -> None:
        """The contract gives each code its status: INTERNAL_ERROR is a 500, not a 503."""
        check(validator, self.GET_AGENT, error_response(503, "INTERNAL_ERROR"))
        assert len(validator.problems) == 1
        assert "'INTERNAL_ERROR' with 500, not 503" in validator.problems[0]

    def test_an_undocumented_code_is_a_problem(self, validator: ContractValidator) -> None:
        """A code the contract does not know is no code the operation may answer."""
        check(validator, self.GET_AGENT, error_response(404, "AGENT_GONE"))
        assert len(validator.problems) == 1
        assert "'AGENT_GONE'" in validator.problems[0]

    def test_an_error_event_with_a_code_not_listed_is_a_problem(
        self, validator: ContractValidator
    ) -> None:
        """A stream's `error` event carries a code its operation may answer, too."""
        event = {
            "type": "error",
            "chat_id": "cht_1",
            "message_id": "msg_1",
            "error": {"code": "AGENT_ERROR", "message": ""},
        }
        validator.check_event(CHAT_EVENTS, sse(event, event="error", id="2"))
        assert validator.problems == []
        event["error"] = {"code": "SESSION_BUSY", "message": ""}
        validator.check_event(CHAT_EVENTS, sse(event, event="error", id="3"))
        assert len(validator.problems) == 1
        assert (
            "chats_events may not answer the error code 'SESSION_BUSY'" in (validator.problems[0])
        )


class TestBaseUrl:
    def test_a_request_to_another_server_is_a_problem(self, validator: ContractValidator) -> None:
        """A validator checks one deployment: a response from elsewhere is reported."""
        elsewhere = httpx.Request("GET", "http://127.0.0.1:10/v1/health")
        check(validator, elsewhere, httpx.Response(200, json={"status": "ok"}))
        assert len(validator.problems) == 1
        assert f"not a request to {BASE}" in validator.problems[0]

    def test_paths_are_read_below_a_base_path(self) -> None:
        """With the API mounted under a path, operations are found below it."""
        validator = ContractValidator(f"{BASE}/agentkit/")
        request = httpx.Request(
            "GET", f"{BASE}/agentkit/v1/agents/agt_1", headers={"Authorization": "Bearer ak_1"}
        )
        check(validator, request, error_response(404, "AGENT_NOT_FOUND"))
        assert validator.problems == []
        outside = httpx.Request("GET", f"{BASE}/v1/agents/agt_1")
        check(validator, outside, error_response(404, "AGENT_NOT_FOUND"))
        assert len(validator.problems) == 1

    def test_validators_have_problems_of_their_own(self) -> None:
        """Validators share the compiled contract, never what they found."""
        first, second = ContractValidator(BASE), ContractValidator(BASE)
        check(first, TestErrorCodes.GET_AGENT, error_response(503, "INTERNAL_ERROR"))
        assert first.problems and second.problems == []
