"""The typed events of the realtime channel, and the reading of a server frame into one.

Each server event is a small frozen class named after its type; ``message.new`` carries the
contract's ``Message``. A type this SDK does not know arrives as ``UnknownEvent`` holding the
whole frame, never dropped and never an error. ``SequenceGap`` and the connection events are
made by the client itself.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar, Literal, TypeAlias

from agentkit_api.models import GroupInvite, Message

from .._compat import model_parser
from .._events import UnknownEvent

__all__ = [
    "Connected",
    "Disconnected",
    "ErrorEvent",
    "GapReason",
    "GroupDeleted",
    "GroupInviteReceived",
    "MessageNew",
    "MessageRead",
    "PresenceUpdate",
    "RateLimitWarning",
    "RealtimeEvent",
    "SequenceGap",
    "TypingStart",
    "TypingStop",
    "UnknownEvent",
    "parse_event",
]

MessageSource: TypeAlias = Literal["live", "sync", "history"]


@dataclass(frozen=True, slots=True)
class MessageNew:
    """A message for you (``message.new``).

    Attributes:
        message: The message, as ``client.messages.history`` gives it.
        delivery_id: Your delivery of it (``del_...``): the cursor to persist and resume from.
            ``None`` for a message fetched from the history to fill a sequence gap.
        id: The event id (``evt_...``), when it came over the channel.
        source: ``live`` (pushed), ``sync`` (the offline drain) or ``history`` (a gap fill).
    """

    type: ClassVar[str] = "message.new"
    message: Message
    delivery_id: str | None
    id: str | None = None
    source: MessageSource = "live"


@dataclass(frozen=True, slots=True)
class MessageRead:
    """Another member read a conversation up to ``last_read_seq`` (``message.read``)."""

    type: ClassVar[str] = "message.read"
    conversation_id: str
    handle: str
    last_read_seq: int
    id: str | None = None


@dataclass(frozen=True, slots=True)
class PresenceUpdate:
    """An identity's presence changed (``presence.update``)."""

    type: ClassVar[str] = "presence.update"
    handle: str
    status: str
    custom_status: str | None
    updated_at: datetime.datetime | None
    id: str | None = None


@dataclass(frozen=True, slots=True)
class TypingStart:
    """A member started typing in a conversation (``typing.start``)."""

    type: ClassVar[str] = "typing.start"
    conversation_id: str
    handle: str
    id: str | None = None


@dataclass(frozen=True, slots=True)
class TypingStop:
    """A member stopped typing in a conversation (``typing.stop``)."""

    type: ClassVar[str] = "typing.stop"
    conversation_id: str
    handle: str
    id: str | None = None


@dataclass(frozen=True, slots=True)
class GroupInviteReceived:
    """You were invited to a group (``group.invite.received``)."""

    type: ClassVar[str] = "group.invite.received"
    invite: GroupInvite
    id: str | None = None


@dataclass(frozen=True, slots=True)
class GroupDeleted:
    """A group you belong to was deleted (``group.deleted``)."""

    type: ClassVar[str] = "group.deleted"
    group_id: str
    deleted_by: str
    deleted_at: datetime.datetime | None
    id: str | None = None


@dataclass(frozen=True, slots=True)
class RateLimitWarning:
    """A request left your key with 10% or less of its rate-limit window
    (``rate_limit.warning``)."""

    type: ClassVar[str] = "rate_limit.warning"
    limit: int
    remaining: int
    reset_seconds: float
    id: str | None = None


@dataclass(frozen=True, slots=True)
class ErrorEvent:
    """The server refused a frame you sent (``error``); the connection stays open."""

    type: ClassVar[str] = "error"
    code: str
    message: str
    id: str | None = None


GapReason: TypeAlias = Literal[
    "gap_filled", "gap_fill_failed", "gap_fill_unavailable", "buffer_overflow"
]


@dataclass(frozen=True, slots=True)
class SequenceGap:
    """A conversation's messages arrived with a hole in their ``seq``, and what became of it.

    Attributes:
        conversation_id: The conversation.
        expected_seq: The first seq missing when the hole was seen.
        buffered_seq: The lowest seq held back behind the hole when it was seen.
        gap_ms: Milliseconds from seeing the hole to this report.
        recovered: Whether every missing message was fetched (``gap_filled``). Otherwise the
            held-back messages were delivered in order past the hole.
        reason: ``gap_filled``; ``gap_fill_failed`` (the history could not close it);
            ``gap_fill_unavailable`` (no history to ask); ``buffer_overflow`` (too many held
            back).
    """

    type: ClassVar[str] = "sequence.gap"
    conversation_id: str
    expected_seq: int
    buffered_seq: int
    gap_ms: float
    recovered: bool
    reason: GapReason


@dataclass(frozen=True, slots=True)
class Connected:
    """The server accepted the hello.

    Attributes:
        handle: Your handle.
        session_id: The server's id of this connection (``rts_...``).
        capabilities: The capabilities the server accepted.
        ack_mode: Whether messages are acknowledged one by one after your handlers.
    """

    type: ClassVar[str] = "connected"
    handle: str
    session_id: str
    capabilities: tuple[str, ...]
    ack_mode: bool


