"""Several reference server instances on one PostgreSQL database: what one writes, the others
see at once; a duplicate that reaches another instance replays; an instance's death closes its
turns elsewhere. Two instances in this process (their own connections each, as two processes
have), and a real process where one must die."""

from __future__ import annotations

import json
import os
import re
import secrets
import signal
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from agentkit import AgentKit
from agentkit._postgres_for_tests import PostgresForTests
from agentkit.server import ServerConfig
from agentkit.testing import ReferenceServer
from tests.integration.messaging import unique_handle
from tests.server.realtime_client import Socket

SECRET = secrets.token_urlsafe(32)
DEAD_AFTER = 1.0


def _config(url: str, blobs: Path, **options: Any) -> ServerConfig:
    options.setdefault("instance_dead_after", DEAD_AFTER)
    return ServerConfig(
        database_url=url,
        secret_key=SECRET,
        blob_dir=str(blobs),
        allow_loopback_urls=True,
        **options,
    )


@pytest.fixture
def database(postgres: PostgresForTests) -> Iterator[str]:
    url = postgres.new_database()
    try:
        yield url
    finally:
        postgres.drop_database(url)


@pytest.fixture
def pair(database: str, tmp_path: Path) -> Iterator[tuple[ReferenceServer, ReferenceServer]]:
    """Two instances on one database; the second shares the first's organization and key."""
    with ReferenceServer(_config(database, tmp_path, echo_delay=0.05)) as first:
        with ReferenceServer(_config(database, tmp_path, echo_delay=0.05)) as second:
            second.api_key = first.api_key
            yield first, second


def _api(server: ReferenceServer, key: str | None = None) -> httpx.Client:
    return httpx.Client(
        base_url=server.base_url,
        headers={"Authorization": f"Bearer {key or server.api_key}"},
        timeout=30,
    )


def _text(content: str) -> dict[str, Any]:
    return {"message": {"parts": [{"type": "text", "content": content}]}}


def _chat(api: httpx.Client, agent_id: str) -> str:
    made = api.post("/v1/chats", json={"agent_id": agent_id, **_text("hello")})
    assert made.status_code == 201, made.text
    return str(made.json()["id"])


def _sse(lines: Iterator[str]) -> Iterator[tuple[str, dict[str, Any]]]:
    kind = ""
    for line in lines:
        if line.startswith("event:"):
            kind = line.split(":", 1)[1].strip()
        elif line.startswith("data:"):
            yield kind, json.loads(line.split(":", 1)[1])


def test_a_turn_on_one_instance_streams_live_to_a_reader_on_the_other(
    pair: tuple[ReferenceServer, ReferenceServer],
) -> None:
    """A reader of the other instance follows the running turn to its end (it knows the turn
    runs), and gets each delta as it is written, not all at the end."""
    first, second = pair
    with _api(first) as one, _api(second) as two:
        agent = one.post("/v1/agents", json={"name": "Echo", "brain": "echo"}).json()
        chat_id = _chat(one, agent["id"])
        seen = len(two.get(f"/v1/chats/{chat_id}/events?after=0").text.split("event:")) - 1
        words = " ".join(f"w{i}" for i in range(30))  # 30 words, 50 ms apart: 1.5 s of turn
        sender = threading.Thread(
            target=lambda: one.post(f"/v1/chats/{chat_id}/messages", json=_text(words))
        )
        sender.start()
        arrivals: list[tuple[float, str]] = []
        deadline = time.monotonic() + 5
        while not arrivals:  # until the turn has started: before, the stream ends at once
            assert time.monotonic() < deadline, "the turn did not start"
            with two.stream("GET", f"/v1/chats/{chat_id}/events?after={seen}") as events:
                assert events.status_code == 200
                for kind, _ in _sse(events.iter_lines()):
                    arrivals.append((time.monotonic(), kind))
        sender.join(timeout=30)
    kinds = [kind for _, kind in arrivals]
    assert kinds[0] == "metadata" and kinds[-1] == "done"
    contents = [moment for moment, kind in arrivals if kind == "content"]
    assert len(contents) == 30
    # Live: the deltas came over the turn's length, as they were written on the other instance.
    assert contents[-1] - contents[0] > 0.8


