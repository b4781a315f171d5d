from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.mute import Mute
from ...models.mute_kind import MuteKind
from ...types import Response


def _get_kwargs(
    kind: MuteKind,
    target: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/mutes/{kind}/{target}".format(
            kind=quote(str(kind), safe=""),
            target=quote(str(target), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | Mute:
    if response.status_code == 200:
        response_200 = Mute.from_dict(response.json())

        return response_200

    response_default = ErrorResponse.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | Mute]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    kind: MuteKind,
    target: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[ErrorResponse | Mute]:
    """A mute in force of one identity or conversation.

    Args:
        kind (MuteKind):
        target (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | Mute]
    """

    kwargs = _get_kwargs(
        kind=kind,
        target=target,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    kind: MuteKind,
    target: str,
    *,
    client: AuthenticatedClient | Client,
) -> ErrorResponse | Mute | None:
    """A mute in force of one identity or conversation.

    Args:
        kind (MuteKind):
        target (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | Mute
    """

    return sync_detailed(
        kind=kind,
        target=target,
        client=client,
    ).parsed


async def asyncio_detailed(
    kind: MuteKind,
    target: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[ErrorResponse | Mute]:
    """A mute in force of one identity or conversation.

    Args:
        kind (MuteKind):
        target (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | Mute]
    """

    kwargs = _get_kwargs(
        kind=kind,
        target=target,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    kind: MuteKind,
    target: str,
    *,
    client: AuthenticatedClient | Client,
) -> ErrorResponse | Mute | None:
    """A mute in force of one identity or conversation.

    Args:
        kind (MuteKind):
        target (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | Mute
    """

    return (
        await asyncio_detailed(
            kind=kind,
            target=target,
            client=client,
        )
    ).parsed
