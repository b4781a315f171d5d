"""client.providers against the reference server, with a stub upstream on loopback."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

import pytest

import agentkit
from agentkit.server import ServerConfig
from agentkit.testing import ReferenceServer

from ..database_dump import database_dump
from .upstream_stub import KEY, MODELS, StubUpstream


@pytest.fixture(scope="module")
def upstream() -> Iterator[StubUpstream]:
    with StubUpstream() as running:
        yield running


def _add(client: Any, upstream: StubUpstream, name: str = "Stub", key: str | None = KEY) -> Any:
    return client.providers.create(
        name=name, type="openai-compatible", base_url=upstream.base_url, api_key=key
    )


class TestCrud:
    def test_create_get_update_delete(self, client: Any, upstream: StubUpstream) -> None:
        """A provider round-trips without its key; updates apply; delete makes it 404."""
        provider = _add(client, upstream)
        assert provider.id.startswith("prv_")
        assert (provider.name, provider.type_, provider.base_url) == (
            "Stub",
            "openai-compatible",
            upstream.base_url,
        )
        assert provider.has_api_key is True
        assert provider.models == []
        assert client.providers.get(provider.id).to_dict() == provider.to_dict()
        renamed = client.providers.update(provider.id, name="Renamed", api_key=None)
        assert (renamed.name, renamed.has_api_key) == ("Renamed", False)
        assert client.providers.delete(provider.id).deleted is True
        with pytest.raises(agentkit.ProviderNotFoundError):
            client.providers.get(provider.id)

    def test_names_are_unique(self, client: Any, upstream: StubUpstream) -> None:
        """A second provider of the same name is refused with PROVIDER_NAME_TAKEN."""
        _add(client, upstream, name="Twice")
        with pytest.raises(agentkit.ProviderNameTakenError):
            _add(client, upstream, name="Twice")

    @pytest.mark.parametrize(
        "base_url", ["ftp://127.0.0.1/v1", "not a url", "http://user:pw@127.0.0.1/v1"]
    )
    def test_bad_base_url_is_a_validation_error(self, client: Any, base_url: str) -> None:
        """A base URL that is not plain http(s) with a host is a 400 naming base_url."""
        with pytest.raises(agentkit.ValidationError) as caught:
            client.providers.create(name="Bad", type="openai", base_url=base_url, api_key="k")
        assert caught.value.details["field"] == "base_url"

    def test_unknown_type_is_a_validation_error(self, client: Any, upstream: StubUpstream) -> None:
        """Only openai, azure and openai-compatible providers can be added."""
        with pytest.raises(agentkit.ValidationError):
            client.providers.create(name="Sys", type="system", base_url=upstream.base_url)

    def test_system_provider_is_listed_first_and_read_only(
        self, client: Any, upstream: StubUpstream
    ) -> None:
        """``system`` leads the list unless left out, and cannot be changed or deleted."""
        mine = [_add(client, upstream, name=f"P{i}").id for i in range(3)]
        listed = [p.id for p in client.providers.list(page_size=2)]
        assert listed == ["system", *mine]
        assert [p.id for p in client.providers.list(include_system=False)] == mine
        only_system = client.providers.list(page_size=1).first_page()
        assert [p.id for p in only_system.data] == ["system"]
        assert only_system.has_more is True
        system = client.providers.get("system")
        assert system.type_ == "system"
        assert {m.id for m in system.models} == {"echo", "scripted"}
        with pytest.raises(agentkit.ProviderReadOnlyError):
            client.providers.delete("system")
        with pytest.raises(agentkit.ProviderReadOnlyError):
            client.providers.update("system", name="Mine now")


class TestUpstream:
    def test_refresh_models_reads_the_upstream_with_the_key(
        self, client: Any, upstream: StubUpstream
    ) -> None:
        """Refreshing keeps the models the upstream lists; the stored key reached it."""
        provider = _add(client, upstream)
        refreshed = client.providers.refresh_models(provider.id)
        assert [m.id for m in refreshed.models] == MODELS
        assert refreshed.models_refreshed_at is not None
        assert client.providers.get(provider.id).models == refreshed.models

    def test_refresh_with_a_wrong_key_is_unreachable(
        self, client: Any, upstream: StubUpstream
    ) -> None:
        """An upstream that refuses the key is PROVIDER_UNREACHABLE (502), models unchanged."""
        provider = _add(client, upstream, key="sk-wrong")
        with pytest.raises(agentkit.ProviderUnreachableError) as caught:
            client.providers.refresh_models(provider.id)
        assert caught.value.status_code == 502
        assert "401" in caught.value.message

    def test_connectivity_test_reports_success_and_failure(
        self, client: Any, upstream: StubUpstream
    ) -> None:
        """The test answers ok with the model count, or not ok with the upstream's status."""
        good = client.providers.test(_add(client, upstream, name="Good").id)
        assert (good.ok, good.status_code, good.model_count) == (True, 200, len(MODELS))
        bad = client.providers.test(_add(client, upstream, name="Bad", key="sk-no").id)
        assert (bad.ok, bad.status_code) == (False, 401)
        gone = client.providers.create(
            name="Gone", type="openai", base_url="http://127.0.0.1:9/v1", api_key="k"
        )
        unreachable = client.providers.test(gone.id)
        assert unreachable.ok is False
        assert unreachable.status_code is None

    def test_azure_sends_the_key_as_api_key_header(
        self, client: Any, upstream: StubUpstream
    ) -> None:
        """An azure provider's key travels in ``api-key``, not as a bearer token."""
        provider = client.providers.create(
            name="Az", type="azure", base_url=upstream.base_url, api_key=KEY
        )
        assert client.providers.test(provider.id).ok is True
        assert upstream.requests[-1]["api-key"] == KEY
        assert upstream.requests[-1]["authorization"] == ""

    def test_openai_agent_answers_through_its_provider(
        self, client: Any, upstream: StubUpstream
    ) -> None:
        """An openai agent naming a provider and a model streams that upstream's reply."""
        provider = _add(client, upstream)
        agent = client.agents.create(
            name="Via provider", brain="openai", provider_id=provider.id, model_profile="stub-small"
        )
        assert agent.provider_id == provider.id
        chat = client.chats.start(agent.id, "hi")
        assert chat.message.parts[0].content == "model stub-small"

    def test_agent_naming_an_unknown_provider_is_refused(self, client: Any) -> None:
        """provider_id must name a provider of the organization."""
        with pytest.raises(agentkit.ProviderNotFoundError) as caught:
            client.agents.create(name="Lost", brain="openai", provider_id="prv_nope")
        assert caught.value.details["field"] == "provider_id"

    def test_deleted_provider_fails_the_turn_clearly(
        self, client: Any, upstream: StubUpstream
    ) -> None:
        """An agent whose provider was deleted fails its turn with AGENT_ERROR saying so."""
        provider = _add(client, upstream)
        agent = client.agents.create(
            name="Orphan", brain="openai", provider_id=provider.id, model_profile="stub-small"
        )
        client.providers.delete(provider.id)
        with pytest.raises(agentkit.AgentFailedError) as caught:
            client.chats.start(agent.id, "hi")
        assert "deleted" in caught.value.message

    def test_refused_key_is_not_quoted_in_the_turns_error(
        self, client: Any, upstream: StubUpstream
    ) -> None:
        """An upstream that quotes the key it refused fails the turn without showing the key."""
        wrong = "sk-wrong-but-secret-0123456789"
        provider = _add(client, upstream, key=wrong)
        agent = client.agents.create(
            name="Refused", brain="openai", provider_id=provider.id, model_profile="stub-small"
        )
        with pytest.raises(agentkit.AgentFailedError) as caught:
            client.chats.start(agent.id, "hi")
        assert "401" in caught.value.message
        assert "<api key>" in caught.value.message
        assert wrong not in caught.value.message


