"""The exceptions of the realtime client."""

from __future__ import annotations

from typing import Any

from .._errors import AgentKitError

__all__ = [
    "HandlerError",
    "RealtimeAuthError",
    "RealtimeConnectionError",
    "RealtimeError",
    "RealtimeProtocolError",
]


class RealtimeError(AgentKitError):
    """Something went wrong on the realtime channel."""


class RealtimeAuthError(RealtimeError):
    """The server refused the key (close code 4401), the identity (4403) or the policy (1008).

    Terminal: the client does not connect again.

    Attributes:
        code: The websocket close code.
        reason: The close reason the server gave.
    """

    def __init__(self, code: int, reason: str) -> None:
        super().__init__(f"the realtime server refused the connection ({code} {reason})".strip())
        self.code = code
        self.reason = reason


class RealtimeConnectionError(RealtimeError):
    """The client could not connect, or is not connected when an action needs it."""


class RealtimeProtocolError(RealtimeError):
    """The server sent a frame this client could not read; the frame is skipped.

    Attributes:
        frame: The frame's text (at most its first 1,000 characters).
    """

    def __init__(self, message: str, frame: str) -> None:
        super().__init__(message)
        self.frame = frame[:1000]


class HandlerError(RealtimeError):
    """One of your handlers raised; the exception is ``__cause__``.

    For a ``message.new`` the message is not acknowledged, so the server delivers it again on a
    later connection.

    Attributes:
        event: The event the handler was given.
    """

    def __init__(self, event: Any, cause: BaseException) -> None:
        super().__init__(f"a handler of {getattr(event, 'type', 'an event')} raised {cause!r}")
        self.event = event
        self.__cause__ = cause
