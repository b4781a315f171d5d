"""Run the agentkit reference server in your own tests.

``ReferenceServer`` starts the real server (uvicorn over real sockets, SQLite storage, the
built-in agents) on ``127.0.0.1`` and a free port, in a background thread::

    from agentkit import AgentKit
    from agentkit.testing import ReferenceServer

    with ReferenceServer() as server:
        client = AgentKit(api_key=server.api_key, base_url=server.base_url)
        agent = client.agents.create(name="Support Bot", brain="echo")

With pytest, this module is a plugin (registered when agentkit is installed, nothing to
configure) and provides the ``agentkit_server`` fixture, one server for the whole session::

    def test_my_app(agentkit_server):
        client = AgentKit(api_key=agentkit_server.create_api_key(),
                          base_url=agentkit_server.base_url)

The server needs the ``server`` extra: ``pip install 'agentkit[server]'``.

To run the servers of a test session on PostgreSQL instead of SQLite, pass
``--agentkit-store=postgresql`` to pytest (or set ``AGENTKIT_TEST_STORE=postgresql``): every
``ReferenceServer`` started without a database of its own then gets a fresh PostgreSQL database,
on the server ``AGENTKIT_TEST_POSTGRES_URL`` names, else on one started from the ``pgserver``
package. That needs the ``postgres`` extra.
"""

from __future__ import annotations

import asyncio
import os
import secrets
import socket
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._contract_check import ContractTransport, ContractValidator
    from ._postgres_for_tests import PostgresForTests
    from .server import ServerConfig
    from .server.messaging import Outbox, OutboxMessage

__all__ = [
    "ContractTransport",
    "ContractValidator",
    "ReferenceServer",
    "agentkit_server",
    "use_postgres",
]

_postgres: PostgresForTests | None = None


def use_postgres(postgres: PostgresForTests | None) -> None:
    """Start reference servers that are given no database of their own on a fresh database of
    ``postgres`` (``None``: on SQLite again). The pytest option ``--agentkit-store`` calls it."""
    global _postgres
    _postgres = postgres


def __getattr__(name: str) -> Any:
    # The validator needs the `contract` extra; load it only when asked for.
    if name in ("ContractTransport", "ContractValidator"):
        from . import _contract_check

        return getattr(_contract_check, name)
    raise AttributeError(f"module 'agentkit.testing' has no attribute {name!r}")


