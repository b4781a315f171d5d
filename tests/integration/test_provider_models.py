"""Completions and embeddings of a provider's model (``<provider>/<model>``), passed through to
the provider, from the SDK's both clients: whole, streamed, embedded; failures, other
organizations, and names that are not what they seem."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

import agentkit

from .upstream_stub import KEY, StubUpstream


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
