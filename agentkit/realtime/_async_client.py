"""``AsyncRealtimeClient``: the realtime channel on asyncio, over ``websockets``' asyncio client.

It only carries out what the protocol core decides: one task opens the socket and reads frames
into the core, another takes the core's actions in order (send a frame, run handlers, call
REST) and wakes the core's timers.
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import logging
import random
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Self

from . import _rest
from ._base import RealtimeBase
from ._errors import HandlerError, RealtimeConnectionError
from ._events import Connected, MessageNew
from ._handlers import ON_ERROR
from ._protocol import (
    AckSync,
    Action,
    CloseConnection,
    Connect,
    Dispatch,
    FetchHistory,
    FetchStored,
    FetchSync,
    RealtimeSettings,
    ReportError,
    SendFrame,
    Stopped,
)
from ._reconnect import ReconnectPolicy
from ._socket import AsyncConnectionFactory, AsyncSocket, SocketClosed, websockets_factory

if TYPE_CHECKING:
    from .._async.client import AsyncAgentKit

__all__ = ["AsyncRealtimeClient"]

logger = logging.getLogger("agentkit.realtime")


class AsyncRealtimeClient(RealtimeBase):
    """Messages and events for your messaging identity as they happen, on asyncio.

    Register handlers, then connect::

        realtime = client.realtime()
        realtime.on_message(handle_message)       # a plain or an async function
        async with realtime:                      # connect(), then disconnect() at the end
            await realtime.wait()                 # until disconnect() or a terminal error

    Each message reaches ``on_message`` once, in seq order per conversation, and is
    acknowledged after its handlers returned without raising. After every (re)connection the
    deliveries stored while you were away are drained over REST first.

    Args:
        client: The ``AsyncAgentKit`` whose key (a messaging identity's) and base URL to use;
            its REST calls drain offline deliveries and fill sequence gaps.
        resume_after: The delivery id you processed last (``cursor``, persisted).
        settings: Timeouts and bounds (gap timer, hello timeout, buffer sizes).
        reconnect: The backoff between connection attempts.
        connection_factory: Opens a socket for a URL (default: ``websockets``).
        clock: Seconds from a monotonic clock (default ``time.monotonic``).
        rng: The randomness of the backoff jitter.
        open_timeout: Seconds to open a socket.

    Raises:
        ConfigurationError: The client has no API key, or its base URL is not http(s).
    """

    def __init__(
        self,
        client: AsyncAgentKit,
        *,
        resume_after: str | None = None,
        settings: RealtimeSettings | None = None,
        reconnect: ReconnectPolicy | None = None,
        connection_factory: AsyncConnectionFactory | None = None,
        clock: Callable[[], float] | None = None,
        rng: random.Random | None = None,
        open_timeout: float = 10.0,
    ) -> None:
        super().__init__(
            api_key=client._settings.api_key,
            base_url=client.base_url,
            resume_after=resume_after,
            settings=settings,
            reconnect=reconnect,
            clock=clock,
            rng=rng,
            open_timeout=open_timeout,
        )
        self._client = client
        self._clock = clock or time.monotonic
        self._factory = connection_factory or websockets_factory(open_timeout=open_timeout)
        self._socket: AsyncSocket | None = None
        self._wake = asyncio.Event()
        self._runner: asyncio.Task[None] | None = None
        self._reader: asyncio.Task[None] | None = None
        self._first: asyncio.Future[None] | None = None

    async def connect(self, timeout: float | None = 30.0) -> None:  # noqa: ASYNC109
        """Connect, and return once the server accepted the hello.

        Failed attempts are retried with backoff until ``timeout`` seconds have passed
        (``None``: no limit); handlers then run in the background until ``disconnect()``.

        Raises:
            RealtimeAuthError: The server refused the key or the identity.
            RealtimeConnectionError: No connection was accepted in time, or the client was
                already started.
        """
        if self._runner is not None:
            raise RealtimeConnectionError("this realtime client was already connected once")
        self._first = asyncio.get_running_loop().create_future()
        self._core.start()
        self._runner = asyncio.create_task(self._run())
        try:
            await asyncio.wait_for(asyncio.shield(self._first), timeout)
        except TimeoutError:
            await self.disconnect()
            raise RealtimeConnectionError(
                f"no realtime connection was accepted within {timeout} s ({self.url})"
            ) from None

    async def disconnect(self) -> None:
        """Stop gracefully: the handlers already given events finish (and their messages are
        acknowledged), then the connection closes. Safe to call more than once, or from a
        handler."""
        self._core.disconnect()
        self._wake.set()
        runner = self._runner
        if runner is None or runner is asyncio.current_task():
            return
        with contextlib.suppress(asyncio.CancelledError):
            await asyncio.shield(runner)

    async def wait(self) -> None:
        """Wait until the client stops.

        Raises:
            RealtimeAuthError: It stopped because the server refused the key or identity.
            RealtimeConnectionError: It stopped after too many failed attempts.
        """
        if self._runner is not None:
            await asyncio.shield(self._runner)
        if self._core.error is not None:
            raise self._core.error

    def mark_read(self, message_id: str) -> None:
        """Move your read cursor up to a message (a ``message.read_ack`` frame).

        Raises:
            RealtimeConnectionError: Not connected.
        """
        self._core.read_ack(message_id)
        self._wake.set()

    def set_presence(self, status: str, custom_status: str | None = None) -> None:
        """Set your presence: ``online``, ``away``, ``busy`` or ``offline``.

        Raises:
            RealtimeConnectionError: Not connected.
        """
        self._core.presence(status, custom_status)
        self._wake.set()

    def start_typing(self, conversation_id: str) -> None:
        """Tell the conversation's other members you are typing.

        Raises:
            RealtimeConnectionError: Not connected.
        """
        self._core.typing(conversation_id, True)
        self._wake.set()

    def stop_typing(self, conversation_id: str) -> None:
        """Tell the conversation's other members you stopped typing.

        Raises:
            RealtimeConnectionError: Not connected.
        """
        self._core.typing(conversation_id, False)
        self._wake.set()

    async def __aenter__(self) -> Self:
        await self.connect()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.disconnect()

    # -- the loop that carries out the core's actions ---------------------------------------

    async def _run(self) -> None:
        core = self._core
        try:
            while True:
                deadline = core.next_deadline()
                if deadline is not None and deadline <= self._clock():
                    core.tick()
                action = core.take()
                if action is None:
                    await self._idle(deadline)
                    continue
                if isinstance(action, Stopped):
                    self._settle_first(action.error)
                    return
                await self._perform(action)
        finally:
            await self._shut()

    async def _idle(self, deadline: float | None) -> None:
        self._wake.clear()
        if self._core_has_work():
            return
        timeout = None if deadline is None else max(0.0, deadline - self._clock())
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._wake.wait(), timeout)

    def _core_has_work(self) -> bool:
        deadline = self._core.next_deadline()
        return deadline is not None and deadline <= self._clock()

    async def _perform(self, action: Action) -> None:
        core = self._core
        client = self._client
        if isinstance(action, SendFrame):
            if self._socket is not None:
                with contextlib.suppress(SocketClosed, OSError):
                    await self._socket.send(action.text)
        elif isinstance(action, Dispatch):
            event = action.event
            ok = await self._dispatch(event)
            if isinstance(event, MessageNew):
                core.handled(event, ok)
            elif isinstance(event, Connected):
                self._settle_first(None)
        elif isinstance(action, Connect):
            self._reader = asyncio.create_task(self._connection())
        elif isinstance(action, FetchSync):
            try:
                rows, more = await _rest.afetch_sync(client, action.after, action.limit)
            except Exception as exc:  # every failure is reported; the drain ends
                core.sync_failed(action.generation, exc)
            else:
                core.sync_page(action.generation, rows, more)
        elif isinstance(action, AckSync):
            try:
                await _rest.aack_sync(client, action.last_delivery_id)
            except Exception as exc:  # the next drain acknowledges again
                await self._report(exc)
        elif isinstance(action, FetchHistory):
            try:
                messages, more = await _rest.afetch_history(
                    client, action.conversation_id, action.after_seq, action.limit
                )
            except Exception as exc:
                core.history_failed(action.conversation_id, exc)
            else:
                core.history_page(action.conversation_id, messages, more)
        elif isinstance(action, FetchStored):
            try:
                rows, more = await _rest.afetch_sync(client, action.after, action.limit)
            except Exception as exc:
                core.stored_failed(action.conversation_id, exc)
            else:
                core.stored_page(action.conversation_id, action.after, rows, more)
        elif isinstance(action, ReportError):
            await self._report(action.error)
        elif isinstance(action, CloseConnection):
            socket = self._socket
            if socket is None:
                core.closed(action.code, action.reason)
            else:
                with contextlib.suppress(SocketClosed, OSError):
                    await socket.close(action.code, action.reason)

    async def _connection(self) -> None:
        """Open a socket and read it into the core until it closes."""
        core = self._core
        try:
            socket = await asyncio.wait_for(self._factory(self.url), self._open_timeout)
        except Exception as exc:  # any failure to open is one failed attempt
            core.open_failed(exc)
            self._wake.set()
            return
        self._socket = socket
        core.opened()
        self._wake.set()
        code, reason = 1006, ""
        try:
            while True:
                core.receive(await socket.recv())
                self._wake.set()
        except SocketClosed as closed:
            code, reason = closed.code, closed.reason
        except Exception as exc:  # a broken connection is a drop like any other
            reason = str(exc)
        self._socket = None
        core.closed(code, reason)
        self._wake.set()

    async def _dispatch(self, event: object) -> bool:
        """Run the event's handlers; whether none raised."""
        ok = True
        for handler, argument in self._handlers.calls(event):
            try:
                result = handler(argument)
                if inspect.isawaitable(result):
                    await result
            except Exception as exc:
                ok = False
                await self._report(HandlerError(event, exc))
        return ok

    async def _report(self, error: Exception) -> None:
        handlers = self._handlers.of(ON_ERROR)
        if not handlers:
            logger.warning("realtime: %s", error)
        for handler in handlers:
            try:
                result = handler(error)
                if inspect.isawaitable(result):
                    await result
            except Exception:
                logger.exception("an on_error handler raised")

    def _settle_first(self, error: Exception | None) -> None:
        first = self._first
        if first is not None and not first.done():
            if error is None:
                first.set_result(None)
            else:
                first.set_exception(error)
                first.exception()  # retrieved here, so an unawaited future does not warn

    async def _shut(self) -> None:
        self._settle_first(RealtimeConnectionError("the realtime client stopped"))
        socket, self._socket = self._socket, None
        if socket is not None:
            with contextlib.suppress(Exception):
                await socket.close(1000, "client disconnect")
        reader = self._reader
        if reader is not None and not reader.done():
            reader.cancel()
            with contextlib.suppress(BaseException):
                await reader
