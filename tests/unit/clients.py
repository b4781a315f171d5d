"""Clients of both kinds over an in-process transport that records what they send."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import httpx

from agentkit import AgentKit, AsyncAgentKit

SESSION = {
    "id": "ses_1",
    "agent_id": "agt_1",
    "status": "not_started",
    "title": None,
    "generated_title": None,
    "system_prompt": None,
    "model_profile": None,
    "index_ids": ["idx_1"],
    "indexes_locked": False,
    "client_tools": [],
    "messages": [],
    "message_count": 0,
    "continuation_token": "ct_0",
    "last_event_id": 0,
    "usage": {
        "input_tokens": 0,
        "output_tokens": 0,
        "total_tokens": 0,
        "turns": 0,
        "duration_ms": 0,
    },
    "metadata": {},
    "created_at": "2026-01-01T00:00:00Z",
    "updated_at": "2026-01-01T00:00:00Z",
}


class Recorder:
    """A transport that answers every request with one body and keeps what it was sent."""

    def __init__(self, body: dict[str, Any]) -> None:
        self.requests: list[httpx.Request] = []
        self.body = body

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return httpx.Response(200, json=self.body, headers={"x-request-id": "req_1"})


Run = Callable[[Callable[[Any], Any]], Any]


def client_factory(kind: str) -> Callable[..., tuple[Any, Run]]:
    """Make a ``kind`` ("sync" or "async") client over a handler, and a way to run calls on it.

    ``run(lambda client: client.agents.get("agt_1"))`` returns the call's result, awaited for
    the async client.
    """

    def factory(handler: Callable[[httpx.Request], httpx.Response], **kwargs: Any) -> Any:
        kwargs.setdefault("base_url", "http://api.test")
        transport = kwargs.pop("transport", None) or httpx.MockTransport(handler)
        if kind == "sync":
            client = AgentKit(api_key="ak_t", transport=transport, **kwargs)
            return client, lambda call: call(client)
        aclient = AsyncAgentKit(
            api_key="ak_t", transport=kwargs.pop("async_transport", transport), **kwargs
        )

        async def run_async(call: Callable[[Any], Any]) -> Any:
            result = call(aclient)
            return await result if asyncio.iscoroutine(result) else result

        return aclient, lambda call: asyncio.run(run_async(call))

    return factory
