"""The realtime client's protocol, without I/O: a state machine fed with what happened (a frame
arrived, the socket closed, a handler finished, a REST page came back, time passed) that says
what to do next as actions (send a frame, run the handlers of an event, fetch a page, connect).

The asyncio and the threaded clients only carry these actions out. Everything that decides is
here, on an injected clock, so it is tested without sockets or sleeping.

Delivery rules:

- Frames before ``hello.ok`` are dropped; ack mode is on only if the server echoes ``ack``.
- After every ``hello.ok`` the offline deliveries are drained over REST sync (page after page)
  before any live frame is acted on; live frames received meanwhile wait, in order.
- Every ``message.new`` (live, drained or fetched to fill a gap) goes through one pipeline: a
  message already handled is skipped and acknowledged again; otherwise the conversation's seq
  ordering releases it in order, and its handlers run. It is acknowledged only once every
  handler returned without raising; a raising handler leaves it unacknowledged, so the server
  delivers it again later, and then it is handled even out of order.
- A conversation first seen by a push past seq 1 is anchored only after its still-stored
  deliveries were searched for messages before that push (one lost on the way is found there).
- The drain is acknowledged over REST (``ack_sync``) up to the last delivery of the run that
  every handler took without raising.
- The ordering state and the handled ids outlive a connection, so a reconnect neither repeats a
  message nor lets one through out of order.
"""

from __future__ import annotations

import json
import random
import time
from collections import OrderedDict, deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, TypeAlias

from agentkit_api.models import Message

from .._errors import BadRequestError
from .._version import __version__
from ._errors import (
    RealtimeAuthError,
    RealtimeConnectionError,
    RealtimeProtocolError,
)
from ._events import (
    Connected,
    Disconnected,
    MessageNew,
    MessageSource,
    RealtimeEvent,
    UnknownEvent,
    dumps,
    parse_event,
)
from ._ordering import Ordering
from ._reconnect import TERMINAL_CLOSE_CODES, ReconnectPolicy
from ._seen import SeenIds

__all__ = [
    "AckSync",
    "Action",
    "CloseConnection",
    "Connect",
    "Dispatch",
    "FetchHistory",
    "FetchStored",
    "FetchSync",
    "RealtimeProtocol",
    "RealtimeSettings",
    "ReportError",
    "SendFrame",
    "Stopped",
]

#: The close code this client uses when the server does not answer its hello in time.
CLOSE_HELLO_UNANSWERED = 4000


@dataclass(frozen=True, slots=True)
class RealtimeSettings:
    """The realtime client's tunables.

    Attributes:
        gap_timeout: Seconds a hole in a conversation's seq may stay open before it is filled
            from the history.
        max_held: Messages held back behind a hole in one conversation before they are all
            released past it (``buffer_overflow``).
        history_page: Messages fetched per history page when filling a hole.
        sync_page: Deliveries fetched per sync page when draining (1 to 500).
        seen_capacity: Handled message ids remembered to skip duplicates.
        hello_timeout: Seconds to wait for ``hello.ok`` before closing and trying again.
        capabilities: The capabilities asked for in the hello.
    """

    gap_timeout: float = 2.0
    max_held: int = 500
    history_page: int = 100
    sync_page: int = 100
    seen_capacity: int = 10_000
    hello_timeout: float = 10.0
    capabilities: tuple[str, ...] = ("ack",)


@dataclass(frozen=True, slots=True)
class Connect:
    """Open a socket, then call ``opened()`` (or ``open_failed()``)."""

    attempt: int


@dataclass(frozen=True, slots=True)
class SendFrame:
    """Send this text frame on the open socket."""

    text: str


@dataclass(frozen=True, slots=True)
class Dispatch:
    """Run the handlers of this event; for a ``MessageNew`` then call ``handled()``."""

    event: RealtimeEvent | Connected | Disconnected


@dataclass(frozen=True, slots=True)
class ReportError:
    """Give this error to the ``on_error`` handlers."""

    error: Exception


@dataclass(frozen=True, slots=True)
class FetchSync:
    """Fetch a page of offline deliveries; then ``sync_page()`` or ``sync_failed()``."""

    generation: int
    after: str | None
    limit: int


@dataclass(frozen=True, slots=True)
class AckSync:
    """Acknowledge over REST every delivery up to this one (errors are only reported)."""

    last_delivery_id: str


