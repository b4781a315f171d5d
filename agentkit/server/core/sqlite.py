"""The plumbing every family's tables share: JSON-document tables, and the base of each
family's tables. The SQL is SQLite's, which PostgreSQL reads through ``core.dialect``; the
connection is a ``database.Database`` of either kind."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from contextlib import AbstractContextManager
from typing import Any, ClassVar

from .database import Database, SQLiteDatabase
from .migrations import Migration, Versioned, migrate
from .postgres import PostgresDatabase, is_postgres_url
from .store import Page, Row

__all__ = ["Database", "DocumentTable", "SQLiteTables", "open_database"]


def open_database(target: str) -> Database:
    """The database a setting names: a ``postgresql://`` URL, or a SQLite file."""
    if is_postgres_url(target):
        return PostgresDatabase(target)
    return SQLiteDatabase(target)


def _sql_text(text: str) -> str:
    """``text`` as an SQL string literal."""
    return "'" + text.replace("'", "''") + "'"


class DocumentTable:
    """A table of JSON documents owned by organizations, listed by insertion position.

    Its columns are ``pk`` (``INTEGER PRIMARY KEY AUTOINCREMENT``, the position lists page by),
    ``org_id``, the ``scope`` columns (the parent a document belongs to, such as ``chat_id``),
    ``id`` (unless ``keyed`` is false), the ``columns`` copied from the document (to filter on or
    keep unique), ``data`` (the document as JSON) and the ``detached`` columns: fields kept
    beside ``data`` so that lists leave them out, read back by ``get`` only.

    Args:
        name: The table.
        scope: Columns naming the document's parent; callers pass their values in order.
        columns: Fields of the document also stored in their own column.
        detached: Fields stored in their own column instead of ``data``.
        derived: Fields computed when read: name -> SQL expression over the row (alias ``t``).
        keyed: Whether documents have an ``id`` column (to get, update and delete them by).
    """

    def __init__(
        self,
        name: str,
        *,
        scope: tuple[str, ...] = (),
        columns: tuple[str, ...] = (),
        detached: tuple[str, ...] = (),
        derived: Mapping[str, str] | None = None,
        keyed: bool = True,
    ) -> None:
        self.name = name
        self._keyed = keyed
        self._columns = columns
        self._detached = detached
        self._derived = tuple((derived or {}).items())
        self._unstored = frozenset(detached) | frozenset(name for name, _ in self._derived)
        key = (*scope, "id") if keyed else scope
        where = " AND ".join(f"{column} = ?" for column in ("org_id", *key))
        scoped = " AND ".join(f"{column} = ?" for column in ("org_id", *scope))
        extra = "".join(f", {sql}" for _, sql in self._derived)
        names = ("org_id", *key, *columns, "data", *detached)
        marks = ", ".join("?" for _ in names)
        self._insert = f"INSERT INTO {name} ({', '.join(names)}) VALUES ({marks})"
        assigned = ", ".join(f"{column} = ?" for column in (*columns, "data"))
        self._update = f"UPDATE {name} SET {assigned} WHERE {where}"
        self._get = f"SELECT data{''.join(f', {d}' for d in detached)}{extra} FROM {name} t"
        self._get += f" WHERE {where}"
        self._delete = f"DELETE FROM {name} WHERE {where}"
        self._list = f"SELECT pk, data{extra} FROM {name} t WHERE {scoped} AND pk > ?"

    def _stored(self, document: Row) -> str:
        if not self._unstored:
            return json.dumps(document)
        return json.dumps({k: v for k, v in document.items() if k not in self._unstored})

    def _read(self, data: str, extra: tuple[Any, ...]) -> Row:
        document: Row = json.loads(data)
        for (name, _), value in zip(self._derived, extra, strict=True):
            document[name] = int(value)
        return document

    def insert(self, db: Database, org_id: str, document: Row, *scope: str) -> None:
        """Store a new document under its parent (``scope`` values, in order).

        Raises:
            Conflict: The id, or a unique column, is taken.
        """
        key = (document["id"],) if self._keyed else ()
        values = [document[column] for column in self._columns]
        detached = [document[column] for column in self._detached]
        db.run(self._insert, org_id, *scope, *key, *values, self._stored(document), *detached)

    def get(self, db: Database, org_id: str, *key: str) -> Row | None:
        """The document with its detached and derived fields; ``key`` is the scope, then the id."""
        row = db.one(self._get, org_id, *key)
        if row is None:
            return None
        if not self._unstored:
            plain: Row = json.loads(row[0])
            return plain
        document = self._read(row[0], row[1 + len(self._detached) :])
        for position, column in enumerate(self._detached, start=1):
            document[column] = row[position]
        return document

    def update(self, db: Database, org_id: str, document: Row, *scope: str) -> int:
        """Replace a stored document (and its copied columns); how many rows changed.

        Raises:
            Conflict: A unique column's new value is taken.
        """
        return self._update_with(db, org_id, document, self._stored(document), scope)

    def replace(self, db: Database, org_id: str, document: Row, *scope: str) -> str:
        """Replace a stored document, as ``update`` does; the JSON text stored as its ``data``
        (for a table without detached or derived fields: ``json.dumps`` of the document).

        Raises:
            Conflict: A unique column's new value is taken.
        """
        stored = self._stored(document)
        self._update_with(db, org_id, document, stored, scope)
        return stored

    def _update_with(
        self, db: Database, org_id: str, document: Row, stored: str, scope: tuple[str, ...]
    ) -> int:
        values = [document[column] for column in self._columns]
        return db.run(self._update, *values, stored, org_id, *scope, document["id"])

    def delete(self, db: Database, org_id: str, *key: str) -> bool:
        """Delete a document; whether there was one. ``key`` is the scope, then the id."""
        return db.run(self._delete, org_id, *key) > 0

    def page(
        self,
        db: Database,
        org_id: str,
        after: int,
        limit: int,
        *scope: str,
        where: Mapping[str, str | None] | None = None,
    ) -> Page:
        """The documents after position ``after``, oldest first, without detached fields.

        ``where`` filters on copied columns; a ``None`` value does not filter.
        """
        sql = self._list
        args: list[Any] = [org_id, *scope, after]
        for column, value in (where or {}).items():
            sql += f" AND (? IS NULL OR {column} = ?)"
            args += [value, value]
        rows = db.all(sql + " ORDER BY pk LIMIT ?", *args, limit + 1)
        more = len(rows) > limit
        rows = rows[:limit]
        if self._unstored:
            found = [self._read(row[1], row[2:]) for row in rows]
        else:
            found = [json.loads(row[1]) for row in rows]
        return Page(found, int(rows[-1][0]) if more else None)

    def last(self, db: Database, org_id: str, count: int, *scope: str) -> list[Row]:
        """The last ``count`` documents under the parent, oldest first, without detached fields
        (one indexed read from the end, however many the parent holds)."""
        sql = self._list.replace(" AND pk > ?", "") + " ORDER BY pk DESC LIMIT ?"
        rows = db.all(sql, org_id, *scope, count)
        rows.reverse()
        if self._unstored:
            return [self._read(row[1], row[2:]) for row in rows]
        return [json.loads(row[1]) for row in rows]

    def fill_missing(self, db: Database, defaults: Mapping[str, Any]) -> None:
        """Give the documents an older server wrote the fields added since, at their defaults
        (a field present, even as ``null``, is left as it is)."""
        for field, value in defaults.items():
            path = _sql_text(f"$.{field}")
            default = _sql_text(json.dumps(value))
            db.script(
                f"UPDATE {self.name} SET data = json_set(data, {path}, json({default}))"
                f" WHERE json_type(data, {path}) IS NULL;"
            )

    def exists(self, db: Database, org_id: str, column: str, value: str) -> bool:
        """Whether the organization has a document with this value in a copied column."""
        sql = f"SELECT 1 FROM {self.name} WHERE org_id = ? AND {column} = ?"
        return db.one(sql, org_id, value) is not None


