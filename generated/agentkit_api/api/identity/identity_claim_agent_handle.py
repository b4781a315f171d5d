from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.agent_handle_claim import AgentHandleClaim
from ...models.error_response import ErrorResponse
from ...models.identity import Identity
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: AgentHandleClaim,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/identity/agent-handles",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | Identity:
    if response.status_code == 201:
        response_201 = Identity.from_dict(response.json())

        return response_201

    response_default = ErrorResponse.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | Identity]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: AgentHandleClaim,
    idempotency_key: str | Unset = UNSET,
) -> Response[ErrorResponse | Identity]:
    """Give one of the organization's agents a handle, so that its brain can be messaged.

     A direct message to the handle is answered by the agent's brain, as a message back in the
    same conversation. An agent keeps its handle until the agent or the handle's identity is deleted.

    Args:
        idempotency_key (str | Unset):
        body (AgentHandleClaim):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | Identity]
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
    body: AgentHandleClaim,
    idempotency_key: str | Unset = UNSET,
) -> ErrorResponse | Identity | None:
    """Give one of the organization's agents a handle, so that its brain can be messaged.

     A direct message to the handle is answered by the agent's brain, as a message back in the
    same conversation. An agent keeps its handle until the agent or the handle's identity is deleted.

    Args:
        idempotency_key (str | Unset):
        body (AgentHandleClaim):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | Identity
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: AgentHandleClaim,
    idempotency_key: str | Unset = UNSET,
) -> Response[ErrorResponse | Identity]:
    """Give one of the organization's agents a handle, so that its brain can be messaged.

     A direct message to the handle is answered by the agent's brain, as a message back in the
    same conversation. An agent keeps its handle until the agent or the handle's identity is deleted.

    Args:
        idempotency_key (str | Unset):
        body (AgentHandleClaim):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | Identity]
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
    body: AgentHandleClaim,
    idempotency_key: str | Unset = UNSET,
) -> ErrorResponse | Identity | None:
    """Give one of the organization's agents a handle, so that its brain can be messaged.

     A direct message to the handle is answered by the agent's brain, as a message back in the
    same conversation. An agent keeps its handle until the agent or the handle's identity is deleted.

    Args:
        idempotency_key (str | Unset):
        body (AgentHandleClaim):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | Identity
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