def test_a_duplicate_sent_to_both_instances_at_once_acts_once(
    pair: tuple[ReferenceServer, ReferenceServer],
) -> None:
    first, second = pair
    with _api(first) as one, _api(second) as two:
        agent = one.post("/v1/agents", json={"name": "Echo", "brain": "echo"}).json()
        chat_id = _chat(one, agent["id"])
        for attempt in range(5):
            key = uuid.uuid4().hex
            answers: list[httpx.Response] = []

            def post(api: httpx.Client, text: str, key: str, into: list[httpx.Response]) -> None:
                into.append(
                    api.post(
                        f"/v1/chats/{chat_id}/messages",
                        json=_text(text),
                        headers={"Idempotency-Key": key},
                    )
                )

            threads = [
                threading.Thread(target=post, args=(api, f"once {attempt}", key, answers))
                for api in (one, two)
            ]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(timeout=30)
            assert [a.status_code for a in answers] == [200, 200], [a.text for a in answers]
            assert answers[0].json() == answers[1].json()
            replayed = [a.headers.get("idempotent-replayed") for a in answers]
            assert sorted(replayed, key=str) == sorted([None, "true"], key=str)
        messages = one.get(f"/v1/chats/{chat_id}/messages?limit=100").json()["data"]
        texts = [m["parts"][0]["content"] for m in messages if m["role"] == "user"]
        assert texts == ["hello", *[f"once {i}" for i in range(5)]]


def test_a_realtime_connection_on_one_instance_hears_a_send_through_the_other(
    pair: tuple[ReferenceServer, ReferenceServer],
) -> None:
    first, second = pair
    identities = []
    for _ in range(2):
        handle = unique_handle("pair")
        email = f"{handle}@example.test"
        with AgentKit(base_url=first.base_url, api_key="") as anonymous:
            pending = anonymous.identity.register(email=email, handle=handle, display_name=handle)
            code = first.last_code(email, "register")
            assert code is not None
            identities.append((handle, anonymous.identity.verify(pending.pending_id, code).api_key))
    (_, alice_key), (bob, bob_key) = identities
    socket = Socket(first)
    socket.hello(bob_key)
    # The second message must go through the store: larger than a notification holds.
    with AgentKit(base_url=second.base_url, api_key=alice_key) as alice:
        for text in ("hi bob", "x" * 9000):
            sent = alice.messages.send(text, to="@" + bob)
            frame = socket.recv_type("message.new", timeout=5)
            assert frame["payload"]["id"] == sent.id
            assert frame["payload"]["content"]["text"] == text
    socket.close()


def _serve(url: str, tmp_path: Path, key: str) -> tuple[subprocess.Popen[str], str]:
    argv = [sys.executable, "-m", "agentkit", "serve", "--port", "0", "--database", url]
    # "--name=value": a generated secret or key may start with "-", which argparse reads as an option.
    argv += [f"--secret-key={SECRET}", "--blob-dir", str(tmp_path), f"--api-key={key}"]
    argv += ["--echo-delay", "0.2", "--instance-dead-after", str(DEAD_AFTER)]
    process = subprocess.Popen(
        argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=os.environ.copy()
    )
    assert process.stdout is not None
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if found := re.search(r"AGENTKIT_BASE_URL=(\S+)", line):
            return process, found.group(1)
    process.kill()
    raise RuntimeError("the server process did not start")


