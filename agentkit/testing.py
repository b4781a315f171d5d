"""Run the reference server in your own tests.

    from agentkit.testing import ReferenceServer

    with ReferenceServer() as server:
        client = AgentKit(api_key=server.api_key, base_url=server.base_url)

The server is real: uvicorn on 127.0.0.1 and a free port, in a background thread, with a fresh
SQLite file in a temporary directory. As a pytest plugin this module also provides the
``agentkit_server`` fixture, one server for the whole test session.
"""

from __future__ import annotations

import asyncio
import socket
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from .server import ServerConfig

__all__ = ["ReferenceServer", "agentkit_server"]


class ReferenceServer:
    """The reference server, started on loopback for the life of a ``with`` block.

    Args:
        config: Server settings; ``db_path`` defaults to a file in a temporary directory.
        start_timeout: Seconds to wait for the server to accept connections.
        wrap_app: Wraps the ASGI app in middleware of your own, for example to inject faults
            or to play a newer server version.

    Attributes:
        base_url: Where the server listens, such as ``http://127.0.0.1:53117``.
        api_key: A key of an organization made at start.
    """

    def __init__(
        self,
        config: ServerConfig | None = None,
        *,
        start_timeout: float = 10.0,
        wrap_app: Callable[[Any], Any] | None = None,
    ) -> None:
        self._config = config
        self._wrap_app = wrap_app
        self._start_timeout = start_timeout
        self._thread: threading.Thread | None = None
        self._server: Any = None
        self._store: Any = None
        self._tmp: tempfile.TemporaryDirectory[str] | None = None
        self.base_url = ""
        self.api_key = ""

    def start(self) -> ReferenceServer:
        """Start serving; returns once the server accepts connections."""
        import uvicorn

        from .server import ServerConfig, create_api_key, create_app
        from .server.store import SQLiteStore

        config = self._config or ServerConfig()
        if self._config is None or self._config.db_path == ServerConfig().db_path:
            self._tmp = tempfile.TemporaryDirectory(prefix="agentkit-")
            config = replace(config, db_path=str(Path(self._tmp.name) / "agentkit.sqlite3"))
        self._store = SQLiteStore(config.db_path)
        app = create_app(config, store=self._store)
        if self._wrap_app is not None:
            app = self._wrap_app(app)
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
        self._server = uvicorn.Server(
            uvicorn.Config(
                app,
                log_level="warning",
                lifespan="off",
                timeout_graceful_shutdown=2,
                ws="none",
            )
        )
        self._thread = threading.Thread(
            target=lambda: asyncio.run(self._server.serve(sockets=[sock])),
            name="agentkit-reference-server",
            daemon=True,
        )
        self._thread.start()
        deadline = time.monotonic() + self._start_timeout
        while not self._server.started:
            if time.monotonic() > deadline or not self._thread.is_alive():
                raise RuntimeError("the reference server did not start")
            time.sleep(0.01)
        self.base_url = f"http://127.0.0.1:{port}"
        self.api_key = create_api_key(self._store)
        return self

    def create_api_key(self) -> str:
        """A key for a new organization, which sees none of the others' data."""
        from .server import create_api_key

        return create_api_key(self._store)

    def stop(self) -> None:
        """Stop serving and wait for the server thread to end."""
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout=10)
            self._thread = None
        if self._store is not None:
            self._store.close()
            self._store = None
        if self._tmp is not None:
            self._tmp.cleanup()
            self._tmp = None

    def __enter__(self) -> ReferenceServer:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()


@pytest.fixture(scope="session")
def agentkit_server() -> Iterator[ReferenceServer]:
    """A reference server shared by the whole test session."""
    with ReferenceServer() as server:
        yield server
