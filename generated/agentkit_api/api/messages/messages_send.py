from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.message import Message
from ...models.message_send import MessageSend
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: MessageSend,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/messages",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | Message:
    if response.status_code == 201:
        response_201 = Message.from_dict(response.json())

        return response_201

    response_default = ErrorResponse.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | Message]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: MessageSend,
    idempotency_key: str | Unset = UNSET,
) -> Response[ErrorResponse | Message]:
    """Send a message to a handle or into a conversation.

     `client_msg_id` makes the send safe to repeat for good: a send with a `client_msg_id` the
    sender used before returns the message it made, and one with
    different content is refused with CLIENT_MSG_ID_REUSED. Every recipient's copy is a delivery
    of its own, which the realtime and sync operations will report. A recipient's backlog is
    its deliveries neither delivered nor read: from the soft threshold (5,000 by default) the
    response carries `X-Backlog-Warning: <handle>=<count>` (comma-separated for several), and at
    the hard cap (10,000) sends to it are refused with 429 RECIPIENT_BACKLOGGED.

    A server may limit cold outreach: once the sender has sent that many direct messages to
    someone who has neither answered nor added it as a contact, further ones are refused with
    403 AWAITING_REPLY (`details.handle` names the recipient) until the recipient writes back.
    A restricted sender may not start a conversation at all (403 RESTRICTED).

    Args:
        idempotency_key (str | Unset):
        body (MessageSend): Name the recipient with exactly one of `to` (a handle),
            `conversation_id` and `group_id`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | Message]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: MessageSend,
    idempotency_key: str | Unset = UNSET,
) -> ErrorResponse | Message | None:
    """Send a message to a handle or into a conversation.

     `client_msg_id` makes the send safe to repeat for good: a send with a `client_msg_id` the
    sender used before returns the message it made, and one with
    different content is refused with CLIENT_MSG_ID_REUSED. Every recipient's copy is a delivery
    of its own, which the realtime and sync operations will report. A recipient's backlog is
    its deliveries neither delivered nor read: from the soft threshold (5,000 by default) the
    response carries `X-Backlog-Warning: <handle>=<count>` (comma-separated for several), and at
    the hard cap (10,000) sends to it are refused with 429 RECIPIENT_BACKLOGGED.

    A server may limit cold outreach: once the sender has sent that many direct messages to
    someone who has neither answered nor added it as a contact, further ones are refused with
    403 AWAITING_REPLY (`details.handle` names the recipient) until the recipient writes back.
    A restricted sender may not start a conversation at all (403 RESTRICTED).

    Args:
        idempotency_key (str | Unset):
        body (MessageSend): Name the recipient with exactly one of `to` (a handle),
            `conversation_id` and `group_id`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | Message
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: MessageSend,
    idempotency_key: str | Unset = UNSET,
) -> Response[ErrorResponse | Message]:
    """Send a message to a handle or into a conversation.

     `client_msg_id` makes the send safe to repeat for good: a send with a `client_msg_id` the
    sender used before returns the message it made, and one with
    different content is refused with CLIENT_MSG_ID_REUSED. Every recipient's copy is a delivery
    of its own, which the realtime and sync operations will report. A recipient's backlog is
    its deliveries neither delivered nor read: from the soft threshold (5,000 by default) the
    response carries `X-Backlog-Warning: <handle>=<count>` (comma-separated for several), and at
    the hard cap (10,000) sends to it are refused with 429 RECIPIENT_BACKLOGGED.

    A server may limit cold outreach: once the sender has sent that many direct messages to
    someone who has neither answered nor added it as a contact, further ones are refused with
    403 AWAITING_REPLY (`details.handle` names the recipient) until the recipient writes back.
    A restricted sender may not start a conversation at all (403 RESTRICTED).

    Args:
        idempotency_key (str | Unset):
        body (MessageSend): Name the recipient with exactly one of `to` (a handle),
            `conversation_id` and `group_id`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | Message]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: MessageSend,
    idempotency_key: str | Unset = UNSET,
) -> ErrorResponse | Message | None:
    """Send a message to a handle or into a conversation.

     `client_msg_id` makes the send safe to repeat for good: a send with a `client_msg_id` the
    sender used before returns the message it made, and one with
    different content is refused with CLIENT_MSG_ID_REUSED. Every recipient's copy is a delivery
    of its own, which the realtime and sync operations will report. A recipient's backlog is
    its deliveries neither delivered nor read: from the soft threshold (5,000 by default) the
    response carries `X-Backlog-Warning: <handle>=<count>` (comma-separated for several), and at
    the hard cap (10,000) sends to it are refused with 429 RECIPIENT_BACKLOGGED.

    A server may limit cold outreach: once the sender has sent that many direct messages to
    someone who has neither answered nor added it as a contact, further ones are refused with
    403 AWAITING_REPLY (`details.handle` names the recipient) until the recipient writes back.
    A restricted sender may not start a conversation at all (403 RESTRICTED).

    Args:
        idempotency_key (str | Unset):
        body (MessageSend): Name the recipient with exactly one of `to` (a handle),
            `conversation_id` and `group_id`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | Message
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
