"""The ``agentkit`` command as people use it: the server with a key that lasts, and the client
commands against a running server, readable by default and JSON with ``--json``."""

from __future__ import annotations

import json
import os
import select
import signal
import socket
import stat
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from agentkit import AgentKit, APIConnectionError
from agentkit.testing import ReferenceServer

pytestmark = pytest.mark.slow


def agentkit(
    *args: str, env: dict[str, str] | None = None, stdin: str = ""
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "agentkit", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        check=False,
    )


def read_until(process: subprocess.Popen[bytes], marker: bytes, seconds: float = 20) -> bytes:
    """What the process wrote until ``marker`` appeared (or it ended, or time ran out)."""
    assert process.stdout is not None
    seen = b""
    deadline = time.monotonic() + seconds
    while marker not in seen and time.monotonic() < deadline:
        ready, _, _ = select.select([process.stdout], [], [], 0.1)
        if ready:
            chunk = os.read(process.stdout.fileno(), 65536)
            if not chunk:
                break
            seen += chunk
    return seen


@pytest.fixture
def env(server: ReferenceServer) -> dict[str, str]:
    """The environment of a shell that exported the server's URL and a fresh key."""
    return {
        **os.environ,
        "AGENTKIT_BASE_URL": server.base_url,
        "AGENTKIT_API_KEY": server.create_api_key(),
    }


