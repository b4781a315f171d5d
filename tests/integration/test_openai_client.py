"""The contract test of the OpenAI-compatible API: the official ``openai`` package, sync and
async, pointed at the reference server with an agentkit key. Every response and streamed chunk
it receives is checked against the contract as well."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from typing import Any

import httpx
import openai
import pytest

from agentkit.testing import ContractTransport, ContractValidator, ReferenceServer

from .upstream_stub import KEY, StubUpstream

WEATHER: Any = {
    "type": "function",
    "function": {
        "name": "get_weather",
        "parameters": {
            "type": "object",
            "properties": {"city": {"type": "string"}},
            "required": ["city"],
        },
    },
}


class OpenAIClient:
    """The sync or the async ``openai`` client behind one blocking surface."""

    def __init__(self, kind: str, base_url: str, api_key: str, validator: ContractValidator):
        self.kind = kind
        self.admin: httpx.Client | None = None  # agentkit's own API, for what OpenAI's has not
        transport = ContractTransport(validator)
        self.runner = asyncio.Runner() if kind == "async" else None
        if self.runner is None:
            http: Any = httpx.Client(transport=transport)
            self.sync = openai.OpenAI(base_url=base_url, api_key=api_key, http_client=http)
        else:
            ahttp = httpx.AsyncClient(transport=transport)
            self.aio = openai.AsyncOpenAI(base_url=base_url, api_key=api_key, http_client=ahttp)

    def complete(self, **kwargs: Any) -> Any:
        if self.runner is None:
            return self.sync.chat.completions.create(**kwargs)
        return self.runner.run(self.aio.chat.completions.create(**kwargs))

    def stream(self, **kwargs: Any) -> list[Any]:
        if self.runner is None:
            with self.sync.chat.completions.create(stream=True, **kwargs) as stream:
                return list(stream)

        async def read() -> list[Any]:
            stream = await self.aio.chat.completions.create(stream=True, **kwargs)
            async with stream:
                return [chunk async for chunk in stream]

        return self.runner.run(read())

    def embed(self, **kwargs: Any) -> Any:
        if self.runner is None:
            return self.sync.embeddings.create(**kwargs)
        return self.runner.run(self.aio.embeddings.create(**kwargs))

    def models(self) -> list[Any]:
        if self.runner is None:
            return list(self.sync.models.list())

        async def read() -> list[Any]:
            return [model async for model in self.aio.models.list()]

        return self.runner.run(read())

    def model(self, model_id: str) -> Any:
        if self.runner is None:
            return self.sync.models.retrieve(model_id)
        return self.runner.run(self.aio.models.retrieve(model_id))

    def close(self) -> None:
        if self.runner is None:
            self.sync.close()
        else:
            self.runner.run(self.aio.close())
            self.runner.close()


@pytest.fixture(params=["sync", "async"])
def oai(request: pytest.FixtureRequest, server: ReferenceServer) -> Iterator[OpenAIClient]:
    """An ``openai`` client of one kind on a fresh organization with a scripted agent."""
    key = server.create_api_key()
    with httpx.Client(base_url=server.base_url) as http:
        created = http.post(
            "/v1/agents",
            json={"name": "Bot", "brain": "scripted"},
            headers={"Authorization": f"Bearer {key}"},
        )
        assert created.status_code == 201
    validator = ContractValidator(server.base_url)
    client = OpenAIClient(request.param, f"{server.base_url}/openai/v1", key, validator)
    client.admin = httpx.Client(
        base_url=server.base_url, headers={"Authorization": f"Bearer {key}"}
    )
    yield client
    client.admin.close()
    client.close()
    assert not validator.problems, validator.problems


def user(text: str) -> list[Any]:
    return [{"role": "user", "content": text}]


class TestCompletions:
    def test_a_completion(self, oai: OpenAIClient) -> None:
        result = oai.complete(model="Bot", messages=user("hello"))
        assert result.choices[0].message.content == "You said: hello"
        assert result.choices[0].finish_reason == "stop"
        assert result.usage.prompt_tokens == 1

    def test_a_stream_with_usage(self, oai: OpenAIClient) -> None:
        """The client reads the chunks to ``[DONE]``; the last one carries the usage."""
        chunks = oai.stream(
            model="Bot", messages=user("/long 20"), stream_options={"include_usage": True}
        )
        text = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
        assert text == "".join(f"tok{i} " for i in range(20))
        assert chunks[-1].choices == []
        assert chunks[-1].usage.completion_tokens == 20
        assert chunks[-2].choices[0].finish_reason == "stop"

    def test_tool_calls_whole_and_streamed(self, oai: OpenAIClient) -> None:
        asked = user('/tool get_weather {"city": "Oslo"}')
        whole = oai.complete(model="Bot", messages=asked, tools=[WEATHER])
        call = whole.choices[0].message.tool_calls[0]
        assert call.function.name == "get_weather"
        assert json.loads(call.function.arguments) == {"city": "Oslo"}
        chunks = oai.stream(model="Bot", messages=asked, tools=[WEATHER])
        deltas = [d for c in chunks for d in (c.choices[0].delta.tool_calls or [])]
        assert deltas[0].function.name == "get_weather"
        arguments = "".join(d.function.arguments or "" for d in deltas)
        assert json.loads(arguments) == {"city": "Oslo"}
        assert chunks[-1].choices[0].finish_reason == "tool_calls"
        answered = [
            *asked,
            whole.choices[0].message.model_dump(exclude_none=True),
            {"role": "tool", "tool_call_id": call.id, "content": '{"temp": 3}'},
        ]
        result = oai.complete(model="Bot", messages=answered, tools=[WEATHER])
        assert result.choices[0].message.content == 'The tool get_weather returned: {"temp":3}.'

    def test_json_response_format(self, oai: OpenAIClient) -> None:
        result = oai.complete(
            model="Bot", messages=user("hi"), response_format={"type": "json_object"}
        )
        assert json.loads(result.choices[0].message.content) == {"content": "You said: hi"}


class TestGuardrails:
    """A guardrail's verdict reaches OpenAI's clients in a field they keep but do not know."""

    def _guarded(self, oai: OpenAIClient) -> str:
        assert oai.admin is not None
        rule = oai.admin.post(
            "/v1/guardrails",
            json={"name": "Brand", "competitor_keywords": ["Acme"], "refusal": "Only us."},
        ).json()
        made = oai.admin.post(
            "/v1/agents", json={"name": "Guarded", "brain": "echo", "guardrail_ids": [rule["id"]]}
        )
        assert made.status_code == 201
        return str(rule["id"])

    def test_whole_and_streamed(self, oai: OpenAIClient) -> None:
        rule_id = self._guarded(oai)
        result = oai.complete(model="Guarded", messages=user("Acme rules"))
        choice = result.choices[0]
        assert (choice.message.content, choice.finish_reason) == ("Only us.", "content_filter")
        assert choice.model_extra["guardrail_findings"][0]["guardrail_id"] == rule_id
        chunks = oai.stream(model="Guarded", messages=user("Acme rules"))
        extra = [c.choices[0].model_extra.get("guardrail_findings") for c in chunks if c.choices]
        found = [findings for findings in extra if findings]
        assert [f[0]["action"] for f in found] == ["block"]
        text = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
        assert text == "Only us."
        assert chunks[-1].choices[0].finish_reason == "content_filter"


def _stub_provider(oai: OpenAIClient, upstream: StubUpstream) -> dict[str, Any]:
    """Add the stub as the provider ``Stub`` through agentkit's own API."""
    assert oai.admin is not None
    made = oai.admin.post(
        "/v1/providers",
        json={
            "name": "Stub",
            "type": "openai-compatible",
            "base_url": upstream.base_url,
            "api_key": KEY,
        },
    )
    assert made.status_code == 201
    provider: dict[str, Any] = made.json()
    return provider


