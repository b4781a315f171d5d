"""Guardrails applied to an agent's replies.

A reply is held back until it is complete, then checked by each of the agent's guardrails: a
finding is reported (the caller turns it into its stream's ``guardrail`` event) before the
reply goes on, and a blocking finding replaces the reply with that guardrail's refusal. Agents
without guardrails stream as before, with nothing held back.

This applies to chats; sessions and OpenAI-compatible completions call ``guard_brain`` (or
``check_reply``) the same way once they take guardrails.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from typing import Any

from ..brains import Brain, Turn, words
from ..core.state import ServerState
from ..core.store import Row
from .checker import Finding, check_reply

__all__ = ["GuardedBrain", "agent_guardrails", "guard_brain", "guard_chat_brain"]


def agent_guardrails(state: ServerState, org_id: str, agent: Row) -> list[Row]:
    """The agent's guardrails that still exist, in its order."""
    found = (state.store.get_guardrail(org_id, gid) for gid in agent.get("guardrail_ids", []))
    return [guardrail for guardrail in found if guardrail is not None]


class GuardedBrain:
    """A brain whose complete reply passes its guardrails before it is streamed."""

    def __init__(
        self, inner: Brain, guardrails: list[Row], report: Callable[[Finding], None]
    ) -> None:
        self._inner = inner
        self._guardrails = guardrails
        self._report = report
        self.uses_history = getattr(inner, "uses_history", False)

    async def reply(self, turn: Turn) -> AsyncIterator[str]:
        """The inner brain's reply, or the first blocking guardrail's refusal."""
        deltas = [delta async for delta in self._inner.reply(turn)]
        findings = check_reply("".join(deltas), self._guardrails)
        for finding in findings:
            self._report(finding)
        blocking = next((f for f in findings if f.action == "block"), None)
        if blocking is None:
            for delta in deltas:
                yield delta
            return
        refusal = next(g["refusal"] for g in self._guardrails if g["id"] == blocking.guardrail_id)
        for piece in words(refusal):
            yield piece


def guard_brain(
    state: ServerState, org_id: str, agent: Row, brain: Brain, report: Callable[[Finding], None]
) -> Brain:
    """``brain`` under the agent's guardrails; ``brain`` itself when it has none."""
    guardrails = agent_guardrails(state, org_id, agent)
    return GuardedBrain(brain, guardrails, report) if guardrails else brain


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