def test_the_turns_of_an_instance_that_died_are_closed_by_another(
    database: str, tmp_path: Path
) -> None:
    with ReferenceServer(_config(database, tmp_path)) as survivor:
        process, base_url = _serve(database, tmp_path, survivor.api_key)
        try:
            with (
                httpx.Client(
                    base_url=base_url, headers={"Authorization": f"Bearer {survivor.api_key}"}
                ) as doomed,
                _api(survivor) as api,
            ):
                agent = api.post("/v1/agents", json={"name": "Slow", "brain": "echo"}).json()
                chat_id = _chat(api, agent["id"])
                words = " ".join(f"w{i}" for i in range(50))  # 10 s at 0.2 s a word
                with doomed.stream(
                    "POST", f"/v1/chats/{chat_id}/messages/stream", json=_text(words)
                ) as streamed:
                    for kind, _ in _sse(streamed.iter_lines()):
                        if kind == "content":
                            break
                    # The turn runs on the doomed instance: the survivor refuses a second one.
                    busy = api.post(f"/v1/chats/{chat_id}/messages", json=_text("too soon"))
                    assert busy.status_code == 409
                    assert busy.json()["error"]["code"] == "CHAT_NOT_ACTIVE"
                    process.send_signal(signal.SIGKILL)
                    process.wait(timeout=10)
            deadline = time.monotonic() + 15
            kinds: list[str] = []
            with _api(survivor) as api:
                while time.monotonic() < deadline:
                    events = api.get(f"/v1/chats/{chat_id}/events?after=0", timeout=10)
                    kinds = [kind for kind, _ in _sse(iter(events.text.splitlines()))]
                    if kinds[-1:] == ["error"]:
                        break
                    time.sleep(0.2)
                assert kinds[-1:] == ["error"], kinds
                answered = api.post(f"/v1/chats/{chat_id}/messages", json=_text("again"))
                assert answered.status_code == 200, answered.text
        finally:
            if process.poll() is None:
                process.kill()
                process.wait(timeout=10)


def test_a_session_turn_running_on_one_instance_is_cancelled_through_the_other(
    pair: tuple[ReferenceServer, ReferenceServer],
) -> None:
    first, second = pair
    with _api(first) as one, _api(second) as two:
        agent = one.post("/v1/agents", json={"name": "Scripted", "brain": "scripted"}).json()
        session = one.post("/v1/sessions", json={"agent_id": agent["id"]}).json()
        path = f"/v1/sessions/{session['id']}"
        message = {"message": {"parts": [{"type": "text", "content": "/slow /long 400"}]}}
        with one.stream("POST", f"{path}/messages/stream", json=message) as streamed:
            deltas = 0
            for kind, _ in _sse(streamed.iter_lines()):
                deltas += kind == "text_delta"
                if deltas == 3:
                    break
            cancelled = two.post(f"{path}/cancel")
        assert cancelled.status_code == 200, cancelled.text
        state = cancelled.json()
        assert state["status"] == "user_turn"
        assert state["messages"][1]["status"] == "cancelled"
        events = two.get(f"{path}/events?after=0").text
        stops = [data for kind, data in _sse(iter(events.splitlines())) if kind == "stop"]
        assert stops[-1]["reason"] == "cancelled"


def test_typing_is_relayed_to_a_member_connected_to_the_other_instance(
    pair: tuple[ReferenceServer, ReferenceServer],
) -> None:
    first, second = pair
    members = []
    for _ in range(2):
        handle = unique_handle("typing")
        email = f"{handle}@example.test"
        with AgentKit(base_url=first.base_url, api_key="") as anonymous:
            pending = anonymous.identity.register(email=email, handle=handle, display_name=handle)
            code = first.last_code(email, "register")
            assert code is not None
            members.append((handle, anonymous.identity.verify(pending.pending_id, code).api_key))
    (alice, alice_key), (bob, bob_key) = members
    with AgentKit(base_url=first.base_url, api_key=alice_key) as client:
        conversation = client.messages.send("hi", to="@" + bob).conversation_id
    to_bob, from_alice = Socket(first), Socket(second)
    to_bob.hello(bob_key)
    from_alice.hello(alice_key)
    to_bob.recv_type("message.new", timeout=5)
    from_alice.send({"type": "typing.start", "conversation_id": conversation})
    frame = to_bob.recv_type("typing.start", timeout=5)
    assert frame["payload"] == {"conversation_id": conversation, "handle": alice}
    to_bob.close()
    from_alice.close()


