from __future__ import annotations

import json
import os
from collections.abc import AsyncIterator
from typing import Any

from ..._http import httpx
from .base import BrainError


class OpenAIBrain:
    """Calls an OpenAI-compatible ``/chat/completions`` upstream with streaming.

    The upstream comes from ``AGENTKIT_OPENAI_BASE_URL`` and ``AGENTKIT_OPENAI_API_KEY``; the
    model is the agent's ``model_profile``.
    """

    async def reply(self, agent: dict[str, Any], text: str) -> AsyncIterator[str]:
        base_url = os.environ.get("AGENTKIT_OPENAI_BASE_URL")
        if not base_url:
            raise BrainError("the openai brain needs AGENTKIT_OPENAI_BASE_URL")
        headers = {"Authorization": f"Bearer {os.environ.get('AGENTKIT_OPENAI_API_KEY', '')}"}
        body = {
            "model": agent.get("model_profile") or "gpt-4o-mini",
            "stream": True,
            "messages": [
                {"role": "system", "content": agent.get("instructions", "")},
                {"role": "user", "content": text},
            ],
        }
        try:
            async with httpx.AsyncClient(base_url=base_url.rstrip("/"), timeout=60) as http:
                async with http.stream(
                    "POST", "/chat/completions", json=body, headers=headers
                ) as response:
                    if response.status_code >= 400:
                        raise BrainError(f"upstream answered {response.status_code}")
                    async for line in response.aiter_lines():
                        if not line.startswith("data:"):
                            continue
                        payload = line[5:].strip()
                        if payload == "[DONE]":
                            return
                        delta = json.loads(payload)["choices"][0].get("delta", {}).get("content")
                        if delta:
                            yield delta
        except (httpx.HTTPError, ValueError, KeyError, IndexError) as exc:
            raise BrainError(f"upstream failed: {exc}") from exc
