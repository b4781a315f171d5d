"""Typed stream events: SSE events decoded into the contract's event models.

An event type this SDK does not know (a newer server may add some) arrives as ``UnknownEvent``
with its raw data, never dropped and never an error.
"""

from __future__ import annotations

import json
import json.scanner
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeAlias

from agentkit_api.models import (
    AgentChatStatusEndEvent,
    AgentChatStatusEvent,
    ChatContentEvent,
    ChatDelegationEvent,
    ChatDoneEvent,
    ChatErrorEvent,
    ChatGuardrailEvent,
    ChatMetadataEvent,
    SessionErrorEvent,
    SessionGuardrailEvent,
    SessionStopEvent,
    SessionTextDeltaEvent,
    SessionTextEvent,
    SessionThinkingDeltaEvent,
    SessionThinkingEvent,
    SessionToolCallEvent,
    SessionToolResultEvent,
    SessionUserInputEvent,
    SessionWarningEvent,
)

from ._compat import UnknownPart, model_parser
from ._errors import APIResponseValidationError, APIStatusError, error_from_detail
from ._sse import ServerSentEvent

__all__ = [
    "ChatEvent",
    "ChatStatusEvent",
    "SessionEvent",
    "UnknownEvent",
    "is_chat_status_end",
    "is_chat_terminal",
    "is_session_stop",
    "parse_chat_event",
    "parse_chat_status_event",
    "parse_session_event",
    "session_error",
    "stored_session_event",
]


@dataclass(frozen=True, slots=True)
class UnknownEvent:
    """An event whose type this version of the SDK does not know.

    Attributes:
        event: The SSE event name.
        data: The raw ``data`` text.
        id: The event id in force, or ``""``.
    """

    event: str
    data: str
    id: str

    def json(self) -> Any:
        """The data parsed as JSON."""
        return json.loads(self.data)


ChatEvent: TypeAlias = (
    ChatMetadataEvent
    | ChatContentEvent
    | ChatErrorEvent
    | ChatDoneEvent
    | ChatGuardrailEvent
    | ChatDelegationEvent
    | UnknownEvent
)

_CHAT_EVENTS: dict[str, type[Any]] = {
    "metadata": ChatMetadataEvent,
    "content": ChatContentEvent,
    "error": ChatErrorEvent,
    "done": ChatDoneEvent,
    "guardrail": ChatGuardrailEvent,
    "delegation": ChatDelegationEvent,
}


SessionEvent: TypeAlias = (
    SessionUserInputEvent
    | SessionTextDeltaEvent
    | SessionThinkingDeltaEvent
    | SessionTextEvent
    | SessionThinkingEvent
    | SessionToolCallEvent
    | SessionToolResultEvent
    | SessionWarningEvent
    | SessionErrorEvent
    | SessionStopEvent
    | SessionGuardrailEvent
    | UnknownEvent
)

_SESSION_EVENTS: dict[str, type[Any]] = {
    "user_input": SessionUserInputEvent,
    "text_delta": SessionTextDeltaEvent,
    "thinking_delta": SessionThinkingDeltaEvent,
    "text": SessionTextEvent,
    "thinking": SessionThinkingEvent,
    "tool_call": SessionToolCallEvent,
    "tool_result": SessionToolResultEvent,
    "warning": SessionWarningEvent,
    "error": SessionErrorEvent,
    "stop": SessionStopEvent,
    "guardrail": SessionGuardrailEvent,
}


# The scanner json.loads runs, called directly: json.loads adds two whitespace matches and two
# Python calls around it, as much again as scanning a small event's JSON.
_scan: Callable[[str, int], tuple[Any, int]] = json.scanner.make_scanner(
    json.JSONDecoder()  # type: ignore[arg-type] # typeshed expects the scanner type itself
)


# The parsers of the event models, by event name, made on first use (they read the contract).
_chat_parsers: dict[str, Callable[[Any], Any]] = {}
_session_parsers: dict[str, Callable[[Any], Any]] = {}


