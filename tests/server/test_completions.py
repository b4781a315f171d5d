"""The OpenAI-compatible API over raw HTTP: completions whole and streamed, tool calls and their
results, JSON replies, errors in OpenAI's shape, isolation between organizations."""

from __future__ import annotations

import json
from typing import Any

import pytest

from .conftest import Api, Stream, new_agent

COMPLETIONS = "/openai/v1/chat/completions"
WEATHER = {
    "type": "function",
    "function": {
        "name": "get_weather",
        "description": "The weather in a city.",
        "parameters": {
            "type": "object",
            "properties": {"city": {"type": "string"}, "days": {"type": "integer"}},
            "required": ["city", "days"],
        },
    },
}


def ask(text: str, **extra: Any) -> dict[str, Any]:
    return {"messages": [{"role": "user", "content": text}], **extra}


def complete(api: Api, model: str, text: str, **extra: Any) -> dict[str, Any]:
    response = api.post(COMPLETIONS, json={"model": model, **ask(text, **extra)})
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def stream(api: Api, model: str, text: str, **extra: Any) -> Stream:
    body = {"model": model, "stream": True, **ask(text, **extra)}
    return api.stream("POST", COMPLETIONS, json=body)


def chunks(result: Stream) -> list[dict[str, Any]]:
    return [json.loads(e.data) for e in result.events if e.data != "[DONE]"]


def streamed_text(result: Stream) -> str:
    return "".join(
        c["choices"][0]["delta"].get("content") or "" for c in chunks(result) if c["choices"]
    )


def openai_error(response: Any, status: int, code: str, param: str | None = None) -> None:
    assert response.status_code == status, response.text
    error = response.json()["error"]
    assert error["code"] == code
    assert error["param"] == param
    assert set(error) == {"message", "type", "param", "code", "request_id"}
    assert error["request_id"] == response.headers["x-request-id"]


@pytest.fixture
def scripted(api: Api) -> dict[str, Any]:
    return new_agent(api, name="Scripted", brain="scripted", instructions="Be brief.")


class TestCompletion:
    def test_the_agent_named_by_id_or_name_answers(
        self, api: Api, scripted: dict[str, Any]
    ) -> None:
        """``model`` is an agent's id or its name; the agent's brain writes the reply."""
        for model in (scripted["id"], "Scripted"):
            body = complete(api, model, "hello there")
            assert body["object"] == "chat.completion"
            assert body["model"] == model
            choice = body["choices"][0]
            assert choice["message"]["content"] == "You said: hello there"
            assert choice["message"]["reasoning_content"].startswith("The user asks: hello")
            assert choice["finish_reason"] == "stop"

    def test_usage_counts_words(self, api: Api, scripted: dict[str, Any]) -> None:
        """Prompt tokens are the messages' words; completion tokens the reply's and reasoning's."""
        body = complete(api, "Scripted", "one two three")
        usage = body["usage"]
        assert usage["prompt_tokens"] == 3
        reasoning = body["choices"][0]["message"]["reasoning_content"]
        assert usage["completion_tokens"] == 5 + len(reasoning.split())
        assert usage["total_tokens"] == usage["prompt_tokens"] + usage["completion_tokens"]

    def test_history_reaches_the_brain(self, api: Api) -> None:
        """The last user message is the prompt: the echo brain repeats it, not earlier ones."""
        new_agent(api, name="Echo", brain="echo")
        messages = [
            {"role": "system", "content": "Repeat."},
            {"role": "user", "content": "first"},
            {"role": "assistant", "content": "first"},
            {"role": "user", "content": [{"type": "text", "text": "second"}]},
        ]
        response = api.post(COMPLETIONS, json={"model": "Echo", "messages": messages})
        assert response.json()["choices"][0]["message"]["content"] == "second"

    def test_max_tokens_cuts_the_reply(self, api: Api, scripted: dict[str, Any]) -> None:
        """``max_tokens`` cuts the text after that many words, with ``finish_reason: length``."""
        body = complete(api, "Scripted", "/long 50", max_tokens=5)
        assert body["choices"][0]["message"]["content"] == "tok0 tok1 tok2 tok3 tok4 "
        assert body["choices"][0]["finish_reason"] == "length"


