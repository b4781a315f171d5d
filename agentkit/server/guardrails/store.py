"""The storage the guardrails family needs."""

from __future__ import annotations

from typing import Protocol

from ..core.store import Page, Row

__all__ = ["GuardrailStore"]


class GuardrailStore(Protocol):
    """Guardrails, by organization."""

    def insert_guardrail(self, org_id: str, guardrail: Row) -> None:
        """Raises ``Conflict`` when the organization has a guardrail of that name."""

    def get_guardrail(self, org_id: str, guardrail_id: str) -> Row | None: ...

    def update_guardrail(self, org_id: str, guardrail: Row) -> None:
        """Raises ``Conflict`` when the new name belongs to another guardrail."""

    def delete_guardrail(self, org_id: str, guardrail_id: str) -> bool: ...
    def list_guardrails(self, org_id: str, after: int, limit: int) -> Page: ...
