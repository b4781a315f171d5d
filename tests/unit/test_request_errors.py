"""Mistakes in a request are caught before it is sent, and say what to do; so do clients made
with a bad base URL, and requests that reach no server."""

from __future__ import annotations

import asyncio
import re
import socket
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from agentkit import (
    AgentKit,
    APIConnectionError,
    APIResponseValidationError,
    APITimeoutError,
    AsyncAgentKit,
    ConfigurationError,
    ValidationError,
)
from agentkit._ids import as_id
from agentkit.types import Agent
from tests.unit.clients import SESSION, Recorder
from tests.unit.samples import AGENT


class TestIds:
    def test_an_object_stands_for_its_id(self) -> None:
        """A model with an id is taken where its id is expected."""
        assert as_id(Agent.from_dict(AGENT), "agent_id") == "agt_1"
        assert as_id("agt_2", "agent_id") == "agt_2"

    def test_an_empty_id_is_a_validation_error_naming_the_parameter(self) -> None:
        """An empty id is refused as the parameter it was given for."""
        with pytest.raises(ValidationError) as caught:
            as_id("", "chat_id")
        assert caught.value.field == "chat_id"
        assert caught.value.details["location"] == "client"

    @pytest.mark.parametrize("value", [None, 12, object(), ["agt_1"], {"id": "agt_1"}])
    def test_other_values_are_a_type_error_naming_the_parameter(self, value: object) -> None:
        """A value that is no id and has none is a TypeError that names the parameter."""
        with pytest.raises(TypeError, match=r"^session_id takes an id"):
            as_id(value, "session_id")


class TestArgumentsCheckedBeforeSending:
    def test_an_agent_is_taken_for_its_id_in_the_path(self, make: Any) -> None:
        """agents.get(agent) asks for that agent's id."""
        recorder = Recorder(AGENT)
        _, run = make(recorder)
        agent = Agent.from_dict(AGENT)
        assert run(lambda c: c.agents.get(agent)).id == "agt_1"
        assert recorder.requests[0].url.path == "/v1/agents/agt_1"

    def test_objects_are_taken_for_ids_in_the_body(self, make: Any) -> None:
        """sessions.create(agent, index_ids=[index]) sends their ids."""
        recorder = Recorder(SESSION)
        _, run = make(recorder)
        agent = Agent.from_dict(AGENT)

        class Index:
            id = "idx_1"

        run(lambda c: c.sessions.create(agent, index_ids=[Index()]))
        sent = recorder.requests[0].content
        assert b'"agent_id":"agt_1"' in sent.replace(b" ", b"")
        assert b'"index_ids":["idx_1"]' in sent.replace(b" ", b"")

    @pytest.mark.parametrize(
        ("call", "error", "names"),
        [
            (lambda c: c.agents.get(""), ValidationError, "agent_id"),
            (lambda c: c.agents.get(None), TypeError, "agent_id"),
            (lambda c: c.chats.get(42), TypeError, "chat_id"),
            (lambda c: c.chats.start(object(), "hi"), TypeError, "agent"),
            (lambda c: c.chats.start("", "hi"), ValidationError, "agent"),
            (
                lambda c: c.sessions.create("agt_1", index_ids=["idx_1", ""]),
                ValidationError,
                "index_ids[1]",
            ),
            (lambda c: c.sessions.create("agt_1", index_ids=[3]), TypeError, "index_ids[0]"),
        ],
    )
    def test_bad_ids_fail_before_anything_is_sent(
        self, make: Any, call: Callable[[Any], Any], error: type[Exception], names: str
    ) -> None:
        """A missing, empty or wrong-typed id fails on the spot, naming its parameter."""
        recorder = Recorder(AGENT)
        _, run = make(recorder)
        with pytest.raises(error) as caught:
            run(call)
        assert names in str(caught.value)
        assert not isinstance(caught.value, APIResponseValidationError)
        assert recorder.requests == []

    def test_a_body_that_is_not_json_is_a_request_error(self, make: Any) -> None:
        """A metadata value JSON cannot carry is a TypeError, not a response problem."""
        recorder = Recorder(AGENT)
        _, run = make(recorder)
        with pytest.raises(TypeError, match="agents_create: the request cannot be sent"):
            run(lambda c: c.agents.create(name="Bot", metadata={"when": object()}))
        assert recorder.requests == []


