"""Requests that reach their responses at the same moment share one commit, on both
databases, and each still learns whether its own writes were kept."""

from __future__ import annotations

import asyncio

import pytest

from agentkit.server.core.database import Database
from agentkit.server.core.store import StoreFailure

from .conftest import OpenDatabase, texts

NOTES = "CREATE TABLE IF NOT EXISTS notes (text TEXT NOT NULL)"


def _count_commits(database: Database) -> list[int]:
    commits: list[int] = []
    commit = database._commit

    def counted() -> None:
        commits.append(1)
        commit()

    database._commit = counted  # type: ignore[method-assign]
    return commits


def test_requests_responding_together_share_one_commit(open_database: OpenDatabase) -> None:
    database, other = open_database(), open_database()
    database.script(NOTES)
    commits = _count_commits(database)

    async def request(text: str) -> None:
        mark = database.mark()
        await asyncio.sleep(0)
        database.run("INSERT INTO notes VALUES (?)", text)
        await database.durable(mark)
        assert text in texts(other)  # kept, and visible elsewhere, before it answers

    async def together() -> None:
        await asyncio.gather(*(request(f"n{i}") for i in range(5)))

    asyncio.run(together())
    assert len(commits) == 1
    assert texts(other) == [f"n{i}" for i in range(5)]


def test_a_failed_shared_commit_fails_every_request_that_waited(
    open_database: OpenDatabase,
) -> None:
    database = open_database()
    database.script(NOTES)
    commit = database._commit

    def failing() -> None:
        raise OSError("the disk is full")

    async def request(text: str) -> None:
        mark = database.mark()
        database.run("INSERT INTO notes VALUES (?)", text)
        await database.durable(mark)

    async def together() -> list[BaseException | None]:
        database._commit = failing  # type: ignore[method-assign]
        results = await asyncio.gather(
            *(request(f"n{i}") for i in range(3)), return_exceptions=True
        )
        database._commit = commit  # type: ignore[method-assign]
        later = database.mark()
        database.run("INSERT INTO notes VALUES (?)", "later")
        await database.durable(later)
        return list(results)

    results = asyncio.run(together())
    assert all(isinstance(result, StoreFailure) for result in results)
    assert texts(database) == ["later"]


def test_a_request_cancelled_while_waiting_leaves_the_others_commit_alone(
    open_database: OpenDatabase,
) -> None:
    """A client that disconnects cancels its request; the commit the others wait for goes on."""
    database = open_database()
    database.script(NOTES)

    async def request(text: str) -> None:
        mark = database.mark()
        database.run("INSERT INTO notes VALUES (?)", text)
        await database.durable(mark)

    async def scene() -> None:
        leaving = asyncio.ensure_future(request("left"))
        staying = asyncio.ensure_future(request("stayed"))
        await asyncio.sleep(0)  # both wait for the shared commit now
        leaving.cancel()
        await staying
        with pytest.raises(asyncio.CancelledError):
            await leaving

    asyncio.run(scene())
    # The writes went into the transaction before the wait: both are kept.
    assert texts(database) == ["left", "stayed"]


def test_writes_no_request_commits_are_committed_within_the_delay(
    open_database: OpenDatabase,
) -> None:
    """A group no response commits (a background task's writes) is committed by the timer,
    the one set when a group began earlier included, on each event loop that writes."""
    from agentkit.server.core.database import COMMIT_DELAY

    database, other = open_database(), open_database()
    database.script(NOTES)

    async def background(first: str, second: str) -> None:
        mark = database.mark()
        database.run("INSERT INTO notes VALUES (?)", first)
        database.make_durable(mark)  # committed by its request; the timer stays set
        database.run("INSERT INTO notes VALUES (?)", second)  # a new group, no new timer
        assert second not in texts(other)
        await asyncio.sleep(COMMIT_DELAY * 5)
        assert second in texts(other)

    asyncio.run(background("one", "two"))

    async def unfinished() -> None:
        database.run("INSERT INTO notes VALUES (?)", "three")
        # The loop ends before the timer: its writes wait for the next commit.

    asyncio.run(unfinished())
    asyncio.run(background("four", "five"))  # a new loop sets a timer of its own
    assert texts(other) == ["five", "four", "one", "three", "two"]


def test_a_request_alone_commits_at_once_and_one_among_others_waits_for_them(
    open_database: OpenDatabase,
) -> None:
    """With nothing else ready to run on the event loop, no other request could share the
    commit: it is made at once. With another callback ready, the request waits for the shared
    commit, made after it."""
    from agentkit.server.core.eager import Finished, Waiting, resume, step

    database, other = open_database(), open_database()
    database.script(NOTES)
    commits = _count_commits(database)

    async def scene() -> None:
        mark = database.mark()
        database.run("INSERT INTO notes VALUES (?)", "alone")
        assert isinstance(step(database.durable(mark)), Finished)
        assert texts(other) == ["alone"]

        ran: list[str] = []
        mark = database.mark()
        database.run("INSERT INTO notes VALUES (?)", "among others")
        asyncio.get_running_loop().call_soon(ran.append, "another")
        waiting = database.durable(mark)
        stepped = step(waiting)
        assert isinstance(stepped, Waiting)
        assert "among others" not in texts(other)
        await resume(waiting, stepped)
        assert ran == ["another"]
        assert texts(other) == ["alone", "among others"]

    asyncio.run(scene())
    assert len(commits) == 2
