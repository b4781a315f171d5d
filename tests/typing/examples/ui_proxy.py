# Starlette's request API hands out untyped JSON and path parameters: only this file lets
# expressions of that type through; agentkit's own results here are still checked.
# mypy: disallow-any-expr=False
"""A user's web app: a Starlette (or FastAPI) route that passes a session's UI message stream
on to a browser that uses the Vercel AI SDK's ``useChat``."""

from __future__ import annotations

from starlette.applications import Starlette
from starlette.background import BackgroundTask
from starlette.requests import Request
from starlette.responses import StreamingResponse
from starlette.routing import Route

from agentkit import AsyncAgentKit


def make_app(client: AsyncAgentKit) -> Starlette:
    """The app, over one agentkit client for all its requests."""

    async def chat(request: Request) -> StreamingResponse:
        stream = client.sessions.stream_ui(request.path_params["session_id"], await request.json())
        # Opened before answering: a refused request raises here, while the browser can still
        # get an error status, and the headers to pass on are known.
        await stream.open()
        return StreamingResponse(
            stream.aiter_bytes(),
            status_code=stream.status_code,
            headers=stream.headers,
            background=BackgroundTask(stream.aclose),
        )

    return Starlette(routes=[Route("/chat/{session_id}", chat, methods=["POST"])])