class TestStream:
    def test_chunks_then_done(self, api: Api, scripted: dict[str, Any]) -> None:
        """A stream opens with the role, sends the text in deltas, ends with a finish reason and
        ``[DONE]``; without ``include_usage`` no chunk carries usage."""
        result = stream(api, "Scripted", "hi")
        assert result.status_code == 200
        assert result.headers["content-type"].startswith("text/event-stream")
        parsed = chunks(result)
        assert parsed[0]["choices"][0]["delta"] == {"role": "assistant", "content": ""}
        assert streamed_text(result) == "You said: hi"
        assert parsed[-1]["choices"][0]["finish_reason"] == "stop"
        assert all(c["choices"][0]["finish_reason"] is None for c in parsed[:-1])
        assert all("usage" not in c for c in parsed)
        assert result.events[-1].data == "[DONE]"
        assert len({c["id"] for c in parsed}) == 1

    def test_include_usage_adds_a_last_chunk(self, api: Api, scripted: dict[str, Any]) -> None:
        """``include_usage``: every chunk has ``usage: null`` but a last one with no choices."""
        result = stream(api, "Scripted", "/long 3", stream_options={"include_usage": True})
        parsed = chunks(result)
        assert parsed[-1]["choices"] == []
        assert parsed[-1]["usage"] == {
            "prompt_tokens": 2,
            "completion_tokens": 3,
            "total_tokens": 5,
        }
        assert all(c["usage"] is None for c in parsed[:-1])

    def test_a_long_stream_arrives_whole(self, api: Api, scripted: dict[str, Any]) -> None:
        """Chunks sent in batches lose nothing and keep their order."""
        result = stream(api, "Scripted", "/long 2000")
        assert streamed_text(result) == "".join(f"tok{i} " for i in range(2000))

    def test_a_failing_agent_ends_with_an_error_chunk(
        self, api: Api, scripted: dict[str, Any]
    ) -> None:
        """A brain that fails mid-stream sends OpenAI's error object, then ``[DONE]``."""
        result = stream(api, "Scripted", "/error")
        last = json.loads(result.events[-2].data)
        assert last["object"] == "error"
        assert last["error"]["code"] == "AGENT_ERROR"
        assert result.events[-1].data == "[DONE]"

    def test_json_mode_streams_the_json(self, api: Api, scripted: dict[str, Any]) -> None:
        """In JSON mode the streamed text is the JSON object, whole."""
        result = stream(api, "Scripted", "hi", response_format={"type": "json_object"})
        assert json.loads(streamed_text(result)) == {"content": "You said: hi"}