class TestBaseURL:
    @pytest.mark.parametrize("client_class", [AgentKit, AsyncAgentKit])
    def test_a_url_without_scheme_says_how_to_write_it(self, client_class: type[Any]) -> None:
        """127.0.0.1:8765 is refused when the client is made, with the URL it should be."""
        with pytest.raises(
            ConfigurationError, match=re.escape("'http://127.0.0.1:8765'")
        ) as caught:
            client_class(api_key="ak_t", base_url="127.0.0.1:8765")
        assert "base_url" in str(caught.value)
        assert isinstance(caught.value, ValueError)

    @pytest.mark.parametrize(
        "url", ["localhost:8765", "ftp://files.test", "http://", "http://h.test/?a=1", "x"]
    )
    def test_other_unusable_urls_are_refused(self, url: str) -> None:
        """Only http:// and https:// URLs with a host and no query or fragment are taken."""
        with pytest.raises(ConfigurationError):
            AgentKit(api_key="ak_t", base_url=url)

    def test_the_environment_variable_is_named_when_it_is_wrong(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A bad AGENTKIT_BASE_URL is reported as that variable's."""
        monkeypatch.setenv("AGENTKIT_BASE_URL", "agents.test:443")
        with pytest.raises(
            ConfigurationError, match=re.escape("AGENTKIT_BASE_URL 'agents.test:443'")
        ):
            AgentKit(api_key="ak_t")

    @pytest.mark.parametrize(
        ("url", "kept"),
        [
            ("https://agents.test/api/", "https://agents.test/api"),
            (" http://127.0.0.1:9 ", "http://127.0.0.1:9"),
        ],
    )
    def test_good_urls_are_kept(self, url: str, kept: str) -> None:
        """A base path is kept; surrounding blanks and a final slash are not."""
        assert AgentKit(api_key="ak_t", base_url=url).base_url == kept

    def test_a_call_that_needs_a_key_says_where_to_put_one(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Without a key anywhere, a call that takes one fails before anything is sent (the
        base URL is a port nothing listens on: a request would be a connection error)."""
        monkeypatch.delenv("AGENTKIT_API_KEY", raising=False)
        client = AgentKit(base_url=f"http://127.0.0.1:{closed_port()}", max_retries=0)
        with pytest.raises(ConfigurationError, match="AGENTKIT_API_KEY"):
            client.agents.get("agt_1")
        with pytest.raises(ConfigurationError, match="AGENTKIT_API_KEY"):
            client.chats.stream_message("chat_1", "hi").open()
        client.close()


def closed_port() -> int:
    """A loopback port nothing listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class TestConnectionErrors:
    def test_a_refused_local_connection_says_how_to_start_the_server(self, make: Any) -> None:
        """Nothing on a loopback port: the error names the URL and the serve command."""
        port = closed_port()
        for kind in ("sync", "async"):
            client_class = AgentKit if kind == "sync" else AsyncAgentKit
            client = client_class(
                api_key="ak_t", base_url=f"http://127.0.0.1:{port}", max_retries=0
            )
            with pytest.raises(APIConnectionError) as caught:
                result = client.agents.get("agt_1")
                if asyncio.iscoroutine(result):
                    asyncio.run(result)
            message = str(caught.value)
            assert f"http://127.0.0.1:{port}/v1/agents/agt_1" in message
            assert f"agentkit serve --port {port}" in message
            assert caught.value.url == f"http://127.0.0.1:{port}/v1/agents/agt_1"

    def test_opening_a_stream_names_the_url_too(self) -> None:
        """A stream that cannot connect says where it tried."""
        port = closed_port()
        client = AgentKit(api_key="ak_t", base_url=f"http://127.0.0.1:{port}", max_retries=0)
        with pytest.raises(
            APIConnectionError, match=re.escape(f"127.0.0.1:{port}/v1/sessions/ses_1")
        ):
            with client.sessions.stream_send("ses_1", "hi"):
                pass

    def test_a_remote_failure_names_the_url_without_the_local_hint(self, make: Any) -> None:
        """A refused connection elsewhere names the URL and gives no local advice."""

        def refuse(request: httpx.Request) -> httpx.Response:
            raise httpx.ConnectError("[Errno 111] Connection refused", request=request)

        _, run = make(refuse, base_url="https://agents.test", max_retries=0)
        with pytest.raises(APIConnectionError) as caught:
            run(lambda c: c.agents.get("agt_1"))
        assert "https://agents.test/v1/agents/agt_1" in str(caught.value)
        assert "Connection refused" in str(caught.value)
        assert "agentkit serve" not in str(caught.value)

    def test_a_timeout_names_the_url(self, make: Any) -> None:
        """A request that times out is an APITimeoutError naming its URL."""

        def slow(request: httpx.Request) -> httpx.Response:
            raise httpx.ReadTimeout("timed out", request=request)

        _, run = make(slow, max_retries=0)
        with pytest.raises(
            APITimeoutError, match=re.escape("http://api.test/v1/agents/agt_1 timed out")
        ):
            run(lambda c: c.agents.get("agt_1"))


class TestPlainValuesPassThrough:
    def test_only_string_path_parameters_are_ids(self) -> None:
        """Path parameters the contract types as strings are checked as ids."""
        from agentkit._routes import route_of

        assert route_of("chats_get").id_params == {"chat_id"}
        assert route_of("indexes_get_document").id_params == {"index_id", "document_id"}

    def test_plain_query_ids_are_sent_as_they_are(self) -> None:
        """A string given for an ``*_id`` query parameter is sent unchanged, an object as its id."""
        from agentkit._routes import route_of

        route = route_of("chats_list")
        assert route.address({"agent_id": "agt_1"})[1] == {"agent_id": "agt_1"}
        assert route.address({"agent_id": Agent.from_dict(AGENT)})[1] == {"agent_id": "agt_1"}
        with pytest.raises(TypeError, match="agent_id"):
            route.address({"agent_id": object()})
