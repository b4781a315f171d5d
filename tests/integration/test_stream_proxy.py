"""The README's proxy example: a Starlette route passing a UI message stream to a browser."""

from __future__ import annotations

import asyncio
import importlib.util
from pathlib import Path
from types import ModuleType

import httpx

from agentkit import AsyncAgentKit, SessionNotFoundError
from agentkit.testing import ReferenceServer

EXAMPLE = Path(__file__).resolve().parents[1] / "typing" / "examples" / "ui_proxy.py"
USE_CHAT_BODY = {"messages": [{"role": "user", "parts": [{"type": "text", "text": "hello"}]}]}


def load_example() -> ModuleType:
    spec = importlib.util.spec_from_file_location("ui_proxy", EXAMPLE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


async def post_through_proxy(server: ReferenceServer, session: str | None) -> httpx.Response:
    async with AsyncAgentKit(api_key=server.create_api_key(), base_url=server.base_url) as client:
        if session is None:
            agent = await client.agents.create(name="Proxy")
            session = (await client.sessions.create(agent.id)).id
        app = load_example().make_app(client)
        transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
        async with httpx.AsyncClient(transport=transport, base_url="http://app.test") as browser:
            return await browser.post(f"/chat/{session}", json=USE_CHAT_BODY)


class TestUIProxy:
    def test_the_browser_gets_the_stream_and_its_headers(self, server: ReferenceServer) -> None:
        """The proxied answer is the UI message stream, with its protocol header, to [DONE]."""
        response = asyncio.run(post_through_proxy(server, None))
        assert response.status_code == 200
        assert response.headers["x-vercel-ai-ui-message-stream"] == "v1"
        assert response.headers["content-type"].startswith("text/event-stream")
        assert response.text.rstrip().endswith("data: [DONE]")
        assert '"type":"text-delta"' in response.text.replace(" ", "")

    def test_a_refused_request_fails_before_the_answer_starts(
        self, server: ReferenceServer
    ) -> None:
        """open() raises the typed error, so the app answers 500 rather than a broken stream."""
        response = asyncio.run(post_through_proxy(server, "ses_missing"))
        assert response.status_code == 500
        assert "text/event-stream" not in response.headers.get("content-type", "")

    def test_open_raises_the_typed_error(self, server: ReferenceServer) -> None:
        """A stream opened for a missing session raises SessionNotFoundError from open()."""

        async def run() -> None:
            async with AsyncAgentKit(
                api_key=server.create_api_key(), base_url=server.base_url
            ) as client:
                stream = client.sessions.stream_ui("ses_missing", "hello")
                try:
                    await stream.open()
                except SessionNotFoundError:
                    return
                raise AssertionError("open() did not raise")

        asyncio.run(run())
