"""The chat event log and its live tail.

Every turn runs as a background task that appends numbered events to the store and wakes the
readers; SSE responses only read the log. A client that disconnects therefore does not stop
the turn, and can resume from any event id.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

from .._sse import encode_comment, encode_event
from .store import Store

__all__ = ["EventLog"]

TERMINAL = frozenset({"done", "error"})
Key = tuple[str, str]


class EventLog:
    """Appends chat events and follows them live."""

    def __init__(self, store: Store, keepalive: float) -> None:
        self._store = store
        self._keepalive = keepalive
        self._signals: dict[Key, asyncio.Event] = {}
        self._turns: dict[Key, asyncio.Task[Any]] = {}

    def append(self, org_id: str, chat_id: str, data: dict[str, Any]) -> int:
        """Store an event (its ``type`` is the SSE event name) and wake the readers."""
        seq = self._store.append_event(org_id, chat_id, data["type"], data)
        signal = self._signals.pop((org_id, chat_id), None)
        if signal is not None:
            signal.set()
        return seq

    def busy(self, org_id: str, chat_id: str) -> bool:
        """Whether a turn of the chat is in progress."""
        task = self._turns.get((org_id, chat_id))
        return task is not None and not task.done()

    def start_turn(self, org_id: str, chat_id: str, turn: Any) -> asyncio.Task[Any]:
        """Run a turn coroutine in the background, tracked so that readers can follow it."""
        task: asyncio.Task[Any] = asyncio.ensure_future(turn)
        key = (org_id, chat_id)
        self._turns[key] = task

        def finished(_: asyncio.Task[Any]) -> None:
            if self._turns.get(key) is task:
                del self._turns[key]
            signal = self._signals.pop(key, None)
            if signal is not None:
                signal.set()

        task.add_done_callback(finished)
        return task

    async def tail(
        self, org_id: str, chat_id: str, after: int, *, one_turn: bool
    ) -> AsyncIterator[bytes]:
        """SSE bytes of the events after ``after``, following live.

        With ``one_turn`` the stream ends at the first ``done`` or ``error``; otherwise it ends
        when the stored events are exhausted and no turn is in progress.
        """
        key = (org_id, chat_id)
        while True:
            signal = self._signals.setdefault(key, asyncio.Event())
            rows = self._store.events_after(org_id, chat_id, after)
            for seq, kind, data in rows:
                yield encode_event(data, event=kind, id=str(seq))
                after = seq
                if one_turn and kind in TERMINAL:
                    return
            if rows:
                continue
            if not self.busy(org_id, chat_id):
                return
            try:
                await asyncio.wait_for(signal.wait(), self._keepalive)
            except TimeoutError:
                yield encode_comment("keep-alive")
