"""Realtime delivery for messaging identities: messages and events over a websocket.

    from agentkit import AgentKit
    client = AgentKit(api_key=identity_key)
    realtime = client.realtime()                  # or agentkit.realtime.RealtimeClient(client)
    realtime.on_message(lambda message: print(message.sender, message.content.text))
    with realtime:
        realtime.wait(timeout=60)

``AsyncAgentKit.realtime()`` gives the asyncio twin, ``AsyncRealtimeClient``. Both drive one
protocol core without I/O (``RealtimeProtocol``): the hello and its capabilities, acks after
your handlers, duplicates skipped, seq order per conversation with gaps filled from the
history, the offline drain after every connection, and the reconnect backoff.
"""

from __future__ import annotations

from .._events import UnknownEvent
from ._async_client import AsyncRealtimeClient
from ._errors import (
    HandlerError,
    RealtimeAuthError,
    RealtimeConnectionError,
    RealtimeError,
    RealtimeProtocolError,
)
from ._events import (
    Connected,
    Disconnected,
    ErrorEvent,
    GapReason,
    GroupDeleted,
    GroupInviteReceived,
    MessageNew,
    MessageRead,
    PresenceUpdate,
    RateLimitWarning,
    RealtimeEvent,
    SequenceGap,
    TypingStart,
    TypingStop,
)
from ._protocol import RealtimeProtocol, RealtimeSettings
from ._reconnect import TERMINAL_CLOSE_CODES, ReconnectPolicy
from ._socket import (
    AsyncConnectionFactory,
    AsyncSocket,
    ConnectionFactory,
    Socket,
    SocketClosed,
)
from ._sync_client import RealtimeClient

__all__ = [
    "TERMINAL_CLOSE_CODES",
    "AsyncConnectionFactory",
    "AsyncRealtimeClient",
    "AsyncSocket",
    "Connected",
    "ConnectionFactory",
    "Disconnected",
    "ErrorEvent",
    "GapReason",
    "GroupDeleted",
    "GroupInviteReceived",
    "HandlerError",
    "MessageNew",
    "MessageRead",
    "PresenceUpdate",
    "RateLimitWarning",
    "RealtimeAuthError",
    "RealtimeClient",
    "RealtimeConnectionError",
    "RealtimeError",
    "RealtimeEvent",
    "RealtimeProtocol",
    "RealtimeProtocolError",
    "RealtimeSettings",
    "ReconnectPolicy",
    "SequenceGap",
    "Socket",
    "SocketClosed",
    "TypingStart",
    "TypingStop",
    "UnknownEvent",
]
