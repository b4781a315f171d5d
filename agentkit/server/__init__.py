"""The agentkit reference server: a real implementation of the contract.

Starlette and uvicorn over HTTP and server-sent events, SQLite storage, built-in agent
runtimes. Start it with ``agentkit serve`` or, in tests, ``agentkit.testing.ReferenceServer``.

The server is built by family (``agents``, ``chats``, ``indexes``, ``sessions``, ``system``),
each a package with its routes, store protocol, SQLite tables and logic, over a shared ``core``;
``families`` registers them.
"""

from .app import create_app, server_state
from .core.auth import create_api_key, create_organization
from .core.config import ServerConfig

__all__ = ["ServerConfig", "create_api_key", "create_app", "create_organization", "server_state"]
