"""The session turns running now, by session: where requests find a turn to read or cancel."""

from __future__ import annotations

from ..core.event_log import EventLog
from ..core.store import Row
from .turn_runner import TurnRunner

__all__ = ["RunningTurns"]


class RunningTurns:
    """The session turns running now, by session; one per app."""

    def __init__(self, events: EventLog) -> None:
        self._events = events
        self._running: dict[tuple[str, str], TurnRunner] = {}

    def start(self, runner: TurnRunner) -> None:
        """Run the turn in the background, as the session's stream's turn."""
        key = (runner.org_id, runner.session_id)
        self._running[key] = runner

        async def run() -> None:
            try:
                await runner.run()
            finally:
                if self._running.get(key) is runner:
                    del self._running[key]

        runner.task = self._events.start_turn(runner.org_id, runner.stream, run())

    def cancel(self, org_id: str, session_id: str, reason: str) -> None:
        """Stop the session's turn running here, if any (another instance asked)."""
        runner = self._running.get((org_id, session_id))
        if runner is not None:
            runner.cancel(reason)

    def get(self, org_id: str, session_id: str) -> TurnRunner | None:
        """The session's running turn, if any."""
        return self._running.get((org_id, session_id))

    def overlay(
        self, org_id: str, session_id: str, messages: list[Row], after: int = -1
    ) -> list[Row]:
        """The stored messages with the one being generated as it is now (if changed after)."""
        runner = self._running.get((org_id, session_id))
        live = runner.live_message() if runner is not None else None
        if live is None or live[1] <= after:
            return messages
        message = live[0]
        merged = {row["index"]: row for row in messages}
        merged[message["index"]] = message
        return [merged[index] for index in sorted(merged)]
