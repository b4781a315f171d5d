"""The store's connection on PostgreSQL: the same group commit as on SQLite (``core.database``),
for several server instances sharing one database.

Where PostgreSQL behaves differently, this class makes it behave as the families expect:

* **A failed statement.** SQLite undoes a failed statement and goes on; PostgreSQL aborts the
  whole transaction. Since one transaction holds the writes of many requests at once, every
  write outside a group runs in a savepoint of its own, so a refused write (``Conflict``) costs
  only itself. A read that fails loses the open transaction: it is rolled back, and every
  request that wrote in it is told by ``make_durable``.
* **Waiting for another instance.** A row another instance holds in its open transaction is
  waited for (a few milliseconds: that instance commits before its next response), at most
  ``lock_timeout``; a deadlock between instances is broken by PostgreSQL, and the losing
  transaction fails as a failed commit does. Either way the clients are answered with a
  retryable error, never a wrong success.
* **Notifications.** ``notify`` sends on a channel when the open transaction commits (as
  PostgreSQL's ``NOTIFY`` does); ``core.listener`` receives them in every instance.

The connection runs in autocommit mode, with explicit ``BEGIN`` / ``COMMIT``, as the SQLite one
does.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from .database import Cursor, Database
from .dialect import postgres_schema, postgres_statement
from .store import Conflict, StoreFailure

__all__ = ["DatabaseUnreachable", "PostgresDatabase", "is_postgres_url"]

#: How long a statement waits for a row another instance holds before it fails.
LOCK_TIMEOUT = "5s"


def is_postgres_url(target: str) -> bool:
    """Whether a database setting names a PostgreSQL server rather than a SQLite file."""
    return target.startswith(("postgresql://", "postgres://"))


class DatabaseUnreachable(RuntimeError):
    """The PostgreSQL server could not be reached, or refused the connection."""


class _Grouped:
    """The connection a group hands out: the shared SQL, translated, on psycopg."""

    def __init__(self, connection: Any) -> None:
        self._connection = connection

    def execute(self, sql: str, parameters: Sequence[Any] = (), /) -> Cursor:
        import psycopg

        try:
            cursor: Cursor = self._connection.execute(postgres_statement(sql), parameters)
        except psycopg.errors.UniqueViolation as exc:
            raise Conflict(str(exc)) from exc
        return cursor

    def executemany(self, sql: str, seq_of_parameters: Sequence[Sequence[Any]], /) -> Any:
        import psycopg

        try:
            with self._connection.cursor() as cursor:
                cursor.executemany(postgres_statement(sql), seq_of_parameters)
                return cursor
        except psycopg.errors.UniqueViolation as exc:
            raise Conflict(str(exc)) from exc


class PostgresDatabase(Database):
    """One psycopg connection to a PostgreSQL database, shared by the routes of this process.

    A lost connection (the database restarted, a network cut) fails what was open, as a failed
    commit does, and the next statement connects again.
    """

    dialect: ClassVar[str] = "postgresql"

    def __init__(self, url: str, *, name: str = "agentkit") -> None:
        super().__init__()
        self._url = url
        self._name = name
        self._connect()

    def _connect(self) -> None:
        import psycopg

        try:
            self._db = psycopg.connect(
                self._url, autocommit=True, connect_timeout=10, application_name=self._name
            )
        except psycopg.OperationalError as exc:
            raise DatabaseUnreachable(f"cannot connect to the database: {exc}".strip()) from None
        self._db.execute(f"SET lock_timeout = '{LOCK_TIMEOUT}'")
        self._handed = _Grouped(self._db)

    @property
    def url(self) -> str:
        """The database's URL (for the listener's own connection)."""
        return self._url

    def name(self, name: str) -> None:
        """Show the connection as ``name`` in ``pg_stat_activity`` (from the next connect)."""
        self._name = name
        self._db.execute("SELECT set_config('application_name', %s, false)", (name,))

    def _lost(self) -> bool:
        return bool(self._db.closed or self._db.broken)

    def _usable(self) -> None:
        """Connect again if the connection was lost (not inside a group: that group failed)."""
        if not self._lost():
            return
        if self._depth > 0:
            raise StoreFailure("the connection to the database was lost")
        if self._open:
            self._lose_group(StoreFailure("the connection to the database was lost"))
        self._connect()

    def _failed_on(self, exc: Exception) -> Exception:
        """What a failed statement becomes: a lost connection fails the open group."""
        if self._lost():
            if self._open and self._depth == 0:
                self._lose_group(exc)
            return StoreFailure(f"the connection to the database was lost: {exc}")
        return exc

    def _read(self, sql: str, args: Sequence[Any]) -> Cursor:
        self._usable()
        try:
            cursor: Cursor = self._db.execute(postgres_statement(sql), args)
        except Exception as exc:
            failure = self._failed_on(exc)
            if failure is not exc:
                raise failure from exc
            if self._open and self._depth == 0:
                self._lose_group(exc)  # PostgreSQL aborted the transaction the group was in
            raise
        return cursor

    def _write(self, sql: str, args: Sequence[Any]) -> int:
        import psycopg

        self._usable()
        guarded = self._open or self._depth > 0
        try:
            if guarded:
                self._db.execute("SAVEPOINT single")
            count: int = self._db.execute(postgres_statement(sql), args).rowcount
            if guarded:
                self._db.execute("RELEASE SAVEPOINT single")
        except psycopg.Error as exc:
            failure = self._failed_on(exc)
            if failure is not exc:
                raise failure from exc
            if guarded:
                self._db.execute("ROLLBACK TO SAVEPOINT single")
                self._db.execute("RELEASE SAVEPOINT single")
            if isinstance(exc, psycopg.errors.UniqueViolation):
                raise Conflict(str(exc)) from exc
            raise
        return count

    def _execute(self, sql: str) -> None:
        if sql == "BEGIN":
            self._usable()
        try:
            self._db.execute(sql)
        except Exception as exc:
            failure = self._failed_on(exc)
            if failure is exc:
                raise
            raise failure from exc

    def _script(self, sql: str) -> None:
        self._usable()
        self._db.execute(postgres_schema(sql))

    def _in_transaction(self) -> bool:
        import psycopg

        status: psycopg.pq.TransactionStatus = self._db.info.transaction_status
        return status != psycopg.pq.TransactionStatus.IDLE

    def notify(self, channel: str, payload: str) -> None:
        """Send ``payload`` on ``channel`` to every instance's listener once the writes made so
        far are committed (never if they are rolled back)."""
        with self._lock:
            self._read("SELECT pg_notify(?, ?)", (channel, payload))
