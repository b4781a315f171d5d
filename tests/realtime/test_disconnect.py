"""A graceful disconnect, and the client's own actions."""

from __future__ import annotations

import pytest

from agentkit.realtime import RealtimeConnectionError
from agentkit.realtime._protocol import CloseConnection, Dispatch, SendFrame
from tests.realtime.harness import connect, make, message, new_frame


class TestDisconnect:
    def test_events_already_received_are_handled_before_the_close(self) -> None:
        """The close comes after the queued messages' handlers and acks."""
        pump = make()
        connect(pump)
        for seq in (1, 2):
            pump.core.receive(new_frame(message("c1", seq)))
        pump.core.disconnect()
        actions = []
        while (action := pump.core.take()) is not None:
            actions.append(action)
            pump.perform(action)
        kinds = [type(a).__name__ for a in actions]
        assert kinds.index("CloseConnection") > max(
            i for i, a in enumerate(actions) if isinstance(a, Dispatch | SendFrame)
        )
        assert pump.acks == ["msg_c1_1", "msg_c1_2"]
        assert pump.closes == [CloseConnection(1000, "client disconnect")]

    def test_after_the_close_it_stops_without_reconnecting(self) -> None:
        """Once the socket closes the client is stopped for good, without an error."""
        pump = make()
        connect(pump)
        pump.core.disconnect()
        pump.run()
        pump.core.closed(1000, "")
        pump.run()
        assert [s.error for s in pump.stopped] == [None]
        pump.tick(60)
        assert len(pump.connects) == 1

    def test_nothing_new_is_taken_while_leaving(self) -> None:
        """Frames arriving after disconnect() are ignored and no gap is filled."""
        pump = make(manual_rest=True)
        connect(pump)
        pump.answer_sync()
        pump.core.receive(new_frame(message("c1", 1)))
        pump.core.receive(new_frame(message("c1", 3)))
        pump.run()
        pump.core.disconnect()
        pump.core.receive(new_frame(message("c1", 2)))
        pump.tick(5)
        assert pump.seqs("c1") == [1] and pump.pending == []

    def test_disconnect_while_waiting_to_reconnect_stops_at_once(self) -> None:
        """With no socket open there is nothing to close."""
        pump = make()
        connect(pump)
        pump.core.closed(1006, "")
        pump.run()
        pump.core.disconnect()
        pump.run()
        assert [s.error for s in pump.stopped] == [None]


class TestClientActions:
    def test_actions_become_frames(self) -> None:
        """Read acks, presence and typing are sent as their frames."""
        pump = make()
        connect(pump)
        pump.core.read_ack("msg_1")
        pump.core.presence("busy", "deep work")
        pump.core.typing("c1", True)
        pump.core.typing("c1", False)
        pump.run()
        assert pump.frames[1:] == [
            {"type": "message.read_ack", "message_id": "msg_1"},
            {"type": "presence.update", "status": "busy", "custom_status": "deep work"},
            {"type": "typing.start", "conversation_id": "c1"},
            {"type": "typing.stop", "conversation_id": "c1"},
        ]

    def test_actions_need_a_connection(self) -> None:
        """Before hello.ok an action raises rather than being lost."""
        pump = make()
        with pytest.raises(RealtimeConnectionError):
            pump.core.read_ack("msg_1")