def serve(database: Path, *extra: str) -> tuple[subprocess.Popen[str], str, str]:
    """Start `agentkit serve` on a free port; its process, base URL and key."""
    process = subprocess.Popen(
        [sys.executable, "-m", "agentkit", "serve", "--port", "0", "--db", str(database), *extra],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    lines = [process.stdout.readline() for _ in range(3)]
    return process, lines[1].strip().split("=", 1)[1], lines[2].strip().split("=", 1)[1]


def wait_until_up(client: AgentKit) -> None:
    """Wait (10 s at most) until the server behind ``client`` answers."""
    deadline = time.monotonic() + 10
    while True:
        try:
            client.agents.list().first_page()
            return
        except APIConnectionError:
            assert time.monotonic() < deadline, "the server did not come up"
            time.sleep(0.1)


def stop(process: subprocess.Popen[Any]) -> None:
    process.terminate()
    process.wait(timeout=10)


class TestServe:
    def test_the_development_key_survives_a_restart(self, tmp_path: Path) -> None:
        """A second serve on the same database prints the same key, kept beside it, private."""
        database = tmp_path / "db.sqlite3"
        first, _, key = serve(database)
        stop(first)
        second, base_url, again = serve(database)
        try:
            assert again == key
            kept = tmp_path / "db.sqlite3.key"
            assert kept.read_text(encoding="utf-8").strip() == key
            assert stat.S_IMODE(kept.stat().st_mode) == 0o600
            with AgentKit(api_key=key, base_url=base_url) as client:
                wait_until_up(client)
                assert client.agents.create(name="kept").name == "kept"
        finally:
            stop(second)

    def test_a_given_key_is_the_one_accepted(self, tmp_path: Path) -> None:
        """--api-key names the key, which the server then accepts."""
        process, base_url, key = serve(tmp_path / "db.sqlite3", "--api-key", "ak_my_dev_key_1")
        try:
            assert key == "ak_my_dev_key_1"
            with AgentKit(api_key=key, base_url=base_url) as client:
                wait_until_up(client)
                assert list(client.agents.list()) == []
        finally:
            stop(process)

    def test_a_busy_port_mints_no_key(self, tmp_path: Path) -> None:
        """On a taken port serve fails before it makes a database or a key file."""
        with socket.socket() as taken:
            taken.bind(("127.0.0.1", 0))
            taken.listen()
            port = taken.getsockname()[1]
            out = agentkit("serve", "--port", str(port), "--db", str(tmp_path / "db.sqlite3"))
        assert out.returncode == 1
        assert list(tmp_path.iterdir()) == []

    def test_help_shows_the_defaults(self) -> None:
        """serve --help names each option's default."""
        out = agentkit("serve", "--help")
        assert out.returncode == 0
        for default in (
            "(default: 127.0.0.1)",
            "(default: 8765)",
            "./agentkit.sqlite3",
            "<db>.key",
        ):
            assert default in " ".join(out.stdout.split()), default


class TestAgents:
    def test_create_then_list_for_people_and_programs(self, env: dict[str, str]) -> None:
        """agents create prints what was made; list shows it, in columns or as JSON lines."""
        made = agentkit("agents", "create", "Helper", "--brain", "scripted", env=env)
        assert made.returncode == 0, made.stderr
        assert "Created agent agt_" in made.stdout and "Helper" in made.stdout
        listed = agentkit("agents", "list", env=env)
        assert listed.stdout.splitlines()[0].split() == ["ID", "NAME", "BRAIN", "CREATED"]
        assert "Helper" in listed.stdout and "scripted" in listed.stdout
        as_json = agentkit("agents", "list", "--json", env=env)
        (agent,) = [json.loads(line) for line in as_json.stdout.splitlines()]
        assert agent["name"] == "Helper" and agent["brain"] == "scripted"

    def test_errors_say_what_went_wrong(self, env: dict[str, str]) -> None:
        """A taken name is an API error (status 1); a bad base URL a usage error (status 2)."""
        agentkit("agents", "create", "Twice", env=env)
        again = agentkit("agents", "create", "Twice", env=env)
        assert again.returncode == 1
        assert "AGENT_NAME_TAKEN" in again.stderr
        bad = agentkit("agents", "list", "--base-url", "127.0.0.1:8765", env=env)
        assert bad.returncode == 2
        assert "http://127.0.0.1:8765" in bad.stderr
        assert "Traceback" not in bad.stderr + again.stderr

    def test_no_server_says_how_to_start_one(self, env: dict[str, str]) -> None:
        """Nothing listening: the message names the URL and the serve command."""
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        out = agentkit("agents", "list", "--base-url", f"http://127.0.0.1:{port}", env=env)
        assert out.returncode == 1
        assert f"agentkit serve --port {port}" in out.stderr


class TestChat:
    def test_one_message_by_agent_name(self, env: dict[str, str]) -> None:
        """chat NAME -m TEXT prints the streamed reply."""
        agentkit("agents", "create", "Echoer", env=env)
        out = agentkit("chat", "Echoer", "-m", "hello there", env=env)
        assert out.returncode == 0, out.stderr
        assert out.stdout.strip() == "hello there"

    def test_lines_from_a_pipe_make_one_chat(self, env: dict[str, str]) -> None:
        """Each line read is the next message of the same chat."""
        made = agentkit("agents", "create", "Script", "--brain", "scripted", "--json", env=env)
        agent = json.loads(made.stdout)["id"]
        out = agentkit("chat", agent, stdin="one\n\ntwo\n", env=env)
        assert out.stdout.splitlines() == ["You said: one", "You said: two"]
        with AgentKit(api_key=env["AGENTKIT_API_KEY"], base_url=env["AGENTKIT_BASE_URL"]) as client:
            (chat,) = list(client.chats.list(agent=agent))
            assert len(list(client.chats.list_messages(chat.id))) == 4

    def test_json_prints_every_event(self, env: dict[str, str]) -> None:
        """--json gives the metadata, content and done events, one per line."""
        made = agentkit("agents", "create", "Jsonish", "--json", env=env)
        out = agentkit("chat", json.loads(made.stdout)["id"], "-m", "hi you", "--json", env=env)
        types = [json.loads(line)["type"] for line in out.stdout.splitlines()]
        assert types[0] == "metadata" and types[-1] == "done" and "content" in types

    def test_ctrl_c_cancels_the_turn_not_the_chat(self, env: dict[str, str]) -> None:
        """Ctrl-C during a reply stops that reply; the command goes on to the next message."""
        made = agentkit("agents", "create", "Slow", "--brain", "scripted", "--json", env=env)
        process = subprocess.Popen(
            [sys.executable, "-m", "agentkit", "chat", json.loads(made.stdout)["id"]],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
        )
        try:
            assert process.stdin is not None
            process.stdin.write(b"/slow /long 400\nafter\n")
            process.stdin.close()
            assert b"tok1" in read_until(process, b"tok1")
            process.send_signal(signal.SIGINT)
            rest = read_until(process, b"after", seconds=30)
            rest += read_until(process, b"\n", seconds=5)
            assert process.wait(timeout=30) == 0
        finally:
            if process.poll() is None:
                process.kill()
        assert b"[turn cancelled]" in rest
        assert b"tok399" not in rest
        # The next message is answered, or reported busy while the cancelled turn ends.
        assert b"You said: after" in rest or b"The chat is busy" in rest


class TestSessions:
    def test_create_send_and_read_back(self, env: dict[str, str]) -> None:
        """session create, send (a readable turn) and tail --no-follow (the stored events)."""
        agentkit("agents", "create", "Thinker", "--brain", "scripted", env=env)
        made = agentkit("session", "create", "Thinker", "--json", env=env)
        session = json.loads(made.stdout)["id"]
        sent = agentkit("session", "send", session, "what is up", env=env)
        assert sent.returncode == 0, sent.stderr
        lines = sent.stdout.splitlines()
        assert lines[0] == "you> what is up"
        assert lines[1].startswith("(thinking) ")
        assert "You said: what is up" in lines
        assert lines[-1].startswith("[stop: end_turn, ")
        failed = agentkit("session", "send", session, "/error", env=env)
        assert failed.returncode == 1
        assert "error AGENT_ERROR:" in failed.stdout
        stored = agentkit("session", "tail", session, "--no-follow", "--json", env=env)
        events = [json.loads(line) for line in stored.stdout.splitlines()]
        assert [e["type"] for e in events].count("stop") == 2
        assert [e["id"] for e in events] == sorted(e["id"] for e in events)

    def test_tail_follows_live_until_ctrl_c(self, env: dict[str, str]) -> None:
        """session tail shows a turn sent from elsewhere as it happens; Ctrl-C ends it cleanly."""
        agentkit("agents", "create", "Live", "--brain", "scripted", env=env)
        session = json.loads(agentkit("session", "create", "Live", "--json", env=env).stdout)["id"]
        process = subprocess.Popen(
            [sys.executable, "-m", "agentkit", "session", "tail", session],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
        )
        try:
            time.sleep(1.0)  # the tail connects; events sent before it would be replayed anyway
            agentkit("session", "send", session, "follow me", env=env)
            seen = read_until(process, b"[stop:")
            process.send_signal(signal.SIGINT)
            assert process.wait(timeout=20) == 0
        finally:
            if process.poll() is None:
                process.kill()
        assert b"you> follow me" in seen
        assert b"You said: follow me" in seen


def _identity_env(server: ReferenceServer, handle: str) -> dict[str, str]:
    """The environment of someone who exported the key of a new messaging identity."""
    with AgentKit(api_key="", base_url=server.base_url) as anonymous:
        email = f"{handle}@example.test"
        pending = anonymous.identity.register(email=email, handle=handle, display_name=handle)
        code = server.last_code(email, "register")
        assert code is not None
        key = anonymous.identity.verify(pending.pending_id, code).api_key
    return {**os.environ, "AGENTKIT_BASE_URL": server.base_url, "AGENTKIT_API_KEY": key}


class TestMessaging:
    def test_send_then_read_the_history(self, server: ReferenceServer) -> None:
        """send @handle TEXT says where it went; history prints the conversation readably."""
        suffix = os.urandom(3).hex()
        alice = _identity_env(server, f"cli-alice-{suffix}")
        bob = _identity_env(server, f"cli-bob-{suffix}")
        sent = agentkit("send", f"@cli-bob-{suffix}", "hello bob", env=alice)
        assert sent.returncode == 0, sent.stderr
        assert sent.stdout.startswith("Sent msg_") and "seq 1" in sent.stdout
        as_json = agentkit("send", f"cli-bob-{suffix}", "again", "--json", env=alice)
        message = json.loads(as_json.stdout)
        conversation = message["conversation_id"]
        assert message["seq"] == 2 and message["content"] == {"text": "again"}
        reply = agentkit("send", conversation, "hi alice", env=bob)
        assert reply.returncode == 0, reply.stderr
        shown = agentkit("history", conversation, env=bob).stdout.splitlines()
        assert [line.split("  ")[-1] for line in shown] == [
            f"@cli-alice-{suffix}: hello bob",
            f"@cli-alice-{suffix}: again",
            f"@cli-bob-{suffix}: hi alice",
        ]
        later = agentkit("history", conversation, "--after", "2", "--json", env=alice)
        assert [json.loads(line)["seq"] for line in later.stdout.splitlines()] == [3]

    def test_listen_prints_stored_then_live_messages(self, server: ReferenceServer) -> None:
        """listen shows what was stored while away, then what arrives; Ctrl-C ends it with
        the cursor to resume from."""
        suffix = os.urandom(3).hex()
        alice = _identity_env(server, f"cli-sender-{suffix}")
        bob = _identity_env(server, f"cli-listener-{suffix}")
        agentkit("send", f"@cli-listener-{suffix}", "while you were away", env=alice)
        process = subprocess.Popen(
            [sys.executable, "-m", "agentkit", "listen"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=bob,
        )
        try:
            seen = read_until(process, b"while you were away")
            assert b"Listening as @cli-listener-" in seen
            agentkit("send", f"@cli-listener-{suffix}", "live now", env=alice)
            seen += read_until(process, b"live now")
            process.send_signal(signal.SIGINT)
            assert process.wait(timeout=20) == 0
            rest = process.stdout.read() if process.stdout else b""
        finally:
            if process.poll() is None:
                process.kill()
        lines = [line for line in seen.decode().splitlines() if f"@cli-sender-{suffix}" in line]
        assert [line.split(": ", 1)[1] for line in lines] == ["while you were away", "live now"]
        assert "#1 " in lines[0] and "#2 " in lines[1]
        assert b"Resume with: agentkit listen --after del_" in rest

    def test_a_refused_send_is_an_api_error(self, server: ReferenceServer) -> None:
        alice = _identity_env(server, f"cli-lone-{os.urandom(3).hex()}")
        out = agentkit("send", "@nobody-here-at-all", "hello?", env=alice)
        assert out.returncode == 1
        assert "IDENTITY_NOT_FOUND" in out.stderr and "Traceback" not in out.stderr


class TestEntryPoints:
    def test_python_dash_m_agentkit(self) -> None:
        """python -m agentkit is the agentkit command."""
        from agentkit import __version__

        out = agentkit("version")
        assert out.stdout.strip() == __version__

    def test_importing_agentkit_loads_no_command_line_code(self) -> None:
        """import agentkit loads neither the CLI nor argparse."""
        out = subprocess.run(
            [
                sys.executable,
                "-c",
                "import sys, agentkit; print([m for m in sys.modules if "
                "m in ('argparse', 'agentkit.cli') or m.startswith('agentkit._cli')])",
            ],
            capture_output=True,
            text=True,
            check=True,
        )
        assert out.stdout.strip() == "[]"
