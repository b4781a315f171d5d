"""Guardrails applied to an agent's replies.

A reply is held back until it is complete, then checked by each of the agent's guardrails: a
finding is reported (the caller turns it into its stream's ``guardrail`` event) before the
reply goes on, and a blocking finding replaces the reply with that guardrail's refusal. Agents
without guardrails stream as before, with nothing held back.

Chats, sessions and OpenAI-compatible completions apply them here (in a session or a
completion, the text between tool calls is checked in segments, each released before the next
tool call).
"""

from __future__ import annotations

from collections.abc import AsyncGenerator, AsyncIterator, Callable
from typing import Any

from ..brains import (
    Brain,
    SessionBrain,
    SessionTurn,
    Step,
    TextDelta,
    ToolCall,
    ToolOutcome,
    Turn,
    words,
)
from ..core.state import ServerState
from ..core.store import Row
from .checker import Finding
from .model_check import Check, checker_for

__all__ = [
    "GuardedBrain",
    "GuardedSessionBrain",
    "agent_guardrails",
    "guard_brain",
    "guard_chat_brain",
    "guard_session_brain",
]


def agent_guardrails(state: ServerState, org_id: str, agent: Row) -> list[Row]:
    """The agent's guardrails that still exist, in its order."""
    found = (state.store.get_guardrail(org_id, gid) for gid in agent.get("guardrail_ids", []))
    return [guardrail for guardrail in found if guardrail is not None]


class GuardedBrain:
    """A brain whose complete reply passes its guardrails before it is streamed."""

    def __init__(
        self, inner: Brain, guardrails: list[Row], report: Callable[[Finding], None], check: Check
    ) -> None:
        self._inner = inner
        self._guardrails = guardrails
        self._report = report
        self._check = check
        self.uses_history = getattr(inner, "uses_history", False)

    async def reply(self, turn: Turn) -> AsyncIterator[str]:
        """The inner brain's reply, or the first blocking guardrail's refusal."""
        deltas = [delta async for delta in self._inner.reply(turn)]
        for delta in await _released(deltas, self._guardrails, self._report, self._check):
            yield delta


async def _released(
    deltas: list[str], guardrails: list[Row], report: Callable[[Finding], None], check: Check
) -> list[str]:
    """The deltas to send for a held text: as they were, or the blocking refusal's words."""
    findings = await check("".join(deltas))
    for finding in findings:
        report(finding)
    blocking = next((f for f in findings if f.action == "block"), None)
    if blocking is None:
        return deltas
    refusal = next(g["refusal"] for g in guardrails if g["id"] == blocking.guardrail_id)
    return words(refusal)


class GuardedSessionBrain:
    """A session brain whose text passes its guardrails before it is streamed; thinking and
    tool calls pass at once, each tool call after the text held before it."""

    def __init__(
        self,
        inner: SessionBrain,
        guardrails: list[Row],
        report: Callable[[Finding], None],
        check: Check,
    ) -> None:
        self._inner = inner
        self._guardrails = guardrails
        self._report = report
        self._check = check

    async def run(self, turn: SessionTurn) -> AsyncGenerator[Step, ToolOutcome | None]:
        """The inner brain's steps, its text checked segment by segment."""
        steps = self._inner.run(turn)
        held: list[str] = []
        outcome: ToolOutcome | None = None
        try:
            while True:
                try:
                    step = await steps.asend(outcome)
                except StopAsyncIteration:
                    break
                outcome = None
                if isinstance(step, TextDelta):
                    held.append(step.text)
                    continue
                if held and isinstance(step, ToolCall):
                    for delta in await _released(held, self._guardrails, self._report, self._check):
                        yield TextDelta(delta)
                    held = []
                outcome = yield step
        finally:
            await steps.aclose()
        if held:
            for delta in await _released(held, self._guardrails, self._report, self._check):
                yield TextDelta(delta)


def guard_brain(
    state: ServerState, org_id: str, agent: Row, brain: Brain, report: Callable[[Finding], None]
) -> Brain:
    """``brain`` under the agent's guardrails; ``brain`` itself when it has none."""
    guardrails = agent_guardrails(state, org_id, agent)
    if not guardrails:
        return brain
    return GuardedBrain(brain, guardrails, report, checker_for(state, org_id, guardrails))


def guard_chat_brain(
    state: ServerState,
    org_id: str,
    agent: Row,
    brain: Brain,
    stream: str,
    chat_id: str,
    reply_id: str,
) -> Brain:
    """``brain`` under the agent's guardrails, each finding a ``guardrail`` event of the chat."""

    def report(finding: Finding) -> None:
        event: dict[str, Any] = {
            "type": "guardrail",
            "chat_id": chat_id,
            "message_id": reply_id,
            "finding": finding.wire(),
        }
        state.events.append(org_id, stream, event)

    return guard_brain(state, org_id, agent, brain, report)


def guard_session_brain(
    state: ServerState, org_id: str, agent: Row, brain: SessionBrain, stream: str, session_id: str
) -> SessionBrain:
    """``brain`` under the agent's guardrails, each finding a ``guardrail`` event of the session;
    ``brain`` itself when the agent has none."""
    guardrails = agent_guardrails(state, org_id, agent)
    if not guardrails:
        return brain

    def report(finding: Finding) -> None:
        event = {"type": "guardrail", "id": 0, "session_id": session_id, "finding": finding.wire()}
        state.events.append(org_id, stream, event)

    return GuardedSessionBrain(brain, guardrails, report, checker_for(state, org_id, guardrails))
