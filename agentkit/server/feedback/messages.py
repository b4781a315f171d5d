"""The agent's messages votes are cast on: found in the chat or session they belong to."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..core.errors import ApiError, invalid
from ..core.store import Row

if TYPE_CHECKING:
    from ..store import Store

__all__ = ["agent_message"]

_PAGE = 100
# The roles of the agent's own messages: in chats, and in sessions.
_AGENT_ROLES = frozenset({"agent", "assistant"})


def _chat_messages(store: Store, org_id: str, chat_id: str, where: Row) -> list[Row]:
    if store.get_chat(org_id, chat_id) is None:
        raise ApiError("CHAT_NOT_FOUND", f"no chat {chat_id!r}", where)
    messages: list[Row] = []
    after = 0
    while True:
        page = store.list_chat_messages(org_id, chat_id, after, _PAGE)
        messages.extend(page.rows)
        if page.next_position is None:
            return messages
        after = page.next_position


def _session_messages(store: Store, org_id: str, session_id: str, where: Row) -> list[Row]:
    if store.get_session(org_id, session_id) is None:
        raise ApiError("SESSION_NOT_FOUND", f"no session {session_id!r}", where)
    return store.session_messages(org_id, session_id)


def conversation_messages(
    store: Store, org_id: str, conversation_id: str, location: str = "body"
) -> list[Row]:
    """The messages of a chat or a session of the organization, its id sent as
    ``conversation_id`` in the ``location`` named.

    Raises:
        ApiError: CHAT_NOT_FOUND or SESSION_NOT_FOUND; VALIDATION_ERROR for an id of neither.
    """
    where: Row = {"field": "conversation_id", "location": location}
    if conversation_id.startswith("chat_"):
        return _chat_messages(store, org_id, conversation_id, where)
    if conversation_id.startswith("ses_"):
        return _session_messages(store, org_id, conversation_id, where)
    raise invalid(
        "conversation_id", "must be the id of a chat (chat_...) or a session (ses_...)", location
    )


def agent_message(store: Store, org_id: str, conversation_id: str, message_id: str) -> Row:
    """The agent's message ``message_id`` of the conversation.

    Raises:
        ApiError: the conversation is not found; NOT_FOUND when the message is not in it;
            VALIDATION_ERROR when it is not the agent's.
    """
    messages = conversation_messages(store, org_id, conversation_id)
    message = next((m for m in messages if m.get("id") == message_id), None)
    if message is None:
        raise ApiError(
            "NOT_FOUND",
            f"no message {message_id!r} in {conversation_id!r}",
            {"field": "message_id", "location": "path"},
        )
    if message.get("role") not in _AGENT_ROLES:
        raise invalid("message_id", "only the agent's messages take votes", "path")
    return message
