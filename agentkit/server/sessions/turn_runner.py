"""A session's turn, run in the background by a ``TurnRunner``.

The runner drives the session brain's steps and turns them into messages and events: deltas
grow the message being generated (kept in memory, and stored whole when a block completes),
tool calls complete the message, server tools run at once and answer in a ``tool`` message,
client tools leave the session waiting for their results. The turn always ends with one
``stop`` event; a cancelled turn keeps what it had.

Every stored change of a message is stamped with the id of the event that announces it (the
next event, when the change comes first), so a delta after a continuation token finds exactly
the messages changed since.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from dataclasses import dataclass, field
from typing import Any, Protocol

from ..brains import BrainError, SessionBrain, SessionTurn, TextDelta, ThinkingDelta, ToolCall
from ..brains.session import ToolOutcome
from ..core.event_log import EventLog
from ..core.ids import new_id, now
from ..core.store import Row
from ..indexes.retrieval import retrieve
from ..indexes.store import IndexStore
from .model import add_usage, new_message, word_count
from .store import SessionStore
from .stream import SESSION_STREAM

__all__ = [
    "INTERRUPTED",
    "INTERRUPTED_MESSAGE",
    "RETRIEVED",
    "TurnRunner",
    "TurnSetup",
    "TurnStore",
]

logger = logging.getLogger("agentkit.server")

RETRIEVED = 3
#: The error of a turn the server stopped during, live or found open after a crash.
INTERRUPTED = "TURN_INTERRUPTED"
INTERRUPTED_MESSAGE = "the server stopped during the turn; send the message again"
_json_string = json.encoder.encode_basestring_ascii
# A brain that never awaits would hold the event loop for a whole long turn: yield now and then.
_YIELD_EVERY = 256


class TurnStore(SessionStore, IndexStore, Protocol):
    """What a session's turn stores and reads: the session, and the indexes it retrieves from."""


@dataclass(frozen=True, slots=True)
class TurnSetup:
    """What a turn starts from, prepared by the request that starts it."""

    org_id: str
    session_id: str
    turn: SessionTurn
    message: Row
    """The assistant message created for the turn (stored, ``generating``)."""
    warnings: list[Row] = field(default_factory=list)
    skipped_index_ids: list[str] = field(default_factory=list)
    input_tokens: int = 0


