"""The ``openai`` brain: any OpenAI-compatible ``/chat/completions`` upstream, streamed."""

from __future__ import annotations

import json
import os
from collections.abc import AsyncIterator, Mapping
from typing import Any

from ..._http import httpx
from ..._sse import SSEDecoder
from .base import BrainError, Turn

__all__ = ["OpenAIBrain"]

_ROLES = {"user": "user", "agent": "assistant", "system": "system"}


class OpenAIBrain:
    """Streams a reply from an OpenAI-compatible upstream.

    The upstream is ``AGENTKIT_OPENAI_BASE_URL`` (such as ``https://api.openai.com/v1``) with the
    key ``AGENTKIT_OPENAI_API_KEY``; the model is the agent's ``model_profile``. The agent's
    instructions are the system message, followed by the chat's history and the user's message.
    """

    #: The turn must carry the chat's earlier messages (brains without this get none).
    uses_history = True

    def __init__(self, env: Mapping[str, str] | None = None, timeout: float = 60.0) -> None:
        self._env = env
        self._timeout = timeout

    def _request(self, turn: Turn) -> tuple[str, dict[str, str], dict[str, Any]]:
        env = self._env if self._env is not None else os.environ
        base_url = env.get("AGENTKIT_OPENAI_BASE_URL", "").rstrip("/")
        if not base_url:
            raise BrainError("the openai brain is not configured: set AGENTKIT_OPENAI_BASE_URL")
        model = turn.agent.get("model_profile")
        if not model:
            raise BrainError("the openai brain needs the agent's model_profile (a model name)")
        headers = {"Accept": "text/event-stream"}
        if env.get("AGENTKIT_OPENAI_API_KEY"):
            headers["Authorization"] = f"Bearer {env['AGENTKIT_OPENAI_API_KEY']}"
        messages: list[dict[str, str]] = []
        if turn.agent.get("instructions"):
            messages.append({"role": "system", "content": turn.agent["instructions"]})
        for role, text in turn.history:
            messages.append({"role": _ROLES.get(role, "user"), "content": text})
        messages.append({"role": "user", "content": turn.text})
        body = {"model": model, "stream": True, "messages": messages}
        return f"{base_url}/chat/completions", headers, body

    async def reply(self, turn: Turn) -> AsyncIterator[str]:
        """Yield the upstream's content deltas; any upstream failure is a ``BrainError``."""
        url, headers, body = self._request(turn)
        decoder = SSEDecoder()
        try:
            async with httpx.AsyncClient(timeout=self._timeout) as http:
                async with http.stream("POST", url, json=body, headers=headers) as response:
                    if response.status_code >= 400:
                        await response.aread()
                        raise BrainError(
                            f"the upstream answered {response.status_code}: {response.text[:200]}"
                        )
                    async for chunk in response.aiter_bytes():
                        for event in decoder.feed(chunk):
                            if event.data.strip() == "[DONE]":
                                return
                            delta = _delta(event.data)
                            if delta:
                                yield delta
        except httpx.HTTPError as exc:
            raise BrainError(f"the upstream failed: {type(exc).__name__}: {exc}") from exc


def _delta(data: str) -> str:
    try:
        chunk = json.loads(data)
        if "error" in chunk:
            raise BrainError(f"the upstream failed: {chunk['error']}")
        choices = chunk.get("choices") or []
        content = (choices[0].get("delta") or {}).get("content") if choices else None
    except (ValueError, AttributeError, TypeError, IndexError) as exc:
        raise BrainError(f"the upstream sent an unreadable chunk: {data[:200]!r}") from exc
    return content if isinstance(content, str) else ""
