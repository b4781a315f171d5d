"""A tiny OpenAI-compatible upstream on loopback: ``/models``, ``/chat/completions`` (whole or
streamed) and ``/embeddings``, all refusing any key but ``KEY``; every request is recorded. Its models
answer with their name, except the ``JUDGES``, which answer a guardrail's check."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route

from tests.loopback import LoopbackApp

KEY = "sk-stub-7f3a9c1e5b2d4f60a8e1"
MODELS = ["stub-small", "stub-large"]


def _weather_judge(text: str) -> str:
    if "weather" in text.lower():
        return 'Verdict: {"violates": true, "reason": "it talks about the weather"}'
    return '{"violates": false}'


_CHUNK_HEAD = {"id": "chatcmpl-stub", "object": "chat.completion.chunk", "created": 1}


def _completion(model: str, text: str) -> dict[str, Any]:
    message = {"role": "assistant", "content": text, "refusal": None}
    return {
        "id": "chatcmpl-stub",
        "object": "chat.completion",
        "created": 1,
        "model": model,
        "choices": [{"index": 0, "message": message, "finish_reason": "stop", "logprobs": None}],
        "usage": {"prompt_tokens": 1, "completion_tokens": 2, "total_tokens": 3},
    }


#: Models that answer a guardrail's check with a verdict (or fail to), by the text checked.
JUDGES = {
    "stub-judge": _weather_judge,
    "stub-rambler": lambda text: "I would rather not say.",
}


class StubUpstream:
    """The upstream, served by uvicorn in a thread while the context is open."""

    def __init__(self) -> None:
        self.requests: list[dict[str, Any]] = []
        self.extra_models: list[str] = []  # listed after ``MODELS`` while set
        self.base_url = ""
        self._served: Any = None

    def _authorized(self, request: Request) -> bool:
        sent = request.headers.get("authorization") or ""
        azure = request.headers.get("api-key")
        self.requests.append({"path": request.url.path, "authorization": sent, "api-key": azure})
        return sent == f"Bearer {KEY}" or azure == KEY

    async def models(self, request: Request) -> Response:
        if not self._authorized(request):
            return JSONResponse({"error": {"message": "bad key"}}, status_code=401)
        listed = [*MODELS, *self.extra_models]
        return JSONResponse({"object": "list", "data": [{"id": m} for m in listed]})

    async def completions(self, request: Request) -> Response:
        if not self._authorized(request):
            # Quotes the key it refused, as some upstreams do.
            sent = request.headers.get("authorization", "")
            return JSONResponse({"error": {"message": f"bad key {sent}"}}, status_code=401)
        body = await request.json()
        self.requests[-1]["body"] = body
        pieces = ["model", " ", body["model"]]
        if body["model"] in JUDGES:
            pieces = [JUDGES[body["model"]](body["messages"][-1]["content"])]

        if not body.get("stream"):
            return JSONResponse(_completion(body["model"], "".join(pieces)))

        async def chunks() -> AsyncIterator[bytes]:
            for word in pieces:
                choice = {"index": 0, "delta": {"content": word}, "finish_reason": None}
                chunk = {**_CHUNK_HEAD, "model": body["model"], "choices": [choice]}
                yield f"data: {json.dumps(chunk)}\n\n".encode()
            last = {"index": 0, "delta": {}, "finish_reason": "stop"}
            chunk = {**_CHUNK_HEAD, "model": body["model"], "choices": [last]}
            yield f"data: {json.dumps(chunk)}\n\n".encode()
            yield b"data: [DONE]\n\n"

        return StreamingResponse(chunks(), media_type="text/event-stream")

    async def embeddings(self, request: Request) -> Response:
        if not self._authorized(request):
            return JSONResponse({"error": {"message": "bad key"}}, status_code=401)
        body = await request.json()
        self.requests[-1]["body"] = body
        texts = [body["input"]] if isinstance(body["input"], str) else body["input"]
        data = [
            {"object": "embedding", "index": i, "embedding": [float(len(text)), 1.0]}
            for i, text in enumerate(texts)
        ]
        usage = {"prompt_tokens": len(texts), "total_tokens": len(texts)}
        return JSONResponse(
            {"object": "list", "data": data, "model": body["model"], "usage": usage}
        )

    def __enter__(self) -> StubUpstream:
        app = Starlette(
            routes=[
                Route("/v1/models", self.models),
                Route("/v1/chat/completions", self.completions, methods=["POST"]),
                Route("/v1/embeddings", self.embeddings, methods=["POST"]),
            ]
        )
        self._served = LoopbackApp(app).__enter__()
        self.base_url = self._served.origin + "/v1"
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._served.__exit__(*exc_info)
