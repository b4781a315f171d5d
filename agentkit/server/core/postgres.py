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

**Round trips.** While many requests share the connection, the event loop waits for every
statement's answer, so each round trip to the database costs every request in flight. The
statements of transaction control (``BEGIN``, ``SAVEPOINT``, ``RELEASE``), notifications and
writes whose outcome nobody reads (``run_deferred``) are therefore not sent one by one: they
wait, in order, for the next statement and go with it as one simple query (its parameters
bound by psycopg rather than by the server), or with ``COMMIT``. The database sees them in the
same order, before the same statements, so what each one means is unchanged; a write in a
savepoint of its own costs one round trip, not three. For the same reason a family sends
statements that do not need each other's results together (``Connection.batch``,
``Database.reads``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar, NoReturn

from .database import Cursor, Database, Rows, Statement
from .dialect import postgres_pieces, postgres_schema, postgres_statement
from .store import Conflict, StoreFailure

__all__ = ["DatabaseUnreachable", "PostgresDatabase", "is_postgres_url"]

#: How long a statement waits for a row another instance holds before it fails.
LOCK_TIMEOUT = "5s"

#: libpq's statuses of a statement that succeeded (``ExecStatus``: empty query, command,
#: rows).
_SUCCEEDED = frozenset({0, 1, 2})
#: libpq's status of a statement that returned rows (``ExecStatus.TUPLES_OK``).
_ROWS = 2
#: Seconds between checks for a signal while a statement runs (as psycopg's own).
_WAIT_INTERVAL = 0.1
#: Times a statement is sent as text before it is prepared on the connection.
_PREPARE_AFTER = 3
#: Statements prepared on one connection at most; others are sent as text each time.
_PREPARED_AT_MOST = 256


class _Result:
    """The result of one statement sent in a simple query, as a cursor reads it."""

    __slots__ = ("_next", "_rows", "rowcount")

    def __init__(self, loader: Any, result: Any) -> None:
        self._next = 0
        self._rows: list[tuple[Any, ...]] = []
        if result.status == _ROWS:
            loader.set_pgresult(result)
            self._rows = loader.load_rows(0, result.ntuples, tuple)
        tuples = result.command_tuples
        #: Rows a write changed, or a query returned (as a cursor's ``rowcount``).
        self.rowcount: int = -1 if tuples is None else int(tuples)

    def fetchone(self) -> tuple[Any, ...] | None:
        if self._next >= len(self._rows):
            return None
        self._next += 1
        return self._rows[self._next - 1]

    def fetchall(self) -> list[tuple[Any, ...]]:
        rows, self._next = self._rows[self._next :], len(self._rows)
        return rows


def _raise_as(failure: Exception, cause: Exception) -> NoReturn:
    """Raise ``failure``, what ``cause`` (being handled) means to the caller: ``cause`` itself
    as it was, or another error chained to it."""
    if failure is cause:
        raise cause
    raise failure from cause


def is_postgres_url(target: str) -> bool:
    """Whether a database setting names a PostgreSQL server rather than a SQLite file."""
    return target.startswith(("postgresql://", "postgres://"))


class DatabaseUnreachable(RuntimeError):
    """The PostgreSQL server could not be reached, or refused the connection."""


class _Grouped:
    """The connection a group hands out: the shared SQL, translated, on psycopg. A unique
    key's refusal is a ``Conflict``, and a lost connection a ``StoreFailure``, as on every
    path."""

    def __init__(self, database: PostgresDatabase, connection: Any) -> None:
        self._database = database
        self._connection = connection

    def _failure(self, exc: Exception) -> Exception:
        import psycopg

        if isinstance(exc, psycopg.errors.UniqueViolation):
            return Conflict(str(exc))
        return self._database._failed_on(exc)

    def execute(self, sql: str, parameters: Sequence[Any] = (), /) -> Cursor:
        import psycopg

        database = self._database
        try:
            if database._controls:
                cursor: Cursor = database._after_controls(sql, parameters)
            else:
                cursor = self._connection.execute(postgres_statement(sql), parameters)
        except psycopg.Error as exc:
            _raise_as(self._failure(exc), exc)
        return cursor

    def executemany(self, sql: str, seq_of_parameters: Sequence[Sequence[Any]], /) -> Any:
        import psycopg

        self._database._flush()
        try:
            if len(seq_of_parameters) == 1:
                # psycopg runs executemany as a pipeline, which costs more than one statement.
                return self._connection.execute(postgres_statement(sql), seq_of_parameters[0])
            with self._connection.cursor() as cursor:
                cursor.executemany(postgres_statement(sql), seq_of_parameters)
                return cursor
        except psycopg.Error as exc:
            _raise_as(self._failure(exc), exc)

    def batch(self, statements: Sequence[Statement], /) -> Rows:
        import psycopg

        try:
            return self._database._batch(statements)
        except psycopg.Error as exc:
            _raise_as(self._failure(exc), exc)


