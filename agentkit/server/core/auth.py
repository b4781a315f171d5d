"""API keys and rate limits.

A key is ``ak_`` plus 32 random bytes (URL-safe base64); only its SHA-256 hash is stored. Each key
belongs to an organization, the principal that owns agents and chats.

Rate limits are counted in the store, so that server instances sharing a database together allow
a key what one server allows it.
"""

from __future__ import annotations

import hashlib
import math
import secrets
import time
from collections.abc import Callable

from .errors import ApiError
from .store import AuthStore, RateLimitStore

__all__ = [
    "LowWindow",
    "RateLimiter",
    "authenticate",
    "create_api_key",
    "create_organization",
    "hash_key",
]


def hash_key(key: str) -> str:
    """The stored form of a key."""
    return hashlib.sha256(key.encode()).hexdigest()


def create_api_key(store: AuthStore, org_id: str | None = None) -> str:
    """A new key for ``org_id``, or for a new organization when it is ``None``."""
    key = "ak_" + secrets.token_urlsafe(32)
    store.add_key(org_id or store.create_org(), hash_key(key))
    return key


def create_organization(store: AuthStore) -> tuple[str, str]:
    """A new organization and its first key, as ``(org_id, key)``."""
    org_id = store.create_org()
    return org_id, create_api_key(store, org_id)


def authenticate(store: AuthStore, authorization: str | list[str] | None) -> tuple[str, str]:
    """The organization and key hash of a ``Bearer`` header; 401 UNAUTHORIZED otherwise.

    ``authorization`` is the header's value, or every value the request sent: two headers are
    refused, whatever they say, rather than one of them being picked.
    """
    if isinstance(authorization, list):
        if len(authorization) > 1:
            raise ApiError(
                "UNAUTHORIZED",
                f"send one Authorization header; this request sent {len(authorization)}",
            )
        authorization = authorization[0] if authorization else None
    scheme, _, token = (authorization or "").partition(" ")
    token = token.strip()
    if scheme.lower() != "bearer" or not token:
        raise ApiError("UNAUTHORIZED", "send an API key as 'Authorization: Bearer <key>'")
    digest = hash_key(token)
    org_id = store.org_for_key(digest)
    if org_id is None:
        raise ApiError("UNAUTHORIZED", "the API key is not valid")
    return org_id, digest


#: Called with a key's hash, its limit, the requests it has left and the seconds until it has one
#: more, after a request that left it 10% of its window or less.
LowWindow = Callable[[str, int, int, int], None]


#: Seconds between two purges of the rate limits of keys idle long enough to have every slot.
_PURGE_EVERY = 600.0
#: Room for float rounding when slots are counted from seconds.
_EPSILON = 1e-9


class RateLimiter:
    """Requests per key per minute, counted in the store (shared by every server instance on it).

    A key may make ``per_minute`` requests at once, then one more each ``60 / per_minute``
    seconds as its slots free up (the generic cell rate algorithm: over any long stretch, at
    most ``per_minute`` a minute). Each request costs one statement.
    """

    def __init__(self, per_minute: int | None, store: RateLimitStore) -> None:
        self._limit = per_minute
        self._store = store
        self._watchers: list[LowWindow] = []
        self._purged = time.monotonic()

    def watch(self, watcher: LowWindow) -> None:
        """Call ``watcher`` after each request that leaves its key 10% of its window or less."""
        self._watchers.append(watcher)

    def check(self, key_hash: str) -> None:
        """Count a request; 429 RATE_LIMITED with ``Retry-After`` once the key has no slot free."""
        limit = self._limit
        if limit is None:
            return
        moment = time.time()
        taken, tat = self._store.take_rate_slot("key:" + key_hash, limit, 60.0, moment)
        interval = 60.0 / limit
        # Seconds of slots free after this request: each whole interval is one request more.
        free = 60.0 - (tat - moment)
        if not taken:
            wait = max(1, math.ceil(interval - free - _EPSILON))
            raise ApiError(
                "RATE_LIMITED",
                f"more than {limit} requests a minute with this key; retry in {wait} s",
                {"retry_after": wait},
                headers={"Retry-After": str(wait)},
            )
        remaining = max(0, math.floor(free / interval + _EPSILON))
        if self._watchers and remaining * 10 <= limit:
            reset = max(0, math.ceil((remaining + 1) * interval - free - _EPSILON))
            for watcher in self._watchers:
                watcher(key_hash, limit, remaining, reset)
        if time.monotonic() - self._purged > _PURGE_EVERY:
            self._purged = time.monotonic()
            self._store.purge_rate_limits(moment)
