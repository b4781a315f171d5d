"""Talking to a provider's API: its model list, read with its key."""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from ..._http import httpx
from ..brains.openai import Upstream, upstream_client, upstream_headers

__all__ = ["ModelListing", "UpstreamFailure", "list_models"]

_MAX_MODELS = 1000
_MAX_MODEL_ID = 200
_TIMEOUT = 10.0
_CAPABILITIES = ("chat", "streaming", "tool_calls", "vision", "thinking", "embeddings")


class UpstreamFailure(Exception):
    """The provider could not be reached, refused the key, or answered something unreadable.

    Attributes:
        status_code: The upstream's HTTP status, when it answered.
    """

    def __init__(self, message: str, status_code: int | None = None) -> None:
        super().__init__(message)
        self.status_code = status_code


@dataclass(frozen=True, slots=True)
class ModelListing:
    """The models a provider lists, and how it answered.

    Attributes:
        models: Each model as kept: its ``id``, and the ``created`` time and ``capabilities``
            when the provider said them in the shape this server lists them in.
    """

    models: list[dict[str, Any]]
    status_code: int
    latency_ms: float

    @property
    def model_ids(self) -> list[str]:
        """The ids of the models, in the provider's order."""
        return [model["id"] for model in self.models]


def _kept(item: dict[str, Any]) -> dict[str, Any]:
    kept: dict[str, Any] = {"id": item["id"][:_MAX_MODEL_ID]}
    created = item.get("created")
    if type(created) is int and 0 <= created < 1 << 40:
        kept["created"] = created
    said = item.get("capabilities")
    if isinstance(said, dict):
        kept["capabilities"] = {
            name: said[name] for name in _CAPABILITIES if isinstance(said.get(name), bool)
        }
    return kept


def _models(payload: object) -> list[dict[str, Any]]:
    data = payload.get("data") if isinstance(payload, dict) else None
    if not isinstance(data, list):
        raise UpstreamFailure("the upstream's /models answer has no `data` list")
    kept: dict[str, dict[str, Any]] = {}
    for item in data:
        if len(kept) >= _MAX_MODELS:
            break
        if isinstance(item, dict) and isinstance(item.get("id"), str) and item["id"]:
            model = _kept(item)
            kept.setdefault(model["id"], model)
    return list(kept.values())


async def list_models(upstream: Upstream) -> ModelListing:
    """``GET {base_url}/models`` with the provider's key.

    Raises:
        UpstreamFailure: No answer, an error status, or a body that is not a model list. Its
            message never holds the key.
    """
    url = upstream.base_url.rstrip("/") + "/models"
    started = time.perf_counter()
    try:
        async with upstream_client(upstream, _TIMEOUT) as http:
            response = await http.get(url, headers=upstream_headers(upstream))
    except (httpx.HTTPError, httpx.InvalidURL) as exc:
        raise UpstreamFailure(f"the provider could not be reached: {type(exc).__name__}") from None
    latency_ms = (time.perf_counter() - started) * 1000
    if response.status_code >= 400:
        raise UpstreamFailure(
            f"the provider answered {response.status_code} to GET /models", response.status_code
        )
    try:
        payload = response.json()
    except ValueError:
        raise UpstreamFailure(
            "the provider's /models answer is not JSON", response.status_code
        ) from None
    return ModelListing(_models(payload), response.status_code, latency_ms)
