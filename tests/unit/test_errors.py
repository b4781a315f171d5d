"""Mapping error responses to the exception hierarchy."""

from __future__ import annotations

import json

import pytest

import agentkit
from agentkit._contract import contract
from agentkit._errors import error_from_detail, make_status_error


def _envelope(code: str, message: str = "boom", **details: object) -> bytes:
    return json.dumps(
        {"error": {"code": code, "message": message, "request_id": "req_1", "details": details}}
    ).encode()


def _status_error_classes() -> list[type[agentkit.APIStatusError]]:
    """APIStatusError and every class below it."""
    found = [agentkit.APIStatusError]
    for cls in found:
        found.extend(sub for sub in cls.__subclasses__() if sub not in found)
    return found


def _named_code(cls: type[agentkit.APIStatusError]) -> str | None:
    """The code the class statement itself names (not one inherited)."""
    code = vars(cls).get("error_code")
    return code if isinstance(code, str) else None


def _class_of_code(code: str) -> type[agentkit.APIStatusError] | None:
    named = [cls for cls in _status_error_classes() if _named_code(cls) == code]
    assert len(named) <= 1, f"{code} is named by {named}"
    return named[0] if named else None


class TestCodesOfTheContract:
    @pytest.mark.parametrize("code", contract().error_codes)
    def test_every_code_has_a_class_of_its_status_family(self, code: str) -> None:
        """Each ErrorCode of the contract raises a class of its own, caught by the handler of
        the status the contract sends it with (a 404 code is a NotFoundError, and so on)."""
        cls = _class_of_code(code)
        assert cls is not None, f"no exception class names {code}"
        status = contract().status_of(code)
        assert status is not None, f"the contract gives {code} no status"
        family = type(make_status_error(status, b"", {}))
        assert issubclass(cls, family), f"{cls.__name__} is not a {family.__name__} ({status})"
        error = make_status_error(status, _envelope(code), {})
        assert type(error) is cls and error.status_code == status

    def test_every_class_names_a_code_of_the_contract(self) -> None:
        """No class stands for a code the contract does not document."""
        named = {_named_code(cls) for cls in _status_error_classes()} - {None}
        unknown = sorted(str(code) for code in named - set(contract().error_codes))
        assert not unknown, f"classes name codes the contract lacks: {unknown}"

    def test_codes_are_checked_at_all(self) -> None:
        """The contract documents codes, so the tests above are not vacuous."""
        assert len(contract().error_codes) >= 20


