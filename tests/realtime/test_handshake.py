"""The hello, its capabilities, and the frames around it (protocol core, no sockets)."""

from __future__ import annotations

import json

from agentkit import __version__
from agentkit.realtime import Connected, RealtimeSettings
from agentkit.realtime._protocol import CLOSE_HELLO_UNANSWERED
from tests.realtime.harness import connect, hello_ok, make, message, new_frame


class TestHello:
    def test_the_hello_carries_the_key_and_asks_for_acks(self) -> None:
        """The first frame on an open socket is the hello with the key and the capabilities."""
        pump = make()
        pump.core.start()
        pump.run()
        assert len(pump.connects) == 1
        pump.core.opened()
        pump.run()
        assert pump.frames == [
            {
                "type": "hello",
                "api_key": "ak_test",
                "capabilities": ["ack"],
                "client": "agentkit-python",
                "client_version": __version__,
            }
        ]

    def test_hello_ok_is_reported_as_connected(self) -> None:
        """The accepted hello becomes a Connected event with the handle and session."""
        pump = make()
        connect(pump)
        assert pump.events[0] == Connected("bob", "rts_1", ("ack",), True)
        assert pump.core.state == "open" and pump.core.handle == "bob"

    def test_frames_before_hello_ok_are_dropped(self) -> None:
        """A message pushed before hello.ok is neither handled nor kept for later."""
        pump = make()
        pump.core.start()
        pump.run()
        pump.core.opened()
        pump.core.receive(new_frame(message("c1", 1)))
        pump.core.receive("not json")
        pump.core.receive(hello_ok())
        pump.run()
        assert pump.handled == [] and pump.errors == []

    def test_ack_mode_only_when_the_server_echoes_it(self) -> None:
        """Without ``ack`` in hello.ok, handled messages are not acknowledged frame by frame."""
        pump = make()
        connect(pump, capabilities=())
        pump.core.receive(new_frame(message("c1", 1)))
        pump.run()
        assert [e.message.seq for e in pump.handled] == [1]
        assert pump.acks == [] and not pump.core.ack_mode

    def test_unknown_capabilities_do_not_turn_on_ack_mode(self) -> None:
        """Only the echoed ``ack`` turns ack mode on."""
        pump = make()
        connect(pump, capabilities=("compression",))
        assert not pump.core.ack_mode

    def test_an_unanswered_hello_closes_and_reconnects(self) -> None:
        """No hello.ok within the hello timeout: the client closes, then tries again later."""
        pump = make(settings=RealtimeSettings(hello_timeout=4.0))
        pump.core.start()
        pump.run()
        pump.core.opened()
        pump.run()
        pump.tick(3.9)
        assert pump.closes == []
        pump.tick(0.2)
        assert [c.code for c in pump.closes] == [CLOSE_HELLO_UNANSWERED]
        pump.core.closed(CLOSE_HELLO_UNANSWERED, "hello.ok not received")
        pump.run()
        assert pump.core.state == "waiting"
        pump.tick(1.0)
        assert len(pump.connects) == 2

    def test_a_frame_that_is_not_json_is_reported_not_fatal(self) -> None:
        """A garbled frame after hello.ok is reported and skipped; the next one is handled."""
        pump = make()
        connect(pump)
        pump.core.receive("{oops")
        pump.core.receive(json.dumps([1, 2]))
        pump.core.receive(new_frame(message("c1", 1)))
        pump.run()
        assert len(pump.errors) == 2
        assert [e.message.seq for e in pump.handled] == [1]
