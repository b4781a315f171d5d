"""Messaging across server instances on one database: a ``client_msg_id`` makes one message
whichever instances its retries land on, and seqs and activity never repeat."""

from __future__ import annotations

import threading
from typing import Any

import psycopg

from agentkit import AgentKit
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
