"""Events appended while the log holds its writes: written by the change that appended them,
or at the event loop's next turn when it left them buffered, and never lost."""

from __future__ import annotations

import asyncio

from agentkit.server.chats.chat_turn import CHAT_STREAM
from agentkit.server.core.event_log import EventLog
from agentkit.server.store import SQLiteStore


def _log() -> tuple[SQLiteStore, EventLog]:
    store = SQLiteStore(":memory:")
    log = EventLog(store, keepalive=15.0)
    log.add_kind(CHAT_STREAM)
    return store, log


def test_held_events_are_written_by_the_change_or_at_the_next_turn() -> None:
    store, log = _log()
    written = CHAT_STREAM.stream("chat_1")
    left = CHAT_STREAM.stream("chat_2")

    async def scene() -> None:
        turns: list[str] = []
        loop = asyncio.get_running_loop()
        with log.holding():
            log.append("org_1", written, {"type": "metadata"})
            log.append("org_1", written, {"type": "content", "delta": "hi"})
            loop.call_soon(turns.append, "next turn")
            log.flush_stream("org_1", written)
        # Written by the change, with nothing set for the loop's next turn.
        assert [e.kind for e in store.events_after("org_1", written, 0, 10)] == [
            "metadata",
            "content",
        ]
        assert log._flush_handle is None

        with log.holding():
            log.append("org_1", left, {"type": "metadata"})
            assert store.events_after("org_1", left, 0, 10) == []
        await asyncio.sleep(0)
        assert turns == ["next turn"]
        assert [e.kind for e in store.events_after("org_1", left, 0, 10)] == ["metadata"]

        log.append("org_1", left, {"type": "content", "delta": "again"})
        assert log._flush_handle is not None  # outside a hold: set for the next turn
        await asyncio.sleep(0)
        assert [e.seq for e in store.events_after("org_1", left, 0, 10)] == [1, 2]

    try:
        asyncio.run(scene())
    finally:
        store.close()


def test_events_held_outside_an_event_loop_are_written_when_the_hold_ends() -> None:
    store, log = _log()
    stream = CHAT_STREAM.stream("chat_1")
    try:
        with log.holding():
            log.append("org_1", stream, {"type": "metadata"})
            assert store.events_after("org_1", stream, 0, 10) == []
        assert [e.kind for e in store.events_after("org_1", stream, 0, 10)] == ["metadata"]
    finally:
        store.close()
