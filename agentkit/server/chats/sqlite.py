"""Chats in SQLite: one JSON document per chat, the messages of each chat in order, and the
turns in progress (one row per chat while its turn runs)."""

from __future__ import annotations

from ..core.sqlite import Database, DocumentTable, SQLiteTables
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
CREATE TABLE IF NOT EXISTS chat_turns (
    org_id TEXT NOT NULL, chat_id TEXT NOT NULL, reply_id TEXT NOT NULL,
    first_seq INTEGER NOT NULL, PRIMARY KEY (org_id, chat_id)) WITHOUT ROWID;
"""

    def __init__(self, database: str | Database) -> None:
        super().__init__(database)
        # A SQLite file is one server's: the chats whose turn is noted are those noted when it
        # opened and since, so a chat with none is known without a read. Instances sharing a
        # PostgreSQL database note turns too: there, every look is a read.
        self._noted: dict[tuple[str, str], int] | None = None
        if self.dialect == "sqlite":
            self._noted = dict.fromkeys(self.open_chat_turns(), 0)

    def insert_chat(self, org_id: str, chat: Row) -> None:
        """Store a new chat; ``Conflict`` when its id is taken."""
        _CHATS.insert(self._database, org_id, chat)

    def get_chat(self, org_id: str, chat_id: str) -> Row | None:
        """The chat, or ``None``."""
        return _CHATS.get(self._database, org_id, chat_id)

    def update_chat(self, org_id: str, chat: Row) -> str:
        """Replace the stored chat; the JSON text it is stored as (``json.dumps`` of it)."""
        return _CHATS.replace(self._database, org_id, chat)

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

    def last_chat_messages(self, org_id: str, chat_id: str, count: int) -> list[Row]:
        """The chat's last ``count`` messages, oldest first."""
        return _MESSAGES.last(self._database, org_id, count, chat_id)

    def open_chat_turn(self, org_id: str, chat_id: str, reply_id: str, first_seq: int) -> None:
        """Note that a turn of the chat runs: its reply's id and the seq of its first event."""
        self._database.run(
            "INSERT INTO chat_turns VALUES (?, ?, ?, ?) ON CONFLICT (org_id, chat_id)"
            " DO UPDATE SET reply_id = excluded.reply_id, first_seq = excluded.first_seq",
            org_id,
            chat_id,
            reply_id,
            first_seq,
        )
        if self._noted is not None:
            # Counted, so that the end of an earlier turn, committed later, forgets no note.
            key = (org_id, chat_id)
            self._noted[key] = self._noted.get(key, 0) + 1

    def chat_turn(self, org_id: str, chat_id: str) -> tuple[str, int] | None:
        """The chat's turn noted as running: ``(reply_id, first_seq)``, or ``None``."""
        if self._noted is not None and (org_id, chat_id) not in self._noted:
            return None
        row = self._database.one(
            "SELECT reply_id, first_seq FROM chat_turns WHERE org_id = ? AND chat_id = ?",
            org_id,
            chat_id,
        )
        return (str(row[0]), int(row[1])) if row else None

    def close_chat_turn(self, org_id: str, chat_id: str) -> None:
        """Note that the chat's turn is over."""
        self._database.run(
            "DELETE FROM chat_turns WHERE org_id = ? AND chat_id = ?", org_id, chat_id
        )
        noted = self._noted
        if noted is not None:
            key = (org_id, chat_id)
            count = noted.get(key)

            def forget() -> None:  # once the delete is kept, unless noted again since
                if noted.get(key) == count:
                    noted.pop(key, None)

            self._database.after_commit(forget)

    def open_chat_turns(self) -> list[tuple[str, str]]:
        """``(org_id, chat_id)`` of every chat whose turn is noted as running."""
        rows = self._database.all("SELECT org_id, chat_id FROM chat_turns")
        return [(str(org_id), str(chat_id)) for org_id, chat_id in rows]
