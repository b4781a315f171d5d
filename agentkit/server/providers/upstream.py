"""Talking to a provider's API: its model list, read with its key."""

from __future__ import annotations

import time
from dataclasses import dataclass

from ..._http import httpx
from ..brains.openai import Upstream, upstream_client, upstream_headers

__all__ = ["ModelListing", "UpstreamFailure", "list_models"]

_MAX_MODELS = 1000
_MAX_MODEL_ID = 200
_TIMEOUT = 10.0


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
    """The models a provider lists, and how it answered."""

    model_ids: list[str]
    status_code: int
    latency_ms: float


def _model_ids(payload: object) -> list[str]:
    data = payload.get("data") if isinstance(payload, dict) else None
    if not isinstance(data, list):
        raise UpstreamFailure("the upstream's /models answer has no `data` list")
    ids = [
        item["id"]
        for item in data
        if isinstance(item, dict) and isinstance(item.get("id"), str) and item["id"]
    ]
    return [model_id[:_MAX_MODEL_ID] for model_id in ids[:_MAX_MODELS]]


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
    return ModelListing(_model_ids(payload), response.status_code, latency_ms)
