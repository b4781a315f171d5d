from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.vote import Vote
from ...models.vote_cast import VoteCast
from ...types import Response


def _get_kwargs(
    message_id: str,
    *,
    body: VoteCast,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v1/votes/{message_id}".format(
            message_id=quote(str(message_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | Vote:
    if response.status_code == 200:
        response_200 = Vote.from_dict(response.json())

        return response_200

    response_default = ErrorResponse.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | Vote]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    message_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: VoteCast,
) -> Response[ErrorResponse | Vote]:
    """Vote on an agent's message (up or down, with an optional comment).

     One vote per message: voting again replaces the vote and its comment. Only the agent's
    messages take votes; a message that is not in the conversation is `NOT_FOUND`.

    Args:
        message_id (str):
        body (VoteCast):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | Vote]
    """

    kwargs = _get_kwargs(
        message_id=message_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    message_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: VoteCast,
) -> ErrorResponse | Vote | None:
    """Vote on an agent's message (up or down, with an optional comment).

     One vote per message: voting again replaces the vote and its comment. Only the agent's
    messages take votes; a message that is not in the conversation is `NOT_FOUND`.

    Args:
        message_id (str):
        body (VoteCast):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | Vote
    """

    return sync_detailed(
        message_id=message_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    message_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: VoteCast,
) -> Response[ErrorResponse | Vote]:
    """Vote on an agent's message (up or down, with an optional comment).

     One vote per message: voting again replaces the vote and its comment. Only the agent's
    messages take votes; a message that is not in the conversation is `NOT_FOUND`.

    Args:
        message_id (str):
        body (VoteCast):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | Vote]
    """

    kwargs = _get_kwargs(
        message_id=message_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    message_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: VoteCast,
) -> ErrorResponse | Vote | None:
    """Vote on an agent's message (up or down, with an optional comment).

     One vote per message: voting again replaces the vote and its comment. Only the agent's
    messages take votes; a message that is not in the conversation is `NOT_FOUND`.

    Args:
        message_id (str):
        body (VoteCast):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | Vote
    """

    return (
        await asyncio_detailed(
            message_id=message_id,
            client=client,
            body=body,
        )
    ).parsed