def _payload(sse: ServerSentEvent) -> dict[str, Any]:
    data = sse.data
    try:
        payload, end = _scan(data, 0)
    except (StopIteration, ValueError):
        end = -1
    if end != len(data):
        # Whitespace around the value, or not JSON: json.loads has the last word.
        try:
            payload = json.loads(data)
        except ValueError as exc:
            raise APIResponseValidationError(f"event {sse.event!r} carries invalid JSON") from exc
    if not isinstance(payload, dict):
        raise APIResponseValidationError(f"event {sse.event!r} is not a JSON object")
    return payload


def parse_chat_event(sse: ServerSentEvent) -> ChatEvent:
    """Decode one SSE event of a chat stream; an ``error`` event raises its mapped exception."""
    model = _CHAT_EVENTS.get(sse.event)
    if model is None:
        return UnknownEvent(event=sse.event, data=sse.data, id=sse.id)
    payload = _payload(sse)
    if sse.event == "error":
        detail = payload.get("error")
        raise error_from_detail(detail if isinstance(detail, dict) else {"message": sse.data})
    parse = _chat_parsers.get(sse.event)
    if parse is None:
        parse = _chat_parsers[sse.event] = model_parser(model)
    try:
        event: ChatEvent = parse(payload)
    except (KeyError, TypeError, ValueError) as exc:
        raise APIResponseValidationError(
            f"event {sse.event!r} does not match the contract"
        ) from exc
    return event


def is_chat_terminal(event: ChatEvent) -> bool:
    """Whether the event ends a chat turn."""
    return isinstance(event, ChatDoneEvent | ChatErrorEvent)


def parse_session_event(sse: ServerSentEvent) -> SessionEvent:
    """Decode one SSE event of a session stream into its typed model.

    An ``error`` event is returned as a ``SessionErrorEvent`` (the stream raises its exception
    once the turn's ``stop`` has arrived, see ``session_error``); an unknown type is an
    ``UnknownEvent``.
    """
    parse = _session_parsers.get(sse.event)
    if parse is None:
        model = _SESSION_EVENTS.get(sse.event)
        if model is None:
            return UnknownEvent(event=sse.event, data=sse.data, id=sse.id)
        parse = _session_parsers[sse.event] = model_parser(model)
    try:
        event: SessionEvent = parse(_payload(sse))
    except (KeyError, TypeError, ValueError) as exc:
        raise APIResponseValidationError(
            f"event {sse.event!r} does not match the contract"
        ) from exc
    return event


def session_error(event: SessionErrorEvent) -> APIStatusError:
    """The typed exception a session ``error`` event stands for (by its error code)."""
    return error_from_detail(event.error.to_dict())


def is_session_stop(event: SessionEvent) -> bool:
    """Whether the event is a turn's ``stop``."""
    return isinstance(event, SessionStopEvent)


def stored_session_event(item: Any) -> SessionEvent:
    """An event of a session's history page, with an unknown type as ``UnknownEvent`` (as the
    stream gives it)."""
    if isinstance(item, UnknownPart):
        raw_id = item.raw.get("id")
        return UnknownEvent(
            event=item.type,
            data=json.dumps(item.raw, separators=(",", ":")),
            id="" if raw_id is None else str(raw_id),
        )
    event: SessionEvent = item
    return event


ChatStatusEvent: TypeAlias = AgentChatStatusEvent | AgentChatStatusEndEvent | UnknownEvent

_CHAT_STATUS_EVENTS: dict[str, type[Any]] = {
    "status": AgentChatStatusEvent,
    "end": AgentChatStatusEndEvent,
}


def parse_chat_status_event(sse: ServerSentEvent) -> ChatStatusEvent:
    """Decode one SSE event of an agent chat's status stream; an unknown type is an
    ``UnknownEvent``."""
    model = _CHAT_STATUS_EVENTS.get(sse.event)
    if model is None:
        return UnknownEvent(event=sse.event, data=sse.data, id=sse.id)
    try:
        event: ChatStatusEvent = model_parser(model)(_payload(sse))
    except (KeyError, TypeError, ValueError) as exc:
        raise APIResponseValidationError(
            f"event {sse.event!r} does not match the contract"
        ) from exc
    return event


def is_chat_status_end(event: ChatStatusEvent) -> bool:
    """Whether the event ends a chat's status stream."""
    return isinstance(event, AgentChatStatusEndEvent)
