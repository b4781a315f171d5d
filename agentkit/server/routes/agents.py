"""Agents: create, read, list, update (partially), delete, instructions, name availability."""

from __future__ import annotations

from typing import Any

from starlette.responses import Response

from ..context import Call, api, json_response, page_response, page_start, resource
from ..errors import ApiError
from ..store import Conflict, Row
from ..util import new_id, now

__all__ = ["routes"]

DEFAULTS: dict[str, Any] = {
    "description": None,
    "instructions": "",
    "brain": "echo",
    "model_profile": None,
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


@api("agents_create")
async def create(call: Call) -> Response:
    """Create an agent."""
    _check_sub_agents(call, call.body.get("sub_agent_ids", []))
    stamp = now()
    agent = {**DEFAULTS, **call.body, "id": new_id("agt"), "created_at": stamp, "updated_at": stamp}
    try:
        call.state.store.insert_agent(call.org_id, agent)
    except Conflict:
        raise _name_taken(agent["name"]) from None
    return json_response(201, agent)


@api("agents_get")
async def get(call: Call) -> Response:
    """Get an agent."""
    return json_response(200, _agent(call))


@api("agents_update")
async def update(call: Call) -> Response:
    """Update some fields of an agent; fields left out keep their value."""
    agent = _agent(call)
    if "sub_agent_ids" in call.body:
        _check_sub_agents(call, call.body["sub_agent_ids"], agent["id"])
    agent.update(call.body, updated_at=now())
    try:
        call.state.store.update_agent(call.org_id, agent)
    except Conflict:
        raise _name_taken(agent["name"]) from None
    return json_response(200, agent)


@api("agents_update_instructions")
async def update_instructions(call: Call) -> Response:
    """Replace an agent's instructions only."""
    agent = _agent(call)
    agent.update(instructions=call.body["instructions"], updated_at=now())
    call.state.store.update_agent(call.org_id, agent)
    return json_response(200, agent)


@api("agents_delete")
async def delete(call: Call) -> Response:
    """Delete an agent."""
    agent = _agent(call)
    call.state.store.delete_agent(call.org_id, agent["id"])
    return json_response(200, {"id": agent["id"], "deleted": True})


@api("agents_list")
async def list_agents(call: Call) -> Response:
    """List agents, oldest first."""
    after = page_start(call)
    page = call.state.store.list_agents(call.org_id, after, call.params["limit"])
    return page_response(page.rows, page.next_position)


@api("agents_check_name")
async def check_name(call: Call) -> Response:
    """Check whether an agent name is still free."""
    name = call.params["name"]
    taken = call.state.store.agent_name_taken(call.org_id, name)
    return json_response(200, {"name": name, "available": not taken})


routes = [
    resource("/v1/agents", post=create, get=list_agents),
    resource("/v1/agents/name-availability", get=check_name),
    resource("/v1/agents/{agent_id}", get=get, patch=update, delete=delete),
    resource("/v1/agents/{agent_id}/instructions", put=update_instructions),
]
