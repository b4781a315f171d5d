from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.webhook_delivery_list import WebhookDeliveryList
from ...models.webhook_delivery_status import WebhookDeliveryStatus
from ...types import UNSET, Response, Unset


def _get_kwargs(
    endpoint_id: str,
    *,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
    status: WebhookDeliveryStatus | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["cursor"] = cursor

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/webhooks/endpoints/{endpoint_id}/deliveries".format(
            endpoint_id=quote(str(endpoint_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | WebhookDeliveryList:
    if response.status_code == 200:
        response_200 = WebhookDeliveryList.from_dict(response.json())

        return response_200

    response_default = ErrorResponse.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | WebhookDeliveryList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    endpoint_id: str,
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
    status: WebhookDeliveryStatus | Unset = UNSET,
) -> Response[ErrorResponse | WebhookDeliveryList]:
    """The endpoint's deliveries, newest first, each with its attempts.

     Deliveries that ended (succeeded or failed) are kept for 30 days.

    Args:
        endpoint_id (str):
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):
        status (WebhookDeliveryStatus | Unset): `pending` (queued or waiting to retry),
            `succeeded` (a 2xx answer), `failed` (retries given up, or the endpoint is gone or
            disabled).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | WebhookDeliveryList]
    """

    kwargs = _get_kwargs(
        endpoint_id=endpoint_id,
        limit=limit,
        cursor=cursor,
        status=status,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    endpoint_id: str,
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
    status: WebhookDeliveryStatus | Unset = UNSET,
) -> ErrorResponse | WebhookDeliveryList | None:
    """The endpoint's deliveries, newest first, each with its attempts.

     Deliveries that ended (succeeded or failed) are kept for 30 days.

    Args:
        endpoint_id (str):
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):
        status (WebhookDeliveryStatus | Unset): `pending` (queued or waiting to retry),
            `succeeded` (a 2xx answer), `failed` (retries given up, or the endpoint is gone or
            disabled).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | WebhookDeliveryList
    """

    return sync_detailed(
        endpoint_id=endpoint_id,
        client=client,
        limit=limit,
        cursor=cursor,
        status=status,
    ).parsed


async def asyncio_detailed(
    endpoint_id: str,
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
    status: WebhookDeliveryStatus | Unset = UNSET,
) -> Response[ErrorResponse | WebhookDeliveryList]:
    """The endpoint's deliveries, newest first, each with its attempts.

     Deliveries that ended (succeeded or failed) are kept for 30 days.

    Args:
        endpoint_id (str):
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):
        status (WebhookDeliveryStatus | Unset): `pending` (queued or waiting to retry),
            `succeeded` (a 2xx answer), `failed` (retries given up, or the endpoint is gone or
            disabled).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | WebhookDeliveryList]
    """

    kwargs = _get_kwargs(
        endpoint_id=endpoint_id,
        limit=limit,
        cursor=cursor,
        status=status,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    endpoint_id: str,
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
    status: WebhookDeliveryStatus | Unset = UNSET,
) -> ErrorResponse | WebhookDeliveryList | None:
    """The endpoint's deliveries, newest first, each with its attempts.

     Deliveries that ended (succeeded or failed) are kept for 30 days.

    Args:
        endpoint_id (str):
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):
        status (WebhookDeliveryStatus | Unset): `pending` (queued or waiting to retry),
            `succeeded` (a 2xx answer), `failed` (retries given up, or the endpoint is gone or
            disabled).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | WebhookDeliveryList
    """

    return (
        await asyncio_detailed(
            endpoint_id=endpoint_id,
            client=client,
            limit=limit,
            cursor=cursor,
            status=status,
        )
    ).parsed
