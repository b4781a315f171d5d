from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.sync_page import SyncPage
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    after: str | Unset = UNSET,
    limit: int | Unset = 100,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["after"] = after

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/messages/sync",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | SyncPage:
    if response.status_code == 200:
        response_200 = SyncPage.from_dict(response.json())

        return response_200

    response_default = ErrorResponse.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | SyncPage]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    after: str | Unset = UNSET,
    limit: int | Unset = 100,
) -> Response[ErrorResponse | SyncPage]:
    """The caller's deliveries not yet acknowledged, oldest first, after a delivery-id cursor.

     A delivery is one recipient's copy of a message; it stays `stored` until it is
    acknowledged (here with `POST /v1/messages/sync/ack`, or with an `ack` frame on the
    realtime channel). Pass the last `delivery_id` you processed as `after` to read on; without
    it the page starts at the oldest. The cursor is a plain string you may keep and resume
    from; one that names no delivery of yours is a 400 on `after`. Reading does not
    acknowledge anything.

    Args:
        after (str | Unset):
        limit (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | SyncPage]
    """

    kwargs = _get_kwargs(
        after=after,
        limit=limit,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    after: str | Unset = UNSET,
    limit: int | Unset = 100,
) -> ErrorResponse | SyncPage | None:
    """The caller's deliveries not yet acknowledged, oldest first, after a delivery-id cursor.

     A delivery is one recipient's copy of a message; it stays `stored` until it is
    acknowledged (here with `POST /v1/messages/sync/ack`, or with an `ack` frame on the
    realtime channel). Pass the last `delivery_id` you processed as `after` to read on; without
    it the page starts at the oldest. The cursor is a plain string you may keep and resume
    from; one that names no delivery of yours is a 400 on `after`. Reading does not
    acknowledge anything.

    Args:
        after (str | Unset):
        limit (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | SyncPage
    """

    return sync_detailed(
        client=client,
        after=after,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    after: str | Unset = UNSET,
    limit: int | Unset = 100,
) -> Response[ErrorResponse | SyncPage]:
    """The caller's deliveries not yet acknowledged, oldest first, after a delivery-id cursor.

     A delivery is one recipient's copy of a message; it stays `stored` until it is
    acknowledged (here with `POST /v1/messages/sync/ack`, or with an `ack` frame on the
    realtime channel). Pass the last `delivery_id` you processed as `after` to read on; without
    it the page starts at the oldest. The cursor is a plain string you may keep and resume
    from; one that names no delivery of yours is a 400 on `after`. Reading does not
    acknowledge anything.

    Args:
        after (str | Unset):
        limit (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | SyncPage]
    """

    kwargs = _get_kwargs(
        after=after,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    after: str | Unset = UNSET,
    limit: int | Unset = 100,
) -> ErrorResponse | SyncPage | None:
    """The caller's deliveries not yet acknowledged, oldest first, after a delivery-id cursor.

     A delivery is one recipient's copy of a message; it stays `stored` until it is
    acknowledged (here with `POST /v1/messages/sync/ack`, or with an `ack` frame on the
    realtime channel). Pass the last `delivery_id` you processed as `after` to read on; without
    it the page starts at the oldest. The cursor is a plain string you may keep and resume
    from; one that names no delivery of yours is a 400 on `after`. Reading does not
    acknowledge anything.

    Args:
        after (str | Unset):
        limit (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | SyncPage
    """

    return (
        await asyncio_detailed(
            client=client,
            after=after,
            limit=limit,
        )
    ).parsed
