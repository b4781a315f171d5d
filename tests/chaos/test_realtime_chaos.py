"""Realtime under chaos: a proxy drops, delays and reorders websocket frames and kills the
connections while several senders send across many conversations; every receiver's handler
must see every message exactly once, in seq order per conversation, for both clients.

``make test`` sends 600 messages per client kind; ``AGENTKIT_CHAOS_MESSAGES=5000`` (``make
chaos``) runs the full 5,000.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from agentkit.testing import ReferenceServer
from tests.chaos.realtime_scenario import every_message_once_in_order
from tests.chaos.ws_proxy import FrameFaultProxy, FrameFaults

MESSAGES = int(os.environ.get("AGENTKIT_CHAOS_MESSAGES", "600"))

pytestmark = pytest.mark.slow


@pytest.fixture
def proxy(server: ReferenceServer) -> Iterator[FrameFaultProxy]:
    upstream = server.base_url.replace("http://", "ws://") + "/v1/realtime"
    with FrameFaultProxy(upstream, FrameFaults(), seed=11) as running:
        yield running


@pytest.mark.parametrize("kind", ["sync", "async"])
def test_every_message_once_in_order_through_a_faulty_proxy(
    kind: str, server: ReferenceServer, proxy: FrameFaultProxy
) -> None:
    """Under dropped, delayed and reordered frames and killed connections, every receiver
    handles every message sent to it exactly once, in seq order per conversation."""
    every_message_once_in_order(server, proxy, kind, MESSAGES)
