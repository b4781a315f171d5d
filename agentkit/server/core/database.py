"""The connection every family's tables share, and when its writes are committed.

Two databases implement it: SQLite (the embedded default, ``SQLiteDatabase``) and PostgreSQL
(``core.postgres``, for several server instances on one database). Both keep one connection
per server process, used by the routes directly on the event loop: every call is a short
indexed query, so a thread hop per query would cost more than it saves. A lock serialises the
rare calls from other threads, such as a test minting keys while the server runs.

**Group commit.** A commit costs far more than a write, so writes made on a thread running an
event loop are not committed one by one: they join one open transaction, which is committed
before the server sends any response byte (the request machinery calls ``make_durable``), and
at the latest ``COMMIT_DELAY`` seconds after it began. Whatever a client was told is therefore
kept, as with a commit per write; while many requests run at once, one commit covers them all.
Reads on the same connection see the open transaction's writes. A group of writes
(``transaction``) is a savepoint inside it: a failure undoes that group only. Writes from
threads without an event loop (startup, tests) commit at once, with whatever was open.

A request that is about to write may open the transaction before it reads (``open_group``):
on SQLite, a read outside a transaction takes and drops the file's locks each time, which
costs more than the read; inside it, the reads share the transaction's.

If a commit fails (a full or failing disk, a lost database connection), the open transaction is
rolled back; every request that may have written in it learns so from ``make_durable`` instead
of answering success.

Whatever must only be told once writes are kept (a realtime push, a webhook) waits for the
commit with ``after_commit``; a rolled-back write never tells anyone.

SQL is written once, in the subset both databases read (``?`` placeholders, ``ON CONFLICT``
upserts); ``core.dialect`` turns it into PostgreSQL's where they differ.
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, ClassVar, Protocol

from .store import Conflict, StoreFailure

__all__ = [
    "COMMIT_DELAY",
    "Connection",
    "Cursor",
    "Database",
    "Rows",
    "SQLiteDatabase",
    "Statement",
]

#: Seconds a group commit waits at most for a response to commit it.
COMMIT_DELAY = 0.01

logger = logging.getLogger("agentkit.server")


#: A statement of the shared SQL with its parameters.
Statement = tuple[str, Sequence[Any]]
#: The rows each statement of a batch returned, in order (empty for one without rows).
Rows = list[list[tuple[Any, ...]]]


class Cursor(Protocol):
    """What a statement run inside a group returns (``sqlite3.Cursor``, or psycopg's)."""

    @property
    def rowcount(self) -> int: ...

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...


class Connection(Protocol):
    """The connection a group of writes hands out: statements in the shared SQL subset."""

    def execute(self, sql: str, parameters: Sequence[Any] = ..., /) -> Cursor: ...

    def executemany(self, sql: str, seq_of_parameters: Sequence[Sequence[Any]], /) -> Any: ...

    def batch(self, statements: Sequence[Statement], /) -> Rows:
        """Run ``statements`` in order and return each one's rows. A database across a
        network sends them together, in one round trip: whatever a statement needs from an
        earlier one's result cannot go in the same batch. An error stops the batch where it
        happened (a unique constraint's refusal is a ``Conflict``)."""
        ...


class Database:
    """Group commit over one connection; a subclass runs the statements on its database.

    A subclass implements the statements (``_read``, ``_write``, ``_script``, and ``_execute``
    for transaction control), ``_in_transaction``, and the connection a group hands out
    (``_grouped``).
    """

    #: ``"sqlite"`` or ``"postgresql"``: for the rare statement that must differ.
    dialect: ClassVar[str]
    #: Whether reads cost less inside the group's transaction than on their own (``open_group``).
    READS_JOIN_GROUP: ClassVar[bool] = False
    #: The driver's connection, and the connection groups hand out (set by the subclass).
    _db: Any
    _handed: Connection

    def __init__(self, *, grouped: bool = True) -> None:
        #: Whether writes made on an event loop's thread join the group commit; if not, each
        #: write outside ``transaction`` is committed on its own, at once.
        self.grouped = grouped
        self._lock = threading.RLock()
        self._depth = 0
        self._open = False
        self._generation = 0
        self._failed = 0
        self._waiting: list[Callable[[], None]] = []
        #: The requests waiting for the shared commit set for the loop's next turn, if one is.
        self._shared_commit: list[asyncio.Future[None]] | None = None
        #: The loop and timer of the commit due ``COMMIT_DELAY`` after a group began, if any.
        self._late: tuple[asyncio.AbstractEventLoop, asyncio.TimerHandle] | None = None

    # ------------------------------------------------------------------ statements
    def _read(self, sql: str, args: Sequence[Any]) -> Cursor:
        raise NotImplementedError

    def _write(self, sql: str, args: Sequence[Any]) -> int:
        """Run a write on its own (no group around it) and return its row count; a unique
        constraint's refusal raises ``Conflict``."""
        raise NotImplementedError

    def _script(self, sql: str) -> None:
        raise NotImplementedError

    def _begin(self) -> None:
        self._execute("BEGIN")

    def _commit(self) -> None:
        self._execute("COMMIT")

    def _rollback(self) -> None:
        self._execute("ROLLBACK")

    def _in_transaction(self) -> bool:
        raise NotImplementedError

    def _execute(self, sql: str) -> None:
        """Run a statement of transaction control (``SAVEPOINT`` and the like)."""
        self._db.execute(sql)

    def _grouped(self) -> Connection:
        return self._handed

    def _close(self) -> None:
        self._db.close()

    # ------------------------------------------------------------------ reading
    def all(self, sql: str, *args: Any) -> list[tuple[Any, ...]]:
        """Every row of a query."""
        with self._lock:
            rows: list[tuple[Any, ...]] = self._read(sql, args).fetchall()
            return rows

    def one(self, sql: str, *args: Any) -> tuple[Any, ...] | None:
        """The first row of a query, or ``None``."""
        with self._lock:
            row: tuple[Any, ...] | None = self._read(sql, args).fetchone()
            return row

    def reads(self, *queries: Statement) -> Rows:
        """Every row of each query, in order; on a database across a network, in one round
        trip."""
        with self._lock:
            return self._read_batch(queries)

    def _read_batch(self, queries: Sequence[Statement]) -> Rows:
        return [self._read(sql, args).fetchall() for sql, args in queries]

    # ------------------------------------------------------------------ writing
    def run(self, sql: str, *args: Any) -> int:
        """Run a write and return how many rows it changed.

        Raises:
            Conflict: A unique constraint refused the write.
        """
        with self._lock:
            loop = self._deferring()
            try:
                return self._write(sql, args)
            finally:
                if loop is None and self._open and self._depth == 0:
                    self.commit()

    def run_deferred(self, sql: str, *args: Any) -> None:
        """Run a write whose outcome the caller does not read and that nothing refuses (an
        upsert of a row the caller owns, say). Inside a group, or on an event loop's thread,
        a database across a network sends it with the next statement or the commit, saving a
        round trip; it still belongs to the transaction (or group) it was made in. If it
        fails after all, it fails that statement or commit, as a failed commit does.
        """
        self.run(sql, *args)

    def script(self, sql: str) -> None:
        """Run several statements (a schema); what was open is committed first."""
        with self._lock:
            self.commit()
            self._script(sql)

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """The connection inside a group of writes: all are kept, or none (on an error).

        Groups nest: an inner one is a savepoint, so an error it lets out undoes only its own
        writes. The outermost group of an event loop's thread joins the open transaction (see
        the module's docstring); elsewhere it commits when it ends.

        Raises:
            StoreFailure: The group committed when it ended, and the commit failed (nothing
                of it was kept).
        """
        with self._lock:
            loop = self._deferring()
            plain = self._depth == 0 and loop is None and not self._open
            if plain:
                self._begin()
            else:
                self._execute("SAVEPOINT grouped")
            self._depth += 1
            waiting = len(self._waiting)
            try:
                yield self._grouped()
            except BaseException:
                del self._waiting[waiting:]  # what the undone writes would have told
                if plain:
                    self._rollback()
                else:
                    self._execute("ROLLBACK TO SAVEPOINT grouped")
                    self._execute("RELEASE SAVEPOINT grouped")
                raise
            finally:
                self._depth -= 1
            if plain:
                try:
                    self._commit()
                except Exception as exc:
                    self._undo_failed_commit()
                    raise StoreFailure("the server could not save its changes") from exc
                self._run_waiting()
            else:
                self._execute("RELEASE SAVEPOINT grouped")
            if loop is None and self._depth == 0 and self._open:
                self.commit()

    def _undo_failed_commit(self) -> None:
        """A failed ``COMMIT`` may leave its transaction open: end it, so that the next
        statements do not join what was not kept."""
        try:
            if self._in_transaction():
                self._rollback()
        except Exception:  # the connection itself is gone; the next statement says so
            logger.warning("could not roll back the failed transaction")

    def open_group(self) -> None:
        """Open the event loop's group transaction now, as a write would, where the reads that
        come before the writes cost less in it (``READS_JOIN_GROUP``); else nothing."""
        if self.READS_JOIN_GROUP:
            with self._lock:
                self._deferring()

    def _deferring(self) -> asyncio.AbstractEventLoop | None:
        """The running loop whose writes are grouped, with its transaction open; ``None`` on a
        thread without one, or inside a group (which is in a transaction already)."""
        if self._depth > 0 or not self.grouped:
            return None
        loop = asyncio._get_running_loop()
        if loop is not None and not self._open:
            self._begin()
            self._open = True
            self._generation += 1
            # A commit due for an earlier group, sooner, commits this one too: one timer at a
            # time rather than one per group (a group a request commits leaves its timer set).
            late = self._late
            if late is None or late[0] is not loop:
                self._late = (loop, loop.call_later(COMMIT_DELAY, self._commit_late))
        return loop

    # ------------------------------------------------------------------ committing
    def after_commit(self, callback: Callable[[], None]) -> None:
        """Call ``callback`` once the writes made so far are committed; never if they are
        rolled back. With nothing open, at once. It must be quick and must not raise."""
        with self._lock:
            if self._open or self._depth > 0:
                self._waiting.append(callback)
                return
        callback()

    def _run_waiting(self) -> None:
        waiting, self._waiting = self._waiting, []
        for callback in waiting:
            try:
                callback()
            except Exception:  # a listener's bug must not undo a kept commit
                logger.exception("an after-commit callback failed")

    def mark(self) -> int:
        """A mark to pass to ``make_durable``: the transaction writes made from now on join."""
        with self._lock:
            return self._generation if self._open else self._generation + 1

    def make_durable(self, since: int) -> None:
        """Commit what is open; before a response reports the writes made since ``mark()``.

        Raises:
            StoreFailure: A commit since the mark failed: those writes may be lost.
        """
        self.commit()
        if self._failed >= since:
            raise StoreFailure("the server could not save its changes; nothing was kept")

    async def durable(self, since: int) -> None:
        """``make_durable`` for a coroutine on the event loop: the commit is shared.

        Rather than commit at once, the commit runs after the callbacks the event loop has
        ready now; requests among them that reach their response meanwhile wait for the same
        commit instead of each making one. A commit costs a disk flush (on PostgreSQL) or
        writing the same pages again (on SQLite), so under load this saves most commits, at
        the price of one turn of the loop per response. With nothing else ready to run on the
        loop (a request alone), no other request could share the commit: it is made at once.

        Raises:
            StoreFailure: A commit since the mark failed: those writes may be lost.
        """
        if self._open and self._depth == 0:
            loop = asyncio.get_running_loop()
            waiting = self._shared_commit
            if waiting is None:
                if not _others_ready(loop):
                    self.make_durable(since)
                    return
                waiting = self._shared_commit = []
                loop.call_soon(self._commit_shared)
            # A future of its own: one waiter cancelled (its client left) cancels no other's.
            done = loop.create_future()
            waiting.append(done)
            await done
        self.make_durable(since)

    def _commit_shared(self) -> None:
        waiting, self._shared_commit = self._shared_commit or [], None
        try:
            self.commit()
        except StoreFailure:
            pass  # logged; each waiter learns it from make_durable
        finally:
            for done in waiting:
                if not done.done():
                    done.set_result(None)

    def commit(self) -> None:
        """Commit the open transaction, if any (not from inside a group).

        Raises:
            StoreFailure: The commit failed; the transaction was rolled back.
        """
        with self._lock:
            if not self._open or self._depth > 0:
                return
            self._open = False
            try:
                self._commit()
            except Exception as exc:
                self._lose_group(exc)
                raise StoreFailure("the server could not save its changes") from exc
            self._run_waiting()

    def _lose_group(self, error: Exception) -> None:
        """The open group cannot be kept: roll it back, and fail every request that wrote."""
        self._open = False
        self._failed = self._generation
        self._waiting.clear()
        logger.error("a commit failed; its writes were rolled back: %s", error)
        self._undo_failed_commit()

    def _commit_late(self) -> None:
        self._late = None
        try:
            self.commit()
        except StoreFailure:
            pass  # logged; the requests that wrote learn it from make_durable
        except Exception:  # closed meanwhile
            pass

    def close(self) -> None:
        """Commit what is open and close the connection."""
        with self._lock:
            try:
                self.commit()
            finally:
                self._close()


def _others_ready(loop: asyncio.AbstractEventLoop) -> bool:
    """Whether callbacks other than the running one are ready to run on the loop: asyncio's
    own loop keeps them in ``_ready``; of another loop, that cannot be known, so it says yes."""
    ready = getattr(loop, "_ready", None)
    return ready is None or len(ready) > 0


class _SQLiteGrouped:
    """The connection a SQLite group hands out: a unique constraint's refusal is a
    ``Conflict`` there too, as on every database."""

    __slots__ = ("_db",)

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db

    def execute(self, sql: str, parameters: Sequence[Any] = (), /) -> Cursor:
        try:
            return self._db.execute(sql, parameters)
        except sqlite3.IntegrityError as exc:
            raise Conflict(str(exc)) from exc

    def executemany(self, sql: str, seq_of_parameters: Sequence[Sequence[Any]], /) -> Any:
        try:
            return self._db.executemany(sql, seq_of_parameters)
        except sqlite3.IntegrityError as exc:
            raise Conflict(str(exc)) from exc

    def batch(self, statements: Sequence[Statement], /) -> Rows:
        # In process there is no round trip to save: one statement after the other.
        return [self.execute(sql, args).fetchall() for sql, args in statements]


class SQLiteDatabase(Database):
    """One SQLite connection in WAL mode."""

    dialect: ClassVar[str] = "sqlite"
    READS_JOIN_GROUP: ClassVar[bool] = True

    def __init__(self, path: str) -> None:
        super().__init__()
        self._db: sqlite3.Connection = sqlite3.connect(
            path, check_same_thread=False, isolation_level=None
        )
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute("PRAGMA foreign_keys=ON")
        self._handed = _SQLiteGrouped(self._db)

    def _begin(self) -> None:
        # The write lock at once, even when reads come first (``open_group``): no other
        # connection can commit in between, which would make the first write fail.
        self._execute("BEGIN IMMEDIATE")

    def _read(self, sql: str, args: Sequence[Any]) -> Cursor:
        return self._db.execute(sql, args)

    def _write(self, sql: str, args: Sequence[Any]) -> int:
        # A failed statement undoes its own changes in SQLite, and the transaction goes on.
        try:
            return self._db.execute(sql, args).rowcount
        except sqlite3.IntegrityError as exc:
            raise Conflict(str(exc)) from exc

    def _script(self, sql: str) -> None:
        self._db.executescript(sql)

    def _in_transaction(self) -> bool:
        return self._db.in_transaction
