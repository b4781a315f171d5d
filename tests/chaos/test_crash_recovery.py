"""A server killed mid-turn (SIGKILL) and started again on the same database and port.

The server runs as a real process (``agentkit serve``). A client streams a slow turn; the server
is killed after a few events and started again; the very stream object the client iterates
resumes by itself (the same ``Idempotency-Key``, ``Last-Event-ID``) and ends with the turn's
terminal events (``TURN_INTERRUPTED``), and what the server stored (the history, the messages)
agrees with what the stream delivered exactly.
"""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import httpx
import pytest

from agentkit import TurnInterruptedError

_START_TIMEOUT = 20.0
_STOP_TIMEOUT = 10.0
_BIND_RETRIES = 40


class ServerProcess:
    """``agentkit serve`` as a child process on a SQLite file: started, killed, started again."""

    def __init__(self, db: Path) -> None:
        self.db = db
        self.port = 0
        self.base_url = ""
        self.api_key = ""
        self._process: subprocess.Popen[str] | None = None

    @property
    def pid(self) -> int:
        assert self._process is not None
        return self._process.pid

    def start(self) -> None:
        """Start the server on ``self.port`` (any free port the first time); retry a busy port
        briefly, since the killed server's port may take a moment to come free."""
        for _ in range(_BIND_RETRIES):
            if self._try_start():
                self._wait_until_answering()
                return
            time.sleep(0.1)
        raise RuntimeError(f"the server could not listen on port {self.port}")

    def _try_start(self) -> bool:
        command = [
            sys.executable,
            "-m",
            "agentkit.cli",
            "serve",
            "--port",
            str(self.port),
            "--db",
            str(self.db),
        ]
        process = subprocess.Popen(
            command,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            stdin=subprocess.DEVNULL,
            text=True,
        )
        self._process = process
        assert process.stdout is not None
        lines = _lines(process.stdout)
        deadline = time.monotonic() + _START_TIMEOUT
        found: dict[str, str] = {}
        while time.monotonic() < deadline and len(found) < 2:
            try:
                line = lines.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                break
            if line is None:  # the process ended: the port is busy
                process.wait(timeout=_STOP_TIMEOUT)
                return False
            for name in ("AGENTKIT_BASE_URL", "AGENTKIT_API_KEY"):
                if f"{name}=" in line:
                    found[name] = line.split(f"{name}=", 1)[1].strip()
        if len(found) < 2:
            self.kill()
            raise RuntimeError("the server printed no address and key in time")
        self.base_url = found["AGENTKIT_BASE_URL"]
        self.port = int(self.base_url.rsplit(":", 1)[1])
        if not self.api_key:  # the first organization's key stays valid across restarts
            self.api_key = found["AGENTKIT_API_KEY"]
        return True

    def _wait_until_answering(self) -> None:
        deadline = time.monotonic() + _START_TIMEOUT
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{self.base_url}/v1/health", timeout=1.0).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.05)
        raise RuntimeError("the server did not answer in time")

    def kill(self) -> None:
        """SIGKILL the server, and reap it."""
        process = self._process
        if process is not None and process.poll() is None:
            os.kill(process.pid, signal.SIGKILL)
            process.wait(timeout=_STOP_TIMEOUT)

    def restart(self) -> None:
        """Kill the server and start it again on the same database and port."""
        self.kill()
        self.start()


def _lines(stream: IO[str]) -> queue.Queue[str | None]:
    """The lines of a child's output as they come, then ``None`` once it closes."""
    lines: queue.Queue[str | None] = queue.Queue()

    def pump() -> None:
        for line in stream:
            lines.put(line)
        lines.put(None)

    threading.Thread(target=pump, daemon=True).start()
    return lines


@pytest.fixture
def served(tmp_path: Path) -> Iterator[ServerProcess]:
    """A server process on a fresh database; killed at teardown, whatever happened."""
    server = ServerProcess(tmp_path / "agentkit.sqlite3")
    try:
        server.start()
        yield server
    finally:
        server.kill()


def _client(make_client: Any, served: ServerProcess) -> Any:
    # Enough retries for the connections refused while the server starts again.
    return make_client(
        base_url=served.base_url,
        api_key=served.api_key,
        max_retries=10,
        max_stream_reconnects=10,
    )


