"""The storage the chats family needs."""

from __future__ import annotations

from typing import Protocol

from ..core.store import Page, Row

__all__ = ["ChatStore"]


class ChatStore(Protocol):
    """Chats, their messages and their turns in progress, by organization."""

    def insert_chat(self, org_id: str, chat: Row) -> None:
        """Raises ``Conflict`` when the organization has a chat with that id."""

    def get_chat(self, org_id: str, chat_id: str) -> Row | None: ...
    def update_chat(self, org_id: str, chat: Row) -> str:
        """Replace the stored chat; the JSON text it is stored as (``json.dumps`` of it)."""

    def list_chats(
        self, org_id: str, after: int, limit: int, status: str | None, agent_id: str | None
    ) -> Page: ...
    def insert_chat_message(self, org_id: str, chat_id: str, message: Row) -> None: ...
    def list_chat_messages(self, org_id: str, chat_id: str, after: int, limit: int) -> Page: ...
    def last_chat_messages(self, org_id: str, chat_id: str, count: int) -> list[Row]:
        """The chat's last ``count`` messages, oldest first."""

    def open_chat_turn(self, org_id: str, chat_id: str, reply_id: str, first_seq: int) -> None:
        """Note that a turn of the chat runs, until ``close_chat_turn``."""

    def chat_turn(self, org_id: str, chat_id: str) -> tuple[str, int] | None:
        """The chat's turn noted as running: ``(reply_id, first_seq)``, or ``None``."""

    def close_chat_turn(self, org_id: str, chat_id: str) -> None: ...
    def open_chat_turns(self) -> list[tuple[str, str]]:
        """``(org_id, chat_id)`` of every chat whose turn is noted as running."""
