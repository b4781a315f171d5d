"""The HTTP glue: the only part of the core that knows Starlette.

It turns the contract's operations and the families' handlers into routes, runs each request
through authentication, rate limits, validation and idempotency, and turns what handlers answer
(``core.replies``) into responses, the error envelope included. ``http_protocol`` is the
connection beneath, for uvicorn: malformed HTTP answered in the envelope, slow clients timed out.
"""

from .application import build_application, server_state
from .protocol import http_protocol, server_options
from .routing import routes_for, socket_routes

__all__ = [
    "build_application",
    "http_protocol",
    "routes_for",
    "server_options",
    "server_state",
    "socket_routes",
]
