"""The opaque ``cursor`` of list operations: a store position, encoded."""

from __future__ import annotations

import base64
import binascii

__all__ = ["PAST_THE_END", "decode_cursor", "encode_cursor"]


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
