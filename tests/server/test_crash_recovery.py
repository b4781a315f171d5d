"""Turns a crash left open are closed before anyone sees them, whatever the client does next.

A crash is played by copying the database while a slow turn streams (SQLite's backup takes what
was committed, as a killed process leaves it): the copy holds a turn that no process runs. A
server started on the copy closes it at startup; with that turn off, every path that reads the
turn closes it first: the replay of the streamed POST (same ``Idempotency-Key``,
``Last-Event-ID``), the event stream, and the reads of the resource. Either way the turn ends with
``TURN_INTERRUPTED``, the stored messages agree with the stream, and doing it again adds nothing.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import httpx
import pytest

import agentkit.server.app
from agentkit.server import ServerConfig, create_app, server_state
from agentkit.server.families import FAMILIES
from agentkit.testing import ReferenceServer

from .conftest import Api, Stream, new_agent, new_session, text_message

SLOW = "/slow /long 400"
KEY = "crash-recovery-key"


@dataclass(frozen=True)
class Crash:
    """A database a crash left with a turn open, and what the client had seen of it."""

    db: Path
    api_key: str
    resource_id: str
    path: str
    """The streamed POST that started the turn."""
    body: dict[str, Any]
    seen: list[dict[str, Any]]
    """The events the client received before the crash."""


def _snapshot(source: Path, target: Path) -> None:
    with sqlite3.connect(source) as live, sqlite3.connect(target) as copy:
        live.backup(copy)
    copy.close()
    live.close()


def _crash(tmp_path: Path, start: Callable[[Api], tuple[str, str, dict[str, Any]]]) -> Crash:
    """Start a slow streamed turn, read a few events, and copy the database mid-turn."""
    live = tmp_path / "live.sqlite3"
    with ReferenceServer(config=ServerConfig(db_path=str(live))) as server:
        api = Api(server.base_url, server.api_key)
        resource_id, path, body = start(api)
        headers = {"Idempotency-Key": KEY}
        seen = api.stream(
            "POST", path, json=body, headers=headers, stop=lambda s: len(s.events) >= 6
        )
        assert seen.status_code == 200 and len(seen.events) == 6
        _snapshot(live, tmp_path / "crashed.sqlite3")
        api.close()
        return Crash(
            tmp_path / "crashed.sqlite3",
            server.api_key,
            resource_id or seen.payloads()[0]["chat_id"],
            path,
            body,
            seen.payloads(),
        )


def _start_session(api: Api) -> tuple[str, str, dict[str, Any]]:
    session = new_session(api, new_agent(api, name="Slow", brain="scripted"))
    path = f"/v1/sessions/{session['id']}/messages/stream"
    return session["id"], path, {"message": text_message(SLOW)}


def _start_chat(api: Api) -> tuple[str, str, dict[str, Any]]:
    agent = new_agent(api, name="Slow", brain="scripted")
    return "", "/v1/chats/stream", {"agent_id": agent["id"], "message": text_message(SLOW)}


@pytest.fixture
def no_startup_recovery(monkeypatch: pytest.MonkeyPatch) -> None:
    """Servers that do not close open turns when they start: only the reads can."""
    families = tuple(replace(family, startup=None) for family in FAMILIES)
    monkeypatch.setattr(agentkit.server.app, "FAMILIES", families)


@pytest.fixture
def session_crash(tmp_path: Path) -> Crash:
    return _crash(tmp_path, _start_session)


@pytest.fixture
def chat_crash(tmp_path: Path) -> Crash:
    return _crash(tmp_path, _start_chat)


@contextmanager
def _restarted(crash: Crash) -> Iterator[Api]:
    with ReferenceServer(config=ServerConfig(db_path=str(crash.db))) as server:
        api = Api(server.base_url, crash.api_key)
        try:
            yield api
        finally:
            api.close()


def _stored_events(db: Path, stream: str) -> list[tuple[int, str, dict[str, Any]]]:
    with sqlite3.connect(db) as connection:
        rows = connection.execute(
            "SELECT seq, kind, data FROM events WHERE stream = ? ORDER BY seq", (stream,)
        ).fetchall()
    connection.close()
    return [(seq, kind, json.loads(data)) for seq, kind, data in rows]


def _replay(api: Api, crash: Crash) -> Stream:
    """The client's own resume: the same POST, key and body, after the last event it saw."""
    headers = {"Idempotency-Key": KEY, "Last-Event-ID": str(_last_seen(crash))}
    return api.stream("POST", crash.path, json=crash.body, headers=headers)


