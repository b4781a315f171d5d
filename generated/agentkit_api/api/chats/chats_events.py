from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    chat_id: str,
    *,
    after: int | Unset = UNSET,
    last_event_id: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(last_event_id, Unset):
        headers["Last-Event-ID"] = last_event_id

    params: dict[str, Any] = {}

    params["after"] = after

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/chats/{chat_id}/events".format(
            chat_id=quote(str(chat_id), safe=""),
        ),
        "params": params,
    }

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
    chat_id: str,
    *,
    client: AuthenticatedClient | Client,
    after: int | Unset = UNSET,
    last_event_id: str | Unset = UNSET,
) -> Response[ErrorResponse | str]:
    """Follow a chat's event stream from a given event id.

     Replays the chat's stored events after `Last-Event-ID` (or the `after` query parameter),
    then follows new events live until the turn in progress ends with `done` or `error`.
    This is how a dropped `chats_start_stream` / `chats_message_stream` is resumed.

    Args:
        chat_id (str):
        after (int | Unset):
        last_event_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | str]
    """

    kwargs = _get_kwargs(
        chat_id=chat_id,
        after=after,
        last_event_id=last_event_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    chat_id: str,
    *,
    client: AuthenticatedClient | Client,
    after: int | Unset = UNSET,
    last_event_id: str | Unset = UNSET,
) -> ErrorResponse | str | None:
    """Follow a chat's event stream from a given event id.

     Replays the chat's stored events after `Last-Event-ID` (or the `after` query parameter),
    then follows new events live until the turn in progress ends with `done` or `error`.
    This is how a dropped `chats_start_stream` / `chats_message_stream` is resumed.

    Args:
        chat_id (str):
        after (int | Unset):
        last_event_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | str
    """

    return sync_detailed(
        chat_id=chat_id,
        client=client,
        after=after,
        last_event_id=last_event_id,
    ).parsed


async def asyncio_detailed(
    chat_id: str,
    *,
    client: AuthenticatedClient | Client,
    after: int | Unset = UNSET,
    last_event_id: str | Unset = UNSET,
) -> Response[ErrorResponse | str]:
    """Follow a chat's event stream from a given event id.

     Replays the chat's stored events after `Last-Event-ID` (or the `after` query parameter),
    then follows new events live until the turn in progress ends with `done` or `error`.
    This is how a dropped `chats_start_stream` / `chats_message_stream` is resumed.

    Args:
        chat_id (str):
        after (int | Unset):
        last_event_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | str]
    """

    kwargs = _get_kwargs(
        chat_id=chat_id,
        after=after,
        last_event_id=last_event_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    chat_id: str,
    *,
    client: AuthenticatedClient | Client,
    after: int | Unset = UNSET,
    last_event_id: str | Unset = UNSET,
) -> ErrorResponse | str | None:
    """Follow a chat's event stream from a given event id.

     Replays the chat's stored events after `Last-Event-ID` (or the `after` query parameter),
    then follows new events live until the turn in progress ends with `done` or `error`.
    This is how a dropped `chats_start_stream` / `chats_message_stream` is resumed.

    Args:
        chat_id (str):
        after (int | Unset):
        last_event_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | str
    """

    return (
        await asyncio_detailed(
            chat_id=chat_id,
            client=client,
            after=after,
            last_event_id=last_event_id,
        )
    ).parsed
