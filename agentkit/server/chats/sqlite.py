"""Chats in SQLite: one JSON document per chat, and the messages of each chat in order."""

from __future__ import annotations

from ..core.sqlite import DocumentTable, SQLiteTables
from ..core.store import Page, Row

__all__ = ["ChatTables"]

_CHATS = DocumentTable("chats", columns=("status", "agent_id"))
_MESSAGES = DocumentTable("chat_messages", scope=("chat_id",), keyed=False)


class ChatTables(SQLiteTables):
    """The ``ChatStore`` part of the SQLite store."""

    SCHEMA = """
CREATE TABLE IF NOT EXISTS chats (
    pk INTEGER PRIMARY KEY AUTOINCREMENT, org_id TEXT NOT NULL, id TEXT NOT NULL,
    status TEXT NOT NULL, agent_id TEXT NOT NULL, data TEXT NOT NULL, UNIQUE (org_id, id));
CREATE TABLE IF NOT EXISTS chat_messages (
    pk INTEGER PRIMARY KEY AUTOINCREMENT, org_id TEXT NOT NULL, chat_id TEXT NOT NULL,
    data TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS chat_messages_by_chat ON chat_messages (org_id, chat_id, pk);
"""

    def insert_chat(self, org_id: str, chat: Row) -> None:
        """Store a new chat; ``Conflict`` when its id is taken."""
        _CHATS.insert(self._database, org_id, chat)

    def get_chat(self, org_id: str, chat_id: str) -> Row | None:
        """The chat, or ``None``."""
        return _CHATS.get(self._database, org_id, chat_id)

    def update_chat(self, org_id: str, chat: Row) -> None:
        """Replace the stored chat."""
        _CHATS.update(self._database, org_id, chat)

    def list_chats(
        self, org_id: str, after: int, limit: int, status: str | None, agent_id: str | None
    ) -> Page:
        """Chats after the position ``after``, oldest first, of a status and agent if given."""
        where = {"status": status, "agent_id": agent_id}
        return _CHATS.page(self._database, org_id, after, limit, where=where)

    def insert_chat_message(self, org_id: str, chat_id: str, message: Row) -> None:
        """Add a message to the end of the chat."""
        _MESSAGES.insert(self._database, org_id, message, chat_id)

    def list_chat_messages(self, org_id: str, chat_id: str, after: int, limit: int) -> Page:
        """The chat's messages after the position ``after``, oldest first."""
        return _MESSAGES.page(self._database, org_id, after, limit, chat_id)
