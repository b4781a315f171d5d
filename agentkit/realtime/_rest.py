"""The REST calls the realtime client makes through an agentkit client: sync pages, the sync
acknowledgement and a conversation's history after a seq."""

from __future__ import annotations

from typing import TYPE_CHECKING

from agentkit_api.models import Message, MessagePage, SyncPage

if TYPE_CHECKING:
    from .._async.client import AsyncAgentKit
    from .._sync.client import AgentKit

__all__ = [
    "aack_sync",
    "ack_sync",
    "afetch_history",
    "afetch_sync",
    "fetch_history",
    "fetch_sync",
]

Rows = list[tuple[str, Message]]


def _rows(page: SyncPage) -> tuple[Rows, bool]:
    return [(row.delivery_id, row.message) for row in page.data], page.has_more


async def afetch_sync(client: AsyncAgentKit, after: str | None, limit: int) -> tuple[Rows, bool]:
    """A page of the offline deliveries after ``after``."""
    return _rows(await client.messages.sync(after=after, limit=limit))


async def aack_sync(client: AsyncAgentKit, last_delivery_id: str) -> None:
    """Acknowledge the deliveries up to ``last_delivery_id``."""
    await client.messages.ack_sync(last_delivery_id)


async def afetch_history(
    client: AsyncAgentKit, conversation_id: str, after_seq: int, limit: int
) -> tuple[list[Message], bool]:
    """A conversation's messages after ``after_seq``, oldest first."""
    page: MessagePage = await client.messages.list_page(
        conversation_id, after_seq=after_seq, limit=limit
    )
    return list(page.data), page.has_more


def fetch_sync(client: AgentKit, after: str | None, limit: int) -> tuple[Rows, bool]:
    """A page of the offline deliveries after ``after``."""
    return _rows(client.messages.sync(after=after, limit=limit))


def ack_sync(client: AgentKit, last_delivery_id: str) -> None:
    """Acknowledge the deliveries up to ``last_delivery_id``."""
    client.messages.ack_sync(last_delivery_id)


def fetch_history(
    client: AgentKit, conversation_id: str, after_seq: int, limit: int
) -> tuple[list[Message], bool]:
    """A conversation's messages after ``after_seq``, oldest first."""
    page: MessagePage = client.messages.list_page(conversation_id, after_seq=after_seq, limit=limit)
    return list(page.data), page.has_more
