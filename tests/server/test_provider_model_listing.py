"""The models of an organization's providers in the OpenAI-compatible listing, read from the
server's own state: which providers list, under which ids, and which never do."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from agentkit.server import ServerConfig, create_app
from agentkit.server.app import server_state
from agentkit.server.completions.models import all_models, find_model
from agentkit.server.core.auth import create_organization
from agentkit.server.core.errors import ApiError
from agentkit.server.core.state import ServerState
from agentkit.server.providers.sealing import KeySealer

SECRET = "listing-secret-" + "x" * 32
STAMP = "2026-06-01T12:00:00Z"


@pytest.fixture
def state() -> Iterator[ServerState]:
    app = create_app(ServerConfig(db_path=":memory:", secret_key=SECRET))
    running = server_state(app)
    yield running
    running.store.close()


def _add(
    state: ServerState,
    org_id: str,
    name: str,
    models: list[dict[str, Any]],
    sealer: KeySealer | None = None,
) -> dict[str, Any]:
    provider = {
        "id": f"prv_{name.replace('/', '_').lower()}{org_id[-6:]}",
        "name": name,
        "type": "openai-compatible",
        "base_url": "http://127.0.0.1:9/v1",
        "sealed_api_key": (sealer or KeySealer(SECRET)).seal("sk-listing-key"),
        "models": models,
        "models_refreshed_at": STAMP,
        "created_at": STAMP,
        "updated_at": STAMP,
    }
    state.store.insert_provider(org_id, provider)
    return provider


def _provider_ids(state: ServerState, org_id: str) -> list[str]:
    return [m["id"] for m in all_models(state, org_id) if m["kind"] == "provider"]


class TestListing:
    def test_stored_models_are_listed_after_the_built_in_ones(self, state: ServerState) -> None:
        """What the upstream said of a model is kept; its id is ``<provider>/<model>``."""
        org_id, _ = create_organization(state.store)
        said = {"chat": True, "streaming": True, "tool_calls": True, "thinking": False}
        _add(state, org_id, "Up", [{"id": "a", "created": 7, "capabilities": said}, {"id": "b"}])
        models = all_models(state, org_id)
        assert [m["id"] for m in models] == ["agentkit-lexical-v1", "Up/a", "Up/b"]
        first = models[1]
        assert (first["owned_by"], first["name"], first["created"]) == ("Up", "a", 7)
        assert first["capabilities"] == {**said, "vision": False, "embeddings": False}
        assert models[2]["created"] == 1_780_315_200  # the refresh, as the model says nothing

    def test_each_stored_model_is_listed_once(self, state: ServerState) -> None:
        """Models kept before refreshes dropped repeats, or malformed, are listed once or not."""
        org_id, _ = create_organization(state.store)
        _add(state, org_id, "Up", [{"id": "a"}, {"id": "a"}, {"id": ""}, {"name": "x"}])
        assert _provider_ids(state, org_id) == ["Up/a"]

    def test_a_key_that_cannot_be_opened_lists_nothing(self, state: ServerState) -> None:
        """A provider sealed under another secret, or with no models, lists nothing; the
        others still do."""
        org_id, _ = create_organization(state.store)
        stranger_secret = KeySealer("another-secret-" + "y" * 32)
        _add(state, org_id, "Lost", [{"id": "a"}], stranger_secret)
        _add(state, org_id, "Empty", [])
        _add(state, org_id, "Fine", [{"id": "a"}])
        assert _provider_ids(state, org_id) == ["Fine/a"]
        for model in ("Lost/a", "Empty/a"):
            with pytest.raises(ApiError) as caught:
                find_model(state, org_id, model)
            assert caught.value.code == "MODEL_NOT_FOUND"

    def test_another_organizations_providers_are_never_listed(self, state: ServerState) -> None:
        owner, _ = create_organization(state.store)
        stranger, _ = create_organization(state.store)
        provider = _add(state, owner, "Up", [{"id": "a"}])
        assert _provider_ids(state, stranger) == []
        for model in ("Up/a", f"{provider['id']}/a"):
            with pytest.raises(ApiError):
                find_model(state, stranger, model)

    def test_a_name_that_would_reach_another_provider_lists_by_id(self, state: ServerState) -> None:
        """``A/b`` followed by ``c`` reads as provider ``A``'s model ``b/c`` when ``A`` exists:
        such a model is listed by its provider's id, which reaches it."""
        org_id, _ = create_organization(state.store)
        _add(state, org_id, "A", [{"id": "b/c"}])
        slashed = _add(state, org_id, "A/b", [{"id": "c"}])
        assert _provider_ids(state, org_id) == ["A/b/c", f"{slashed['id']}/c"]


class TestFind:
    def test_found_by_the_providers_name_or_id_under_the_listed_id(
        self, state: ServerState
    ) -> None:
        org_id, _ = create_organization(state.store)
        provider = _add(state, org_id, "Up", [{"id": "meta-llama/Llama-3"}])
        for asked in ("Up/meta-llama/Llama-3", f"{provider['id']}/meta-llama/Llama-3"):
            found = find_model(state, org_id, asked)
            assert (found["id"], found["kind"]) == ("Up/meta-llama/Llama-3", "provider")
            assert found["name"] == "meta-llama/Llama-3"

    @pytest.mark.parametrize("model", ["Up/unlisted", "Up/", "Up", "Nobody/a", "/a"])
    def test_names_of_no_stored_model_are_not_found(self, state: ServerState, model: str) -> None:
        org_id, _ = create_organization(state.store)
        _add(state, org_id, "Up", [{"id": "a"}])
        with pytest.raises(ApiError) as caught:
            find_model(state, org_id, model)
        assert caught.value.code == "MODEL_NOT_FOUND"
