"""Sub-agents from the SDK, both clients: the agents one can delegate to, and a delegation seen
as a ``tool_call`` / ``tool_result`` pair naming the sub-agent, whose session is readable."""

from __future__ import annotations

from typing import Any

import pytest

from agentkit import AgentNotFoundError
from agentkit.types import SessionToolCallEvent, SessionToolResultEvent


def test_sub_agents_are_listed_and_answer(client: Any) -> None:
    helper = client.agents.create(name="Helper", brain="echo")
    gone = client.agents.create(name="Gone", brain="echo")
    boss = client.agents.create(name="Boss", brain="scripted", sub_agent_ids=[helper.id, gone.id])
    client.agents.delete(gone.id)
    assert [agent.name for agent in client.agents.list_sub_agents(boss.id)] == ["Helper"]
    session = client.sessions.create(boss.id)
    with client.sessions.stream_send(session.id, "/delegate Helper check the stock") as stream:
        events = list(stream)
    call = next(e for e in events if isinstance(e, SessionToolCallEvent))
    result = next(e for e in events if isinstance(e, SessionToolResultEvent))
    assert call.tool_name == "delegate" and call.input_["agent"] == "Helper"
    assert result.output["agent_id"] == helper.id
    assert stream.text == "Helper answered: check the stock"
    sub = client.sessions.get(result.output["session_id"])
    assert sub.agent_id == helper.id
    with pytest.raises(AgentNotFoundError):
        client.agents.list_sub_agents("agt_nobody")
