"""The storage the providers family needs."""

from __future__ import annotations

from typing import Protocol

from ..core.store import Page, Row

__all__ = ["ProviderStore"]


class ProviderStore(Protocol):
    """Upstream providers, by organization; a stored provider holds its key sealed only."""

    def insert_provider(self, org_id: str, provider: Row) -> None:
        """Raises ``Conflict`` when the organization has a provider of that name."""

    def get_provider(self, org_id: str, provider_id: str) -> Row | None: ...

    def update_provider(self, org_id: str, provider: Row) -> None:
        """Raises ``Conflict`` when the new name belongs to another provider."""

    def delete_provider(self, org_id: str, provider_id: str) -> bool: ...
    def list_providers(self, org_id: str, after: int, limit: int) -> Page: ...