class ReferenceServer:
    """The reference server on loopback, for a ``with`` block (or between ``start`` and ``stop``).

    Args:
        config: Server settings, such as ``ServerConfig(echo_delay=0.01)``. When its ``db_path``
            is left at the default (and no ``database_url`` is set), the server uses a fresh
            SQLite file in a temporary directory, deleted by ``stop`` (or a fresh PostgreSQL
            database, see ``use_postgres``). Without a config, the server allows outgoing URLs on loopback
            (``allow_loopback_urls``), so that its providers can be stubs on this machine.
        start_timeout: Seconds to wait for the server to answer before ``start`` fails.
        wrap_app: Wraps the ASGI app in middleware of your own, for example to inject faults
            or to play a newer server version.

    Attributes:
        base_url: Where the server listens, such as ``"http://127.0.0.1:53117"``.
        api_key: A key of an organization made at start.
        config: The settings the server runs with (set by ``start``).
    """

    def __init__(
        self,
        config: ServerConfig | None = None,
        *,
        start_timeout: float = 10.0,
        wrap_app: Callable[[Any], Any] | None = None,
    ) -> None:
        self._requested = config
        self._wrap_app = wrap_app
        self._start_timeout = start_timeout
        self._thread: threading.Thread | None = None
        self._uvicorn: Any = None
        self._store: Any = None
        self._app: Any = None
        self._tmp: tempfile.TemporaryDirectory[str] | None = None
        self._postgres: PostgresForTests | None = None
        self.base_url = ""
        self.api_key = ""
        self.config: ServerConfig | None = None

    def __repr__(self) -> str:
        return f"<ReferenceServer {self.base_url if self.running else 'stopped'}>"

    @property
    def running(self) -> bool:
        """Whether the server thread is serving."""
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> ReferenceServer:
        """Start serving; returns once the server answers HTTP requests.

        Raises:
            RuntimeError: The server is running already, or did not answer in time.
        """
        import uvicorn

        from .server import ServerConfig, create_app, create_organization
        from .server.core.http import server_options
        from .server.store import SQLiteStore

        if self._thread is not None:
            raise RuntimeError("the reference server is running already")
        config = self._requested or ServerConfig(allow_loopback_urls=True)
        if config.db_path == ServerConfig().db_path and config.database_url is None:
            self._tmp = tempfile.TemporaryDirectory(prefix="agentkit-")
            config = replace(config, db_path=str(Path(self._tmp.name) / "agentkit.sqlite3"))
            if _postgres is not None:
                self._postgres = _postgres
                config = replace(
                    config,
                    database_url=_postgres.new_database(),
                    secret_key=config.secret_key or secrets.token_urlsafe(32),
                    blob_dir=config.blob_dir or str(Path(self._tmp.name) / "blobs"),
                )
        self.config = config
        self._store = SQLiteStore(config.database)
        app: Any = create_app(config, store=self._store)
        self._app = app
        if self._wrap_app is not None:
            app = self._wrap_app(app)
        # IPPROTO_TCP explicitly: asyncio turns Nagle off (TCP_NODELAY) only on sockets whose
        # proto says TCP; with Nagle on, each response waits ~40 ms for a delayed ACK.
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        sock.bind(("127.0.0.1", 0))
        self.base_url = f"http://127.0.0.1:{sock.getsockname()[1]}"
        server = uvicorn.Server(
            uvicorn.Config(
                app,
                log_level="warning",
                lifespan="off",
                **server_options(config),
                timeout_graceful_shutdown=2,
            )
        )
        self._uvicorn = server

        def serve() -> None:
            try:
                asyncio.run(server.serve(sockets=[sock]))
            finally:
                sock.close()

        self._thread = threading.Thread(target=serve, name="agentkit-reference-server", daemon=True)
        self._thread.start()
        try:
            self._wait_until_answering()
        except BaseException:
            self.stop()
            raise
        self.api_key = create_organization(self._store)[1]
        return self

    def _wait_until_answering(self) -> None:
        from ._http import httpx

        deadline = time.monotonic() + self._start_timeout
        while True:
            if not self.running:
                raise RuntimeError("the reference server stopped while starting")
            if self._uvicorn.started:
                try:
                    if httpx.get(f"{self.base_url}/v1/health", timeout=1.0).status_code == 200:
                        return
                except httpx.HTTPError:
                    pass
            if time.monotonic() > deadline:
                raise RuntimeError(
                    f"the reference server did not answer within {self._start_timeout} s"
                )
            time.sleep(0.01)

    def create_api_key(self) -> str:
        """A key for a new organization, which sees none of the other organizations' data."""
        from .server import create_organization

        if self._store is None:
            raise RuntimeError("the reference server is not running")
        return create_organization(self._store)[1]

    @property
    def outbox(self) -> list[OutboxMessage]:
        """The emails the server has "sent" (one-time codes and notices), oldest first.

        Raises:
            RuntimeError: The server is not running.
        """
        return self._outbox().messages()

    def last_code(self, email: str, purpose: str | None = None) -> str | None:
        """The newest one-time code sent to ``email`` (for ``register``, ``rotate_key`` or
        ``recover``), or ``None``.

        Raises:
            RuntimeError: The server is not running.
        """
        return self._outbox().last_code(email, purpose)

    def moderate(self, handle: str, status: str) -> None:
        """Set a messaging identity's status as an operator would: ``"active"``,
        ``"restricted"`` (it may not start conversations) or ``"suspended"`` (it may only read
        its own record).

        Raises:
            RuntimeError: The server is not running.
            ValueError: No identity has the handle, or the status is not one of the three.
        """
        from .server.core.ids import now

        if self._store is None:
            raise RuntimeError("the reference server is not running")
        if status not in ("active", "restricted", "suspended"):
            raise ValueError(f"status must be active, restricted or suspended, not {status!r}")
        identity = self._store.identity_by_handle(handle.removeprefix("@").lower())
        if identity is None:
            raise ValueError(f"no identity has the handle {handle!r}")
        self._store.update_identity({**identity, "status": status, "updated_at": now()})

    def _outbox(self) -> Outbox:
        from .server import server_state
        from .server.messaging import Outbox

        if self._app is None:
            raise RuntimeError("the reference server is not running")
        return server_state(self._app).service(Outbox)

    def stop(self) -> None:
        """Stop serving and join the server thread; safe to call twice.

        Open streams get two seconds to finish; turns still running are cancelled.
        """
        if self._uvicorn is not None:
            self._uvicorn.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout=10)
            if self._thread.is_alive():
                self._uvicorn.force_exit = True
                self._thread.join(timeout=5)
            self._thread = None
        self._uvicorn = None
        if self._app is not None:
            from .server import server_state
            from .server.core.cluster import Cluster

            cluster = server_state(self._app).find_service(Cluster)
            if cluster is not None:
                cluster.stop()  # the other instances on its database see it gone at once
        self._app = None
        if self._store is not None:
            self._store.close()
            self._store = None
        if self._postgres is not None and self.config is not None:
            if self.config.database_url is not None:
                self._postgres.drop_database(self.config.database_url)
            self._postgres = None
        if self._tmp is not None:
            self._tmp.cleanup()
            self._tmp = None

    def __enter__(self) -> ReferenceServer:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()


try:
    import pytest
except ImportError:  # pragma: no cover - the fixture is for pytest users only
    pass
else:

    def pytest_addoption(parser: pytest.Parser) -> None:
        """``--agentkit-store``: the database the session's reference servers keep data in."""
        parser.addoption(
            "--agentkit-store",
            choices=("sqlite", "postgresql"),
            default=os.environ.get("AGENTKIT_TEST_STORE", "sqlite"),
            help="where reference servers keep their data: sqlite (default) or postgresql "
            "(on AGENTKIT_TEST_POSTGRES_URL, else a server started from the pgserver package)",
        )

    def pytest_configure(config: pytest.Config) -> None:
        """Start PostgreSQL for the session when the store asked for is PostgreSQL."""
        if config.getoption("--agentkit-store", "sqlite") == "postgresql":
            from ._postgres_for_tests import PostgresForTests

            use_postgres(PostgresForTests(os.environ.get("AGENTKIT_TEST_POSTGRES_URL")))

    def pytest_unconfigure(config: pytest.Config) -> None:
        """Stop the session's PostgreSQL."""
        if _postgres is not None:
            postgres = _postgres
            use_postgres(None)
            postgres.stop()

    @pytest.fixture(scope="session")
    def agentkit_server() -> Iterator[ReferenceServer]:
        """A reference server shared by the whole test session, on a fresh SQLite file.

        Call ``agentkit_server.create_api_key()`` for a new organization per test when tests
        must not see each other's agents and chats.
        """
        with ReferenceServer() as server:
            yield server
