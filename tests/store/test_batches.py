"""Statements sent together (``Connection.batch``, ``Database.reads``) and writes sent with the
next round trip (``Database.run_deferred``): the same results and the same atomicity as one
statement at a time, on both databases; fewer round trips on PostgreSQL."""

from __future__ import annotations

import asyncio

import pytest

from agentkit.server.core.postgres import PostgresDatabase
from agentkit.server.core.store import Conflict, StoreFailure

from .conftest import OpenDatabase, count_sends, texts

NOTES = "CREATE TABLE IF NOT EXISTS notes (text TEXT NOT NULL UNIQUE, size INTEGER)"


def test_a_batch_answers_each_statement_with_its_own_rows(open_database: OpenDatabase) -> None:
    database = open_database()
    database.script(NOTES)
    with database.transaction() as db:
        rows = db.batch(
            [
                ("INSERT INTO notes VALUES (?, ?)", ("a", 1)),
                ("INSERT INTO notes VALUES (?, ?) RETURNING size * 10", ("b", 2)),
                ("SELECT text FROM notes WHERE size > ? ORDER BY text", (0,)),
                ("UPDATE notes SET size = size + 1 WHERE text = ?", ("none",)),
                ("SELECT '100%', ?", ("literal",)),
            ]
        )
    assert [[tuple(row) for row in result] for result in rows] == [
        [],
        [(20,)],
        [("a",), ("b",)],
        [],
        [("100%", "literal")],
    ]
    assert texts(open_database()) == ["a", "b"]


def test_a_refused_statement_stops_the_batch_and_undoes_its_group(
    open_database: OpenDatabase,
) -> None:
    database = open_database()
    database.script(NOTES)
    with database.transaction():
        database.run("INSERT INTO notes VALUES (?, ?)", "kept", 1)
        with pytest.raises(Conflict), database.transaction() as db:
            db.batch(
                [
                    ("INSERT INTO notes VALUES (?, ?)", ("undone", 1)),
                    ("INSERT INTO notes VALUES (?, ?)", ("kept", 2)),
                    ("INSERT INTO notes VALUES (?, ?)", ("never run", 3)),
                ]
            )
        database.run("INSERT INTO notes VALUES (?, ?)", "after", 1)
    assert texts(open_database()) == ["after", "kept"]


def test_reads_answer_each_query_in_order(open_database: OpenDatabase) -> None:
    database = open_database()
    database.script(NOTES)
    database.run("INSERT INTO notes VALUES (?, ?)", "x", 5)
    first, second, third = database.reads(
        ("SELECT size FROM notes WHERE text = ?", ("x",)),
        ("SELECT size FROM notes WHERE text = ?", ("missing",)),
        ("SELECT COUNT(*) FROM notes", ()),
    )
    assert [tuple(row) for row in first] == [(5,)]
    assert second == []
    assert [tuple(row) for row in third] == [(1,)]


def test_a_deferred_write_is_kept_with_the_response_and_undone_with_its_group(
    open_database: OpenDatabase,
) -> None:
    database, other = open_database(), open_database()
    database.script(NOTES)

    async def request() -> None:
        mark = database.mark()
        database.run_deferred("INSERT INTO notes VALUES (?, ?)", "told", 1)
        with pytest.raises(RuntimeError), database.transaction():
            database.run_deferred("INSERT INTO notes VALUES (?, ?)", "undone", 1)
            raise RuntimeError("the group fails after its deferred write")
        # Reads on the same connection see it, as they see every write of the open group.
        assert texts(database) == ["told"]
        database.make_durable(mark)

    asyncio.run(request())
    assert texts(other) == ["told"]


def test_a_deferred_write_goes_with_the_commit_in_one_round_trip(postgres_url: str) -> None:
    database = PostgresDatabase(postgres_url)
    try:
        database.script(NOTES)
        trips = count_sends(database)

        async def request() -> None:
            mark = database.mark()
            database.run_deferred("INSERT INTO notes VALUES (?, ?)", "it's 100%", 1)
            database.make_durable(mark)

        asyncio.run(request())
        assert trips == ["BEGIN; INSERT INTO notes VALUES ('it''s 100%', 1); COMMIT"]
        assert texts(database) == ["it's 100%"]
    finally:
        database.close()


def test_a_batch_is_one_round_trip_with_the_controls_before_it(postgres_url: str) -> None:
    database = PostgresDatabase(postgres_url)
    try:
        database.script(NOTES)
        sent = count_sends(database)

        async def request() -> None:
            mark = database.mark()
            with database.transaction() as db:
                db.batch(
                    [
                        ("INSERT INTO notes VALUES (?, ?)", ("a", 1)),
                        ("INSERT INTO notes VALUES (?, ?)", ("b", None)),
                    ]
                )
            database.make_durable(mark)

        asyncio.run(request())
        assert sent == [
            "BEGIN; SAVEPOINT grouped; INSERT INTO notes VALUES ('a', 1);"
            " INSERT INTO notes VALUES ('b', NULL)",
            "RELEASE SAVEPOINT grouped; COMMIT",
        ]
        assert texts(database) == ["a", "b"]
    finally:
        database.close()


