"""What every family's storage shares: row shapes, pages, and the core's own store protocols.

Rows are plain JSON-ready dicts in their wire shape. Lists page by an opaque integer position
("after the row at position N"), oldest first, which stays stable while rows are inserted.

Each family declares the store methods it needs as its own protocol (``AgentStore``,
``ChatStore``, ...); the core needs only organizations and keys, the event log, and
idempotency records (``CoreStore``). The server's ``Store`` is all of them in one.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any, Protocol

__all__ = [
    "AuthStore",
    "ClusterStore",
    "Conflict",
    "CoreStore",
    "Event",
    "EventStore",
    "IdempotencyStore",
    "Page",
    "RateLimitStore",
    "Row",
    "StoreFailure",
]

Row = dict[str, Any]


class StoreFailure(Exception):
    """The store could not keep writes it had accepted (a failing disk); they are lost."""


class Conflict(Exception):
    """A unique constraint refused the write (an agent name or a chat id in use)."""


@dataclass(frozen=True, slots=True)
class Page:
    """One page of rows and the position of its last row when more follow."""

    rows: list[Row]
    next_position: int | None


@dataclass(frozen=True, slots=True)
class Event:
    """One stored stream event: ``seq`` counts up per stream from 1; ``data`` is JSON text."""

    seq: int
    kind: str
    data: str


class AuthStore(Protocol):
    """Organizations and the hashes of their API keys."""

    def create_org(self) -> str:
        """A new organization's id."""

    def add_key(self, org_id: str, key_hash: str) -> None: ...
    def org_for_key(self, key_hash: str) -> str | None: ...


class EventStore(Protocol):
    """The numbered events of every stream."""

    def atomic(self) -> AbstractContextManager[object]:
        """Group the store calls made inside into one transaction: all are kept, or none.

        Calls of the event loop's thread only, with no ``await`` inside (the store is shared by
        every request). Groups nest.
        """

    def append_events(self, org_id: str, stream: str, rows: list[tuple[int, str, str]]) -> None:
        """Store events ``(seq, kind, data)`` of a stream, in one transaction."""

    def expect_writes(self) -> None:
        """The request starting now is about to write (its reads may join its writes'
        transaction, where that costs less)."""

    def after_commit(self, callback: Callable[[], None]) -> None:
        """Call ``callback`` once the writes made so far are kept; never if they are lost."""

    def events_after(self, org_id: str, stream: str, after: int, limit: int) -> list[Event]: ...
    def last_event_seq(self, org_id: str, stream: str) -> int:
        """The seq of the stream's latest event, 0 before any."""

    def delete_events(self, org_id: str, stream: str) -> None: ...


class IdempotencyStore(Protocol):
    """The stored outcomes of requests sent with an ``Idempotency-Key``."""

    def get_idempotent(self, org_id: str, key: str, since: float) -> Row | None:
        """The record stored for the key at or after the Unix time ``since``."""

    def put_idempotent(self, org_id: str, key: str, record: Row) -> None: ...
    def begin_idempotent(self, org_id: str, key: str, record: Row, expired: float) -> bool:
        """Store the record of a key unless a live one (stamped at or after ``expired``) is
        there; whether it was stored."""

    def delete_idempotent(self, org_id: str, key: str) -> None: ...
    def purge_idempotent(self, before: float) -> int: ...


class RateLimitStore(Protocol):
    """Rate limits shared by every server instance on the store: per name (a key, an address),
    ``limit`` slots per ``period`` seconds, as one theoretical arrival time (``tat``, Unix
    seconds) per name, the generic cell rate algorithm. A name whose ``tat`` is ``moment``
    or earlier has every slot free; each slot taken moves it ``period / limit`` later; a
    slot is taken while ``tat`` stays within ``period`` of the moment.
    """

    def take_rate_slot(
        self, name: str, limit: int, period: float, moment: float
    ) -> tuple[bool, float]:
        """Take one of the name's slots at ``moment`` (Unix seconds) if one is free, in one
        statement that no other instance can interleave with: ``(taken, tat)``, ``tat`` after
        the slot was (or was not) taken."""

    def purge_rate_limits(self, before: float) -> int:
        """Forget the names whose every slot was free again before ``before``; how many."""


class CoreStore(AuthStore, EventStore, IdempotencyStore, RateLimitStore, Protocol):
    """What the core needs of the store; every method is one short transaction."""

    def durability_mark(self) -> int:
        """A mark for ``make_durable``, taken when a request starts."""

    def after_commit(self, callback: Callable[[], None]) -> None:
        """Call ``callback`` once the writes made so far are kept; never if they are lost."""

    def make_durable(self, since: int) -> None:
        """Make the writes since the mark durable (the server calls it before sending any
        response byte, so that what a client is told is kept).

        Raises:
            StoreFailure: They could not be kept.
        """

    async def durable(self, since: int) -> None:
        """``make_durable`` from the event loop, sharing one commit with the requests that
        respond at the same moment.

        Raises:
            StoreFailure: They could not be kept.
        """

    def close(self) -> None:
        """Release the store; it is unusable afterwards."""


class ClusterStore(Protocol):
    """What instances sharing one database keep there to work together (see ``core.cluster``)."""

    def beat_instance(self, instance_id: str, moment: float) -> None:
        """Note that the instance was alive at ``moment`` (a Unix time)."""

    def forget_instance(self, instance_id: str) -> None:
        """The instance stopped: it is dead from now on."""

    def live_instances(self, since: float) -> set[str]:
        """The instances whose last heartbeat is at or after ``since``."""

    def own_stream(self, org_id: str, stream: str, owner: str) -> None:
        """Note that ``owner`` runs the stream's turn now.

        Raises:
            Conflict: An instance runs a turn of the stream already.
        """

    def disown_stream(self, org_id: str, stream: str, owner: str) -> None:
        """The stream's turn that ``owner`` ran is over."""

    def stream_owner(self, org_id: str, stream: str) -> str | None:
        """The instance noted as running the stream's turn, if any."""

    def owned_streams(self) -> list[tuple[str, str, str]]:
        """Every ``(org_id, stream, owner)`` noted as running a turn."""

    def claim_stream(self, org_id: str, stream: str, was: str, owner: str) -> bool:
        """Take the stream's turn over from ``was`` (a dead instance); whether this call won."""

    def put_fanout(self, event_id: str, moment: float, data: str) -> None:
        """Keep an event's JSON for the other instances to read."""

    def fanout(self, event_id: str) -> str | None:
        """An event's JSON kept by ``put_fanout``."""

    def purge_fanout(self, before: float) -> None:
        """Forget the events kept before ``before``."""