def _last_seen(crash: Crash) -> int:
    """The id of the last event the client saw (a chat's events count from 1 with its turn)."""
    last = crash.seen[-1]
    return int(last["id"]) if "id" in last else len(crash.seen)


# ---------------------------------------------------------------------- sessions
SESSION_READS: dict[str, Callable[[Api, Crash], Any]] = {
    "replayed POST": _replay,
    "event stream": lambda api, crash: api.stream(
        "GET", f"/v1/sessions/{crash.resource_id}/events?after={_last_seen(crash)}"
    ),
    "get": lambda api, crash: api.get(f"/v1/sessions/{crash.resource_id}"),
    "summary": lambda api, crash: api.get(f"/v1/sessions/{crash.resource_id}/summary"),
    "delta": lambda api, crash: api.get(f"/v1/sessions/{crash.resource_id}/delta"),
    "history": lambda api, crash: api.get(f"/v1/sessions/{crash.resource_id}/history"),
    "list": lambda api, crash: api.get("/v1/sessions"),
    "new message": lambda api, crash: api.stream(
        "POST",
        f"/v1/sessions/{crash.resource_id}/messages/stream",
        json={"message": text_message("again")},
    ),
}


def _check_session_closed(api: Api, crash: Crash) -> list[dict[str, Any]]:
    """The interrupted turn ends in text, error TURN_INTERRUPTED and stop; its message failed
    with the text its deltas streamed. Returns the session's whole history."""
    history = api.get(f"/v1/sessions/{crash.resource_id}/history?limit=1000").json()["data"]
    assert [event["id"] for event in history] == list(range(1, len(history) + 1))
    assert history[: len(crash.seen)] == crash.seen
    stop = next(i for i, event in enumerate(history) if event["type"] == "stop")
    turn = history[: stop + 1]
    assert [event["type"] for event in turn[-3:]] == ["text", "error", "stop"]
    text = "".join(event["content"] for event in turn if event["type"] == "text_delta")
    assert text.startswith("tok0 tok1 tok2 tok3 ") and turn[-3]["content"] == text
    assert turn[-2]["error"]["code"] == "TURN_INTERRUPTED" and turn[-2]["message_index"] == 1
    assert (turn[-1]["reason"], turn[-1]["status"], turn[-1]["is_error"]) == (
        "error",
        "user_turn",
        True,
    )
    session = api.get(f"/v1/sessions/{crash.resource_id}").json()
    message = session["messages"][1]
    assert message["status"] == "failed"
    assert message["content"][0] == {"type": "text", "content": text}
    assert message["content"][-1]["error_code"] == "TURN_INTERRUPTED"
    history_list: list[dict[str, Any]] = history
    return history_list


class TestSessionRecovery:
    def test_startup_closes_the_turn_before_any_request(self, session_crash: Crash) -> None:
        """Opening the app on the database closes the open turn: error and stop are stored,
        the session is idle; opening it again adds nothing."""
        stream = f"session:{session_crash.resource_id}"
        before = _stored_events(session_crash.db, stream)
        assert before[-1][1] != "stop"
        for _ in range(2):
            app = create_app(ServerConfig(db_path=str(session_crash.db)))
            server_state(app).store.close()
        after = _stored_events(session_crash.db, stream)
        assert after[: len(before)] == before
        assert [kind for _, kind, _ in after[len(before) :]] == ["text", "error", "stop"]
        assert after[-2][2]["error"]["code"] == "TURN_INTERRUPTED"
        with sqlite3.connect(session_crash.db) as connection:
            [(data,)] = connection.execute("SELECT data FROM sessions").fetchall()
        connection.close()
        assert json.loads(data)["status"] == "user_turn"

    @pytest.mark.usefixtures("no_startup_recovery")
    @pytest.mark.parametrize("read", list(SESSION_READS))
    def test_every_read_finds_the_turn_closed(self, session_crash: Crash, read: str) -> None:
        """Whatever the client does first after the crash, the turn is closed by then; the
        replayed POST and the event stream end with its error and stop."""
        with _restarted(session_crash) as api:
            result = SESSION_READS[read](api, session_crash)
            if read in ("replayed POST", "event stream"):
                assert isinstance(result, Stream)
                assert result.kinds[-2:] == ["error", "stop"]
                assert result.ids[0] == session_crash.seen[-1]["id"] + 1
                assert result.payloads("error")[0]["error"]["code"] == "TURN_INTERRUPTED"
            if read == "new message":
                assert isinstance(result, Stream) and result.status_code == 200
                assert result.payloads("stop")[0]["reason"] == "end_turn"
            if read in ("get", "summary", "delta"):
                assert result.json()["status"] == "user_turn"
            if read in ("get", "delta"):
                assert result.json()["messages"][1]["status"] == "failed"
            if read == "history":
                assert [event["type"] for event in result.json()["data"][-2:]] == ["error", "stop"]
            if read == "list":
                [listed] = result.json()["data"]
                assert listed["status"] == "user_turn"
            history = _check_session_closed(api, session_crash)
            again = SESSION_READS["replayed POST"](api, session_crash)
            assert again.kinds[-2:] == ["error", "stop"]
            assert (
                api.get(f"/v1/sessions/{session_crash.resource_id}/history?limit=1000").json()[
                    "data"
                ]
                == history
            )


