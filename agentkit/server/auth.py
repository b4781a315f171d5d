"""API keys: made here, stored only as SHA-256 hashes."""

from __future__ import annotations

import hashlib
import secrets

from .store import Store

__all__ = ["create_api_key", "hash_key"]


def hash_key(key: str) -> str:
    """The stored form of a key."""
    return hashlib.sha256(key.encode()).hexdigest()


def create_api_key(store: Store, org_id: str | None = None) -> str:
    """A new key, for a new organization unless ``org_id`` is given."""
    key = "ak_" + secrets.token_urlsafe(32)
    store.add_key(org_id or store.create_org(), hash_key(key))
    return key
