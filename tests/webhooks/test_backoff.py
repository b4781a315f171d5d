"""The sender's pure parts: which endpoints take an event type, and the backoff between tries."""

from __future__ import annotations

from typing import Any

import pytest

from agentkit.server import ServerConfig
from agentkit.server.webhooks.delivery import WebhookDispatcher, matches


@pytest.mark.parametrize(
    ("filters", "event_type", "expected"),
    [
        (["*"], "message.new", True),
        (["message.new"], "message.new", True),
        (["message.new"], "message.read", False),
        (["typing.*"], "typing.start", True),
        (["typing.*"], "typing", False),
        (["typing.*"], "typingx.start", False),
        (["group.*"], "group.invite.received", True),
        (["message.read", "presence.update"], "presence.update", True),
        ([], "message.new", False),
    ],
)
def test_event_type_filters(filters: list[str], event_type: str, expected: bool) -> None:
    """Exact names, prefixes ending in .*, and * select the event types they say."""
    assert matches(filters, event_type) is expected


class _State:
    def __init__(self, config: ServerConfig) -> None:
        self.config = config


def test_backoff_doubles_up_to_the_cap() -> None:
    """Each retry waits about twice the one before (up to 10 % more), never past the cap."""
    state: Any = _State(ServerConfig(webhook_retry_base=1.0, webhook_retry_max=10.0))
    dispatcher = WebhookDispatcher(state)
    for run, base in ((1, 1.0), (2, 2.0), (3, 4.0), (4, 8.0), (5, 10.0), (30, 10.0)):
        for _ in range(20):
            delay = dispatcher._backoff(run)
            assert base <= delay <= base * 1.1, (run, delay)
