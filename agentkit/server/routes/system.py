from __future__ import annotations

from starlette.responses import Response
from starlette.routing import Route

from ..._version import __version__
from ..context import Call, api, json_response
from ..validation import contract


@api("system_health")
async def health(call: Call) -> Response:
    return json_response(200, {"status": "ok"})


@api("system_version")
async def version(call: Call) -> Response:
    return json_response(
        200, {"server_version": __version__, "api_version": contract()["info"]["version"]}
    )


routes = [
    Route("/v1/health", health, methods=["GET"]),
    Route("/v1/version", version, methods=["GET"]),
]
