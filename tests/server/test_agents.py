"""Agents: CRUD, partial updates, names, pagination, validation and isolation."""

from __future__ import annotations

from typing import Any

import pytest

from .conftest import TIMESTAMP, Api, Harness, new_agent


class TestCreateAndRead:
    def test_create_fills_defaults(self, api: Api) -> None:
        """A new agent gets an agt_ id, timestamps and the documented defaults."""
        agent = new_agent(api, name="Support Bot")
        assert agent["id"].startswith("agt_")
        assert TIMESTAMP.match(agent["created_at"]) and agent["created_at"] == agent["updated_at"]
        assert agent["brain"] == "echo"
        assert agent["instructions"] == ""
        assert agent["streaming"] is True
        assert agent["description"] is None and agent["model_profile"] is None
        assert agent["sub_agent_ids"] == [] and agent["prompt_suggestions"] == []
        assert agent["metadata"] == {}

    def test_create_keeps_every_field(self, api: Api) -> None:
        """Fields sent at creation come back as sent, and GET returns the same agent."""
        helper = new_agent(api, name="Helper")
        fields = {
            "name": "Full",
            "description": "does everything",
            "instructions": "Be brief.",
            "brain": "scripted",
            "model_profile": "gpt-test",
            "streaming": False,
            "sub_agent_ids": [helper["id"]],
            "prompt_suggestions": ["Hi?"],
            "metadata": {"team": "support", "n": 1},
        }
        agent = new_agent(api, **fields)
        assert {key: agent[key] for key in fields} == fields
        assert api.get(f"/v1/agents/{agent['id']}").json() == agent

    def test_unknown_sub_agent_is_agent_not_found(self, api: Api) -> None:
        """sub_agent_ids must name agents of the organization."""
        response = api.post("/v1/agents", json={"name": "Boss", "sub_agent_ids": ["agt_nope"]})
        assert response.status_code == 404
        error = response.json()["error"]
        assert error["code"] == "AGENT_NOT_FOUND"
        assert error["details"]["field"] == "sub_agent_ids[0]"

    def test_missing_agent_is_agent_not_found(self, api: Api) -> None:
        """GET of an unknown id answers 404 AGENT_NOT_FOUND."""
        response = api.get("/v1/agents/agt_unknown")
        assert response.status_code == 404
        assert response.json()["error"]["code"] == "AGENT_NOT_FOUND"


class TestNames:
    def test_a_taken_name_is_a_conflict(self, api: Api) -> None:
        """Names are unique per organization: a second create answers 409 AGENT_NAME_TAKEN."""
        new_agent(api, name="Unique")
        response = api.post("/v1/agents", json={"name": "Unique"})
        assert response.status_code == 409
        assert response.json()["error"]["code"] == "AGENT_NAME_TAKEN"

    def test_other_organizations_may_use_the_same_name(self, harness: Harness) -> None:
        """The same name is free in another organization."""
        new_agent(harness.client(), name="Shared")
        new_agent(harness.client(), name="Shared")

    def test_availability_follows_creates_renames_and_deletes(self, api: Api) -> None:
        """name-availability is false exactly while an agent of the organization has the name."""

        def available(name: str) -> bool:
            body = api.get("/v1/agents/name-availability", params={"name": name}).json()
            assert body["name"] == name
            result: bool = body["available"]
            return result

        assert available("Alpha")
        agent = new_agent(api, name="Alpha")
        assert not available("Alpha")
        api.request("PATCH", f"/v1/agents/{agent['id']}", json={"name": "Beta"})
        assert available("Alpha") and not available("Beta")
        api.request("DELETE", f"/v1/agents/{agent['id']}")
        assert available("Beta")

    def test_availability_needs_a_name(self, api: Api) -> None:
        """The name query parameter is required and may not be empty."""
        for params in ({}, {"name": ""}):
            response = api.get("/v1/agents/name-availability", params=params)
            assert response.status_code == 400
            assert response.json()["error"]["details"] == {"field": "name", "location": "query"}


class TestUpdate:
    def test_patch_changes_only_the_fields_sent(self, api: Api) -> None:
        """PATCH leaves absent fields alone and bumps updated_at."""
        agent = new_agent(api, name="Patchy", instructions="old", metadata={"a": 1})
        response = api.request("PATCH", f"/v1/agents/{agent['id']}", json={"streaming": False})
        updated = response.json()
        assert updated["streaming"] is False
        assert updated["instructions"] == "old" and updated["metadata"] == {"a": 1}
        assert updated["updated_at"] >= agent["updated_at"]
        assert updated["created_at"] == agent["created_at"]

    def test_patch_null_clears_a_nullable_field(self, api: Api) -> None:
        """null clears description and model_profile."""
        agent = new_agent(api, name="Clear", description="d", model_profile="m")
        patch = {"description": None, "model_profile": None}
        updated = api.request("PATCH", f"/v1/agents/{agent['id']}", json=patch).json()
        assert updated["description"] is None and updated["model_profile"] is None

    def test_patch_null_on_a_required_field_is_a_validation_error(self, api: Api) -> None:
        """null is refused for a field that is not nullable, naming it."""
        agent = new_agent(api, name="Strict")
        response = api.request("PATCH", f"/v1/agents/{agent['id']}", json={"name": None})
        assert response.status_code == 400
        assert response.json()["error"]["details"] == {"field": "name", "location": "body"}

    def test_rename_to_a_taken_name_is_a_conflict(self, api: Api) -> None:
        """Renaming onto another agent's name answers 409; renaming to its own name is fine."""
        new_agent(api, name="First")
        second = new_agent(api, name="Second")
        response = api.request("PATCH", f"/v1/agents/{second['id']}", json={"name": "First"})
        assert response.status_code == 409
        assert response.json()["error"]["code"] == "AGENT_NAME_TAKEN"
        same = api.request("PATCH", f"/v1/agents/{second['id']}", json={"name": "Second"})
        assert same.status_code == 200

    def test_put_instructions_replaces_only_them(self, api: Api) -> None:
        """PUT /instructions changes the instructions and nothing else."""
        agent = new_agent(api, name="Instructed", instructions="old", description="keep")
        response = api.request(
            "PUT", f"/v1/agents/{agent['id']}/instructions", json={"instructions": "new"}
        )
        assert response.json()["instructions"] == "new"
        assert api.get(f"/v1/agents/{agent['id']}").json()["description"] == "keep"

    def test_delete_removes_the_agent(self, api: Api) -> None:
        """DELETE answers {id, deleted: true}; the agent is gone afterwards."""
        agent = new_agent(api, name="Doomed")
        response = api.request("DELETE", f"/v1/agents/{agent['id']}")
        assert response.json() == {"id": agent["id"], "deleted": True}
        assert api.get(f"/v1/agents/{agent['id']}").status_code == 404
        assert api.request("DELETE", f"/v1/agents/{agent['id']}").status_code == 404