class TestProviderModels:
    """A provider's model, named ``<provider>/<model>``, answers OpenAI's clients through us."""

    def test_whole_streamed_and_embedded(self, oai: OpenAIClient) -> None:
        with StubUpstream() as upstream:
            _stub_provider(oai, upstream)
            result = oai.complete(model="Stub/stub-small", messages=user("hi"))
            assert result.choices[0].message.content == "model stub-small"
            chunks = oai.stream(model="Stub/stub-large", messages=user("hi"))
            text = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
            assert text == "model stub-large"
            vectors = oai.embed(model="Stub/stub-embed", input=["abc"])
            assert vectors.data[0].embedding == [3.0, 1.0]

    def test_listed_and_each_listed_id_answers(self, oai: OpenAIClient) -> None:
        """After a refresh, the provider's models are in OpenAI's model list, owned by the
        provider; each listed id is a ``model`` a completion takes."""
        assert oai.admin is not None
        with StubUpstream() as upstream:
            made = _stub_provider(oai, upstream)
            assert [m.id for m in oai.models() if m.kind == "provider"] == []
            refreshed = oai.admin.post(f"/v1/providers/{made['id']}/models/refresh")
            assert refreshed.status_code == 200
            listed = [m for m in oai.models() if m.kind == "provider"]
            assert [(m.id, m.owned_by) for m in listed] == [
                ("Stub/stub-small", "Stub"),
                ("Stub/stub-large", "Stub"),
            ]
            assert listed[0].capabilities["chat"] is True
            for model in listed:
                result = oai.complete(model=model.id, messages=user("hi"))
                assert result.choices[0].message.content == f"model {model.name}"
            for model in listed:
                assert oai.model(model.id).id == model.id
            with pytest.raises(openai.NotFoundError):
                oai.model("Stub/not-listed")