class TestStatusErrors:
    @pytest.mark.parametrize(
        ("code", "status", "cls"),
        [
            ("CHAT_NOT_FOUND", 404, agentkit.ChatNotFoundError),
            ("CHAT_ALREADY_CLOSED", 409, agentkit.ChatAlreadyClosedError),
            ("INVALID_CHAT_MESSAGE", 400, agentkit.InvalidChatMessageError),
            ("CHAT_BUFFER_OVERFLOW", 409, agentkit.ChatBufferOverflowError),
            ("VALIDATION_ERROR", 400, agentkit.ValidationError),
            ("RATE_LIMITED", 429, agentkit.RateLimitedError),
            ("AGENT_NOT_FOUND", 404, agentkit.AgentNotFoundError),
            ("INDEX_NOT_FOUND", 404, agentkit.IndexNotFoundError),
            ("DOCUMENT_NOT_FOUND", 404, agentkit.DocumentNotFoundError),
            ("SESSION_NOT_FOUND", 404, agentkit.SessionNotFoundError),
            ("UNSUPPORTED_MEDIA_TYPE", 415, agentkit.UnsupportedMediaTypeError),
            ("SESSION_BUSY", 409, agentkit.SessionBusyError),
            ("SESSION_INDEXES_LOCKED", 409, agentkit.SessionIndexesLockedError),
            ("NO_PENDING_TOOL_CALLS", 409, agentkit.NoPendingToolCallsError),
            ("TOOL_RESULTS_MISMATCH", 400, agentkit.ToolResultsMismatchError),
        ],
    )
    def test_documented_codes_map_to_their_class(
        self, code: str, status: int, cls: type[agentkit.APIStatusError]
    ) -> None:
        """Every documented code raises its own class, carrying the envelope's fields."""
        error = make_status_error(status, _envelope(code), {"x-request-id": "req_h"})
        assert type(error) is cls
        assert (error.status_code, error.code, error.message) == (status, code, "boom")
        assert error.request_id == "req_1"

    def test_unknown_code_maps_by_status(self) -> None:
        """A code this SDK does not know falls back to the class of its status."""
        error = make_status_error(404, _envelope("SOMETHING_NEW"), {})
        assert type(error) is agentkit.NotFoundError
        assert error.code == "SOMETHING_NEW"

    def test_non_json_body_keeps_status_and_body(self) -> None:
        """An HTML error page from a proxy still gives a typed error with its status."""
        body = b"<html>bad gateway</html>"
        error = make_status_error(502, body, {"x-request-id": "req_p"})
        assert type(error) is agentkit.InternalServerError
        assert error.status_code == 502 and error.body == body and error.code is None
        assert error.request_id == "req_p"
        assert "bad gateway" in str(error)

    def test_validation_error_names_the_field(self) -> None:
        """ValidationError exposes the path of the bad field."""
        error = make_status_error(400, _envelope("VALIDATION_ERROR", field="name"), {})
        assert isinstance(error, agentkit.ValidationError)
        assert error.field == "name"

    @pytest.mark.parametrize(
        ("cls", "family"),
        [
            (agentkit.IndexNotFoundError, agentkit.NotFoundError),
            (agentkit.DocumentNotFoundError, agentkit.NotFoundError),
            (agentkit.SessionNotFoundError, agentkit.NotFoundError),
            (agentkit.SessionBusyError, agentkit.ConflictError),
            (agentkit.SessionIndexesLockedError, agentkit.ConflictError),
            (agentkit.NoPendingToolCallsError, agentkit.ConflictError),
            (agentkit.ToolResultsMismatchError, agentkit.BadRequestError),
            (agentkit.UnsupportedMediaTypeError, agentkit.APIStatusError),
        ],
    )
    def test_session_and_index_codes_sit_under_their_status_family(
        self, cls: type[agentkit.APIStatusError], family: type[agentkit.APIStatusError]
    ) -> None:
        """Each new code's class is caught by the handler of its HTTP status family."""
        assert issubclass(cls, family)

    def test_unknown_415_code_is_unsupported_media_type(self) -> None:
        """A 415 with a code this SDK does not know still maps to UnsupportedMediaTypeError."""
        error = make_status_error(415, _envelope("MEDIA_NEW"), {})
        assert type(error) is agentkit.UnsupportedMediaTypeError

    def test_field_is_read_from_details_for_any_code(self) -> None:
        """An INDEX_NOT_FOUND naming a request field exposes it as .field."""
        error = make_status_error(404, _envelope("INDEX_NOT_FOUND", field="index_ids[1]"), {})
        assert error.field == "index_ids[1]"

    def test_tool_results_mismatch_lists_the_missing_ids(self) -> None:
        """TOOL_RESULTS_MISMATCH exposes the pending ids that got no result."""
        body = _envelope("TOOL_RESULTS_MISMATCH", field="results", missing=["tu_1", "tu_2"])
        error = make_status_error(400, body, {})
        assert isinstance(error, agentkit.ToolResultsMismatchError)
        assert (error.field, error.missing) == ("results", ["tu_1", "tu_2"])

    def test_rate_limit_exposes_retry_after(self) -> None:
        """RateLimitedError reads the wait from the response headers."""
        error = make_status_error(429, _envelope("RATE_LIMITED"), {"retry-after": "3"})
        assert isinstance(error, agentkit.RateLimitedError)
        assert error.retry_after == 3.0


class TestStreamErrors:
    def test_stream_error_event_maps_by_code(self) -> None:
        """An error event inside a 200 stream gets the status its code stands for."""
        error = error_from_detail({"code": "AGENT_ERROR", "message": "model down"})
        assert isinstance(error, agentkit.AgentFailedError)
        assert error.status_code == 502

    @pytest.mark.parametrize(
        ("code", "cls", "status"),
        [
            ("SESSION_BUSY", agentkit.SessionBusyError, 409),
            ("INDEX_NOT_FOUND", agentkit.IndexNotFoundError, 404),
            ("TOOL_RESULTS_MISMATCH", agentkit.ToolResultsMismatchError, 400),
        ],
    )
    def test_session_codes_in_a_stream_keep_their_status(
        self, code: str, cls: type[agentkit.APIStatusError], status: int
    ) -> None:
        """A session code inside a stream maps to its class with the status it stands for."""
        error = error_from_detail({"code": code, "message": "x"})
        assert type(error) is cls
        assert error.status_code == status

    def test_unknown_stream_code_is_a_server_error(self) -> None:
        """An unknown code in a stream is an InternalServerError, not a crash."""
        error = error_from_detail({"code": "NEW_THING", "message": "x"})
        assert type(error) is agentkit.InternalServerError


class TestHierarchy:
    def test_every_error_is_an_agentkit_error(self) -> None:
        """Catching AgentKitError catches everything the SDK raises on purpose."""
        for name in agentkit.__all__:
            value = getattr(agentkit, name)
            if isinstance(value, type) and issubclass(value, Exception):
                assert issubclass(value, agentkit.AgentKitError), name

    def test_timeouts_are_connection_errors(self) -> None:
        """APITimeoutError is caught by an APIConnectionError handler."""
        assert issubclass(agentkit.APITimeoutError, agentkit.APIConnectionError)

    def test_session_timeout_is_a_builtin_timeout(self) -> None:
        """SessionTimeoutError is caught by `except TimeoutError` and by AgentKitError."""
        assert issubclass(agentkit.SessionTimeoutError, TimeoutError)
        assert issubclass(agentkit.SessionTimeoutError, agentkit.AgentKitError)

    def test_tool_rounds_error_keeps_the_count(self) -> None:
        """ToolRoundsExceededError says how many rounds were run."""
        error = agentkit.ToolRoundsExceededError("too many", rounds=3)
        assert error.rounds == 3
