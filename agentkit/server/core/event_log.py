"""Event logs and their live tails, shared by the families that stream.

Every streaming resource has a numbered log of events in the store (its *stream*, named
``<kind>:<id>``, such as ``chat:<id>`` or ``session:<id>``). Turns run as background tasks that
append to the log and wake the readers; responses only read it. A client that disconnects
therefore does not stop the turn, and any reader can resume from any event id.

Appends are buffered and written in one transaction per turn of the event loop, and every read of
a stream first writes what is buffered for it, so a reader never misses an event and a long turn
pays one ``INSERT`` per event, batched, and nothing more.

A family may add a recovery for its kind of stream (``add_recovery``): before a stream is
followed while no turn of it runs in this process, the recovery closes a turn that a stopped
server left open, so every reader (the replay of a streamed POST included) sees its end.

Instances sharing one database (``core.cluster``) follow each other's streams: each turn is
noted in the store with the instance that runs it, so a stream is busy wherever it is read, and
every write of events is notified, so a reader on another instance wakes at once. A turn whose
instance died is taken over by a live one, which runs the recovery of its kind.

The log writes bytes; the request machinery (``core.http``) sends them as a response.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator, Callable, Coroutine, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from ..._contract import contract
from ..._sse import encode_comment
from .errors import ApiError
from .store import ClusterStore, Conflict, Event, EventStore, Row

if TYPE_CHECKING:
    from .cluster import Cluster

__all__ = ["Encoded", "EventLog", "Recovery", "SSEFormat", "StreamFormat", "StreamKind"]

_BATCH = 500
#: How many idle streams keep their next seq in memory (the store has it for the others).
_IDLE_COUNTERS = 4096
_Key = tuple[str, str]
#: The notification channel of event writes: ``<org_id> <stream>``.
STREAMS_CHANNEL = "agentkit_streams"
#: The notification channel of requests to stop a turn: ``<org_id> <stream> <reason>``.
CANCEL_CHANNEL = "agentkit_cancel"
_POLL_ENDED = 0.05
_WAIT_CANCELLED = 10.0

#: Stops the turn running here in one resource's stream: ``cancel(org_id, resource_id, reason)``.
Canceller = Callable[[str, str, str], None]

#: Closes the turn a stopped server left open in one resource's stream, if any:
#: ``recover(org_id, resource_id)``.
Recovery = Callable[[str, str], None]


@dataclass(frozen=True, slots=True)
class StreamKind:
    """A family of streams and its rules.

    Attributes:
        name: The prefix of its stream names (``chat``, ``session``).
        numbered: Whether each event's payload carries its own id (``"id": <seq>``).
        reader: The operation that reads such a stream; the contract's ``x-sse-terminal`` of
            its stream says which events end one turn.
        busy: The error code of a request that would start a second turn while one runs.
    """

    name: str
    numbered: bool
    reader: str
    busy: str = "CONFLICT"

    def stream(self, resource_id: str) -> str:
        """The stream name of one resource, such as ``session:ses_123``."""
        return f"{self.name}:{resource_id}"

    def terminal(self) -> frozenset[str]:
        """The event types that end one turn's stream, as the contract says."""
        spec = contract().operation(self.reader).stream
        if spec is None:
            raise ValueError(f"{self.reader} does not stream")
        return spec.terminal


@dataclass(frozen=True, slots=True)
class Encoded:
    """A stream as bytes to send, with the headers its format adds."""

    body: AsyncIterator[bytes]
    headers: Mapping[str, str]


class StreamFormat(Protocol):
    """How a stream's events are written on the wire."""

    headers: Mapping[str, str]
    resumable: bool
    """Whether a reader may start in the middle of a turn (after a ``Last-Event-ID``)."""

    def encode(
        self, org_id: str, stream: str, batches: AsyncIterator[list[Event]]
    ) -> AsyncIterator[bytes]:
        """Bytes for batches of events; an empty batch asks for a keep-alive."""
        ...


def _block(event: Event) -> str:
    # Stored data is json.dumps output, which never holds a raw CR or LF: one data line is exact.
    return f"event: {event.kind}\nid: {event.seq}\ndata: {event.data}\n\n"


