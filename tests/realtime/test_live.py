"""Both realtime clients against the reference server over real websockets."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest

from agentkit import ValidationError
from agentkit.realtime import (
    Connected,
    HandlerError,
    MessageNew,
    MessageRead,
    RealtimeAuthError,
    TypingStart,
)
from agentkit.realtime._rest import fetch_sync
from agentkit.testing import ReferenceServer
from agentkit.types import Message
from tests.realtime.live import Identity, Realtime, register, wait_until


@pytest.fixture(params=["sync", "async"])
def kind(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def opened(kind: str, server: ReferenceServer) -> Iterator[Any]:
    """Make realtime clients of the parametrized kind; all are closed at teardown."""
    made: list[Realtime] = []

    def open_one(identity: Identity, **options: Any) -> Realtime:
        realtime = Realtime(kind, server.base_url, identity.key, **options)
        made.append(realtime)
        return realtime

    yield open_one
    for realtime in made:
        realtime.close()


def stored(identity: Identity) -> list[str]:
    """The ids of the identity's deliveries not yet acknowledged."""
    rows, _ = fetch_sync(identity.rest, None, 500)
    return [message.id for _, message in rows]


def texts(messages: list[Message]) -> list[str]:
    return [str(m.content.text) for m in messages]


class TestDelivery:
    def test_live_messages_arrive_once_in_order_and_are_acknowledged(
        self, server: ReferenceServer, opened: Any
    ) -> None:
        """Pushed messages reach on_message once each, in seq order, and are acked."""
        alice, bob = register(server, "alice"), register(server, "bob")
        realtime = opened(bob)
        got: list[Message] = []
        connected: list[Connected] = []
        realtime.rt.on_message(got.append)
        realtime.rt.on_connect(connected.append)
        realtime.connect()
        assert connected[0].handle == bob.handle and connected[0].ack_mode
        for i in range(10):
            alice.rest.messages.send(f"live {i}", to=bob.handle)
        assert wait_until(lambda: len(got) >= 10)
        assert texts(got) == [f"live {i}" for i in range(10)]
        assert [m.seq for m in got] == list(range(1, 11))
        assert wait_until(lambda: stored(bob) == [])
        assert realtime.rt.cursor is not None and realtime.rt.cursor.startswith("del_")

    def test_offline_messages_are_drained_before_live_ones(
        self, server: ReferenceServer, opened: Any
    ) -> None:
        """What was sent while away comes first, in order, then what is sent live."""
        alice, bob = register(server, "alice"), register(server, "bob")
        for i in range(5):
            alice.rest.messages.send(f"offline {i}", to=bob.handle)
        realtime = opened(bob)
        sources: list[str] = []
        got: list[Message] = []
        realtime.rt.on("message.new", lambda e: sources.append(e.source))
        realtime.rt.on_message(got.append)
        realtime.connect()
        alice.rest.messages.send("live", to=bob.handle)
        assert wait_until(lambda: len(got) >= 6)
        time.sleep(0.2)
        assert texts(got) == [f"offline {i}" for i in range(5)] + ["live"]
        assert sources[:5] == ["sync"] * 5
        assert stored(bob) == []

    def test_a_raising_handler_gets_the_message_again_on_the_next_connection(
        self, server: ReferenceServer, opened: Any
    ) -> None:
        """No ack after a raise: the message stays stored, comes back, and is acked then."""
        alice, bob = register(server, "alice"), register(server, "bob")
        first = opened(bob)
        errors: list[Exception] = []

        def broken(message: Message) -> None:
            raise RuntimeError("handler bug")

        first.rt.on_message(broken)
        first.rt.on_error(errors.append)
        first.connect()
        sent = alice.rest.messages.send("retry me", to=bob.handle)
        assert wait_until(lambda: bool(errors))
        assert isinstance(errors[0], HandlerError)
        assert isinstance(errors[0].__cause__, RuntimeError)
        assert stored(bob) == [sent.id]
        first.disconnect()

        second = opened(bob)
        got: list[Message] = []
        second.rt.on_message(got.append)
        second.connect()
        assert wait_until(lambda: len(got) == 1)
        assert got[0].id == sent.id
        assert wait_until(lambda: stored(bob) == [])

    def test_async_and_plain_handlers_both_run(self, server: ReferenceServer, opened: Any) -> None:
        """A coroutine function is awaited; a plain function is called; both see the event."""
        alice, bob = register(server, "alice"), register(server, "bob")
        realtime = opened(bob)
        seen: list[str] = []

        async def async_handler(event: MessageNew) -> None:
            seen.append("async:" + event.message.id)

        realtime.rt.on("message.new", async_handler)
        realtime.rt.on_message(lambda m: seen.append("plain:" + m.id))
        realtime.connect()
        sent = alice.rest.messages.send("both", to=bob.handle)
        assert wait_until(lambda: len(seen) == 2)
        assert sorted(seen) == sorted([f"async:{sent.id}", f"plain:{sent.id}"])

    def test_unsubscribe_stops_a_handler(self, server: ReferenceServer, opened: Any) -> None:
        """The function every on_* returns removes that handler."""
        alice, bob = register(server, "alice"), register(server, "bob")
        realtime = opened(bob)
        kept: list[Message] = []
        removed: list[Message] = []
        realtime.rt.on_message(kept.append)
        unsubscribe = realtime.rt.on_message(removed.append)
        realtime.connect()
        alice.rest.messages.send("one", to=bob.handle)
        assert wait_until(lambda: len(kept) == 1 and len(removed) == 1)
        unsubscribe()
        alice.rest.messages.send("two", to=bob.handle)
        assert wait_until(lambda: len(kept) == 2)
        assert len(removed) == 1

    def test_disconnect_waits_for_a_handler_in_flight(
        self, server: ReferenceServer, opened: Any
    ) -> None:
        """disconnect() returns after the running handler finished, and its message is acked."""
        alice, bob = register(server, "alice"), register(server, "bob")
        realtime = opened(bob)
        started = threading.Event()
        finished: list[str] = []

        def slow(message: Message) -> None:
            started.set()
            time.sleep(0.5)
            finished.append(message.id)

        realtime.rt.on_message(slow)
        realtime.connect()
        sent = alice.rest.messages.send("slow", to=bob.handle)
        assert started.wait(10)
        realtime.disconnect()
        assert finished == [sent.id]
        assert stored(bob) == []

    def test_a_persisted_cursor_resumes_and_an_unknown_one_drains_everything(
        self, server: ReferenceServer, opened: Any
    ) -> None:
        """``resume_after`` starts the drain after it; a cursor the server does not know is
        reported and the drain starts from the oldest stored delivery."""
        alice, bob = register(server, "alice"), register(server, "bob")
        first = opened(bob)
        first.rt.on_message(lambda m: None)
        first.connect()
        alice.rest.messages.send("before", to=bob.handle)
        assert wait_until(lambda: first.rt.cursor is not None)
        cursor = first.rt.cursor
        first.disconnect()

        alice.rest.messages.send("while away", to=bob.handle)
        resumed = opened(bob, resume_after=cursor)
        got: list[Message] = []
        errors: list[Exception] = []
        resumed.rt.on_message(got.append)
        resumed.rt.on_error(errors.append)
        resumed.connect()
        assert wait_until(lambda: len(got) == 1)
        assert texts(got) == ["while away"] and errors == []
        resumed.disconnect()

        alice.rest.messages.send("after", to=bob.handle)
        lost = opened(bob, resume_after="del_" + "0" * 32)
        again: list[Message] = []
        lost_errors: list[Exception] = []
        lost.rt.on_message(again.append)
        lost.rt.on_error(lost_errors.append)
        lost.connect()
        assert wait_until(lambda: len(again) == 1)
        assert texts(again) == ["after"]
        assert any(isinstance(e, ValidationError) for e in lost_errors)


