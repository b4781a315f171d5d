"""The ``openai`` brain: any OpenAI-compatible ``/chat/completions`` upstream, streamed."""

from __future__ import annotations

import json
import os
from collections.abc import AsyncIterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..._http import httpx
from ..._sse import SSEDecoder
from ..core.urls import guarded_client
from .base import BrainError, Turn

__all__ = ["OpenAIBrain", "Upstream", "upstream_client", "upstream_headers"]

_ROLES = {"user": "user", "agent": "assistant", "system": "system"}


@dataclass(frozen=True, slots=True)
class Upstream:
    """An OpenAI-compatible upstream: its API root, its key (never in the repr) and its type
    (``azure`` takes the key in an ``api-key`` header, the others as a bearer token).

    ``allow_loopback`` is the outgoing URL policy for an upstream a caller gave (a provider):
    its connections are guarded (``core.urls``). ``None`` for the server's own upstream, from
    its environment, which its operator chose.
    """

    base_url: str
    api_key: str | None = field(default=None, repr=False)
    type: str = "openai"
    allow_loopback: bool | None = None


def upstream_client(upstream: Upstream, timeout: Any) -> httpx.AsyncClient:
    """The HTTP client that calls ``upstream``: guarded for a caller's upstream, never
    following redirects."""
    if upstream.allow_loopback is None:
        return httpx.AsyncClient(timeout=timeout, follow_redirects=False)
    return guarded_client(allow_loopback=upstream.allow_loopback, timeout=timeout)


def upstream_headers(upstream: Upstream) -> dict[str, str]:
    """The headers that carry the upstream's key."""
    if not upstream.api_key:
        return {}
    if upstream.type == "azure":
        return {"api-key": upstream.api_key}
    return {"Authorization": f"Bearer {upstream.api_key}"}


class OpenAIBrain:
    """Streams a reply from an OpenAI-compatible upstream.

    The upstream is the agent's provider when it names one, else ``AGENTKIT_OPENAI_BASE_URL``
    (such as ``https://api.openai.com/v1``) with the key ``AGENTKIT_OPENAI_API_KEY``; the model
    is the agent's ``model_profile``. The agent's
    instructions are the system message, followed by the chat's history and the user's message.
    """

    #: The turn must carry the chat's earlier messages (brains without this get none).
    uses_history = True

    def __init__(
        self,
        env: Mapping[str, str] | None = None,
        timeout: float = 60.0,
        upstream: Upstream | BrainError | None = None,
    ) -> None:
        self._env = env
        self._timeout = timeout
        self._upstream = upstream

    def _target(self) -> Upstream:
        if isinstance(self._upstream, BrainError):
            raise self._upstream
        if self._upstream is not None:
            return self._upstream
        env = self._env if self._env is not None else os.environ
        base_url = env.get("AGENTKIT_OPENAI_BASE_URL", "")
        if not base_url:
            raise BrainError("the openai brain is not configured: set AGENTKIT_OPENAI_BASE_URL")
        return Upstream(base_url, env.get("AGENTKIT_OPENAI_API_KEY") or None)

    def _request(self, turn: Turn) -> tuple[str, dict[str, str], dict[str, Any]]:
        upstream = self._target()
        base_url = upstream.base_url.rstrip("/")
        model = turn.agent.get("model_profile")
        if not model:
            raise BrainError("the openai brain needs the agent's model_profile (a model name)")
        headers = {"Accept": "text/event-stream", **upstream_headers(upstream)}
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
            async with upstream_client(self._target(), self._timeout) as http:
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
        except (httpx.HTTPError, httpx.InvalidURL) as exc:
            message = f"the upstream failed: {type(exc).__name__}: {exc}"
            raise BrainError(self._redacted(message)) from None
        except BrainError as exc:
            # An upstream may quote the key it refused; the turn's error must not.
            raise BrainError(self._redacted(str(exc))) from None

    def _redacted(self, message: str) -> str:
        key = self._upstream.api_key if isinstance(self._upstream, Upstream) else None
        return message.replace(key, "<api key>") if key else message


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
