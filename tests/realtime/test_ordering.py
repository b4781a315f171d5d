"""Seq order per conversation, the gap timer, and gap fill over the history."""

from __future__ import annotations

from agentkit.realtime import RealtimeSettings, SequenceGap
from agentkit.realtime._protocol import FetchHistory, FetchStored
from tests.realtime.harness import Pump, connect, make, message, new_frame


def push(pump: Pump, conversation_id: str, *seqs: int) -> None:
    for seq in seqs:
        pump.core.receive(new_frame(message(conversation_id, seq)))
    pump.run()


def gaps(pump: Pump) -> list[SequenceGap]:
    return [e for e in pump.events if isinstance(e, SequenceGap)]


class TestOrder:
    def test_the_first_seq_anchors_the_conversation(self) -> None:
        """A conversation first seen at seq 7 starts there: nothing before it is waited for."""
        pump = make()
        connect(pump)
        push(pump, "c1", 7, 8)
        assert pump.seqs("c1") == [7, 8]

    def test_a_first_push_past_seq_1_looks_for_stored_messages_before_it(self) -> None:
        """A conversation's first push does not anchor it over a stored message before it
        (one lost on the way): that one is handled first."""
        pump = make()
        pump.stored = [("del_x", message("c9", 2)), ("del_y", message("c1", 4))]
        connect(pump)
        push(pump, "c1", 5, 6)
        assert pump.seqs("c1") == [4, 5, 6]
        assert [e.source for e in pump.handled] == ["sync", "live", "live"]

    def test_a_lower_seq_is_dropped(self) -> None:
        """A seq below the expected one is not handled again."""
        pump = make()
        connect(pump)
        push(pump, "c1", 1, 2)
        pump.core.receive(new_frame(message("c1", 1, mid="msg_other")))
        pump.run()
        assert pump.seqs("c1") == [1, 2]

    def test_a_higher_seq_waits_for_the_missing_one(self) -> None:
        """Out-of-order pushes are handled in seq order once the hole closes, with no report."""
        pump = make()
        connect(pump)
        push(pump, "c1", 1, 3, 4)
        assert pump.seqs("c1") == [1]
        push(pump, "c1", 2)
        assert pump.seqs("c1") == [1, 2, 3, 4]
        pump.tick(5)
        assert gaps(pump) == []

    def test_conversations_are_ordered_independently(self) -> None:
        """A hole in one conversation holds back nothing of another."""
        pump = make()
        connect(pump)
        push(pump, "c1", 1, 3)
        push(pump, "c2", 1, 2)
        assert pump.seqs("c1") == [1] and pump.seqs("c2") == [1, 2]


