"""``client.chats``: chats with a target agent, optionally streamed."""

from __future__ import annotations

from collections.abc import Mapping

from agentkit_api.models import (
    Chat,
    ChatEnd,
    ChatMessage,
    ChatMessageSend,
    ChatStart,
    ChatStatus,
    Metadata,
)

from ..._compat import enum_member
from ..._ids import IdInput, as_id
from ..._inputs import MessageInput, given, to_message, to_metadata
from ..._replies import ChatReply, with_chat_reply
from ..._response import APIResponse
from ..endpoint import async_endpoint
from ..pagination import AsyncPager
from ..streaming import AsyncChatStream
from ._base import AsyncResource

__all__ = ["AsyncChats"]


def _start_body(
    agent: IdInput,
    message: MessageInput,
    chat_id: str | None,
    metadata: Mapping[str, object] | Metadata | None,
    trace_id: str | None,
) -> ChatStart:
    return ChatStart(
        agent_id=as_id(agent, "agent"),
        message=to_message(message),
        chat_id=given(chat_id),
        metadata=to_metadata(metadata),
        trace_id=given(trace_id),
    )


def _message_body(message: MessageInput, trace_id: str | None) -> ChatMessageSend:
    return ChatMessageSend(message=to_message(message), trace_id=given(trace_id))


class AsyncChats(AsyncResource):
    """Chats: start one with an agent, exchange messages, end it. States: ACTIVE, PAUSED, CLOSED.

    A message can be a string, a part from ``agentkit.parts``, a list of parts and strings, or a
    dict in the wire format.
    """

    @async_endpoint
    async def start(
        self,
        agent: IdInput,
        message: MessageInput,
        *,
        chat_id: str | None = None,
        metadata: Mapping[str, object] | Metadata | None = None,
        trace_id: str | None = None,
        idempotency_key: str | None = None,
    ) -> APIResponse[ChatReply]:
        """Start a chat with ``agent`` and wait for its first reply (``chat.message``).

        Args:
            agent: The target agent's id.
            message: The opening message.
            chat_id: Your own id for the chat; the server makes one otherwise.
            metadata: Free-form JSON kept with the chat.
            trace_id: A workflow trace id to keep with the chat.
            idempotency_key: Makes retries of this call safe across processes.

        Raises:
            AgentNotFoundError: No such agent among yours.
            ChatIdTakenError: ``chat_id`` is already in use.
            InvalidChatMessageError: The message cannot be sent as it is.
        """
        body = _start_body(agent, message, chat_id, metadata, trace_id)
        response = await self._client._call(
            "chats_start", body=body, idempotency_key=idempotency_key
        )
        return with_chat_reply(response)

    def stream_start(
        self,
        agent: IdInput,
        message: MessageInput,
        *,
        chat_id: str | None = None,
        metadata: Mapping[str, object] | Metadata | None = None,
        trace_id: str | None = None,
        idempotency_key: str | None = None,
    ) -> AsyncChatStream:
        """Start a chat and stream the agent's first reply.

        Returns a stream that connects when entered or first iterated. Its events are
        ``ChatMetadataEvent`` (its ``chat_id`` names the new chat), ``ChatContentEvent`` deltas
        and a final ``ChatDoneEvent``; an ``error`` event raises its mapped exception.
        """
        body = _start_body(agent, message, chat_id, metadata, trace_id)
        return self._client._stream(
            AsyncChatStream, "chats_start_stream", body=body, idempotency_key=idempotency_key
        )

    @async_endpoint
    async def message(
        self,
        chat_id: IdInput,
        message: MessageInput,
        *,
        trace_id: str | None = None,
        idempotency_key: str | None = None,
    ) -> APIResponse[ChatReply]:
        """Send a message to an active chat and wait for the reply (``chat.message``).

        Raises:
            ChatNotFoundError: No such chat among yours.
            ChatAlreadyClosedError: The chat was ended; start a new one.
            ChatNotActiveError: The chat is paused, or busy with another turn.
            ChatBufferOverflowError: The chat holds as many messages as it may.
            InvalidChatMessageError: The message cannot be sent as it is.
        """
        body = _message_body(message, trace_id)
        response = await self._client._call(
            "chats_message", chat_id=chat_id, body=body, idempotency_key=idempotency_key
        )
        return with_chat_reply(response)

    def stream_message(
        self,
        chat_id: IdInput,
        message: MessageInput,
        *,
        trace_id: str | None = None,
        idempotency_key: str | None = None,
    ) -> AsyncChatStream:
        """Send a message and stream the reply; the same events and errors as ``stream_start``."""
        body = _message_body(message, trace_id)
        return self._client._stream(
            AsyncChatStream,
            "chats_message_stream",
            chat_id=chat_id,
            body=body,
            idempotency_key=idempotency_key,
        )

    def events(self, chat_id: IdInput, *, after: str | None = None) -> AsyncChatStream:
        """Follow a chat's events after event id ``after`` until the turn in progress ends."""
        return self._client._stream(
            AsyncChatStream,
            "chats_events",
            chat_id=chat_id,
            after=after or None,
            options={"end_on_eof": True},
        )

    @async_endpoint
    async def end(
        self,
        chat_id: IdInput,
        *,
        reason: str | None = None,
        trace_id: str | None = None,
        idempotency_key: str | None = None,
    ) -> APIResponse[Chat]:
        """End a chat. A closed chat cannot be resumed.

        Raises:
            ChatNotFoundError: No such chat among yours.
            ChatAlreadyClosedError: The chat was already ended.
        """
        body = ChatEnd(
            reason=given(reason),
            trace_id=given(trace_id),
        )
        return await self._client._call(
            "chats_end", chat_id=chat_id, body=body, idempotency_key=idempotency_key
        )

    @async_endpoint
    async def pause(self, chat_id: IdInput) -> APIResponse[Chat]:
        """Pause an active chat; messages are refused until it is resumed."""
        return await self._client._call("chats_pause", chat_id=chat_id)

    @async_endpoint
    async def resume(self, chat_id: IdInput) -> APIResponse[Chat]:
        """Resume a paused chat."""
        return await self._client._call("chats_resume", chat_id=chat_id)

    @async_endpoint
    async def get(self, chat_id: IdInput) -> APIResponse[Chat]:
        """Get a chat.

        Raises:
            ChatNotFoundError: No such chat among yours.
        """
        return await self._client._call("chats_get", chat_id=chat_id)

    def list_messages(self, chat_id: IdInput, *, page_size: int = 20) -> AsyncPager[ChatMessage]:
        """The chat's messages, oldest first, fetched page by page as you iterate."""

        return self._cursor_pager("chats_list_messages", chat_id=chat_id, page_size=page_size)

    def list(
        self,
        *,
        status: ChatStatus | str | None = None,
        agent: IdInput | None = None,
        page_size: int = 20,
    ) -> AsyncPager[Chat]:
        """Your chats, oldest first, optionally only those in one state or with one agent."""

        return self._cursor_pager(
            "chats_list",
            page_size=page_size,
            status=None if status is None else enum_member(ChatStatus, status),
            agent_id=None if agent is None else as_id(agent, "agent"),
        )
