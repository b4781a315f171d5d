from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.chat_start import ChatStart
from ...models.error_response import ErrorResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: ChatStart,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/chats/stream",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | str:
    if response.status_code == 200:
        response_200 = response.text
        return response_200

    response_default = ErrorResponse.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ChatStart,
    idempotency_key: str | Unset = UNSET,
) -> Response[ErrorResponse | str]:
    """Start a chat and stream the agent's first reply.

     Events: `metadata` (first; names the chat and the reply message), `content` (text
    deltas), then `done` (the final chat) or `error`. Event ids count up within the chat;
    send `Last-Event-ID` to `chats_events` to resume a dropped stream.

    Args:
        idempotency_key (str | Unset):
        body (ChatStart):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | str]
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
    body: ChatStart,
    idempotency_key: str | Unset = UNSET,
) -> ErrorResponse | str | None:
    """Start a chat and stream the agent's first reply.

     Events: `metadata` (first; names the chat and the reply message), `content` (text
    deltas), then `done` (the final chat) or `error`. Event ids count up within the chat;
    send `Last-Event-ID` to `chats_events` to resume a dropped stream.

    Args:
        idempotency_key (str | Unset):
        body (ChatStart):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | str
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ChatStart,
    idempotency_key: str | Unset = UNSET,
) -> Response[ErrorResponse | str]:
    """Start a chat and stream the agent's first reply.

     Events: `metadata` (first; names the chat and the reply message), `content` (text
    deltas), then `done` (the final chat) or `error`. Event ids count up within the chat;
    send `Last-Event-ID` to `chats_events` to resume a dropped stream.

    Args:
        idempotency_key (str | Unset):
        body (ChatStart):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | str]
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
    body: ChatStart,
    idempotency_key: str | Unset = UNSET,
) -> ErrorResponse | str | None:
    """Start a chat and stream the agent's first reply.

     Events: `metadata` (first; names the chat and the reply message), `content` (text
    deltas), then `done` (the final chat) or `error`. Event ids count up within the chat;
    send `Last-Event-ID` to `chats_events` to resume a dropped stream.

    Args:
        idempotency_key (str | Unset):
        body (ChatStart):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | str
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
