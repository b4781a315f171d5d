"""Typed stream events: SSE events decoded into the contract's event models.

An event type this SDK does not know (a newer server may add some) arrives as ``UnknownEvent``
with its raw data, never dropped and never an error.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, TypeAlias

from agentkit_api.models import ChatContentEvent, ChatDoneEvent, ChatErrorEvent, ChatMetadataEvent

from ._errors import APIResponseValidationError, error_from_detail
from ._sse import ServerSentEvent

__all__ = ["ChatEvent", "UnknownEvent", "is_chat_terminal", "parse_chat_event"]


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
    ChatMetadataEvent | ChatContentEvent | ChatErrorEvent | ChatDoneEvent | UnknownEvent
)


_CHAT_EVENTS: dict[str, Callable[[Mapping[str, Any]], Any]] = {
    "metadata": ChatMetadataEvent.from_dict,
    "content": ChatContentEvent.from_dict,
    "error": ChatErrorEvent.from_dict,
    "done": ChatDoneEvent.from_dict,
}


def _payload(sse: ServerSentEvent) -> dict[str, Any]:
    try:
        payload = json.loads(sse.data)
    except ValueError as exc:
        raise APIResponseValidationError(f"event {sse.event!r} carries invalid JSON") from exc
    if not isinstance(payload, dict):
        raise APIResponseValidationError(f"event {sse.event!r} is not a JSON object")
    return payload


def parse_chat_event(sse: ServerSentEvent) -> ChatEvent:
    """Decode one SSE event of a chat stream; an ``error`` event raises its mapped exception."""
    parse = _CHAT_EVENTS.get(sse.event)
    if parse is None:
        return UnknownEvent(event=sse.event, data=sse.data, id=sse.id)
    payload = _payload(sse)
    if sse.event == "error":
        detail = payload.get("error")
        raise error_from_detail(detail if isinstance(detail, dict) else {"message": sse.data})
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
