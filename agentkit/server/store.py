"""The server's storage: ``Store`` (every family's store protocol in one), ``SQLiteStore`` (on
a SQLite file, the embedded default, or on a PostgreSQL database), and the row types they
share."""

from .core.store import Conflict, Event, Page, Row
from .families import SQLiteStore, Store

__all__ = ["Conflict", "Event", "Page", "Row", "SQLiteStore", "Store"]
