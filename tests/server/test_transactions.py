"""Grouped writes: nested transactions, and a chat turn's writes kept together or not at all."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from agentkit.server import ServerConfig, create_app, server_state
from agentkit.server.core.sqlite import Database
from agentkit.testing import ReferenceServer

from .conftest import Api, new_agent, text_message


def _database(tmp_path: Path) -> Database:
    database = Database(str(tmp_path / "t.sqlite3"))
    database.script("CREATE TABLE notes (text TEXT NOT NULL UNIQUE)")
    return database


def _notes(database: Database) -> list[str]:
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
        before = _stored(db, chat_id)
        store: Any = server._store
        original = store.update_chat
        calls = 0

        def fail_on_the_reply(org_id: str, row: dict[str, Any]) -> None:
            nonlocal calls
            calls += 1
            if calls == 2:  # the first update starts the turn, the second ends it
                raise sqlite3.OperationalError("disk I/O error")
            original(org_id, row)

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
