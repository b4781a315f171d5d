"""A driver of the realtime protocol core without sockets: a fake clock, frames as text, and a
pump that plays the part of a client wrapper (running "handlers", answering REST calls)."""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from agentkit.realtime._events import MessageNew
from agentkit.realtime._protocol import (
    AckSync,
    Action,
    CloseConnection,
    Connect,
    Dispatch,
    FetchHistory,
    FetchStored,
    FetchSync,
    RealtimeProtocol,
    RealtimeSettings,
    ReportError,
    SendFrame,
    Stopped,
)
from agentkit.realtime._reconnect import ReconnectPolicy
from agentkit.types import Message


class FakeClock:
    """Seconds that pass only when told to."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def message(
    conversation_id: str, seq: int, *, sender: str = "alice", mid: str | None = None
) -> Message:
    """A message of the contract's shape."""
    return Message.from_dict(
        {
            "id": mid or f"msg_{conversation_id}_{seq}",
            "conversation_id": conversation_id,
            "seq": seq,
            "sender": sender,
            "client_msg_id": f"c-{conversation_id}-{seq}",
            "type": "text",
            "content": {"text": f"{conversation_id} #{seq}"},
            "metadata": {},
            "created_at": "2026-12-03T10:00:00+00:00",
        }
    )


def new_frame(m: Message, delivery_id: str | None = None) -> str:
    """A ``message.new`` frame's text."""
    return json.dumps(
        {
            "type": "message.new",
            "id": f"evt_{m.id}",
            "delivery_id": delivery_id or f"del_{m.id}",
            "payload": m.to_dict(),
        }
    )


def hello_ok(capabilities: tuple[str, ...] = ("ack",), handle: str = "bob") -> str:
    return json.dumps(
        {
            "type": "hello.ok",
            "capabilities": list(capabilities),
            "handle": handle,
            "session_id": "rts_1",
        }
    )


@dataclass
class Pump:
    """Carries out the core's actions as a wrapper would, recording what it did.

    ``fails`` decides whether the handlers of a message raise; REST answers come from
    ``sync_pages`` (in order) and ``history`` (by conversation), or are left for the test
    when ``manual_rest`` is set.
    """

    core: RealtimeProtocol
    clock: FakeClock
    fails: Callable[[Message], bool] = lambda m: False
    handled: list[MessageNew] = field(default_factory=list)
    events: list[Any] = field(default_factory=list)
    acks: list[str] = field(default_factory=list)
    frames: list[dict[str, Any]] = field(default_factory=list)
    errors: list[Exception] = field(default_factory=list)
    ack_syncs: list[str] = field(default_factory=list)
    pending: list[Action] = field(default_factory=list)
    connects: list[Connect] = field(default_factory=list)
    closes: list[CloseConnection] = field(default_factory=list)
    stopped: list[Stopped] = field(default_factory=list)
    sync_pages: list[tuple[list[tuple[str, Message]], bool]] = field(default_factory=list)
    history: dict[str, list[Message]] = field(default_factory=dict)
    stored: list[tuple[str, Message]] = field(default_factory=list)
    manual_rest: bool = False

    def run(self) -> None:
        """Carry out actions until the core has none."""
        while (action := self.core.take()) is not None:
            self.perform(action)

    def perform(self, action: Action) -> None:
        core = self.core
        if isinstance(action, SendFrame):
            frame = json.loads(action.text)
            self.frames.append(frame)
            if frame["type"] == "ack":
                self.acks.append(frame["message_id"])
        elif isinstance(action, Dispatch):
            event = action.event
            self.events.append(event)
            if isinstance(event, MessageNew):
                ok = not self.fails(event.message)
                if ok:
                    self.handled.append(event)
                core.handled(event, ok)
        elif isinstance(action, ReportError):
            self.errors.append(action.error)
        elif isinstance(action, AckSync):
            self.ack_syncs.append(action.last_delivery_id)
        elif isinstance(action, Connect):
            self.connects.append(action)
        elif isinstance(action, CloseConnection):
            self.closes.append(action)
        elif isinstance(action, Stopped):
            self.stopped.append(action)
        elif self.manual_rest:
            self.pending.append(action)
        elif isinstance(action, FetchSync):
            rows, more = self.sync_pages.pop(0) if self.sync_pages else ([], False)
            core.sync_page(action.generation, rows, more)
        elif isinstance(action, FetchStored):
            core.stored_page(action.conversation_id, action.after, list(self.stored), False)
        elif isinstance(action, FetchHistory):
            known = self.history.get(action.conversation_id, [])
            page = [m for m in known if m.seq > action.after_seq][: action.limit]
            more = len(page) == action.limit
            core.history_page(action.conversation_id, page, more)

    def answer_sync(
        self, rows: list[tuple[str, Message]] | None = None, more: bool = False
    ) -> None:
        """Answer the pending sync fetch (manual REST) with a page."""
        fetch = next(a for a in self.pending if isinstance(a, FetchSync))
        self.pending.remove(fetch)
        self.core.sync_page(fetch.generation, rows or [], more)
        self.run()

    def tick(self, seconds: float) -> None:
        """Let time pass, fire the timers, and carry out what follows."""
        self.clock.advance(seconds)
        self.core.tick()
        self.run()

    def seqs(self, conversation_id: str) -> list[int]:
        """The seqs handled in a conversation, in the order handled."""
        return [e.message.seq for e in self.handled if e.message.conversation_id == conversation_id]


def make(
    *,
    settings: RealtimeSettings | None = None,
    reconnect: ReconnectPolicy | None = None,
    resume_after: str | None = None,
    can_sync: bool = True,
    can_fill_gaps: bool = True,
    **pump: Any,
) -> Pump:
    """A core on a fake clock, with its pump."""
    clock = FakeClock()
    core = RealtimeProtocol(
        "ak_test",
        settings=settings,
        reconnect=reconnect,
        clock=clock,
        rng=random.Random(7),
        resume_after=resume_after,
        can_sync=can_sync,
        can_fill_gaps=can_fill_gaps,
    )
    return Pump(core, clock, **pump)


def connect(pump: Pump, capabilities: tuple[str, ...] = ("ack",)) -> None:
    """Open a connection and have its hello accepted; then run what follows (the drain)."""
    core = pump.core
    if core.state in ("idle",):
        core.start()
    pump.run()
    core.opened()
    pump.run()
    core.receive(hello_ok(capabilities))
    pump.run()
