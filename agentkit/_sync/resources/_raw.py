# Generated from agentkit/_async by scripts/unasync.py: edit the async source, not this file.
"""Calls whose body is raw bytes (an image), not JSON."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..._response import APIResponse
from ..._routes import route_of

if TYPE_CHECKING:
    from ..client import AgentKit

__all__ = ["send_bytes"]


def send_bytes(client: AgentKit, operation_id: str, data: bytes, **params: Any) -> APIResponse[Any]:
    """Call an operation with ``data`` as its ``application/octet-stream`` body."""
    route = route_of(operation_id)
    request = client._build(
        route,
        params,
        None,
        headers={"Content-Type": "application/octet-stream"},
        content=bytes(data),
    )
    return client._send(route, request, None)
