"""client.agents against the reference server, for the sync and the async client."""

from __future__ import annotations

from typing import Any

import pytest

import agentkit
from agentkit.types import AgentBrain


class TestCreateAndGet:
    def test_create_returns_the_agent_with_defaults(self, client: Any) -> None:
        """A created agent comes back with an id, its fields and the documented defaults."""
        agent = client.agents.create(name="Support Bot", instructions="Be brief.")
        assert agent.id.startswith("agt_")
        assert (agent.name, agent.instructions) == ("Support Bot", "Be brief.")
        assert agent.brain == AgentBrain.ECHO
        assert agent.streaming is True
        assert client.agents.get(agent.id).to_dict() == agent.to_dict()

    def test_all_fields_round_trip(self, client: Any) -> None:
        """Every writable field is stored and returned as sent, metadata from a plain dict."""
        agent = client.agents.create(
            name="Planner",
            description="Plans trips",
            instructions="Plan.",
            brain="scripted",
            model_profile="small",
            streaming=False,
            prompt_suggestions=["Plan a weekend"],
            metadata={"team": "travel", "tier": 2},
        )
        assert agent.description == "Plans trips"
        assert agent.brain == "scripted"
        assert agent.model_profile == "small"
        assert agent.streaming is False
        assert agent.prompt_suggestions == ["Plan a weekend"]
        assert agent.metadata.to_dict() == {"team": "travel", "tier": 2}

    def test_sub_agents(self, client: Any) -> None:
        """An agent can name other agents as its sub-agents."""
        helper = client.agents.create(name="Helper")
        lead = client.agents.create(name="Lead", sub_agent_ids=[helper.id])
        assert lead.sub_agent_ids == [helper.id]

    def test_missing_agent_is_not_found(self, client: Any) -> None:
        """Getting an unknown id raises AgentNotFoundError with the code and a request id."""
        with pytest.raises(agentkit.AgentNotFoundError) as caught:
            client.agents.get("agt_does_not_exist")
        assert caught.value.status_code == 404
        assert caught.value.code == "AGENT_NOT_FOUND"
        assert caught.value.request_id

    def test_other_organizations_agents_are_invisible(self, make_client: Any) -> None:
        """An agent of another key answers 404, exactly like one that does not exist."""
        owner, stranger = make_client(), make_client()
        agent = owner.agents.create(name="Private")
        with pytest.raises(agentkit.AgentNotFoundError):
            stranger.agents.get(agent.id)
        with pytest.raises(agentkit.AgentNotFoundError):
            stranger.agents.delete(agent.id)

    def test_names_are_unique_per_organization(self, make_client: Any) -> None:
        """A second agent with the same name is refused; another organization may use it."""
        first, second = make_client(), make_client()
        first.agents.create(name="Twin")
        with pytest.raises(agentkit.AgentNameTakenError):
            first.agents.create(name="Twin")
        assert second.agents.create(name="Twin").name == "Twin"

    def test_check_name(self, client: Any) -> None:
        """Name availability reflects the agents that exist."""
        assert client.agents.check_name("Fresh").available is True
        client.agents.create(name="Fresh")
        assert client.agents.check_name("Fresh").available is False


class TestUpdate:
    def test_patch_changes_only_given_fields(self, client: Any) -> None:
        """Fields left out keep their value; null clears a nullable field."""
        agent = client.agents.create(name="A", description="d", instructions="i", model_profile="m")
        updated = client.agents.update(agent.id, name="B", description=None)
        assert updated.name == "B"
        assert updated.description is None
        assert (updated.instructions, updated.model_profile) == ("i", "m")
        assert updated.updated_at >= agent.updated_at

    def test_update_instructions_only(self, client: Any) -> None:
        """The instructions endpoint replaces the instructions and nothing else."""
        agent = client.agents.create(name="A", instructions="old", description="keep")
        updated = client.agents.update_instructions(agent.id, "new")
        assert (updated.instructions, updated.description) == ("new", "keep")

    def test_delete(self, client: Any) -> None:
        """A deleted agent is gone."""
        agent = client.agents.create(name="Temp")
        assert client.agents.delete(agent.id).deleted is True
        with pytest.raises(agentkit.AgentNotFoundError):
            client.agents.get(agent.id)


class TestList:
    def test_iteration_walks_every_page(self, client: Any) -> None:
        """Iterating the pager yields all agents, oldest first, across pages."""
        names = [f"agent-{i}" for i in range(7)]
        for name in names:
            client.agents.create(name=name)
        assert [agent.name for agent in client.agents.list(page_size=3)] == names

    def test_a_page_alone(self, client: Any) -> None:
        """first_page fetches one page with its cursor."""
        for i in range(3):
            client.agents.create(name=f"p{i}")
        page = client.agents.list(page_size=2).first_page()
        assert [agent.name for agent in page.data] == ["p0", "p1"]
        assert page.has_more is True and page.next_cursor

    def test_listing_is_lazy(self, make_client: Any) -> None:
        """Creating a pager sends no request."""
        seen: list[str] = []
        client = make_client(on_request=lambda info: seen.append(info.url))
        pager = client.agents.list()
        assert seen == []
        list(pager)
        assert len(seen) == 1


class TestValidation:
    def test_server_rejects_bad_field_with_its_path(self, client: Any) -> None:
        """An over-long name is a 400 ValidationError naming the field."""
        with pytest.raises(agentkit.ValidationError) as caught:
            client.agents.create(name="x" * 101)
        assert caught.value.field == "name"
        assert caught.value.status_code == 400

    def test_a_brain_this_sdk_does_not_know_is_left_to_the_server(self, client: Any) -> None:
        """An enum value unknown to the SDK is sent as it is, so a newer server may accept it;
        this server refuses it with a 400 naming the field, not a client-side error."""
        with pytest.raises(agentkit.ValidationError) as caught:
            client.agents.create(name="Future", brain="quantum")
        assert caught.value.field == "brain"
        assert caught.value.details.get("location") == "body"
        assert caught.value.request_id is not None
