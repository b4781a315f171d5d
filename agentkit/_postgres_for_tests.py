"""A PostgreSQL server for tests, and a fresh database in it for each reference server.

``PostgresForTests`` either uses a server you name (``admin_url``, a role that may create
databases) or starts one of its own from the ``pgserver`` wheel (PostgreSQL 16, no install, no
root), in a temporary directory that is deleted when it stops. Each ``new_database()`` is an
empty database of its own, dropped by ``drop_database``, so servers in one test run never see
each other's data.
"""

from __future__ import annotations

import secrets
import tempfile
from urllib.parse import urlsplit, urlunsplit

__all__ = ["PostgresForTests"]


def _with_database(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path="/" + name))


class PostgresForTests:
    """A PostgreSQL server to make throw-away databases in.

    Args:
        admin_url: A server to use (its role must be allowed to create databases); ``None``
            starts one with ``pgserver``.
    """

    def __init__(self, admin_url: str | None = None) -> None:
        self._own: object | None = None
        self._directory: tempfile.TemporaryDirectory[str] | None = None
        if admin_url is None:
            try:
                import pgserver
            except ImportError as exc:  # pragma: no cover - a dev dependency
                raise RuntimeError(
                    "running the reference server on PostgreSQL in tests needs the pgserver "
                    "package, or the URL of a PostgreSQL server"
                ) from exc
            self._directory = tempfile.TemporaryDirectory(prefix="agentkit-pg-")
            server = pgserver.get_server(  # type: ignore[attr-defined]
                self._directory.name, cleanup_mode="stop"
            )
            self._own = server
            admin_url = server.get_uri()
        self.admin_url = admin_url
        self._databases: list[str] = []

    def __repr__(self) -> str:
        return f"<PostgresForTests {len(self._databases)} databases>"

    def _admin(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(self.admin_url, autocommit=True) as connection:
            connection.execute(sql)  # names are our own, made here

    def new_database(self) -> str:
        """The URL of a new, empty database."""
        name = "agentkit_" + secrets.token_hex(6)
        self._admin(f'CREATE DATABASE "{name}"')
        self._databases.append(name)
        return _with_database(self.admin_url, name)

    def drop_database(self, url: str) -> None:
        """Drop a database ``new_database`` made (connections to it are closed first)."""
        name = urlsplit(url).path.lstrip("/")
        if name not in self._databases:
            raise ValueError(f"{name!r} is not a database made here")
        self._admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        self._databases.remove(name)

    def stop(self) -> None:
        """Drop what is left and stop the server this started (if it started one)."""
        for name in list(self._databases):
            self.drop_database(_with_database(self.admin_url, name))
        if self._own is not None:
            self._own.cleanup()  # type: ignore[attr-defined]
            self._own = None
        if self._directory is not None:
            self._directory.cleanup()
            self._directory = None