@dataclass(frozen=True, slots=True)
class FetchHistory:
    """Fetch a conversation's messages after ``after_seq``; then ``history_page()`` or
    ``history_failed()``."""

    conversation_id: str
    after_seq: int
    limit: int


@dataclass(frozen=True, slots=True)
class FetchStored:
    """Fetch a page of the stored deliveries (as ``FetchSync``) to find the messages of a
    newly seen conversation that precede its first push; then ``stored_page()`` or
    ``stored_failed()``."""

    conversation_id: str
    after: str | None
    limit: int


@dataclass(frozen=True, slots=True)
class CloseConnection:
    """Close the socket with this code; ``closed()`` follows."""

    code: int
    reason: str


@dataclass(frozen=True, slots=True)
class Stopped:
    """No more connections: the client is done, with ``error`` when it did not stop by
    ``disconnect()``."""

    error: Exception | None


Action: TypeAlias = (
    Connect
    | SendFrame
    | Dispatch
    | ReportError
    | FetchSync
    | AckSync
    | FetchHistory
    | FetchStored
    | CloseConnection
    | Stopped
)

State: TypeAlias = Literal[
    "idle", "connecting", "handshake", "open", "waiting", "stopping", "stopped"
]


@dataclass(slots=True)
class _Incoming:
    message: Message
    delivery_id: str | None
    event_id: str | None
    source: MessageSource
    # One of your own messages met while filling a hole: it takes its seq but is not yours to
    # handle.
    own: bool = False


@dataclass(slots=True)
class _Drained:
    delivery_id: str
    outcome: bool | None = None  # None: not settled yet


@dataclass(slots=True)
class _Drain:
    generation: int
    after: str | None
    fetching: bool = True
    retried_from_start: bool = False
    rows: OrderedDict[str, _Drained] = field(default_factory=OrderedDict)
    unsettled: int = 0
    settled_through: str | None = None


