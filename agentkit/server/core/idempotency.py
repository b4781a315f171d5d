"""``Idempotency-Key`` on POST: the first response for a key is stored and replayed.

A record is kept per (organization, key) for ``idempotency_ttl`` seconds, with a fingerprint of
the request (method, path, query, body). The same key with the same request replays the stored
response with ``Idempotent-Replayed: true``; with another request it is a 409
IDEMPOTENCY_KEY_REUSED. A streaming POST stores where its turn's events start instead of a body,
so repeating it replays the turn's events (after ``Last-Event-ID``) and follows it live.
Requests with the same key run one at a time, so concurrent duplicates do not both act.

While a request runs, its key holds a ``pending`` record, written with the request's first
writes (they share a commit). One found by the next request with the key was left by a server
that stopped mid-request: the request is answered as interrupted, for good, rather than run
again (which would, say, add a chat message twice).

Instances sharing one database (``core.cluster``) share the records: the pending record names
the instance that runs the request, and a duplicate that reaches another instance waits while
that instance lives, then replays its answer (or, if it died, answers as interrupted). Two
instances that begin the same key at once cannot both win: the record is only written where
none is live.

JSON bodies that hold a secret shown once (a new API key, a webhook secret: the contract marks
such properties ``x-secret``) are stored sealed, so that a dump of the database does not reveal
them; the others, most answers, are kept in clear, sparing the hot paths the encryption.

This module keeps the records; the request machinery (``core.http``) decides what to record and
answers with a record again.
"""

from __future__ import annotations

import asyncio
import hashlib
import time
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from .errors import ApiError
from .store import IdempotencyStore, Row

if TYPE_CHECKING:
    from .cluster import Cluster

__all__ = ["IdempotencyGuard", "Sealer", "StreamRecord", "fingerprint"]

_PURGE_EVERY = 60.0
# A duplicate waits for the instance running its key this often, at most this long.
_POLL_OWNER = 0.05
_WAIT_FOR_OWNER = 120.0
# Records written before streams were shared name the chat alone.
_LEGACY_CHAT_STREAM = "chat:"


@dataclass(frozen=True, slots=True)
class StreamRecord:
    """Where a streamed turn's events start, as stored for its key."""

    stream: str
    after: int
    fmt: str

    @classmethod
    def of(cls, record: Row) -> StreamRecord:
        """The stream record a stored ``stream`` record holds."""
        stream = record.get("stream") or _LEGACY_CHAT_STREAM + str(record["chat_id"])
        return cls(str(stream), int(record["after"]), str(record.get("fmt", "sse")))


def fingerprint(method: str, path: str, query: str, body: bytes) -> str:
    """A hash that tells two requests apart."""
    digest = hashlib.sha256(f"{method} {path}?{query}\n".encode())
    digest.update(body)
    return digest.hexdigest()


class Sealer(Protocol):
    """Encrypts stored text with the server's secret."""

    def seal(self, text: str) -> str: ...

    def open(self, token: str) -> str:
        """The text a token holds.

        Raises:
            ValueError: The token was sealed under another secret, or altered.
        """


class _Held:
    """A key held for one request: its lock, shared with the duplicates waiting for it and
    forgotten when the last of them is done (a plain class: every POST with a key holds one)."""

    __slots__ = ("_locks", "_slot")

    def __init__(
        self, locks: dict[tuple[str, str], tuple[asyncio.Lock, int]], slot: tuple[str, str]
    ) -> None:
        self._locks = locks
        self._slot = slot

    async def __aenter__(self) -> None:
        slot = self._slot
        held = self._locks.get(slot)
        lock, users = held if held is not None else (asyncio.Lock(), 0)
        self._locks[slot] = (lock, users + 1)
        try:
            await lock.acquire()
        except BaseException:
            self._release_slot()
            raise

    async def __aexit__(self, *exc_info: object) -> None:
        self._locks[self._slot][0].release()
        self._release_slot()

    def _release_slot(self) -> None:
        lock, users = self._locks[self._slot]
        if users <= 1:
            del self._locks[self._slot]
        else:
            self._locks[self._slot] = (lock, users - 1)


