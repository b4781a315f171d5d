"""Sessions in SQLite: the session rows and their messages, stamped by the event that changed them."""

from __future__ import annotations

import json

from ..core.sqlite import DocumentTable, SQLiteTables
from ..core.store import Page, Row

__all__ = ["SessionTables"]

_SESSIONS = DocumentTable(
    "sessions",
    columns=("agent_id",),
    derived={
        "message_count": "(SELECT COUNT(*) FROM session_messages m"
        " WHERE m.org_id = t.org_id AND m.session_id = t.id)"
    },
)


class SessionTables(SQLiteTables):
    """The ``SessionStore`` part of the SQLite store."""

    SCHEMA = """
CREATE TABLE IF NOT EXISTS sessions (
    pk INTEGER PRIMARY KEY AUTOINCREMENT, org_id TEXT NOT NULL, id TEXT NOT NULL,
    agent_id TEXT NOT NULL, data TEXT NOT NULL, UNIQUE (org_id, id));
CREATE TABLE IF NOT EXISTS session_messages (
    org_id TEXT NOT NULL, session_id TEXT NOT NULL, idx INTEGER NOT NULL,
    stamp INTEGER NOT NULL, data TEXT NOT NULL,
    PRIMARY KEY (org_id, session_id, idx)) WITHOUT ROWID;
"""

    def insert_session(self, org_id: str, session: Row) -> None:
        """Store a new session."""
        _SESSIONS.insert(self._database, org_id, session)

    def get_session(self, org_id: str, session_id: str) -> Row | None:
        """The session row with its live ``message_count`` (without its messages)."""
        return _SESSIONS.get(self._database, org_id, session_id)

    def update_session(self, org_id: str, session: Row) -> None:
        """Replace the stored session (its message count is not stored)."""
        _SESSIONS.update(self._database, org_id, session)

    def delete_session(self, org_id: str, session_id: str) -> bool:
        """Delete the session with its messages; whether there was one."""
        with self._database.transaction():
            self._database.run(
                "DELETE FROM session_messages WHERE org_id = ? AND session_id = ?",
                org_id,
                session_id,
            )
            return _SESSIONS.delete(self._database, org_id, session_id)

    def list_sessions(self, org_id: str, after: int, limit: int, agent_id: str | None) -> Page:
        """Sessions after the position ``after``, oldest first, of an agent if given."""
        where = {"agent_id": agent_id}
        return _SESSIONS.page(self._database, org_id, after, limit, where=where)

    def put_session_message(self, org_id: str, session_id: str, message: Row, stamp: int) -> None:
        """Insert or replace the message at its ``index``, stamped with the event of the change."""
        self._database.run(
            "INSERT INTO session_messages VALUES (?, ?, ?, ?, ?)"
            " ON CONFLICT (org_id, session_id, idx)"
            " DO UPDATE SET stamp = excluded.stamp, data = excluded.data",
            org_id,
            session_id,
            message["index"],
            stamp,
            json.dumps(message),
        )

    def session_messages(self, org_id: str, session_id: str, changed_after: int = -1) -> list[Row]:
        """The session's messages in index order, only those stamped after ``changed_after``."""
        rows = self._database.all(
            "SELECT data FROM session_messages WHERE org_id = ? AND session_id = ? AND stamp > ?"
            " ORDER BY idx",
            org_id,
            session_id,
            changed_after,
        )
        return [json.loads(row[0]) for row in rows]

    def session_message(self, org_id: str, session_id: str, index: int) -> Row | None:
        """The session's message at ``index``, or ``None``."""
        row = self._database.one(
            "SELECT data FROM session_messages WHERE org_id = ? AND session_id = ? AND idx = ?",
            org_id,
            session_id,
            index,
        )
        return json.loads(row[0]) if row else None

    def message_stamps(self, org_id: str, session_id: str, status: str) -> list[tuple[Row, int]]:
        """The session's messages of a status, in index order, with the stamp of each."""
        rows = self._database.all(
            "SELECT data, stamp FROM session_messages WHERE org_id = ? AND session_id = ?"
            " AND json_extract(data, '$.status') = ? ORDER BY idx",
            org_id,
            session_id,
            status,
        )
        return [(json.loads(data), int(stamp)) for data, stamp in rows]

    def sessions_in_status(self, status: str) -> list[tuple[str, str]]:
        """``(org_id, session_id)`` of every organization's sessions in a status (a full scan:
        for startup, not for requests)."""
        rows = self._database.all(
            "SELECT org_id, id FROM sessions WHERE json_extract(data, '$.status') = ? ORDER BY pk",
            status,
        )
        return [(str(org_id), str(session_id)) for org_id, session_id in rows]