def test_a_streamed_post_retried_on_the_other_instance_resumes_its_turn(
    pair: tuple[ReferenceServer, ReferenceServer],
) -> None:
    """The client lost the stream of its turn on one instance; the retry (same key, with the
    last event id it saw) reaches the other instance and gets the rest of that same turn."""
    first, second = pair
    key = uuid.uuid4().hex
    words = " ".join(f"w{i}" for i in range(20))
    with _api(first) as one, _api(second) as two:
        agent = one.post("/v1/agents", json={"name": "Echo", "brain": "echo"}).json()
        chat_id = _chat(one, agent["id"])
        path = f"/v1/chats/{chat_id}/messages/stream"
        headers = {"Idempotency-Key": key}
        seen: list[str] = []
        last_id = ""
        with one.stream("POST", path, json=_text(words), headers=headers) as streamed:
            for line in streamed.iter_lines():
                if line.startswith("id:"):
                    last_id = line.split(":", 1)[1].strip()
                if line.startswith("data:"):
                    seen.append(json.loads(line[5:]).get("delta", ""))
                    if len(seen) == 4:  # metadata and three deltas, then the connection drops
                        break
        headers["Last-Event-ID"] = last_id
        with two.stream("POST", path, json=_text(words), headers=headers) as retried:
            assert retried.status_code == 200
            assert retried.headers.get("idempotent-replayed") == "true"
            rest = list(_sse(retried.iter_lines()))
        assert rest[-1][0] == "done"
        deltas = [*seen[1:], *(data["delta"] for kind, data in rest if kind == "content")]
        assert "".join(deltas).split() == words.split()
        messages = one.get(f"/v1/chats/{chat_id}/messages?limit=100").json()["data"]
        assert [m["role"] for m in messages] == ["user", "agent", "user", "agent"]


def _terminate(database: str, application: str) -> int:
    """End the database sessions whose application name starts with ``application``."""
    import psycopg

    with psycopg.connect(database, autocommit=True) as admin:
        rows = admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name LIKE %s",
            (application + "%",),
        ).fetchall()
    return len(rows)


def test_an_instance_outlives_the_loss_of_its_connections(database: str, tmp_path: Path) -> None:
    """Both connections of an instance are cut (a database restart looks so): requests fail at
    most once, then work; a reader elsewhere still sees its turns, after listening again."""
    config = _config(database, tmp_path, echo_delay=0.05, instance_dead_after=5.0)
    with ReferenceServer(config) as first, ReferenceServer(config) as second:
        second.api_key = first.api_key
        with _api(first) as one, _api(second) as two:
            agent = one.post("/v1/agents", json={"name": "Echo", "brain": "echo"}).json()
            chat_id = _chat(one, agent["id"])
            assert _terminate(database, "agentkit") >= 4  # both instances, both connections
            statuses = [one.get(f"/v1/chats/{chat_id}").status_code for _ in range(3)]
            assert statuses[-1] == 200 and set(statuses) <= {200, 500}
            assert two.get(f"/v1/chats/{chat_id}").status_code in (200, 500)
            assert two.get(f"/v1/chats/{chat_id}").status_code == 200
            time.sleep(1.5)  # the listeners connect again (they wait a second first)
            sender = threading.Thread(
                target=lambda: one.post(f"/v1/chats/{chat_id}/messages", json=_text("a b c d e"))
            )
            sender.start()
            arrivals: list[str] = []
            deadline = time.monotonic() + 5
            while "done" not in arrivals:
                assert time.monotonic() < deadline, arrivals
                with two.stream("GET", f"/v1/chats/{chat_id}/events?after=3") as events:
                    arrivals = [kind for kind, _ in _sse(events.iter_lines())]
            sender.join(timeout=30)
            assert arrivals.count("content") == 5, two.get(
                f"/v1/chats/{chat_id}/events?after=0"
            ).text


