"""Concurrent senders into one conversation: seqs without holes, and no error from the store."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from agentkit import AgentKit, AsyncAgentKit
from agentkit.testing import ReferenceServer
from tests.integration.messaging import register

SENDERS = 20
EACH = 10


def _check(history: list[Any], sent: list[Any]) -> None:
    assert [m.seq for m in history] == list(range(1, SENDERS * EACH + 2))
    assert sorted(m.id for m in sent) == sorted(m.id for m in history[1:])
    per_sender: dict[str, list[int]] = {}
    for message in history[1:]:
        per_sender.setdefault(message.metadata["sender"], []).append(message.seq)
    # Each sender's own messages keep the order it sent them in.
    assert all(seqs == sorted(seqs) for seqs in per_sender.values())


@pytest.mark.timeout(120)
def test_twenty_threads_send_at_once(make_client: Any, server: ReferenceServer) -> None:
    """20 sync clients on 20 threads: 200 messages, seq 1..201, none refused."""
    alice, bob = register(make_client, server), register(make_client, server)
    conversation = alice.client.messages.send("start", to=bob.handle).conversation_id
    keys = [alice.api_key, bob.api_key]

    def sender(index: int) -> list[Any]:
        with AgentKit(api_key=keys[index % 2], base_url=server.base_url, max_retries=0) as client:
            return [
                client.messages.send(
                    f"{index}-{n}", conversation_id=conversation, metadata={"sender": str(index)}
                )
                for n in range(EACH)
            ]

    with ThreadPoolExecutor(SENDERS) as pool:
        sent = [message for batch in pool.map(sender, range(SENDERS)) for message in batch]
    _check(list(alice.client.messages.history(conversation, page_size=100)), sent)


@pytest.mark.timeout(120)
def test_twenty_async_senders_at_once(make_client: Any, server: ReferenceServer) -> None:
    """20 async senders on one loop: 200 messages, seq 1..201, none refused."""
    alice, bob = register(make_client, server), register(make_client, server)
    conversation = alice.client.messages.send("start", to=bob.handle).conversation_id
    keys = [alice.api_key, bob.api_key]

    async def sender(client: AsyncAgentKit, index: int) -> list[Any]:
        return [
            await client.messages.send(
                f"{index}-{n}", conversation_id=conversation, metadata={"sender": str(index)}
            )
            for n in range(EACH)
        ]

    async def run() -> list[Any]:
        clients = [
            AsyncAgentKit(api_key=keys[i % 2], base_url=server.base_url, max_retries=0)
            for i in range(SENDERS)
        ]
        try:
            batches = await asyncio.gather(*(sender(c, i) for i, c in enumerate(clients)))
        finally:
            await asyncio.gather(*(client.aclose() for client in clients))
        return [message for batch in batches for message in batch]

    sent = asyncio.run(run())
    _check(list(alice.client.messages.history(conversation, page_size=100)), sent)
