"""``Idempotency-Key`` on POST: the first response for a key is stored and replayed.

A record is kept per (organization, key) for ``idempotency_ttl`` seconds, with a fingerprint of
the request (method, path, query, body). The same key with the same request replays the stored
response with ``Idempotent-Replayed: true``; with another request it is a 409
IDEMPOTENCY_KEY_REUSED. A streaming POST stores where its turn's events start instead of a body,
so repeating it replays the turn's events (after ``Last-Event-ID``) and follows it live.
Requests with the same key run one at a time, so concurrent duplicates do not both act.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from starlette.responses import Response

from .errors import ApiError
from .store import Row, Store
from .streams import CHAT_STREAM, EventLog

__all__ = ["REPLAYED", "IdempotencyGuard", "fingerprint"]

REPLAYED = {"Idempotent-Replayed": "true"}
_PURGE_EVERY = 60.0


def fingerprint(method: str, path: str, query: str, body: bytes) -> str:
    """A hash that tells two requests apart."""
    digest = hashlib.sha256(f"{method} {path}?{query}\n".encode())
    digest.update(body)
    return digest.hexdigest()


class IdempotencyGuard:
    """Stores and replays responses by ``Idempotency-Key``."""

    def __init__(self, store: Store, ttl: float) -> None:
        self._store = store
        self._ttl = ttl
        self._locks: dict[tuple[str, str], tuple[asyncio.Lock, int]] = {}
        self._last_purge = 0.0

    @asynccontextmanager
    async def exclusive(self, org_id: str, key: str) -> AsyncIterator[None]:
        """Hold the key: a duplicate arriving meanwhile waits, then finds the stored response."""
        slot = (org_id, key)
        lock, users = self._locks.get(slot, (asyncio.Lock(), 0))
        self._locks[slot] = (lock, users + 1)
        try:
            async with lock:
                yield
        finally:
            lock, users = self._locks[slot]
            if users <= 1:
                del self._locks[slot]
            else:
                self._locks[slot] = (lock, users - 1)

    def lookup(self, org_id: str, key: str, digest: str) -> Row | None:
        """The live record of the key, or ``None``; 409 when another request made it."""
        record = self._store.get_idempotent(org_id, key, time.time() - self._ttl)
        if record is not None and record["hash"] != digest:
            raise ApiError(
                "IDEMPOTENCY_KEY_REUSED",
                "this Idempotency-Key was already used for a different request",
                {"field": "Idempotency-Key", "location": "header"},
            )
        return record

    def remember_json(self, org_id: str, key: str, digest: str, response: Response) -> None:
        """Store a finished JSON response for replay."""
        body = bytes(response.body).decode()
        record = {"hash": digest, "kind": "json", "status": response.status_code, "body": body}
        self._put(org_id, key, record)

    def remember_stream(
        self, org_id: str, key: str, digest: str, stream: str, after: int, fmt: str = "sse"
    ) -> None:
        """Store where a streamed turn's events start, so a repeat can replay them."""
        record = {"hash": digest, "kind": "stream", "stream": stream, "after": after, "fmt": fmt}
        self._put(org_id, key, record)

    def replay(
        self,
        org_id: str,
        record: Row,
        *,
        last_event_id: int | None,
        request_id: str | None,
        events: EventLog,
    ) -> Response:
        """The stored response again: the JSON body, or the turn's events from the log."""
        if record["kind"] == "stream":
            # Records written before streams were shared name the chat alone.
            stream = str(record.get("stream") or CHAT_STREAM.stream(str(record["chat_id"])))
            fmt = str(record.get("fmt", "sse"))
            after = int(record["after"])
            if events.resumable(fmt):
                after = max(after, last_event_id or 0)
            return events.response(org_id, stream, after, one_turn=True, fmt=fmt, headers=REPLAYED)
        body = str(record["body"])
        if int(record["status"]) >= 400 and request_id:
            # An error body quotes the request id; quote this request's, as its header does.
            error = json.loads(body)
            error["error"]["request_id"] = request_id
            body = json.dumps(error)
        return Response(
            body, status_code=int(record["status"]), media_type="application/json", headers=REPLAYED
        )

    def _put(self, org_id: str, key: str, record: dict[str, Any]) -> None:
        self._store.put_idempotent(org_id, key, record)
        moment = time.time()
        if moment - self._last_purge > _PURGE_EVERY:
            self._last_purge = moment
            self._store.purge_idempotent(moment - self._ttl)