class TestRefusals:
    def test_a_wrong_key_is_a_typed_auth_error(self, server: ReferenceServer, kind: str) -> None:
        """An unknown key closes with 4401: connect() raises, and no retry follows."""
        realtime = Realtime(kind, server.base_url, "ak_" + "x" * 40)
        try:
            with pytest.raises(RealtimeAuthError) as raised:
                realtime.connect(timeout=10)
            assert raised.value.code == 4401
            with pytest.raises(RealtimeAuthError):
                realtime.wait()
        finally:
            realtime.close()

    def test_an_organization_key_is_refused(self, server: ReferenceServer, kind: str) -> None:
        """A key that is no messaging identity's is refused the same way."""
        realtime = Realtime(kind, server.base_url, server.create_api_key())
        try:
            with pytest.raises(RealtimeAuthError):
                realtime.connect(timeout=10)
        finally:
            realtime.close()


class TestOtherEvents:
    def test_typing_and_read_receipts_reach_the_other_member(
        self, server: ReferenceServer, opened: Any
    ) -> None:
        """Actions sent on one client arrive as typed events on the other."""
        alice, bob = register(server, "alice"), register(server, "bob")
        sent = alice.rest.messages.send("hello", to=bob.handle)
        alice_rt, bob_rt = opened(alice), opened(bob)
        seen: list[Any] = []
        alice_rt.rt.on("*", seen.append)
        alice_rt.connect()
        bob_rt.connect()
        bob_rt.rt.start_typing(sent.conversation_id)
        bob_rt.rt.mark_read(sent.id)
        assert wait_until(
            lambda: (
                any(isinstance(e, TypingStart) for e in seen)
                and any(isinstance(e, MessageRead) for e in seen)
            )
        )
        typing = next(e for e in seen if isinstance(e, TypingStart))
        read = next(e for e in seen if isinstance(e, MessageRead))
        assert typing.handle == bob.handle and typing.conversation_id == sent.conversation_id
        assert read.handle == bob.handle and read.last_read_seq == sent.seq
