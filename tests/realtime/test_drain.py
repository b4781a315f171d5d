"""The offline drain after every hello.ok: sync pages through the pipeline, then the ack."""

from __future__ import annotations

from agentkit._errors import ValidationError
from agentkit.realtime._protocol import FetchSync
from tests.realtime.harness import Pump, connect, make, message, new_frame


def rows(conversation_id: str, *seqs: int) -> list[tuple[str, object]]:
    return [(f"del_{conversation_id}_{seq}", message(conversation_id, seq)) for seq in seqs]


def fetches(pump: Pump) -> list[FetchSync]:
    return [a for a in pump.pending if isinstance(a, FetchSync)]


class TestDrain:
    def test_every_connection_drains_then_acks_the_last_delivery(self) -> None:
        """The stored deliveries are handled in order, then acknowledged up to the last."""
        pump = make()
        pump.sync_pages.append((rows("c1", 1, 2, 3), False))  # type: ignore[arg-type]
        connect(pump)
        assert pump.seqs("c1") == [1, 2, 3]
        assert [e.source for e in pump.handled] == ["sync"] * 3
        assert pump.ack_syncs == ["del_c1_3"]

    def test_pages_are_fetched_until_the_last(self) -> None:
        """A page with more after it asks for the next one after its last delivery."""
        pump = make(manual_rest=True)
        connect(pump)
        first = fetches(pump)
        assert [(f.after, f.limit) for f in first] == [(None, 100)]
        pump.answer_sync(rows("c1", 1, 2), more=True)  # type: ignore[arg-type]
        assert [f.after for f in fetches(pump)] == ["del_c1_2"]
        pump.answer_sync(rows("c1", 3), more=False)  # type: ignore[arg-type]
        assert fetches(pump) == []
        assert pump.seqs("c1") == [1, 2, 3]

    def test_a_full_page_that_does_not_move_the_cursor_ends_the_drain(self) -> None:
        """A server that repeats its last page cannot keep the drain going forever."""
        pump = make(manual_rest=True)
        connect(pump)
        pump.answer_sync(rows("c1", 1), more=True)  # type: ignore[arg-type]
        pump.answer_sync(rows("c1", 1), more=True)  # type: ignore[arg-type]
        assert fetches(pump) == []
        assert not pump.core.draining

    def test_live_frames_wait_until_the_drain_ends(self) -> None:
        """A push received during the drain is handled after the drained messages."""
        pump = make(manual_rest=True)
        connect(pump)
        pump.core.receive(new_frame(message("c1", 3)))
        pump.run()
        assert pump.handled == []
        pump.answer_sync(rows("c1", 1, 2))  # type: ignore[arg-type]
        assert pump.seqs("c1") == [1, 2, 3]
        assert [e.source for e in pump.handled] == ["sync", "sync", "live"]

    def test_the_first_drain_starts_after_the_resume_cursor(self) -> None:
        """A persisted cursor passed as ``resume_after`` is where the first drain starts."""
        pump = make(resume_after="del_saved", manual_rest=True)
        connect(pump)
        assert [f.after for f in fetches(pump)] == ["del_saved"]
        assert pump.core.cursor == "del_saved"

    def test_a_later_drain_starts_after_what_was_acked(self) -> None:
        """After a reconnect the drain starts after the last delivery acknowledged."""
        pump = make()
        pump.sync_pages.append((rows("c1", 1, 2), False))  # type: ignore[arg-type]
        connect(pump)
        pump.core.closed(1006, "")
        pump.manual_rest = True
        pump.tick(1)
        connect(pump)
        assert [f.after for f in fetches(pump)] == ["del_c1_2"]

    def test_the_ack_stops_before_a_delivery_whose_handler_raised(self) -> None:
        """The sync ack covers the run handled without a raise, not the failed delivery."""
        pump = make(fails=lambda m: m.seq == 3)
        pump.sync_pages.append((rows("c1", 1, 2, 3, 4), False))  # type: ignore[arg-type]
        connect(pump)
        assert pump.ack_syncs == ["del_c1_2"]
        assert pump.seqs("c1") == [1, 2, 4]

    def test_an_unknown_cursor_drains_from_the_oldest(self) -> None:
        """A cursor the server refuses (400) is reported, and the drain starts over."""
        pump = make(resume_after="del_gone", manual_rest=True)
        connect(pump)
        (fetch,) = fetches(pump)
        pump.pending.clear()
        error = ValidationError("unknown cursor", status_code=400, code="VALIDATION_ERROR")
        pump.core.sync_failed(fetch.generation, error)
        pump.run()
        assert pump.errors == [error]
        assert [f.after for f in fetches(pump)] == [None]

    def test_a_failed_drain_lets_the_live_frames_through(self) -> None:
        """A sync call that fails is reported, and the waiting pushes are handled."""
        pump = make(manual_rest=True)
        connect(pump)
        pump.core.receive(new_frame(message("c1", 1)))
        (fetch,) = fetches(pump)
        pump.pending.clear()
        pump.core.sync_failed(fetch.generation, OSError("down"))
        pump.run()
        assert pump.seqs("c1") == [1] and len(pump.errors) == 1

    def test_a_page_from_an_earlier_connection_is_ignored(self) -> None:
        """A sync answer that arrives after its connection dropped changes nothing."""
        pump = make(manual_rest=True)
        connect(pump)
        (old,) = fetches(pump)
        pump.pending.clear()
        pump.core.closed(1006, "")
        pump.tick(1)
        connect(pump)
        pump.core.sync_page(old.generation, rows("c1", 1), False)  # type: ignore[arg-type]
        pump.run()
        assert pump.handled == []

    def test_without_sync_live_frames_flow_at_once(self) -> None:
        """A client without the REST sync does not drain and does not wait."""
        pump = make(can_sync=False, manual_rest=True)
        connect(pump)
        pump.core.receive(new_frame(message("c1", 1)))
        pump.run()
        assert pump.pending == [] and pump.seqs("c1") == [1]

    def test_the_cursor_follows_the_handled_deliveries(self) -> None:
        """``cursor`` is the delivery id of the last message handled without a raise."""
        pump = make(fails=lambda m: m.seq == 2)
        connect(pump)
        pump.core.receive(new_frame(message("c1", 1), "del_a"))
        pump.core.receive(new_frame(message("c1", 2), "del_b"))
        pump.run()
        assert pump.core.cursor == "del_a"
