"""The storage the feedback family needs."""

from __future__ import annotations

from typing import Protocol

from ..core.store import Page, Row

__all__ = ["FeedbackStore"]


class FeedbackStore(Protocol):
    """Votes on messages, one per message, by organization."""

    def put_vote(self, org_id: str, vote: Row) -> Row:
        """Store the vote on its message, replacing the one there was; the vote as stored (its
        ``created_at`` the first vote's)."""

    def delete_vote(self, org_id: str, message_id: str) -> bool: ...
    def list_votes(self, org_id: str, conversation_id: str, after: int, limit: int) -> Page: ...
