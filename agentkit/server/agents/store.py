"""The storage the agents family needs."""

from __future__ import annotations

from typing import Protocol

from ..core.store import Page, Row

__all__ = ["AgentStore"]


class AgentStore(Protocol):
    """Agents, by organization, and the chats their web front ends keep."""

    def insert_agent(self, org_id: str, agent: Row) -> None:
        """Raises ``Conflict`` when the organization has an agent of that name."""

    def get_agent(self, org_id: str, agent_id: str) -> Row | None: ...
    def get_agent_by_name(self, org_id: str, name: str) -> Row | None: ...
    def agent_name_taken(self, org_id: str, name: str) -> bool: ...

    def update_agent(self, org_id: str, agent: Row) -> None:
        """Raises ``Conflict`` when the new name belongs to another agent."""

    def delete_agent(self, org_id: str, agent_id: str) -> bool: ...
    def list_agents(self, org_id: str, after: int, limit: int) -> Page: ...

    def insert_agent_chat(self, org_id: str, agent_id: str, chat: Row) -> None:
        """Record a chat of the agent (its ``id`` is the ``useChat`` id)."""

    def get_agent_chat(self, org_id: str, agent_id: str, chat_id: str) -> Row | None: ...
    def list_agent_chats(self, org_id: str, agent_id: str, after: int, limit: int) -> Page: ...
    def delete_agent_chat(self, org_id: str, agent_id: str, chat_id: str) -> bool: ...
