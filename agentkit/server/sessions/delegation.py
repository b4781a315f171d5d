"""Sub-agents that really answer: the ``delegate`` server tool of a session turn (and of a
chat's turn, from a ``Parent`` of its own).

An agent may hand a message to one of its ``sub_agent_ids``. The sub-agent answers in a session
of its own (one per parent session and sub-agent, so its conversation continues across
delegations and can be read like any session); the parent's turn waits for the reply, which
comes back as the tool's result. Chains of delegation are bounded: an agent already in the
chain cannot be delegated to again (a cycle), and a chain stops at ``MAX_DEPTH`` agents.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from hashlib import blake2b
from typing import Any

from ..brains.session import ToolOutcome
from ..core.errors import ApiError
from ..core.state import ServerState
from ..core.store import Row
from .stream import SESSION_STREAM

__all__ = ["MAX_DEPTH", "Delegate", "Parent", "StartTurn", "delegate", "delegator"]

#: The longest chain of agents delegating to one another, the first one included.
MAX_DEPTH = 3
_CHAIN = "delegation_chain"

Delegate = Callable[[Row], Awaitable[ToolOutcome]]
StartTurn = Callable[[ServerState, str, Row, Row, Row], int]


def _error(message: str) -> ToolOutcome:
    return ToolOutcome("error", {"error": message})


def _sub_agent(state: ServerState, org_id: str, agent: Row, named: str) -> Row | None:
    for agent_id in agent.get("sub_agent_ids") or []:
        candidate = state.store.get_agent(org_id, agent_id)
        if candidate is not None and named in (candidate["id"], candidate["name"]):
            return candidate
    return None


@dataclass(frozen=True, slots=True)
class Parent:
    """The conversation an agent delegates from.

    Attributes:
        key: Its id (a session's or a chat's): with the sub-agent's, it names the sub-session.
        chain: The agents that delegated down to this one, the first one first.
        delegated_by: What the sub-session's ``delegated_by`` metadata says of the parent.
    """

    key: str
    chain: list[str]
    delegated_by: Row


def _sub_session(
    state: ServerState, org_id: str, parent: Parent, sub: Row, chain: list[str]
) -> Row:
    from .routes import new_session

    digest = blake2b(f"{parent.key}\0{sub['id']}".encode(), digest_size=12).hexdigest()
    found = state.store.get_session(org_id, f"ses_{digest}")
    if found is not None:
        return found
    metadata = {"delegated_by": parent.delegated_by, _CHAIN: chain}
    created = new_session(f"ses_{digest}", {"agent_id": sub["id"], "metadata": metadata})
    state.store.insert_session(org_id, created)
    return created


async def _reply(state: ServerState, org_id: str, session_id: str, first: int) -> ToolOutcome:
    texts: list[str] = []
    stream = SESSION_STREAM.stream(session_id)
    async for batch in state.events.follow(org_id, stream, first - 1, one_turn=True):
        for event in batch:
            data: dict[str, Any] = json.loads(event.data)
            if event.kind == "text_delta":
                texts.append(data["content"])
            elif event.kind == "error":
                return _error(f"{data['error']['code']}: {data['error']['message']}")
    return ToolOutcome("success", {"session_id": session_id, "reply": "".join(texts)})


async def delegate(
    state: ServerState, org_id: str, parent: Parent, agent: Row, tool_input: Row, start: StartTurn
) -> ToolOutcome:
    """Run the ``delegate`` tool of ``agent``: a turn of the sub-agent ``tool_input`` names, in
    its session under ``parent``; the outcome carries its reply, or why there is none."""
    named = str(tool_input.get("agent", ""))
    message = str(tool_input.get("message", "")).strip()
    sub = _sub_agent(state, org_id, agent, named)
    if sub is None:
        return _error(f"{named!r} is not a sub-agent of {agent['name']!r}")
    chain = [*parent.chain, agent["id"]]
    if sub["id"] in chain:
        return _error(f"delegating to {sub['name']!r} would make a cycle")
    if len(chain) >= MAX_DEPTH:
        return _error(f"delegation goes at most {MAX_DEPTH} agents deep")
    if not message:
        return _error("there is no message to delegate")
    sub_session = _sub_session(state, org_id, parent, sub, chain)
    body = {"message": {"parts": [{"type": "text", "content": message}]}}
    try:
        first = start(state, org_id, sub_session, sub, body)
    except ApiError as error:
        return _error(f"{error.code}: {error.message}")
    outcome = await _reply(state, org_id, sub_session["id"], first)
    if outcome.output is not None and outcome.status == "success":
        outcome.output.update(agent_id=sub["id"], agent_name=sub["name"])
    return outcome


def delegator(
    state: ServerState, org_id: str, session: Row, agent: Row, start: StartTurn
) -> Delegate:
    """The ``delegate`` tool of a turn of ``agent`` in ``session``; ``start`` starts a turn."""
    chain = list((session.get("metadata") or {}).get(_CHAIN, []))
    parent = Parent(session["id"], chain, {"session_id": session["id"], "agent_id": agent["id"]})

    async def run(tool_input: Row) -> ToolOutcome:
        return await delegate(state, org_id, parent, agent, tool_input, start)

    return run
