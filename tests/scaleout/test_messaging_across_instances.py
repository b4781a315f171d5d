"""Messaging across server instances on one database: a ``client_msg_id`` makes one message
whichever instances its retries land on, and seqs and activity never repeat."""

from __future__ import annotations

import threading
from typing import Any

import psycopg

from agentkit import AgentKit, AwaitingReplyError
from tests.integration.messaging import unique_handle

from .conftest import StartInstances


def _register(server: Any) -> tuple[str, str]:
    """An identity registered on ``server``; its (handle, key)."""
    handle = unique_handle("scale")
    email = f"{handle}@example.test"
    with AgentKit(base_url=server.base_url, api_key="") as anonymous:
        pending = anonymous.identity.register(email=email, handle=handle, display_name="Scale")
        code = server.last_code(email, "register")
        made = anonymous.identity.verify(pending.pending_id, code)
    return handle, made.api_key


def _run_all(work: list[Any]) -> list[BaseException]:
    """Run each callable in a thread of its own, all at once; the errors they raised."""
    errors: list[BaseException] = []
    start = threading.Barrier(len(work))

    def run(job: Any) -> None:
        start.wait()
        try:
            job()
        except BaseException as exc:  # reported by the test
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(job,)) for job in work]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not any(thread.is_alive() for thread in threads), "a sender is still running"
    return errors


def test_the_same_client_msg_ids_through_two_instances_store_each_message_once(
    start_instances: StartInstances, postgres_url: str
) -> None:
    """Four senders (two per instance) send the same 30 client_msg_ids at once, in the same
    order, in step (so that the sends of each id race each other): every send answers the one message of its id; the conversation holds 30 messages
    (after the first), with seqs 2..31, no gap and no repeat."""
    one, two = start_instances(2)
    _, alice_key = _register(one)
    bob, _ = _register(two)
    # No retries: a send refused by a race between the instances must show, not be retried.
    clients = [
        AgentKit(base_url=s.base_url, api_key=alice_key, max_retries=0)
        for s in (one, two, one, two)
    ]
    try:
        conversation = clients[0].messages.send("hello", to=bob).conversation_id
        ids = [f"op-{n}" for n in range(30)]
        answers: list[dict[str, str]] = [{} for _ in clients]

        step = threading.Barrier(len(clients), timeout=60)

        def sender(client: AgentKit, into: dict[str, str]) -> Any:
            def send() -> None:
                for client_msg_id in ids:
                    step.wait()  # all four send this id at once
                    sent = client.messages.send(
                        f"text of {client_msg_id}",
                        conversation_id=conversation,
                        client_msg_id=client_msg_id,
                    )
                    into[client_msg_id] = f"{sent.id}@{sent.seq}"

            return send

        jobs = [sender(c, into) for c, into in zip(clients, answers, strict=True)]
        assert _run_all(jobs) == []
        for client_msg_id in ids:
            assert len({into[client_msg_id] for into in answers}) == 1, client_msg_id
        history = list(clients[1].messages.history(conversation, page_size=100))
        assert sorted(m.seq for m in history) == list(range(1, 32))
        assert sorted(m.client_msg_id for m in history if m.seq > 1) == sorted(ids)
        with psycopg.connect(postgres_url) as database:
            stored = database.execute(
                "SELECT COUNT(*), COUNT(DISTINCT client_msg_id) FROM msg_messages"
                " WHERE conversation_id = %s",
                (conversation,),
            ).fetchone()
        assert stored == (31, 31)
    finally:
        for client in clients:
            client.close()


def test_conversations_active_at_once_on_two_instances_never_share_an_activity(
    start_instances: StartInstances, postgres_url: str
) -> None:
    """Rounds of one send into each of six conversations, all at once through both instances:
    after each round every conversation has an activity of its own, so paging through them
    one at a time lists each exactly once."""
    one, two = start_instances(2)
    _, alice_key = _register(one)
    others = [_register(one if n % 2 else two)[0] for n in range(6)]
    clients = [AgentKit(base_url=s.base_url, api_key=alice_key, max_retries=0) for s in (one, two)]
    try:
        conversations = [clients[0].messages.send("hi", to=h).conversation_id for h in others]

        def send_into(client: AgentKit, conversation: str, text: str) -> Any:
            return lambda: client.messages.send(text, conversation_id=conversation)

        for round_number in range(5):
            jobs = [
                send_into(clients[k % 2], conversation, f"round {round_number}")
                for k, conversation in enumerate(conversations)
            ]
            assert _run_all(jobs) == []
            with psycopg.connect(postgres_url) as database:
                rows = database.execute("SELECT activity FROM msg_conversations").fetchall()
            activities = [row[0] for row in rows]
            assert len(activities) == len(set(activities)) == 6, activities
        listed = list(clients[0].conversations.list(page_size=1))
        assert sorted(c.id for c in listed) == sorted(conversations)
        assert all(c.last_seq == 6 for c in listed)
    finally:
        for client in clients:
            client.close()


def test_concurrent_sends_past_the_cold_limit_through_two_instances_store_only_the_limit(
    start_instances: StartInstances, postgres_url: str
) -> None:
    """Alice sends bob (who never answers) 24 messages, in three rounds of eight at once, half
    through each instance, with a cold-message limit of 5: exactly 5 are stored, numbered
    1..5, and every other send is refused with AWAITING_REPLY."""
    limit = 5
    one, two = start_instances(2, cold_message_limit=limit)
    _, alice_key = _register(one)
    bob, _ = _register(two)
    clients = [
        AgentKit(base_url=s.base_url, api_key=alice_key, max_retries=0) for s in (one, two) * 4
    ]
    try:
        sent: list[str] = []
        refused: list[AwaitingReplyError] = []
        lock = threading.Lock()
        step = threading.Barrier(len(clients), timeout=60)

        def sender(client: AgentKit, k: int) -> Any:
            def send() -> None:
                for n in range(3):
                    step.wait()  # the eight sends of a round race each other
                    try:
                        message = client.messages.send(f"cold {k}.{n}", to=bob)
                    except AwaitingReplyError as error:
                        with lock:
                            refused.append(error)
                    else:
                        with lock:
                            sent.append(message.id)

            return send

        assert _run_all([sender(client, k) for k, client in enumerate(clients)]) == []
        assert (len(sent), len(refused)) == (limit, 24 - limit)
        assert {(e.status_code, e.handle) for e in refused} == {(403, bob)}
        with psycopg.connect(postgres_url) as database:
            seqs = database.execute(
                "SELECT m.seq FROM msg_messages m JOIN msg_conversations c"
                " ON c.id = m.conversation_id WHERE c.kind = 'direct' ORDER BY m.seq"
            ).fetchall()
        assert [seq for (seq,) in seqs] == list(range(1, limit + 1))
    finally:
        for client in clients:
            client.close()