class TestTools:
    def test_a_tool_call(self, api: Api, scripted: dict[str, Any]) -> None:
        """``/tool NAME JSON`` makes the scripted agent call an offered tool."""
        text = '/tool get_weather {"city": "Paris", "days": 2}'
        body = complete(api, "Scripted", text, tools=[WEATHER])
        choice = body["choices"][0]
        assert choice["finish_reason"] == "tool_calls"
        assert choice["message"]["content"] is None
        (call,) = choice["message"]["tool_calls"]
        assert call["id"].startswith("call_")
        assert call["function"]["name"] == "get_weather"
        assert json.loads(call["function"]["arguments"]) == {"city": "Paris", "days": 2}

    def test_tool_call_deltas(self, api: Api, scripted: dict[str, Any]) -> None:
        """Streamed, a call opens with its id and name, then its arguments follow."""
        result = stream(api, "Scripted", "/tool get_weather", tools=[WEATHER])
        deltas = [
            c["choices"][0]["delta"]["tool_calls"][0]
            for c in chunks(result)
            if c["choices"] and "tool_calls" in c["choices"][0]["delta"]
        ]
        assert deltas[0]["id"].startswith("call_") and deltas[0]["index"] == 0
        assert deltas[0]["function"] == {"name": "get_weather", "arguments": ""}
        arguments = "".join(d["function"]["arguments"] for d in deltas)
        assert json.loads(arguments) == {"city": "example", "days": 1}
        assert chunks(result)[-1]["choices"][0]["finish_reason"] == "tool_calls"

    def test_tool_results_continue_the_turn(self, api: Api, scripted: dict[str, Any]) -> None:
        """``tool`` messages answer the calls; the agent goes on from their results."""
        call = {
            "id": "call_1",
            "type": "function",
            "function": {"name": "get_weather", "arguments": "{}"},
        }
        messages = [
            {"role": "user", "content": "/tool get_weather"},
            {"role": "assistant", "content": None, "tool_calls": [call]},
            {"role": "tool", "tool_call_id": "call_1", "content": '{"sky": "clear"}'},
        ]
        body = {"model": "Scripted", "messages": messages, "tools": [WEATHER]}
        response = api.post(COMPLETIONS, json=body)
        content = response.json()["choices"][0]["message"]["content"]
        assert content == 'The tool get_weather returned: {"sky":"clear"}.'

    def test_a_tool_message_must_answer_a_call(self, api: Api, scripted: dict[str, Any]) -> None:
        """A tool message whose id answers no call is refused, naming it."""
        messages = [
            {"role": "user", "content": "hi"},
            {"role": "tool", "tool_call_id": "call_x", "content": "1"},
        ]
        response = api.post(COMPLETIONS, json={"model": "Scripted", "messages": messages})
        openai_error(response, 400, "VALIDATION_ERROR", "messages[1].tool_call_id")

    def test_a_named_tool_choice_forces_the_call(self, api: Api, scripted: dict[str, Any]) -> None:
        """A named ``tool_choice`` makes a call of that tool even when the prompt asks none."""
        choice = {"type": "function", "function": {"name": "get_weather"}}
        body = complete(api, "Scripted", "hello", tools=[WEATHER], tool_choice=choice)
        (call,) = body["choices"][0]["message"]["tool_calls"]
        assert json.loads(call["function"]["arguments"]) == {"city": "example", "days": 1}

    def test_tool_choice_none_offers_no_tools(self, api: Api, scripted: dict[str, Any]) -> None:
        """``tool_choice: none``: the agent sees no tools to call."""
        body = complete(api, "Scripted", "/tool get_weather", tools=[WEATHER], tool_choice="none")
        assert (
            body["choices"][0]["message"]["content"] == "I have no client tool named get_weather."
        )

    def test_brains_without_tools_refuse_a_required_call(self, api: Api) -> None:
        """An agent whose brain calls no tools cannot be made to call one."""
        new_agent(api, name="Echo", brain="echo")
        body = {"model": "Echo", **ask("hi"), "tools": [WEATHER], "tool_choice": "required"}
        openai_error(api.post(COMPLETIONS, json=body), 400, "VALIDATION_ERROR", "tool_choice")

    def test_an_unknown_named_tool_is_refused(self, api: Api, scripted: dict[str, Any]) -> None:
        choice = {"type": "function", "function": {"name": "nope"}}
        body = {"model": "Scripted", **ask("hi"), "tools": [WEATHER], "tool_choice": choice}
        response = api.post(COMPLETIONS, json=body)
        openai_error(response, 400, "VALIDATION_ERROR", "tool_choice.function.name")


class TestJsonReplies:
    def test_json_text_passes_as_it_is(self, api: Api) -> None:
        """A reply that is a JSON object already is sent unchanged."""
        new_agent(api, name="Echo", brain="echo")
        body = complete(api, "Echo", '{"a": 1}', response_format={"type": "json_object"})
        assert body["choices"][0]["message"]["content"] == '{"a": 1}'

    def test_other_text_is_wrapped(self, api: Api, scripted: dict[str, Any]) -> None:
        """Text that is no JSON object is carried in ``content``."""
        body = complete(api, "Scripted", "hi", response_format={"type": "json_object"})
        assert json.loads(body["choices"][0]["message"]["content"]) == {"content": "You said: hi"}

    def test_a_schema_is_followed(self, api: Api, scripted: dict[str, Any]) -> None:
        """With a schema, the text goes in its first string property; required ones are filled."""
        schema = {
            "type": "object",
            "properties": {"score": {"type": "integer"}, "answer": {"type": "string"}},
            "required": ["score", "answer"],
        }
        fmt = {"type": "json_schema", "json_schema": {"name": "reply", "schema": schema}}
        body = complete(api, "Scripted", "hi", response_format=fmt)
        reply = json.loads(body["choices"][0]["message"]["content"])
        assert reply == {"score": 1, "answer": "You said: hi"}

    def test_a_broken_schema_is_refused(self, api: Api, scripted: dict[str, Any]) -> None:
        fmt = {"type": "json_schema", "json_schema": {"name": "r", "schema": {"type": 5}}}
        body = {"model": "Scripted", **ask("hi"), "response_format": fmt}
        response = api.post(COMPLETIONS, json=body)
        openai_error(response, 400, "VALIDATION_ERROR", "response_format.json_schema.schema")


