"""Acknowledgement after the handlers, redelivery after a raise, and duplicates skipped."""

from __future__ import annotations

from tests.realtime.harness import connect, make, message, new_frame


class TestAckAfterHandlers:
    def test_a_message_is_acked_after_its_handlers_return(self) -> None:
        """The ack frame follows the handlers' success, one per message."""
        pump = make()
        connect(pump)
        for seq in (1, 2):
            pump.core.receive(new_frame(message("c1", seq)))
        pump.run()
        assert pump.acks == ["msg_c1_1", "msg_c1_2"]
        assert pump.core.cursor == "del_msg_c1_2"

    def test_a_raising_handler_means_no_ack(self) -> None:
        """A message whose handler raised is not acknowledged and does not move the cursor."""
        pump = make(fails=lambda m: m.seq == 2)
        connect(pump)
        for seq in (1, 2, 3):
            pump.core.receive(new_frame(message("c1", seq)))
        pump.run()
        assert pump.acks == ["msg_c1_1", "msg_c1_3"]
        assert [e.message.seq for e in pump.handled] == [1, 3]

    def test_a_message_that_failed_is_handled_again_when_redelivered(self) -> None:
        """The redelivery of a message whose handler raised runs the handlers again, even
        though the conversation moved past it, and is acknowledged once they succeed."""
        failing = {"msg_c1_2"}
        pump = make(fails=lambda m: m.id in failing)
        connect(pump)
        for seq in (1, 2, 3):
            pump.core.receive(new_frame(message("c1", seq)))
        pump.run()
        failing.clear()
        pump.core.closed(1006, "")
        pump.tick(1.0)
        pump.sync_pages.append(([("del_msg_c1_2", message("c1", 2))], False))
        connect(pump)
        assert [e.message.seq for e in pump.handled] == [1, 3, 2]
        assert pump.acks.count("msg_c1_2") == 1


class TestDuplicates:
    def test_a_live_duplicate_skips_the_handlers_and_is_acked_again(self) -> None:
        """The same message pushed twice is handled once and acknowledged both times."""
        pump = make()
        connect(pump)
        frame = new_frame(message("c1", 1))
        pump.core.receive(frame)
        pump.run()
        pump.core.receive(frame)
        pump.run()
        assert len(pump.handled) == 1
        assert pump.acks == ["msg_c1_1", "msg_c1_1"]

    def test_a_message_drained_then_pushed_is_handled_once(self) -> None:
        """Across the drain and the live path one message id is handled once."""
        m = message("c1", 1)
        pump = make()
        pump.sync_pages.append(([("del_1", m)], False))
        connect(pump)
        pump.core.receive(new_frame(m, "del_1"))
        pump.run()
        assert len(pump.handled) == 1 and pump.handled[0].source == "sync"
        assert pump.acks == ["msg_c1_1", "msg_c1_1"]

    def test_a_message_pushed_during_the_drain_and_drained_is_handled_once(self) -> None:
        """A push that arrives while the drain fetches waits, then is found a duplicate."""
        m = message("c1", 1)
        pump = make(manual_rest=True)
        connect(pump)
        pump.core.receive(new_frame(m, "del_1"))
        (fetch,) = pump.pending
        pump.core.sync_page(fetch.generation, [("del_1", m)], False)  # type: ignore[union-attr]
        pump.run()
        assert [e.source for e in pump.handled] == ["sync"]

    def test_duplicates_are_remembered_across_reconnects(self) -> None:
        """A message handled before a reconnect is skipped when it comes again after it."""
        m = message("c1", 1)
        pump = make()
        connect(pump)
        pump.core.receive(new_frame(m))
        pump.run()
        pump.core.closed(1006, "")
        pump.tick(1.0)
        connect(pump)
        pump.core.receive(new_frame(m))
        pump.run()
        assert len(pump.handled) == 1

    def test_a_message_in_flight_is_not_handled_twice(self) -> None:
        """A duplicate arriving while the first copy's handlers run is not dispatched again;
        the first copy's success acknowledges it."""
        m = message("c1", 1)
        pump = make()
        connect(pump)
        pump.core.receive(new_frame(m))
        pump.core.receive(new_frame(m))
        pump.run()
        assert len(pump.handled) == 1
        assert pump.acks == ["msg_c1_1"]

    def test_the_seen_set_is_bounded(self) -> None:
        """The handled ids kept are bounded; the oldest is forgotten first."""
        from agentkit.realtime._seen import SeenIds

        seen = SeenIds(2)
        for item in ("a", "b", "c"):
            seen.add(item)
        assert "a" not in seen and "b" in seen and "c" in seen and len(seen) == 2
