"""The store's notes of chat turns in progress: found while they stand, gone once their end is
kept, on a SQLite store that answers "none" without a read when it knows there is none."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

import pytest

from agentkit.server.store import SQLiteStore


def test_a_turns_note_stands_until_its_end_is_kept(tmp_path: Path) -> None:
    store = SQLiteStore(str(tmp_path / "s.sqlite3"))
    try:
        assert store.chat_turn("org_1", "chat_1") is None
        store.open_chat_turn("org_1", "chat_1", "msg_1", 3)
        assert store.chat_turn("org_1", "chat_1") == ("msg_1", 3)
        assert store.chat_turn("org_1", "chat_2") is None

        with pytest.raises(RuntimeError), store.atomic():
            store.close_chat_turn("org_1", "chat_1")
            raise RuntimeError("the end is undone")
        assert store.chat_turn("org_1", "chat_1") == ("msg_1", 3)

        async def next_turn() -> None:
            # The end of one turn and the note of the next, committed together.
            mark = store.durability_mark()
            store.close_chat_turn("org_1", "chat_1")
            store.open_chat_turn("org_1", "chat_1", "msg_2", 7)
            store.make_durable(mark)

        asyncio.run(next_turn())
        assert store.chat_turn("org_1", "chat_1") == ("msg_2", 7)
        store.close_chat_turn("org_1", "chat_1")
        assert store.chat_turn("org_1", "chat_1") is None
        store.open_chat_turn("org_1", "chat_3", "msg_3", 1)
    finally:
        store.close()
    with sqlite3.connect(tmp_path / "s.sqlite3") as raw:
        assert raw.execute("SELECT org_id, chat_id FROM chat_turns").fetchall() == [
            ("org_1", "chat_3")
        ]


def test_notes_written_before_the_store_opened_are_found(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    SQLiteStore(str(path)).close()
    with sqlite3.connect(path) as raw:  # left by a server that stopped during a turn
        raw.execute("INSERT INTO chat_turns VALUES ('org_1', 'chat_1', 'msg_1', 4)")
    store = SQLiteStore(str(path))
    try:
        assert store.chat_turn("org_1", "chat_1") == ("msg_1", 4)
        assert store.open_chat_turns() == [("org_1", "chat_1")]
    finally:
        store.close()
