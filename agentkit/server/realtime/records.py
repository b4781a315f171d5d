"""The records realtime delivery passes between its store and its senders."""

from __future__ import annotations

from dataclasses import dataclass

from ..core.store import Row

__all__ = ["Pending"]


@dataclass(frozen=True, slots=True)
class Pending:
    """A delivery not yet acknowledged: its position in the recipient's deliveries (what sync
    pages by), its id (the cursor users see) and its message."""

    position: int
    delivery_id: str
    message: Row