class TestIsolation:
    def test_other_organizations_providers_are_not_found(
        self, make_client: Any, upstream: StubUpstream
    ) -> None:
        """Every operation on another organization's provider answers 404."""
        owner, stranger = make_client(), make_client()
        provider = _add(owner, upstream)
        for call in (
            lambda: stranger.providers.get(provider.id),
            lambda: stranger.providers.update(provider.id, name="x"),
            lambda: stranger.providers.delete(provider.id),
            lambda: stranger.providers.refresh_models(provider.id),
            lambda: stranger.providers.test(provider.id),
            lambda: stranger.agents.create(name="a", brain="openai", provider_id=provider.id),
        ):
            with pytest.raises(agentkit.ProviderNotFoundError):
                call()
        assert [p.id for p in stranger.providers.list(include_system=False)] == []
        assert owner.providers.get(provider.id).name == "Stub"


class TestKeyNeverShown:
    def test_key_is_in_no_response_log_repr_or_database_row(
        self,
        make_client: Any,
        upstream: StubUpstream,
        server: ReferenceServer,
        caplog: pytest.LogCaptureFixture,
    ) -> None:
        """The key is absent from every answer, log record, repr, and the database file."""
        bodies: list[bytes] = []
        client = make_client(on_response=lambda info: bodies.append(repr(info).encode()))
        with caplog.at_level(logging.DEBUG):
            provider = _add(client, upstream)
            client.providers.update(provider.id, api_key=KEY)
            shown = [
                provider,
                client.providers.get(provider.id),
                client.providers.refresh_models(provider.id),
                client.providers.test(provider.id),
                *client.providers.list(),
            ]
            with pytest.raises(agentkit.ValidationError) as caught:
                client.providers.create(
                    name="Long", type="openai", base_url=upstream.base_url, api_key=KEY * 200
                )
        texts = [repr(item) + str(item.to_dict()) for item in shown]
        texts += [repr(caught.value), str(caught.value), repr(caught.value.body)]
        texts += [record.getMessage() for record in caplog.records]
        texts += [body.decode(errors="replace") for body in bodies]
        assert all(KEY not in text for text in texts)
        # The upstream did get it: the key is sealed, not lost.
        assert upstream.requests[-1]["authorization"] == f"Bearer {KEY}"
        dump = database_dump(server)
        assert provider.id in dump
        assert KEY not in dump


