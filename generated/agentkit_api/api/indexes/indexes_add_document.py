from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.document import Document
from ...models.document_create import DocumentCreate
from ...models.error_response import ErrorResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    index_id: str,
    *,
    body: DocumentCreate,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/indexes/{index_id}/documents".format(
            index_id=quote(str(index_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Document | ErrorResponse:
    if response.status_code == 201:
        response_201 = Document.from_dict(response.json())

        return response_201

    response_default = ErrorResponse.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Document | ErrorResponse]:
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
    body: DocumentCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[Document | ErrorResponse]:
    """Add a text or markdown document; the server chunks it and indexes the chunks.

    Args:
        index_id (str):
        idempotency_key (str | Unset):
        body (DocumentCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Document | ErrorResponse]
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
    body: DocumentCreate,
    idempotency_key: str | Unset = UNSET,
) -> Document | ErrorResponse | None:
    """Add a text or markdown document; the server chunks it and indexes the chunks.

    Args:
        index_id (str):
        idempotency_key (str | Unset):
        body (DocumentCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Document | ErrorResponse
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
    body: DocumentCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[Document | ErrorResponse]:
    """Add a text or markdown document; the server chunks it and indexes the chunks.

    Args:
        index_id (str):
        idempotency_key (str | Unset):
        body (DocumentCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Document | ErrorResponse]
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
    body: DocumentCreate,
    idempotency_key: str | Unset = UNSET,
) -> Document | ErrorResponse | None:
    """Add a text or markdown document; the server chunks it and indexes the chunks.

    Args:
        index_id (str):
        idempotency_key (str | Unset):
        body (DocumentCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Document | ErrorResponse
    """

    return (
        await asyncio_detailed(
            index_id=index_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