class TestValidation:
    @pytest.mark.parametrize(
        ("body", "field"),
        [
            ({}, "name"),
            ({"name": ""}, "name"),
            ({"name": "x", "brain": "gpt"}, "brain"),
            ({"name": "x", "colour": "red"}, "colour"),
            ({"name": "x", "prompt_suggestions": ["ok", 3]}, "prompt_suggestions[1]"),
            ({"name": "x", "metadata": []}, "metadata"),
        ],
    )
    def test_bad_fields_are_named(self, api: Api, body: dict[str, Any], field: str) -> None:
        """A body the schema refuses answers 400 VALIDATION_ERROR naming the bad field."""
        response = api.post("/v1/agents", json=body)
        assert response.status_code == 400
        error = response.json()["error"]
        assert error["code"] == "VALIDATION_ERROR"
        assert error["details"] == {"field": field, "location": "body"}


class TestListing:
    def test_pages_walk_every_agent_oldest_first(self, api: Api) -> None:
        """limit pages the list; next_cursor walks it all in creation order."""
        ids = [new_agent(api, name=f"agent-{i}")["id"] for i in range(5)]
        seen, cursor = [], None
        while True:
            params: dict[str, Any] = {"limit": 2, **({"cursor": cursor} if cursor else {})}
            page = api.get("/v1/agents", params=params).json()
            seen += [agent["id"] for agent in page["data"]]
            assert page["has_more"] == (page["next_cursor"] is not None)
            cursor = page["next_cursor"]
            if cursor is None:
                break
        assert seen == ids

    def test_cursors_are_stable_under_inserts(self, api: Api) -> None:
        """Agents created while paging appear after the cursor, none twice, none skipped."""
        first = [new_agent(api, name=f"early-{i}")["id"] for i in range(3)]
        page = api.get("/v1/agents", params={"limit": 2}).json()
        late = new_agent(api, name="late")["id"]
        rest = api.get("/v1/agents", params={"cursor": page["next_cursor"]}).json()
        assert [a["id"] for a in page["data"] + rest["data"]] == [*first, late]

    def test_default_limit_is_twenty(self, api: Api) -> None:
        """Without limit a page holds 20 agents."""
        for i in range(21):
            new_agent(api, name=f"many-{i}")
        page = api.get("/v1/agents").json()
        assert len(page["data"]) == 20 and page["has_more"] is True

    @pytest.mark.parametrize("params", [{"limit": 0}, {"limit": 101}, {"limit": "ten"}])
    def test_bad_limits_are_validation_errors(self, api: Api, params: dict[str, Any]) -> None:
        """limit outside 1..100 answers 400 naming it in the query."""
        response = api.get("/v1/agents", params=params)
        assert response.status_code == 400
        assert response.json()["error"]["details"] == {
            "field": next(iter(params)),
            "location": "query",
        }

    @pytest.mark.parametrize("cursor", ["!!bogus", "cDo5OTk5OTk5OTk5OTk5OTk5OTk5OTk5", "eDox"])
    def test_a_forged_cursor_is_an_empty_final_page(self, api: Api, cursor: str) -> None:
        """A cursor the server never issued points past the end: no rows, no next page."""
        new_agent(api, name="present")
        page = api.get("/v1/agents", params={"cursor": cursor}).json()
        assert page == {"data": [], "has_more": False, "next_cursor": None}


class TestIsolation:
    def test_another_organizations_agent_is_not_found(self, harness: Harness) -> None:
        """Every route answers 404 for an agent of another organization, never 403."""
        owner, stranger = harness.client(), harness.client()
        agent = new_agent(owner, name="Private")
        path = f"/v1/agents/{agent['id']}"
        responses = [
            stranger.get(path),
            stranger.request("PATCH", path, json={"name": "Mine"}),
            stranger.request("PUT", f"{path}/instructions", json={"instructions": "x"}),
            stranger.request("DELETE", path),
        ]
        assert [r.status_code for r in responses] == [404] * 4
        assert {r.json()["error"]["code"] for r in responses} == {"AGENT_NOT_FOUND"}
        assert stranger.get("/v1/agents").json()["data"] == []
        available = stranger.get("/v1/agents/name-availability", params={"name": "Private"})
        assert available.json()["available"] is True
        assert owner.get(path).status_code == 200
