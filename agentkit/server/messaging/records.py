"""What the messaging store answers with, beside plain rows."""

from __future__ import annotations

from dataclasses import dataclass

from ..core.store import Row

__all__ = ["SentMessage"]


@dataclass(frozen=True, slots=True)
class SentMessage:
    """The message a send made, or the one an earlier send with its ``client_msg_id`` made.

    Attributes:
        message: The message in its wire shape.
        fingerprint: What the send that made it said (to tell a replay from a reuse).
        replayed: Whether it was made by an earlier send.
        recipients: The identities it was delivered to (none for a replay).
    """

    message: Row
    fingerprint: str
    replayed: bool
    recipients: tuple[str, ...] = ()
