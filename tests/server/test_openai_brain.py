"""The openai brain against a fake OpenAI-compatible upstream served on loopback."""

from __future__ import annotations

import asyncio
import json
import socket
import threading
import time
from collections.abc import AsyncIterator, Iterator

import httpx
import pytest
import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import StreamingResponse
from starlette.routing import Route

from agentkit.testing import ReferenceServer

seen: list[dict[str, object]] = []


async def completions(request: Request) -> StreamingResponse:
    body = await request.json()
    seen.append({"body": body, "auth": request.headers.get("authorization")})

    async def chunks() -> AsyncIterator[bytes]:
        for word in ["Hello", " from", " upstream"]:
            payload = {"choices": [{"delta": {"content": word}}]}
            yield f"data: {json.dumps(payload)}\n\n".encode()
        yield b"data: [DONE]\n\n"

    return StreamingResponse(chunks(), media_type="text/event-stream")


@pytest.fixture(scope="module")
def upstream() -> Iterator[str]:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    app = Starlette(routes=[Route("/v1/chat/completions", completions, methods=["POST"])])
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=lambda: asyncio.run(server.serve(sockets=[sock])), daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.01)
    yield f"http://127.0.0.1:{sock.getsockname()[1]}/v1"
    server.should_exit = True
    thread.join(timeout=10)


class TestOpenAIBrain:
    def test_replies_with_the_upstream_stream(
        self, server: ReferenceServer, upstream: str, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Deltas from the upstream become the agent's reply; the model is the model profile."""
        monkeypatch.setenv("AGENTKIT_OPENAI_BASE_URL", upstream)
        monkeypatch.setenv("AGENTKIT_OPENAI_API_KEY", "sk-upstream")
        headers = {"Authorization": f"Bearer {server.create_api_key()}"}
        with httpx.Client(base_url=server.base_url, headers=headers) as http:
            agent = http.post(
                "/v1/agents", json={"name": "gpt", "brain": "openai", "model_profile": "tiny-1"}
            ).json()
            message = {"parts": [{"type": "text", "content": "hi"}]}
            chat = http.post("/v1/chats", json={"agent_id": agent["id"], "message": message}).json()
        assert chat["message"]["parts"][0]["content"] == "Hello from upstream"
        assert seen[-1]["auth"] == "Bearer sk-upstream"
        assert seen[-1]["body"]["model"] == "tiny-1"  # type: ignore[index]

    def test_unconfigured_upstream_is_an_agent_error(
        self, server: ReferenceServer, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Without an upstream the turn fails with AGENT_ERROR, not a 500."""
        monkeypatch.delenv("AGENTKIT_OPENAI_BASE_URL", raising=False)
        headers = {"Authorization": f"Bearer {server.create_api_key()}"}
        with httpx.Client(base_url=server.base_url, headers=headers) as http:
            agent = http.post("/v1/agents", json={"name": "gpt", "brain": "openai"}).json()
            message = {"parts": [{"type": "text", "content": "hi"}]}
            response = http.post("/v1/chats", json={"agent_id": agent["id"], "message": message})
        assert response.status_code == 502
        assert response.json()["error"]["code"] == "AGENT_ERROR"


class TestOpenAIBrainInSessions:
    def test_a_session_turn_sends_prompt_history_and_profile(
        self, server: ReferenceServer, upstream: str, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """The session's system prompt and model profile win; history maps assistant turns."""
        monkeypatch.setenv("AGENTKIT_OPENAI_BASE_URL", upstream)
        headers = {"Authorization": f"Bearer {server.create_api_key()}"}
        with httpx.Client(base_url=server.base_url, headers=headers) as http:
            agent = http.post(
                "/v1/agents",
                json={"name": "gpt", "brain": "openai", "model_profile": "m1", "instructions": "A"},
            ).json()
            body = {"agent_id": agent["id"], "system_prompt": "Be terse.", "model_profile": "m2"}
            session = http.post("/v1/sessions", json=body).json()
            path = f"/v1/sessions/{session['id']}/messages/stream"
            for text in ("first", "second"):
                message = {"message": {"parts": [{"type": "text", "content": text}]}}
                reply = http.post(path, json=message).text
                assert "event: stop" in reply
            state = http.get(f"/v1/sessions/{session['id']}").json()
        assert state["messages"][3]["content"] == [
            {"type": "text", "content": "Hello from upstream"}
        ]
        sent = seen[-1]["body"]
        assert sent["model"] == "m2"  # type: ignore[index]
        assert sent["messages"] == [  # type: ignore[index]
            {"role": "system", "content": "Be terse."},
            {"role": "user", "content": "first"},
            {"role": "assistant", "content": "Hello from upstream"},
            {"role": "user", "content": "second"},
        ]
