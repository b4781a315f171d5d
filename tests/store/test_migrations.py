"""Versioned schemas on both databases: created at the latest version, upgraded step by step,
never silently mismatched."""

from __future__ import annotations

import threading
import time

import pytest

from agentkit.server.core.database import Database
from agentkit.server.core.migrations import (
    Migration,
    SchemaTooNew,
    Versioned,
    migrate,
    schema_versions,
)
from agentkit.server.core.postgres import PostgresDatabase

from .conftest import OpenDatabase

V1 = "CREATE TABLE IF NOT EXISTS notes (pk INTEGER PRIMARY KEY AUTOINCREMENT, text TEXT NOT NULL);"
V2 = Migration(sql="ALTER TABLE notes ADD COLUMN author TEXT NOT NULL DEFAULT 'nobody'")
V3 = Migration(sql="UPDATE notes SET author = 'someone' WHERE author = 'nobody'")
LATEST = V1.replace("text TEXT NOT NULL", "text TEXT NOT NULL, author TEXT NOT NULL")


def notes(schema: str, *migrations: Migration) -> Versioned:
    return Versioned("notes", schema, migrations, None)


def columns(database: Database) -> list[str]:
    row = database.one("SELECT * FROM notes LIMIT 0")
    assert row is None
    if database.dialect == "sqlite":
        return [str(r[1]) for r in database.all("PRAGMA table_info(notes)")]
    rows = database.all(
        "SELECT column_name FROM information_schema.columns WHERE table_name = 'notes'"
        " ORDER BY ordinal_position"
    )
    return [str(r[0]) for r in rows]


def test_a_new_database_is_made_at_the_latest_version(open_database: OpenDatabase) -> None:
    database = open_database()
    migrate(database, [notes(LATEST, V2)])
    assert schema_versions(database) == {"notes": 2}
    assert columns(database) == ["pk", "text", "author"]


def test_an_old_database_is_brought_up_step_by_step(open_database: OpenDatabase) -> None:
    database = open_database()
    migrate(database, [notes(V1)])
    database.run("INSERT INTO notes (text) VALUES (?)", "kept")
    migrate(database, [notes(LATEST, V2, V3)])
    assert schema_versions(database) == {"notes": 3}
    assert database.all("SELECT text, author FROM notes") == [("kept", "someone")]
    migrate(database, [notes(LATEST, V2, V3)])  # nothing left to do: nothing changes
    assert database.all("SELECT text, author FROM notes") == [("kept", "someone")]


def test_tables_written_before_versions_began_count_as_version_one(
    open_database: OpenDatabase,
) -> None:
    database = open_database()
    database.script(V1)
    database.run("INSERT INTO notes (text) VALUES (?)", "old")
    upgraded: list[str] = []
    family = Versioned("notes", LATEST, (V2,), lambda db: upgraded.append(db.dialect))
    migrate(database, [family])
    assert schema_versions(database) == {"notes": 2}
    assert database.all("SELECT text, author FROM notes") == [("old", "nobody")]
    # Old files are SQLite's alone: only there does the family's upgrade of them run.
    assert upgraded == (["sqlite"] if database.dialect == "sqlite" else [])


def test_a_database_newer_than_the_server_is_refused(open_database: OpenDatabase) -> None:
    database = open_database()
    migrate(database, [notes(LATEST, V2, V3)])
    with pytest.raises(SchemaTooNew, match="notes tables at version 3, newer than this server's 2"):
        migrate(database, [notes(LATEST, V2)])


def test_a_failing_migration_keeps_the_version_it_started_from(
    open_database: OpenDatabase,
) -> None:
    database = open_database()
    migrate(database, [notes(V1)])

    def fail(db: Database) -> None:
        raise RuntimeError("the migration breaks half-way")

    broken = Migration(sql=V2.sql, run=fail)
    with pytest.raises(RuntimeError, match="half-way"):
        migrate(database, [notes(LATEST, broken)])
    assert schema_versions(database) == {"notes": 1}
    assert columns(database) == ["pk", "text"]  # its first statement was undone too


def test_instances_starting_together_on_postgresql_migrate_once(postgres_url: str) -> None:
    databases = [PostgresDatabase(postgres_url) for _ in range(3)]
    try:
        migrate(databases[0], [notes(V1)])
        ran: list[int] = []
        family = notes(LATEST, Migration(sql=V2.sql, run=lambda db: ran.append(1)))
        errors: list[BaseException] = []

        def start(database: Database) -> None:
            try:
                migrate(database, [family])
            except BaseException as exc:  # reported below
                errors.append(exc)

        threads = [threading.Thread(target=start, args=(db,)) for db in databases]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)
        assert errors == []
        assert ran == [1]
        assert schema_versions(databases[0]) == {"notes": 2}
    finally:
        for database in databases:
            database.close()


def test_an_instance_waits_out_a_long_migration_of_another(postgres_url: str) -> None:
    """A connection's lock_timeout does not cut short the wait for another instance's
    migration, and is what it was again afterwards."""
    import psycopg

    holder = psycopg.connect(postgres_url, autocommit=True)
    waiter = PostgresDatabase(postgres_url)
    try:
        waiter.one("SELECT set_config('lock_timeout', '100ms', false)")
        holder.execute("SELECT pg_advisory_lock(7261013)")
        done: list[bool] = []
        thread = threading.Thread(target=lambda: done.append(migrate(waiter, [notes(V1)]) is None))
        thread.start()
        time.sleep(0.5)  # five times the lock timeout: still waiting, not failed
        assert done == []
        holder.execute("SELECT pg_advisory_unlock(7261013)")
        thread.join(timeout=30)
        assert done == [True]
        assert waiter.one("SELECT current_setting('lock_timeout')") == ("100ms",)
    finally:
        holder.close()
        waiter.close()
