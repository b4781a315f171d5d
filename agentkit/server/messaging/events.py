"""What happens in messaging, told to whoever listens (realtime pushes, webhooks) once it is
kept.

A route publishes an event when it changes something another identity should hear of; the
listeners are called after the change is committed, never for a change that was rolled back,
in the order the events were published. A listener must be quick (it queues work, it does not
send) and must not raise.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from ..core.ids import new_id, now
from ..core.state import ServerState
from ..core.store import Row

__all__ = ["Listener", "MessagingEvent", "MessagingEvents"]

logger = logging.getLogger("agentkit.server.messaging")


@dataclass(frozen=True)
class MessagingEvent:
    """One thing that happened, for the identities in ``recipients``.

    ``type`` is a realtime event name (``message.new``, ``message.read``, ...); ``payload`` is
    what the contract's frame for that type carries.
    """

    type: str
    payload: Row
    recipients: tuple[str, ...]
    id: str = field(default_factory=lambda: new_id("evt"))
    created_at: str = field(default_factory=now)


Listener = Callable[[MessagingEvent], None]


class MessagingEvents:
    """The listeners, and the publishing of events to them after commit."""

    def __init__(self, state: ServerState) -> None:
        self._state = state
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener`` with every event from now on; the function that stops it."""
        self._listeners.append(listener)

        def unsubscribe() -> None:
            if listener in self._listeners:
                self._listeners.remove(listener)

        return unsubscribe

    def publish(self, type: str, payload: Row, recipients: Iterable[str]) -> MessagingEvent:
        """Tell the listeners about ``payload`` once the writes made so far are kept."""
        event = MessagingEvent(type, payload, tuple(dict.fromkeys(recipients)))
        if event.recipients:
            self._state.store.after_commit(lambda: self._dispatch(event))
        return event

    def _dispatch(self, event: MessagingEvent) -> None:
        for listener in list(self._listeners):
            try:
                listener(event)
            except Exception:  # one listener's bug must not silence the others
                logger.exception("a messaging listener failed on %s", event.type)