class TestSessionTurnCutByACrash:
    def test_the_stream_resumes_into_the_interrupted_turns_end(
        self, make_client: Any, served: ServerProcess
    ) -> None:
        """SIGKILL mid-turn, then a restart: the same stream ends with the turn's text, error
        TURN_INTERRUPTED and stop, equal to the stored history; the message failed with the
        streamed text; the session takes the next message."""
        client = _client(make_client, served)
        agent = client.agents.create(name="Slow", brain="scripted")
        session = client.sessions.create(agent.id)
        events: list[dict[str, Any]] = []
        killed = False
        stream = client.sessions.stream_send(session.id, "/slow /long 400")
        with pytest.raises(TurnInterruptedError) as raised:
            with stream:
                for event in stream:
                    events.append(event.to_dict())
                    deltas = [e for e in events if e["type"] == "text_delta"]
                    if len(deltas) == 5 and not killed:
                        killed = True
                        served.restart()
        assert killed and stream.reconnects >= 1
        assert raised.value.code == "TURN_INTERRUPTED" and raised.value.status_code == 503
        kinds = [event["type"] for event in events]
        assert kinds[0] == "user_input" and kinds[-3:] == ["text", "error", "stop"]
        assert [event["id"] for event in events] == list(range(1, len(events) + 1))
        assert events == [event.to_dict() for event in client.sessions.history(session.id)]
        text = "".join(e["content"] for e in events if e["type"] == "text_delta")
        assert text.startswith("tok0 tok1 tok2 tok3 tok4 ")
        error, stop = events[-2], events[-1]
        assert error["error"]["code"] == "TURN_INTERRUPTED"
        assert events[-3]["content"] == text
        assert (stop["reason"], stop["status"], stop["is_error"]) == ("error", "user_turn", True)
        state = client.sessions.get(session.id)
        assert state.status == "user_turn" and state.last_event_id == events[-1]["id"]
        reply = state.messages[1].to_dict()
        assert reply["status"] == "failed" and error["message_index"] == reply["index"] == 1
        assert reply["content"][0] == {"type": "text", "content": text}
        assert reply["content"][-1]["error_code"] == "TURN_INTERRUPTED"
        stop_again = client.sessions.stream_send(session.id, "hello").until_stop()
        assert stop_again.reason == "end_turn"


class TestChatTurnCutByACrash:
    def test_the_stream_resumes_into_the_interrupted_turns_error(
        self, make_client: Any, served: ServerProcess
    ) -> None:
        """SIGKILL mid-reply, then a restart: the same stream ends with the error
        TURN_INTERRUPTED; the chat's events and messages agree with it (the reply kept as
        failed with the streamed text), and the chat takes the next message."""
        client = _client(make_client, served)
        agent = client.agents.create(name="Slow", brain="scripted")
        events: list[dict[str, Any]] = []
        killed = False
        stream = client.chats.stream_start(agent.id, "/slow /long 400")
        with pytest.raises(TurnInterruptedError) as raised:
            with stream:
                for event in stream:
                    events.append(event.to_dict())
                    if len(events) == 6 and not killed:
                        killed = True
                        served.restart()
        assert killed and stream.reconnects >= 1
        assert raised.value.code == "TURN_INTERRUPTED" and raised.value.status_code == 503
        assert events[0]["type"] == "metadata"
        assert {event["type"] for event in events[1:]} == {"content"}
        chat_id, reply_id = events[0]["chat_id"], events[0]["message_id"]
        text = "".join(event["delta"] for event in events[1:])
        assert text.startswith("tok0 tok1 tok2 tok3 tok4 ")
        followed: list[dict[str, Any]] = []
        with pytest.raises(TurnInterruptedError):
            with client.chats.events(chat_id) as replay:
                for event in replay:
                    followed.append(event.to_dict())
        assert followed == events
        messages = [message.to_dict() for message in client.chats.list_messages(chat_id)]
        assert [message["role"] for message in messages] == ["user", "agent"]
        reply = messages[1]
        assert reply["id"] == reply_id
        assert reply["parts"] == [{"type": "text", "content": text}]
        assert reply["metadata"]["status"] == "failed"
        assert reply["metadata"]["error"]["code"] == "TURN_INTERRUPTED"
        chat = client.chats.get(chat_id)
        assert chat.status == "ACTIVE" and chat.message_count == 2
        answered = client.chats.message(chat_id, "hello")
        assert answered.message is not None
        assert answered.message.parts[0].to_dict()["content"] == "You said: hello"
