"""The core's tables: organizations and API keys, the event log, idempotency records, and the
rate limits every server instance on the store shares."""

from __future__ import annotations

import json
import secrets
import threading
import time
from typing import Any

from .database import Database
from .postgres import PostgresDatabase
from .sqlite import SQLiteTables
from .store import Event, Row

__all__ = ["CoreTables", "RateLimitTables"]

# One statement takes a slot: the upsert's WHERE leaves a full name untouched (and returns no
# row). It is atomic on both databases: PostgreSQL's ON CONFLICT locks the row and decides on
# its latest version, so instances counting the same name at once never both take the last
# slot.
_TAKE_SLOT = (
    "INSERT INTO rate_limits (name, tat) VALUES (?, ?) ON CONFLICT (name) DO UPDATE"
    " SET tat = MAX(rate_limits.tat, ?) + ? WHERE MAX(rate_limits.tat, ?) - ? <= ?"
    " RETURNING tat"
)


class RateLimitTables(SQLiteTables):
    """The ``RateLimitStore`` part of the store (its own schema version: ``ratelimit``).

    On SQLite a slot is one statement, in the open group commit. On PostgreSQL it runs on
    a connection of its own in autocommit: inside the group it would hold the name's row until
    the group commits, and an instance counting the same name would wait that long, its event
    loop with it.
    """

    SCHEMA = """
CREATE TABLE IF NOT EXISTS rate_limits (name TEXT PRIMARY KEY, tat REAL NOT NULL) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS rate_limits_by_tat ON rate_limits (tat);
"""

    def __init__(self, database: str | Database) -> None:
        self._rate_lock = threading.Lock()
        self._rate_database: PostgresDatabase | None = None
        super().__init__(database)

    def _rate_run(self, sql: str, *args: Any) -> tuple[int, tuple[Any, ...] | None]:
        """Run a statement on the rate limits: its row count and first row (if it returns
        rows)."""
        database = self._database
        if not isinstance(database, PostgresDatabase):
            with database.transaction() as db:  # joins the open group commit
                cursor = db.execute(sql, args)
                rows = cursor.fetchall()  # to the end: no statement left in progress
                return cursor.rowcount, rows[0] if rows else None
        with self._rate_lock:
            if self._rate_database is None:
                self._rate_database = PostgresDatabase(
                    database.url, name=f"{database.application_name}-limits", grouped=False
                )
        if " RETURNING " in sql or sql.startswith("SELECT"):
            row = self._rate_database.one(sql, *args)
            return (0 if row is None else 1), row
        return self._rate_database.run(sql, *args), None

    def take_rate_slot(
        self, name: str, limit: int, period: float, moment: float
    ) -> tuple[bool, float]:
        """Take one of the name's ``limit`` slots per ``period`` at ``moment``, if one is free:
        ``(taken, tat)``."""
        interval = period / limit
        _, taken = self._rate_run(
            _TAKE_SLOT, name, moment + interval, moment, interval, moment, moment, period - interval
        )
        if taken is not None:
            return True, float(taken[0])
        _, row = self._rate_run("SELECT tat FROM rate_limits WHERE name = ?", name)
        return False, float(row[0]) if row is not None else moment

    def purge_rate_limits(self, before: float) -> int:
        """Forget the names whose every slot was free again before ``before``."""
        return self._rate_run("DELETE FROM rate_limits WHERE tat < ?", before)[0]

    def close(self) -> None:
        """Close the connections; the store is unusable afterwards."""
        with self._rate_lock:
            if self._rate_database is not None:
                self._rate_database.close()
                self._rate_database = None
        super().close()


# Files written before streams were shared kept chat events in their own table.
_MIGRATE_CHAT_EVENTS = """
INSERT OR IGNORE INTO events
    SELECT org_id, 'chat:' || chat_id, seq, kind, data FROM chat_events;
DROP TABLE chat_events;
"""


#: How many events one INSERT statement writes at most (more are written by executemany).
_EVENTS_AT_ONCE = 8
_INSERT_EVENTS = {
    count: "INSERT INTO events (org_id, stream, seq, kind, data) VALUES "
    + ", ".join(["(?, ?, ?, ?, ?)"] * count)
    for count in range(1, _EVENTS_AT_ONCE + 1)
}


