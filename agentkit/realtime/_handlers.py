"""The handlers registered on a realtime client, and which of them an event goes to."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .._events import UnknownEvent
from ._events import Connected, Disconnected, MessageNew

__all__ = ["ALL", "ON_CONNECT", "ON_DISCONNECT", "ON_ERROR", "ON_MESSAGE", "Handlers"]

# Keys of the handlers that are not an event type of the channel.
ON_MESSAGE = "#message"
ON_ERROR = "#error"
ON_CONNECT = "#connect"
ON_DISCONNECT = "#disconnect"
#: ``on("*")``: every server event (unknown types included) and every sequence gap.
ALL = "*"

Handler = Callable[[Any], object]


class Handlers:
    """Handlers by key, in the order they were added."""

    def __init__(self) -> None:
        self._by_key: dict[str, list[Handler]] = {}

    def add(self, key: str, handler: Handler) -> Callable[[], None]:
        """Register ``handler`` under ``key``; the function that removes it again."""
        if not callable(handler):
            raise TypeError(f"a handler must be callable, not {type(handler).__name__}")
        handlers = self._by_key.setdefault(key, [])
        handlers.append(handler)

        def unsubscribe() -> None:
            if handler in handlers:
                handlers.remove(handler)

        return unsubscribe

    def of(self, key: str) -> list[Handler]:
        """A copy of the handlers under ``key`` (a handler may unsubscribe while they run)."""
        return list(self._by_key.get(key, ()))

    def calls(self, event: object) -> list[tuple[Handler, object]]:
        """The handlers an event goes to, each with what it is called with."""
        if isinstance(event, Connected):
            return [(h, event) for h in self.of(ON_CONNECT)]
        if isinstance(event, Disconnected):
            return [(h, event) for h in self.of(ON_DISCONNECT)]
        calls: list[tuple[Handler, object]] = []
        if isinstance(event, MessageNew):
            calls += [(h, event.message) for h in self.of(ON_MESSAGE)]
        kind = event.event if isinstance(event, UnknownEvent) else getattr(event, "type", "")
        calls += [(h, event) for h in self.of(kind)]
        calls += [(h, event) for h in self.of(ALL)]
        return calls