class SQLiteTables:
    """The base of each family's tables, and the opener of the store they make up.

    A family's tables class declares its latest ``SCHEMA`` (in the shared SQL; a
    ``POSTGRES_SCHEMA`` where PostgreSQL needs another, such as full-text search), the
    ``MIGRATIONS`` from older versions, and may ``upgrade`` files written before versions began
    (see ``core.migrations``). The store mixes the classes of every family together; opening it
    brings each family's tables to the latest version.

    Args:
        database: A SQLite file (``":memory:"`` for a throw-away store), a
            ``postgresql://`` URL, or an open ``Database``.
    """

    SCHEMA: ClassVar[str] = ""
    POSTGRES_SCHEMA: ClassVar[str | None] = None
    MIGRATIONS: ClassVar[tuple[Migration, ...]] = ()
    _database: Database

    def __init__(self, database: str | Database) -> None:
        self._database = database if isinstance(database, Database) else open_database(database)
        try:
            migrate(self._database, self.versioned(self._database.dialect))
        except BaseException:
            self._database.close()
            raise

    @classmethod
    def versioned(cls, dialect: str) -> list[Versioned]:
        """Each family's tables in this store, bases first, as the migrator sees them."""
        found = []
        for part in reversed(cls.__mro__):
            own = vars(part)
            if not own.get("SCHEMA"):
                continue
            schema = own["SCHEMA"]
            if dialect == "postgresql":
                schema = own.get("POSTGRES_SCHEMA") or schema
            name = part.__name__.removesuffix("Tables").lower()
            found.append(Versioned(name, schema, own.get("MIGRATIONS", ()), own.get("upgrade")))
        return found

    @staticmethod
    def upgrade(database: Database) -> None:
        """Bring tables a server wrote before versions began up to version 1."""

    @property
    def dialect(self) -> str:
        """``"sqlite"`` or ``"postgresql"``."""
        return self._database.dialect

    @property
    def database(self) -> Database:
        """The connection the tables share."""
        return self._database

    def atomic(self) -> AbstractContextManager[object]:
        """Group the store calls made inside into one transaction: all are kept, or none."""
        return self._database.transaction()

    def durability_mark(self) -> int:
        """A mark for ``make_durable``, taken when a request starts."""
        return self._database.mark()

    def expect_writes(self) -> None:
        """The request starting now is about to write: its reads may share the transaction its
        writes will join (see ``Database.open_group``)."""
        self._database.open_group()

    def after_commit(self, callback: Callable[[], None]) -> None:
        """Call ``callback`` once the writes made so far are committed; never if they are
        rolled back."""
        self._database.after_commit(callback)

    def make_durable(self, since: int) -> None:
        """Commit the writes made so far; before any response byte is sent.

        Raises:
            StoreFailure: A commit since the mark failed: the writes may be lost.
        """
        self._database.make_durable(since)

    async def durable(self, since: int) -> None:
        """``make_durable`` on the event loop, sharing the commit with the requests that
        reach their responses at the same moment.

        Raises:
            StoreFailure: A commit since the mark failed: the writes may be lost.
        """
        await self._database.durable(since)

    def close(self) -> None:
        """Close the connection; the store is unusable afterwards."""
        self._database.close()
