"""The storage the delegations family needs."""

from __future__ import annotations

from typing import Protocol

from ..core.store import Page, Row

__all__ = ["DelegationStore"]


class DelegationStore(Protocol):
    """Sub-agents' conversations, one per session and sub-agent."""

    def get_delegation(self, org_id: str, session_id: str, delegation_id: str) -> Row | None: ...
    def save_delegation(self, org_id: str, session_id: str, delegation: Row) -> None: ...
    def list_delegations(self, org_id: str, session_id: str, after: int, limit: int) -> Page: ...
