"""The connection helpers every part of the SQLite store shares."""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from .base import Conflict, Page

__all__ = ["SQLiteBase"]


class SQLiteBase:
    """One connection in autocommit mode, guarded by a lock, and short query helpers."""

    _db: sqlite3.Connection
    _lock: threading.RLock

    def _all(self, sql: str, *args: Any) -> list[tuple[Any, ...]]:
        with self._lock:
            return self._db.execute(sql, args).fetchall()

    def _one(self, sql: str, *args: Any) -> tuple[Any, ...] | None:
        with self._lock:
            row: tuple[Any, ...] | None = self._db.execute(sql, args).fetchone()
            return row

    def _run(self, sql: str, *args: Any) -> int:
        with self._lock:
            try:
                return self._db.execute(sql, args).rowcount
            except sqlite3.IntegrityError as exc:
                raise Conflict(str(exc)) from exc

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """The connection inside ``BEGIN`` ... ``COMMIT`` (rolled back on an error)."""
        with self._lock:
            self._db.execute("BEGIN")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    @staticmethod
    def _page(rows: list[tuple[Any, ...]], limit: int) -> Page:
        more = len(rows) > limit
        rows = rows[:limit]
        return Page([json.loads(row[1]) for row in rows], int(rows[-1][0]) if more else None)