@dataclass(frozen=True, slots=True)
class Disconnected:
    """A connection ended.

    Attributes:
        code: The close code (1006 when the connection broke without one).
        reason: The close reason.
        reconnecting: Whether the client will connect again.
        delay: Seconds until it tries, when it will.
    """

    type: ClassVar[str] = "disconnected"
    code: int
    reason: str
    reconnecting: bool
    delay: float | None = None


RealtimeEvent: TypeAlias = (
    MessageNew
    | MessageRead
    | PresenceUpdate
    | TypingStart
    | TypingStop
    | GroupInviteReceived
    | GroupDeleted
    | RateLimitWarning
    | ErrorEvent
    | SequenceGap
    | UnknownEvent
)


class _BadPayload(ValueError):
    pass


def _text(payload: Mapping[str, Any], key: str) -> str:
    value = payload.get(key)
    if not isinstance(value, str):
        raise _BadPayload(f"{key!r} must be a string")
    return value


def _optional_text(payload: Mapping[str, Any], key: str) -> str | None:
    value = payload.get(key)
    if value is not None and not isinstance(value, str):
        raise _BadPayload(f"{key!r} must be a string or null")
    return value


def _number(payload: Mapping[str, Any], key: str) -> int:
    value = payload.get(key)
    if isinstance(value, bool) or not isinstance(value, int):
        raise _BadPayload(f"{key!r} must be an integer")
    return value


def _moment(payload: Mapping[str, Any], key: str) -> datetime.datetime | None:
    value = _optional_text(payload, key)
    if value is None:
        return None
    try:
        return datetime.datetime.fromisoformat(value)
    except ValueError as exc:
        raise _BadPayload(f"{key!r} must be an RFC 3339 time") from exc


def _seconds(payload: Mapping[str, Any], key: str) -> float:
    value = payload.get(key)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _BadPayload(f"{key!r} must be a number")
    return float(value)


_parse_message: Callable[[Any], Message] | None = None
_parse_invite: Callable[[Any], GroupInvite] | None = None


def parse_message(payload: Any) -> Message:
    """The contract's ``Message`` from its JSON, or ``ValueError``."""
    global _parse_message
    if _parse_message is None:
        _parse_message = model_parser(Message)
    if not isinstance(payload, dict):
        raise _BadPayload("the payload must be an object")
    try:
        return _parse_message(payload)
    except (KeyError, TypeError, ValueError) as exc:
        raise _BadPayload(f"not a message: {exc}") from exc


def _invite(payload: Mapping[str, Any]) -> GroupInvite:
    global _parse_invite
    if _parse_invite is None:
        _parse_invite = model_parser(GroupInvite)
    try:
        return _parse_invite(dict(payload))
    except (KeyError, TypeError, ValueError) as exc:
        raise _BadPayload(f"not a group invite: {exc}") from exc


_Builder = Callable[[Mapping[str, Any], str | None], RealtimeEvent]

_BUILDERS: dict[str, _Builder] = {
    "message.read": lambda p, i: MessageRead(
        _text(p, "conversation_id"), _text(p, "handle"), _number(p, "last_read_seq"), i
    ),
    "presence.update": lambda p, i: PresenceUpdate(
        _text(p, "handle"),
        _text(p, "status"),
        _optional_text(p, "custom_status"),
        _moment(p, "updated_at"),
        i,
    ),
    "typing.start": lambda p, i: TypingStart(_text(p, "conversation_id"), _text(p, "handle"), i),
    "typing.stop": lambda p, i: TypingStop(_text(p, "conversation_id"), _text(p, "handle"), i),
    "group.invite.received": lambda p, i: GroupInviteReceived(_invite(p), i),
    "group.deleted": lambda p, i: GroupDeleted(
        _text(p, "group_id"), _text(p, "deleted_by"), _moment(p, "deleted_at"), i
    ),
    "rate_limit.warning": lambda p, i: RateLimitWarning(
        _number(p, "limit"), _number(p, "remaining"), _seconds(p, "reset_seconds"), i
    ),
    "error": lambda p, i: ErrorEvent(_text(p, "code"), _text(p, "message"), i),
}


def parse_event(frame: Mapping[str, Any], text: str) -> RealtimeEvent:
    """The typed event of a server frame (already read from JSON into ``frame``).

    Raises:
        ValueError: A known type whose payload does not have that type's shape.
    """
    kind = frame.get("type")
    event_id = frame.get("id")
    if not isinstance(event_id, str):
        event_id = None
    payload = frame.get("payload")
    if kind == "message.new":
        delivery_id = frame.get("delivery_id")
        if delivery_id is not None and not isinstance(delivery_id, str):
            raise _BadPayload("'delivery_id' must be a string")
        return MessageNew(parse_message(payload), delivery_id, event_id, "live")
    builder = _BUILDERS.get(kind) if isinstance(kind, str) else None
    if builder is None:
        return UnknownEvent(event=str(kind), data=text, id=event_id or "")
    if not isinstance(payload, dict):
        raise _BadPayload("the payload must be an object")
    return builder(payload, event_id)


def dumps(frame: Mapping[str, Any]) -> str:
    """A client frame's text."""
    return json.dumps(frame, separators=(",", ":"), ensure_ascii=False)
