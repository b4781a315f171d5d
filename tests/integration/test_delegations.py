"""Sub-agents that really answer: delegation in session turns, for the sync and async client."""

from __future__ import annotations

from typing import Any

import pytest

import agentkit
from agentkit.types import SessionToolCallEvent, SessionToolResultEvent


def _turn(client: Any, session_id: str, prompt: str) -> tuple[list[Any], str]:
    with client.sessions.stream_send(session_id, prompt) as stream:
        events = list(stream)
    return events, stream.text


class TestDelegation:
    def test_delegation_is_a_tool_call_and_result_naming_the_sub_agent(self, client: Any) -> None:
        """The orchestrator's answer quotes the sub-agent's; the stream shows the pair."""
        helper = client.agents.create(name="Helper", brain="echo")
        lead = client.agents.create(name="Lead", brain="scripted", sub_agent_ids=[helper.id])
        session = client.sessions.create(lead.id)
        events, text = _turn(client, session.id, "/delegate Helper summarise the data")
        (call,) = [e for e in events if isinstance(e, SessionToolCallEvent)]
        (result,) = [e for e in events if isinstance(e, SessionToolResultEvent)]
        assert call.tool_name == "delegate"
        assert call.input_.to_dict() == {"agent": "Helper", "message": "summarise the data"}
        assert (result.tool_use_id, result.status) == (call.tool_use_id, "success")
        output = result.output.to_dict()
        assert (output["agent_id"], output["agent_name"]) == (helper.id, "Helper")
        assert output["reply"] == "summarise the data"
        assert text == "Helper answered: summarise the data"

    def test_sub_agent_conversation_is_kept_and_grows(self, client: Any) -> None:
        """Each sub-agent keeps one conversation per session, read back in order."""
        helper = client.agents.create(name="Helper", brain="scripted")
        lead = client.agents.create(name="Lead", brain="scripted", sub_agent_ids=[helper.id])
        session = client.sessions.create(lead.id)
        _turn(client, session.id, f"/delegate {helper.id} first")
        _turn(client, session.id, "/delegate Helper second")
        (conversation,) = list(client.delegations.list(session.id))
        assert conversation.agent_id == helper.id
        assert [(m.role, m.text) for m in conversation.messages] == [
            ("user", "first"),
            ("agent", "You said: first"),
            ("user", "second"),
            ("agent", "You said: second"),
        ]

    def test_chains_delegate_further(self, client: Any) -> None:
        """A sub-agent may delegate to its own sub-agent; each keeps its conversation."""
        leaf = client.agents.create(name="Leaf", brain="echo")
        middle = client.agents.create(name="Middle", brain="scripted", sub_agent_ids=[leaf.id])
        lead = client.agents.create(name="Lead", brain="scripted", sub_agent_ids=[middle.id])
        session = client.sessions.create(lead.id)
        _, text = _turn(client, session.id, "/delegate Middle /delegate Leaf deep")
        assert text == "Middle answered: Leaf answered: deep"
        assert [d.agent_name for d in client.delegations.list(session.id)] == ["Leaf", "Middle"]

    def test_cycles_are_refused_with_a_clear_error(self, client: Any) -> None:
        """Delegating back to an agent already in the chain fails the tool, naming the cycle."""
        a = client.agents.create(name="A", brain="scripted")
        b = client.agents.create(name="B", brain="scripted", sub_agent_ids=[a.id])
        client.agents.update(a.id, sub_agent_ids=[b.id])
        session = client.sessions.create(a.id)
        events, text = _turn(client, session.id, "/delegate B /delegate A hi")
        (result,) = [e for e in events if isinstance(e, SessionToolResultEvent)]
        assert result.status == "success"  # B answered; its own delegation failed
        assert "delegation cycle: A -> B -> A" in text

    def test_depth_is_bounded(self, client: Any) -> None:
        """A chain longer than the bound fails at the first agent past it."""
        agents = [client.agents.create(name="L4", brain="echo")]
        for level in (3, 2, 1, 0):
            agents.append(
                client.agents.create(
                    name=f"L{level}", brain="scripted", sub_agent_ids=[agents[-1].id]
                )
            )
        session = client.sessions.create(agents[-1].id)
        _, text = _turn(client, session.id, "/delegate L1 /delegate L2 /delegate L3 /delegate L4 x")
        assert "delegation deeper than 3 sub-agents: L0 -> L1 -> L2 -> L3 -> L4" in text

    def test_only_listed_sub_agents_can_be_delegated_to(self, client: Any) -> None:
        """An agent that is not a sub-agent gets an error result, and the turn still ends."""
        client.agents.create(name="Stranger", brain="echo")
        lead = client.agents.create(name="Lead", brain="scripted")
        session = client.sessions.create(lead.id)
        events, text = _turn(client, session.id, "/delegate Stranger hi")
        (result,) = [e for e in events if isinstance(e, SessionToolResultEvent)]
        assert result.status == "error"
        assert text == "The delegation failed: 'Stranger' is not a sub-agent of 'Lead'"
        assert list(client.delegations.list(session.id)) == []

    def test_sub_agents_own_guardrails_apply_to_its_answer(self, client: Any) -> None:
        """A sub-agent's blocking guardrail replaces its answer; the finding is in the output."""
        guardrail = client.guardrails.create(
            name="Brand", competitor_keywords=["Acme"], refusal="Not that."
        )
        helper = client.agents.create(name="Helper", brain="echo", guardrail_ids=[guardrail.id])
        lead = client.agents.create(name="Lead", brain="scripted", sub_agent_ids=[helper.id])
        session = client.sessions.create(lead.id)
        events, text = _turn(client, session.id, "/delegate Helper buy Acme")
        (result,) = [e for e in events if isinstance(e, SessionToolResultEvent)]
        output = result.output.to_dict()
        assert output["reply"] == "Not that."
        assert [f["guardrail_id"] for f in output["guardrail_findings"]] == [guardrail.id]
        assert text == "Helper answered: Not that."


class TestListing:
    def test_sub_agents_are_listed_in_order_without_deleted_ones(self, client: Any) -> None:
        """The delegatable agents are the existing sub_agent_ids, in order."""
        one = client.agents.create(name="One")
        two = client.agents.create(name="Two")
        lead = client.agents.create(name="Lead", sub_agent_ids=[two.id, one.id])
        assert [a.id for a in client.delegations.list_sub_agents(lead.id).data] == [two.id, one.id]
        client.agents.delete(two.id)
        assert [a.id for a in client.delegations.list_sub_agents(lead.id).data] == [one.id]

    def test_other_organizations_are_not_found(self, make_client: Any) -> None:
        """Another organization's agent and session answer 404."""
        owner, stranger = make_client(), make_client()
        lead = owner.agents.create(name="Lead")
        session = owner.sessions.create(lead.id)
        with pytest.raises(agentkit.AgentNotFoundError):
            stranger.delegations.list_sub_agents(lead.id)
        with pytest.raises(agentkit.SessionNotFoundError):
            list(stranger.delegations.list(session.id))