def test_a_deferred_write_that_fails_fails_the_commit(postgres_url: str) -> None:
    """It cannot fail its caller, who has gone on: it fails the transaction it was sent in,
    and every request that wrote there learns it, as from any failed commit."""
    database = PostgresDatabase(postgres_url)
    try:
        database.script(NOTES)
        database.run("INSERT INTO notes VALUES (?, ?)", "taken", 1)

        async def request() -> None:
            mark = database.mark()
            database.run("INSERT INTO notes VALUES (?, ?)", "lost with it", 1)
            database.run_deferred("INSERT INTO notes VALUES (?, ?)", "taken", 2)
            with pytest.raises(StoreFailure):
                database.make_durable(mark)

        asyncio.run(request())
        assert texts(database) == ["taken"]
    finally:
        database.close()


def test_values_bound_as_literals_come_back_as_they_went(open_database: OpenDatabase) -> None:
    """Values sent with a batch are written into its text by psycopg's adapters: quotes,
    backslashes, percent signs, placeholders in text, non-ASCII, extreme numbers and bytes
    must all arrive unchanged."""
    database = open_database()
    database.script(
        "CREATE TABLE IF NOT EXISTS cells (k INTEGER, t TEXT, i INTEGER, r REAL, b BLOB)"
    )
    values = [
        (1, "it's a \\ back'slash", -(2**63), -0.0, b"\x00\xff'\\"),
        (2, "100% ? %s %% $1 -- not a comment", 2**63 - 1, 1e308, b""),
        (3, "Grüße, 世界, 🙂", 0, -1.5e-300, bytes(range(256))),
        (4, "", None, None, None),
    ]
    with database.transaction() as db:
        db.batch([("INSERT INTO cells VALUES (?, ?, ?, ?, ?)", row) for row in values])
        read = db.batch([("SELECT k, t, i, r, b FROM cells WHERE k = ?", (k,)) for k in (1, 4)])
    back = [tuple(row) for row in database.all("SELECT k, t, i, r, b FROM cells ORDER BY k")]
    assert back == values
    assert [tuple(rows[0]) for rows in read] == [values[0], values[3]]


def test_statements_used_often_are_prepared_and_answer_the_same(postgres_url: str) -> None:
    """After a few uses a statement is prepared on the connection (between transactions) and
    sent as ``EXECUTE``; one PostgreSQL cannot prepare (a parameter of no known type) stays
    text, and neither attempt disturbs the requests' writes."""
    database = PostgresDatabase(postgres_url)
    try:
        database.script(NOTES)
        sent = count_sends(database)
        answers = []

        async def request(number: int) -> None:
            mark = database.mark()
            with database.transaction() as db:
                answers.append(
                    db.batch(
                        [
                            ("INSERT INTO notes VALUES (?, ?)", (f"n{number}", number)),
                            ("SELECT COUNT(*) FROM notes WHERE size >= ?", (0,)),
                            ("SELECT ? + ?", (number, 1)),
                        ]
                    )[1:]
                )
            database.make_durable(mark)

        for number in range(6):
            asyncio.run(request(number))
        assert [[tuple(rows[0]) for rows in answer] for answer in answers] == [
            [(number + 1,), (number + 1,)] for number in range(6)
        ]
        assert texts(database) == [f"n{number}" for number in range(6)]
        first, last = sent[0], sent[-2]
        assert "INSERT INTO notes VALUES ('n0', 0)" in first
        assert "EXECUTE agentkit_1('n5', 5)" in last
        assert "EXECUTE agentkit_2(0)" in last
        assert "SELECT 5 + 1" in last  # not preparable: still text
    finally:
        database.close()


def test_a_new_connection_starts_with_nothing_prepared(postgres_url: str) -> None:
    import psycopg

    database = PostgresDatabase(postgres_url)
    try:
        database.script(NOTES)

        async def request(text: str) -> None:
            mark = database.mark()
            try:
                with database.transaction() as db:
                    db.batch([("INSERT INTO notes VALUES (?, ?)", (text, 1))])
            finally:
                database.make_durable(mark)  # as the server does before any response

        for number in range(4):
            asyncio.run(request(f"before {number}"))
        assert database._prepared
        with psycopg.connect(postgres_url, autocommit=True) as admin:
            admin.execute("SELECT pg_terminate_backend(%s)", (database.backend_pid,))

        async def lost() -> None:
            mark = database.mark()
            # A lost connection is a StoreFailure (answered 503), not the driver's error.
            with pytest.raises(StoreFailure), database.transaction() as db:
                db.batch([("INSERT INTO notes VALUES (?, ?)", ("lost", 1))])
            with pytest.raises(StoreFailure):
                database.make_durable(mark)

        asyncio.run(lost())
        asyncio.run(request("after"))  # connected again: sent as text, not EXECUTE
        assert texts(database) == ["after", *(f"before {number}" for number in range(4))]
    finally:
        database.close()


def test_a_group_whose_commit_fails_is_undone_and_the_connection_goes_on(
    postgres_url: str,
) -> None:
    """Off the event loop a group commits when it ends; a deferred write refused there fails
    that commit, and nothing of the group stays open to be joined by later writes."""
    database = PostgresDatabase(postgres_url)
    try:
        database.script(NOTES)
        database.run("INSERT INTO notes VALUES (?, ?)", "taken", 1)
        with pytest.raises(StoreFailure), database.transaction() as db:
            db.execute("INSERT INTO notes VALUES (?, ?)", ("undone", 1))
            database.run_deferred("INSERT INTO notes VALUES (?, ?)", "taken", 2)
        database.run("INSERT INTO notes VALUES (?, ?)", "next", 1)
        assert texts(database) == ["next", "taken"]
    finally:
        database.close()
