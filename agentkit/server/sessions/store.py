"""The storage the sessions family needs."""

from __future__ import annotations

from typing import Protocol

from ..core.store import Page, Row

__all__ = ["SessionStore"]


class SessionStore(Protocol):
    """Sessions and their messages, each message stamped by the event that last changed it."""

    def insert_session(self, org_id: str, session: Row) -> None: ...
    def get_session(self, org_id: str, session_id: str) -> Row | None:
        """The session row with its live ``message_count`` (without its messages)."""

    def update_session(self, org_id: str, session: Row) -> None: ...
    def delete_session(self, org_id: str, session_id: str) -> bool:
        """Delete the session with its messages."""

    def list_sessions(self, org_id: str, after: int, limit: int, agent_id: str | None) -> Page:
        """Session rows with their live ``message_count``."""

    def put_session_message(self, org_id: str, session_id: str, message: Row, stamp: int) -> None:
        """Insert or replace the message at its ``index``; ``stamp`` is the event id of the change."""

    def session_messages(self, org_id: str, session_id: str, changed_after: int = -1) -> list[Row]:
        """The session's messages in index order, only those stamped after ``changed_after``."""

    def session_message(self, org_id: str, session_id: str, index: int) -> Row | None: ...

    def message_stamps(self, org_id: str, session_id: str, status: str) -> list[tuple[Row, int]]:
        """The session's messages of a status, in index order, with the stamp of each."""

    def sessions_in_status(self, status: str) -> list[tuple[str, str]]:
        """``(org_id, session_id)`` of every organization's sessions in a status."""