class TestEmbeddingsAndModels:
    def test_embeddings_in_both_encodings(self, oai: OpenAIClient) -> None:
        """The client asks for base64 unless told otherwise, and decodes it to the same floats."""
        texts = ["billing issue", "refund delay"]
        decoded = oai.embed(model="agentkit-lexical-v1", input=texts, dimensions=32)
        floats = oai.embed(
            model="agentkit-lexical-v1", input=texts, dimensions=32, encoding_format="float"
        )
        assert [d.embedding for d in decoded.data] == [d.embedding for d in floats.data]
        assert len(decoded.data[1].embedding) == 32

    def test_models(self, oai: OpenAIClient) -> None:
        models = oai.models()
        assert [m.name for m in models] == ["Bot", "agentkit-lexical-v1"]
        bot = oai.model("Bot")
        assert bot.id == models[0].id
        assert bot.capabilities["tool_calls"] is True


class TestErrors:
    def test_errors_map_to_the_clients_exceptions(self, oai: OpenAIClient) -> None:
        with pytest.raises(openai.NotFoundError) as missing:
            oai.complete(model="nobody", messages=user("hi"))
        assert missing.value.code == "MODEL_NOT_FOUND"
        assert missing.value.param == "model"
        with pytest.raises(openai.BadRequestError) as bad:
            oai.complete(model="Bot", messages=user("hi"), temperature=9)
        assert bad.value.param == "temperature"
        with pytest.raises(openai.NotFoundError):
            oai.model("nobody")

    def test_a_failing_agent_raises_mid_stream(self, oai: OpenAIClient) -> None:
        with pytest.raises(openai.APIError) as failed:
            oai.stream(model="Bot", messages=user("/error"))
        assert "failed on purpose" in str(failed.value)

    def test_a_wrong_key(self, server: ReferenceServer) -> None:
        client = openai.OpenAI(base_url=f"{server.base_url}/openai/v1", api_key="ak_wrong")
        with client, pytest.raises(openai.AuthenticationError):
            client.models.list()