class TestGapFill:
    def test_the_gap_timer_fills_the_hole_from_the_history(self) -> None:
        """After the gap timeout the history after the last handled seq closes the hole."""
        pump = make()
        pump.history["c1"] = [message("c1", seq) for seq in range(1, 6)]
        connect(pump)
        push(pump, "c1", 1, 4)
        pump.tick(1.9)
        assert pump.seqs("c1") == [1]
        pump.tick(0.2)
        assert pump.seqs("c1") == [1, 2, 3, 4, 5]
        assert [e.source for e in pump.handled] == ["live", "history", "history", "live", "history"]
        (gap,) = gaps(pump)
        assert (gap.reason, gap.recovered, gap.expected_seq, gap.buffered_seq) == (
            "gap_filled",
            True,
            2,
            4,
        )
        assert gap.gap_ms >= 2000
        assert pump.acks == [f"msg_c1_{seq}" for seq in (1, 2, 3, 4, 5)]

    def test_the_fill_asks_after_the_last_seq_handled(self) -> None:
        """The history is read after ``expected - 1``."""
        pump = make(manual_rest=True)
        connect(pump)
        pump.answer_sync()
        push(pump, "c1", 10, 13)
        assert pump.pending == [FetchStored("c1", None, 100)]
        pump.pending.clear()
        pump.core.stored_page("c1", None, [], False)
        pump.run()
        pump.tick(2.5)
        assert pump.pending == [FetchHistory("c1", 10, 100)]

    def test_a_failed_fill_releases_what_was_held_in_order(self) -> None:
        """When the history call fails the held messages go through past the hole."""
        pump = make(manual_rest=True)
        connect(pump)
        pump.answer_sync()
        push(pump, "c1", 1, 4, 3)
        pump.tick(2.5)
        pump.core.history_failed("c1", OSError("down"))
        pump.run()
        assert pump.seqs("c1") == [1, 3, 4]
        (gap,) = gaps(pump)
        assert gap.reason == "gap_fill_failed" and not gap.recovered
        assert any(isinstance(e, OSError) for e in pump.errors)

    def test_a_history_without_the_missing_message_fails_the_fill(self) -> None:
        """A history that does not have the missing seq cannot fill it: reported, released."""
        pump = make()
        pump.history["c1"] = [message("c1", 1), message("c1", 4)]
        connect(pump)
        push(pump, "c1", 1, 4)
        pump.tick(2.5)
        assert pump.seqs("c1") == [1, 4]
        assert [g.reason for g in gaps(pump)] == ["gap_fill_failed"]

    def test_no_history_means_gap_fill_unavailable(self) -> None:
        """Without a REST history the hole is given up on when the timer runs out."""
        pump = make(can_fill_gaps=False)
        connect(pump)
        push(pump, "c1", 1, 3)
        pump.tick(2.5)
        assert pump.seqs("c1") == [1, 3]
        assert [g.reason for g in gaps(pump)] == ["gap_fill_unavailable"]

    def test_too_many_held_messages_overflow(self) -> None:
        """More than ``max_held`` messages behind a hole release them all at once."""
        pump = make(settings=RealtimeSettings(max_held=5))
        connect(pump)
        push(pump, "c1", 1)
        push(pump, "c1", *range(3, 8))
        assert pump.seqs("c1") == [1]
        push(pump, "c1", 8)
        assert pump.seqs("c1") == [1, 3, 4, 5, 6, 7, 8]
        (gap,) = gaps(pump)
        assert gap.reason == "buffer_overflow" and gap.expected_seq == 2

    def test_the_default_limit_is_500_held(self) -> None:
        """The default bound is 500 held messages per conversation."""
        pump = make()
        connect(pump)
        push(pump, "c1", 1)
        push(pump, "c1", *range(3, 503))
        assert pump.seqs("c1") == [1]
        push(pump, "c1", 503)
        assert len(pump.seqs("c1")) == 502

    def test_your_own_messages_fill_the_hole_but_are_not_handled(self) -> None:
        """History messages you sent take their seq without reaching your handlers."""
        pump = make()
        pump.history["c1"] = [message("c1", 2, sender="bob"), message("c1", 3)]
        connect(pump)
        push(pump, "c1", 1, 3)
        pump.tick(2.5)
        assert pump.seqs("c1") == [1, 3]
        assert "msg_c1_2" not in pump.acks
        assert [g.reason for g in gaps(pump)] == ["gap_filled"]

    def test_a_long_hole_is_filled_page_after_page(self) -> None:
        """A hole wider than one history page is fetched in several pages."""
        pump = make(settings=RealtimeSettings(history_page=3))
        pump.history["c1"] = [message("c1", seq) for seq in range(1, 11)]
        connect(pump)
        push(pump, "c1", 1, 10)
        pump.tick(2.5)
        assert pump.seqs("c1") == list(range(1, 11))
        assert [g.reason for g in gaps(pump)] == ["gap_filled"]

    def test_a_message_handled_before_is_skipped_in_the_fill(self) -> None:
        """A fill that brings back a message already handled does not run its handlers again."""
        pump = make()
        pump.history["c1"] = [message("c1", seq) for seq in range(1, 5)]
        connect(pump)
        push(pump, "c1", 2)  # anchors at 2
        pump.core.closed(1006, "")
        pump.tick(1)
        connect(pump)
        push(pump, "c1", 4)
        pump.tick(2.5)
        assert pump.seqs("c1") == [2, 3, 4]
