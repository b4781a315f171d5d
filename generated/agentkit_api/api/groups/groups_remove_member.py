from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.group import Group
from ...types import Response


def _get_kwargs(
    group_id: str,
    handle: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/v1/groups/{group_id}/members/{handle}".format(
            group_id=quote(str(group_id), safe=""),
            handle=quote(str(handle), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | Group:
    if response.status_code == 200:
        response_200 = Group.from_dict(response.json())

        return response_200

    response_default = ErrorResponse.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | Group]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    group_id: str,
    handle: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[ErrorResponse | Group]:
    """Remove a member (admins only).

    Args:
        group_id (str):
        handle (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | Group]
    """

    kwargs = _get_kwargs(
        group_id=group_id,
        handle=handle,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    group_id: str,
    handle: str,
    *,
    client: AuthenticatedClient | Client,
) -> ErrorResponse | Group | None:
    """Remove a member (admins only).

    Args:
        group_id (str):
        handle (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | Group
    """

    return sync_detailed(
        group_id=group_id,
        handle=handle,
        client=client,
    ).parsed


async def asyncio_detailed(
    group_id: str,
    handle: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[ErrorResponse | Group]:
    """Remove a member (admins only).

    Args:
        group_id (str):
        handle (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | Group]
    """

    kwargs = _get_kwargs(
        group_id=group_id,
        handle=handle,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    group_id: str,
    handle: str,
    *,
    client: AuthenticatedClient | Client,
) -> ErrorResponse | Group | None:
    """Remove a member (admins only).

    Args:
        group_id (str):
        handle (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | Group
    """

    return (
        await asyncio_detailed(
            group_id=group_id,
            handle=handle,
            client=client,
        )
    ).parsed
