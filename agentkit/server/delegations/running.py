"""Delegating part of a session turn to a sub-agent.

An agent's session brain asks for a delegation with the server tool ``delegate`` (input: the
sub-agent's id or name, and the message). ``DelegatingBrain`` gives each such call the code that
runs it: the sub-agent answers the message with its own brain, in its own conversation within
the session (kept, and read back through ``delegations_list``), and may delegate further. A
sub-agent must be one of the delegating agent's ``sub_agent_ids``; chains are bounded in depth
and may not come back to an agent already in them. Every refusal is the tool's error output,
which the delegating agent sees and the session's stream shows.
"""

from __future__ import annotations

import hashlib
from collections.abc import AsyncGenerator
from dataclasses import dataclass, replace
from typing import Any

from ..brains import (
    BrainError,
    SessionBrain,
    SessionTurn,
    Step,
    TextDelta,
    ToolCall,
    ToolOutcome,
    session_brain_for,
)
from ..core.ids import now
from ..core.state import ServerState
from ..core.store import Row
from ..guardrails.apply import GuardedSessionBrain, agent_guardrails
from ..providers.resolve import upstream_for

__all__ = ["DELEGATE", "MAX_DEPTH", "DelegatingBrain", "delegation_id"]

#: The server tool a brain calls to delegate.
DELEGATE = "delegate"
#: How many sub-agents deep a chain of delegations may go.
MAX_DEPTH = 3
_MAX_MESSAGE = 100_000
_HISTORY = 50


def delegation_id(session_id: str, agent_id: str) -> str:
    """The id of a sub-agent's conversation in a session (one per pair)."""
    digest = hashlib.sha256(f"{session_id}\n{agent_id}".encode()).hexdigest()
    return f"dlg_{digest[:24]}"


def _failed(message: str) -> ToolOutcome:
    return ToolOutcome("error", {"error": message})


@dataclass(frozen=True, slots=True)
class _Context:
    state: ServerState
    org_id: str
    session_id: str
    #: The agents of the chain so far, the session's agent first.
    chain: tuple[Row, ...]


class DelegatingBrain:
    """A session brain whose ``delegate`` calls run a sub-agent."""

    def __init__(self, inner: SessionBrain, context: _Context) -> None:
        self._inner = inner
        self._context = context

    @classmethod
    def for_session(
        cls, inner: SessionBrain, state: ServerState, org_id: str, session_id: str, agent: Row
    ) -> DelegatingBrain:
        """The brain of the session's own agent (the head of every chain)."""
        return cls(inner, _Context(state, org_id, session_id, (agent,)))

    async def run(self, turn: SessionTurn) -> AsyncGenerator[Step, ToolOutcome | None]:
        """The inner brain's steps, its ``delegate`` calls given their code."""
        steps = self._inner.run(turn)
        outcome: ToolOutcome | None = None
        try:
            while True:
                try:
                    step = await steps.asend(outcome)
                except StopAsyncIteration:
                    return
                if isinstance(step, ToolCall) and step.name == DELEGATE and not step.client:
                    tool_input = step.input

                    async def run_delegation(
                        tool_input: dict[str, Any] = tool_input,
                    ) -> ToolOutcome:
                        return await _delegate(self._context, tool_input)

                    step = replace(step, run=run_delegation)
                outcome = yield step
        finally:
            await steps.aclose()


def _find_sub_agent(context: _Context, ref: str) -> Row | None:
    caller = context.chain[-1]
    store = context.state.store
    for agent_id in caller.get("sub_agent_ids", []):
        agent = store.get_agent(context.org_id, agent_id)
        if agent is not None and ref in (agent["id"], agent["name"]):
            return agent
    return None


async def _delegate(context: _Context, tool_input: dict[str, Any]) -> ToolOutcome:
    caller = context.chain[-1]
    ref = tool_input.get("agent")
    message = tool_input.get("message")
    if not isinstance(ref, str) or not ref or not isinstance(message, str) or not message:
        return _failed("delegate needs `agent` (a sub-agent's id or name) and `message` (text)")
    sub = _find_sub_agent(context, ref)
    if sub is None:
        return _failed(f"{ref!r} is not a sub-agent of {caller['name']!r}")
    names = [agent["name"] for agent in context.chain]
    if any(agent["id"] == sub["id"] for agent in context.chain):
        return _failed("delegation cycle: " + " -> ".join([*names, sub["name"]]))
    if len(context.chain) > MAX_DEPTH:
        return _failed(
            f"delegation deeper than {MAX_DEPTH} sub-agents: " + " -> ".join([*names, sub["name"]])
        )
    return await _run_sub_agent(context, sub, message[:_MAX_MESSAGE])


async def _run_sub_agent(context: _Context, sub: Row, message: str) -> ToolOutcome:
    state, org_id, session_id = context.state, context.org_id, context.session_id
    conversation_id = delegation_id(session_id, sub["id"])
    stamp = now()
    conversation = state.store.get_delegation(org_id, session_id, conversation_id) or {
        "id": conversation_id,
        "session_id": session_id,
        "agent_id": sub["id"],
        "agent_name": sub["name"],
        "messages": [],
        "created_at": stamp,
    }
    history = [
        ("user" if said["role"] == "user" else "assistant", said["text"])
        for said in conversation["messages"][-_HISTORY:]
    ]
    inner = session_brain_for(
        sub.get("brain", "echo"),
        echo_delay=0.0,
        slow_delay=state.config.slow_delay,
        upstream=upstream_for(state, org_id, sub),
    )
    # The sub-agent's own guardrails apply to its answer; what they find travels in the output.
    findings: list[dict[str, Any]] = []
    guardrails = agent_guardrails(state, org_id, sub)
    if guardrails:
        inner = GuardedSessionBrain(inner, guardrails, lambda found: findings.append(found.wire()))
    brain = DelegatingBrain(inner, replace(context, chain=(*context.chain, sub)))
    turn = SessionTurn(agent=sub, session_id=session_id, prompt=message, history=history)
    status, error = "completed", None
    try:
        reply = await _answer(brain, turn)
    except BrainError as exc:
        reply, status, error = "", "failed", str(exc)
    conversation["messages"] += [
        {"role": "user", "text": message, "status": "completed", "created_at": stamp},
        {"role": "agent", "text": reply, "status": status, "created_at": now()},
    ]
    conversation.update(agent_name=sub["name"], updated_at=now())
    state.store.save_delegation(org_id, session_id, conversation)
    if error is not None:
        return _failed(f"the sub-agent {sub['name']!r} failed: {error}")
    output = {
        "agent_id": sub["id"],
        "agent_name": sub["name"],
        "delegation_id": conversation_id,
        "reply": reply,
    }
    if findings:
        output["guardrail_findings"] = findings
    return ToolOutcome("success", output)


async def _answer(brain: SessionBrain, turn: SessionTurn) -> str:
    """The sub-agent's text; its delegations run, other tools are refused."""
    steps = brain.run(turn)
    text: list[str] = []
    outcome: ToolOutcome | None = None
    try:
        while True:
            try:
                step = await steps.asend(outcome)
            except StopAsyncIteration:
                return "".join(text)
            outcome = None
            if isinstance(step, TextDelta):
                text.append(step.text)
            elif isinstance(step, ToolCall):
                if step.client:
                    raise BrainError("a sub-agent cannot call the client's tools")
                if step.run is not None:
                    outcome = await step.run()
                else:
                    outcome = _failed(f"the tool {step.name} is not available to a sub-agent")
    finally:
        await steps.aclose()
