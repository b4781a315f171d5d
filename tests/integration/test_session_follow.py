"""Following a session's events across turns (``events(follow=True)``).

A server of its own, with keep-alives every 0.1 s and followed streams ended after 0.3 s of
idleness, so that the test sees the server rotate the stream and the SDK carry on after the
last event it received.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest

from agentkit.server import ServerConfig
from agentkit.testing import ReferenceServer
from agentkit.types import SessionStopEvent, SessionUserInputEvent


@pytest.fixture(scope="module")
def server() -> Iterator[ReferenceServer]:
    config = ServerConfig(keepalive_interval=0.1, max_follow_seconds=0.3)
    with ReferenceServer(config=config) as running:
        yield running


class TestFollow:
    def test_without_follow_an_idle_session_ends_its_stream(self, client: Any) -> None:
        """Once every stored event is sent and no turn runs, a plain stream ends."""
        agent = client.agents.create(name="Scripted", brain="scripted")
        session = client.sessions.create(agent.id)
        client.sessions.stream_send(session.id, "hi").until_stop()
        assert list(client.sessions.events(session.id, after=100)) == []

    def test_a_followed_stream_spans_turns_and_server_rotations(self, make_client: Any) -> None:
        """Two turns, far apart, arrive on one followed stream: every event once, in order.

        The idle time between the turns is longer than the client's stream_idle_timeout and
        than the server's follow limit: neither may end the stream or lose an event.
        """
        opened: list[tuple[str, str]] = []
        received: list[Any] = []

        def count_event_requests(info: Any) -> None:
            # Each (re)open must resume after the last event received so far; a rotation that
            # comes before the first event (a slow machine) rightly carries no Last-Event-ID.
            if info.method == "GET" and info.url.endswith("/events?follow=true"):
                last_received = str(received[-1].id) if received else ""
                opened.append((info.headers.get("last-event-id", ""), last_received))

        client = make_client(stream_idle_timeout=0.5, on_request=count_event_requests)
        agent = client.agents.create(name="Scripted", brain="scripted")
        session = client.sessions.create(agent.id)
        with client.sessions.events(session.id, follow=True) as stream:
            client.sessions.send(session.id, "first question")
            for event in stream:
                received.append(event)
                stops = sum(isinstance(e, SessionStopEvent) for e in received)
                if stops == 1 and isinstance(event, SessionStopEvent):
                    time.sleep(0.8)
                    client.sessions.send(session.id, "second question")
                if stops == 2:
                    break
        ids = [event.id for event in received]
        assert ids == list(range(1, len(ids) + 1))
        inputs = [e for e in received if isinstance(e, SessionUserInputEvent)]
        assert [e.content[0].content for e in inputs] == ["first question", "second question"]
        stored = [event.to_dict() for event in client.sessions.history(session.id)]
        assert [event.to_dict() for event in received] == stored
        assert stream.reconnects == 0
        assert len(opened) >= 2, "the server's follow limit should have rotated the stream"
        assert opened[0] == ("", "")
        assert all(sent == expected for sent, expected in opened)
        assert any(sent for sent, _ in opened[1:]), "a rotation after the first event resumes"
