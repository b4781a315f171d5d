"""``client.messages``: send messages to other identities, read conversations by seq, and
sync the deliveries not yet acknowledged."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

from agentkit_api.models import (
    Deleted,
    Message,
    MessageContent,
    MessagePage,
    MessageSend,
    Metadata,
    ReadCursor,
    SyncAck,
    SyncAckResult,
    SyncDelivery,
    SyncPage,
)
from agentkit_api.types import UNSET

from ..._backlog import backlog_warnings
from ..._inputs import to_metadata
from ..._page import Page
from ..._response import APIResponse
from ..endpoint import async_endpoint
from ..pagination import AsyncPager
from ._base import AsyncResource

__all__ = ["AsyncMessages", "to_content"]


def to_content(content: str | Mapping[str, Any] | MessageContent) -> MessageContent:
    """A message's content: a string is its text; a dict holds ``text``, ``data`` and/or
    ``attachment_id``."""
    if isinstance(content, MessageContent):
        return content
    if isinstance(content, str):
        return MessageContent(text=content)
    return MessageContent.from_dict(dict(content))


class AsyncMessages(AsyncResource):
    """Send messages, read a conversation's history, move your read cursor, hide messages."""

    @async_endpoint
    async def send(
        self,
        content: str | Mapping[str, Any] | MessageContent,
        *,
        to: str | None = None,
        conversation_id: str | None = None,
        metadata: Mapping[str, Any] | Metadata | None = None,
        client_msg_id: str | None = None,
        group_id: str | None = None,
    ) -> APIResponse[Message]:
        """Send a message to a handle (``to="@alice"`` or ``"alice"``), into a conversation, or
        to a group (``group_id``).

        Every send carries a ``client_msg_id`` (a UUID made for you when you give none): the
        server keeps the message it made for that id for good, so this call is retried on every
        transient failure without a duplicate, and sending it again later returns the same
        message. Give your own id to tie the send to an operation of yours.

        When a recipient's backlog passes the server's soft threshold, the client's
        ``on_backlog_warning`` is called; ``send.with_raw_response(...)`` shows the header, and
        ``agentkit.backlog_warnings(response.headers)`` reads it.

        Raises:
            RecipientBackloggedError: A recipient's backlog is full (``handle``,
                ``undelivered_count``).
            BlockedError: The recipient blocks you.
            GroupDeletedError: The group was deleted.
            IdentityNotFoundError: No identity has the handle ``to``, or your key has no
                messaging identity.
            ConversationNotFoundError: No conversation of yours has this id.
            GroupNotFoundError: No group of yours has the id ``group_id``.
            ClientMsgIdReusedError: The ``client_msg_id`` was used for other content.
            ValidationError: Not exactly one of ``to``, ``conversation_id`` and ``group_id``, or
                bad content.
        """
        body = MessageSend(
            client_msg_id=client_msg_id or str(uuid.uuid4()),
            content=to_content(content),
            to=UNSET if to is None else to,
            conversation_id=UNSET if conversation_id is None else conversation_id,
            group_id=UNSET if group_id is None else group_id,
            metadata=to_metadata(metadata),
        )
        response = await self._client._call("messages_send", body=body)
        callback = self._client._settings.on_backlog_warning
        if callback is not None:
            for warning in backlog_warnings(response.headers):
                callback(warning)
        return response

    @async_endpoint
    async def list_page(
        self,
        conversation_id: str,
        *,
        after_seq: int | None = None,
        before_seq: int | None = None,
        limit: int | None = None,
    ) -> APIResponse[MessagePage]:
        """One page of a conversation's messages: after ``after_seq`` oldest first, or before
        ``before_seq`` (or the newest, without either) newest first. Both seqs exclusive.

        Raises:
            ConversationNotFoundError: No conversation of yours has this id.
            GroupNotFoundError: No group of yours has the id ``group_id``.
            ValidationError: Both ``after_seq`` and ``before_seq`` were given.
        """
        return await self._client._call(
            "messages_list",
            conversation_id=conversation_id,
            after_seq=after_seq,
            before_seq=before_seq,
            limit=limit,
        )

    def history(
        self,
        conversation_id: str,
        *,
        after_seq: int | None = None,
        before_seq: int | None = None,
        page_size: int = 50,
    ) -> AsyncPager[Message]:
        """Every message of a conversation, fetched page by page as you iterate.

        Forward (oldest first) from after ``after_seq`` (default: from the start), or backward
        (newest first) from before ``before_seq``. Nothing is fetched until you iterate.

        Raises:
            ValueError: Both ``after_seq`` and ``before_seq`` were given.
        """
        if after_seq is not None and before_seq is not None:
            raise ValueError("give after_seq or before_seq, not both")
        backward = before_seq is not None

        async def fetch(cursor: str | None) -> Page[Message]:
            seq = int(cursor) if cursor is not None else (before_seq if backward else after_seq)
            response = await self._client._call(
                "messages_list",
                conversation_id=conversation_id,
                before_seq=seq if backward else None,
                after_seq=None if backward else (seq or 0),
                limit=page_size,
            )
            page: MessagePage = response.parsed
            data = list(page.data)
            more = page.has_more and bool(data)
            return Page(data, more, str(data[-1].seq) if more else None)

        return AsyncPager(fetch)

    @async_endpoint
    async def mark_read(self, message_id: str) -> APIResponse[ReadCursor]:
        """Move your read cursor in the message's conversation up to it (never backward).

        Raises:
            MessageNotFoundError: No message you may see has this id.
        """
        return await self._client._call("messages_mark_read", message_id=message_id)

    @async_endpoint
    async def delete(self, message_id: str) -> APIResponse[Deleted]:
        """Hide a message for yourself; the other members' copies stay. Safe to repeat.

        Raises:
            MessageNotFoundError: No message you may see has this id.
        """
        return await self._client._call("messages_delete", message_id=message_id)

    @async_endpoint
    async def sync(self, after: str | None = None, limit: int = 100) -> APIResponse[SyncPage]:
        """One page of your deliveries not yet acknowledged, oldest first: messages that
        reached you while you were away (or that you did not acknowledge).

        ``after`` is the last ``delivery_id`` you processed (a plain string you may persist and
        resume from); without it the page starts at the oldest. Reading acknowledges nothing:
        call ``ack_sync`` with the last delivery id you handled.

        Raises:
            ValidationError: ``after`` is not one of your delivery ids, or ``limit`` is outside
                1..500.
            IdentityNotFoundError: Your key has no messaging identity.
        """
        return await self._client._call("messages_sync", after=after, limit=limit)

    @async_endpoint
    async def ack_sync(self, last_delivery_id: str) -> APIResponse[SyncAckResult]:
        """Acknowledge every delivery of yours up to and including ``last_delivery_id``: they
        become ``delivered`` and leave your backlog. Safe to repeat; acknowledging the same or
        an older id again acknowledges nothing (``acked`` is 0).

        Raises:
            ValidationError: ``last_delivery_id`` is not one of your delivery ids.
            IdentityNotFoundError: Your key has no messaging identity.
        """
        body = SyncAck(last_delivery_id=last_delivery_id)
        return await self._client._call("messages_sync_ack", body=body)

    def pending(
        self, *, after: str | None = None, page_size: int = 100
    ) -> AsyncPager[SyncDelivery]:
        """Every delivery of yours not yet acknowledged after ``after`` (default: all), oldest
        first, fetched page by page as you iterate. Nothing is acknowledged: once you handled
        some, call ``ack_sync`` with the ``delivery_id`` of the last one.

        Raises:
            ValidationError: ``after`` is not one of your delivery ids (when iterating).
            IdentityNotFoundError: Your key has no messaging identity (when iterating).
        """

        async def fetch(cursor: str | None) -> Page[SyncDelivery]:
            response = await self._client._call(
                "messages_sync", after=cursor or after, limit=page_size
            )
            page: SyncPage = response.parsed
            data = list(page.data)
            more = page.has_more and bool(data)
            return Page(data, more, data[-1].delivery_id if more else None, response.request_id)

        return AsyncPager(fetch)
