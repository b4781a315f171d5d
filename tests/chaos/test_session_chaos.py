"""Sessions through a fault-injecting TCP proxy: real resets and stalls on real sockets.

Setup calls go straight to the server; only the calls under test go through the proxy, so each
of their connections takes the next fault of the schedule. Afterwards the server's own record
(the stored history, the messages) shows that nothing was lost or done twice.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest

from agentkit.testing import ReferenceServer
from agentkit.types import SessionStopEvent, SessionTextDeltaEvent
from tests.chaos.conftest import ProxyFactory
from tests.chaos.proxy import delay, reset_after


@pytest.fixture(scope="module")
def server() -> Iterator[ReferenceServer]:
    with ReferenceServer() as running:
        yield running


def _upstream(server: ReferenceServer) -> tuple[str, int]:
    parts = urlsplit(server.base_url)
    assert parts.hostname is not None and parts.port is not None
    return parts.hostname, parts.port


class TestResetsMidStream:
    def test_a_stream_reset_three_times_arrives_whole(
        self, make_client: Any, server: ReferenceServer, fault_proxy: ProxyFactory
    ) -> None:
        """TCP resets at three points of a long turn: the SDK resumes each time with the same
        Idempotency-Key and Last-Event-ID, and the events equal the stored history exactly."""
        key = server.create_api_key()
        direct = make_client(api_key=key)
        agent = direct.agents.create(name="Long", brain="scripted")
        session = direct.sessions.create(agent.id)
        proxy = fault_proxy(
            _upstream(server), [reset_after(4_000), reset_after(25_000), reset_after(60_000)]
        )
        sent: list[Any] = []
        through = make_client(api_key=key, base_url=proxy.url, on_request=sent.append)
        with through.sessions.stream_send(session.id, "/long 2000") as stream:
            events = [event.to_dict() for event in stream]
            assert stream.reconnects == 3
        assert proxy.stats().connections == 4
        stored = [event.to_dict() for event in direct.sessions.history(session.id)]
        assert events == stored
        assert [event["id"] for event in events] == list(range(1, len(events) + 1))
        deltas = [e["content"] for e in events if e["type"] == "text_delta"]
        assert deltas == [f"tok{i} " for i in range(2000)]
        posts = [info for info in sent if info.method == "POST"]
        assert len(posts) == 4
        assert len({info.headers["idempotency-key"] for info in posts}) == 1
        assert all(info.headers.get("last-event-id", "").isdigit() for info in posts[1:])

    def test_a_followed_stream_survives_a_reset(
        self, make_client: Any, server: ReferenceServer, fault_proxy: ProxyFactory
    ) -> None:
        """A reset of `events()` resumes with Last-Event-ID: no event lost or repeated."""
        key = server.create_api_key()
        direct = make_client(api_key=key)
        agent = direct.agents.create(name="Long", brain="scripted")
        session = direct.sessions.create(agent.id)
        direct.sessions.stream_send(session.id, "/long 1500").until_stop()
        proxy = fault_proxy(_upstream(server), [reset_after(30_000)])
        through = make_client(api_key=key, base_url=proxy.url)
        with through.sessions.events(session.id) as stream:
            events = [event.to_dict() for event in stream]
            assert stream.reconnects == 1
        assert events == [event.to_dict() for event in direct.sessions.history(session.id)]


class TestStalledResponses:
    def test_a_send_whose_answer_stalls_is_retried_and_done_once(
        self, make_client: Any, server: ReferenceServer, fault_proxy: ProxyFactory
    ) -> None:
        """The server takes the message, its answer is held past the client's timeout; the
        retry with the same Idempotency-Key gets the stored answer, and the message is stored
        once, with one agent turn."""
        key = server.create_api_key()
        direct = make_client(api_key=key)
        agent = direct.agents.create(name="Echo", brain="scripted")
        session = direct.sessions.create(agent.id)
        proxy = fault_proxy(_upstream(server), [delay(1.5)])
        retries: list[Any] = []
        through = make_client(api_key=key, base_url=proxy.url, timeout=0.5, on_retry=retries.append)
        sent = through.sessions.send(session.id, "only once, please")
        assert len(retries) == 1
        assert sent.messages[0].content[0].content == "only once, please"
        with direct.sessions.events(session.id) as stream:
            events = list(stream)
        assert sum(isinstance(e, SessionStopEvent) for e in events) == 1
        assert "".join(e.content for e in events if isinstance(e, SessionTextDeltaEvent)) == (
            "You said: only once, please"
        )
        record = direct.sessions.get(session.id)
        assert [m.role for m in record.messages] == ["user", "assistant"]
