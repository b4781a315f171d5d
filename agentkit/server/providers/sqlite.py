"""Providers in SQLite: one JSON document per provider, its name unique in the organization."""

from __future__ import annotations

from ..core.sqlite import DocumentTable, SQLiteTables
from ..core.store import Page, Row

__all__ = ["ProviderTables"]

_PROVIDERS = DocumentTable("providers", columns=("name",))


class ProviderTables(SQLiteTables):
    """The ``ProviderStore`` part of the SQLite store."""

    SCHEMA = """
CREATE TABLE IF NOT EXISTS providers (
    pk INTEGER PRIMARY KEY AUTOINCREMENT, org_id TEXT NOT NULL, id TEXT NOT NULL,
    name TEXT NOT NULL, data TEXT NOT NULL,
    UNIQUE (org_id, id), UNIQUE (org_id, name));
"""

    def insert_provider(self, org_id: str, provider: Row) -> None:
        """Store a new provider; ``Conflict`` when its name is taken."""
        _PROVIDERS.insert(self._database, org_id, provider)

    def get_provider(self, org_id: str, provider_id: str) -> Row | None:
        """The provider, or ``None``."""
        return _PROVIDERS.get(self._database, org_id, provider_id)

    def update_provider(self, org_id: str, provider: Row) -> None:
        """Replace the stored provider; ``Conflict`` when its new name is taken."""
        _PROVIDERS.update(self._database, org_id, provider)

    def delete_provider(self, org_id: str, provider_id: str) -> bool:
        """Delete the provider; whether there was one."""
        return _PROVIDERS.delete(self._database, org_id, provider_id)

    def list_providers(self, org_id: str, after: int, limit: int) -> Page:
        """Providers after the position ``after``, oldest first."""
        return _PROVIDERS.page(self._database, org_id, after, limit)
