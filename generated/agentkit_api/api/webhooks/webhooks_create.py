from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.webhook_endpoint_create import WebhookEndpointCreate
from ...models.webhook_endpoint_secret import WebhookEndpointSecret
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: WebhookEndpointCreate,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/webhooks/endpoints",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | WebhookEndpointSecret:
    if response.status_code == 201:
        response_201 = WebhookEndpointSecret.from_dict(response.json())

        return response_201

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
    *,
    client: AuthenticatedClient | Client,
    body: WebhookEndpointCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[ErrorResponse | WebhookEndpointSecret]:
    """Register a URL that receives signed events; its secret is shown this once.

     The endpoint belongs to the caller: a messaging identity's key receives the events
    addressed to that identity; an organization's key receives those addressed to the
    identities of its agents. `url` must be http or https, without credentials, and must
    not name a private, loopback or link-local address (a development server may allow
    loopback). A caller has at most 20 endpoints (`WEBHOOK_ENDPOINT_LIMIT`).

    Args:
        idempotency_key (str | Unset):
        body (WebhookEndpointCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | WebhookEndpointSecret]
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
    body: WebhookEndpointCreate,
    idempotency_key: str | Unset = UNSET,
) -> ErrorResponse | WebhookEndpointSecret | None:
    """Register a URL that receives signed events; its secret is shown this once.

     The endpoint belongs to the caller: a messaging identity's key receives the events
    addressed to that identity; an organization's key receives those addressed to the
    identities of its agents. `url` must be http or https, without credentials, and must
    not name a private, loopback or link-local address (a development server may allow
    loopback). A caller has at most 20 endpoints (`WEBHOOK_ENDPOINT_LIMIT`).

    Args:
        idempotency_key (str | Unset):
        body (WebhookEndpointCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | WebhookEndpointSecret
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: WebhookEndpointCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[ErrorResponse | WebhookEndpointSecret]:
    """Register a URL that receives signed events; its secret is shown this once.

     The endpoint belongs to the caller: a messaging identity's key receives the events
    addressed to that identity; an organization's key receives those addressed to the
    identities of its agents. `url` must be http or https, without credentials, and must
    not name a private, loopback or link-local address (a development server may allow
    loopback). A caller has at most 20 endpoints (`WEBHOOK_ENDPOINT_LIMIT`).

    Args:
        idempotency_key (str | Unset):
        body (WebhookEndpointCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | WebhookEndpointSecret]
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
    body: WebhookEndpointCreate,
    idempotency_key: str | Unset = UNSET,
) -> ErrorResponse | WebhookEndpointSecret | None:
    """Register a URL that receives signed events; its secret is shown this once.

     The endpoint belongs to the caller: a messaging identity's key receives the events
    addressed to that identity; an organization's key receives those addressed to the
    identities of its agents. `url` must be http or https, without credentials, and must
    not name a private, loopback or link-local address (a development server may allow
    loopback). A caller has at most 20 endpoints (`WEBHOOK_ENDPOINT_LIMIT`).

    Args:
        idempotency_key (str | Unset):
        body (WebhookEndpointCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | WebhookEndpointSecret
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