class TestErrors:
    def test_an_unknown_model(self, api: Api) -> None:
        response = api.post(COMPLETIONS, json={"model": "nobody", **ask("hi")})
        openai_error(response, 404, "MODEL_NOT_FOUND", "model")
        assert response.json()["error"]["type"] == "not_found_error"

    def test_another_organizations_agent_is_not_found(
        self, api: Api, harness: Any, scripted: dict[str, Any]
    ) -> None:
        """Agents of another organization are no models of yours, by id or by name."""
        stranger = harness.client()
        for model in (scripted["id"], "Scripted"):
            response = stranger.post(COMPLETIONS, json={"model": model, **ask("hi")})
            openai_error(response, 404, "MODEL_NOT_FOUND", "model")
        listed = stranger.get("/openai/v1/models").json()["data"]
        assert [m["kind"] for m in listed] == ["embedding"]

    def test_no_key(self, harness: Any) -> None:
        response = harness.client(key=None).post(COMPLETIONS, json={"model": "x", **ask("hi")})
        openai_error(response, 401, "UNAUTHORIZED")
        assert response.json()["error"]["type"] == "authentication_error"

    @pytest.mark.parametrize(
        ("body", "param"),
        [
            ({"messages": [{"role": "user", "content": "x"}]}, "model"),
            ({"model": "Scripted", "messages": []}, "messages"),
            (
                {"model": "Scripted", "messages": [{"role": "usr", "content": "x"}]},
                "messages[0].role",
            ),
            ({"model": "Scripted", **ask("x"), "n": 2}, "n"),
            ({"model": "Scripted", **ask("x"), "temperature": 3}, "temperature"),
            (
                {"model": "Scripted", "messages": [{"role": "assistant", "content": "x"}]},
                "messages",
            ),
            ({"model": "Scripted", "messages": [{"role": "system", "content": "x"}]}, "messages"),
            ({"model": "Scripted", "messages": [{"role": "user"}]}, "messages[0].content"),
            (
                {"model": "Scripted", "messages": [{"role": "tool", "content": "x"}]},
                "messages[0].tool_call_id",
            ),
            (
                {
                    "model": "Scripted",
                    "messages": [{"role": "user", "content": [{"type": "text"}]}],
                },
                "messages[0].content[0].text",
            ),
            (
                {"model": "Scripted", "messages": [{"role": "user", "content": [{"type": "x"}]}]},
                "messages[0].content[0].type",
            ),
        ],
    )
    def test_bad_requests_name_the_field(
        self, api: Api, scripted: dict[str, Any], body: dict[str, Any], param: str
    ) -> None:
        openai_error(api.post(COMPLETIONS, json=body), 400, "VALIDATION_ERROR", param)

    def test_a_failing_agent(self, api: Api, scripted: dict[str, Any]) -> None:
        response = api.post(COMPLETIONS, json={"model": "Scripted", **ask("/error")})
        openai_error(response, 502, "AGENT_ERROR")
        assert response.json()["error"]["type"] == "server_error"


