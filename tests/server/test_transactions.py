"""Grouped writes: nested transactions, and a chat turn's writes kept together or not at all."""

from __future__ import annotations

import asyncio
import sqlite3
import time
from pathlib import Path
from typing import Any

import httpx
import pytest

from agentkit.server import ServerConfig, create_app, server_state
from agentkit.server.core.database import SQLiteDatabase
from agentkit.server.core.store import StoreFailure
from agentkit.testing import ReferenceServer

from .conftest import Api, new_agent, text_message


def _database(tmp_path: Path) -> SQLiteDatabase:
    database = SQLiteDatabase(str(tmp_path / "t.sqlite3"))
    database.script("CREATE TABLE notes (text TEXT NOT NULL UNIQUE)")
    return database


def _notes(database: SQLiteDatabase) -> list[str]:
    return [str(row[0]) for row in database.all("SELECT text FROM notes ORDER BY rowid")]


def test_an_inner_failure_undoes_only_the_inner_writes(tmp_path: Path) -> None:
    database = _database(tmp_path)
    with database.transaction():
        database.run("INSERT INTO notes VALUES ('outer')")
        with pytest.raises(RuntimeError), database.transaction():
            database.run("INSERT INTO notes VALUES ('inner')")
            raise RuntimeError("undo the inner group")
        database.run("INSERT INTO notes VALUES ('after')")
    assert _notes(database) == ["outer", "after"]


def test_an_outer_failure_undoes_the_committed_inner_group_too(tmp_path: Path) -> None:
    database = _database(tmp_path)
    with pytest.raises(RuntimeError), database.transaction():
        with database.transaction():
            database.run("INSERT INTO notes VALUES ('inner')")
        raise RuntimeError("undo everything")
    assert _notes(database) == []
    database.run("INSERT INTO notes VALUES ('later')")  # no transaction was left open
    assert _notes(database) == ["later"]


def test_only_the_outermost_group_commits(tmp_path: Path) -> None:
    database = _database(tmp_path)
    path = tmp_path / "t.sqlite3"
    with database.transaction():
        with database.transaction():
            database.run("INSERT INTO notes VALUES ('one')")
        with sqlite3.connect(path) as reader:
            assert reader.execute("SELECT COUNT(*) FROM notes").fetchone() == (0,)
    with sqlite3.connect(path) as reader:
        assert reader.execute("SELECT COUNT(*) FROM notes").fetchone() == (1,)


def _stored(db: Path, chat_id: str) -> tuple[int, list[str], int]:
    with sqlite3.connect(db) as raw:
        messages = raw.execute(
            "SELECT COUNT(*) FROM chat_messages WHERE chat_id = ?", (chat_id,)
        ).fetchone()[0]
        kinds = [
            str(row[0])
            for row in raw.execute(
                "SELECT kind FROM events WHERE stream = ? ORDER BY seq", ("chat:" + chat_id,)
            )
        ]
        turns = raw.execute(
            "SELECT COUNT(*) FROM chat_turns WHERE chat_id = ?", (chat_id,)
        ).fetchone()[0]
    return messages, kinds, turns


