"""What the messaging store answers with, beside plain rows."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from ..core.store import Row

__all__ = ["BacklogFull", "ColdLimitReached", "Membership", "SendContext", "SentMessage"]


@dataclass(frozen=True, slots=True)
class SentMessage:
    """The message a send made, or the one an earlier send with its ``client_msg_id`` made.

    Attributes:
        message: The message in its wire shape.
        fingerprint: What the send that made it said (to tell a replay from a reuse).
        replayed: Whether it was made by an earlier send.
        recipients: The identities it was delivered to (none for a replay).
        backlogs: Each recipient's undelivered messages, this one included (none for a
            replay).
    """

    message: Row
    fingerprint: str
    replayed: bool
    recipients: tuple[str, ...] = ()
    backlogs: Mapping[str, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Membership:
    """What a send needs to know of a conversation, as one of its members sees it.

    Attributes:
        kind: ``direct`` or ``group``.
        others: The other members' identity ids.
        blocked: Whether one of the others blocks the member.
    """

    kind: str
    others: list[str]
    blocked: bool


@dataclass(frozen=True, slots=True)
class SendContext:
    """What a send reads before it stores anything, read at once.

    Attributes:
        identity: The caller's identity (``None`` for a key without one).
        earlier: The message the caller already made with this ``client_msg_id``, if any.
        membership: The caller's membership of the conversation the send names, if it names
            one and the caller is a member who has not hidden it.
    """

    identity: Row | None
    earlier: SentMessage | None
    membership: Membership | None


class BacklogFull(Exception):
    """A send would take a recipient past the backlog limit; nothing of it was stored."""

    def __init__(self, recipient_id: str, undelivered: int) -> None:
        super().__init__(f"{recipient_id} has {undelivered} undelivered messages")
        self.recipient_id = recipient_id
        self.undelivered = undelivered


class ColdLimitReached(Exception):
    """A direct message past the cold-message limit: the recipient has neither written back nor
    added the sender as a contact, and has ``sent`` messages from it already. Nothing of the
    send was stored."""

    def __init__(self, recipient_id: str, sent: int) -> None:
        super().__init__(f"{sent} messages to {recipient_id} without an answer")
        self.recipient_id = recipient_id
        self.sent = sent
