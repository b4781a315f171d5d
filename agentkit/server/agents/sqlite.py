"""Agents in SQLite: one JSON document per agent, its name unique in the organization; and the
chats of each agent, keyed by their ``useChat`` id."""

from __future__ import annotations

import json

from ..core.sqlite import Database, DocumentTable, SQLiteTables
from ..core.store import Page, Row

__all__ = ["AgentTables"]

_AGENTS = DocumentTable("agents", columns=("name",))
_CHATS = DocumentTable("agent_chats", scope=("agent_id",))


class AgentTables(SQLiteTables):
    """The ``AgentStore`` part of the SQLite store."""

    SCHEMA = """
CREATE TABLE IF NOT EXISTS agents (
    pk INTEGER PRIMARY KEY AUTOINCREMENT, org_id TEXT NOT NULL, id TEXT NOT NULL,
    name TEXT NOT NULL, data TEXT NOT NULL,
    UNIQUE (org_id, id), UNIQUE (org_id, name));
CREATE TABLE IF NOT EXISTS agent_chats (
    pk INTEGER PRIMARY KEY AUTOINCREMENT, org_id TEXT NOT NULL, agent_id TEXT NOT NULL,
    id TEXT NOT NULL, data TEXT NOT NULL, UNIQUE (org_id, agent_id, id));
"""

    @staticmethod
    def upgrade(database: Database) -> None:
        """Agents an older server wrote lack the fields added since: give them their defaults."""
        _AGENTS.fill_missing(database, {"provider_id": None, "guardrail_ids": []})

    def insert_agent(self, org_id: str, agent: Row) -> None:
        """Store a new agent; ``Conflict`` when its name is taken."""
        _AGENTS.insert(self._database, org_id, agent)

    def get_agent(self, org_id: str, agent_id: str) -> Row | None:
        """The agent, or ``None``."""
        return _AGENTS.get(self._database, org_id, agent_id)

    def get_agent_by_name(self, org_id: str, name: str) -> Row | None:
        """The agent of this name, or ``None``."""
        row = self._database.one(
            "SELECT data FROM agents WHERE org_id = ? AND name = ?", org_id, name
        )
        if row is None:
            return None
        agent: Row = json.loads(row[0])
        return agent

    def agent_name_taken(self, org_id: str, name: str) -> bool:
        """Whether an agent of the organization has this name."""
        return _AGENTS.exists(self._database, org_id, "name", name)

    def update_agent(self, org_id: str, agent: Row) -> None:
        """Replace the stored agent; ``Conflict`` when its new name is taken."""
        _AGENTS.update(self._database, org_id, agent)

    def delete_agent(self, org_id: str, agent_id: str) -> bool:
        """Delete the agent and the record of its chats (their sessions stay); whether there
        was one."""
        with self._database.transaction():
            self._database.run(
                "DELETE FROM agent_chats WHERE org_id = ? AND agent_id = ?", org_id, agent_id
            )
            return _AGENTS.delete(self._database, org_id, agent_id)

    def list_agents(self, org_id: str, after: int, limit: int) -> Page:
        """Agents after the position ``after``, oldest first."""
        return _AGENTS.page(self._database, org_id, after, limit)

    def insert_agent_chat(self, org_id: str, agent_id: str, chat: Row) -> None:
        """Record a chat of the agent; ``Conflict`` when its id is recorded already."""
        _CHATS.insert(self._database, org_id, chat, agent_id)

    def get_agent_chat(self, org_id: str, agent_id: str, chat_id: str) -> Row | None:
        """The agent's chat of this id, or ``None``."""
        return _CHATS.get(self._database, org_id, agent_id, chat_id)

    def list_agent_chats(self, org_id: str, agent_id: str, after: int, limit: int) -> Page:
        """The agent's chats after the position ``after``, oldest first."""
        return _CHATS.page(self._database, org_id, after, limit, agent_id)

    def delete_agent_chat(self, org_id: str, agent_id: str, chat_id: str) -> bool:
        """Forget the agent's chat; whether there was one."""
        return _CHATS.delete(self._database, org_id, agent_id, chat_id)
