"""Completions and embeddings of a provider's model (``<provider>/<model>``), passed through to
the provider, from the SDK's both clients: whole, streamed, embedded; failures, other
organizations, and names that are not what they seem."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

import agentkit
from agentkit.testing import ReferenceServer

from .upstream_stub import KEY, MODELS, StubUpstream


@pytest.fixture(scope="module")
def upstream() -> Iterator[StubUpstream]:
    with StubUpstream() as running:
        yield running


def _provider(client: Any, upstream: StubUpstream, name: str = "Stub", key: str = KEY) -> Any:
    return client.providers.create(
        name=name, type="openai-compatible", base_url=upstream.base_url, api_key=key
    )


def _last_body(upstream: StubUpstream, path: str) -> dict[str, Any]:
    body: dict[str, Any] = [r for r in upstream.requests if r["path"] == path][-1]["body"]
    return body


class TestPassThrough:
    def test_a_completion_goes_to_the_provider_with_its_own_model_id(
        self, client: Any, upstream: StubUpstream
    ) -> None:
        """The provider sees its model's id, the caller's options and its key; its answer
        comes back."""
        provider = _provider(client, upstream)
        for model in ("Stub/stub-small", f"{provider.id}/stub-small"):
            result = client.completions.create(model, "hi", temperature=0.5)
            assert result.choices[0].message.content == "model stub-small"
            sent = _last_body(upstream, "/v1/chat/completions")
            assert (sent["model"], sent["temperature"]) == ("stub-small", 0.5)
            assert sent["messages"] == [{"role": "user", "content": "hi"}]
        assert upstream.requests[-1]["authorization"] == f"Bearer {KEY}"

    def test_a_stream_is_relayed(self, client: Any, upstream: StubUpstream) -> None:
        _provider(client, upstream)
        with client.completions.stream("Stub/stub-large", "hi") as stream:
            assert "".join(stream.text_deltas()) == "model stub-large"
        assert stream.finish_reason == "stop"
        assert _last_body(upstream, "/v1/chat/completions")["stream"] is True

    def test_a_model_id_with_a_slash_reaches_its_provider(
        self, client: Any, upstream: StubUpstream
    ) -> None:
        _provider(client, upstream)
        result = client.completions.create("Stub/meta-llama/Llama-3", "hi")
        assert result.choices[0].message.content == "model meta-llama/Llama-3"

    def test_embeddings_go_to_the_provider(self, client: Any, upstream: StubUpstream) -> None:
        _provider(client, upstream)
        result = client.embeddings.create(["ab", "abcd"], model="Stub/stub-embed")
        assert [item.embedding for item in result.data] == [[2.0, 1.0], [4.0, 1.0]]
        assert _last_body(upstream, "/v1/embeddings")["model"] == "stub-embed"

    def test_an_agent_of_that_name_wins(self, client: Any, upstream: StubUpstream) -> None:
        """``model`` names an agent first: a provider never shadows one."""
        _provider(client, upstream)
        client.agents.create(name="Stub/stub-small", brain="echo")
        assert client.completions.create("Stub/stub-small", "mine").choices[0].message.content == (
            "mine"
        )


class TestFailures:
    def test_a_refused_key_is_unreachable_and_not_quoted(
        self, client: Any, upstream: StubUpstream
    ) -> None:
        """The provider's refusal is PROVIDER_UNREACHABLE with its status, not its body (which
        quotes the key)."""
        _provider(client, upstream, key="sk-wrong-key-0123456789")
        with pytest.raises(agentkit.ProviderUnreachableError) as caught:
            client.completions.create("Stub/stub-small", "hi")
        assert "401" in caught.value.message
        assert "sk-wrong" not in str(caught.value.body)
        with pytest.raises(agentkit.ProviderUnreachableError):
            client.embeddings.create("hi", model="Stub/stub-embed")
        with (
            pytest.raises(agentkit.ProviderUnreachableError),
            client.completions.stream("Stub/stub-small", "hi") as stream,
        ):
            list(stream)

    def test_an_unreachable_provider(self, client: Any) -> None:
        client.providers.create(
            name="Gone", type="openai-compatible", base_url="http://127.0.0.1:9/v1", api_key=KEY
        )
        with pytest.raises(agentkit.ProviderUnreachableError) as caught:
            client.completions.create("Gone/any", "hi")
        assert "could not be reached" in caught.value.message

    @pytest.mark.parametrize("model", ["Nobody/stub-small", "Stub/", "/stub-small", "Stub"])
    def test_names_of_no_provider_model_are_not_found(
        self, client: Any, upstream: StubUpstream, model: str
    ) -> None:
        _provider(client, upstream)
        with pytest.raises(agentkit.ModelNotFoundError):
            client.completions.create(model, "hi")

    def test_another_organizations_provider_is_not_found(
        self, make_client: Any, upstream: StubUpstream
    ) -> None:
        """A provider's name or id works for its own organization only."""
        owner, stranger = make_client(), make_client()
        provider = _provider(owner, upstream)
        before = len(upstream.requests)
        for model in ("Stub/stub-small", f"{provider.id}/stub-small"):
            with pytest.raises(agentkit.ModelNotFoundError):
                stranger.completions.create(model, "hi")
        with pytest.raises(agentkit.ModelNotFoundError):
            stranger.embeddings.create("hi", model=f"{provider.id}/stub-embed")
        assert len(upstream.requests) == before


