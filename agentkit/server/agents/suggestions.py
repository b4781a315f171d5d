"""Prompt suggestions of an agent, for a user interface to offer."""

from __future__ import annotations

from typing import Any

from ..core.call import Call
from ..core.errors import ApiError
from ..core.replies import Reply
from ..core.store import Row

__all__ = ["prompt_suggestions", "suggestions_for"]

_OPENERS = ("What can you do?", "How should I ask you for help?")


def suggestions_for(agent: Row) -> list[dict[str, Any]]:
    """The agent's own suggestions; without any, openers and one made from its description."""
    own = [text for text in agent.get("prompt_suggestions") or [] if text.strip()]
    if own:
        return [{"text": text, "source": "agent"} for text in own]
    made = list(_OPENERS)
    description = (agent.get("description") or "").strip().rstrip(".")
    if description:
        made.insert(1, f"Help me with this: {description}.")
    return [{"text": text, "source": "generated"} for text in made]


async def prompt_suggestions(call: Call) -> Reply:
    """The prompts a user interface may offer for a chat with the agent."""
    agent = call.state.store.get_agent(call.org_id, call.params["agent_id"])
    if agent is None:
        raise ApiError("AGENT_NOT_FOUND", f"no agent {call.params['agent_id']!r}")
    return Reply({"agent_id": agent["id"], "data": suggestions_for(agent)})
