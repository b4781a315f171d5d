"""Storage behind one interface, ``Store``; SQLite is the embedded default."""

from .base import Conflict, Event, Page, Row, Store
from .sqlite import SQLiteStore

__all__ = ["Conflict", "Event", "Page", "Row", "SQLiteStore", "Store"]
