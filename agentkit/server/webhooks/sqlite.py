"""Webhooks in the store: endpoints (their public document, their sealed secrets) and deliveries
(the exact body to send, where their attempts stand, and which server holds them).

**Leases.** Several server instances may share one database, each with its own delivery task.
A task takes due deliveries with a lease (``lease_until``) set by the very statement that picks
them, and releases it when it records the attempt; a delivery whose lease ran out (its server
died mid-attempt) is due again, for any instance. The lease's value is also its holder's
receipt: an attempt is recorded only by the task whose lease is still on the row.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from ..core.migrations import Migration
from ..core.sqlite import SQLiteTables
from ..core.store import Page, Row

__all__ = ["WebhookTables", "iso_time"]

#: Attempts a delivery keeps listed; older ones are dropped (their count stays).
_KEPT_ATTEMPTS = 50

_DELIVERY = (
    "SELECT pk, id, owner, endpoint_id, event_id, event_type, body, status, attempt_count,"
    " run_attempts, forced, next_attempt, attempts, created_at, updated_at"
    " FROM webhook_deliveries"
)

# Taking due deliveries. The picked rows are materialized once: PostgreSQL may otherwise run a
# subquery of the WHERE again for each row, and with SKIP LOCKED each run picks other rows, past
# the LIMIT. The lease test is repeated in the UPDATE on purpose: on PostgreSQL (READ
# COMMITTED) an UPDATE that finds a row changed by another instance's committed claim re-checks
# its own WHERE against the new row but not the picking, so only that test keeps two instances
# from both taking a row. ``{lock}`` skips rows another instance is claiming right now, rather
# than waiting for its commit.
_CLAIM = (
    "WITH picked AS MATERIALIZED (SELECT pk FROM webhook_deliveries WHERE status = 'pending'"
    " AND next_attempt <= ? AND (lease_until IS NULL OR lease_until < ?)"
    " ORDER BY next_attempt LIMIT ?{lock})"
    " UPDATE webhook_deliveries SET lease_until = ? WHERE pk IN (SELECT pk FROM picked)"
    " AND status = 'pending' AND next_attempt <= ? AND (lease_until IS NULL OR lease_until < ?)"
    " RETURNING pk, id, owner, endpoint_id, event_id, event_type, body, status, attempt_count,"
    " run_attempts, forced, next_attempt, attempts, created_at, updated_at"
)
_CLAIM_LOCK = {"sqlite": "", "postgresql": " FOR UPDATE SKIP LOCKED"}


def iso_time(moment: float) -> str:
    """Unix seconds as RFC 3339 UTC with ``Z``."""
    return (
        datetime.fromtimestamp(moment, UTC)
        .isoformat(timespec="milliseconds")
        .replace("+00:00", "Z")
    )


def _delivery(row: tuple[Any, ...]) -> Row:
    (_, ident, owner, endpoint_id, event_id, event_type, body, status, count, run, forced) = row[
        :11
    ]
    next_attempt, attempts, created_at, updated_at = row[11:]
    return {
        "id": ident,
        "endpoint_id": endpoint_id,
        "event_id": event_id,
        "event_type": event_type,
        "status": status,
        "attempt_count": count,
        "next_attempt_at": None if next_attempt is None else iso_time(next_attempt),
        "attempts": json.loads(attempts),
        "created_at": created_at,
        "updated_at": updated_at,
        # Internal fields, never sent to clients:
        "owner": owner,
        "body": body,
        "run_attempts": run,
        "forced": bool(forced),
        "next_attempt": next_attempt,
    }


class WebhookTables(SQLiteTables):
    """The ``WebhookStore`` part of the SQLite store."""

    SCHEMA = """
CREATE TABLE IF NOT EXISTS webhook_endpoints (
    pk INTEGER PRIMARY KEY AUTOINCREMENT, owner TEXT NOT NULL, id TEXT NOT NULL UNIQUE,
    enabled INTEGER NOT NULL, data TEXT NOT NULL, sealed_secret TEXT NOT NULL,
    sealed_previous TEXT, previous_until REAL);
