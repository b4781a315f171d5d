"""Guardrails in SQLite: one JSON document per guardrail, its name unique in the organization."""

from __future__ import annotations

from ..core.sqlite import Database, DocumentTable, SQLiteTables
from ..core.store import Page, Row

__all__ = ["GuardrailTables"]

_GUARDRAILS = DocumentTable("guardrails", columns=("name",))


class GuardrailTables(SQLiteTables):
    """The ``GuardrailStore`` part of the SQLite store."""

    SCHEMA = """
CREATE TABLE IF NOT EXISTS guardrails (
    pk INTEGER PRIMARY KEY AUTOINCREMENT, org_id TEXT NOT NULL, id TEXT NOT NULL,
    name TEXT NOT NULL, data TEXT NOT NULL,
    UNIQUE (org_id, id), UNIQUE (org_id, name));
"""

    @staticmethod
    def upgrade(database: Database) -> None:
        """Guardrails an older server wrote have no ``model_check``: give them none."""
        _GUARDRAILS.fill_missing(database, {"model_check": None})

    def insert_guardrail(self, org_id: str, guardrail: Row) -> None:
        """Store a new guardrail; ``Conflict`` when its name is taken."""
        _GUARDRAILS.insert(self._database, org_id, guardrail)

    def get_guardrail(self, org_id: str, guardrail_id: str) -> Row | None:
        """The guardrail, or ``None``."""
        return _GUARDRAILS.get(self._database, org_id, guardrail_id)

    def update_guardrail(self, org_id: str, guardrail: Row) -> None:
        """Replace the stored guardrail; ``Conflict`` when its new name is taken."""
        _GUARDRAILS.update(self._database, org_id, guardrail)

    def delete_guardrail(self, org_id: str, guardrail_id: str) -> bool:
        """Delete the guardrail; whether there was one."""
        return _GUARDRAILS.delete(self._database, org_id, guardrail_id)

    def list_guardrails(self, org_id: str, after: int, limit: int) -> Page:
        """Guardrails after the position ``after``, oldest first."""
        return _GUARDRAILS.page(self._database, org_id, after, limit)
