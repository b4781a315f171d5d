"""Votes in SQLite: one row per message, listed by conversation in the order first cast."""

from __future__ import annotations

import json

from ..core.sqlite import SQLiteTables
from ..core.store import Page, Row

__all__ = ["FeedbackTables"]


class FeedbackTables(SQLiteTables):
    """The ``FeedbackStore`` part of the SQLite store."""

    SCHEMA = """
CREATE TABLE IF NOT EXISTS votes (
    pk INTEGER PRIMARY KEY AUTOINCREMENT, org_id TEXT NOT NULL, message_id TEXT NOT NULL,
    conversation_id TEXT NOT NULL, data TEXT NOT NULL,
    UNIQUE (org_id, message_id));
CREATE INDEX IF NOT EXISTS votes_by_conversation ON votes (org_id, conversation_id, pk);
"""

    def put_vote(self, org_id: str, vote: Row) -> Row:
        """Store the vote, keeping the first vote's ``created_at`` and list position."""
        with self._database.transaction() as db:
            found = db.execute(
                "SELECT data FROM votes WHERE org_id = ? AND message_id = ?",
                (org_id, vote["message_id"]),
            ).fetchone()
            if found is not None:
                vote = {**vote, "created_at": json.loads(found[0])["created_at"]}
                db.execute(
                    "UPDATE votes SET data = ?, conversation_id = ? WHERE org_id = ? AND message_id = ?",
                    (json.dumps(vote), vote["conversation_id"], org_id, vote["message_id"]),
                )
            else:
                db.execute(
                    "INSERT INTO votes (org_id, message_id, conversation_id, data) VALUES (?, ?, ?, ?)",
                    (org_id, vote["message_id"], vote["conversation_id"], json.dumps(vote)),
                )
        return vote

    def delete_vote(self, org_id: str, message_id: str) -> bool:
        """Delete the vote on a message; whether there was one."""
        sql = "DELETE FROM votes WHERE org_id = ? AND message_id = ?"
        return self._database.run(sql, org_id, message_id) > 0

    def list_votes(self, org_id: str, conversation_id: str, after: int, limit: int) -> Page:
        """The conversation's votes after position ``after``, in the order first cast."""
        rows = self._database.all(
            "SELECT pk, data FROM votes WHERE org_id = ? AND conversation_id = ? AND pk > ?"
            " ORDER BY pk LIMIT ?",
            org_id,
            conversation_id,
            after,
            limit + 1,
        )
        more = len(rows) > limit
        rows = rows[:limit]
        return Page([json.loads(row[1]) for row in rows], int(rows[-1][0]) if more else None)
