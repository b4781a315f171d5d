"""The system family's operations: health and version."""

from __future__ import annotations

from ..._contract import contract
from ..._version import __version__
from ..core.call import Call, Handler
from ..core.replies import Reply

__all__ = ["HANDLERS"]


async def health(call: Call) -> Reply:
    """Report whether the service is up."""
    return Reply({"status": "ok"})


async def version(call: Call) -> Reply:
    """Report the server and API versions."""
    return Reply({"server_version": __version__, "api_version": contract().version})


HANDLERS: dict[str, Handler] = {"system_health": health, "system_version": version}
