"""Fresh resource ids and timestamps in the contract's formats."""

from __future__ import annotations

import secrets
from datetime import UTC, datetime

__all__ = ["new_id", "now"]


def new_id(prefix: str) -> str:
    """A fresh opaque id with a type prefix, such as ``agt_3f9c...``."""
    return f"{prefix}_{secrets.token_hex(12)}"


def now() -> str:
    """The current time, RFC 3339 UTC with ``Z``."""
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
