"""Result types that say what a successful call always carries.

A ``Chat`` read with ``chats.get`` may have no message yet, so the generated model types
``message`` as ``ChatMessage | None``. The reply of ``chats.start`` and
``chats.message`` always has one: those calls return a ``ChatReply``, the same ``Chat`` object
at run time, whose ``message`` a type checker knows is there. The SDK checks that it is before
handing the result out.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from agentkit_api.models import Chat, ChatMessage

from ._errors import APIResponseValidationError
from ._response import APIResponse

__all__ = ["ChatReply", "as_chat_reply", "with_chat_reply"]

if TYPE_CHECKING:

    class ChatReply(Chat):
        """A ``Chat`` with the agent's reply in ``message``."""

        message: ChatMessage

else:
    ChatReply = Chat


def as_chat_reply(chat: Chat, request_id: str | None = None) -> ChatReply:
    """``chat`` typed as a ``ChatReply``, once it is seen to carry its message.

    Raises:
        APIResponseValidationError: The server's chat has no message.
    """
    if not isinstance(chat.message, ChatMessage):
        raise APIResponseValidationError(
            f"the chat {chat.id} came back without the agent's reply", request_id=request_id
        )
    return cast(ChatReply, chat)


def with_chat_reply(response: APIResponse[Chat]) -> APIResponse[ChatReply]:
    """``response`` with its chat typed as a ``ChatReply``.

    Raises:
        APIResponseValidationError: The server's chat has no message.
    """
    as_chat_reply(response.parsed, response.request_id)
    return cast(APIResponse[ChatReply], response)
