"""The agentkit reference server: a real implementation of the contract.

Starlette and uvicorn over HTTP and server-sent events, SQLite storage, built-in agent
runtimes. Start it with ``agentkit serve`` or, in tests, ``agentkit.testing.ReferenceServer``.
"""

from .app import create_app, server_state
from .auth import create_api_key, create_organization
from .config import ServerConfig

__all__ = ["ServerConfig", "create_api_key", "create_app", "create_organization", "server_state"]
