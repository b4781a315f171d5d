"""Fixtures for the store's own tests: an open database of each kind (the PostgreSQL server
they are made in is ``tests.postgres``'s, shared with the scale-out tests)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pytest

from agentkit._postgres_for_tests import PostgresForTests
from agentkit.server.core.database import Database, SQLiteDatabase
from agentkit.server.core.postgres import PostgresDatabase

OpenDatabase = Callable[[], Database]


@pytest.fixture(params=["sqlite", "postgresql"])
def open_database(
    request: pytest.FixtureRequest, tmp_path: Path, postgres: PostgresForTests
) -> Iterator[OpenDatabase]:
    """Opens connections to one fresh database of the parametrized kind (each call a new
    connection, as another server instance would have); all are closed after the test."""
    target = str(tmp_path / "store.sqlite3")
    if request.param == "postgresql":
        target = postgres.new_database()
    opened: list[Database] = []

    def connect() -> Database:
        database: Database = (
            PostgresDatabase(target) if request.param == "postgresql" else SQLiteDatabase(target)
        )
        opened.append(database)
        return database

    try:
        yield connect
    finally:
        for database in opened:
            database.close()
        if request.param == "postgresql":
            postgres.drop_database(target)


def texts(database: Database) -> list[str]:
    """The ``text`` column of the tests' ``notes`` table, in order."""
    return [str(row[0]) for row in database.all("SELECT text FROM notes ORDER BY text")]


def count_sends(database: PostgresDatabase) -> list[str]:
    """From now on, record each simple query ``database`` sends with values bound in it (its
    commits, and the statements that go with waiting transaction control); the list it
    appends to."""
    sent: list[str] = []
    send, exchange = database._send, database._exchange

    def counted_send(sql: str) -> object:
        sent.append(sql)
        return send(sql)

    def counted_exchange(statements: Sequence[bytes]) -> list[object]:
        sent.append("; ".join([*database._controls, *(each.decode() for each in statements)]))
        return exchange(statements)

    database._send = counted_send  # type: ignore[method-assign]
    database._exchange = counted_exchange  # type: ignore[method-assign]
    return sent
