from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.message_page import MessagePage
from ...types import UNSET, Response, Unset


def _get_kwargs(
    conversation_id: str,
    *,
    before_seq: int | Unset = UNSET,
    after_seq: int | Unset = UNSET,
    limit: int | Unset = 50,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["before_seq"] = before_seq

    params["after_seq"] = after_seq

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/conversations/{conversation_id}/messages".format(
            conversation_id=quote(str(conversation_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | MessagePage:
    if response.status_code == 200:
        response_200 = MessagePage.from_dict(response.json())

        return response_200

    response_default = ErrorResponse.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | MessagePage]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    conversation_id: str,
    *,
    client: AuthenticatedClient | Client,
    before_seq: int | Unset = UNSET,
    after_seq: int | Unset = UNSET,
    limit: int | Unset = 50,
) -> Response[ErrorResponse | MessagePage]:
    """A conversation's messages by seq, after `after_seq` (oldest first) or before `before_seq` (newest
    first).

     Without either seq the newest messages come, newest first. Sending both is a 400.
    Messages the caller hid are left out.

    Args:
        conversation_id (str):
        before_seq (int | Unset):
        after_seq (int | Unset):
        limit (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | MessagePage]
    """

    kwargs = _get_kwargs(
        conversation_id=conversation_id,
        before_seq=before_seq,
        after_seq=after_seq,
        limit=limit,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    conversation_id: str,
    *,
    client: AuthenticatedClient | Client,
    before_seq: int | Unset = UNSET,
    after_seq: int | Unset = UNSET,
    limit: int | Unset = 50,
) -> ErrorResponse | MessagePage | None:
    """A conversation's messages by seq, after `after_seq` (oldest first) or before `before_seq` (newest
    first).

     Without either seq the newest messages come, newest first. Sending both is a 400.
    Messages the caller hid are left out.

    Args:
        conversation_id (str):
        before_seq (int | Unset):
        after_seq (int | Unset):
        limit (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | MessagePage
    """

    return sync_detailed(
        conversation_id=conversation_id,
        client=client,
        before_seq=before_seq,
        after_seq=after_seq,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    conversation_id: str,
    *,
    client: AuthenticatedClient | Client,
    before_seq: int | Unset = UNSET,
    after_seq: int | Unset = UNSET,
    limit: int | Unset = 50,
) -> Response[ErrorResponse | MessagePage]:
    """A conversation's messages by seq, after `after_seq` (oldest first) or before `before_seq` (newest
    first).

     Without either seq the newest messages come, newest first. Sending both is a 400.
    Messages the caller hid are left out.

    Args:
        conversation_id (str):
        before_seq (int | Unset):
        after_seq (int | Unset):
        limit (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | MessagePage]
    """

    kwargs = _get_kwargs(
        conversation_id=conversation_id,
        before_seq=before_seq,
        after_seq=after_seq,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    conversation_id: str,
    *,
    client: AuthenticatedClient | Client,
    before_seq: int | Unset = UNSET,
    after_seq: int | Unset = UNSET,
    limit: int | Unset = 50,
) -> ErrorResponse | MessagePage | None:
    """A conversation's messages by seq, after `after_seq` (oldest first) or before `before_seq` (newest
    first).

     Without either seq the newest messages come, newest first. Sending both is a 400.
    Messages the caller hid are left out.

    Args:
        conversation_id (str):
        before_seq (int | Unset):
        after_seq (int | Unset):
        limit (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | MessagePage
    """

    return (
        await asyncio_detailed(
            conversation_id=conversation_id,
            client=client,
            before_seq=before_seq,
            after_seq=after_seq,
            limit=limit,
        )
    ).parsed
