# Generated from agentkit/_async by scripts/unasync.py: edit the async source, not this file.
"""``client.feedback``: up and down votes on agents' messages in chats and sessions."""

from __future__ import annotations

from typing import Literal

from agentkit_api.models import Deleted, Vote, VoteCast, VoteValue

from ..._compat import enum_member
from ..._response import APIResponse
from ..endpoint import endpoint
from ..pagination import Pager
from ._base import SyncResource

__all__ = ["Feedback"]


class Feedback(SyncResource):
    """Votes, with an optional comment, on the agent's messages of a chat or a session."""

    @endpoint
    def vote(
        self,
        message_id: str,
        *,
        conversation_id: str,
        vote: VoteValue | Literal["up", "down"],
        comment: str | None = None,
    ) -> APIResponse[Vote]:
        """Vote on an agent's message; voting again replaces the vote and its comment.

        Args:
            message_id: The agent's message (``msg_...``).
            conversation_id: The chat (``chat_...``) or session (``ses_...``) it is in.
            vote: ``"up"`` or ``"down"``.
            comment: Why, in a few words (at most 2,000 characters).

        Raises:
            ChatNotFoundError: No such chat among yours.
            SessionNotFoundError: No such session among yours.
            NotFoundError: The message is not in the conversation.
            ValidationError: The message is not the agent's, or a field is not valid.
        """
        body = VoteCast(
            conversation_id=conversation_id, vote=enum_member(VoteValue, vote), comment=comment
        )
        return self._client._call("feedback_vote", message_id=message_id, body=body)

    @endpoint
    def delete_vote(self, message_id: str) -> APIResponse[Deleted]:
        """Take back the vote on a message.

        Raises:
            NotFoundError: There is no vote on the message.
        """
        return self._client._call("feedback_delete_vote", message_id=message_id)

    def list_votes(self, conversation_id: str, *, page_size: int = 20) -> Pager[Vote]:
        """The votes on a conversation's messages, in the order first cast, page by page.

        Raises:
            ChatNotFoundError: No such chat among yours (raised when iterating).
            SessionNotFoundError: No such session among yours (raised when iterating).
        """
        return self._cursor_pager(
            "feedback_list_votes", page_size=page_size, conversation_id=conversation_id
        )