# ---------------------------------------------------------------------- chats
CHAT_READS: dict[str, Callable[[Api, Crash], Any]] = {
    "replayed POST": _replay,
    "event stream": lambda api, crash: api.stream(
        "GET", f"/v1/chats/{crash.resource_id}/events?after={_last_seen(crash)}"
    ),
    "get": lambda api, crash: api.get(f"/v1/chats/{crash.resource_id}"),
    "messages": lambda api, crash: api.get(f"/v1/chats/{crash.resource_id}/messages"),
    "new message": lambda api, crash: api.stream(
        "POST",
        f"/v1/chats/{crash.resource_id}/messages/stream",
        json={"message": text_message("again")},
    ),
}


def _check_chat_closed(api: Api, crash: Crash) -> list[dict[str, Any]]:
    """The interrupted turn ends with error TURN_INTERRUPTED; its reply is stored as failed
    with the text its content events streamed. Returns the chat's whole event log."""
    log = api.stream("GET", f"/v1/chats/{crash.resource_id}/events?after=0")
    events = log.payloads()
    assert log.ids == list(range(1, len(events) + 1))
    assert events[: len(crash.seen)] == crash.seen
    end = next(i for i, event in enumerate(events) if event["type"] in ("done", "error"))
    turn = events[: end + 1]
    reply_id = turn[0]["message_id"]
    assert turn[-1]["type"] == "error" and turn[-1]["message_id"] == reply_id
    assert turn[-1]["error"]["code"] == "TURN_INTERRUPTED"
    text = "".join(event["delta"] for event in turn if event["type"] == "content")
    assert text.startswith("tok0 tok1 tok2 tok3 ")
    messages = api.get(f"/v1/chats/{crash.resource_id}/messages").json()["data"]
    assert [message["role"] for message in messages[:2]] == ["user", "agent"]
    reply = messages[1]
    assert reply["id"] == reply_id and reply["parts"] == [{"type": "text", "content": text}]
    assert reply["metadata"]["status"] == "failed"
    assert reply["metadata"]["error"]["code"] == "TURN_INTERRUPTED"
    chat = api.get(f"/v1/chats/{crash.resource_id}").json()
    assert chat["status"] == "ACTIVE" and chat["message_count"] == len(messages)
    return events


