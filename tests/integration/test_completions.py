"""The SDK on the OpenAI-compatible API, both clients: completions whole and streamed (typed
chunks, the accumulated text, tool calls and usage), embeddings, and the models."""

from __future__ import annotations

import json
from typing import Any

import pytest

from agentkit import AgentFailedError, ModelNotFoundError, ValidationError, client_tool


@client_tool
def get_weather(city: str) -> dict[str, str]:
    """The weather in a city.

    Args:
        city: The city's name.
    """
    return {"sky": "clear"}


@pytest.fixture
def bot(client: Any) -> Any:
    return client.agents.create(name="Bot", brain="scripted")


class TestCreate:
    def test_a_reply(self, client: Any, bot: Any) -> None:
        completion = client.completions.create("Bot", "hello")
        message = completion.choices[0].message
        assert message.content == "You said: hello"
        assert message.reasoning_content.startswith("The user asks: hello")
        assert completion.usage.prompt_tokens == 1
        assert client.completions.create(bot.id, "x").model == bot.id

    def test_client_tools_are_offered(self, client: Any, bot: Any) -> None:
        """A ``ClientTool`` is offered as OpenAI's function tool; its call comes back typed."""
        completion = client.completions.create(
            "Bot", '/tool get_weather {"city": "Rome"}', tools=[get_weather]
        )
        (call,) = completion.choices[0].message.tool_calls
        assert call.function.name == "get_weather"
        assert json.loads(call.function.arguments) == {"city": "Rome"}
        assert completion.choices[0].finish_reason.value == "tool_calls"

    def test_a_tool_name_as_the_choice(self, client: Any, bot: Any) -> None:
        completion = client.completions.create(
            "Bot", "hi", tools=[get_weather], tool_choice="get_weather"
        )
        assert completion.choices[0].message.tool_calls[0].function.name == "get_weather"

    def test_a_schema_as_the_response_format(self, client: Any, bot: Any) -> None:
        schema = {"type": "object", "properties": {"answer": {"type": "string"}}}
        completion = client.completions.create("Bot", "hi", response_format=schema)
        assert json.loads(completion.choices[0].message.content) == {"answer": "You said: hi"}

    def test_errors_are_typed(self, client: Any, bot: Any) -> None:
        with pytest.raises(ModelNotFoundError) as missing:
            client.completions.create("nobody", "hi")
        assert missing.value.status_code == 404
        with pytest.raises(ValidationError) as invalid:
            client.completions.create("Bot", [{"role": "system", "content": "only"}])
        assert invalid.value.field == "messages"
        with pytest.raises(AgentFailedError):
            client.completions.create("Bot", "/error")


class TestStream:
    def test_typed_chunks_and_the_summary(self, client: Any, bot: Any) -> None:
        with client.completions.stream("Bot", "/long 30") as stream:
            chunks = list(stream)
        assert chunks[0].object_ == "chat.completion.chunk"
        assert stream.text == "".join(f"tok{i} " for i in range(30))
        assert stream.finish_reason == "stop"
        assert stream.usage.completion_tokens == 30

    def test_text_deltas_and_the_final_completion(self, client: Any, bot: Any) -> None:
        stream = client.completions.stream("Bot", "hi there")
        with stream:
            assert "".join(stream.text_deltas()) == "You said: hi there"
            completion = stream.until_done()
        assert completion.choices[0].message.content == "You said: hi there"
        assert completion.choices[0].message.reasoning_content == stream.reasoning
        assert completion.usage.total_tokens == stream.usage.total_tokens > 0

    def test_tool_calls_are_joined(self, client: Any, bot: Any) -> None:
        with client.completions.stream(
            "Bot", '/tool get_weather {"city": "Lima"}', tools=[get_weather]
        ) as stream:
            completion = stream.until_done()
        (call,) = stream.tool_calls
        assert call.id.startswith("call_")
        assert json.loads(call.function.arguments) == {"city": "Lima"}
        assert completion.choices[0].message.tool_calls[0].id == call.id
        assert completion.choices[0].finish_reason.value == "tool_calls"

    def test_without_usage(self, client: Any, bot: Any) -> None:
        with client.completions.stream("Bot", "hi", include_usage=False) as stream:
            list(stream)
        assert stream.usage is None and stream.text == "You said: hi"

    def test_a_failing_agent_raises(self, client: Any, bot: Any) -> None:
        with pytest.raises(AgentFailedError), client.completions.stream("Bot", "/error") as stream:
            list(stream)

    def test_an_unknown_model_raises_on_entering(self, client: Any) -> None:
        with pytest.raises(ModelNotFoundError), client.completions.stream("nobody", "hi"):
            pass


class TestEmbeddingsAndModels:
    def test_vectors_decoded_from_base64(self, client: Any) -> None:
        result = client.embeddings.create(["billing issue", "billing problem", "sunny day"])
        a, b, c = (item.embedding for item in result.data)
        assert len(a) == 256 and all(isinstance(x, float) for x in a)
        assert abs(sum(x * x for x in a) - 1) < 1e-5

        def dot(x: list[float], y: list[float]) -> float:
            return sum(p * q for p, q in zip(x, y, strict=True))

        assert dot(a, b) > dot(a, c)
        assert len(client.embeddings.create("x", dimensions=12).data[0].embedding) == 12

    def test_models_with_capabilities(self, client: Any, bot: Any) -> None:
        models = client.models.list()
        assert [m.name for m in models] == ["Bot", "agentkit-lexical-v1"]
        assert models[0].capabilities.tool_calls is True
        assert models[1].capabilities.embeddings is True
        assert client.models.get("Bot").id == bot.id
        with pytest.raises(ModelNotFoundError):
            client.models.get("nobody")
