from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.report import Report
from ...models.report_create import ReportCreate
from ...types import UNSET, Response, Unset


def _get_kwargs(
    handle: str,
    *,
    body: ReportCreate,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/contacts/{handle}/report".format(
            handle=quote(str(handle), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | Report:
    if response.status_code == 201:
        response_201 = Report.from_dict(response.json())

        return response_201

    response_default = ErrorResponse.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | Report]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    handle: str,
    *,
    client: AuthenticatedClient | Client,
    body: ReportCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[ErrorResponse | Report]:
    """Report an identity to the operators.

    Args:
        handle (str):
        idempotency_key (str | Unset):
        body (ReportCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | Report]
    """

    kwargs = _get_kwargs(
        handle=handle,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    handle: str,
    *,
    client: AuthenticatedClient | Client,
    body: ReportCreate,
    idempotency_key: str | Unset = UNSET,
) -> ErrorResponse | Report | None:
    """Report an identity to the operators.

    Args:
        handle (str):
        idempotency_key (str | Unset):
        body (ReportCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | Report
    """

    return sync_detailed(
        handle=handle,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    handle: str,
    *,
    client: AuthenticatedClient | Client,
    body: ReportCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[ErrorResponse | Report]:
    """Report an identity to the operators.

    Args:
        handle (str):
        idempotency_key (str | Unset):
        body (ReportCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | Report]
    """

    kwargs = _get_kwargs(
        handle=handle,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    handle: str,
    *,
    client: AuthenticatedClient | Client,
    body: ReportCreate,
    idempotency_key: str | Unset = UNSET,
) -> ErrorResponse | Report | None:
    """Report an identity to the operators.

    Args:
        handle (str):
        idempotency_key (str | Unset):
        body (ReportCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | Report
    """

    return (
        await asyncio_detailed(
            handle=handle,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
