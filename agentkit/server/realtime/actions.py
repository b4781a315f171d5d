"""What a client's frames do once it said hello: acknowledgements, read cursors, presence and
typing. Each refused frame raises the ``ApiError`` its ``error`` frame reports."""

from __future__ import annotations

import time

from ..core.errors import ApiError
from ..core.state import ServerState
from ..core.store import Row
from ..messaging.events import MessagingEvents
from ..messaging.message_routes import read_up_to
from ..messaging.social_routes import set_presence
from .connection import Connection

__all__ = ["act"]


def act(state: ServerState, connection: Connection, frame: Row) -> None:
    """Do what a checked client frame asks (a second ``hello`` is ignored).

    Raises:
        ApiError: The frame names a message or conversation the identity cannot see.
    """
    kind = frame["type"]
    store = state.store
    identity_id = connection.identity_id
    if kind == "ack":
        # Unknown or foreign ids are ignored alike: an ack tells nothing about other messages.
        store.acknowledge_message(identity_id, frame["message_id"])
    elif kind == "message.read_ack":
        message = store.message_for(frame["message_id"], identity_id)
        if message is None:
            raise ApiError("MESSAGE_NOT_FOUND", f"no message {frame['message_id']!r}")
        read_up_to(state, _me(state, connection), message)
    elif kind == "presence.update":
        set_presence(state, _me(state, connection), frame["status"], frame.get("custom_status"))
    elif kind in ("typing.start", "typing.stop"):
        _relay_typing(state, connection, kind, frame["conversation_id"])


def _me(state: ServerState, connection: Connection) -> Row:
    identity = state.store.identity_by_id(connection.identity_id)
    if identity is None:  # deleted while connected
        raise ApiError("IDENTITY_NOT_FOUND", "this connection's identity no longer exists")
    return identity


def _relay_typing(
    state: ServerState, connection: Connection, kind: str, conversation_id: str
) -> None:
    found = state.store.member_kind(conversation_id, connection.identity_id)
    if found is None:
        raise ApiError("CONVERSATION_NOT_FOUND", f"no conversation {conversation_id!r}")
    moment = time.monotonic()
    last = connection.typing_relayed.get((conversation_id, kind))
    if last is not None and moment - last < state.config.realtime_typing_interval:
        return  # a flood of typing frames reaches the others once per interval
    if len(connection.typing_relayed) > 256:
        connection.typing_relayed.clear()
    connection.typing_relayed[(conversation_id, kind)] = moment
    payload = {"conversation_id": conversation_id, "handle": connection.handle}
    state.service(MessagingEvents).relay(kind, payload, found.others)
