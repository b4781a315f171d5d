"""The tables that let several server instances share one database: who is alive, which
instance runs each stream's turn, and messaging events too large to notify inline."""

from __future__ import annotations

from .sqlite import SQLiteTables

__all__ = ["ClusterTables"]


class ClusterTables(SQLiteTables):
    """The ``ClusterStore`` part of the store."""

    SCHEMA = """
CREATE TABLE IF NOT EXISTS instances (id TEXT PRIMARY KEY, heartbeat REAL NOT NULL);
CREATE TABLE IF NOT EXISTS stream_owners (
    org_id TEXT NOT NULL, stream TEXT NOT NULL, owner TEXT NOT NULL,
    PRIMARY KEY (org_id, stream)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS fanout_events (
    id TEXT PRIMARY KEY, created_at REAL NOT NULL, data TEXT NOT NULL);
"""

    # ------------------------------------------------------------------ instances
    def beat_instance(self, instance_id: str, moment: float) -> None:
        """Note that the instance was alive at ``moment`` (a Unix time)."""
        self._database.run(
            "INSERT INTO instances VALUES (?, ?)"
            " ON CONFLICT (id) DO UPDATE SET heartbeat = excluded.heartbeat",
            instance_id,
            moment,
        )

    def forget_instance(self, instance_id: str) -> None:
        """The instance stopped: it is dead from now on."""
        self._database.run("DELETE FROM instances WHERE id = ?", instance_id)

    def live_instances(self, since: float) -> set[str]:
        """The instances whose last heartbeat is at or after ``since``."""
        rows = self._database.all("SELECT id FROM instances WHERE heartbeat >= ?", since)
        return {str(row[0]) for row in rows}

    # ------------------------------------------------------------------ turns
    def own_stream(self, org_id: str, stream: str, owner: str) -> None:
        """Note that ``owner`` runs the stream's turn now.

        Raises:
            Conflict: An instance runs a turn of the stream already.
        """
        self._database.run("INSERT INTO stream_owners VALUES (?, ?, ?)", org_id, stream, owner)

    def disown_stream(self, org_id: str, stream: str, owner: str) -> None:
        """The stream's turn that ``owner`` ran is over."""
        self._database.run(
            "DELETE FROM stream_owners WHERE org_id = ? AND stream = ? AND owner = ?",
            org_id,
            stream,
            owner,
        )

    def stream_owner(self, org_id: str, stream: str) -> str | None:
        """The instance noted as running the stream's turn, if any."""
        row = self._database.one(
            "SELECT owner FROM stream_owners WHERE org_id = ? AND stream = ?", org_id, stream
        )
        return str(row[0]) if row else None

    def owned_streams(self) -> list[tuple[str, str, str]]:
        """Every ``(org_id, stream, owner)`` noted as running a turn."""
        rows = self._database.all("SELECT org_id, stream, owner FROM stream_owners")
        return [(str(org), str(stream), str(owner)) for org, stream, owner in rows]

    def claim_stream(self, org_id: str, stream: str, was: str, owner: str) -> bool:
        """Take the stream's turn over from ``was`` (a dead instance); whether this call won."""
        changed = self._database.run(
            "UPDATE stream_owners SET owner = ? WHERE org_id = ? AND stream = ? AND owner = ?",
            owner,
            org_id,
            stream,
            was,
        )
        return changed == 1

    # ------------------------------------------------------------------ fan-out
    def put_fanout(self, event_id: str, moment: float, data: str) -> None:
        """Keep an event's JSON for the other instances to read."""
        self._database.run("INSERT INTO fanout_events VALUES (?, ?, ?)", event_id, moment, data)

    def fanout(self, event_id: str) -> str | None:
        """An event's JSON kept by ``put_fanout``."""
        row = self._database.one("SELECT data FROM fanout_events WHERE id = ?", event_id)
        return str(row[0]) if row else None

    def purge_fanout(self, before: float) -> None:
        """Forget the events kept before ``before``."""
        self._database.run("DELETE FROM fanout_events WHERE created_at < ?", before)
