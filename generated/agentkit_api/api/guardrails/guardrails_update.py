from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.guardrail import Guardrail
from ...models.guardrail_update import GuardrailUpdate
from ...types import Response


def _get_kwargs(
    guardrail_id: str,
    *,
    body: GuardrailUpdate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/v1/guardrails/{guardrail_id}".format(
            guardrail_id=quote(str(guardrail_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | Guardrail:
    if response.status_code == 200:
        response_200 = Guardrail.from_dict(response.json())

        return response_200

    response_default = ErrorResponse.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | Guardrail]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    guardrail_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: GuardrailUpdate,
) -> Response[ErrorResponse | Guardrail]:
    """Update some fields of a guardrail; fields left out keep their value.

    Args:
        guardrail_id (str):
        body (GuardrailUpdate): Fields to change.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | Guardrail]
    """

    kwargs = _get_kwargs(
        guardrail_id=guardrail_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    guardrail_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: GuardrailUpdate,
) -> ErrorResponse | Guardrail | None:
    """Update some fields of a guardrail; fields left out keep their value.

    Args:
        guardrail_id (str):
        body (GuardrailUpdate): Fields to change.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | Guardrail
    """

    return sync_detailed(
        guardrail_id=guardrail_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    guardrail_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: GuardrailUpdate,
) -> Response[ErrorResponse | Guardrail]:
    """Update some fields of a guardrail; fields left out keep their value.

    Args:
        guardrail_id (str):
        body (GuardrailUpdate): Fields to change.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | Guardrail]
    """

    kwargs = _get_kwargs(
        guardrail_id=guardrail_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    guardrail_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: GuardrailUpdate,
) -> ErrorResponse | Guardrail | None:
    """Update some fields of a guardrail; fields left out keep their value.

    Args:
        guardrail_id (str):
        body (GuardrailUpdate): Fields to change.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | Guardrail
    """

    return (
        await asyncio_detailed(
            guardrail_id=guardrail_id,
            client=client,
            body=body,
        )
    ).parsed