class SSEFormat:
    """Plain server-sent events: the event type as the SSE name, the seq as the SSE id."""

    headers: Mapping[str, str] = {}
    resumable = True

    async def encode(
        self, org_id: str, stream: str, batches: AsyncIterator[list[Event]]
    ) -> AsyncIterator[bytes]:
        """One chunk of SSE blocks per batch; a keep-alive comment for an empty batch."""
        async for batch in batches:
            if batch:
                yield "".join(map(_block, batch)).encode()
            else:
                yield encode_comment("keep-alive")


class EventLog:
    """Appends events to streams, tracks each stream's running turn, and follows streams live."""

    def __init__(self, store: EventStore, keepalive: float) -> None:
        self._store = store
        self._keepalive = keepalive
        self._formats: dict[str, StreamFormat] = {"sse": SSEFormat()}
        self._numbered: dict[str, bool] = {}
        self._terminal: dict[str, frozenset[str]] = {}
        self._signals: dict[_Key, asyncio.Event] = {}
        self._turns: dict[_Key, asyncio.Task[Any]] = {}
        self._next: dict[_Key, int] = {}
        self._idle_next: dict[_Key, int] = {}
        self._forgotten = 0  # counts streams dropped: a count kept before may be stale
        self._pending: dict[_Key, list[tuple[int, str, str]]] = {}
        self._flush_handle: asyncio.Handle | None = None
        self._holding = 0
        self._recovery: dict[str, Recovery] = {}
        self._busy: dict[str, str] = {}
        self._cancellers: dict[str, Canceller] = {}
        self._cluster: Cluster | None = None
        self._owners: ClusterStore | None = None

    def join(self, cluster: Cluster, owners: ClusterStore) -> None:
        """Share streams with the other instances of ``cluster`` (``owners`` notes the turns)."""
        self._cluster = cluster
        self._owners = owners
        cluster.on(STREAMS_CHANNEL, self._written_elsewhere, from_self=False)
        cluster.on(CANCEL_CHANNEL, self._cancel_asked)
        cluster.add_sweeper(self._take_over)

    @property
    def shared(self) -> bool:
        """Whether other server instances share the streams (and note each turn's owner)."""
        return self._cluster is not None

    def add_kind(self, kind: StreamKind) -> None:
        """Accept streams of this kind."""
        self._numbered[kind.name] = kind.numbered
        self._terminal[kind.name] = kind.terminal()
        self._busy[kind.name] = kind.busy

    def add_recovery(self, kind: StreamKind, recover: Recovery) -> None:
        """Run ``recover`` before a stream of this kind is followed while no turn of it runs
        here, so that a reader (a replayed POST included) finds a turn that a stopped server
        left open already closed, with its terminal events."""
        self._recovery[kind.name] = recover

    def add_canceller(self, kind: StreamKind, cancel: Canceller) -> None:
        """How a turn of this kind running here is stopped when another instance asks."""
        self._cancellers[kind.name] = cancel

    def add_format(self, name: str, fmt: StreamFormat) -> None:
        """Let readers ask for the stream in this format (``sse`` is always there)."""
        self._formats[name] = fmt

    # ------------------------------------------------------------------ writing
    def next_seq(self, org_id: str, stream: str) -> int:
        """The seq the stream's next event will get."""
        key = (org_id, stream)
        seq = self._next.get(key)
        if seq is None:
            seq = self._idle_next.pop(key, None)
            if seq is None:
                seq = self._store.last_event_seq(org_id, stream) + 1
            self._next[key] = seq
        return seq

    def last_seq(self, org_id: str, stream: str) -> int:
        """The seq of the stream's latest event (0 before any)."""
        key = (org_id, stream)
        seq = self._next.get(key) or self._idle_next.get(key)
        return seq - 1 if seq is not None else self._store.last_event_seq(org_id, stream)

    def append(self, org_id: str, stream: str, data: Row) -> int:
        """Log an event (its ``type`` is the SSE event name) and return its seq.

        In a numbered stream the payload's ``id`` is set to the seq.
        """
        numbered = self._numbered[stream.partition(":")[0]]

        def encode(seq: int) -> str:
            if numbered:
                data["id"] = seq
            return json.dumps(data)

        return self.append_encoded(org_id, stream, data["type"], encode)

    def append_encoded(
        self, org_id: str, stream: str, kind: str, encode: Callable[[int], str]
    ) -> int:
        """Log an event whose JSON text ``encode(seq)`` writes; for hot paths like deltas."""
        key = (org_id, stream)
        seq = self.next_seq(org_id, stream)
        self._next[key] = seq + 1
        pending = self._pending.get(key)
        if pending is None:
            pending = self._pending[key] = []
        pending.append((seq, kind, encode(seq)))
        if self._flush_handle is None and not self._holding:
            try:
                loop = asyncio.get_running_loop()
            except RuntimeError:  # outside the event loop (recovery at startup): write at once
                self._flush_key(key)
            else:
                self._flush_handle = loop.call_soon(self.flush)
        return seq

    @contextmanager
    def holding(self) -> Iterator[None]:
        """Buffer the events appended inside without setting their write for the event loop's
        next turn: for a change that writes them itself before it ends, which spares the loop
        a turn for a write that would find nothing left. What is still buffered when the block
        ends is written as usual."""
        self._holding += 1
        try:
            yield
        finally:
            self._holding -= 1
            if not self._holding and self._pending and self._flush_handle is None:
                try:
                    loop = asyncio.get_running_loop()
                except RuntimeError:
                    self.flush()
                else:
                    self._flush_handle = loop.call_soon(self.flush)

    def flush(self) -> None:
        """Write every buffered event and wake the readers of those streams."""
        self._flush_handle = None
        for key in list(self._pending):
            self._flush_key(key)

    def flush_stream(self, org_id: str, stream: str) -> None:
        """Write what is buffered for one stream now (before a change that must follow it)."""
        self._flush_key((org_id, stream))

    def _flush_key(self, key: _Key) -> None:
        rows = self._pending.pop(key, None)
        if rows and not self._pending and self._flush_handle is not None:
            # Nothing is left for the flush the loop was to run (a turn wrote its events).
            self._flush_handle.cancel()
            self._flush_handle = None
        if rows:
            self._store.append_events(key[0], key[1], rows)
            if self._cluster is not None:
                self._cluster.notify(STREAMS_CHANNEL, f"{key[0]} {key[1]}")
            self._wake(key)
        if key not in self._turns:
            # An idle stream's counter is kept aside once its events are committed (a failed
            # commit loses them, and the store's count is then the right one), for the streams
            # used last; the store has the others'. Other instances write the streams too
            # when they share them: then the store alone counts.
            seq = self._next.pop(key, None)
            if seq is not None and rows and self._cluster is None:
                forgotten = self._forgotten
                self._store.after_commit(lambda: self._keep_idle(key, seq, forgotten))

    def _keep_idle(self, key: _Key, seq: int, forgotten: int) -> None:
        if forgotten != self._forgotten or key in self._next:
            return  # a stream was dropped since, or this one counts again
        if self._idle_next.get(key, 0) >= seq:
            return  # a later write's count is kept already
        self._idle_next.pop(key, None)
        self._idle_next[key] = seq
        if len(self._idle_next) > _IDLE_COUNTERS:
            del self._idle_next[next(iter(self._idle_next))]

    def _wake(self, key: _Key) -> None:
        signal = self._signals.pop(key, None)
        if signal is not None:
            signal.set()

    @contextmanager
    def atomic(self, org_id: str, stream: str) -> Iterator[None]:
        """One store transaction for a change that logs events of ``stream`` with other writes.

        Flush the stream inside it to write its events in the same transaction. If the change
        is undone, so is the stream's next seq, which then counted events that were never kept.
        """
        try:
            with self._store.atomic():
                yield
        except BaseException:
            key = (org_id, stream)
            self._pending.pop(key, None)
            self._next.pop(key, None)
            self._idle_next.pop(key, None)
            raise

    def forget_buffered(self, org_id: str, stream: str) -> None:
        """Forget the stream's events not written yet (their change was not kept), and the
        seqs they counted."""
        key = (org_id, stream)
        self._pending.pop(key, None)
        self._next.pop(key, None)
        self._idle_next.pop(key, None)

    def drop(self, org_id: str, stream: str) -> None:
        """Forget a stream and its events (its resource was deleted); its readers stop."""
        key = (org_id, stream)
        self._pending.pop(key, None)
        self._next.pop(key, None)
        self._idle_next.pop(key, None)
        self._forgotten += 1
        self._store.delete_events(org_id, stream)
        self._wake(key)

    # ------------------------------------------------------------------ reading
    def events_after(self, org_id: str, stream: str, after: int, limit: int) -> list[Event]:
        """The stored events after seq ``after``, oldest first, at most ``limit``."""
        self._flush_key((org_id, stream))
        return self._store.events_after(org_id, stream, after, limit)

    def last_event(self, org_id: str, stream: str) -> Event | None:
        """The stream's latest stored event (what is buffered written first), or ``None``."""
        last = self.last_seq(org_id, stream)
        found = self.events_after(org_id, stream, last - 1, 1) if last else []
        return found[0] if found else None

    def recover(self, org_id: str, stream: str) -> None:
        """Close the turn a stopped server left open in the stream, if no turn runs it here."""
        kind, _, resource_id = stream.partition(":")
        recover = self._recovery.get(kind)
        if recover is not None and not self.busy(org_id, stream):
            recover(org_id, resource_id)

    async def follow(
        self,
        org_id: str,
        stream: str,
        after: int,
        *,
        one_turn: bool,
        forever: bool = False,
        alive: Callable[[], bool] | None = None,
        deadline: float | None = None,
    ) -> AsyncIterator[list[Event]]:
        """Batches of the events after seq ``after``, then live ones; ``[]`` while idle.

        With ``one_turn`` it ends after the first terminal event of the stream's kind; otherwise
        once the stored events are sent and no turn is in progress, unless ``forever`` is set:
        then it ends only when idle past ``deadline`` (a ``time.monotonic()`` value). A stream
        that ``alive`` says is gone ends too. While idle, an empty batch comes every
        ``keepalive`` seconds.
        """
        key = (org_id, stream)
        terminal = self._terminal[stream.partition(":")[0]]
        if self._cluster is not None:
            self._cluster.bind(asyncio.get_running_loop())
        self.recover(org_id, stream)
        while True:
            # Register before reading, so an append between the read and the wait still wakes us.
            signal = self._signals.setdefault(key, asyncio.Event())
            events = self.events_after(org_id, stream, after, _BATCH)
            if events:
                if one_turn:
                    for index, event in enumerate(events):
                        if event.kind in terminal:
                            yield events[: index + 1]
                            return
                yield events
                after = events[-1].seq
                continue
            idle = not self.busy(org_id, stream)
            expired = deadline is not None and time.monotonic() >= deadline
            if idle and (not forever or expired or (alive is not None and not alive())):
                # A turn of another instance may have ended (its last events committed) between
                # the read above and the look at its owner: what it wrote is read first.
                if self._cluster is not None and self.events_after(org_id, stream, after, 1):
                    continue
                return
            wait = self._keepalive
            if deadline is not None:
                wait = max(0.0, min(wait, deadline - time.monotonic()))
            try:
                await asyncio.wait_for(signal.wait(), wait)
            except TimeoutError:
                if alive is not None and not alive():
                    return
                yield []

    def encode(
        self,
        org_id: str,
        stream: str,
        after: int,
        *,
        one_turn: bool,
        fmt: str = "sse",
        forever: bool = False,
        alive: Callable[[], bool] | None = None,
        deadline: float | None = None,
    ) -> Encoded:
        """The stream from seq ``after`` as bytes in the format ``fmt`` (see ``follow``)."""
        chosen = self._formats[fmt]
        batches = self.follow(
            org_id,
            stream,
            after,
            one_turn=one_turn,
            forever=forever,
            alive=alive,
            deadline=deadline,
        )
        return Encoded(chosen.encode(org_id, stream, batches), chosen.headers)

    def resumable(self, fmt: str) -> bool:
        """Whether readers of the format may start after a ``Last-Event-ID``."""
        return self._formats[fmt].resumable

    # ------------------------------------------------------------------ turns
    def busy(self, org_id: str, stream: str) -> bool:
        """Whether a turn of the stream is in progress, here or on a live instance."""
        task = self._turns.get((org_id, stream))
        if task is not None and not task.done():
            return True
        if self._cluster is None or self._owners is None:
            return False
        owner = self._owners.stream_owner(org_id, stream)
        return owner is not None and owner != self._cluster.id and self._cluster.alive(owner)

    def turn(self, org_id: str, stream: str) -> asyncio.Task[Any] | None:
        """The task of the stream's turn in progress, if any."""
        task = self._turns.get((org_id, stream))
        return task if task is not None and not task.done() else None

    def start_turn(
        self, org_id: str, stream: str, turn: Coroutine[Any, Any, Any]
    ) -> asyncio.Task[Any]:
        """Run a turn in the background; readers follow it until it ends.

        Raises:
            ApiError: Another instance sharing the database runs a turn of the stream (its
                kind's ``busy`` code).
        """
        key = (org_id, stream)
        loop = asyncio.get_running_loop()
        cluster, owners = self._cluster, self._owners
        if cluster is not None and owners is not None:
            cluster.bind(loop)
            try:
                owners.own_stream(org_id, stream, cluster.id)
            except Conflict:
                # Left by a dead instance (whose turn was closed already), or another instance
                # started a turn of the stream at the same moment.
                was = owners.stream_owner(org_id, stream)
                dead = was is not None and not cluster.alive(was)
                if not (dead and was and owners.claim_stream(org_id, stream, was, cluster.id)):
                    turn.close()
                    raise ApiError(
                        self._busy[stream.partition(":")[0]],
                        "another request started a turn here at the same moment; wait for its end",
                    ) from None
        task: asyncio.Task[Any] = loop.create_task(turn)
        self._turns[key] = task

        def finished(_: asyncio.Task[Any]) -> None:
            if self._turns.get(key) is task:
                del self._turns[key]
            try:
                self._flush_key(key)
                if cluster is not None and owners is not None:
                    owners.disown_stream(org_id, stream, cluster.id)
            except Exception:  # the store may be closed already when the server stops
                self._pending.pop(key, None)
            self._wake(key)

        task.add_done_callback(finished)
        return task

    # ------------------------------------------------------------------ instances
    async def cancel_elsewhere(self, org_id: str, stream: str, reason: str) -> None:
        """Have the instance running the stream's turn stop it, and wait (at most
        ``_WAIT_CANCELLED`` seconds) for the turn to end; at once when no other instance runs
        one."""
        if self._cluster is None or not self.busy(org_id, stream):
            return
        self._cluster.notify(CANCEL_CHANNEL, f"{org_id} {stream} {reason}")
        waited = 0.0
        while self.busy(org_id, stream) and waited < _WAIT_CANCELLED:
            await asyncio.sleep(_POLL_ENDED)
            waited += _POLL_ENDED

    def _cancel_asked(self, payload: str | None) -> None:
        if payload is None:
            return  # a lost request to stop: the asking instance waits, then answers anyway
        org_id, stream, reason = payload.split(" ", 2)
        kind, _, resource_id = stream.partition(":")
        cancel = self._cancellers.get(kind)
        if cancel is not None and self.turn(org_id, stream) is not None:
            cancel(org_id, resource_id, reason)

    def _written_elsewhere(self, payload: str | None) -> None:
        """Another instance wrote events: wake this instance's readers of that stream (of every
        stream when notifications may have been missed)."""
        if payload is None:
            for key in list(self._signals):
                self._wake(key)
            return
        org_id, _, stream = payload.partition(" ")
        self._wake((org_id, stream))

    def _take_over(self, live: set[str]) -> None:
        """Close the turns that dead instances left running (one live instance takes each)."""
        cluster, owners = self._cluster, self._owners
        if cluster is None or owners is None:
            return
        for org_id, stream, owner in owners.owned_streams():
            if owner in live or not owners.claim_stream(org_id, stream, owner, cluster.id):
                continue
            kind, _, resource_id = stream.partition(":")
            recover = self._recovery.get(kind)
            try:
                if recover is not None:
                    recover(org_id, resource_id)
            finally:
                owners.disown_stream(org_id, stream, cluster.id)

    async def cancel_all(self) -> None:
        """Cancel the turns in progress (at shutdown) and write what they logged."""
        tasks = [task for task in self._turns.values() if not task.done()]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        self.flush()
