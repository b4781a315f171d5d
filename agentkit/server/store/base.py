"""The storage interface the routes use; a PostgreSQL store can implement it later.

Rows are plain JSON-ready dicts in their wire shape. Lists page by an opaque integer position
("after the row at position N"), oldest first, which stays stable while rows are inserted.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

__all__ = ["Conflict", "Event", "Page", "Row", "Store"]

Row = dict[str, Any]


class Conflict(Exception):
    """A unique constraint refused the write (an agent name or a chat id in use)."""


@dataclass(frozen=True, slots=True)
class Page:
    """One page of rows and the position of its last row when more follow."""

    rows: list[Row]
    next_position: int | None


@dataclass(frozen=True, slots=True)
class Event:
    """One stored stream event: ``seq`` counts up per stream from 1; ``data`` is JSON text."""

    seq: int
    kind: str
    data: str


class Store(Protocol):
    """Persistent state of the reference server; every method is one short transaction."""

    def close(self) -> None: ...

    def create_org(self) -> str: ...
    def add_key(self, org_id: str, key_hash: str) -> None: ...
    def org_for_key(self, key_hash: str) -> str | None: ...

    def insert_agent(self, org_id: str, agent: Row) -> None:
        """Raises ``Conflict`` when the organization has an agent of that name."""

    def get_agent(self, org_id: str, agent_id: str) -> Row | None: ...
    def agent_name_taken(self, org_id: str, name: str) -> bool: ...

    def update_agent(self, org_id: str, agent: Row) -> None:
        """Raises ``Conflict`` when the new name belongs to another agent."""

    def delete_agent(self, org_id: str, agent_id: str) -> bool: ...
    def list_agents(self, org_id: str, after: int, limit: int) -> Page: ...

    def insert_chat(self, org_id: str, chat: Row) -> None:
        """Raises ``Conflict`` when the organization has a chat with that id."""

    def get_chat(self, org_id: str, chat_id: str) -> Row | None: ...
    def update_chat(self, org_id: str, chat: Row) -> None: ...
    def list_chats(
        self, org_id: str, after: int, limit: int, status: str | None, agent_id: str | None
    ) -> Page: ...
    def insert_message(self, org_id: str, chat_id: str, message: Row) -> None: ...
    def list_messages(self, org_id: str, chat_id: str, after: int, limit: int) -> Page: ...

    def append_events(self, org_id: str, stream: str, rows: list[tuple[int, str, str]]) -> None:
        """Store events ``(seq, kind, data)`` of a stream, in one transaction."""

    def events_after(self, org_id: str, stream: str, after: int, limit: int) -> list[Event]: ...
    def last_event_seq(self, org_id: str, stream: str) -> int:
        """The seq of the stream's latest event, 0 before any."""

    def delete_events(self, org_id: str, stream: str) -> None: ...

    def insert_index(self, org_id: str, index: Row) -> None: ...
    def get_index(self, org_id: str, index_id: str) -> Row | None:
        """The index with its live ``document_count`` and ``chunk_count``."""

    def update_index(self, org_id: str, index: Row) -> None: ...
    def list_indexes(self, org_id: str, after: int, limit: int) -> Page: ...
    def delete_index(self, org_id: str, index_id: str) -> bool:
        """Delete the index with its documents and chunks."""

    def insert_document(self, org_id: str, document: Row, chunks: list[Row]) -> None:
        """Store a document (with its ``content``) and its chunks, searchable, in one go."""

    def get_document(self, org_id: str, index_id: str, document_id: str) -> Row | None:
        """The document with its ``content``."""

    def list_documents(self, org_id: str, index_id: str, after: int, limit: int) -> Page:
        """Documents without their ``content``."""

    def delete_document(self, org_id: str, index_id: str, document_id: str) -> bool: ...
    def search_chunks(self, org_id: str, index_ids: list[str], match: str, limit: int) -> list[Row]:
        """The best chunks of those indexes for an FTS5 ``MATCH`` expression, best first.

        Each row is a ``RetrievedChunk`` (``score`` is the negated bm25, higher is better).
        """

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

    def get_idempotent(self, org_id: str, key: str, since: float) -> Row | None:
        """The record stored for the key at or after the Unix time ``since``."""

    def put_idempotent(self, org_id: str, key: str, record: Row) -> None: ...
    def purge_idempotent(self, before: float) -> int: ...
