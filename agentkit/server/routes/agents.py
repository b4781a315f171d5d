from __future__ import annotations

from typing import Any

from starlette.responses import Response
from starlette.routing import Route

from ..context import Call, api, json_response
from ..errors import ApiError
from ..util import new_id, now

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


def _agent(call: Call) -> dict[str, Any]:
    agent = call.state.store.get_agent(call.org_id, call.request.path_params["agent_id"])
    if agent is None:
        raise ApiError(404, "AGENT_NOT_FOUND", "no such agent")
    return agent


def _check_name(call: Call, name: str, except_id: str | None = None) -> None:
    if call.state.store.agent_name_taken(call.org_id, name, except_id):
        raise ApiError(409, "AGENT_NAME_TAKEN", f"an agent named {name!r} exists already")


def _check_sub_agents(call: Call, ids: list[str]) -> None:
    for index, agent_id in enumerate(ids):
        if call.state.store.get_agent(call.org_id, agent_id) is None:
            raise ApiError(
                404,
                "AGENT_NOT_FOUND",
                f"no such agent {agent_id!r}",
                {"field": f"sub_agent_ids[{index}]"},
            )


@api("agents_create")
async def create(call: Call) -> Response:
    _check_name(call, call.body["name"])
    _check_sub_agents(call, call.body.get("sub_agent_ids", []))
    stamp = now()
    agent = {**DEFAULTS, **call.body, "id": new_id("agt"), "created_at": stamp, "updated_at": stamp}
    call.state.store.insert_agent(call.org_id, agent)
    return json_response(201, agent)


@api("agents_get")
async def get(call: Call) -> Response:
    return json_response(200, _agent(call))


@api("agents_update")
async def update(call: Call) -> Response:
    agent = _agent(call)
    if "name" in call.body:
        _check_name(call, call.body["name"], agent["id"])
    _check_sub_agents(call, call.body.get("sub_agent_ids", []))
    agent.update(call.body, updated_at=now())
    call.state.store.update_agent(call.org_id, agent)
    return json_response(200, agent)


@api("agents_update_instructions")
async def update_instructions(call: Call) -> Response:
    agent = _agent(call)
    agent.update(instructions=call.body["instructions"], updated_at=now())
    call.state.store.update_agent(call.org_id, agent)
    return json_response(200, agent)


@api("agents_delete")
async def delete(call: Call) -> Response:
    agent = _agent(call)
    call.state.store.delete_agent(call.org_id, agent["id"])
    return json_response(200, {"id": agent["id"], "deleted": True})


@api("agents_list")
async def list_agents(call: Call) -> Response:
    page = call.state.store.list_agents(call.org_id, call.query["limit"], call.query.get("cursor"))
    return json_response(
        200,
        {
            "data": page.rows,
            "has_more": page.next_cursor is not None,
            "next_cursor": page.next_cursor,
        },
    )


@api("agents_check_name")
async def check_name(call: Call) -> Response:
    name = call.query["name"]
    taken = call.state.store.agent_name_taken(call.org_id, name)
    return json_response(200, {"name": name, "available": not taken})


routes = [
    Route("/v1/agents", create, methods=["POST"]),
    Route("/v1/agents", list_agents, methods=["GET"]),
    Route("/v1/agents/name-availability", check_name, methods=["GET"]),
    Route("/v1/agents/{agent_id}", get, methods=["GET"]),
    Route("/v1/agents/{agent_id}", update, methods=["PATCH"]),
    Route("/v1/agents/{agent_id}", delete, methods=["DELETE"]),
    Route("/v1/agents/{agent_id}/instructions", update_instructions, methods=["PUT"]),
]
