"""``client.conversations``: the conversations you belong to."""

from __future__ import annotations

from collections.abc import Sequence

from agentkit_api.models import Conversation, Deleted, Participant

from ..._response import APIResponse
from ..endpoint import async_endpoint
from ..pagination import AsyncPager
from ._base import AsyncResource

__all__ = ["AsyncConversations"]


class AsyncConversations(AsyncResource):
    """List your conversations, see who is in one, and hide one for yourself."""

    def list(self, *, page_size: int = 20) -> AsyncPager[Conversation]:
        """Your visible conversations, most recently active first, with unread counts and the
        last message, fetched page by page as you iterate."""
        return self._cursor_pager("conversations_list", page_size=page_size)

    @async_endpoint
    async def get(self, conversation_id: str) -> APIResponse[Conversation]:
        """One of your conversations.

        Raises:
            ConversationNotFoundError: No conversation of yours has this id.
        """
        return await self._client._call("conversations_get", conversation_id=conversation_id)

    async def participants(self, conversation_id: str) -> Sequence[Participant]:
        """The members of a conversation (handle and display name).

        Raises:
            ConversationNotFoundError: No conversation of yours has this id.
        """
        response = await self._client._call(
            "conversations_participants", conversation_id=conversation_id
        )
        participants: Sequence[Participant] = response.parsed.data
        return participants

    @async_endpoint
    async def hide(self, conversation_id: str) -> APIResponse[Deleted]:
        """Hide a conversation for yourself; it comes back when a new message arrives.

        Raises:
            ConversationNotFoundError: No conversation of yours has this id.
        """
        return await self._client._call("conversations_hide", conversation_id=conversation_id)