class TurnRunner:
    """Runs one session turn; while it runs, requests read its message in progress through it."""

    def __init__(
        self, setup: TurnSetup, brain: SessionBrain, events: EventLog, store: TurnStore
    ) -> None:
        self.org_id = setup.org_id
        self.session_id = setup.session_id
        self.stream = SESSION_STREAM.stream(setup.session_id)
        self.cancel_reason: str | None = None
        self.task: asyncio.Task[None] | None = None
        self._setup = setup
        self._brain = brain
        self._events = events
        self._store = store
        self._message: Row | None = setup.message
        self._next_index = setup.message["index"] + 1
        self._open_kind: str | None = None
        self._open: list[str] = []
        self._delta_head = self._delta_tail = ""
        self._live_stamp = 0
        self._pending: list[Row] = []
        self._output_words = 0
        self._started = time.monotonic()

    # ------------------------------------------------------------------ what routes see
    def live_message(self) -> tuple[Row, int] | None:
        """The message being generated, with its open block, and the id of its last change."""
        message = self._message
        if message is None or not self._open:
            return None
        content = [*message["content"], self._block(self._open_kind or "text", "".join(self._open))]
        return {**message, "content": content}, self._live_stamp

    def cancel(self, reason: str) -> asyncio.Task[None] | None:
        """Stop the turn (``cancelled`` or ``deleted``); await the returned task to see it end."""
        self.cancel_reason = self.cancel_reason or reason
        if self.task is not None and not self.task.done():
            self.task.cancel()
        return self.task

    # ------------------------------------------------------------------ events and messages
    def _emit(self, kind: str, **fields: Any) -> int:
        data = {"type": kind, "id": 0, "session_id": self.session_id, **fields}
        return self._events.append(self.org_id, self.stream, data)

    def _save(self, message: Row) -> None:
        message["updated_at"] = now()
        stamp = self._events.next_seq(self.org_id, self.stream)
        self._store.put_session_message(self.org_id, self.session_id, message, stamp)

    def _new_message(self, role: str, content: list[Row], status: str) -> Row:
        message = new_message(self._next_index, role, status, content)
        self._next_index += 1
        self._save(message)
        return message

    def _current(self) -> Row:
        if self._message is None:
            self._message = self._new_message("assistant", [], "generating")
        return self._message

    @staticmethod
    def _block(kind: str, content: str) -> Row:
        return {"type": "thinking" if kind == "thinking" else "text", "content": content}

    def _delta(self, kind: str, text: str) -> None:
        if self._open_kind != kind or self._message is None:
            self._close_block()
            self._open_kind = kind
            index = self._current()["index"]
            # Deltas are most of a turn's events: their JSON is written without a dict.
            self._delta_head = f'{{"type": "{kind}_delta", "id": '
            self._delta_tail = (
                f', "session_id": {json.dumps(self.session_id)}, "message_index": {index},'
                ' "content": '
            )
        self._open.append(text)
        head, tail, content = self._delta_head, self._delta_tail, _json_string(text)
        self._live_stamp = self._events.append_encoded(
            self.org_id, self.stream, f"{kind}_delta", lambda seq: f"{head}{seq}{tail}{content}}}"
        )

    def _close_block(self) -> None:
        kind, parts = self._open_kind, self._open
        self._open_kind, self._open = None, []
        if kind is None or self._message is None:
            return
        content = "".join(parts)
        if not content:
            return
        self._output_words += word_count(content)
        self._message["content"].append(self._block(kind, content))
        self._save(self._message)
        self._emit(kind, message_index=self._message["index"], content=content)

    def _end_message(self, status: str) -> None:
        self._close_block()
        if self._message is not None:
            self._message["status"] = status
            self._save(self._message)
            self._message = None

    def _tool_use(self, call: ToolCall, *, complete: bool) -> tuple[str, Row]:
        self._close_block()
        message = self._current()
        tool_use_id = new_id("toolu")
        block = {
            "type": "tool_use",
            "tool_use_id": tool_use_id,
            "tool_name": call.name,
            "input": call.input,
            "client": call.client,
        }
        message["content"].append(block)
        if complete:
            self._end_message("completed")
        else:
            self._save(message)
        self._emit(
            "tool_call",
            message_index=message["index"],
            tool_use_id=tool_use_id,
            tool_name=call.name,
            input=call.input,
            client=call.client,
        )
        return tool_use_id, message

    async def _server_tool(self, call: ToolCall) -> ToolOutcome:
        tool_use_id, _ = self._tool_use(call, complete=True)
        started = time.perf_counter()
        outcome = await call.run() if call.run is not None else self._execute(call)
        runtime_ms = int((time.perf_counter() - started) * 1000)
        result = {
            "tool_use_id": tool_use_id,
            "tool_name": call.name,
            "status": outcome.status,
            "output": outcome.output,
            "runtime_ms": runtime_ms,
            "client": False,
        }
        message = self._new_message("tool", [{"type": "tool_result", **result}], "completed")
        self._emit("tool_result", message_index=message["index"], **result)
        return outcome

    def _execute(self, call: ToolCall) -> ToolOutcome:
        if call.name != "retrieve":
            return ToolOutcome("error", {"error": f"there is no server tool named {call.name}"})
        usable = self._setup.turn.index_ids
        asked = call.input.get("index_ids")
        index_ids = [i for i in asked if i in usable] if isinstance(asked, list) else usable
        query = str(call.input.get("query", ""))
        chunks = retrieve(self._store, self.org_id, index_ids, query, RETRIEVED)
        return ToolOutcome("success", {"chunks": chunks})

    def _client_tool(self, call: ToolCall) -> None:
        # The message completes with the turn: the agent may call several client tools at once.
        tool_use_id, _ = self._tool_use(call, complete=False)
        self._pending.append({"tool_use_id": tool_use_id, "tool_name": call.name})

    def _stop(self, reason: str, *, is_error: bool = False) -> None:
        status = "client_tool_turn" if reason == "client_tool_call" else "user_turn"
        usage = {
            "input_tokens": self._setup.input_tokens,
            "output_tokens": self._output_words,
            "total_tokens": self._setup.input_tokens + self._output_words,
            "turns": 1,
            "duration_ms": int((time.monotonic() - self._started) * 1000),
        }
        session = self._store.get_session(self.org_id, self.session_id)
        if session is not None:
            session.update(
                status=status,
                usage=add_usage(session["usage"], usage),
                pending_tool_calls=self._pending,
                updated_at=now(),
            )
            self._store.update_session(self.org_id, session)
        self._emit(
            "stop",
            reason=reason,
            status=status,
            is_error=is_error,
            usage=usage,
            skipped_index_ids=self._setup.skipped_index_ids,
        )
        # The session says the turn is over: its stop must not wait for the next write.
        self._events.flush_stream(self.org_id, self.stream)

    def _fail(self, code: str, text: str) -> None:
        self._close_block()
        message = self._current()
        message["content"].append({"type": "error", "error_code": code, "error_message": text})
        self._end_message("failed")
        self._emit("error", message_index=message["index"], error={"code": code, "message": text})
        self._pending = []
        self._stop("error", is_error=True)

    # ------------------------------------------------------------------ the turn
    async def _drive(self) -> None:
        steps = self._brain.run(self._setup.turn)
        outcome: ToolOutcome | None = None
        count = 0
        try:
            while True:
                try:
                    step = await steps.asend(outcome)
                except StopAsyncIteration:
                    break
                outcome = None
                if isinstance(step, TextDelta):
                    if step.text:
                        self._delta("text", step.text)
                elif isinstance(step, ThinkingDelta):
                    if step.text:
                        self._delta("thinking", step.text)
                elif step.client:
                    self._client_tool(step)
                else:
                    outcome = await self._server_tool(step)
                count += 1
                if count % _YIELD_EVERY == 0:
                    await asyncio.sleep(0)
        finally:
            await steps.aclose()

    async def run(self) -> None:
        """The turn, from its warnings to its ``stop``."""
        try:
            for warning in self._setup.warnings:
                self._emit("warning", **warning)
            await self._drive()
            self._end_message("completed")
            self._stop("client_tool_call" if self._pending else "end_turn")
        except BrainError as exc:
            self._fail("AGENT_ERROR", str(exc))
        except asyncio.CancelledError:
            if self.cancel_reason is None:
                self._shutdown()
                raise
            if self.cancel_reason == "cancelled":
                self._pending = []
                self._end_message("cancelled")
                self._stop("cancelled")
        except Exception:
            logger.exception("turn of session %s failed", self.session_id)
            self._fail("INTERNAL_ERROR", "the agent's turn failed inside the server")

    def _shutdown(self) -> None:
        try:
            self._fail("TURN_INTERRUPTED", INTERRUPTED_MESSAGE)
        except Exception:  # the store may be closed already
            logger.warning("could not log the interruption of session %s", self.session_id)
