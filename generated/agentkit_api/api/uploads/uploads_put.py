from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.attachment import Attachment
from ...models.error_response import ErrorResponse
from ...types import UNSET, File, Response


def _get_kwargs(
    attachment_id: str,
    *,
    body: File,
    expires: int,
    signature: str,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    params["expires"] = expires

    params["signature"] = signature

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v1/blobs/{attachment_id}".format(
            attachment_id=quote(str(attachment_id), safe=""),
        ),
        "params": params,
    }

    _kwargs["content"] = body.payload
    headers["Content-Type"] = "application/octet-stream"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Attachment | ErrorResponse:
    if response.status_code == 200:
        response_200 = Attachment.from_dict(response.json())

        return response_200

    response_default = ErrorResponse.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Attachment | ErrorResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    attachment_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: File,
    expires: int,
    signature: str,
) -> Response[Attachment | ErrorResponse]:
    """Upload an attachment's bytes to the signed URL of its slot.

     The bytes must have the size and SHA-256 the slot was made with (else UPLOAD_MISMATCH).
    A bad or expired signature answers ATTACHMENT_NOT_FOUND. Sending the same bytes again is
    harmless.

    Args:
        attachment_id (str):
        expires (int):
        signature (str):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Attachment | ErrorResponse]
    """

    kwargs = _get_kwargs(
        attachment_id=attachment_id,
        body=body,
        expires=expires,
        signature=signature,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    attachment_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: File,
    expires: int,
    signature: str,
) -> Attachment | ErrorResponse | None:
    """Upload an attachment's bytes to the signed URL of its slot.

     The bytes must have the size and SHA-256 the slot was made with (else UPLOAD_MISMATCH).
    A bad or expired signature answers ATTACHMENT_NOT_FOUND. Sending the same bytes again is
    harmless.

    Args:
        attachment_id (str):
        expires (int):
        signature (str):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Attachment | ErrorResponse
    """

    return sync_detailed(
        attachment_id=attachment_id,
        client=client,
        body=body,
        expires=expires,
        signature=signature,
    ).parsed


async def asyncio_detailed(
    attachment_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: File,
    expires: int,
    signature: str,
) -> Response[Attachment | ErrorResponse]:
    """Upload an attachment's bytes to the signed URL of its slot.

     The bytes must have the size and SHA-256 the slot was made with (else UPLOAD_MISMATCH).
    A bad or expired signature answers ATTACHMENT_NOT_FOUND. Sending the same bytes again is
    harmless.

    Args:
        attachment_id (str):
        expires (int):
        signature (str):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Attachment | ErrorResponse]
    """

    kwargs = _get_kwargs(
        attachment_id=attachment_id,
        body=body,
        expires=expires,
        signature=signature,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    attachment_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: File,
    expires: int,
    signature: str,
) -> Attachment | ErrorResponse | None:
    """Upload an attachment's bytes to the signed URL of its slot.

     The bytes must have the size and SHA-256 the slot was made with (else UPLOAD_MISMATCH).
    A bad or expired signature answers ATTACHMENT_NOT_FOUND. Sending the same bytes again is
    harmless.

    Args:
        attachment_id (str):
        expires (int):
        signature (str):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Attachment | ErrorResponse
    """

    return (
        await asyncio_detailed(
            attachment_id=attachment_id,
            client=client,
            body=body,
            expires=expires,
            signature=signature,
        )
    ).parsed
