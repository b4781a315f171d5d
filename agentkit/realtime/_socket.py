"""The socket the realtime clients move frames over, and its ``websockets`` implementations.

A connection factory takes the channel's URL and returns an open socket; pass your own to a
client to go through a proxy, or to test without a network. A socket's ``recv`` raises
``SocketClosed`` once the connection is over.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Protocol

from websockets.exceptions import ConnectionClosed

__all__ = [
    "AsyncConnectionFactory",
    "AsyncSocket",
    "ConnectionFactory",
    "Socket",
    "SocketClosed",
    "websockets_factory",
    "websockets_sync_factory",
]

#: The largest frame either side sends (the protocol's limit).
MAX_FRAME = 1 << 20


class SocketClosed(Exception):
    """The connection is over.

    Attributes:
        code: The close code received (1006 when none was).
        reason: The close reason received.
    """

    def __init__(self, code: int = 1006, reason: str = "") -> None:
        super().__init__(f"{code} {reason}".strip())
        self.code = code
        self.reason = reason


class AsyncSocket(Protocol):
    """An open connection, for the asyncio client."""

    async def send(self, text: str) -> None:
        """Send a text frame."""

    async def recv(self) -> str:
        """The next text frame; raises ``SocketClosed`` once the connection is over."""

    async def close(self, code: int, reason: str) -> None:
        """Close the connection."""


class Socket(Protocol):
    """An open connection, for the threaded client."""

    def send(self, text: str) -> None:
        """Send a text frame."""

    def recv(self) -> str:
        """The next text frame; raises ``SocketClosed`` once the connection is over."""

    def close(self, code: int, reason: str) -> None:
        """Close the connection."""


AsyncConnectionFactory = Callable[[str], Awaitable[AsyncSocket]]
ConnectionFactory = Callable[[str], Socket]


def _closed(exc: ConnectionClosed) -> SocketClosed:
    received = exc.rcvd
    if received is None:
        return SocketClosed(1006, "")
    return SocketClosed(received.code, received.reason)


def _text(frame: str | bytes) -> str:
    # The protocol sends text frames; a binary one is read as text so the core can refuse it.
    return frame if isinstance(frame, str) else frame.decode("utf-8", "replace")


class _AsyncWebsocket:
    def __init__(self, connection: object) -> None:
        from websockets.asyncio.client import ClientConnection

        assert isinstance(connection, ClientConnection)
        self._connection = connection

    async def send(self, text: str) -> None:
        try:
            await self._connection.send(text)
        except ConnectionClosed as exc:
            raise _closed(exc) from exc

    async def recv(self) -> str:
        try:
            return _text(await self._connection.recv())
        except ConnectionClosed as exc:
            raise _closed(exc) from exc

    async def close(self, code: int, reason: str) -> None:
        await self._connection.close(code, reason)


class _SyncWebsocket:
    def __init__(self, connection: object) -> None:
        from websockets.sync.client import ClientConnection

        assert isinstance(connection, ClientConnection)
        self._connection = connection

    def send(self, text: str) -> None:
        try:
            self._connection.send(text)
        except ConnectionClosed as exc:
            raise _closed(exc) from exc

    def recv(self) -> str:
        try:
            return _text(self._connection.recv())
        except ConnectionClosed as exc:
            raise _closed(exc) from exc

    def close(self, code: int, reason: str) -> None:
        self._connection.close(code, reason)


def websockets_factory(*, open_timeout: float = 10.0) -> AsyncConnectionFactory:
    """The default factory of the asyncio client: ``websockets``' asyncio client."""

    async def open_socket(url: str) -> AsyncSocket:
        from websockets.asyncio.client import connect

        connection = await connect(
            url, open_timeout=open_timeout, max_size=MAX_FRAME, close_timeout=5
        )
        return _AsyncWebsocket(connection)

    return open_socket


def websockets_sync_factory(*, open_timeout: float = 10.0) -> ConnectionFactory:
    """The default factory of the threaded client: ``websockets``' threading client."""

    def open_socket(url: str) -> Socket:
        from websockets.sync.client import connect

        connection = connect(url, open_timeout=open_timeout, max_size=MAX_FRAME, close_timeout=5)
        # Entered as a context manager is how websockets wants a connection it keeps beyond one
        # block (else it warns); ``close()`` ends it all the same.
        connection.__enter__()
        return _SyncWebsocket(connection)

    return open_socket
