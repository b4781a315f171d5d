from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.index_query import IndexQuery
from ...models.index_query_result import IndexQueryResult
from ...types import UNSET, Response, Unset


def _get_kwargs(
    index_id: str,
    *,
    body: IndexQuery,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/indexes/{index_id}/query".format(
            index_id=quote(str(index_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | IndexQueryResult:
    if response.status_code == 200:
        response_200 = IndexQueryResult.from_dict(response.json())

        return response_200

    response_default = ErrorResponse.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | IndexQueryResult]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    index_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: IndexQuery,
    idempotency_key: str | Unset = UNSET,
) -> Response[ErrorResponse | IndexQueryResult]:
    """Retrieve the chunks that best match a query, best first (full-text search, bm25).

    Args:
        index_id (str):
        idempotency_key (str | Unset):
        body (IndexQuery):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | IndexQueryResult]
    """

    kwargs = _get_kwargs(
        index_id=index_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    index_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: IndexQuery,
    idempotency_key: str | Unset = UNSET,
) -> ErrorResponse | IndexQueryResult | None:
    """Retrieve the chunks that best match a query, best first (full-text search, bm25).

    Args:
        index_id (str):
        idempotency_key (str | Unset):
        body (IndexQuery):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | IndexQueryResult
    """

    return sync_detailed(
        index_id=index_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    index_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: IndexQuery,
    idempotency_key: str | Unset = UNSET,
) -> Response[ErrorResponse | IndexQueryResult]:
    """Retrieve the chunks that best match a query, best first (full-text search, bm25).

    Args:
        index_id (str):
        idempotency_key (str | Unset):
        body (IndexQuery):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | IndexQueryResult]
    """

    kwargs = _get_kwargs(
        index_id=index_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    index_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: IndexQuery,
    idempotency_key: str | Unset = UNSET,
) -> ErrorResponse | IndexQueryResult | None:
    """Retrieve the chunks that best match a query, best first (full-text search, bm25).

    Args:
        index_id (str):
        idempotency_key (str | Unset):
        body (IndexQuery):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | IndexQueryResult
    """

    return (
        await asyncio_detailed(
            index_id=index_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