class CoreTables(RateLimitTables):
    """The ``CoreStore`` part of the SQLite store."""

    SCHEMA = """
CREATE TABLE IF NOT EXISTS orgs (id TEXT PRIMARY KEY, created_at REAL NOT NULL);
CREATE TABLE IF NOT EXISTS api_keys (
    key_hash TEXT PRIMARY KEY, org_id TEXT NOT NULL REFERENCES orgs (id));
CREATE TABLE IF NOT EXISTS events (
    org_id TEXT NOT NULL, stream TEXT NOT NULL, seq INTEGER NOT NULL, kind TEXT NOT NULL,
    data TEXT NOT NULL, PRIMARY KEY (org_id, stream, seq)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS idempotency (
    org_id TEXT NOT NULL, key TEXT NOT NULL, created_at REAL NOT NULL, record TEXT NOT NULL,
    PRIMARY KEY (org_id, key));
CREATE INDEX IF NOT EXISTS idempotency_by_age ON idempotency (created_at);
"""

    @staticmethod
    def upgrade(database: Database) -> None:
        """Move the chat events of files written before streams were shared into ``events``."""
        legacy = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'chat_events'"
        if database.one(legacy):
            database.script("BEGIN;" + _MIGRATE_CHAT_EVENTS + "COMMIT;")

    # ------------------------------------------------------------------ identity
    def create_org(self) -> str:
        """A new organization's id."""
        org_id = "org_" + secrets.token_hex(8)
        self._database.run("INSERT INTO orgs VALUES (?, ?)", org_id, time.time())
        return org_id

    def add_key(self, org_id: str, key_hash: str) -> None:
        """Give the organization a key (by its hash)."""
        self._database.run("INSERT INTO api_keys VALUES (?, ?)", key_hash, org_id)

    def org_for_key(self, key_hash: str) -> str | None:
        """The organization a key hash belongs to."""
        row = self._database.one("SELECT org_id FROM api_keys WHERE key_hash = ?", key_hash)
        return str(row[0]) if row else None

    # ------------------------------------------------------------------ event log
    def append_events(self, org_id: str, stream: str, rows: list[tuple[int, str, str]]) -> None:
        """Store events ``(seq, kind, data)`` of a stream, in one transaction."""
        if len(rows) <= _EVENTS_AT_ONCE:
            # A few rows (a turn's usual events) in one statement: kept or not as one, with
            # no group around it.
            args: list[object] = []
            for seq, kind, data in rows:
                args += (org_id, stream, seq, kind, data)
            self._database.run(_INSERT_EVENTS[len(rows)], *args)
            return
        with self._database.transaction() as db:
            db.executemany(
                "INSERT INTO events (org_id, stream, seq, kind, data) VALUES (?, ?, ?, ?, ?)",
                [(org_id, stream, seq, kind, data) for seq, kind, data in rows],
            )

    def events_after(self, org_id: str, stream: str, after: int, limit: int) -> list[Event]:
        """The stream's events after seq ``after``, oldest first, at most ``limit``."""
        rows = self._database.all(
            "SELECT seq, kind, data FROM events WHERE org_id = ? AND stream = ? AND seq > ?"
            " ORDER BY seq LIMIT ?",
            org_id,
            stream,
            after,
            limit,
        )
        return [Event(int(seq), str(kind), str(data)) for seq, kind, data in rows]

    def last_event_seq(self, org_id: str, stream: str) -> int:
        """The seq of the stream's latest event, 0 before any."""
        row = self._database.one(
            "SELECT MAX(seq) FROM events WHERE org_id = ? AND stream = ?", org_id, stream
        )
        return int(row[0]) if row and row[0] is not None else 0

    def delete_events(self, org_id: str, stream: str) -> None:
        """Forget a stream's events."""
        self._database.run("DELETE FROM events WHERE org_id = ? AND stream = ?", org_id, stream)

    # ------------------------------------------------------------------ idempotency
    def get_idempotent(self, org_id: str, key: str, since: float) -> Row | None:
        """The record stored for the key at or after the Unix time ``since``."""
        row = self._database.one(
            "SELECT record FROM idempotency WHERE org_id = ? AND key = ? AND created_at >= ?",
            org_id,
            key,
            since,
        )
        return json.loads(row[0]) if row else None

    def put_idempotent(self, org_id: str, key: str, record: Row) -> None:
        """Store (or replace) the record of a key, stamped now."""
        self._database.run_deferred(
            "INSERT INTO idempotency VALUES (?, ?, ?, ?) ON CONFLICT (org_id, key)"
            " DO UPDATE SET created_at = excluded.created_at, record = excluded.record",
            org_id,
            key,
            time.time(),
            json.dumps(record),
        )

    def begin_idempotent(self, org_id: str, key: str, record: Row, expired: float) -> bool:
        """Store the record of a key unless a live one (stamped at or after ``expired``) is
        there; whether it was stored."""
        return (
            self._database.run(
                "INSERT INTO idempotency VALUES (?, ?, ?, ?) ON CONFLICT (org_id, key)"
                " DO UPDATE SET created_at = excluded.created_at, record = excluded.record"
                " WHERE idempotency.created_at < ?",
                org_id,
                key,
                time.time(),
                json.dumps(record),
                expired,
            )
            == 1
        )

    def delete_idempotent(self, org_id: str, key: str) -> None:
        """Forget the record of a key."""
        self._database.run("DELETE FROM idempotency WHERE org_id = ? AND key = ?", org_id, key)

    def purge_idempotent(self, before: float) -> int:
        """Delete the records stamped before the Unix time ``before``."""
        return self._database.run("DELETE FROM idempotency WHERE created_at < ?", before)
