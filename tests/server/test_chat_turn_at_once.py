"""A chat turn whose brain replies at once runs in the request: it ends as a turn in a task
does, when its brain fails and when the brain waits after all (faults injected as brains)."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from agentkit.server import ServerConfig
from agentkit.server.brains import BrainError, Turn
from agentkit.server.chats import chat_turn
from agentkit.testing import ReferenceServer

from .conftest import Api, new_agent, text_message


class _FailingAtOnce:
    """Says it replies at once, and fails before its first word."""

    instant = True

    async def reply(self, turn: Turn) -> AsyncIterator[str]:
        if turn.text:
            raise BrainError("no words today")
        yield ""


class _WaitingAfterAll:
    """Says it replies at once, then waits between its words."""

    instant = True

    async def reply(self, turn: Turn) -> AsyncIterator[str]:
        yield "first "
        await asyncio.sleep(0.01)
        yield turn.text


def _stored(db: Path, chat_id: str) -> tuple[int, list[str], int]:
    with sqlite3.connect(db) as raw:
        messages = raw.execute(
            "SELECT COUNT(*) FROM chat_messages WHERE chat_id = ?", (chat_id,)
        ).fetchone()[0]
        kinds = [
            str(row[0])
            for row in raw.execute(
                "SELECT kind FROM events WHERE stream = ? ORDER BY seq", (f"chat:{chat_id}",)
            )
        ]
        turns = raw.execute("SELECT COUNT(*) FROM chat_turns WHERE chat_id = ?", (chat_id,))
        return int(messages), kinds, int(turns.fetchone()[0])


def _use_brain(monkeypatch: pytest.MonkeyPatch, brain: Any) -> None:
    monkeypatch.setattr(chat_turn, "brain_for", lambda *args, **kwargs: brain)


def test_a_failing_brain_run_at_once_ends_the_turn_as_an_agent_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "chat.sqlite3"
    with ReferenceServer(ServerConfig(db_path=str(db), echo_delay=0.0)) as server:
        api = Api(server.base_url, server.api_key)
        agent = new_agent(api, name="Echo", brain="echo")
        started = api.post(
            "/v1/chats", json={"agent_id": agent["id"], "message": text_message("hi")}
        ).json()
        _use_brain(monkeypatch, _FailingAtOnce())
        answer = api.post(
            f"/v1/chats/{started['id']}/messages",
            json={"message": text_message("x"), "trace_id": "t-1"},
        )
        assert answer.status_code == 502
        assert answer.json()["error"]["code"] == "AGENT_ERROR"
        chat = api.get(f"/v1/chats/{started['id']}").json()
        # The user's message counts, and the trace id is kept, as for a turn in a task.
        assert chat["message_count"] == started["message_count"] + 1
        assert chat["trace_id"] == "t-1"
        api.close()
    messages, kinds, turns = _stored(db, started["id"])
    assert messages == started["message_count"] + 1
    assert kinds[-2:] == ["metadata", "error"]
    assert turns == 0


def test_a_brain_that_waits_after_all_goes_on_in_a_task(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "chat.sqlite3"
    with ReferenceServer(ServerConfig(db_path=str(db), echo_delay=0.0)) as server:
        api = Api(server.base_url, server.api_key)
        agent = new_agent(api, name="Echo", brain="echo")
        started = api.post(
            "/v1/chats", json={"agent_id": agent["id"], "message": text_message("hi")}
        ).json()
        _use_brain(monkeypatch, _WaitingAfterAll())
        answer = api.post(
            f"/v1/chats/{started['id']}/messages", json={"message": text_message("x")}
        )
        assert answer.status_code == 200
        chat = answer.json()
        assert chat["message"]["parts"] == [{"type": "text", "content": "first x"}]
        assert chat["message_count"] == started["message_count"] + 2
        listed = api.get(f"/v1/chats/{started['id']}/messages").json()["data"]
        assert [message["role"] for message in listed[-2:]] == ["user", "agent"]
        api.close()
    messages, kinds, turns = _stored(db, started["id"])
    assert messages == started["message_count"] + 2
    assert kinds[-4:] == ["metadata", "content", "content", "done"]
    assert turns == 0
