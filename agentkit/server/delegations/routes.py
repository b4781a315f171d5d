"""The delegations family's operations: whom an agent can delegate to, and the sub-agents'
conversations in a session."""

from __future__ import annotations

from ..core.call import Call, Handler, page_reply, page_start
from ..core.errors import ApiError
from ..core.replies import Reply

__all__ = ["HANDLERS"]


async def list_sub_agents(call: Call) -> Reply:
    """The agent's sub-agents that still exist, in its order."""
    store = call.state.store
    agent = store.get_agent(call.org_id, call.params["agent_id"])
    if agent is None:
        raise ApiError("AGENT_NOT_FOUND", f"no agent {call.params['agent_id']!r}")
    found = (store.get_agent(call.org_id, agent_id) for agent_id in agent["sub_agent_ids"])
    return Reply({"data": [sub for sub in found if sub is not None]})


async def list_delegations(call: Call) -> Reply:
    """The session's sub-agent conversations, oldest first."""
    session_id = call.params["session_id"]
    if call.state.store.get_session(call.org_id, session_id) is None:
        raise ApiError("SESSION_NOT_FOUND", f"no session {session_id!r}")
    page = call.state.store.list_delegations(
        call.org_id, session_id, page_start(call), call.params["limit"]
    )
    return page_reply(page.rows, page.next_position)


HANDLERS: dict[str, Handler] = {
    "delegations_list_sub_agents": list_sub_agents,
    "delegations_list": list_delegations,
}
