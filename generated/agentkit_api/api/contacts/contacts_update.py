from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.contact import Contact
from ...models.contact_update import ContactUpdate
from ...models.error_response import ErrorResponse
from ...types import Response


def _get_kwargs(
    handle: str,
    *,
    body: ContactUpdate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/v1/contacts/{handle}".format(
            handle=quote(str(handle), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Contact | ErrorResponse:
    if response.status_code == 200:
        response_200 = Contact.from_dict(response.json())

        return response_200

    response_default = ErrorResponse.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Contact | ErrorResponse]:
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
    body: ContactUpdate,
) -> Response[Contact | ErrorResponse]:
    """Change the notes of a contact.

    Args:
        handle (str):
        body (ContactUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Contact | ErrorResponse]
    """

    kwargs = _get_kwargs(
        handle=handle,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    handle: str,
    *,
    client: AuthenticatedClient | Client,
    body: ContactUpdate,
) -> Contact | ErrorResponse | None:
    """Change the notes of a contact.

    Args:
        handle (str):
        body (ContactUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Contact | ErrorResponse
    """

    return sync_detailed(
        handle=handle,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    handle: str,
    *,
    client: AuthenticatedClient | Client,
    body: ContactUpdate,
) -> Response[Contact | ErrorResponse]:
    """Change the notes of a contact.

    Args:
        handle (str):
        body (ContactUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Contact | ErrorResponse]
    """

    kwargs = _get_kwargs(
        handle=handle,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    handle: str,
    *,
    client: AuthenticatedClient | Client,
    body: ContactUpdate,
) -> Contact | ErrorResponse | None:
    """Change the notes of a contact.

    Args:
        handle (str):
        body (ContactUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Contact | ErrorResponse
    """

    return (
        await asyncio_detailed(
            handle=handle,
            client=client,
            body=body,
        )
    ).parsed
