"""Frames read into typed events; unknown types kept."""

from __future__ import annotations

import datetime
import json
from typing import Any

from agentkit import UnknownEvent
from agentkit.realtime import (
    ErrorEvent,
    GroupDeleted,
    GroupInviteReceived,
    MessageRead,
    PresenceUpdate,
    RateLimitWarning,
    RealtimeProtocolError,
    TypingStart,
    TypingStop,
)
from tests.realtime.harness import Pump, connect, make


def receive(frame: dict[str, Any]) -> Pump:
    pump = make()
    connect(pump)
    pump.events.clear()
    pump.core.receive(json.dumps(frame))
    pump.run()
    return pump


def event(kind: str, payload: dict[str, Any]) -> Any:
    pump = receive({"type": kind, "id": "evt_1", "payload": payload})
    assert pump.errors == []
    (only,) = pump.events
    return only


class TestTypedEvents:
    def test_message_read(self) -> None:
        """``message.read`` becomes a MessageRead."""
        payload = {"conversation_id": "c1", "handle": "alice", "last_read_seq": 4}
        assert event("message.read", payload) == MessageRead("c1", "alice", 4, "evt_1")

    def test_presence_update(self) -> None:
        """``presence.update`` becomes a PresenceUpdate with a parsed time."""
        payload = {
            "handle": "alice",
            "status": "busy",
            "custom_status": None,
            "updated_at": "2026-12-03T10:00:00Z",
        }
        got = event("presence.update", payload)
        assert isinstance(got, PresenceUpdate) and got.status == "busy"
        assert got.updated_at == datetime.datetime(2026, 12, 3, 10, tzinfo=datetime.UTC)

    def test_typing(self) -> None:
        """``typing.start`` / ``typing.stop`` become their own classes."""
        payload = {"conversation_id": "c1", "handle": "alice"}
        assert event("typing.start", payload) == TypingStart("c1", "alice", "evt_1")
        assert event("typing.stop", payload) == TypingStop("c1", "alice", "evt_1")

    def test_group_invite(self) -> None:
        """``group.invite.received`` carries the contract's GroupInvite."""
        payload = {
            "id": "inv_1",
            "group_id": "grp_1",
            "group_name": "Ops",
            "invited_by": "alice",
            "created_at": "2026-12-03T10:00:00Z",
        }
        got = event("group.invite.received", payload)
        assert isinstance(got, GroupInviteReceived) and got.invite.group_name == "Ops"

    def test_group_deleted_rate_limit_and_error(self) -> None:
        """The remaining known types each have their class."""
        deleted = event(
            "group.deleted",
            {"group_id": "grp_1", "deleted_by": "alice", "deleted_at": "2026-12-03T10:00:00Z"},
        )
        assert isinstance(deleted, GroupDeleted) and deleted.group_id == "grp_1"
        warning = event("rate_limit.warning", {"limit": 100, "remaining": 5, "reset_seconds": 30})
        assert warning == RateLimitWarning(100, 5, 30.0, "evt_1")
        error = event("error", {"code": "VALIDATION_ERROR", "message": "bad frame"})
        assert error == ErrorEvent("VALIDATION_ERROR", "bad frame", "evt_1")

    def test_an_unknown_type_is_kept_whole(self) -> None:
        """A type this SDK does not know arrives as an UnknownEvent holding the frame."""
        frame = {"type": "agent.mood", "id": "evt_9", "payload": {"mood": "sunny"}}
        got = event("agent.mood", frame["payload"])  # type: ignore[arg-type]
        assert isinstance(got, UnknownEvent) and got.event == "agent.mood"
        assert got.json()["payload"] == {"mood": "sunny"}

    def test_a_malformed_known_event_is_reported_and_kept(self) -> None:
        """A known type with a wrong payload is reported, and kept as an UnknownEvent."""
        pump = receive({"type": "message.read", "payload": {"conversation_id": 5}})
        assert isinstance(pump.errors[0], RealtimeProtocolError)
        assert isinstance(pump.events[0], UnknownEvent)

    def test_a_malformed_message_is_reported_not_handled(self) -> None:
        """A ``message.new`` whose payload is not a Message is reported and not acknowledged."""
        pump = receive({"type": "message.new", "delivery_id": "del_1", "payload": {"id": "m"}})
        assert isinstance(pump.errors[0], RealtimeProtocolError)
        assert pump.handled == [] and pump.acks == []
