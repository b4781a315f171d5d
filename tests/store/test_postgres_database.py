"""The PostgreSQL connection behaves as the SQLite one does where the families rely on it."""

from __future__ import annotations

import asyncio

import pytest

from agentkit.server.core.postgres import PostgresDatabase
from agentkit.server.core.store import Conflict, StoreFailure

from .conftest import OpenDatabase, count_sends, texts

NOTES = "CREATE TABLE IF NOT EXISTS notes (text TEXT NOT NULL UNIQUE)"


def test_a_refused_write_in_the_open_group_costs_only_itself(open_database: OpenDatabase) -> None:
    """Many requests share one transaction: one's conflict must not undo the others' writes."""
    database = open_database()
    database.script(NOTES)

    async def requests() -> None:
        mark = database.mark()
        database.run("INSERT INTO notes VALUES (?)", "first")
        with pytest.raises(Conflict):
            database.run("INSERT INTO notes VALUES (?)", "first")
        database.run("INSERT INTO notes VALUES (?)", "second")
        database.make_durable(mark)

    asyncio.run(requests())
    assert texts(open_database()) == ["first", "second"]


def test_a_refused_write_in_a_group_undoes_that_group_only(open_database: OpenDatabase) -> None:
    database = open_database()
    database.script(NOTES)
    with database.transaction():
        database.run("INSERT INTO notes VALUES (?)", "outer")
        with pytest.raises(Conflict), database.transaction() as db:
            db.execute("INSERT INTO notes VALUES (?)", ("inner",))
            db.execute("INSERT INTO notes VALUES (?)", ("outer",))
        database.run("INSERT INTO notes VALUES (?)", "after")
    assert texts(open_database()) == ["after", "outer"]


def test_what_a_response_reports_is_visible_to_other_instances(
    open_database: OpenDatabase,
) -> None:
    database, other = open_database(), open_database()
    database.script(NOTES)

    async def request() -> None:
        mark = database.mark()
        database.run("INSERT INTO notes VALUES (?)", "told")
        assert texts(other) == []  # not committed yet: no other instance sees it
        database.make_durable(mark)
        assert texts(other) == ["told"]

    asyncio.run(request())


def test_a_failed_read_loses_the_group_and_every_request_that_wrote_learns_it(
    postgres_url: str,
) -> None:
    database = PostgresDatabase(postgres_url)
    try:
        database.script(NOTES)

        async def requests() -> None:
            mark = database.mark()
            database.run("INSERT INTO notes VALUES (?)", "lost")
            with pytest.raises(Exception, match="division by zero"):
                database.one("SELECT 1 / 0")
            with pytest.raises(StoreFailure):
                database.make_durable(mark)
            # The next request starts clean.
            later = database.mark()
            database.run("INSERT INTO notes VALUES (?)", "kept")
            database.make_durable(later)

        asyncio.run(requests())
        assert texts(database) == ["kept"]
    finally:
        database.close()


def test_notifications_go_out_only_when_the_group_commits(postgres_url: str) -> None:
    import psycopg

    database = PostgresDatabase(postgres_url)
    listener = psycopg.connect(postgres_url, autocommit=True)
    try:
        listener.execute("LISTEN notes")

        def heard() -> list[str]:
            return [n.payload for n in listener.notifies(timeout=0.2, stop_after=10)]

        async def requests() -> None:
            mark = database.mark()
            database.run("SELECT 1")  # opens the group
            database.notify("notes", "rolled back")
            database._lose_group(RuntimeError("a failed commit"))
            assert heard() == []
            database.run("SELECT 1")
            database.notify("notes", "kept")
            assert heard() == []
            database.make_durable(database.mark())
            assert heard() == ["kept"]
            del mark

        asyncio.run(requests())
    finally:
        listener.close()
        database.close()


def test_notifications_keep_their_text_and_are_dropped_with_an_undone_group(
    postgres_url: str,
) -> None:
    import psycopg

    database = PostgresDatabase(postgres_url)
    listener = psycopg.connect(postgres_url, autocommit=True)
    kept = "it's a \\ 'quoted' \"text\" ✓ \u2028 $$ ; %s %% %(name)s"
    try:
        listener.execute("LISTEN notes")

        def heard() -> list[str]:
            return [n.payload for n in listener.notifies(timeout=0.2, stop_after=10)]

        database.script(NOTES)
        with database.transaction():
            database.notify("notes", kept)
            # The notification goes out in the same round trip as this statement.
            database.run("INSERT INTO notes VALUES (?)", "%s and %% stay as they are")
            with pytest.raises(RuntimeError), database.transaction():
                database.notify("notes", "undone")
                raise RuntimeError("the inner group fails")
        assert heard() == [kept]
        assert texts(database) == ["%s and %% stay as they are"]
        database.notify("notes", "at once")  # nothing open: sent now
        assert heard() == ["at once"]
        with pytest.raises(ValueError):
            database.notify("notes; DROP TABLE notes", "x")
    finally:
        listener.close()
        database.close()


class _Counted:
    """Counts the statements a cursor runs (each one is a round trip to the database)."""

    def __init__(self, cursor: object, counter: list[str]) -> None:
        self._cursor = cursor
        self._counter = counter

    def execute(self, sql: str, args: object = None) -> object:
        self._counter.append(sql)
        self._cursor.execute(sql, args)  # type: ignore[attr-defined]
        return self

    def __getattr__(self, name: str) -> object:
        return getattr(self._cursor, name)


def test_transaction_control_rides_with_the_next_round_trip(postgres_url: str) -> None:
    """Every round trip blocks the event loop: BEGIN, savepoints, notifications and COMMIT
    travel together instead of one by one, and the writes are kept all the same."""
    database = PostgresDatabase(postgres_url)
    try:
        database.script(NOTES)
        trips = count_sends(database)
        database._cursor = _Counted(database._cursor, trips)

        async def request() -> None:
            mark = database.mark()
            database.run("INSERT INTO notes VALUES (?)", "one")
            database.run("INSERT INTO notes VALUES (?)", "two")
            database.notify("notes", "written")
            database.make_durable(mark)

        asyncio.run(request())
        # One at a time, that was BEGIN, three statements for each write, NOTIFY and COMMIT:
        # now each write takes its savepoints along, and NOTIFY goes with COMMIT.
        assert len(trips) == 3, trips
        assert trips[0] == "BEGIN; SAVEPOINT single; INSERT INTO notes VALUES ('one')"
        assert trips[1] == (
            "RELEASE SAVEPOINT single; SAVEPOINT single; INSERT INTO notes VALUES ('two')"
        )
        assert trips[2] == "RELEASE SAVEPOINT single; NOTIFY notes, 'written'; COMMIT"
        assert texts(database) == ["one", "two"]
    finally:
        database.close()


def test_a_commit_the_database_turned_into_a_rollback_is_a_failure(postgres_url: str) -> None:
    """PostgreSQL answers COMMIT of an aborted transaction with ROLLBACK, not an error: the
    requests that wrote in it must still learn that nothing was kept."""
    import psycopg

    database = PostgresDatabase(postgres_url)
    try:
        database.script(NOTES)

        async def request() -> None:
            mark = database.mark()
            database.run("INSERT INTO notes VALUES (?)", "lost")
            with pytest.raises(psycopg.errors.DivisionByZero):
                database._db.execute("SELECT 1 / 0")  # aborts the transaction behind our back
            with pytest.raises(StoreFailure):
                database.make_durable(mark)

        asyncio.run(request())
        assert texts(database) == []
    finally:
        database.close()
