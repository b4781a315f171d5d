"""Recipient backlogs: a warning header and callback past the soft threshold, a 429 at the cap."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

import agentkit
from agentkit.server import ServerConfig
from agentkit.testing import ReferenceServer
from tests.integration.messaging import register


@pytest.fixture(scope="module")
def server() -> Iterator[ReferenceServer]:
    with ReferenceServer(config=ServerConfig(backlog_warning=3, backlog_limit=5)) as running:
        yield running


def test_warning_then_refusal_then_reading_clears_it(
    make_client: Any, server: ReferenceServer
) -> None:
    warned: list[agentkit.BacklogWarning] = []
    alice = register(make_client, server, on_backlog_warning=warned.append)
    bob = register(make_client, server)
    sent = [alice.client.messages.send(f"m{n}", to=bob.handle) for n in range(2)]
    assert warned == []
    third = alice.client.messages.send.with_raw_response("m2", to=bob.handle)
    assert agentkit.backlog_warnings(third.headers) == [agentkit.BacklogWarning(bob.handle, 3)]
    sent += [third.parsed, alice.client.messages.send("m3", to=bob.handle)]
    sent.append(alice.client.messages.send("m4", to=bob.handle))
    assert [w.undelivered_count for w in warned] == [3, 4, 5]
    assert {w.handle for w in warned} == {bob.handle}
    with pytest.raises(agentkit.RecipientBackloggedError) as caught:
        alice.client.messages.send("m5", to=bob.handle)
    assert (caught.value.status_code, caught.value.handle) == (429, bob.handle)
    assert caught.value.undelivered_count == 5
    assert caught.value.retries_taken == 0
    assert isinstance(caught.value, agentkit.RateLimitedError)
    bob.client.messages.mark_read(sent[-1].id)
    after = alice.client.messages.send.with_raw_response("m6", to=bob.handle)
    assert agentkit.backlog_warnings(after.headers) == []
    assert after.parsed.seq == 6


def test_malformed_headers_are_skipped() -> None:
    """The header is advice: entries that do not parse are left out."""
    headers = {"x-backlog-warning": "ann=5, =3, bo=x, cy=²,dee=7"}
    assert agentkit.backlog_warnings(headers) == [
        agentkit.BacklogWarning("ann", 5),
        agentkit.BacklogWarning("dee", 7),
    ]


def test_rate_limits_are_per_identity(make_client: Any) -> None:
    """Past the per-key limit an identity's sends get 429 with Retry-After; another's do not."""
    with ReferenceServer(config=ServerConfig(rate_limit_per_minute=4)) as limited:
        alice = register(make_client, limited, max_retries=0)
        bob = register(make_client, limited, max_retries=0)
        sent = alice.client.messages.send("one", to=bob.handle)
        with pytest.raises(agentkit.RateLimitedError) as caught:
            for n in range(5):
                alice.client.messages.send(f"m{n}", conversation_id=sent.conversation_id)
        assert caught.value.status_code == 429
        assert caught.value.retry_after is not None and caught.value.retry_after > 0
        bob.client.messages.send("my own budget", conversation_id=sent.conversation_id)
