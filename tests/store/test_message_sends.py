"""A message send in the store, on both databases: its statements go in two batches, and what
they write must be the same as one statement at a time, all of it or none."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from agentkit._postgres_for_tests import PostgresForTests
from agentkit.server.messaging.records import BacklogFull
from agentkit.server.store import SQLiteStore

STAMP = "2026-12-03T00:00:00.000Z"
# More than one INSERT of delivery rows holds.
MEMBERS = 230


@pytest.fixture(params=["sqlite", "postgresql"])
def store(
    request: pytest.FixtureRequest, tmp_path: Path, postgres: PostgresForTests
) -> Iterator[SQLiteStore]:
    target = str(tmp_path / "store.sqlite3")
    if request.param == "postgresql":
        target = postgres.new_database()
    opened = SQLiteStore(target)
    try:
        yield opened
    finally:
        opened.close()
        if request.param == "postgresql":
            postgres.drop_database(target)


def _message(sender: str, conversation_id: str, client_msg_id: str | None = None) -> Any:
    return {
        "id": "msg_" + uuid.uuid4().hex,
        "conversation_id": conversation_id,
        "sender": sender,
        "sender_id": sender,
        "client_msg_id": client_msg_id or uuid.uuid4().hex,
        "type": "text",
        "content": {"text": "hi"},
        "metadata": {},
        "created_at": STAMP,
    }


def _group(store: SQLiteStore) -> tuple[str, list[str]]:
    group_id = "grp_" + uuid.uuid4().hex
    store.create_group({"id": group_id, "name": "crowd", "created_at": STAMP}, "idn_sender")
    others = [f"idn_{number:04d}" for number in range(MEMBERS - 1)]
    for identity_id in reversed(others):
        store.add_member(group_id, identity_id)
    return group_id, others


def _deliveries(store: SQLiteStore, message_id: str) -> list[tuple[str, int]]:
    rows = store._database.all(
        "SELECT recipient_id, seq FROM msg_deliveries WHERE message_id = ? ORDER BY recipient_id",
        message_id,
    )
    return [(str(recipient), int(seq)) for recipient, seq in rows]


def test_a_group_send_reaches_every_member_once(store: SQLiteStore) -> None:
    group_id, others = _group(store)
    message = _message("idn_sender", group_id)
    sent = store.send_message(group_id, message, "print")
    assert not sent.replayed
    assert sent.message["seq"] == 1
    assert list(sent.recipients) == others  # in one order, whoever joined first
    assert sent.backlogs == dict.fromkeys(others, 1)
    assert _deliveries(store, message["id"]) == [(identity, 1) for identity in others]
    assert store.backlogs(others) == dict.fromkeys(others, 1)
    read = store._database.one(
        "SELECT last_read_seq FROM msg_members WHERE conversation_id = ? AND identity_id = ?",
        group_id,
        "idn_sender",
    )
    assert read is not None and read[0] == 1  # the sender has read its own message


def test_one_full_backlog_refuses_the_whole_send(store: SQLiteStore) -> None:
    group_id, others = _group(store)
    store.send_message(group_id, _message("idn_sender", group_id), "print", backlog_limit=2)
    # One recipient reaches its limit through a direct conversation of its own.
    direct = store.direct_conversation("idn_friend", others[-1], STAMP)
    store.send_message(direct, _message("idn_friend", direct), "print", backlog_limit=2)
    refused = _message("idn_sender", group_id)
    with pytest.raises(BacklogFull) as full:
        store.send_message(group_id, refused, "print", backlog_limit=2)
    assert full.value.recipient_id == others[-1]
    assert _deliveries(store, refused["id"]) == []
    assert store.backlogs(others) == {**dict.fromkeys(others, 1), others[-1]: 2}
    # Nothing of it was kept, its seq included: the next send takes seq 2.
    assert (
        store.send_message(group_id, _message("idn_sender", group_id), "print").message["seq"] == 2
    )


def test_a_repeated_client_msg_id_answers_the_first_message(store: SQLiteStore) -> None:
    direct = store.direct_conversation("idn_a", "idn_b", STAMP)
    first = store.send_message(direct, _message("idn_a", direct, "same"), "print")
    again = store.send_message(direct, _message("idn_a", direct, "same"), "other print")
    assert again.replayed
    assert again.message == first.message
    assert again.fingerprint == "print"
    # The refused repeat took no seq and no delivery.
    after = store.send_message(direct, _message("idn_a", direct), "print")
    assert after.message["seq"] == 2
    assert store.backlogs(["idn_b"]) == {"idn_b": 2}
