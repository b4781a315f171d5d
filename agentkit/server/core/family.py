"""A resource family as the app assembles it: its handlers, its streams, its long-lived parts."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, MutableMapping
from dataclasses import dataclass
from typing import Any

from .call import Handler
from .errors import ErrorBody
from .event_log import StreamKind
from .state import ServerState

__all__ = ["Family", "SocketHandler"]

#: A websocket channel's code: it gets the app's state and the connection's ASGI scope,
#: receive and send, and returns when the connection is over.
SocketHandler = Callable[
    [
        ServerState,
        MutableMapping[str, Any],
        Callable[[], Awaitable[MutableMapping[str, Any]]],
        Callable[[MutableMapping[str, Any]], Awaitable[None]],
    ],
    Awaitable[None],
]


@dataclass(frozen=True)
class Family:
    """One family of the server (agents, chats, ...).

    Attributes:
        name: The family, as the contract tags its operations.
        handlers: Its operations' code, by operation id.
        stream_kinds: The kinds of event stream it writes.
        setup: Called once the app's state exists, to add the family's stream formats and
            long-lived parts (``ServerState.add_service``).
        startup: Called once every family is set up, before the app serves its first request:
            to close the turns a stopped server left open in the store.
        error_bodies: The error body of each foreign format it speaks (``x-foreign-format``),
            for its operations of that format.
        tags: The contract tags whose operations it handles, when that is more than the one
            named ``name`` (messaging handles ``identity``, ``messages``, ``conversations``).
        sockets: Its websocket channels, by the name the contract describes each under
            (``realtime`` for the top-level ``x-realtime``, whose ``path`` it is served at).
        serving: Called on the app's event loop when it starts serving (the ASGI lifespan's
            startup), to start background work, such as sending what a stopped server left
            queued. An app run without a lifespan must start such work on demand too.
    """

    name: str
    handlers: Mapping[str, Handler]
    stream_kinds: tuple[StreamKind, ...] = ()
    setup: Callable[[ServerState], None] | None = None
    startup: Callable[[ServerState], None] | None = None
    error_bodies: Mapping[str, ErrorBody] | None = None
    tags: tuple[str, ...] = ()
    sockets: Mapping[str, SocketHandler] | None = None
    serving: Callable[[ServerState], None] | None = None
