"""The openai brain against a fake OpenAI-compatible upstream on loopback, streamed."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route

from tests.loopback import LoopbackApp

from .conftest import Api, new_agent, text_message


class FakeUpstream:
    """An OpenAI-compatible /chat/completions that streams by the requested model's name.

    ``words-*`` streams three deltas; ``fail`` answers 500; ``garbage`` streams a chunk that is
    not JSON. Every request is recorded.
    """

    def __init__(self) -> None:
        self.requests: list[dict[str, Any]] = []
        self.base_url = ""
        self._served: Any = None

    async def completions(self, request: Request) -> Response:
        body = await request.json()
        self.requests.append({"body": body, "authorization": request.headers.get("authorization")})
        if body["model"] == "fail":
            return JSONResponse({"error": {"message": "overloaded"}}, status_code=500)

        async def chunks() -> AsyncIterator[bytes]:
            if body["model"] == "garbage":
                yield b"data: {not json\n\n"
                return
            yield b": a comment the brain must skip\n\n"
            for word in ["Hello", " from", " upstream"]:
                chunk = {"choices": [{"index": 0, "delta": {"content": word}}]}
                yield f"data: {json.dumps(chunk)}\n\n".encode()
            yield b'data: {"choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]}\n\n'
            yield b"data: [DONE]\n\n"

        return StreamingResponse(chunks(), media_type="text/event-stream")

    def __enter__(self) -> FakeUpstream:
        app = Starlette(routes=[Route("/v1/chat/completions", self.completions, methods=["POST"])])
        self._served = LoopbackApp(app).__enter__()
        self.base_url = self._served.origin + "/v1"
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._served.__exit__(*exc_info)


@pytest.fixture(scope="module")
def upstream() -> Iterator[FakeUpstream]:
    with FakeUpstream() as running:
        yield running


@pytest.fixture
def configured(upstream: FakeUpstream, monkeypatch: pytest.MonkeyPatch) -> FakeUpstream:
    monkeypatch.setenv("AGENTKIT_OPENAI_BASE_URL", upstream.base_url)
    monkeypatch.setenv("AGENTKIT_OPENAI_API_KEY", "sk-upstream-test")
    return upstream


def stream_chat(api: Api, agent: dict[str, Any], text: str) -> Any:
    body = {"agent_id": agent["id"], "message": text_message(text)}
    return api.stream("POST", "/v1/chats/stream", json=body)


class TestOpenAIBrain:
    def test_upstream_deltas_become_content_events(
        self, api: Api, configured: FakeUpstream
    ) -> None:
        """Each upstream delta is a content event; the reply is their concatenation."""
        agent = new_agent(api, name="gpt", brain="openai", model_profile="words-1")
        stream = stream_chat(api, agent, "hi")
        assert stream.kinds == ["metadata", "content", "content", "content", "done"]
        assert stream.text == "Hello from upstream"
        reply = stream.payloads("done")[0]["chat"]["message"]
        assert reply["parts"] == [{"type": "text", "content": "Hello from upstream"}]

    def test_the_request_carries_model_key_instructions_and_history(
        self, api: Api, configured: FakeUpstream
    ) -> None:
        """Model = model_profile, bearer = the upstream key, system = instructions, then history."""
        agent = new_agent(
            api, name="gpt2", brain="openai", model_profile="words-2", instructions="Be kind."
        )
        chat_id = stream_chat(api, agent, "first").payloads("metadata")[0]["chat_id"]
        api.post(f"/v1/chats/{chat_id}/messages", json={"message": text_message("second")})
        sent = configured.requests[-1]
        assert sent["authorization"] == "Bearer sk-upstream-test"
        assert sent["body"]["model"] == "words-2" and sent["body"]["stream"] is True
        assert sent["body"]["messages"] == [
            {"role": "system", "content": "Be kind."},
            {"role": "user", "content": "first"},
            {"role": "assistant", "content": "Hello from upstream"},
            {"role": "user", "content": "second"},
        ]

    @pytest.mark.parametrize("model", ["fail", "garbage"])
    def test_upstream_failures_are_agent_errors(
        self, api: Api, configured: FakeUpstream, model: str
    ) -> None:
        """An upstream error status or an unreadable chunk ends the turn with AGENT_ERROR."""
        agent = new_agent(api, name=f"gpt-{model}", brain="openai", model_profile=model)
        stream = stream_chat(api, agent, "hi")
        assert stream.kinds == ["metadata", "error"]
        assert stream.payloads("error")[0]["error"]["code"] == "AGENT_ERROR"

    def test_unconfigured_brain_is_an_agent_error(
        self, api: Api, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Without AGENTKIT_OPENAI_BASE_URL the turn fails with a message saying what to set."""
        monkeypatch.delenv("AGENTKIT_OPENAI_BASE_URL", raising=False)
        agent = new_agent(api, name="gpt-off", brain="openai", model_profile="x")
        stream = stream_chat(api, agent, "hi")
        error = stream.payloads("error")[0]["error"]
        assert error["code"] == "AGENT_ERROR" and "AGENTKIT_OPENAI_BASE_URL" in error["message"]

    def test_missing_model_profile_is_an_agent_error(
        self, api: Api, configured: FakeUpstream
    ) -> None:
        """The openai brain needs a model: without model_profile the turn fails clearly."""
        agent = new_agent(api, name="gpt-nomodel", brain="openai")
        stream = stream_chat(api, agent, "hi")
        assert "model_profile" in stream.payloads("error")[0]["error"]["message"]
