"""The SQLite connection every family's tables share, and when its writes are committed.

The routes call the store directly on the event loop. Every call is a short indexed query on a
local file, so a thread hop per query would cost more than it saves. A lock serialises the rare
calls from other threads, such as a test minting keys while the server runs.

**Group commit.** A commit costs far more than a write (each dirty page goes to the WAL), so
writes made on a thread running an event loop are not committed one by one: they join one open
transaction, which is committed before the server sends any response byte (the request
machinery calls ``make_durable``), and at the latest ``COMMIT_DELAY`` seconds after it began.
Whatever a client was told is therefore on disk, as with a commit per write; while many
requests run at once, one commit covers them all. Reads on the same connection see the open
transaction's writes. A group of writes (``transaction``) is a savepoint inside it: a failure
undoes that group only. Writes from threads without an event loop (startup, tests) commit at
once, with whatever was open.

If a commit fails (a full or failing disk), the open transaction is rolled back; every request
that may have written in it learns so from ``make_durable`` instead of answering success.

Whatever must only be told once writes are kept (a realtime push, a webhook) waits for the
commit with ``after_commit``; a rolled-back write never tells anyone.
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from .store import Conflict, StoreFailure

__all__ = ["COMMIT_DELAY", "Database"]

#: Seconds a group commit waits at most for a response to commit it.
COMMIT_DELAY = 0.01

logger = logging.getLogger("agentkit.server")


class Database:
    """One SQLite connection in WAL mode, guarded by a lock, with short query helpers."""

    def __init__(self, path: str) -> None:
        self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self._lock = threading.RLock()
        self._depth = 0
        self._open = False
        self._generation = 0
        self._failed = 0
        self._waiting: list[Callable[[], None]] = []
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute("PRAGMA foreign_keys=ON")

    # ------------------------------------------------------------------ reading
    def all(self, sql: str, *args: Any) -> list[tuple[Any, ...]]:
        """Every row of a query."""
        with self._lock:
            return self._db.execute(sql, args).fetchall()

    def one(self, sql: str, *args: Any) -> tuple[Any, ...] | None:
        """The first row of a query, or ``None``."""
        with self._lock:
            row: tuple[Any, ...] | None = self._db.execute(sql, args).fetchone()
            return row

    # ------------------------------------------------------------------ writing
    def run(self, sql: str, *args: Any) -> int:
        """Run a write and return how many rows it changed.

        Raises:
            Conflict: A unique constraint refused the write.
        """
        with self._lock:
            loop = self._deferring()
            try:
                return self._db.execute(sql, args).rowcount
            except sqlite3.IntegrityError as exc:
                raise Conflict(str(exc)) from exc
            finally:
                if loop is None and self._open and self._depth == 0:
                    self.commit()

    def script(self, sql: str) -> None:
        """Run several statements (a schema); what was open is committed first."""
        with self._lock:
            self.commit()
            self._db.executescript(sql)

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """The connection inside a group of writes: all are kept, or none (on an error).

        Groups nest: an inner one is a savepoint, so an error it lets out undoes only its own
        writes. The outermost group of an event loop's thread joins the open transaction (see
        the module's docstring); elsewhere it commits when it ends.
        """
        with self._lock:
            loop = self._deferring()
            plain = self._depth == 0 and loop is None and not self._open
            self._db.execute("BEGIN" if plain else "SAVEPOINT grouped")
            self._depth += 1
            waiting = len(self._waiting)
            try:
                yield self._db
            except BaseException:
                del self._waiting[waiting:]  # what the undone writes would have told
                if plain:
                    self._db.execute("ROLLBACK")
                else:
                    self._db.execute("ROLLBACK TO grouped")
                    self._db.execute("RELEASE grouped")
                raise
            finally:
                self._depth -= 1
            self._db.execute("COMMIT" if plain else "RELEASE grouped")
            if plain:
                self._run_waiting()
            if loop is None and self._depth == 0 and self._open:
                self.commit()

    def _deferring(self) -> asyncio.AbstractEventLoop | None:
        """The running loop whose writes are grouped, with its transaction open; ``None`` on a
        thread without one, or inside a group (which is in a transaction already)."""
        if self._depth > 0:
            return None
        loop = asyncio._get_running_loop()
        if loop is not None and not self._open:
            self._db.execute("BEGIN")
            self._open = True
            self._generation += 1
            loop.call_later(COMMIT_DELAY, self._commit_late, self._generation)
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
                self._db.execute("COMMIT")
            except sqlite3.Error as exc:
                self._failed = self._generation
                self._waiting.clear()
                logger.error("a commit failed; its writes were rolled back: %s", exc)
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
                raise StoreFailure("the server could not save its changes") from exc
            self._run_waiting()

    def _commit_late(self, generation: int) -> None:
        # Only the transaction this was set for: a later one has its own.
        if generation != self._generation:
            return
        try:
            self.commit()
        except StoreFailure:
            pass  # logged; the requests that wrote learn it from make_durable
        except sqlite3.ProgrammingError:
            pass  # closed meanwhile

    def close(self) -> None:
        """Commit what is open and close the connection."""
        with self._lock:
            try:
                self.commit()
            finally:
                self._db.close()