class IdempotencyGuard:
    """Keeps the outcome of each ``Idempotency-Key`` for replay."""

    def __init__(self, store: IdempotencyStore, ttl: float, sealer: Sealer | None = None) -> None:
        self._store = store
        self._ttl = ttl
        self._sealer = sealer
        self._locks: dict[tuple[str, str], tuple[asyncio.Lock, int]] = {}
        self._last_purge = 0.0
        self._cluster: Cluster | None = None

    def join(self, cluster: Cluster) -> None:
        """Share the records with the other instances of ``cluster``."""
        self._cluster = cluster

    @property
    def shared(self) -> bool:
        """Whether other server instances share the records (a key is then begun first, so
        that two instances never both run it)."""
        return self._cluster is not None

    def exclusive(self, org_id: str, key: str) -> AbstractAsyncContextManager[None]:
        """Hold the key: a duplicate arriving meanwhile waits, then finds the stored response."""
        return _Held(self._locks, (org_id, key))

    def lookup(self, org_id: str, key: str, digest: str) -> Row | None:
        """The live record of the key, or ``None``; 409 when another request made it."""
        record = self._store.get_idempotent(org_id, key, time.time() - self._ttl)
        if record is not None and record["hash"] != digest:
            raise ApiError(
                "IDEMPOTENCY_KEY_REUSED",
                "this Idempotency-Key was already used for a different request",
                {"field": "Idempotency-Key", "location": "header"},
            )
        if record is not None and "sealed_body" in record:
            try:
                body = self._open(record["sealed_body"])
            except ValueError:
                # Sealed under another server secret: it cannot be replayed, so it is dropped.
                self._store.delete_idempotent(org_id, key)
                return None
            record = {**record, "body": body}
        return record

    def _open(self, token: str) -> str:
        if self._sealer is None:
            raise ValueError("this server keeps no sealer")
        return self._sealer.open(token)

    async def settled(self, org_id: str, key: str, digest: str) -> Row | None:
        """The key's record once no live instance runs its request: ``lookup``, waiting while
        another live instance holds it ``pending``."""
        waited = 0.0
        while True:
            record = self.lookup(org_id, key, digest)
            if record is None or record.get("kind") != "pending" or not self._running(record):
                return record
            if waited >= _WAIT_FOR_OWNER:
                raise ApiError(
                    "INTERNAL_ERROR",
                    "a request with this Idempotency-Key is still running on another server"
                    " instance; send it again later",
                )
            await asyncio.sleep(_POLL_OWNER)
            waited += _POLL_OWNER

    def _running(self, record: Row) -> bool:
        """Whether a pending record's request still runs on another live instance."""
        owner = record.get("owner")
        cluster = self._cluster
        return (
            cluster is not None
            and isinstance(owner, str)
            and owner != cluster.id
            and cluster.alive(owner)
        )

    def begin(self, org_id: str, key: str, digest: str) -> bool:
        """Note that the request with this key runs (call while holding ``exclusive``); false
        when another instance began it first (then wait for it with ``settled``)."""
        record: Row = {"hash": digest, "kind": "pending"}
        if self._cluster is not None:
            record["owner"] = self._cluster.id
        return self._store.begin_idempotent(org_id, key, record, time.time() - self._ttl)

    def abandon(self, org_id: str, key: str) -> None:
        """The request with this key failed with nothing to replay: a repeat runs it again."""
        self._store.delete_idempotent(org_id, key)

    def remember_json(
        self, org_id: str, key: str, digest: str, status: int, body: bytes, *, sealed: bool = False
    ) -> None:
        """Store a finished JSON response for replay; ``sealed`` when it shows a secret."""
        record: dict[str, Any] = {"hash": digest, "kind": "json", "status": status}
        if not sealed or self._sealer is None:
            record["body"] = body.decode()
        else:
            record["sealed_body"] = self._sealer.seal(body.decode())
        self._put(org_id, key, record)

    def remember_stream(self, org_id: str, key: str, digest: str, spec: StreamRecord) -> None:
        """Store where a streamed turn's events start, so a repeat can replay them."""
        record = {
            "hash": digest,
            "kind": "stream",
            "stream": spec.stream,
            "after": spec.after,
            "fmt": spec.fmt,
        }
        self._put(org_id, key, record)

    def _put(self, org_id: str, key: str, record: dict[str, Any]) -> None:
        self._store.put_idempotent(org_id, key, record)
        moment = time.time()
        if moment - self._last_purge > _PURGE_EVERY:
            self._last_purge = moment
            self._store.purge_idempotent(moment - self._ttl)
