"""Completions and embeddings of a provider's model, passed through to the provider.

A ``model`` of the form ``<provider>/<model>`` (the provider by name or id, the model as the
provider names it) sends the request to the provider's ``/chat/completions`` or
``/embeddings`` with the provider's key and the model's own id, and answers with what the
provider answers. The provider's failures are ``PROVIDER_UNREACHABLE``, with its status but
never its body (an upstream may quote the key it refused).
"""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator
from typing import Any

from ..._http import httpx
from ..brains.openai import Upstream, upstream_client, upstream_headers
from ..core.errors import ApiError
from ..core.replies import Answer, ChunkStream, Reply
from ..core.state import ServerState
from ..core.store import Row
from ..providers.resolve import upstream_of
from ..providers.sealing import SealError
from .errors import openai_error
from .provider_models import match_provider_model, org_providers

__all__ = ["find_provider_model", "forward"]

logger = logging.getLogger("agentkit.server")

_MAX_BODY = 32 << 20
_TIMEOUT = httpx.Timeout(60.0, connect=10.0)


def find_provider_model(state: ServerState, org_id: str, model: str) -> tuple[Row, str] | None:
    """The provider and the provider's model id that ``<provider>/<model>`` names, if any."""
    if "/" not in model:
        return None
    return match_provider_model(org_providers(state, org_id), model)


def _unreachable(message: str) -> ApiError:
    return ApiError("PROVIDER_UNREACHABLE", message)


def _upstream(state: ServerState, provider: Row) -> Upstream:
    try:
        return upstream_of(state, provider)
    except SealError:
        raise _unreachable(
            f"the provider {provider['name']!r}'s key cannot be opened; set it again"
        ) from None


async def _send(
    http: httpx.AsyncClient, url: str, upstream: Upstream, body: Row, stream: bool
) -> httpx.Response:
    headers = upstream_headers(upstream)
    if stream:
        headers["Accept"] = "text/event-stream"
    try:
        request = http.build_request("POST", url, json=body, headers=headers)
        response = await http.send(request, stream=True)
    except (httpx.HTTPError, httpx.InvalidURL) as exc:
        raise _unreachable(f"the provider could not be reached: {type(exc).__name__}") from None
    if response.status_code >= 400:
        await response.aclose()
        raise _unreachable(f"the provider answered {response.status_code}")
    return response


async def _read_json(response: httpx.Response) -> Any:
    body = bytearray()
    try:
        async for piece in response.aiter_bytes():
            body += piece
            if len(body) > _MAX_BODY:
                raise _unreachable("the provider's answer is too large")
        return json.loads(body)
    except (httpx.HTTPError, ValueError):
        raise _unreachable("the provider's answer is not JSON") from None
    finally:
        await response.aclose()


def _error_chunk(error: ApiError) -> bytes:
    body = json.dumps({"object": "error", "error": openai_error(error)})
    return b"data: " + body.encode() + b"\n\ndata: [DONE]\n\n"


async def _relay(http: httpx.AsyncClient, response: httpx.Response) -> AsyncIterator[bytes]:
    """The provider's stream as it comes; a break ends it with an error chunk."""
    try:
        async for piece in response.aiter_bytes():
            yield piece
    except httpx.HTTPError as exc:
        yield _error_chunk(_unreachable(f"the provider's stream broke: {type(exc).__name__}"))
    finally:
        await response.aclose()
        await http.aclose()


async def forward(state: ServerState, provider: Row, model: str, path: str, body: Row) -> Answer:
    """Send an OpenAI request to the provider's ``path`` (``/chat/completions``,
    ``/embeddings``) with ``model`` as its model; answer with the provider's answer.

    Raises:
        ApiError: PROVIDER_UNREACHABLE when the provider fails to answer.
    """
    upstream = _upstream(state, provider)
    url = upstream.base_url.rstrip("/") + path
    stream = bool(body.get("stream"))
    http = upstream_client(upstream, _TIMEOUT)
    try:
        response = await _send(http, url, upstream, {**body, "model": model}, stream)
        if stream and response.headers.get("content-type", "").startswith("text/event-stream"):
            return ChunkStream(_relay(http, response))
        answer = await _read_json(response)
    except BaseException:
        await http.aclose()
        raise
    await http.aclose()
    if not isinstance(answer, dict):
        raise _unreachable("the provider's answer is not a JSON object")
    return Reply(answer)
