"""The OpenAI-compatible API's sans-I/O parts: chunk parsing, the stream accumulator (tool calls
in any number of pieces, interleaved), request bodies, and base64 embeddings."""

from __future__ import annotations

import base64
import json
import struct
from typing import Any

import pytest

from agentkit import AgentFailedError, APIResponseValidationError
from agentkit._completions import (
    CompletionAccumulator,
    completion_body,
    decode_embeddings,
    parse_completion_chunk,
)
from agentkit._sse import ServerSentEvent
from agentkit.tools import client_tool
from agentkit.types import OpenAIEmbeddingList


def chunk(delta: dict[str, Any], finish: str | None = None, **extra: Any) -> Any:
    data = {
        "id": "chatcmpl-1",
        "object": "chat.completion.chunk",
        "created": 1,
        "model": "Bot",
        "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
        **extra,
    }
    return parse_completion_chunk(ServerSentEvent(data=json.dumps(data)))


def call_piece(index: int, **fields: Any) -> dict[str, Any]:
    return {"tool_calls": [{"index": index, **fields}]}


class TestAccumulator:
    def test_tool_calls_in_many_interleaved_pieces(self) -> None:
        """Pieces of two calls, split anywhere and interleaved, join by their index."""
        summary = CompletionAccumulator()
        pieces = [
            call_piece(0, id="call_a", type="function", function={"name": "one", "arguments": ""}),
            call_piece(
                1, id="call_b", type="function", function={"name": "two", "arguments": '{"'}
            ),
            call_piece(0, function={"arguments": '{"x"'}),
            call_piece(1, function={"arguments": 'y": 2}'}),
            call_piece(0, function={"arguments": ": 1}"}),
        ]
        for piece in pieces:
            summary.observe(chunk(piece))
        summary.observe(chunk({}, "tool_calls"))
        calls = summary.tool_calls
        assert [(c.id, c.function.name) for c in calls] == [("call_a", "one"), ("call_b", "two")]
        assert [json.loads(c.function.arguments) for c in calls] == [{"x": 1}, {"y": 2}]
        completion = summary.completion()
        assert completion.choices[0].finish_reason.value == "tool_calls"
        assert completion.choices[0].message.content is None

    def test_text_reasoning_and_usage(self) -> None:
        summary = CompletionAccumulator()
        summary.observe(chunk({"role": "assistant", "content": ""}))
        summary.observe(chunk({"reasoning_content": "Think. "}))
        summary.observe(chunk({"content": "Hello"}))
        summary.observe(chunk({"content": " there"}, "stop"))
        usage = {"prompt_tokens": 1, "completion_tokens": 2, "total_tokens": 3}
        summary.observe(
            parse_completion_chunk(
                ServerSentEvent(
                    data=json.dumps(
                        {
                            "id": "chatcmpl-1",
                            "object": "chat.completion.chunk",
                            "created": 1,
                            "model": "Bot",
                            "choices": [],
                            "usage": usage,
                        }
                    )
                )
            )
        )
        summary.observe(None)
        assert (summary.text, summary.reasoning, summary.finish_reason) == (
            "Hello there",
            "Think. ",
            "stop",
        )
        assert summary.usage is not None and summary.usage.total_tokens == 3
        assert summary.completion().usage.total_tokens == 3

    def test_a_newer_finish_reason_does_not_break(self) -> None:
        """A finish reason this version does not know comes through as its string."""
        summary = CompletionAccumulator()
        summary.observe(chunk({}, "paused_for_review"))
        assert summary.finish_reason == "paused_for_review"


class TestParsing:
    def test_the_terminator(self) -> None:
        assert parse_completion_chunk(ServerSentEvent(data="[DONE]")) is None

    def test_an_error_chunk_raises_its_class(self) -> None:
        error = {"message": "boom", "type": "server_error", "param": None, "code": "AGENT_ERROR"}
        data = json.dumps({"object": "error", "error": error})
        with pytest.raises(AgentFailedError, match="boom"):
            parse_completion_chunk(ServerSentEvent(data=data))

    @pytest.mark.parametrize("data", ["not json", "[]", '{"object": "chat.completion.chunk"}'])
    def test_garbage_is_a_validation_error(self, data: str) -> None:
        with pytest.raises(APIResponseValidationError):
            parse_completion_chunk(ServerSentEvent(data=data))


class TestBodies:
    def test_a_client_tool_becomes_a_function(self) -> None:
        @client_tool
        def lookup(order_id: str) -> str:
            """Find an order.

            Args:
                order_id: The order.
            """
            return order_id

        body = completion_body(
            "Bot", "hi", stream=True, tools=[lookup], tool_choice="lookup", include_usage=True
        )
        assert body["messages"] == [{"role": "user", "content": "hi"}]
        function = body["tools"][0]["function"]
        assert function["name"] == "lookup" and function["description"] == "Find an order."
        assert function["parameters"]["required"] == ["order_id"]
        assert body["tool_choice"] == {"type": "function", "function": {"name": "lookup"}}
        assert body["stream"] is True and body["stream_options"] == {"include_usage": True}

    def test_response_formats(self) -> None:
        def fmt(value: Any) -> Any:
            return completion_body("Bot", "hi", stream=False, response_format=value)[
                "response_format"
            ]

        assert fmt("json") == {"type": "json_object"}
        schema = {"title": "answer", "type": "object"}
        assert fmt(schema) == {
            "type": "json_schema",
            "json_schema": {"name": "answer", "schema": {"type": "object"}},
        }
        assert fmt({"type": "text"}) == {"type": "text"}


def test_base64_embeddings_decode_to_floats() -> None:
    raw = base64.b64encode(struct.pack("<3f", 0.5, -0.25, 1.0)).decode()
    data = {
        "object": "list",
        "model": "m",
        "usage": {"prompt_tokens": 1, "total_tokens": 1},
        "data": [{"object": "embedding", "index": 0, "embedding": raw}],
    }
    decoded = decode_embeddings(OpenAIEmbeddingList.from_dict(data))
    assert decoded.data[0].embedding == [0.5, -0.25, 1.0]
