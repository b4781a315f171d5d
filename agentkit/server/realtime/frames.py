"""The realtime channel's frames: client frames read and checked against the contract, server
frames written. Every frame is one JSON object whose ``type`` names its schema."""

from __future__ import annotations

import json
from typing import Any

from ..core.errors import ApiError, invalid
from ..core.ids import new_id
from ..core.store import Row
from ..core.validation import check_component, load_json

__all__ = [
    "KNOWN_CAPABILITIES",
    "error_frame",
    "event_frame",
    "hello_ok_frame",
    "message_frame",
    "read_frame",
    "read_hello",
]

#: The capabilities the server accepts; others a client asks for are left out of ``hello.ok``.
KNOWN_CAPABILITIES = ("ack",)

_LOCATION = "frame"


def read_frame(text: str) -> Row:
    """A client frame as the contract's ``RealtimeClientFrame`` allows it.

    Raises:
        ApiError: 400 VALIDATION_ERROR naming the bad field (``field`` in its details).
    """
    value: Any = load_json(text, _LOCATION)
    if not isinstance(value, dict):
        raise invalid(_LOCATION, "must be a JSON object with a type", _LOCATION)
    check_component("RealtimeClientFrame", value, _LOCATION)
    return value


def read_hello(text: str) -> Row | None:
    """The ``hello`` frame in ``text``; ``None`` for anything else (which is ignored)."""
    try:
        frame = read_frame(text)
    except ApiError:
        return None
    return frame if frame["type"] == "hello" else None


def _dump(frame: Row) -> str:
    # ASCII escapes: whatever a payload holds, the frame encodes as UTF-8.
    return json.dumps(frame, separators=(",", ":"))


def hello_ok_frame(capabilities: list[str], handle: str, session_id: str) -> str:
    """The answer to a valid ``hello``."""
    return _dump(
        {
            "type": "hello.ok",
            "capabilities": capabilities,
            "handle": handle,
            "session_id": session_id,
        }
    )


def event_frame(type: str, event_id: str, payload: Row) -> str:
    """A server event of ``type`` (``message.read``, ``presence.update``, ...)."""
    return _dump({"type": type, "id": event_id, "payload": payload})


def message_frame(event_id: str, delivery_id: str, message: Row) -> str:
    """A ``message.new`` event: one recipient's delivery of ``message``."""
    return _dump(
        {"type": "message.new", "id": event_id, "delivery_id": delivery_id, "payload": message}
    )


def error_frame(error: ApiError) -> str:
    """An ``error`` frame for a client frame the server refuses."""
    payload: Row = {"code": error.code, "message": error.message}
    field = (error.details or {}).get("field")
    if isinstance(field, str):
        payload["field"] = field
    return event_frame("error", new_id("evt"), payload)
