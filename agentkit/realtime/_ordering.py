"""Per-conversation ``seq`` ordering: pure state, no clock of its own (``now`` is passed in).

The first seq seen in a conversation anchors it. A lower seq is stale. The expected seq is
released at once, with the consecutive ones held behind it. A higher seq is held back and
starts the gap timer; when it runs out the caller fills the hole from the history
(``fill``) or gives up (``give_up``), which releases what is held in order past the hole.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Generic, Literal, TypeAlias, TypeVar

from ._events import GapReason, SequenceGap

__all__ = ["Ordering", "Verdict"]

T = TypeVar("T")
Verdict: TypeAlias = Literal["released", "held", "stale", "held_already", "overflow"]


@dataclass(slots=True)
class _Conversation(Generic[T]):
    conversation_id: str
    expected: int
    held: dict[int, T] = field(default_factory=dict)
    # The hole now open: when it was seen, what was expected and the lowest seq held then.
    gap_since: float | None = None
    gap_expected: int = 0
    gap_held: int = 0
    deadline: float | None = None
    filling: bool = False


class Ordering(Generic[T]):
    """The ordering state of every conversation seen.

    Args:
        gap_timeout: Seconds a hole may stay open before it is filled from the history.
        max_held: Most items held back in one conversation; one more releases them all
            (``buffer_overflow``).
    """

    def __init__(self, *, gap_timeout: float = 2.0, max_held: int = 500) -> None:
        self._gap_timeout = gap_timeout
        self._max_held = max_held
        self._conversations: dict[str, _Conversation[T]] = {}

    def expected(self, conversation_id: str) -> int | None:
        """The next seq the conversation waits for, or ``None`` before its first message."""
        state = self._conversations.get(conversation_id)
        return None if state is None else state.expected

    def held(self, conversation_id: str) -> int:
        """How many items are held back in the conversation."""
        state = self._conversations.get(conversation_id)
        return 0 if state is None else len(state.held)

    def offer(
        self, conversation_id: str, seq: int, item: T, now: float
    ) -> tuple[Verdict, list[T], SequenceGap | None]:
        """Take one item; what became of it, the items now released in order, and the report
        of a hole given up on (on overflow)."""
        state = self._conversations.get(conversation_id)
        if state is None:
            self._conversations[conversation_id] = _Conversation(conversation_id, expected=seq + 1)
            return "released", [item], None
        if seq < state.expected:
            return "stale", [], None
        if seq == state.expected:
            state.expected += 1
            released = [item, *self._release(state)]
            self._after_progress(state, now)
            return "released", released, None
        if seq in state.held:
            return "held_already", [], None
        state.held[seq] = item
        if state.gap_since is None:
            self._open_gap(state, now)
        if len(state.held) > self._max_held:
            released, report = self.give_up(conversation_id, now, "buffer_overflow")
            return "overflow", released, report
        return "held", [], None

    def due(self, now: float) -> list[str]:
        """The conversations whose gap timer has run out and that are not being filled."""
        return [
            conversation_id
            for conversation_id, state in self._conversations.items()
            if state.deadline is not None and state.deadline <= now and not state.filling
        ]

    def next_deadline(self) -> float | None:
        """When the earliest gap timer runs out."""
        deadlines = [
            state.deadline
            for state in self._conversations.values()
            if state.deadline is not None and not state.filling
        ]
        return min(deadlines, default=None)

    def start_fill(self, conversation_id: str) -> int:
        """Mark the conversation as being filled; the seq to fetch the history after."""
        state = self._conversations[conversation_id]
        state.filling = True
        return state.expected - 1

    def fill(
        self, conversation_id: str, items: Iterable[tuple[int, T]], now: float
    ) -> tuple[list[T], SequenceGap | None, bool]:
        """Merge items fetched from the history; the items released, the report when the hole
        closed, and whether a hole is still open."""
        state = self._conversations.get(conversation_id)
        if state is None:
            return [], None, False
        state.filling = False
        gap = self._report(state, now, "gap_filled", recovered=True)
        for seq, item in items:
            if seq >= state.expected and seq not in state.held:
                state.held[seq] = item
        released = self._release(state)
        if state.held:
            # Progress, but a hole remains: the caller fetches more or gives up.
            return released, None, True
        self._close_gap(state)
        return released, gap, False

    def give_up(
        self, conversation_id: str, now: float, reason: GapReason
    ) -> tuple[list[T], SequenceGap | None]:
        """Release everything held in order past the hole, and report it."""
        state = self._conversations.get(conversation_id)
        if state is None or not state.held:
            if state is not None:
                self._close_gap(state)
            return [], None
        report = self._report(state, now, reason, recovered=False)
        released = [state.held[seq] for seq in sorted(state.held)]
        state.expected = max(state.held) + 1
        state.held.clear()
        self._close_gap(state)
        return released, report

    def _release(self, state: _Conversation[T]) -> list[T]:
        released = []
        while state.expected in state.held:
            released.append(state.held.pop(state.expected))
            state.expected += 1
        return released

    def _after_progress(self, state: _Conversation[T], now: float) -> None:
        if not state.held:
            self._close_gap(state)
        elif not state.filling:
            # The hole moved further on: a new hole, with a fresh timer.
            self._open_gap(state, now)

    def _open_gap(self, state: _Conversation[T], now: float) -> None:
        if state.gap_since is None:
            state.gap_since = now
        state.gap_expected = state.expected
        state.gap_held = min(state.held)
        state.deadline = now + self._gap_timeout

    def _close_gap(self, state: _Conversation[T]) -> None:
        state.gap_since = None
        state.deadline = None
        state.filling = False

    def _report(
        self, state: _Conversation[T], now: float, reason: GapReason, *, recovered: bool
    ) -> SequenceGap:
        since = now if state.gap_since is None else state.gap_since
        return SequenceGap(
            conversation_id=state.conversation_id,
            expected_seq=state.gap_expected or state.expected,
            buffered_seq=state.gap_held or min(state.held, default=state.expected),
            gap_ms=round((now - since) * 1000, 3),
            recovered=recovered,
            reason=reason,
        )
