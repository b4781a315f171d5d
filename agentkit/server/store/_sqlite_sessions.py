"""Sessions in SQLite: the session rows and their messages, stamped by the event that changed them."""

from __future__ import annotations

import json

from ._sqlite_base import SQLiteBase
from .base import Page, Row

__all__ = ["SESSION_SCHEMA", "SessionTables"]

SESSION_SCHEMA = """
CREATE TABLE IF NOT EXISTS sessions (
    pk INTEGER PRIMARY KEY AUTOINCREMENT, org_id TEXT NOT NULL, id TEXT NOT NULL,
    agent_id TEXT NOT NULL, data TEXT NOT NULL, UNIQUE (org_id, id));
CREATE TABLE IF NOT EXISTS session_messages (
    org_id TEXT NOT NULL, session_id TEXT NOT NULL, idx INTEGER NOT NULL,
    stamp INTEGER NOT NULL, data TEXT NOT NULL,
    PRIMARY KEY (org_id, session_id, idx)) WITHOUT ROWID;
"""

_COUNT = (
    "(SELECT COUNT(*) FROM session_messages m WHERE m.org_id = s.org_id AND m.session_id = s.id)"
)


def _with_count(data: str, count: int) -> Row:
    session: Row = json.loads(data)
    session["message_count"] = int(count)
    return session


class SessionTables(SQLiteBase):
    """The session half of ``SQLiteStore``."""

    def insert_session(self, org_id: str, session: Row) -> None:
        self._run(
            "INSERT INTO sessions (org_id, id, agent_id, data) VALUES (?, ?, ?, ?)",
            org_id,
            session["id"],
            session["agent_id"],
            json.dumps(session),
        )

    def get_session(self, org_id: str, session_id: str) -> Row | None:
        row = self._one(
            f"SELECT data, {_COUNT} FROM sessions s WHERE org_id = ? AND id = ?",
            org_id,
            session_id,
        )
        return _with_count(*row) if row else None

    def update_session(self, org_id: str, session: Row) -> None:
        stored = {k: v for k, v in session.items() if k != "message_count"}
        self._run(
            "UPDATE sessions SET data = ? WHERE org_id = ? AND id = ?",
            json.dumps(stored),
            org_id,
            session["id"],
        )

    def delete_session(self, org_id: str, session_id: str) -> bool:
        with self._transaction() as db:
            db.execute(
                "DELETE FROM session_messages WHERE org_id = ? AND session_id = ?",
                (org_id, session_id),
            )
            deleted = db.execute(
                "DELETE FROM sessions WHERE org_id = ? AND id = ?", (org_id, session_id)
            ).rowcount
        return deleted > 0

    def list_sessions(self, org_id: str, after: int, limit: int, agent_id: str | None) -> Page:
        rows = self._all(
            f"SELECT pk, data, {_COUNT} FROM sessions s WHERE org_id = ? AND pk > ?"
            " AND (? IS NULL OR agent_id = ?) ORDER BY pk LIMIT ?",
            org_id,
            after,
            agent_id,
            agent_id,
            limit + 1,
        )
        more = len(rows) > limit
        rows = rows[:limit]
        found = [_with_count(data, count) for _, data, count in rows]
        return Page(found, int(rows[-1][0]) if more else None)

    def put_session_message(self, org_id: str, session_id: str, message: Row, stamp: int) -> None:
        self._run(
            "INSERT OR REPLACE INTO session_messages VALUES (?, ?, ?, ?, ?)",
            org_id,
            session_id,
            message["index"],
            stamp,
            json.dumps(message),
        )

    def session_messages(self, org_id: str, session_id: str, changed_after: int = -1) -> list[Row]:
        rows = self._all(
            "SELECT data FROM session_messages WHERE org_id = ? AND session_id = ? AND stamp > ?"
            " ORDER BY idx",
            org_id,
            session_id,
            changed_after,
        )
        return [json.loads(row[0]) for row in rows]

    def session_message(self, org_id: str, session_id: str, index: int) -> Row | None:
        row = self._one(
            "SELECT data FROM session_messages WHERE org_id = ? AND session_id = ? AND idx = ?",
            org_id,
            session_id,
            index,
        )
        return json.loads(row[0]) if row else None
