"""Health and version; both answer without an API key."""

from __future__ import annotations

from starlette.responses import Response

from ..._contract import contract
from ..._version import __version__
from ..context import Call, api, json_response, resource

__all__ = ["routes"]


@api("system_health")
async def health(call: Call) -> Response:
    """Report whether the service is up."""
    return json_response(200, {"status": "ok"})


@api("system_version")
async def version(call: Call) -> Response:
    """Report the server and API versions."""
    return json_response(200, {"server_version": __version__, "api_version": contract().version})


routes = [
    resource("/v1/health", get=health),
    resource("/v1/version", get=version),
]