def test_a_send_waiting_on_anothers_backlog_count_sees_it(database: str) -> None:
    """Two instances send to one recipient one slot below its backlog limit. The first's send
    is uncommitted (its group still open) when the second counts: the second waits for it,
    then finds the limit reached and stores nothing."""
    from agentkit.server.messaging.records import BacklogFull
    from agentkit.server.store import SQLiteStore

    first, second = SQLiteStore(database), SQLiteStore(database)
    try:
        stamp = "2026-12-03T00:00:00.000Z"
        alice = first.direct_conversation("idn_alice", "idn_bob", stamp)
        carol = first.direct_conversation("idn_carol", "idn_bob", stamp)

        def message(sender: str, conversation_id: str) -> dict[str, Any]:
            return {
                "id": "msg_" + uuid.uuid4().hex,
                "conversation_id": conversation_id,
                "sender": sender,
                "sender_id": sender,
                "client_msg_id": uuid.uuid4().hex,
                "type": "text",
                "content": {"text": "hi"},
                "metadata": {},
                "created_at": stamp,
            }

        first.send_message(alice, message("idn_alice", alice), "f", backlog_limit=2)
        refused: list[BaseException] = []

        def second_send() -> None:
            try:
                second.send_message(carol, message("idn_carol", carol), "f", backlog_limit=2)
            except BacklogFull as full:
                refused.append(full)

        with first.atomic():  # an open group, as a request's writes on a loop are
            first.send_message(alice, message("idn_alice", alice), "f", backlog_limit=2)
            waiting = threading.Thread(target=second_send)
            waiting.start()
            time.sleep(0.3)
            assert waiting.is_alive()  # it waits for the count the first send holds
        waiting.join(timeout=10)
        assert len(refused) == 1
        assert first.backlogs(["idn_bob"]) == {"idn_bob": 2}
        assert first.messages(carol, "idn_bob", before=None, after=None, limit=10) == []
    finally:
        first.close()
        second.close()


def test_a_send_waiting_on_anothers_cold_count_sees_it(database: str) -> None:
    """Two instances send alice's messages to bob, who never answered, one below the cold
    limit. The first's send is uncommitted (its group still open) when the second counts: the
    second waits on the conversation's row, then finds the limit reached and stores nothing."""
    from agentkit.server.messaging.records import ColdLimitReached
    from agentkit.server.store import SQLiteStore

    first, second = SQLiteStore(database), SQLiteStore(database)
    try:
        stamp = "2026-12-03T00:00:00.000Z"
        direct = first.direct_conversation("idn_alice", "idn_bob", stamp)

        def message() -> dict[str, Any]:
            return {
                "id": "msg_" + uuid.uuid4().hex,
                "conversation_id": direct,
                "sender": "alice",
                "sender_id": "idn_alice",
                "client_msg_id": uuid.uuid4().hex,
                "type": "text",
                "content": {"text": "hi"},
                "metadata": {},
                "created_at": stamp,
            }

        first.send_message(direct, message(), "f", cold_limit=2)
        refused: list[ColdLimitReached] = []

        def second_send() -> None:
            try:
                second.send_message(direct, message(), "f", cold_limit=2)
            except ColdLimitReached as cold:
                refused.append(cold)

        with first.atomic():  # an open group, as a request's writes on a loop are
            first.send_message(direct, message(), "f", cold_limit=2)
            waiting = threading.Thread(target=second_send)
            waiting.start()
            time.sleep(0.3)
            assert waiting.is_alive()  # it waits for the conversation the first send holds
        waiting.join(timeout=10)
        assert [(cold.recipient_id, cold.sent) for cold in refused] == [("idn_bob", 2)]
        stored = first.messages(direct, "idn_bob", before=None, after=None, limit=10)
        assert [m["seq"] for m in stored] == [2, 1]
    finally:
        first.close()
        second.close()
