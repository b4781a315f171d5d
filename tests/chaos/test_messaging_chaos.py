"""Sends through a fault-injecting proxy: every send lands exactly once, numbered without holes.

Each request takes a fresh connection (no keep-alive), so the proxy's per-connection faults
strike 30 % of requests: dropped before the server sees them, reset after the server answered
(the message is stored, the client never hears), or answered 500 by the proxy itself.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest

from agentkit.testing import ReferenceServer
from tests.chaos.conftest import ProxyFactory
from tests.chaos.sends import FreshConnections, quick_retries, thirty_percent_faults
from tests.integration.messaging import register

SENDS = 1000


@pytest.fixture(scope="module")
def server() -> Iterator[ReferenceServer]:
    with ReferenceServer() as running:
        yield running


@pytest.mark.slow
@pytest.mark.timeout(300)
def test_a_thousand_sends_under_thirty_percent_faults_land_exactly_once(
    make_client: Any, server: ReferenceServer, fault_proxy: ProxyFactory
) -> None:
    """1,000 sends give exactly 1,000 messages, seq 1..1,000, each client_msg_id once."""
    alice, bob = register(make_client, server), register(make_client, server)
    conversation = alice.client.messages.send("start", to=bob.handle).conversation_id
    parts = urlsplit(server.base_url)
    assert parts.hostname is not None and parts.port is not None
    proxy = fault_proxy((parts.hostname, parts.port), thirty_percent_faults(20261203))
    through = quick_retries(
        make_client(api_key=alice.api_key, base_url=proxy.url, transport=FreshConnections())
    )
    sent_ids = []
    for n in range(SENDS):
        message = through.messages.send(f"m{n}", conversation_id=conversation)
        sent_ids.append(message.client_msg_id)
    stats = proxy.stats()
    assert stats.connections > SENDS * 1.2  # the faults struck, and were retried
    history = list(bob.client.messages.history(conversation, page_size=200))
    assert [m.seq for m in history] == list(range(1, SENDS + 2))
    ids = [m.client_msg_id for m in history[1:]]
    assert ids == sent_ids
    assert len(set(ids)) == SENDS
    assert [m.content.text for m in history[1:]] == [f"m{n}" for n in range(SENDS)]
