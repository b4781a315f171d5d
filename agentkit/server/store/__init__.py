"""Storage behind one interface: ``Store``. SQLite is the embedded default."""

from .base import Page, Store
from .sqlite import SQLiteStore

__all__ = ["Page", "SQLiteStore", "Store"]
