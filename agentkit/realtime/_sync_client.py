"""``RealtimeClient``: the realtime channel with threads, over ``websockets``' threading client.

Written by hand beside the asyncio client (threads are beyond what ``scripts/unasync.py``
translates); both only carry out what the protocol core decides. One thread per connection
reads frames into the core; one thread takes the core's actions in order (send a frame, run
handlers, call REST) and wakes its timers. Every call into the core holds one lock.
"""

from __future__ import annotations

import asyncio
import functools
import inspect
import logging
import random
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Self, TypeVar

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
from ._socket import ConnectionFactory, Socket, SocketClosed, websockets_sync_factory

if TYPE_CHECKING:
    from .._sync.client import AgentKit

__all__ = ["RealtimeClient"]

logger = logging.getLogger("agentkit.realtime")
T = TypeVar("T")


class RealtimeClient(RealtimeBase):
    """Messages and events for your messaging identity as they happen, with threads.

    Register handlers, then connect; they run on the client's own thread::

        realtime = client.realtime()
        realtime.on_message(handle_message)
        with realtime:                 # connect(), then disconnect() at the end
            realtime.wait(timeout=60)  # or do other work meanwhile

    Each message reaches ``on_message`` once, in seq order per conversation, and is
    acknowledged after its handlers returned without raising. After every (re)connection the
    deliveries stored while you were away are drained over REST first.

    Args:
        client: The ``AgentKit`` whose key (a messaging identity's) and base URL to use; its
            REST calls drain offline deliveries and fill sequence gaps.
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
        client: AgentKit,
        *,
        resume_after: str | None = None,
        settings: RealtimeSettings | None = None,
        reconnect: ReconnectPolicy | None = None,
        connection_factory: ConnectionFactory | None = None,
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
        self._factory = connection_factory or websockets_sync_factory(open_timeout=open_timeout)
        self._lock = threading.RLock()
        self._wake = threading.Condition(self._lock)
        self._socket: Socket | None = None
        self._runner: threading.Thread | None = None
        self._first = threading.Event()
        self._first_error: Exception | None = None
        self._loop: asyncio.Runner | None = None

    def connect(self, timeout: float | None = 30.0) -> None:
        """Connect, and return once the server accepted the hello.

        Failed attempts are retried with backoff until ``timeout`` seconds have passed
        (``None``: no limit); handlers then run on the client's thread until ``disconnect()``.

        Raises:
            RealtimeAuthError: The server refused the key or the identity.
            RealtimeConnectionError: No connection was accepted in time, or the client was
                already started.
        """
        with self._lock:
            if self._runner is not None:
                raise RealtimeConnectionError("this realtime client was already connected once")
            self._core.start()
            self._runner = threading.Thread(target=self._run, name="agentkit-realtime", daemon=True)
        self._runner.start()
        if not self._first.wait(timeout):
            self.disconnect()
            raise RealtimeConnectionError(
                f"no realtime connection was accepted within {timeout} s ({self.url})"
            )
        if self._first_error is not None:
            raise self._first_error

    def disconnect(self) -> None:
        """Stop gracefully: the handlers already given events finish (and their messages are
        acknowledged), then the connection closes. Safe to call more than once, or from a
        handler."""
        self._call(self._core.disconnect)
        runner = self._runner
        if runner is not None and runner is not threading.current_thread():
            runner.join()

    def wait(self, timeout: float | None = None) -> bool:
        """Wait until the client stops, at most ``timeout`` seconds; whether it stopped.

        Raises:
            RealtimeAuthError: It stopped because the server refused the key or identity.
            RealtimeConnectionError: It stopped after too many failed attempts.
        """
        runner = self._runner
        if runner is not None:
            runner.join(timeout)
            if runner.is_alive():
                return False
        if self._core.error is not None:
            raise self._core.error
        return True

    def mark_read(self, message_id: str) -> None:
        """Move your read cursor up to a message (a ``message.read_ack`` frame).

        Raises:
            RealtimeConnectionError: Not connected.
        """
        self._call(lambda: self._core.read_ack(message_id))

    def set_presence(self, status: str, custom_status: str | None = None) -> None:
        """Set your presence: ``online``, ``away``, ``busy`` or ``offline``.

        Raises:
            RealtimeConnectionError: Not connected.
        """
        self._call(lambda: self._core.presence(status, custom_status))

    def start_typing(self, conversation_id: str) -> None:
        """Tell the conversation's other members you are typing.

        Raises:
            RealtimeConnectionError: Not connected.
        """
        self._call(lambda: self._core.typing(conversation_id, True))

    def stop_typing(self, conversation_id: str) -> None:
        """Tell the conversation's other members you stopped typing.

        Raises:
            RealtimeConnectionError: Not connected.
        """
        self._call(lambda: self._core.typing(conversation_id, False))

    def __enter__(self) -> Self:
        self.connect()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.disconnect()

    # -- the thread that carries out the core's actions -------------------------------------

    def _call(self, change: Callable[[], T]) -> T:
        """Change the core under the lock, and wake the actions thread."""
        with self._wake:
            result = change()
            self._wake.notify_all()
            return result

    def _next(self) -> Action:
        """The core's next action, waiting (and firing timers) until there is one."""
        core = self._core
        with self._wake:
            while True:
                deadline = core.next_deadline()
                if deadline is not None and deadline <= self._clock():
                    core.tick()
                    deadline = core.next_deadline()
                action = core.take()
                if action is not None:
                    return action
                timeout = None if deadline is None else max(0.0, deadline - self._clock())
                self._wake.wait(timeout)

    def _run(self) -> None:
        try:
            while True:
                action = self._next()
                if isinstance(action, Stopped):
                    self._settle_first(action.error)
                    return
                self._perform(action)
        finally:
            self._shut()

    def _perform(self, action: Action) -> None:
        core = self._core
        client = self._client
        if isinstance(action, SendFrame):
            socket = self._socket
            if socket is not None:
                try:
                    socket.send(action.text)
                except (SocketClosed, OSError):
                    pass  # the reading thread sees the close
        elif isinstance(action, Dispatch):
            event = action.event
            ok = self._dispatch(event)
            if isinstance(event, MessageNew):
                self._call(lambda: core.handled(event, ok))
            elif isinstance(event, Connected):
                self._settle_first(None)
        elif isinstance(action, Connect):
            threading.Thread(
                target=self._connection, name="agentkit-realtime-reader", daemon=True
            ).start()
        elif isinstance(action, FetchSync):
            try:
                rows, more = _rest.fetch_sync(client, action.after, action.limit)
            except Exception as exc:  # every failure is reported; the drain ends
                error = exc
                self._call(lambda: core.sync_failed(action.generation, error))
            else:
                self._call(lambda: core.sync_page(action.generation, rows, more))
        elif isinstance(action, AckSync):
            try:
                _rest.ack_sync(client, action.last_delivery_id)
            except Exception as exc:  # the next drain acknowledges again
                self._report(exc)
        elif isinstance(action, FetchHistory):
            cid = action.conversation_id
            try:
                messages, more = _rest.fetch_history(client, cid, action.after_seq, action.limit)
            except Exception as exc:
                failure = exc
                self._call(lambda: core.history_failed(cid, failure))
            else:
                self._call(lambda: core.history_page(cid, messages, more))
        elif isinstance(action, FetchStored):
            probed = action.conversation_id
            try:
                found, further = _rest.fetch_sync(client, action.after, action.limit)
            except Exception as exc:
                problem = exc
                self._call(lambda: core.stored_failed(probed, problem))
            else:
                self._call(lambda: core.stored_page(probed, action.after, found, further))
        elif isinstance(action, ReportError):
            self._report(action.error)
        elif isinstance(action, CloseConnection):
            socket = self._socket
            if socket is None:
                self._call(lambda: core.closed(action.code, action.reason))
            else:
                try:
                    socket.close(action.code, action.reason)
                except (SocketClosed, OSError):
                    pass

    def _connection(self) -> None:
        """Open a socket and read it into the core until it closes (its own thread)."""
        core = self._core
        try:
            socket = self._factory(self.url)
        except Exception as exc:  # any failure to open is one failed attempt
            failure = exc
            self._call(lambda: core.open_failed(failure))
            return
        self._socket = socket
        self._call(core.opened)
        code, reason = 1006, ""
        try:
            while True:
                text = socket.recv()
                self._call(functools.partial(core.receive, text))
        except SocketClosed as closed:
            code, reason = closed.code, closed.reason
        except Exception as exc:  # a broken connection is a drop like any other
            reason = str(exc)
        if self._socket is socket:
            self._socket = None
        self._call(lambda: core.closed(code, reason))

    def _invoke(self, handler: Callable[[Any], object], argument: object) -> None:
        result = handler(argument)
        if inspect.isawaitable(result):
            # An async handler on the threaded client runs on this thread's own event loop.
            if self._loop is None:
                self._loop = asyncio.Runner()
            self._loop.run(_awaited(result))

    def _dispatch(self, event: object) -> bool:
        """Run the event's handlers; whether none raised."""
        ok = True
        for handler, argument in self._handlers.calls(event):
            try:
                self._invoke(handler, argument)
            except Exception as exc:
                ok = False
                self._report(HandlerError(event, exc))
        return ok

    def _report(self, error: Exception) -> None:
        handlers = self._handlers.of(ON_ERROR)
        if not handlers:
            logger.warning("realtime: %s", error)
        for handler in handlers:
            try:
                self._invoke(handler, error)
            except Exception:
                logger.exception("an on_error handler raised")

    def _settle_first(self, error: Exception | None) -> None:
        if not self._first.is_set():
            self._first_error = error
            self._first.set()

    def _shut(self) -> None:
        self._settle_first(RealtimeConnectionError("the realtime client stopped"))
        socket, self._socket = self._socket, None
        if socket is not None:
            try:
                socket.close(1000, "client disconnect")
            except Exception:  # already gone
                logger.debug("closing the realtime socket failed", exc_info=True)
        if self._loop is not None:
            self._loop.close()


async def _awaited(awaitable: Any) -> None:
    await awaitable