class RealtimeProtocol:
    """The realtime client's decisions, fed by events and read as actions.

    Args:
        api_key: The messaging identity's key, sent in the hello.
        settings: Timeouts and bounds.
        reconnect: When to connect again after a drop.
        clock: Seconds from a monotonic clock.
        rng: The randomness of the backoff jitter.
        resume_after: The delivery id you processed last (persisted from ``cursor``): the first
            drain starts after it.
        can_sync: Whether the offline drain over REST sync is available.
        can_fill_gaps: Whether the conversation history over REST is available.
    """

    def __init__(
        self,
        api_key: str,
        *,
        settings: RealtimeSettings | None = None,
        reconnect: ReconnectPolicy | None = None,
        clock: Callable[[], float] = time.monotonic,
        rng: random.Random | None = None,
        resume_after: str | None = None,
        can_sync: bool = True,
        can_fill_gaps: bool = True,
    ) -> None:
        self._api_key = api_key
        self._settings = settings or RealtimeSettings()
        self._policy = reconnect or ReconnectPolicy()
        self._clock = clock
        self._rng = rng or random.Random()
        self._can_sync = can_sync
        self._can_fill_gaps = can_fill_gaps
        self._urgent: deque[Action] = deque()
        self._actions: deque[Action] = deque()
        self._state: State = "idle"
        self._generation = 0
        self._attempt = 0
        self._connected_at: float | None = None
        self._hello_deadline: float | None = None
        self._reconnect_deadline: float | None = None
        self._ack_mode = False
        self._handle: str | None = None
        self._session_id: str | None = None
        self._seen = SeenIds(self._settings.seen_capacity)
        self._failed = SeenIds(self._settings.seen_capacity)
        self._in_flight: set[str] = set()
        self._ordering: Ordering[_Incoming] = Ordering(
            gap_timeout=self._settings.gap_timeout, max_held=self._settings.max_held
        )
        self._drain: _Drain | None = None
        # Conversations first seen by a push past seq 1: their pushes wait while the stored
        # deliveries are searched for the messages before them.
        self._probing: dict[str, list[_Incoming]] = {}
        self._probe_rows: dict[str, list[tuple[str, Message]]] = {}
        self._waiting_live: list[tuple[dict[str, Any], str]] = []
        self._sync_from = resume_after
        self._cursor = resume_after
        self.error: Exception | None = None

    # -- what the wrapper reads ---------------------------------------------------------------

    @property
    def state(self) -> State:
        """Where the client is: ``idle``, ``connecting``, ``handshake``, ``open``, ``waiting``
        (to reconnect), ``stopping`` or ``stopped``."""
        return self._state

    @property
    def ack_mode(self) -> bool:
        """Whether the server echoed the ``ack`` capability on this connection."""
        return self._ack_mode

    @property
    def handle(self) -> str | None:
        """Your handle, once a connection was accepted."""
        return self._handle

    @property
    def session_id(self) -> str | None:
        """The server's id of the current connection."""
        return self._session_id

    @property
    def cursor(self) -> str | None:
        """The delivery id of the last message your handlers took without raising: persist it
        and pass it as ``resume_after`` to start the next drain after it."""
        return self._cursor

    @property
    def draining(self) -> bool:
        """Whether the offline deliveries are being fetched (live frames wait meanwhile)."""
        return self._drain is not None and self._drain.fetching

    def take(self) -> Action | None:
        """The next thing to do, or ``None`` until something happens."""
        if self._urgent:
            return self._urgent.popleft()
        while self._actions:
            action = self._actions.popleft()
            if self._state == "stopping" and isinstance(
                action, FetchSync | FetchHistory | FetchStored
            ):
                continue  # leaving: fetch nothing more
            return action
        return None

    def next_deadline(self) -> float | None:
        """When ``tick()`` has something to do, on the clock given."""
        deadlines = [self._hello_deadline, self._reconnect_deadline]
        if self._state != "stopping":
            deadlines.append(self._ordering.next_deadline())
        return min((d for d in deadlines if d is not None), default=None)

    # -- what happened ------------------------------------------------------------------------

    def start(self) -> None:
        """Begin: the first ``Connect``."""
        if self._state != "idle":
            return
        self._connect()

    def opened(self) -> None:
        """The socket is open: say hello."""
        if self._state == "stopping":
            self._urgent.append(CloseConnection(1000, "client disconnect"))
            return
        if self._state != "connecting":
            return
        self._state = "handshake"
        hello = {
            "type": "hello",
            "api_key": self._api_key,
            "capabilities": list(self._settings.capabilities),
            "client": "agentkit-python",
            "client_version": __version__,
        }
        self._urgent.append(SendFrame(dumps(hello)))
        self._hello_deadline = self._clock() + self._settings.hello_timeout

    def open_failed(self, error: BaseException) -> None:
        """The socket could not be opened."""
        if self._state == "stopping":
            self._stop(None)
        elif self._state == "connecting":
            self._lost(1006, str(error) or type(error).__name__)

    def receive(self, text: str) -> None:
        """A text frame arrived."""
        if self._state not in ("handshake", "open"):
            return
        try:
            frame = json.loads(text)
        except ValueError:
            frame = None
        if not isinstance(frame, dict):
            if self._state == "open":
                self._report(RealtimeProtocolError("a frame is not a JSON object", text))
            return
        if self._state == "handshake":
            if frame.get("type") == "hello.ok":
                self._hello_ok(frame)
            return  # anything before hello.ok is dropped
        if self._drain is not None and self._drain.fetching:
            self._waiting_live.append((frame, text))
        else:
            self._event(frame, text)

    def closed(self, code: int, reason: str = "") -> None:
        """The socket closed (1006 when it broke without a close frame)."""
        if self._state in ("idle", "waiting", "stopped"):
            return
        self._hello_deadline = None
        self._ack_mode = False
        if self._state == "stopping":
            self._actions.append(Dispatch(Disconnected(code, reason, reconnecting=False)))
            self._stop(None)
        elif code in TERMINAL_CLOSE_CODES:
            error = RealtimeAuthError(code, reason)
            self._actions.append(Dispatch(Disconnected(code, reason, reconnecting=False)))
            self._report(error)
            self._stop(error)
        else:
            self._lost(code, reason)

    def handled(self, event: MessageNew, ok: bool) -> None:
        """The handlers of ``event`` ran; ``ok`` when none raised."""
        message_id = event.message.id
        self._in_flight.discard(message_id)
        if ok:
            self._seen.add(message_id)
            self._ack(message_id)
            if event.delivery_id is not None:
                self._cursor = event.delivery_id
        else:
            self._failed.add(message_id)
        self._settle(message_id, ok)

    def sync_page(
        self, generation: int, rows: Sequence[tuple[str, Message]], has_more: bool
    ) -> None:
        """A page of offline deliveries (delivery id, message), oldest first."""
        drain = self._drain
        if drain is None or drain.generation != generation or not drain.fetching:
            return
        for delivery_id, message in rows:
            if message.id not in drain.rows:
                drain.rows[message.id] = _Drained(delivery_id)
                drain.unsettled += 1
        for delivery_id, message in rows:
            self._accept(_Incoming(message, delivery_id, None, "sync"))
        last = rows[-1][0] if rows else None
        if has_more and last is not None and last != drain.after and self._state == "open":
            drain.after = last
            self._actions.append(FetchSync(generation, last, self._settings.sync_page))
        else:
            self._end_drain()
        self._ack_drain()

    def sync_failed(self, generation: int, error: Exception) -> None:
        """A sync page could not be fetched."""
        drain = self._drain
        if drain is None or drain.generation != generation or not drain.fetching:
            return
        self._report(error)
        if (
            isinstance(error, BadRequestError)
            and drain.after is not None
            and not drain.retried_from_start
            and self._state == "open"
        ):
            # The server does not know the cursor (another database, a pruned log): drain
            # every stored delivery instead.
            drain.retried_from_start = True
            drain.after = None
            self._sync_from = None
            self._actions.append(FetchSync(generation, None, self._settings.sync_page))
            return
        self._end_drain()
        self._ack_drain()

    def history_page(
        self, conversation_id: str, messages: Sequence[Message], has_more: bool
    ) -> None:
        """Messages of a conversation after the ``after_seq`` asked for, oldest first."""
        if self._state == "stopping":
            return
        items = [
            (m.seq, _Incoming(m, None, None, "history", own=m.sender == self._handle))
            for m in messages
        ]
        now = self._clock()
        released, report, still_open = self._ordering.fill(conversation_id, items, now)
        for item in released:
            self._release(item)
        if report is not None:
            self._actions.append(Dispatch(report))
        if still_open:
            if has_more and released:
                after = self._ordering.start_fill(conversation_id)
                limit = self._settings.history_page
                self._actions.append(FetchHistory(conversation_id, after, limit))
            else:
                self._give_up(conversation_id, "gap_fill_failed")

    def history_failed(self, conversation_id: str, error: Exception) -> None:
        """The history could not be fetched to fill a hole."""
        if self._state == "stopping":
            return
        self._report(error)
        self._give_up(conversation_id, "gap_fill_failed")

    def stored_page(
        self,
        conversation_id: str,
        after: str | None,
        rows: Sequence[tuple[str, Message]],
        has_more: bool,
    ) -> None:
        """A page of stored deliveries asked for by ``FetchStored``."""
        if conversation_id not in self._probing or self._state == "stopping":
            return
        found = self._probe_rows.setdefault(conversation_id, [])
        found += [row for row in rows if row[1].conversation_id == conversation_id]
        last = rows[-1][0] if rows else None
        if has_more and last is not None and last != after:
            limit = self._settings.sync_page
            self._actions.append(FetchStored(conversation_id, last, limit))
            return
        waiting = sorted(self._probing.pop(conversation_id), key=lambda i: i.message.seq)
        first = waiting[0].message.seq
        before = {
            message.id: _Incoming(message, delivery_id, None, "sync")
            for delivery_id, message in self._probe_rows.pop(conversation_id, [])
            if message.seq < first
        }
        for item in sorted(before.values(), key=lambda i: i.message.seq) + waiting:
            self._accept(item, may_probe=False)

    def stored_failed(self, conversation_id: str, error: Exception) -> None:
        """The stored deliveries could not be searched: the waiting pushes go on as they are."""
        self._report(error)
        self._probe_rows.pop(conversation_id, None)
        waiting = sorted(self._probing.pop(conversation_id, []), key=lambda i: i.message.seq)
        for item in waiting:
            self._accept(item, may_probe=False)

    def tick(self) -> None:
        """Time passed: fire the timers that are due."""
        now = self._clock()
        if self._hello_deadline is not None and now >= self._hello_deadline:
            self._hello_deadline = None
            self._urgent.append(CloseConnection(CLOSE_HELLO_UNANSWERED, "hello.ok not received"))
        if self._reconnect_deadline is not None and now >= self._reconnect_deadline:
            self._reconnect_deadline = None
            if self._state == "waiting":
                self._connect()
        if self._state == "stopping":
            return
        for conversation_id in self._ordering.due(now):
            if self._can_fill_gaps:
                after = self._ordering.start_fill(conversation_id)
                limit = self._settings.history_page
                self._actions.append(FetchHistory(conversation_id, after, limit))
            else:
                self._give_up(conversation_id, "gap_fill_unavailable")

    def disconnect(self) -> None:
        """Stop: handlers already given events finish, then the socket closes and nothing more
        is fetched or connected."""
        if self._state in ("stopped", "stopping"):
            return
        if self._state in ("idle", "waiting"):
            self._reconnect_deadline = None
            self._stop(None)
            return
        was_connecting = self._state == "connecting"
        self._state = "stopping"
        self._waiting_live.clear()
        if self._drain is not None:
            self._drain.fetching = False
        if not was_connecting:
            # After the events already queued, so their handlers run and their acks go out.
            self._actions.append(CloseConnection(1000, "client disconnect"))

    # -- client actions -----------------------------------------------------------------------

    def read_ack(self, message_id: str) -> None:
        """Send a read acknowledgement of a message.

        Raises:
            RealtimeConnectionError: Not connected.
        """
        self._send_action({"type": "message.read_ack", "message_id": message_id})

    def presence(self, status: str, custom_status: str | None) -> None:
        """Send a presence update.

        Raises:
            RealtimeConnectionError: Not connected.
        """
        self._send_action(
            {"type": "presence.update", "status": status, "custom_status": custom_status}
        )

    def typing(self, conversation_id: str, typing: bool) -> None:
        """Send that you started (``typing``) or stopped typing in a conversation.

        Raises:
            RealtimeConnectionError: Not connected.
        """
        kind = "typing.start" if typing else "typing.stop"
        self._send_action({"type": kind, "conversation_id": conversation_id})

    # -- inside -------------------------------------------------------------------------------

    def _send_action(self, frame: dict[str, Any]) -> None:
        if self._state != "open":
            raise RealtimeConnectionError(f"not connected (the client is {self._state})")
        self._urgent.append(SendFrame(dumps(frame)))

    def _connect(self) -> None:
        self._state = "connecting"
        self._generation += 1
        self._urgent.append(Connect(self._attempt))

    def _hello_ok(self, frame: dict[str, Any]) -> None:
        raw = frame.get("capabilities")
        capabilities = tuple(c for c in raw if isinstance(c, str)) if isinstance(raw, list) else ()
        handle, session_id = frame.get("handle"), frame.get("session_id")
        self._state = "open"
        self._hello_deadline = None
        self._connected_at = self._clock()
        self._ack_mode = "ack" in capabilities
        self._handle = handle if isinstance(handle, str) else None
        self._session_id = session_id if isinstance(session_id, str) else None
        connected = Connected(
            self._handle or "", self._session_id or "", capabilities, self._ack_mode
        )
        self._actions.append(Dispatch(connected))
        if self._can_sync:
            self._drain = _Drain(self._generation, self._sync_from)
            self._actions.append(
                FetchSync(self._generation, self._sync_from, self._settings.sync_page)
            )
        else:
            self._drain = None

    def _event(self, frame: dict[str, Any], text: str) -> None:
        try:
            event = parse_event(frame, text)
        except ValueError as exc:
            self._report(
                RealtimeProtocolError(f"a {frame.get('type')!r} frame is malformed: {exc}", text)
            )
            if frame.get("type") != "message.new":
                # Kept as it came, never lost; a message without its shape cannot be ordered.
                self._actions.append(
                    Dispatch(UnknownEvent(str(frame.get("type")), text, str(frame.get("id") or "")))
                )
            return
        if isinstance(event, MessageNew):
            self._accept(_Incoming(event.message, event.delivery_id, event.id, "live"))
        else:
            self._actions.append(Dispatch(event))

    def _accept(self, item: _Incoming, *, may_probe: bool = True) -> None:
        message_id = item.message.id
        if message_id in self._in_flight:
            return  # its handlers are running; their outcome acknowledges it
        if message_id in self._seen:
            self._ack(message_id)
            self._settle(message_id, True)
            return
        if message_id in self._failed:
            self._dispatch(item)  # a handler raised on it before: this is the retry
            return
        message = item.message
        conversation_id = message.conversation_id
        if conversation_id in self._probing:
            self._probing[conversation_id].append(item)
            return
        if (
            may_probe
            and self._can_sync
            and item.source == "live"
            and message.seq > 1
            and self._ordering.expected(conversation_id) is None
        ):
            # The first push of a conversation is not enough to anchor it: a push before it
            # may have been lost on the way. Its still-stored deliveries say.
            self._probing[conversation_id] = [item]
            limit = self._settings.sync_page
            self._actions.append(FetchStored(conversation_id, None, limit))
            return
        verdict, released, report = self._ordering.offer(
            message.conversation_id, message.seq, item, self._clock()
        )
        if verdict == "stale":
            # The ordering moved past it: handled long ago (forgotten by the seen set) or
            # reported lost in a sequence gap. Either way, done.
            self._ack(message_id)
            self._settle(message_id, True)
        for released_item in released:
            self._release(released_item)
        if report is not None:
            self._actions.append(Dispatch(report))

    def _release(self, item: _Incoming) -> None:
        if item.own:
            return
        message_id = item.message.id
        if message_id in self._seen:
            self._ack(message_id)
            self._settle(message_id, True)
            return
        self._dispatch(item)

    def _dispatch(self, item: _Incoming) -> None:
        self._in_flight.add(item.message.id)
        event = MessageNew(item.message, item.delivery_id, item.event_id, item.source)
        self._actions.append(Dispatch(event))

    def _give_up(
        self, conversation_id: str, reason: Literal["gap_fill_failed", "gap_fill_unavailable"]
    ) -> None:
        released, report = self._ordering.give_up(conversation_id, self._clock(), reason)
        for item in released:
            self._release(item)
        if report is not None:
            self._actions.append(Dispatch(report))

    def _ack(self, message_id: str) -> None:
        if self._ack_mode and self._state in ("open", "stopping"):
            self._urgent.append(SendFrame(dumps({"type": "ack", "message_id": message_id})))

    def _settle(self, message_id: str, ok: bool) -> None:
        drain = self._drain
        if drain is None:
            return
        row = drain.rows.get(message_id)
        if row is None or row.outcome is not None:
            return
        row.outcome = ok
        drain.unsettled -= 1
        self._ack_drain()

    def _ack_drain(self) -> None:
        """Acknowledge the drained deliveries up to the last of the run handled without a
        raise, once every one fetched so far is settled."""
        drain = self._drain
        if drain is None:
            return
        rows = drain.rows
        while rows:
            first = next(iter(rows.values()))
            if first.outcome is not True:
                break
            drain.settled_through = first.delivery_id
            rows.popitem(last=False)
        if drain.unsettled or drain.settled_through is None:
            return
        if drain.settled_through != self._sync_from:
            self._sync_from = drain.settled_through
            self._actions.append(AckSync(drain.settled_through))

    def _end_drain(self) -> None:
        drain = self._drain
        if drain is not None:
            drain.fetching = False
        waiting, self._waiting_live = self._waiting_live, []
        for frame, text in waiting:
            self._event(frame, text)

    def _lost(self, code: int, reason: str) -> None:
        now = self._clock()
        if self._connected_at is not None and now - self._connected_at >= self._policy.stable_after:
            self._attempt = 0
        self._connected_at = None
        # Frames received before the drop are the server's word: act on them.
        if self._drain is not None:
            self._drain.fetching = False
        self._end_drain()
        self._attempt += 1
        limit = self._policy.max_attempts
        if limit is not None and self._attempt > limit:
            error = RealtimeConnectionError(
                f"the realtime connection failed {self._attempt - 1} times in a row"
                f" (last: {code} {reason})".rstrip()
            )
            self._actions.append(Dispatch(Disconnected(code, reason, reconnecting=False)))
            self._report(error)
            self._stop(error)
            return
        delay = self._policy.delay(self._attempt, self._rng)
        self._state = "waiting"
        self._reconnect_deadline = now + delay
        self._actions.append(Dispatch(Disconnected(code, reason, reconnecting=True, delay=delay)))

    def _report(self, error: Exception) -> None:
        self._actions.append(ReportError(error))

    def _stop(self, error: Exception | None) -> None:
        self._state = "stopped"
        self.error = error
        self._reconnect_deadline = None
        self._hello_deadline = None
        self._actions.append(Stopped(error))
