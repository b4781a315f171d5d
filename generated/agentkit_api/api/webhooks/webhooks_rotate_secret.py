from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.webhook_endpoint_secret import WebhookEndpointSecret
from ...models.webhook_secret_rotate import WebhookSecretRotate
from ...types import UNSET, Response, Unset


def _get_kwargs(
    endpoint_id: str,
    *,
    body: WebhookSecretRotate | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/webhooks/endpoints/{endpoint_id}/rotate-secret".format(
            endpoint_id=quote(str(endpoint_id), safe=""),
        ),
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | WebhookEndpointSecret:
    if response.status_code == 200:
        response_200 = WebhookEndpointSecret.from_dict(response.json())

        return response_200

    response_default = ErrorResponse.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | WebhookEndpointSecret]:
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
    body: WebhookSecretRotate | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[ErrorResponse | WebhookEndpointSecret]:
    """Give an endpoint a new secret; the old one keeps signing for an overlap window.

     Until `previous_secret_expires_at`, every delivery carries two signatures in each
    header, one per secret, so receivers can switch to the new secret at any moment in the
    window. A rotation during a window ends the older window at once.

    Args:
        endpoint_id (str):
        idempotency_key (str | Unset):
        body (WebhookSecretRotate | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | WebhookEndpointSecret]
    """

    kwargs = _get_kwargs(
        endpoint_id=endpoint_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    endpoint_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: WebhookSecretRotate | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> ErrorResponse | WebhookEndpointSecret | None:
    """Give an endpoint a new secret; the old one keeps signing for an overlap window.

     Until `previous_secret_expires_at`, every delivery carries two signatures in each
    header, one per secret, so receivers can switch to the new secret at any moment in the
    window. A rotation during a window ends the older window at once.

    Args:
        endpoint_id (str):
        idempotency_key (str | Unset):
        body (WebhookSecretRotate | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | WebhookEndpointSecret
    """

    return sync_detailed(
        endpoint_id=endpoint_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    endpoint_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: WebhookSecretRotate | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[ErrorResponse | WebhookEndpointSecret]:
    """Give an endpoint a new secret; the old one keeps signing for an overlap window.

     Until `previous_secret_expires_at`, every delivery carries two signatures in each
    header, one per secret, so receivers can switch to the new secret at any moment in the
    window. A rotation during a window ends the older window at once.

    Args:
        endpoint_id (str):
        idempotency_key (str | Unset):
        body (WebhookSecretRotate | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | WebhookEndpointSecret]
    """

    kwargs = _get_kwargs(
        endpoint_id=endpoint_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    endpoint_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: WebhookSecretRotate | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> ErrorResponse | WebhookEndpointSecret | None:
    """Give an endpoint a new secret; the old one keeps signing for an overlap window.

     Until `previous_secret_expires_at`, every delivery carries two signatures in each
    header, one per secret, so receivers can switch to the new secret at any moment in the
    window. A rotation during a window ends the older window at once.

    Args:
        endpoint_id (str):
        idempotency_key (str | Unset):
        body (WebhookSecretRotate | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | WebhookEndpointSecret
    """

    return (
        await asyncio_detailed(
            endpoint_id=endpoint_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
