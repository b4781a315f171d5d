"""What realtime delivery and offline sync keep: each recipient's deliveries of messages, until
they are acknowledged, and who hears of an identity's presence."""

from __future__ import annotations

from typing import Protocol

from .records import Pending

__all__ = ["DeliveryStore"]


class DeliveryStore(Protocol):
    """Deliveries (one per recipient of a message) as realtime and sync read and acknowledge
    them. A delivery is ``stored`` until acknowledged, then ``delivered`` (or ``read``)."""

    def pending_deliveries(self, identity_id: str, after: int, limit: int) -> list[Pending]:
        """Up to ``limit`` of the identity's ``stored`` deliveries past position ``after``
        (0: from the first), oldest first."""
        ...

    def delivery_position(self, identity_id: str, delivery_id: str) -> int | None:
        """The position of one of the identity's deliveries (any status); ``None`` for an id
        that is not one of its deliveries."""
        ...

    def delivery_of(self, identity_id: str, message_id: str) -> str | None:
        """The id of the identity's delivery of a message, if it has one."""
        ...

    def acknowledge_through(self, identity_id: str, position: int) -> int:
        """Mark the identity's ``stored`` deliveries up to ``position`` delivered; how many."""
        ...

    def acknowledge_message(self, identity_id: str, message_id: str) -> int:
        """Mark the identity's ``stored`` delivery of a message delivered; how many (0 or 1)."""
        ...

    def muted_for(self, identity_id: str, sender: str, conversation_id: str, moment: str) -> bool:
        """Whether the identity mutes the sender's handle or the conversation at ``moment``."""
        ...

    def presence_audience(self, identity_id: str) -> list[str]:
        """Who hears of the identity's presence: the identities that have it as a contact and
        the other members of its direct conversations, without those it blocks."""
        ...

    def conversation_members(self, conversation_id: str) -> list[str]:
        """The identity ids of a conversation's members."""
        ...