def test_a_turn_whose_end_fails_keeps_none_of_its_end(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The reply, the chat, the done event and the end of the turn's note go together: a
    failure among them leaves the turn open as before it, for recovery to close."""
    db = tmp_path / "chat.sqlite3"
    with ReferenceServer(ServerConfig(db_path=str(db), echo_delay=0.0)) as server:
        api = Api(server.base_url, server.api_key)
        agent = new_agent(api, name="Echo", brain="echo")
        started = api.post(
            "/v1/chats", json={"agent_id": agent["id"], "message": text_message("hi")}
        )
        chat_id = started.json()["id"]
        ended = started.json()["message_count"] + 2  # the chat as the next turn's end leaves it
        before = _stored(db, chat_id)
        store: Any = server._store
        original = store.update_chat

        def fail_on_the_reply(org_id: str, row: dict[str, Any]) -> str:
            if row["message_count"] == ended:  # the update that ends the turn
                raise sqlite3.OperationalError("disk I/O error")
            return str(original(org_id, row))

        monkeypatch.setattr(store, "update_chat", fail_on_the_reply)
        answer = api.post(f"/v1/chats/{chat_id}/messages", json={"message": text_message("x")})
        assert answer.status_code == 500
        assert answer.json()["error"]["code"] == "INTERNAL_ERROR"
        api.close()
        messages, kinds, turns = _stored(db, chat_id)
        # The turn's start was kept (its user message, its metadata event, its note) ...
        assert messages == before[0] + 1
        assert kinds == [*before[1], "metadata"]
        assert turns == 1
    # ... and a server started on the file closes it as interrupted.
    app = create_app(ServerConfig(db_path=str(db)))
    server_state(app).store.close()
    messages, kinds, turns = _stored(db, chat_id)
    assert kinds[-2:] == ["metadata", "error"]
    assert messages == before[0] + 2
    assert turns == 0


class _FailingCommits:
    """The connection, with the next ``COMMIT``s failing as on a full disk (a fault no real
    server here can be made to show on demand)."""

    def __init__(self, connection: sqlite3.Connection, failures: int) -> None:
        self._connection = connection
        self.failures = failures

    def __getattr__(self, name: str) -> Any:
        return getattr(self._connection, name)

    def execute(self, sql: str, args: Any = ()) -> sqlite3.Cursor:
        if sql == "COMMIT" and self.failures > 0:
            self.failures -= 1
            raise sqlite3.OperationalError("database or disk is full")
        return self._connection.execute(sql, args)


def _count(db: Path, table: str) -> int:
    with sqlite3.connect(db) as raw:
        return int(raw.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])


def test_what_a_response_reports_is_committed_before_it_is_sent(tmp_path: Path) -> None:
    """Writes of concurrent requests share commits, but none is answered before its commit:
    another connection sees every agent as soon as its 201 arrives."""
    db = tmp_path / "group.sqlite3"
    with ReferenceServer(ServerConfig(db_path=str(db))) as server:
        api = Api(server.base_url, server.api_key)
        for number in range(20):
            new_agent(api, name=f"agent {number}")
            assert _count(db, "agents") == number + 1
        api.close()


def test_writes_no_response_reports_are_committed_soon_after(tmp_path: Path) -> None:
    """A turn that goes on after its client left still reaches the file, within moments."""
    db = tmp_path / "late.sqlite3"
    with ReferenceServer(ServerConfig(db_path=str(db), echo_delay=0.05)) as server:
        api = Api(server.base_url, server.api_key)
        agent = new_agent(api, name="Echo", brain="echo")
        body = {"agent_id": agent["id"], "message": text_message("one two three four")}
        with api.http.stream("POST", "/v1/chats/stream", json=body) as response:
            assert response.status_code == 200
        # The stream is gone; the turn is not. Its end is committed without any response.
        deadline = time.monotonic() + 5.0
        while _count(db, "chat_turns") and time.monotonic() < deadline:
            time.sleep(0.02)
        assert _count(db, "chat_turns") == 0
        assert _count(db, "chat_messages") == 2
        api.close()


def test_a_failed_commit_fails_the_requests_that_wrote(tmp_path: Path) -> None:
    db = tmp_path / "full.sqlite3"
    with ReferenceServer(ServerConfig(db_path=str(db))) as server:
        api = Api(server.base_url, server.api_key)
        database: Any = server._store._database
        faulty = _FailingCommits(database._db, failures=1)
        database._db = faulty
        refused = api.post("/v1/agents", json={"name": "lost"})
        assert refused.status_code == 500
        assert refused.json()["error"]["code"] == "INTERNAL_ERROR"
        assert faulty.failures == 0
        # Nothing of it was kept, and the server goes on.
        assert api.get("/v1/agents").json()["data"] == []
        assert new_agent(api, name="kept")["name"] == "kept"
        assert _count(db, "agents") == 1
        api.close()


def test_a_turn_lost_to_a_failed_commit_leaves_no_gap_in_its_chats_events(tmp_path: Path) -> None:
    """The seqs a lost turn counted are counted again: the next turn's events follow the
    stored ones, as the chat's event stream shows."""
    db = tmp_path / "seq.sqlite3"
    with ReferenceServer(ServerConfig(db_path=str(db), echo_delay=0.0)) as server:
        api = Api(server.base_url, server.api_key)
        agent = new_agent(api, name="Echo", brain="echo")
        chat = api.post(
            "/v1/chats", json={"agent_id": agent["id"], "message": text_message("one")}
        ).json()
        database: Any = server._store._database
        faulty = _FailingCommits(database._db, failures=1)
        database._db = faulty
        lost = api.post(f"/v1/chats/{chat['id']}/messages", json={"message": text_message("x")})
        assert lost.status_code == 500
        kept = api.post(f"/v1/chats/{chat['id']}/messages", json={"message": text_message("y")})
        assert kept.status_code == 200
        stream = api.http.get(f"/v1/chats/{chat['id']}/events", params={"after": 0}).text
        ids = [int(line[4:]) for line in stream.splitlines() if line.startswith("id: ")]
        assert ids == list(range(1, 7))  # two turns of metadata, content, done
        api.close()


class TestAfterCommit:
    """What waits for a commit is told only of kept writes, in order, once."""

    def test_with_nothing_open_it_runs_at_once(self, tmp_path: Path) -> None:
        database = _database(tmp_path)
        told: list[str] = []
        database.after_commit(lambda: told.append("now"))
        assert told == ["now"]

    def test_it_waits_for_the_group_commit_of_an_event_loop(self, tmp_path: Path) -> None:
        database = _database(tmp_path)
        told: list[str] = []

        async def write() -> None:
            database.run("INSERT INTO notes VALUES ('one')")
            database.after_commit(lambda: told.append("first"))
            database.after_commit(lambda: told.append("second"))
            assert told == []  # the transaction is still open
            database.commit()
            assert told == ["first", "second"]

        asyncio.run(write())

    def test_an_undone_group_tells_nothing_of_its_writes(self, tmp_path: Path) -> None:
        database = _database(tmp_path)
        told: list[str] = []
        with database.transaction():
            database.after_commit(lambda: told.append("outer"))
            with pytest.raises(RuntimeError), database.transaction():
                database.after_commit(lambda: told.append("inner"))
                raise RuntimeError("undo the inner group")
        assert told == ["outer"]
        with pytest.raises(RuntimeError), database.transaction():
            database.after_commit(lambda: told.append("undone"))
            raise RuntimeError("undo everything")
        assert told == ["outer"]

    def test_a_failed_commit_tells_nothing(self, tmp_path: Path) -> None:
        database = _database(tmp_path)
        told: list[str] = []
        faulty = _FailingCommits(database._db, failures=1)
        database._db = faulty  # type: ignore[assignment]

        async def write() -> None:
            database.run("INSERT INTO notes VALUES ('lost')")
            database.after_commit(lambda: told.append("lost"))
            with pytest.raises(StoreFailure):
                database.commit()
            database.run("INSERT INTO notes VALUES ('kept')")
            database.after_commit(lambda: told.append("kept"))
            database.commit()

        asyncio.run(write())
        assert told == ["kept"]
        assert _notes(database) == ["kept"]

    def test_a_failing_callback_does_not_stop_the_others(self, tmp_path: Path) -> None:
        database = _database(tmp_path)
        told: list[str] = []

        def broken() -> None:
            raise ValueError("a listener's bug")

        with database.transaction():
            database.after_commit(broken)
            database.after_commit(lambda: told.append("after"))
        assert told == ["after"]


def _register(server: ReferenceServer, handle: str) -> str:
    """A verified messaging identity's API key."""
    with httpx.Client(base_url=server.base_url) as http:
        body = {"email": f"{handle}@example.test", "handle": handle, "display_name": handle}
        pending = http.post("/v1/identity/register", json=body).json()
        code = server.last_code(f"{handle}@example.test")
        verify = {"pending_id": pending["pending_id"], "code": code}
        return str(http.post("/v1/identity/register/verify", json=verify).json()["api_key"])


def test_a_sent_message_is_published_to_its_recipients_after_commit(tmp_path: Path) -> None:
    """Messaging's listeners hear of a message once it is kept, addressed to the others."""
    from agentkit.server.messaging import MessagingEvent, MessagingEvents

    db = tmp_path / "m.sqlite3"
    with ReferenceServer(ServerConfig(db_path=str(db))) as server:
        heard: list[tuple[MessagingEvent, int]] = []
        state = server_state(server._app)
        events = state.service(MessagingEvents)
        events.subscribe(lambda event: heard.append((event, _count(db, "msg_messages"))))
        api = Api(server.base_url, _register(server, "alice"))
        _register(server, "bob")
        body = {"to": "@bob", "client_msg_id": "one", "content": {"text": "hi"}}
        sent = api.post("/v1/messages", json=body).json()
        assert api.post("/v1/messages", json=body).json()["id"] == sent["id"]  # no new event
        api.close()
        deadline = time.monotonic() + 2.0
        while not heard and time.monotonic() < deadline:
            time.sleep(0.01)
        time.sleep(0.05)
        assert len(heard) == 1
        event, stored_then = heard[0]
        assert event.type == "message.new"
        assert event.payload["id"] == sent["id"]
        bob = state.store.identity_by_handle("bob")
        assert bob is not None and event.recipients == (bob["id"],)
        assert stored_then == 1  # on disk (seen by another connection) when heard


def test_a_request_about_to_write_reads_inside_the_transaction_of_its_writes(
    tmp_path: Path,
) -> None:
    """Opened before its reads, the transaction holds the write lock from the start: another
    connection still reads, but cannot commit between the request's reads and its writes."""
    database = _database(tmp_path)
    other = sqlite3.connect(tmp_path / "t.sqlite3", timeout=0.05)

    async def request() -> None:
        mark = database.mark()
        database.open_group()
        assert database._db.in_transaction
        assert _notes(database) == []
        assert other.execute("SELECT COUNT(*) FROM notes").fetchone() == (0,)
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("INSERT INTO notes VALUES ('between')")
        database.run("INSERT INTO notes VALUES ('mine')")
        database.make_durable(mark)

    try:
        asyncio.run(request())
        assert [row[0] for row in other.execute("SELECT text FROM notes")] == ["mine"]
    finally:
        other.close()
        database.close()
