from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.sync_ack import SyncAck
from ...models.sync_ack_result import SyncAckResult
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: SyncAck,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/messages/sync/ack",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | SyncAckResult:
    if response.status_code == 200:
        response_200 = SyncAckResult.from_dict(response.json())

        return response_200

    response_default = ErrorResponse.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | SyncAckResult]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: SyncAck,
    idempotency_key: str | Unset = UNSET,
) -> Response[ErrorResponse | SyncAckResult]:
    """Acknowledge every delivery of the caller up to and including one delivery id.

     Each of the caller's deliveries still `stored` up to `last_delivery_id` (in sync order)
    becomes `delivered` and leaves the caller's backlog. Safe to repeat and forward only:
    acknowledging the same or an older id again acknowledges nothing. An id that names no
    delivery of the caller is a 400 on `last_delivery_id`.

    Args:
        idempotency_key (str | Unset):
        body (SyncAck):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | SyncAckResult]
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
    body: SyncAck,
    idempotency_key: str | Unset = UNSET,
) -> ErrorResponse | SyncAckResult | None:
    """Acknowledge every delivery of the caller up to and including one delivery id.

     Each of the caller's deliveries still `stored` up to `last_delivery_id` (in sync order)
    becomes `delivered` and leaves the caller's backlog. Safe to repeat and forward only:
    acknowledging the same or an older id again acknowledges nothing. An id that names no
    delivery of the caller is a 400 on `last_delivery_id`.

    Args:
        idempotency_key (str | Unset):
        body (SyncAck):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | SyncAckResult
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: SyncAck,
    idempotency_key: str | Unset = UNSET,
) -> Response[ErrorResponse | SyncAckResult]:
    """Acknowledge every delivery of the caller up to and including one delivery id.

     Each of the caller's deliveries still `stored` up to `last_delivery_id` (in sync order)
    becomes `delivered` and leaves the caller's backlog. Safe to repeat and forward only:
    acknowledging the same or an older id again acknowledges nothing. An id that names no
    delivery of the caller is a 400 on `last_delivery_id`.

    Args:
        idempotency_key (str | Unset):
        body (SyncAck):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | SyncAckResult]
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
    body: SyncAck,
    idempotency_key: str | Unset = UNSET,
) -> ErrorResponse | SyncAckResult | None:
    """Acknowledge every delivery of the caller up to and including one delivery id.

     Each of the caller's deliveries still `stored` up to `last_delivery_id` (in sync order)
    becomes `delivered` and leaves the caller's backlog. Safe to repeat and forward only:
    acknowledging the same or an older id again acknowledges nothing. An id that names no
    delivery of the caller is a 400 on `last_delivery_id`.

    Args:
        idempotency_key (str | Unset):
        body (SyncAck):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | SyncAckResult
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