def _refreshed(client: Any, upstream: StubUpstream, name: str = "Stub") -> Any:
    provider = _provider(client, upstream, name)
    return client.providers.refresh_models(provider.id)


def _provider_models(client: Any) -> list[Any]:
    return [m for m in client.models.list() if m.kind.value == "provider"]


class TestListed:
    def test_refreshed_models_are_listed_and_reach_their_provider(
        self, client: Any, upstream: StubUpstream
    ) -> None:
        """Each stored model is listed as ``<provider>/<model>``, owned by the provider, with
        what its id tells of it; the listed id is one a completion takes."""
        assert _provider_models(client) == []
        provider = _refreshed(client, upstream)
        listed = _provider_models(client)
        assert [m.id for m in listed] == [f"Stub/{m}" for m in MODELS]
        small = listed[0]
        assert (small.name, small.owned_by, small.object_) == ("stub-small", "Stub", "model")
        assert small.capabilities.chat and small.capabilities.streaming
        assert not small.capabilities.embeddings and not small.capabilities.tool_calls
        assert small.created > 0
        models = client.models.list()
        assert models[-len(listed) - 1].id == "agentkit-lexical-v1"
        reply = client.completions.create(small.id, "hi")
        assert reply.choices[0].message.content == "model stub-small"
        assert provider.models[0].id == "stub-small"

    def test_an_embedding_model_says_it_embeds(self, client: Any, upstream: StubUpstream) -> None:
        upstream.extra_models = ["text-embed-3"]
        try:
            _refreshed(client, upstream)
        finally:
            upstream.extra_models = []
        embedder = _provider_models(client)[-1]
        assert embedder.id == "Stub/text-embed-3"
        assert embedder.capabilities.embeddings and not embedder.capabilities.chat

    def test_a_model_the_upstream_lists_twice_is_kept_once(
        self, client: Any, upstream: StubUpstream
    ) -> None:
        upstream.extra_models = ["stub-small"]
        try:
            provider = _refreshed(client, upstream)
        finally:
            upstream.extra_models = []
        assert [m.id for m in provider.models] == MODELS
        assert [m.name for m in _provider_models(client)] == MODELS

    def test_a_provider_that_never_refreshed_lists_nothing(
        self, client: Any, upstream: StubUpstream
    ) -> None:
        _provider(client, upstream)
        assert _provider_models(client) == []
        assert [m.name for m in client.models.list()] == ["agentkit-lexical-v1"]

    def test_a_name_that_reaches_an_agent_is_listed_by_the_providers_id(
        self, client: Any, upstream: StubUpstream
    ) -> None:
        """Completions try agents first: a model an agent's name shadows is listed by the
        provider's id, which still reaches it."""
        client.agents.create(name="Stub/stub-small", brain="echo")
        provider = _refreshed(client, upstream)
        ids = [m.id for m in _provider_models(client)]
        assert ids == [f"{provider.id}/stub-small", "Stub/stub-large"]
        reply = client.completions.create(ids[0], "hi")
        assert reply.choices[0].message.content == "model stub-small"

    def test_another_organization_sees_none_of_them(
        self, make_client: Any, upstream: StubUpstream
    ) -> None:
        owner, stranger = make_client(), make_client()
        _refreshed(owner, upstream)
        assert len(_provider_models(owner)) == len(MODELS)
        assert _provider_models(stranger) == []

    def test_an_agentkit_upstream_says_what_its_models_can_do(
        self, client: Any, server: ReferenceServer
    ) -> None:
        """Another organization's agentkit API as the provider: its agents are the provider's
        models, with the capabilities it lists, and they answer through the provider."""
        upstream_key = server.create_api_key()
        with agentkit.AgentKit(base_url=server.base_url, api_key=upstream_key) as other:
            agent = other.agents.create(name="Far", brain="scripted")
        provider = client.providers.create(
            name="Agentkit",
            type="openai-compatible",
            base_url=f"{server.base_url}/openai/v1",
            api_key=upstream_key,
        )
        client.providers.refresh_models(provider.id)
        listed = {m.name: m for m in _provider_models(client)}
        assert set(listed) == {agent.id, "agentkit-lexical-v1"}
        far = listed[agent.id]
        assert far.id == f"Agentkit/{agent.id}" and far.owned_by == "Agentkit"
        assert far.capabilities.tool_calls and far.capabilities.thinking
        assert not far.capabilities.embeddings
        assert listed["agentkit-lexical-v1"].capabilities.embeddings
        assert far.created == int(agent.created_at.timestamp())
        reply = client.completions.create(far.id, "hello")
        assert reply.choices[0].message.content == "You said: hello"


class TestGot:
    def test_got_by_the_listed_id_or_the_providers_id(
        self, client: Any, upstream: StubUpstream
    ) -> None:
        """A provider's model is got by the id the list shows, or by the provider's own id and
        the model; one the provider did not list is not found."""
        provider = _refreshed(client, upstream)
        listed = _provider_models(client)[0]
        for asked in (listed.id, f"{provider.id}/stub-small"):
            got = client.models.get(asked)
            assert (got.id, got.kind.value, got.owned_by) == (listed.id, "provider", "Stub")
        with pytest.raises(agentkit.ModelNotFoundError):
            client.models.get("Stub/not-listed")
