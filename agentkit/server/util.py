"""Ids, timestamps and the cursor format shared by the routes."""

from __future__ import annotations

import base64
import binascii
import secrets
from datetime import UTC, datetime

__all__ = ["PAST_THE_END", "decode_cursor", "encode_cursor", "new_id", "now"]


def new_id(prefix: str) -> str:
    """A fresh opaque id with a type prefix, such as ``agt_3f9c...``."""
    return f"{prefix}_{secrets.token_hex(12)}"


def now() -> str:
    """The current time, RFC 3339 UTC with ``Z``."""
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def encode_cursor(position: int) -> str:
    """An opaque cursor for "after the row at ``position``"."""
    return base64.urlsafe_b64encode(f"p:{position}".encode()).decode().rstrip("=")


# Where a cursor this server never issued points: past every row, so its page is empty and
# final. Refusing it with a 400 would be clearer, but the contract types `cursor` as any string
# and schema-valid input must not be refused.
PAST_THE_END = 1 << 62


def decode_cursor(cursor: str | None) -> int:
    """The position a cursor names: 0 (the start) for none, ``PAST_THE_END`` for a forged one."""
    if not cursor:
        return 0
    try:
        text = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
    except (binascii.Error, ValueError):
        return PAST_THE_END
    kind, _, number = text.partition(":")
    if kind == "p" and number.isdigit() and len(number) < 18:
        return int(number)
    return PAST_THE_END
