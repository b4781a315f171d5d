"""``SQLiteStore``: the embedded store, one SQLite file in WAL mode behind one connection.

The routes call the store directly on the event loop. Every call is a short indexed query on a
local file (tens of microseconds, and WAL with ``synchronous=NORMAL`` does not fsync per
commit), so a thread hop per query would cost more than it saves. A lock serialises the rare
calls from other threads, such as a test minting keys while the server runs.

The index and session tables live in their own modules, mixed into ``SQLiteStore``.
"""

from __future__ import annotations

import json
import secrets
import sqlite3
import threading
import time

from ._sqlite_indexes import INDEX_SCHEMA, IndexTables
from ._sqlite_sessions import SESSION_SCHEMA, SessionTables
from .base import Event, Page, Row

__all__ = ["SQLiteStore"]

SCHEMA = """
CREATE TABLE IF NOT EXISTS orgs (id TEXT PRIMARY KEY, created_at REAL NOT NULL);
CREATE TABLE IF NOT EXISTS api_keys (
    key_hash TEXT PRIMARY KEY, org_id TEXT NOT NULL REFERENCES orgs (id));
CREATE TABLE IF NOT EXISTS agents (
    pk INTEGER PRIMARY KEY AUTOINCREMENT, org_id TEXT NOT NULL, id TEXT NOT NULL,
    name TEXT NOT NULL, data TEXT NOT NULL,
    UNIQUE (org_id, id), UNIQUE (org_id, name));
CREATE TABLE IF NOT EXISTS chats (
    pk INTEGER PRIMARY KEY AUTOINCREMENT, org_id TEXT NOT NULL, id TEXT NOT NULL,
    status TEXT NOT NULL, agent_id TEXT NOT NULL, data TEXT NOT NULL, UNIQUE (org_id, id));
CREATE TABLE IF NOT EXISTS chat_messages (
    pk INTEGER PRIMARY KEY AUTOINCREMENT, org_id TEXT NOT NULL, chat_id TEXT NOT NULL,
    data TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS chat_messages_by_chat ON chat_messages (org_id, chat_id, pk);
CREATE TABLE IF NOT EXISTS events (
    org_id TEXT NOT NULL, stream TEXT NOT NULL, seq INTEGER NOT NULL, kind TEXT NOT NULL,
    data TEXT NOT NULL, PRIMARY KEY (org_id, stream, seq)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS idempotency (
    org_id TEXT NOT NULL, key TEXT NOT NULL, created_at REAL NOT NULL, record TEXT NOT NULL,
    PRIMARY KEY (org_id, key));
CREATE INDEX IF NOT EXISTS idempotency_by_age ON idempotency (created_at);
"""


# Files written before streams were shared kept chat events in their own table.
_MIGRATE_CHAT_EVENTS = """
INSERT OR IGNORE INTO events
    SELECT org_id, 'chat:' || chat_id, seq, kind, data FROM chat_events;
DROP TABLE chat_events;
"""


