"""The realtime connections of the server, by identity, and the pushing of messaging events to
them."""

from __future__ import annotations

import asyncio
import logging

from ..core.cluster import Cluster
from ..core.ids import now
from ..core.state import ServerState
from ..core.store import Row
from ..messaging import MessagingEvent
from .connection import Connection, Outgoing
from .frames import event_frame, message_frame

__all__ = ["Hub"]

logger = logging.getLogger("agentkit.server.realtime")


class Hub:
    """Who is connected, and what each connection is sent.

    An identity may have several connections at once; each gets every push. ``push`` is a
    ``MessagingEvents`` listener, so it runs once the change is committed. It only queues
    frames (``Connection.offer``); each connection's own task sends them.
    """

    def __init__(self, state: ServerState) -> None:
        self._state = state
        self._connections: dict[str, list[Connection]] = {}
        self._loop: asyncio.AbstractEventLoop | None = None

    def attach(self, connection: Connection) -> None:
        """Start pushing to ``connection`` (from the loop it is served on)."""
        self._loop = asyncio.get_running_loop()
        cluster = self._state.find_service(Cluster)
        if cluster is not None:
            cluster.bind(self._loop)  # where other instances' events reach this one
        self._connections.setdefault(connection.identity_id, []).append(connection)

    def detach(self, connection: Connection) -> None:
        """Stop pushing to ``connection`` (again: nothing happens)."""
        found = self._connections.get(connection.identity_id, [])
        if connection in found:
            found.remove(connection)
        if not found:
            self._connections.pop(connection.identity_id, None)

    def connections_of(self, identity_id: str) -> list[Connection]:
        """The identity's connections now."""
        return list(self._connections.get(identity_id, ()))

    def tell(self, type: str, event_id: str, payload: Row, to: list[str]) -> None:
        """Queue one event frame for every connection of the identities ``to``."""
        frame: Outgoing | None = None
        for identity_id in dict.fromkeys(to):
            for connection in self._connections.get(identity_id, ()):
                frame = frame or Outgoing(event_frame(type, event_id, payload))
                connection.offer(frame)

    def push(self, event: MessagingEvent) -> None:
        """Queue ``event`` for the connections of its recipients.

        A commit made on another thread (a test writing to the store) runs this there: the
        event is then handed to the loop the connections live on.
        """
        loop = self._loop
        if loop is None:
            return  # nobody ever connected
        try:
            running = asyncio.get_running_loop()
        except RuntimeError:
            running = None
        if running is not loop:
            loop.call_soon_threadsafe(self._push, event)
            return
        self._push(event)

    def _push(self, event: MessagingEvent) -> None:
        if event.type == "message.new":
            self._push_message(event)
        else:
            self.tell(event.type, event.id, event.payload, list(event.recipients))

    def _push_message(self, event: MessagingEvent) -> None:
        store = self._state.store
        message = event.payload
        moment = now()
        for identity_id in event.recipients:
            live = [c for c in self._connections.get(identity_id, ()) if c.live]
            if not live:
                continue  # stored; a connection that is replaying reads it from the store
            if store.muted_for(identity_id, message["sender"], message["conversation_id"], moment):
                continue
            delivery_id = store.delivery_of(identity_id, message["id"])
            if delivery_id is None:
                logger.warning("no delivery of %s for a recipient", message["id"])
                continue
            frame = Outgoing(message_frame(event.id, delivery_id, message), message["id"])
            for connection in live:
                connection.offer(frame)
