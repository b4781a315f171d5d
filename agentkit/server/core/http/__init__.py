"""The HTTP glue: the only part of the core that knows Starlette.

It turns the contract's operations and the families' handlers into routes, runs each request
through authentication, rate limits, validation and idempotency, and turns what handlers answer
(``core.replies``) into responses, the error envelope included.
"""

from .application import build_application, server_state
from .routing import routes_for

__all__ = ["build_application", "routes_for", "server_state"]