class TestEmbeddings:
    PATH = "/openai/v1/embeddings"

    def embed(self, api: Api, given: Any, **extra: Any) -> dict[str, Any]:
        body = {"model": "agentkit-lexical-v1", "input": given, **extra}
        response = api.post(self.PATH, json=body)
        assert response.status_code == 200, response.text
        result: dict[str, Any] = response.json()
        return result

    def test_vectors_are_unit_length_and_deterministic(self, api: Api) -> None:
        first = self.embed(api, "billing issue")["data"][0]["embedding"]
        again = self.embed(api, ["billing issue"])["data"][0]["embedding"]
        assert first == again
        assert len(first) == 256
        assert abs(sum(x * x for x in first) - 1.0) < 1e-5

    def test_shared_words_are_closer(self, api: Api) -> None:
        """Lexical: texts sharing words are closer than texts sharing none."""
        texts = ["customer complained about billing", "billing issue escalated", "sunny weather"]
        a, b, c = (d["embedding"] for d in self.embed(api, texts, dimensions=512)["data"])

        def dot(x: list[float], y: list[float]) -> float:
            return sum(p * q for p, q in zip(x, y, strict=True))

        assert dot(a, b) > dot(a, c) + 0.1

    def test_base64_is_little_endian_float32(self, api: Api) -> None:
        import base64
        import struct

        floats = self.embed(api, "a b c", dimensions=16)["data"][0]["embedding"]
        encoded = self.embed(api, "a b c", dimensions=16, encoding_format="base64")
        raw = base64.b64decode(encoded["data"][0]["embedding"])
        assert list(struct.unpack("<16f", raw)) == floats

    def test_order_and_usage(self, api: Api) -> None:
        body = self.embed(api, ["one", "two words", "three more words"], dimensions=8)
        assert [d["index"] for d in body["data"]] == [0, 1, 2]
        assert body["usage"] == {"prompt_tokens": 6, "total_tokens": 6}
        assert body["model"] == "agentkit-lexical-v1"

    def test_an_agent_does_not_embed(self, api: Api, scripted: dict[str, Any]) -> None:
        response = api.post(self.PATH, json={"model": "Scripted", "input": "x"})
        openai_error(response, 400, "VALIDATION_ERROR", "model")
        response = api.post(self.PATH, json={"model": "nobody", "input": "x"})
        openai_error(response, 404, "MODEL_NOT_FOUND", "model")

    @pytest.mark.parametrize(
        ("extra", "param"),
        [
            ({"input": ""}, "input"),
            ({"input": []}, "input"),
            ({"input": "x", "dimensions": 0}, "dimensions"),
            ({"input": "x", "dimensions": 5000}, "dimensions"),
            ({"input": "x", "encoding_format": "int8"}, "encoding_format"),
            ({"input": [1, 2]}, "input[0]"),
        ],
    )
    def test_bad_input(self, api: Api, extra: dict[str, Any], param: str) -> None:
        response = api.post(self.PATH, json={"model": "agentkit-lexical-v1", **extra})
        openai_error(response, 400, "VALIDATION_ERROR", param)


class TestModels:
    def test_agents_then_the_embedding_model(self, api: Api, scripted: dict[str, Any]) -> None:
        echo = new_agent(api, name="Echo", brain="echo")
        listed = api.get("/openai/v1/models").json()
        assert listed["object"] == "list"
        assert [m["id"] for m in listed["data"]] == [
            scripted["id"],
            echo["id"],
            "agentkit-lexical-v1",
        ]
        by_name = {m["name"]: m for m in listed["data"]}
        assert by_name["Scripted"]["capabilities"]["tool_calls"] is True
        assert by_name["Scripted"]["capabilities"]["thinking"] is True
        assert by_name["Echo"]["capabilities"]["tool_calls"] is False
        assert by_name["agentkit-lexical-v1"]["capabilities"]["embeddings"] is True

    def test_one_model_by_id_or_name(self, api: Api, scripted: dict[str, Any]) -> None:
        for key in (scripted["id"], "Scripted"):
            model = api.get(f"/openai/v1/models/{key}").json()
            assert model["id"] == scripted["id"] and model["kind"] == "agent"
        assert api.get("/openai/v1/models/agentkit-lexical-v1").json()["kind"] == "embedding"
        openai_error(api.get("/openai/v1/models/nobody"), 404, "MODEL_NOT_FOUND")


class TestRefusedBeforeTheRoute:
    def test_a_body_over_the_limit(self, api: Api) -> None:
        """Refused before the route is known, a body over the size limit still carries the
        ``message`` and ``code`` an OpenAI client reads."""
        body = {"model": "x", **ask("x" * 70_000)}
        response = api.post(COMPLETIONS, json=body)
        assert response.status_code == 413
        error = response.json()["error"]
        assert error["code"] == "REQUEST_TOO_LARGE" and error["message"]


class TestIdempotency:
    def test_a_reused_key_is_final(self, api: Api, scripted: dict[str, Any]) -> None:
        """A key reused with another body is a 409 that says not to retry, in OpenAI's shape
        (OpenAI clients retry a 409 unless told not to)."""
        headers = {"Idempotency-Key": "k-1"}
        first = api.post(COMPLETIONS, json={"model": "Scripted", **ask("a")}, headers=headers)
        again = api.post(COMPLETIONS, json={"model": "Scripted", **ask("a")}, headers=headers)
        assert again.json() == first.json()
        assert again.headers["idempotent-replayed"] == "true"
        other = api.post(COMPLETIONS, json={"model": "Scripted", **ask("b")}, headers=headers)
        openai_error(other, 409, "IDEMPOTENCY_KEY_REUSED", "Idempotency-Key")
        assert other.headers["x-should-retry"] == "false"
