"""Sub-agents' conversations in SQLite: one JSON document per session and sub-agent."""

from __future__ import annotations

from ..core.sqlite import DocumentTable, SQLiteTables
from ..core.store import Page, Row

__all__ = ["DelegationTables"]

_DELEGATIONS = DocumentTable("delegations", scope=("session_id",))


class DelegationTables(SQLiteTables):
    """The ``DelegationStore`` part of the SQLite store."""

    SCHEMA = """
CREATE TABLE IF NOT EXISTS delegations (
    pk INTEGER PRIMARY KEY AUTOINCREMENT, org_id TEXT NOT NULL, session_id TEXT NOT NULL,
    id TEXT NOT NULL, data TEXT NOT NULL,
    UNIQUE (org_id, session_id, id));
"""

    def get_delegation(self, org_id: str, session_id: str, delegation_id: str) -> Row | None:
        """The conversation, or ``None``."""
        return _DELEGATIONS.get(self._database, org_id, session_id, delegation_id)

    def save_delegation(self, org_id: str, session_id: str, delegation: Row) -> None:
        """Store the conversation, new or grown."""
        if not _DELEGATIONS.update(self._database, org_id, delegation, session_id):
            _DELEGATIONS.insert(self._database, org_id, delegation, session_id)

    def list_delegations(self, org_id: str, session_id: str, after: int, limit: int) -> Page:
        """The session's conversations after the position ``after``, oldest first."""
        return _DELEGATIONS.page(self._database, org_id, after, limit, session_id)
