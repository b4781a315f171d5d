"""One realtime connection as the rest of the server sees it: who it is, and a bounded queue of
frames waiting to be sent to it."""

from __future__ import annotations

import asyncio
from collections import deque
from dataclasses import dataclass

__all__ = ["TOO_SLOW", "Connection", "Outgoing"]

#: The close for a client that fell too far behind: transient ("try again later"), so the SDK
#: reconnects and gets its deliveries again.
TOO_SLOW = (1013, "too far behind; reconnect")


@dataclass(frozen=True, slots=True)
class Outgoing:
    """A frame to send; ``message_id`` for a ``message.new`` (a delivery once it is sent, when
    the connection does not acknowledge)."""

    text: str
    message_id: str | None = None


class Connection:
    """A connected, authenticated client of one identity.

    Frames are offered without waiting: a listener publishing an event must never block on a
    slow client. When more than ``limit`` frames wait, the connection is to be closed
    (``closing``) rather than grow: what it missed stays stored, and is sent again when it
    reconnects.
    """

    def __init__(
        self, identity_id: str, handle: str, session_id: str, ack_mode: bool, limit: int
    ) -> None:
        self.identity_id = identity_id
        self.handle = handle
        self.session_id = session_id
        self.ack_mode = ack_mode
        #: Whether live ``message.new`` pushes reach it: in ack mode only once the stored
        #: deliveries were sent (those that arrive meanwhile are read from the store).
        self.live = not ack_mode
        self.closing: tuple[int, str] | None = None
        #: When it last relayed typing, by (conversation, type): floods are not relayed.
        self.typing_relayed: dict[tuple[str, str], float] = {}
        self._limit = limit
        self._queue: deque[Outgoing] = deque()
        self._ready = asyncio.Event()

    @property
    def waiting(self) -> int:
        """How many frames wait to be sent."""
        return len(self._queue)

    def offer(self, frame: Outgoing) -> None:
        """Queue a frame; past the limit, close the connection instead."""
        if self.closing is not None:
            return
        if len(self._queue) >= self._limit:
            self.close(*TOO_SLOW)
            return
        self._queue.append(frame)
        self._ready.set()

    def close(self, code: int, reason: str) -> None:
        """Stop sending frames and close with ``code`` (the first reason given wins)."""
        if self.closing is None:
            self.closing = (code, reason)
            self._queue.clear()
        self._ready.set()

    async def next(self) -> Outgoing | None:
        """The next frame to send, once there is one; ``None`` once the connection closes."""
        while not self._queue and self.closing is None:
            self._ready.clear()
            await self._ready.wait()
        if self.closing is not None:
            return None
        return self._queue.popleft()
