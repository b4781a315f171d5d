"""The chat event log and its live tail.

Every turn runs as a background task that appends numbered events to the store and wakes the
readers; SSE responses only read the log. A client that disconnects therefore does not stop the
turn, and any reader can resume from any event id.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Coroutine
from typing import Any

from starlette.responses import StreamingResponse

from .._sse import encode_comment, encode_event
from .store import Row, Store

__all__ = ["TERMINAL", "EventLog", "sse_response"]

TERMINAL = frozenset({"done", "error"})
_BATCH = 500
_Key = tuple[str, str]


def sse_response(
    stream: AsyncIterator[bytes], headers: dict[str, str] | None = None
) -> StreamingResponse:
    """A ``text/event-stream`` response that proxies must not cache or buffer."""
    return StreamingResponse(
        stream,
        media_type="text/event-stream",
        headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no", **(headers or {})},
    )


class EventLog:
    """Appends chat events, tracks the turn running in each chat, and follows the log live."""

    def __init__(self, store: Store, keepalive: float) -> None:
        self._store = store
        self._keepalive = keepalive
        self._signals: dict[_Key, asyncio.Event] = {}
        self._turns: dict[_Key, asyncio.Task[Any]] = {}

    def append(self, org_id: str, chat_id: str, data: Row) -> int:
        """Store an event (its ``type`` is the SSE event name), wake the readers, return its seq."""
        seq = self._store.append_event(org_id, chat_id, data["type"], data)
        self._wake((org_id, chat_id))
        return seq

    def _wake(self, key: _Key) -> None:
        signal = self._signals.pop(key, None)
        if signal is not None:
            signal.set()

    def busy(self, org_id: str, chat_id: str) -> bool:
        """Whether a turn of the chat is in progress."""
        task = self._turns.get((org_id, chat_id))
        return task is not None and not task.done()

    def start_turn(
        self, org_id: str, chat_id: str, turn: Coroutine[Any, Any, Any]
    ) -> asyncio.Task[Any]:
        """Run a turn in the background; readers follow it until it ends."""
        key = (org_id, chat_id)
        task: asyncio.Task[Any] = asyncio.get_running_loop().create_task(turn)
        self._turns[key] = task

        def finished(_: asyncio.Task[Any]) -> None:
            if self._turns.get(key) is task:
                del self._turns[key]
            self._wake(key)

        task.add_done_callback(finished)
        return task

    async def cancel_all(self) -> None:
        """Cancel the turns in progress (at shutdown)."""
        tasks = [task for task in self._turns.values() if not task.done()]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    async def tail(
        self, org_id: str, chat_id: str, after: int, *, one_turn: bool
    ) -> AsyncIterator[bytes]:
        """SSE bytes of the events after seq ``after``, then live ones.

        With ``one_turn`` the stream ends after the first ``done`` or ``error``; otherwise it
        ends once the stored events are sent and no turn is in progress. While idle it sends a
        keep-alive comment every ``keepalive`` seconds.
        """
        key = (org_id, chat_id)
        while True:
            # Register before reading, so an append between the read and the wait still wakes us.
            signal = self._signals.setdefault(key, asyncio.Event())
            events = self._store.events_after(org_id, chat_id, after, _BATCH)
            for event in events:
                yield encode_event(event.data, event=event.kind, id=str(event.seq))
                after = event.seq
                if one_turn and event.kind in TERMINAL:
                    return
            if events:
                continue
            if not self.busy(org_id, chat_id):
                return
            try:
                await asyncio.wait_for(signal.wait(), self._keepalive)
            except TimeoutError:
                yield encode_comment("keep-alive")