class TestChatRecovery:
    def test_startup_closes_the_turn_before_any_request(self, chat_crash: Crash) -> None:
        """Opening the app on the database closes the open turn: its error is stored and its
        reply kept as failed; opening it again adds nothing."""
        stream = f"chat:{chat_crash.resource_id}"
        before = _stored_events(chat_crash.db, stream)
        assert before[-1][1] == "content"
        for _ in range(2):
            app = create_app(ServerConfig(db_path=str(chat_crash.db)))
            server_state(app).store.close()
        after = _stored_events(chat_crash.db, stream)
        assert after[: len(before)] == before
        assert [kind for _, kind, _ in after[len(before) :]] == ["error"]
        assert after[-1][2]["error"]["code"] == "TURN_INTERRUPTED"
        with sqlite3.connect(chat_crash.db) as connection:
            roles = [
                json.loads(data)["role"]
                for (data,) in connection.execute("SELECT data FROM chat_messages ORDER BY pk")
            ]
        connection.close()
        assert roles == ["user", "agent"]

    @pytest.mark.usefixtures("no_startup_recovery")
    @pytest.mark.parametrize("read", list(CHAT_READS))
    def test_every_read_finds_the_turn_closed(self, chat_crash: Crash, read: str) -> None:
        """Whatever the client does first after the crash, the turn is closed by then; the
        replayed POST and the event stream end with its error; the chat takes new messages."""
        with _restarted(chat_crash) as api:
            result = CHAT_READS[read](api, chat_crash)
            if read in ("replayed POST", "event stream"):
                assert isinstance(result, Stream)
                assert result.kinds[-1] == "error"
                assert result.ids[0] == _last_seen(chat_crash) + 1
                assert result.payloads("error")[0]["error"]["code"] == "TURN_INTERRUPTED"
            if read == "new message":
                assert isinstance(result, Stream) and result.status_code == 200
                assert result.kinds[-1] == "done"
                assert result.payloads("done")[0]["chat"]["message"]["parts"][0]["content"] == (
                    "You said: again"
                )
            if read == "get":
                assert result.json()["message_count"] == 2
            if read == "messages":
                [user, reply] = result.json()["data"]
                assert (user["role"], reply["role"]) == ("user", "agent")
                assert reply["metadata"]["status"] == "failed"
            events = _check_chat_closed(api, chat_crash)
            again = CHAT_READS["replayed POST"](api, chat_crash)
            assert again.kinds[-1] == "error"
            assert api.stream(
                "GET", f"/v1/chats/{chat_crash.resource_id}/events?after=0"
            ).payloads() == (events)


# ---------------------------------------------------------------------- unstreamed requests
class TestUnstreamedRequestCutByACrash:
    """A request answered only at its end (a chat message without streaming) that the server
    stopped during: repeating it with its key answers that it was interrupted, always the same,
    and never runs it again (which would add the message to the chat twice)."""

    @pytest.fixture
    def crash(self, tmp_path: Path) -> tuple[Path, str, str, dict[str, Any]]:
        live = tmp_path / "live.sqlite3"
        with ReferenceServer(config=ServerConfig(db_path=str(live))) as server:
            api = Api(server.base_url, server.api_key)
            agent = new_agent(api, name="Slow", brain="scripted")
            chat = api.post(
                "/v1/chats", json={"agent_id": agent["id"], "message": text_message("hi")}
            ).json()
            path = f"/v1/chats/{chat['id']}/messages"
            body = {"message": text_message("/slow /long 30")}
            answered: list[httpx.Response] = []
            sender = threading.Thread(
                target=lambda: answered.append(
                    api.post(path, json=body, headers={"Idempotency-Key": KEY})
                )
            )
            sender.start()
            # The turn's start is committed (at the latest moments after it is written).
            deadline = time.monotonic() + 10
            while not _open_chat_turns(live) and time.monotonic() < deadline:
                time.sleep(0.01)
            assert _open_chat_turns(live) == 1
            _snapshot(live, tmp_path / "crashed.sqlite3")
            sender.join(timeout=30)
            assert answered and answered[0].status_code == 200
            api.close()
            return tmp_path / "crashed.sqlite3", server.api_key, path, body

    def test_the_repeat_answers_interrupted_and_adds_nothing(
        self, crash: tuple[Path, str, str, dict[str, Any]]
    ) -> None:
        db, key, path, body = crash
        with ReferenceServer(config=ServerConfig(db_path=str(db))) as server:
            api = Api(server.base_url, key)
            messages = path + "?limit=100"
            before = api.get(messages).json()["data"]
            first = api.post(path, json=body, headers={"Idempotency-Key": KEY})
            again = api.post(path, json=body, headers={"Idempotency-Key": KEY})
            assert first.status_code == 503
            assert first.json()["error"]["code"] == "TURN_INTERRUPTED"
            # The same answer (each with its own request id).
            assert again.status_code == 503
            first_error, again_error = first.json()["error"], again.json()["error"]
            assert again_error["code"] == "TURN_INTERRUPTED"
            assert again_error["message"] == first_error["message"]
            assert again.headers["idempotent-replayed"] == "true"
            assert api.get(messages).json()["data"] == before
            # The chat takes a new message, under a new key.
            fresh = api.post(path, json={"message": text_message("hello")})
            assert fresh.status_code == 200
            api.close()


def _open_chat_turns(db: Path) -> int:
    with sqlite3.connect(db) as connection:
        count = connection.execute("SELECT COUNT(*) FROM chat_turns").fetchone()[0]
    connection.close()
    return int(count)
