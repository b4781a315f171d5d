"""The agents family's operations: create, read, list, update (partially), delete, replace the
instructions, check a name; chat from a web front end, the history of those chats, and the
prompts to suggest there."""

from __future__ import annotations

from typing import Any

from ..core.call import Call, Handler, page_reply, page_start
from ..core.errors import ApiError
from ..core.ids import new_id, now
from ..core.replies import Reply
from ..core.store import Conflict, Row
from ..guardrails.routes import check_guardrail_refs
from ..providers.resolve import check_provider_ref
from .chat import chat
from .chat_history import delete_chat, delete_chats, generate_title, get_chat, list_chats
from .chat_status import chat_status
from .suggestions import prompt_suggestions

__all__ = ["HANDLERS"]

DEFAULTS: dict[str, Any] = {
    "description": None,
    "instructions": "",
    "brain": "echo",
    "model_profile": None,
    "provider_id": None,
    "guardrail_ids": [],
    "streaming": True,
    "sub_agent_ids": [],
    "prompt_suggestions": [],
    "metadata": {},
}


def _agent(call: Call) -> Row:
    agent = call.state.store.get_agent(call.org_id, call.params["agent_id"])
    if agent is None:
        raise ApiError("AGENT_NOT_FOUND", f"no agent {call.params['agent_id']!r}")
    return agent


def _name_taken(name: str) -> ApiError:
    return ApiError(
        "AGENT_NAME_TAKEN",
        f"an agent named {name!r} exists already",
        {"field": "name", "location": "body"},
    )


def _check_sub_agents(call: Call, ids: list[str], own_id: str | None = None) -> None:
    for index, agent_id in enumerate(ids):
        if agent_id == own_id or call.state.store.get_agent(call.org_id, agent_id) is None:
            raise ApiError(
                "AGENT_NOT_FOUND",
                f"no agent {agent_id!r} to use as a sub-agent",
                {"field": f"sub_agent_ids[{index}]", "location": "body"},
            )


async def create(call: Call) -> Reply:
    """Create an agent."""
    _check_sub_agents(call, call.body.get("sub_agent_ids", []))
    check_provider_ref(call.state, call.org_id, call.body)
    check_guardrail_refs(call)
    stamp = now()
    agent = {**DEFAULTS, **call.body, "id": new_id("agt"), "created_at": stamp, "updated_at": stamp}
    try:
        call.state.store.insert_agent(call.org_id, agent)
    except Conflict:
        raise _name_taken(agent["name"]) from None
    return Reply(agent)


async def get(call: Call) -> Reply:
    """Get an agent."""
    return Reply(_agent(call))


async def update(call: Call) -> Reply:
    """Update some fields of an agent; fields left out keep their value."""
    agent = _agent(call)
    if "sub_agent_ids" in call.body:
        _check_sub_agents(call, call.body["sub_agent_ids"], agent["id"])
    check_provider_ref(call.state, call.org_id, call.body)
    check_guardrail_refs(call)
    agent.update(call.body, updated_at=now())
    try:
        call.state.store.update_agent(call.org_id, agent)
    except Conflict:
        raise _name_taken(agent["name"]) from None
    return Reply(agent)


async def update_instructions(call: Call) -> Reply:
    """Replace an agent's instructions only."""
    agent = _agent(call)
    agent.update(instructions=call.body["instructions"], updated_at=now())
    call.state.store.update_agent(call.org_id, agent)
    return Reply(agent)


async def delete(call: Call) -> Reply:
    """Delete an agent; the messaging handle it took, if any, is freed with it."""
    agent = _agent(call)
    store = call.state.store
    identity = store.identity_by_agent(call.org_id, agent["id"])
    with store.atomic():
        store.delete_agent(call.org_id, agent["id"])
        if identity is not None:
            store.delete_identity(identity["id"])
    return Reply({"id": agent["id"], "deleted": True})


async def list_agents(call: Call) -> Reply:
    """List agents, oldest first."""
    after = page_start(call)
    page = call.state.store.list_agents(call.org_id, after, call.params["limit"])
    return page_reply(page.rows, page.next_position)


async def list_sub_agents(call: Call) -> Reply:
    """The agents this agent can delegate to, in its order (deleted ones left out)."""
    agent = _agent(call)
    store = call.state.store
    found = [store.get_agent(call.org_id, agent_id) for agent_id in agent["sub_agent_ids"]]
    return page_reply([sub for sub in found if sub is not None], None)


async def check_name(call: Call) -> Reply:
    """Check whether an agent name is still free."""
    name = call.params["name"]
    taken = call.state.store.agent_name_taken(call.org_id, name)
    return Reply({"name": name, "available": not taken})


HANDLERS: dict[str, Handler] = {
    "agents_create": create,
    "agents_get": get,
    "agents_update": update,
    "agents_update_instructions": update_instructions,
    "agents_delete": delete,
    "agents_list": list_agents,
    "agents_check_name": check_name,
    "agents_chat": chat,
    "agents_list_chats": list_chats,
    "agents_get_chat": get_chat,
    "agents_delete_chat": delete_chat,
    "agents_delete_chats": delete_chats,
    "agents_generate_chat_title": generate_title,
    "agents_chat_status": chat_status,
    "agents_list_sub_agents": list_sub_agents,
    "agents_get_prompt_suggestions": prompt_suggestions,
}