class SQLiteStore(IndexTables, SessionTables):
    """The ``Store`` on one SQLite file (or ``":memory:"``)."""

    def __init__(self, path: str) -> None:
        self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self._lock = threading.RLock()
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute("PRAGMA foreign_keys=ON")
        self._db.executescript(SCHEMA + INDEX_SCHEMA + SESSION_SCHEMA)
        legacy = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'chat_events'"
        if self._db.execute(legacy).fetchone():
            self._db.executescript("BEGIN;" + _MIGRATE_CHAT_EVENTS + "COMMIT;")

    def close(self) -> None:
        """Close the connection; the store is unusable afterwards."""
        with self._lock:
            self._db.close()

    # ------------------------------------------------------------------ identity
    def create_org(self) -> str:
        org_id = "org_" + secrets.token_hex(8)
        self._run("INSERT INTO orgs VALUES (?, ?)", org_id, time.time())
        return org_id

    def add_key(self, org_id: str, key_hash: str) -> None:
        self._run("INSERT INTO api_keys VALUES (?, ?)", key_hash, org_id)

    def org_for_key(self, key_hash: str) -> str | None:
        row = self._one("SELECT org_id FROM api_keys WHERE key_hash = ?", key_hash)
        return str(row[0]) if row else None

    # ------------------------------------------------------------------ agents
    def insert_agent(self, org_id: str, agent: Row) -> None:
        self._run(
            "INSERT INTO agents (org_id, id, name, data) VALUES (?, ?, ?, ?)",
            org_id,
            agent["id"],
            agent["name"],
            json.dumps(agent),
        )

    def get_agent(self, org_id: str, agent_id: str) -> Row | None:
        row = self._one("SELECT data FROM agents WHERE org_id = ? AND id = ?", org_id, agent_id)
        return json.loads(row[0]) if row else None

    def agent_name_taken(self, org_id: str, name: str) -> bool:
        found = self._one("SELECT 1 FROM agents WHERE org_id = ? AND name = ?", org_id, name)
        return found is not None

    def update_agent(self, org_id: str, agent: Row) -> None:
        self._run(
            "UPDATE agents SET name = ?, data = ? WHERE org_id = ? AND id = ?",
            agent["name"],
            json.dumps(agent),
            org_id,
            agent["id"],
        )

    def delete_agent(self, org_id: str, agent_id: str) -> bool:
        return self._run("DELETE FROM agents WHERE org_id = ? AND id = ?", org_id, agent_id) > 0

    def list_agents(self, org_id: str, after: int, limit: int) -> Page:
        rows = self._all(
            "SELECT pk, data FROM agents WHERE org_id = ? AND pk > ? ORDER BY pk LIMIT ?",
            org_id,
            after,
            limit + 1,
        )
        return self._page(rows, limit)

    # ------------------------------------------------------------------ chats
    def insert_chat(self, org_id: str, chat: Row) -> None:
        self._run(
            "INSERT INTO chats (org_id, id, status, agent_id, data) VALUES (?, ?, ?, ?, ?)",
            org_id,
            chat["id"],
            chat["status"],
            chat["agent_id"],
            json.dumps(chat),
        )

    def get_chat(self, org_id: str, chat_id: str) -> Row | None:
        row = self._one("SELECT data FROM chats WHERE org_id = ? AND id = ?", org_id, chat_id)
        return json.loads(row[0]) if row else None

    def update_chat(self, org_id: str, chat: Row) -> None:
        self._run(
            "UPDATE chats SET status = ?, data = ? WHERE org_id = ? AND id = ?",
            chat["status"],
            json.dumps(chat),
            org_id,
            chat["id"],
        )

    def list_chats(
        self, org_id: str, after: int, limit: int, status: str | None, agent_id: str | None
    ) -> Page:
        rows = self._all(
            "SELECT pk, data FROM chats WHERE org_id = ? AND pk > ?"
            " AND (? IS NULL OR status = ?) AND (? IS NULL OR agent_id = ?)"
            " ORDER BY pk LIMIT ?",
            org_id,
            after,
            status,
            status,
            agent_id,
            agent_id,
            limit + 1,
        )
        return self._page(rows, limit)

    def insert_message(self, org_id: str, chat_id: str, message: Row) -> None:
        self._run(
            "INSERT INTO chat_messages (org_id, chat_id, data) VALUES (?, ?, ?)",
            org_id,
            chat_id,
            json.dumps(message),
        )

    def list_messages(self, org_id: str, chat_id: str, after: int, limit: int) -> Page:
        rows = self._all(
            "SELECT pk, data FROM chat_messages WHERE org_id = ? AND chat_id = ? AND pk > ?"
            " ORDER BY pk LIMIT ?",
            org_id,
            chat_id,
            after,
            limit + 1,
        )
        return self._page(rows, limit)

    # ------------------------------------------------------------------ event log
    def append_events(self, org_id: str, stream: str, rows: list[tuple[int, str, str]]) -> None:
        with self._transaction() as db:
            db.executemany(
                "INSERT INTO events (org_id, stream, seq, kind, data) VALUES (?, ?, ?, ?, ?)",
                [(org_id, stream, seq, kind, data) for seq, kind, data in rows],
            )

    def events_after(self, org_id: str, stream: str, after: int, limit: int) -> list[Event]:
        rows = self._all(
            "SELECT seq, kind, data FROM events WHERE org_id = ? AND stream = ? AND seq > ?"
            " ORDER BY seq LIMIT ?",
            org_id,
            stream,
            after,
            limit,
        )
        return [Event(int(seq), str(kind), str(data)) for seq, kind, data in rows]

    def last_event_seq(self, org_id: str, stream: str) -> int:
        row = self._one(
            "SELECT MAX(seq) FROM events WHERE org_id = ? AND stream = ?", org_id, stream
        )
        return int(row[0]) if row and row[0] is not None else 0

    def delete_events(self, org_id: str, stream: str) -> None:
        self._run("DELETE FROM events WHERE org_id = ? AND stream = ?", org_id, stream)

    # ------------------------------------------------------------------ idempotency
    def get_idempotent(self, org_id: str, key: str, since: float) -> Row | None:
        row = self._one(
            "SELECT record FROM idempotency WHERE org_id = ? AND key = ? AND created_at >= ?",
            org_id,
            key,
            since,
        )
        return json.loads(row[0]) if row else None

    def put_idempotent(self, org_id: str, key: str, record: Row) -> None:
        self._run(
            "INSERT OR REPLACE INTO idempotency VALUES (?, ?, ?, ?)",
            org_id,
            key,
            time.time(),
            json.dumps(record),
        )

    def purge_idempotent(self, before: float) -> int:
        return self._run("DELETE FROM idempotency WHERE created_at < ?", before)