@pytest.fixture(scope="module")
def strict_server() -> Iterator[ReferenceServer]:
    """A server as deployed: outgoing URLs on loopback refused."""
    with ReferenceServer(ServerConfig(allow_loopback_urls=False)) as running:
        yield running


class TestOutgoingUrls:
    @pytest.mark.parametrize(
        "base_url",
        [
            "http://127.0.0.1:8000/v1",
            "http://localhost:8000/v1",
            "http://[::1]/v1",
            "http://[::ffff:127.0.0.1]/v1",
            "http://169.254.169.254/latest",
            "http://10.0.0.5/v1",
            "http://user:pw@api.example.com/v1",
        ],
    )
    def test_a_deployed_server_refuses_internal_addresses(
        self, make_client: Any, strict_server: ReferenceServer, base_url: str
    ) -> None:
        """A 400 naming base_url, on create and on update; nothing is stored."""
        client = make_client(
            base_url=strict_server.base_url, api_key=strict_server.create_api_key()
        )
        with pytest.raises(agentkit.ValidationError) as caught:
            client.providers.create(name="Inside", type="openai-compatible", base_url=base_url)
        assert caught.value.details["field"] == "base_url"
        public = client.providers.create(
            name=f"Public {base_url}",
            type="openai-compatible",
            base_url="https://api.example.com/v1",
        )
        with pytest.raises(agentkit.ValidationError):
            client.providers.update(public.id, base_url=base_url)
        assert client.providers.get(public.id).base_url == "https://api.example.com/v1"

    def test_a_development_server_reaches_loopback_but_not_the_rest(
        self, client: Any, upstream: StubUpstream
    ) -> None:
        provider = _add(client, upstream)
        assert client.providers.test(provider.id).ok
        with pytest.raises(agentkit.ValidationError):
            client.providers.update(provider.id, base_url="http://169.254.169.254/v1")
