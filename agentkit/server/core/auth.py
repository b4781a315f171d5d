"""API keys and rate limits.

A key is ``ak_`` plus 32 random bytes (URL-safe base64); only its SHA-256 hash is stored. Each key
belongs to an organization, the principal that owns agents and chats.
"""

from __future__ import annotations

import hashlib
import math
import secrets
import time
from collections import deque
from collections.abc import Callable

from .errors import ApiError
from .store import AuthStore

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


#: Called with a key's hash, its limit, the requests it has left in the window and the seconds
#: until the oldest leaves it, after a request that left it 10% of its window or less.
LowWindow = Callable[[str, int, int, int], None]


class RateLimiter:
    """A sliding one-minute window of requests per key."""

    def __init__(self, per_minute: int | None) -> None:
        self._limit = per_minute
        self._hits: dict[str, deque[float]] = {}
        self._watchers: list[LowWindow] = []

    def watch(self, watcher: LowWindow) -> None:
        """Call ``watcher`` after each request that leaves its key 10% of its window or less."""
        self._watchers.append(watcher)

    def check(self, key_hash: str) -> None:
        """Count a request; 429 RATE_LIMITED with ``Retry-After`` once the window is full."""
        if self._limit is None:
            return
        moment = time.monotonic()
        window = self._hits.setdefault(key_hash, deque())
        while window and moment - window[0] >= 60.0:
            window.popleft()
        if len(window) >= self._limit:
            wait = max(1, math.ceil(60.0 - (moment - window[0])))
            raise ApiError(
                "RATE_LIMITED",
                f"more than {self._limit} requests a minute with this key; retry in {wait} s",
                {"retry_after": wait},
                headers={"Retry-After": str(wait)},
            )
        window.append(moment)
        remaining = self._limit - len(window)
        if self._watchers and remaining * 10 <= self._limit:
            reset = max(0, math.ceil(60.0 - (moment - window[0])))
            for watcher in self._watchers:
                watcher(key_hash, self._limit, remaining, reset)
