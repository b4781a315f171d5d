"""Realtime delivery and sync in SQLite, over the messaging tables (``msg_deliveries``)."""

from __future__ import annotations

import json

from ..core.sqlite import SQLiteTables
from .records import Pending

__all__ = ["DeliveryTables"]


class DeliveryTables(SQLiteTables):
    """The ``DeliveryStore`` part of the SQLite store. Its tables are messaging's: a
    delivery's position is its ``pk``, so the order of sync is the order of storing."""

    def pending_deliveries(self, identity_id: str, after: int, limit: int) -> list[Pending]:
        """Up to ``limit`` of the identity's ``stored`` deliveries past position ``after``,
        oldest first."""
        rows = self._database.all(
            "SELECT d.pk, d.id, g.data FROM msg_deliveries d"
            " JOIN msg_messages g ON g.id = d.message_id"
            " WHERE d.recipient_id = ? AND d.pk > ? AND d.status = 'stored'"
            " ORDER BY d.pk LIMIT ?",
            identity_id,
            after,
            limit,
        )
        return [Pending(int(pk), str(did), json.loads(data)) for pk, did, data in rows]

    def delivery_position(self, identity_id: str, delivery_id: str) -> int | None:
        """The position of one of the identity's deliveries, or ``None``."""
        row = self._database.one(
            "SELECT pk FROM msg_deliveries WHERE id = ? AND recipient_id = ?",
            delivery_id,
            identity_id,
        )
        return None if row is None else int(row[0])

    def delivery_of(self, identity_id: str, message_id: str) -> str | None:
        """The id of the identity's delivery of a message, if any."""
        row = self._database.one(
            "SELECT id FROM msg_deliveries WHERE message_id = ? AND recipient_id = ?",
            message_id,
            identity_id,
        )
        return None if row is None else str(row[0])

    def _acknowledge(self, identity_id: str, where: str, value: object) -> int:
        with self._database.transaction() as db:
            done = db.execute(
                "UPDATE msg_deliveries SET status = 'delivered'"
                f" WHERE recipient_id = ? AND {where} AND status = 'stored'",
                (identity_id, value),
            ).rowcount
            if done:
                db.execute(
                    "UPDATE msg_backlog SET undelivered = MAX(undelivered - ?, 0)"
                    " WHERE recipient_id = ?",
                    (done, identity_id),
                )
            return int(done)

    def acknowledge_through(self, identity_id: str, position: int) -> int:
        """Mark the identity's ``stored`` deliveries up to ``position`` delivered; how many."""
        return self._acknowledge(identity_id, "pk <= ?", position)

    def acknowledge_message(self, identity_id: str, message_id: str) -> int:
        """Mark the identity's ``stored`` delivery of a message delivered; how many."""
        return self._acknowledge(identity_id, "message_id = ?", message_id)

    def muted_for(self, identity_id: str, sender: str, conversation_id: str, moment: str) -> bool:
        """Whether the identity mutes the sender's handle or the conversation at ``moment``."""
        row = self._database.one(
            "SELECT 1 FROM msg_mutes WHERE owner_id = ?"
            " AND ((kind = 'agent' AND target = ?) OR (kind = 'conversation' AND target = ?))"
            " AND (muted_until IS NULL OR muted_until > ?) LIMIT 1",
            identity_id,
            sender,
            conversation_id,
            moment,
        )
        return row is not None

    def presence_audience(self, identity_id: str) -> list[str]:
        """The identities that have this one as a contact, and the other members of its direct
        conversations, less those it blocks."""
        rows = self._database.all(
            "SELECT owner_id FROM msg_contacts WHERE contact_id = ?"
            " UNION SELECT o.identity_id FROM msg_members me"
            " JOIN msg_conversations c ON c.id = me.conversation_id AND c.kind = 'direct'"
            " JOIN msg_members o ON o.conversation_id = c.id AND o.identity_id != me.identity_id"
            " WHERE me.identity_id = ?"
            " EXCEPT SELECT blocked_id FROM msg_blocks WHERE owner_id = ?",
            identity_id,
            identity_id,
            identity_id,
        )
        return [str(other) for (other,) in rows if other != identity_id]

    def conversation_members(self, conversation_id: str) -> list[str]:
        """The identity ids of a conversation's members."""
        rows = self._database.all(
            "SELECT identity_id FROM msg_members WHERE conversation_id = ?", conversation_id
        )
        return [str(member) for (member,) in rows]