CREATE INDEX IF NOT EXISTS webhook_endpoints_by_owner ON webhook_endpoints (owner, pk);
CREATE TABLE IF NOT EXISTS webhook_deliveries (
    pk INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, owner TEXT NOT NULL,
    endpoint_id TEXT NOT NULL, event_id TEXT NOT NULL, event_type TEXT NOT NULL,
    body TEXT NOT NULL, status TEXT NOT NULL, attempt_count INTEGER NOT NULL DEFAULT 0,
    run_attempts INTEGER NOT NULL DEFAULT 0, forced INTEGER NOT NULL DEFAULT 0,
    next_attempt REAL, attempts TEXT NOT NULL DEFAULT '[]', created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL, lease_until REAL);
CREATE INDEX IF NOT EXISTS webhook_deliveries_due ON webhook_deliveries (next_attempt)
    WHERE status = 'pending';
CREATE INDEX IF NOT EXISTS webhook_deliveries_by_endpoint
    ON webhook_deliveries (endpoint_id, pk);
"""
    MIGRATIONS = (
        # 2: deliveries are taken with a lease, so that instances sharing a database never
        # send one twice at once, and one that died leaves its deliveries to the others.
        # DOUBLE PRECISION, not REAL: nothing translates a migration's types, and PostgreSQL's
        # REAL is a 4-byte float, far too coarse for Unix seconds.
        Migration(sql="ALTER TABLE webhook_deliveries ADD COLUMN lease_until DOUBLE PRECISION"),
    )

    # ------------------------------------------------------------------ endpoints
    def insert_webhook_endpoint(self, owner: str, endpoint: Row, sealed: str) -> None:
        """Store a new endpoint with its sealed secret."""
        self._database.run(
            "INSERT INTO webhook_endpoints (owner, id, enabled, data, sealed_secret)"
            " VALUES (?, ?, ?, ?, ?)",
            owner,
            endpoint["id"],
            int(endpoint["enabled"]),
            json.dumps(endpoint),
            sealed,
        )

    def webhook_endpoint(self, owner: str, endpoint_id: str) -> Row | None:
        """The endpoint with its sealed secrets, or ``None``."""
        row = self._database.one(
            "SELECT data, sealed_secret, sealed_previous, previous_until FROM webhook_endpoints"
            " WHERE owner = ? AND id = ?",
            owner,
            endpoint_id,
        )
        if row is None:
            return None
        endpoint: Row = json.loads(row[0])
        endpoint.update(sealed_secret=row[1], sealed_previous=row[2], previous_until=row[3])
        return endpoint

    def update_webhook_endpoint(self, owner: str, endpoint: Row) -> None:
        """Replace the endpoint's public document."""
        public = {k: v for k, v in endpoint.items() if not k.startswith(("sealed_", "previous_u"))}
        self._database.run(
            "UPDATE webhook_endpoints SET enabled = ?, data = ? WHERE owner = ? AND id = ?",
            int(public["enabled"]),
            json.dumps(public),
            owner,
            public["id"],
        )

    def set_webhook_secret(
        self, owner: str, endpoint_id: str, sealed: str, previous: str | None, until: float | None
    ) -> None:
        """Make ``sealed`` the signing secret, ``previous`` signing too until ``until``."""
        self._database.run(
            "UPDATE webhook_endpoints SET sealed_secret = ?, sealed_previous = ?,"
            " previous_until = ? WHERE owner = ? AND id = ?",
            sealed,
            previous,
            until,
            owner,
            endpoint_id,
        )

    def delete_webhook_endpoint(self, owner: str, endpoint_id: str) -> bool:
        """Delete the endpoint and its deliveries; whether there was one."""
        with self._database.transaction() as db:
            gone = db.execute(
                "DELETE FROM webhook_endpoints WHERE owner = ? AND id = ?", (owner, endpoint_id)
            ).rowcount
            if gone:
                db.execute(
                    "DELETE FROM webhook_deliveries WHERE owner = ? AND endpoint_id = ?",
                    (owner, endpoint_id),
                )
        return gone > 0

    def list_webhook_endpoints(self, owner: str, after: int, limit: int) -> Page:
        """The owner's endpoints after the position ``after``, oldest first, each with its
        ``previous_until``."""
        rows = self._database.all(
            "SELECT pk, data, previous_until FROM webhook_endpoints WHERE owner = ? AND pk > ?"
            " ORDER BY pk LIMIT ?",
            owner,
            after,
            limit + 1,
        )
        more = len(rows) > limit
        rows = rows[:limit]
        found = [{**json.loads(row[1]), "previous_until": row[2]} for row in rows]
        return Page(found, int(rows[-1][0]) if more else None)

    def count_webhook_endpoints(self, owner: str) -> int:
        """How many endpoints the owner has."""
        row = self._database.one("SELECT COUNT(*) FROM webhook_endpoints WHERE owner = ?", owner)
        return int(row[0]) if row else 0

    def enabled_webhook_endpoints(self, owners: list[str]) -> list[Row]:
        """The enabled endpoints of these owners, each with its ``owner``."""
        found: list[Row] = []
        for owner in dict.fromkeys(owners):
            for (data,) in self._database.all(
                "SELECT data FROM webhook_endpoints WHERE owner = ? AND enabled = 1 ORDER BY pk",
                owner,
            ):
                endpoint: Row = json.loads(data)
                endpoint["owner"] = owner
                found.append(endpoint)
        return found

    def webhook_owners(self) -> set[str]:
        """The owners of at least one enabled endpoint."""
        rows = self._database.all("SELECT DISTINCT owner FROM webhook_endpoints WHERE enabled = 1")
        return {row[0] for row in rows}

    # ------------------------------------------------------------------ deliveries
    def queue_webhook_deliveries(self, deliveries: list[Row]) -> None:
        """Store new pending deliveries."""
        with self._database.transaction() as db:
            db.executemany(
                "INSERT INTO webhook_deliveries (id, owner, endpoint_id, event_id, event_type,"
                " body, status, forced, next_attempt, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?, ?)",
                [
                    (
                        d["id"],
                        d["owner"],
                        d["endpoint_id"],
                        d["event_id"],
                        d["event_type"],
                        d["body"],
                        int(d.get("forced", False)),
                        d["next_attempt"],
                        d["created_at"],
                        d["created_at"],
                    )
                    for d in deliveries
                ],
            )

    def webhook_delivery(self, owner: str, endpoint_id: str, delivery_id: str) -> Row | None:
        """The delivery, or ``None``."""
        row = self._database.one(
            _DELIVERY + " WHERE owner = ? AND endpoint_id = ? AND id = ?",
            owner,
            endpoint_id,
            delivery_id,
        )
        return None if row is None else _delivery(row)

    def list_webhook_deliveries(
        self, owner: str, endpoint_id: str, before: int | None, limit: int, status: str | None
    ) -> Page:
        """The endpoint's deliveries, newest first, before the position ``before``."""
        rows = self._database.all(
            _DELIVERY + " WHERE owner = ? AND endpoint_id = ? AND pk < ?"
            " AND (? IS NULL OR status = ?) ORDER BY pk DESC LIMIT ?",
            owner,
            endpoint_id,
            (1 << 62) if before is None else before,
            status,
            status,
            limit + 1,
        )
        more = len(rows) > limit
        rows = rows[:limit]
        return Page([_delivery(row) for row in rows], int(rows[-1][0]) if more else None)

    def claim_webhook_deliveries(self, moment: float, limit: int, lease_until: float) -> list[Row]:
        """Take up to ``limit`` pending deliveries due at ``moment`` and not leased, oldest due
        first, leasing them until ``lease_until`` (in the same statement, so that no other
        instance takes them)."""
        sql = _CLAIM.format(lock=_CLAIM_LOCK[self._database.dialect])
        with self._database.transaction() as db:
            rows = db.execute(sql, (moment, moment, limit, lease_until, moment, moment)).fetchall()
        rows.sort(key=lambda row: (row[11], row[0]))
        return [{**_delivery(row), "lease_until": lease_until} for row in rows]

    def next_webhook_due(self) -> float | None:
        """When the earliest pending delivery is due (a leased one: when its lease ends)."""
        row = self._database.one(
            "SELECT MIN(CASE WHEN lease_until IS NULL THEN next_attempt"
            " ELSE MAX(next_attempt, lease_until) END)"
            " FROM webhook_deliveries WHERE status = 'pending'"
        )
        return None if row is None or row[0] is None else float(row[0])

    def record_webhook_attempt(
        self,
        owner: str,
        delivery_id: str,
        attempt: Row,
        *,
        succeeded: bool,
        next_attempt: float | None,
        disable_after: int,
        lease_until: float | None = None,
    ) -> Row | None:
        """Append an attempt; end, reschedule or give up the delivery and release its lease;
        count the endpoint's run of failures (disabling it at ``disable_after``). The endpoint
        after; ``None`` (nothing recorded) when the lease ``lease_until`` is no longer held."""
        with self._database.transaction() as db:
            row = db.execute(
                "SELECT endpoint_id, attempts FROM webhook_deliveries WHERE owner = ? AND id = ?"
                " AND (? IS NULL OR lease_until = ?)",
                (owner, delivery_id, lease_until, lease_until),
            ).fetchone()
            if row is None:
                return None
            endpoint_id = row[0]
            attempts = [*json.loads(row[1]), attempt][-_KEPT_ATTEMPTS:]
            status = "succeeded" if succeeded else "failed" if next_attempt is None else "pending"
            db.execute(
                "UPDATE webhook_deliveries SET attempts = ?, attempt_count = attempt_count + 1,"
                " run_attempts = run_attempts + 1, status = ?, next_attempt = ?,"
                " lease_until = NULL, updated_at = ? WHERE id = ?",
                (
                    json.dumps(attempts),
                    status,
                    None if status != "pending" else next_attempt,
                    attempt["started_at"],
                    delivery_id,
                ),
            )
            found = db.execute(
                "SELECT data FROM webhook_endpoints WHERE owner = ? AND id = ?",
                (owner, endpoint_id),
            ).fetchone()
            if found is None:
                return None
            endpoint: Row = json.loads(found[0])
            if succeeded:
                if endpoint["consecutive_failures"] == 0:
                    # Nothing to change: the endpoint's row is left unlocked. Every attempt at
                    # it would otherwise take that one row, and instances recording attempts
                    # in the same moments as their sends would deadlock on it.
                    return endpoint
                endpoint["consecutive_failures"] = 0
            elif not endpoint["enabled"]:
                # Disabled already (by another attempt in flight at the same time): its run of
                # failures ends where it was disabled.
                return endpoint
            else:
                endpoint["consecutive_failures"] += 1
                if endpoint["consecutive_failures"] >= disable_after:
                    endpoint.update(
                        enabled=False, disabled_reason="failures", updated_at=attempt["started_at"]
                    )
            db.execute(
                "UPDATE webhook_endpoints SET enabled = ?, data = ? WHERE id = ?",
                (int(endpoint["enabled"]), json.dumps(endpoint), endpoint_id),
            )
            return endpoint

    def end_webhook_delivery(self, owner: str, delivery_id: str) -> None:
        """Give up on a delivery without an attempt (releasing its lease)."""
        self._database.run(
            "UPDATE webhook_deliveries SET status = 'failed', next_attempt = NULL,"
            " lease_until = NULL WHERE owner = ? AND id = ?",
            owner,
            delivery_id,
        )

    def prune_webhook_deliveries(self, before: str) -> int:
        """Delete the ended deliveries last changed before ``before``; how many."""
        return self._database.run(
            "DELETE FROM webhook_deliveries WHERE status != 'pending' AND updated_at < ?", before
        )

    def requeue_webhook_delivery(self, owner: str, delivery_id: str, moment: float) -> None:
        """Make the delivery pending again, due at ``moment``, with a fresh run."""
        self._database.run(
            "UPDATE webhook_deliveries SET status = 'pending', next_attempt = ?,"
            " run_attempts = 0, forced = 1, updated_at = ? WHERE owner = ? AND id = ?",
            moment,
            iso_time(moment),
            owner,
            delivery_id,
        )
