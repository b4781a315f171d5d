"""What happens in messaging, told to whoever listens (realtime pushes, webhooks) once it is
kept.

A route publishes an event when it changes something another identity should hear of; the
listeners are called after the change is committed, never for a change that was rolled back,
in the order the events were published. A listener must be quick (it queues work, it does not
send) and must not raise.

A listener that only writes (the webhook queue) is called instead as the event is published,
inside the change's transaction (``with_change=True``): what it writes is kept with the change
or not at all, so an instance killed right after the commit cannot leave a stored message
whose webhook was never queued.

Instances sharing one database (``core.cluster``) hear each other's events: each is notified
with the change, and the listeners that serve this instance's own connections
(``everywhere=True``, the realtime pushes) get the events of every instance; the others (the
webhook queue) only this instance's, so that each event is queued once.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, fields

from ..core.cluster import Cluster
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
_EVENT_FIELDS = tuple(each.name for each in fields(MessagingEvent))

#: The notification channel of messaging events: the event as JSON, or ``@<id>`` of one kept in
#: the store (a notification holds at most 8000 bytes).
FANOUT_CHANNEL = "agentkit_messaging"
_INLINE_LIMIT = 7000
_KEEP_KEPT_EVENTS = 300.0


class MessagingEvents:
    """The listeners, and the publishing of events to them after commit."""

    def __init__(self, state: ServerState) -> None:
        self._state = state
        self._listeners: list[Listener] = []
        self._everywhere: list[Listener] = []
        self._with_change: list[Listener] = []
        self._cluster = state.find_service(Cluster)
        if self._cluster is not None:
            self._cluster.on(FANOUT_CHANNEL, self._heard, from_self=False)
            self._cluster.add_sweeper(self._purge)

    def subscribe(
        self, listener: Listener, *, everywhere: bool = False, with_change: bool = False
    ) -> Callable[[], None]:
        """Call ``listener`` with every event from now on; the function that stops it.

        With ``everywhere``, it also gets the events other instances publish (for what this
        instance alone serves, such as its realtime connections). With ``with_change``, it is
        called as the event is published, inside the writes that made it, so that its own
        writes are kept or undone with them; such a listener must only write, and must tell
        anyone what it wrote only with ``after_commit``.
        """
        if with_change and everywhere:
            raise ValueError("another instance's events are heard after their commit")
        (self._with_change if with_change else self._listeners).append(listener)
        if everywhere:
            self._everywhere.append(listener)

        def unsubscribe() -> None:
            for listeners in (self._listeners, self._everywhere, self._with_change):
                if listener in listeners:
                    listeners.remove(listener)

        return unsubscribe

    def publish(self, type: str, payload: Row, recipients: Iterable[str]) -> MessagingEvent:
        """Tell the listeners about ``payload`` once the writes made so far are kept."""
        event = MessagingEvent(type, payload, tuple(dict.fromkeys(recipients)))
        if event.recipients:
            self._dispatch(event, self._with_change)
            self._state.store.after_commit(lambda: self._dispatch(event, self._listeners))
            if self._cluster is not None:
                self._tell_others(self._cluster, event)
        return event

    def relay(self, type: str, payload: Row, recipients: Iterable[str]) -> MessagingEvent:
        """Tell the listeners that serve connections, on every instance, of something that is
        never stored (someone typing): at once, and to no webhook."""
        event = MessagingEvent(type, payload, tuple(dict.fromkeys(recipients)))
        if event.recipients:
            self._dispatch(event, self._everywhere)
            if self._cluster is not None:
                self._tell_others(self._cluster, event)
        return event

    def _dispatch(self, event: MessagingEvent, listeners: list[Listener]) -> None:
        for listener in list(listeners):
            try:
                listener(event)
            except Exception:  # one listener's bug must not silence the others
                logger.exception("a messaging listener failed on %s", event.type)

    def _tell_others(self, cluster: Cluster, event: MessagingEvent) -> None:
        # The fields as they are (``dataclasses.asdict`` would deep-copy the payload first).
        said = {name: getattr(event, name) for name in _EVENT_FIELDS}
        text = json.dumps({"origin": cluster.id, **said})
        if len(text) > _INLINE_LIMIT:
            self._state.store.put_fanout(event.id, time.time(), text)
            text = "@" + event.id
        cluster.notify(FANOUT_CHANNEL, text)

    def _heard(self, payload: str | None) -> None:
        """An event notified by an instance: this one's own were dispatched already."""
        if payload is None:
            return  # missed events reach connections from the store when they resume
        if payload.startswith("@"):
            kept = self._state.store.fanout(payload[1:])
            if kept is None:
                return
            payload = kept
        data = json.loads(payload)
        if self._cluster is None or data.pop("origin") == self._cluster.id:
            return
        data["recipients"] = tuple(data["recipients"])
        self._dispatch(MessagingEvent(**data), self._everywhere)

    def _purge(self, live: set[str]) -> None:
        self._state.store.purge_fanout(time.time() - _KEEP_KEPT_EVENTS)
