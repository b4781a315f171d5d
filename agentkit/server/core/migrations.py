"""Versioned schemas: each family's tables are at a known version, upgraded on open, never
silently mismatched.

A family's tables class declares its latest ``SCHEMA`` and the ``MIGRATIONS`` that bring an
older database up to it (version 1 is the schema as it stood when versions began; migration
``n`` brings version ``n - 1`` to ``n``). The database records each family's version in
``schema_versions``. Opening a store:

* creates a family's tables at the latest version when none of them exist yet;
* takes a database written before versions began (tables but no recorded version) as
  version 1, after the family's ``upgrade`` of such old files;
* runs the migrations above the recorded version, each in one transaction with its new
  version number, so a migration is done whole or not at all;
* refuses a database whose version is newer than this server knows (``SchemaTooNew``): a
  newer server wrote it, and an older one must not guess at its tables.

On PostgreSQL, instances starting together migrate one at a time (an advisory lock).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .database import Database

__all__ = ["Migration", "SchemaTooNew", "Versioned", "migrate", "schema_versions"]

_VERSIONS = """
CREATE TABLE IF NOT EXISTS schema_versions (
    family TEXT PRIMARY KEY, version INTEGER NOT NULL);
"""
_TABLES = re.compile(r"CREATE\s+(?:VIRTUAL\s+)?TABLE\s+IF\s+NOT\s+EXISTS\s+(\w+)", re.IGNORECASE)
# Any fixed number: it names the lock instances take while they migrate.
_ADVISORY_LOCK = 7_261_013


class SchemaTooNew(RuntimeError):
    """The database was written by a newer server than this one."""


@dataclass(frozen=True, slots=True)
class Migration:
    """One step up: ``sql`` (statements in the shared SQL, run as a script) and/or ``run``
    (Python, for what SQL alone cannot say)."""

    sql: str = ""
    run: Callable[[Database], None] | None = None


@dataclass(frozen=True, slots=True)
class Versioned:
    """A family's tables as the migrator sees them.

    Attributes:
        family: The name its version is recorded under (never to change).
        schema: The latest schema, for this database's dialect.
        migrations: Migration ``n`` (counting from 2) brings version ``n - 1`` to ``n``.
        upgrade: Brings a file written before versions began up to version 1.
    """

    family: str
    schema: str
    migrations: tuple[Migration, ...]
    upgrade: Callable[[Database], None] | None

    @property
    def latest(self) -> int:
        """The version this server writes."""
        return 1 + len(self.migrations)

    def tables(self) -> list[str]:
        """The tables its schema creates."""
        return _TABLES.findall(self.schema)


def _exists(database: Database, table: str) -> bool:
    if database.dialect == "sqlite":
        sql = "SELECT 1 FROM sqlite_master WHERE name = ?"
    else:
        sql = "SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = ?"
    return database.one(sql, table) is not None


def schema_versions(database: Database) -> dict[str, int]:
    """The version recorded for each family (none before versions began)."""
    if not _exists(database, "schema_versions"):
        return {}
    rows = database.all("SELECT family, version FROM schema_versions")
    return {str(family): int(version) for family, version in rows}


def _record(database: Database, family: str, version: int) -> None:
    database.run(
        "INSERT INTO schema_versions VALUES (?, ?)"
        " ON CONFLICT (family) DO UPDATE SET version = excluded.version",
        family,
        version,
    )


def _step(database: Database, family: str, version: int, migration: Migration) -> None:
    with database.transaction():
        if migration.sql:
            for statement in filter(str.strip, migration.sql.split(";")):
                database.run(statement)
        if migration.run is not None:
            migration.run(database)
        _record(database, family, version)


def migrate(database: Database, families: list[Versioned]) -> None:
    """Bring every family's tables to the version this server writes.

    Raises:
        SchemaTooNew: A family's tables are at a version newer than this server knows.
    """
    postgres = database.dialect == "postgresql"
    if postgres:
        # Another instance's migration may take a while: wait for it as long as it runs (a
        # connection's lock_timeout applies to advisory locks too).
        row = database.one("SELECT current_setting('lock_timeout')")
        lock_timeout = str(row[0]) if row else "0"
        database.one("SELECT set_config('lock_timeout', '0', false)")
        database.one("SELECT pg_advisory_lock(?)", _ADVISORY_LOCK)
    try:
        database.script(_VERSIONS)
        recorded = schema_versions(database)
        for versioned in families:
            version = recorded.get(versioned.family)
            if version is not None and version > versioned.latest:
                raise SchemaTooNew(
                    f"the database holds {versioned.family} tables at version {version}, "
                    f"newer than this server's {versioned.latest}: run a newer agentkit"
                )
            if version is None:
                fresh = not any(_exists(database, table) for table in versioned.tables())
                database.script(versioned.schema)
                if fresh:
                    _record(database, versioned.family, versioned.latest)
                    continue
                if versioned.upgrade is not None and not postgres:
                    versioned.upgrade(database)
                _record(database, versioned.family, 1)
                version = 1
            for number in range(version + 1, versioned.latest + 1):
                _step(database, versioned.family, number, versioned.migrations[number - 2])
    finally:
        if postgres:
            database.one("SELECT pg_advisory_unlock(?)", _ADVISORY_LOCK)
            database.one("SELECT set_config('lock_timeout', ?, false)", lock_timeout)