class PostgresDatabase(Database):
    """One psycopg connection to a PostgreSQL database, shared by the routes of this process.

    A lost connection (the database restarted, a network cut) fails what was open, as a failed
    commit does, and the next statement connects again. With ``grouped=False`` every write
    outside ``transaction`` is committed on its own (see ``Database``).
    """

    dialect: ClassVar[str] = "postgresql"

    def __init__(self, url: str, *, name: str = "agentkit", grouped: bool = True) -> None:
        super().__init__(grouped=grouped)
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
        self._handed = _Grouped(self, self._db)
        # Results of ``all``, ``one`` and ``run`` are read at once: one cursor serves them all.
        self._cursor = self._db.cursor()
        # With statements of transaction control waiting, a statement goes with them in one
        # simple query, its parameters bound here rather than by the server: written as
        # literals, and the rows read back, by psycopg's adapters.
        self._literals = psycopg.adapt.Transformer(self._db)
        self._escaping = psycopg.pq.Escaping(self._db.pgconn)
        self._controls: list[str] = []
        # Statements bound as text, prepared on this connection once used often (``_bind``).
        self._prepared: dict[str, bytes] = {}
        self._uses: dict[str, int] = {}
        self._to_prepare: list[str] = []

    @property
    def url(self) -> str:
        """The database's URL (for the listener's own connection)."""
        return self._url

    @property
    def backend_pid(self) -> int:
        """The process id of the connection's backend (which sends its notifications)."""
        pid: int = self._db.info.backend_pid
        return pid

    @property
    def application_name(self) -> str:
        """How the connection shows in ``pg_stat_activity``."""
        return self._name

    def name(self, name: str) -> None:
        """Show the connection as ``name`` in ``pg_stat_activity`` (from the next connect)."""
        self._name = name
        self.one("SELECT set_config('application_name', ?, false)", name)

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

    # ------------------------------------------------------------------ round trips
    def _send(self, sql: str) -> Any:
        """Send ``sql`` (one or more statements without parameters) as one simple query; the
        last statement's result.

        Raises:
            psycopg.Error: A statement failed; the ones after it were not run.
            StoreFailure: The connection was lost (and with it the open group).
        """
        import psycopg

        try:
            result = self._db.pgconn.exec_(sql.encode())
            if result.status not in _SUCCEEDED:
                raise psycopg.errors.error_from_result(result, encoding=self._db.info.encoding)
        except Exception as exc:
            _raise_as(self._failed_on(exc), exc)
        return result

    def _flush(self) -> None:
        """Send the statements of transaction control that wait for the next round trip."""
        if not self._controls:
            return
        controls, self._controls = self._controls, []
        try:
            self._send("; ".join(controls))
        except Exception as exc:
            if self._open and self._depth == 0:  # (a lost connection lost it already)
                self._lose_group(exc)
            raise

    def _bind(self, sql: str, args: Sequence[Any]) -> bytes:
        """A statement of the shared SQL with ``args`` bound in it, as psycopg writes each
        value as a literal: the statement itself, or ``EXECUTE`` of it once it is prepared
        on this connection (see ``_prepare_waiting``)."""
        pieces = postgres_pieces(sql)
        if len(args) != len(pieces) - 1:
            raise TypeError(f"{len(pieces) - 1} values wanted, {len(args)} given: {sql}")
        literal = self._literals.as_literal
        execute = self._prepared.get(sql)
        if execute is not None:
            return execute + b"(" + b", ".join(map(literal, args)) + b")" if args else execute
        uses = self._uses[sql] = self._uses.get(sql, 0) + 1
        if uses == _PREPARE_AFTER:
            self._to_prepare.append(sql)
        bound = [pieces[0]]
        for value, piece in zip(args, pieces[1:], strict=True):
            bound += (literal(value), piece)
        return b"".join(bound)

    def _prepare_waiting(self) -> None:
        """Prepare the statements used often enough since the last commit, on the connection
        with no transaction open: a statement that cannot be prepared (a parameter whose type
        PostgreSQL cannot tell, say) then fails alone, and stays text.

        A statement sent as text is parsed and planned each time; ``EXECUTE`` of a prepared
        one reuses its plan, which halves what the database spends on the short statements
        of a request.
        """
        import psycopg

        waiting, self._to_prepare = self._to_prepare, []
        if len(self._uses) > _PREPARED_AT_MOST * 16:
            self._uses.clear()  # statements made on the fly (``IN`` lists) are not kept
        for sql in waiting:
            if len(self._prepared) >= _PREPARED_AT_MOST:
                return
            pieces = postgres_pieces(sql)
            numbered = pieces[0] + b"".join(
                b"$%d%s" % (number, piece) for number, piece in enumerate(pieces[1:], 1)
            )
            name = b"agentkit_%d" % (len(self._prepared) + 1)
            try:
                self._exchange([b"PREPARE " + name + b" AS " + numbered])
            except psycopg.Error:
                if self._lost():
                    return  # the next statement connects again, with nothing prepared
                continue
            self._prepared[sql] = b"EXECUTE " + name

    def _exchange(self, statements: Sequence[bytes]) -> list[Any]:
        """Send the waiting statements of transaction control and ``statements`` as one simple
        query (one round trip); the result of each of ``statements``.

        Raises:
            psycopg.Error: The first statement that failed (those after it were not run).
        """
        from psycopg import errors, generators, waiting

        controls, self._controls = self._controls, []
        pgconn = self._db.pgconn
        pgconn.send_query(b"; ".join([*(control.encode() for control in controls), *statements]))
        execute = generators.execute(pgconn)
        results: list[Any] = waiting.wait(execute, pgconn.socket, interval=_WAIT_INTERVAL)
        for result in results:
            if result.status not in _SUCCEEDED:
                raise errors.error_from_result(result, encoding=self._db.info.encoding)
        return results[len(controls) :]

    def _after_controls(self, sql: str, args: Sequence[Any]) -> Cursor:
        """Run a statement of the shared SQL with the waiting statements of transaction
        control before it, in one round trip; its result."""
        return _Result(self._literals, self._exchange([self._bind(sql, args)])[0])

    def _statement(self, sql: str, args: Sequence[Any]) -> Cursor:
        """Run a statement of the shared SQL whose result is read at once."""
        if self._controls:
            return self._after_controls(sql, args)
        cursor: Cursor = self._cursor.execute(postgres_statement(sql), args)
        return cursor

    def _batch(self, statements: Sequence[Statement]) -> Rows:
        """Run ``statements``, after the waiting statements of transaction control, as one
        simple query (one round trip); each statement's rows."""
        results = self._exchange([self._bind(sql, args) for sql, args in statements])
        return [_Result(self._literals, result).fetchall() for result in results]

    def _read(self, sql: str, args: Sequence[Any]) -> Cursor:
        self._usable()
        try:
            cursor: Cursor = self._statement(sql, args)
        except Exception as exc:
            _raise_as(self._read_failed(exc), exc)
        return cursor

    def _read_batch(self, queries: Sequence[Statement]) -> Rows:
        self._usable()
        try:
            return self._batch(queries)
        except Exception as exc:
            _raise_as(self._read_failed(exc), exc)

    def _read_failed(self, exc: Exception) -> Exception:
        """What a failed read raises; the open group is lost with it, since PostgreSQL
        aborted the transaction the group was in."""
        failure = self._failed_on(exc)
        if failure is exc and self._open and self._depth == 0:
            self._lose_group(exc)
        return failure

    def _write(self, sql: str, args: Sequence[Any]) -> int:
        import psycopg

        self._usable()
        guarded = self._open or self._depth > 0
        if guarded:
            self._controls.append("SAVEPOINT single")
        try:
            count: int = self._statement(sql, args).rowcount
        except psycopg.Error as exc:
            failure = self._failed_on(exc)
            if failure is not exc:
                raise failure from exc
            if guarded:
                self._controls += ["ROLLBACK TO SAVEPOINT single", "RELEASE SAVEPOINT single"]
            if isinstance(exc, psycopg.errors.UniqueViolation):
                raise Conflict(str(exc)) from exc
            raise
        if guarded:
            self._controls.append("RELEASE SAVEPOINT single")
        return count

    def run_deferred(self, sql: str, *args: Any) -> None:
        with self._lock:
            if self._deferring() is None and self._depth == 0:
                self.run(sql, *args)  # committed at once: nothing to go with
                return
            self._usable()
            self._controls.append(self._bind(sql, args).decode())

    def _execute(self, sql: str) -> None:
        if sql == "BEGIN":
            self._usable()
        self._controls.append(sql)

    def _commit(self) -> None:
        import psycopg

        self._controls.append("COMMIT")
        controls, self._controls = self._controls, []
        result = self._send("; ".join(controls))
        if result.command_status == b"ROLLBACK":
            # A transaction aborted by a failed statement "commits" as a rollback, silently.
            raise psycopg.errors.InFailedSqlTransaction("the transaction was rolled back")
        if self._to_prepare:
            self._prepare_waiting()

    def _rollback(self) -> None:
        # Whatever waited is undone by the rollback; in an aborted transaction it would fail.
        self._controls.clear()
        self._send("ROLLBACK")

    def _lose_group(self, error: Exception) -> None:
        self._controls.clear()  # a BEGIN not sent yet has nothing to roll back
        super()._lose_group(error)

    def _script(self, sql: str) -> None:
        self._usable()
        self._flush()
        self._db.execute(postgres_schema(sql))

    def _in_transaction(self) -> bool:
        import psycopg

        status: psycopg.pq.TransactionStatus = self._db.info.transaction_status
        return status != psycopg.pq.TransactionStatus.IDLE

    def notify(self, channel: str, payload: str) -> None:
        """Send ``payload`` on ``channel`` to every instance's listener once the writes made so
        far are committed (never if they are rolled back)."""
        if not channel.isidentifier():
            raise ValueError(f"not a channel name: {channel!r}")
        with self._lock:
            literal = self._escaping.escape_literal(payload.encode()).decode()
            self._controls.append(f"NOTIFY {channel}, {literal}")
            if not self._open and self._depth == 0:
                self._usable()
                self._flush()
