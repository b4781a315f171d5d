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
    """One stored stream event: ``seq`` counts up per chat from 1; ``data`` is JSON text."""

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

    def append_event(self, org_id: str, chat_id: str, kind: str, data: Row) -> int:
        """Store an event under the chat's next ``seq`` and return that ``seq``."""

    def events_after(self, org_id: str, chat_id: str, after: int, limit: int) -> list[Event]: ...

    def get_idempotent(self, org_id: str, key: str, since: float) -> Row | None:
        """The record stored for the key at or after the Unix time ``since``."""

    def put_idempotent(self, org_id: str, key: str, record: Row) -> None: ...
    def purge_idempotent(self, before: float) -> int: ...
