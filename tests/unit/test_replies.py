"""A chat reply is handed out only when it carries the agent's message."""

from __future__ import annotations

import pytest

from agentkit import APIResponse, APIResponseValidationError
from agentkit._replies import as_chat_reply, with_chat_reply
from agentkit.types import Chat
from tests.unit.samples import CHAT

MESSAGE = {
    "id": "msg_1",
    "role": "agent",
    "parts": [{"type": "text", "content": "hello"}],
    "created_at": "2026-01-01T00:00:00Z",
}


def response(chat: Chat) -> APIResponse[Chat]:
    return APIResponse(200, {"x-request-id": "req_9"}, chat, 0, None)


class TestChatReply:
    def test_a_chat_with_its_message_is_the_same_object(self) -> None:
        """The reply is the chat itself, its message in place."""
        chat = Chat.from_dict({**CHAT, "message": MESSAGE})
        assert as_chat_reply(chat) is chat
        assert with_chat_reply(response(chat)).parsed.message.parts[0].content == "hello"

    @pytest.mark.parametrize("message", [None, "missing"])
    def test_a_chat_without_its_message_is_a_response_error(self, message: object) -> None:
        """A reply without the agent's message is refused, naming the chat and the request."""
        data = dict(CHAT) if message == "missing" else {**CHAT, "message": None}
        with pytest.raises(APIResponseValidationError, match="chat_1") as caught:
            with_chat_reply(response(Chat.from_dict(data)))
        assert caught.value.request_id == "req_9"
