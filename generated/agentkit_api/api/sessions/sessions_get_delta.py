from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.session_delta import SessionDelta
from ...types import UNSET, Response, Unset


def _get_kwargs(
    session_id: str,
    *,
    continuation_token: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["continuation_token"] = continuation_token

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/sessions/{session_id}/delta".format(
            session_id=quote(str(session_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | SessionDelta:
    if response.status_code == 200:
        response_200 = SessionDelta.from_dict(response.json())

        return response_200

    response_default = ErrorResponse.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | SessionDelta]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    session_id: str,
    *,
    client: AuthenticatedClient | Client,
    continuation_token: str | Unset = UNSET,
) -> Response[ErrorResponse | SessionDelta]:
    """What changed in a session since a continuation token, for clients that poll.

     Returns the messages created or updated after the token (each with its `index`), the
    status, the title and a new token. Without a token, everything is new. Applying a delta
    replaces the messages at those indexes, so applying one twice changes nothing.

    Args:
        session_id (str):
        continuation_token (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | SessionDelta]
    """

    kwargs = _get_kwargs(
        session_id=session_id,
        continuation_token=continuation_token,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    session_id: str,
    *,
    client: AuthenticatedClient | Client,
    continuation_token: str | Unset = UNSET,
) -> ErrorResponse | SessionDelta | None:
    """What changed in a session since a continuation token, for clients that poll.

     Returns the messages created or updated after the token (each with its `index`), the
    status, the title and a new token. Without a token, everything is new. Applying a delta
    replaces the messages at those indexes, so applying one twice changes nothing.

    Args:
        session_id (str):
        continuation_token (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | SessionDelta
    """

    return sync_detailed(
        session_id=session_id,
        client=client,
        continuation_token=continuation_token,
    ).parsed


async def asyncio_detailed(
    session_id: str,
    *,
    client: AuthenticatedClient | Client,
    continuation_token: str | Unset = UNSET,
) -> Response[ErrorResponse | SessionDelta]:
    """What changed in a session since a continuation token, for clients that poll.

     Returns the messages created or updated after the token (each with its `index`), the
    status, the title and a new token. Without a token, everything is new. Applying a delta
    replaces the messages at those indexes, so applying one twice changes nothing.

    Args:
        session_id (str):
        continuation_token (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | SessionDelta]
    """

    kwargs = _get_kwargs(
        session_id=session_id,
        continuation_token=continuation_token,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    session_id: str,
    *,
    client: AuthenticatedClient | Client,
    continuation_token: str | Unset = UNSET,
) -> ErrorResponse | SessionDelta | None:
    """What changed in a session since a continuation token, for clients that poll.

     Returns the messages created or updated after the token (each with its `index`), the
    status, the title and a new token. Without a token, everything is new. Applying a delta
    replaces the messages at those indexes, so applying one twice changes nothing.

    Args:
        session_id (str):
        continuation_token (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | SessionDelta
    """

    return (
        await asyncio_detailed(
            session_id=session_id,
            client=client,
            continuation_token=continuation_token,
        )
    ).parsed
