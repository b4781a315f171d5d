from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.session import Session
from ...models.session_create import SessionCreate
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: SessionCreate,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/sessions",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | Session:
    if response.status_code == 201:
        response_201 = Session.from_dict(response.json())

        return response_201

    response_default = ErrorResponse.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | Session]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: SessionCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[ErrorResponse | Session]:
    """Create a persistent session with an agent.

     `index_ids` binds the session to those indexes; they are locked once the first message is
    sent. A session created without them is unbound: each message may name its own indexes.
    `client_tools` declares tools that the client runs itself: when the agent calls one, the
    session waits in `client_tool_turn` until the results are submitted.

    Args:
        idempotency_key (str | Unset):
        body (SessionCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | Session]
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
    body: SessionCreate,
    idempotency_key: str | Unset = UNSET,
) -> ErrorResponse | Session | None:
    """Create a persistent session with an agent.

     `index_ids` binds the session to those indexes; they are locked once the first message is
    sent. A session created without them is unbound: each message may name its own indexes.
    `client_tools` declares tools that the client runs itself: when the agent calls one, the
    session waits in `client_tool_turn` until the results are submitted.

    Args:
        idempotency_key (str | Unset):
        body (SessionCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | Session
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: SessionCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[ErrorResponse | Session]:
    """Create a persistent session with an agent.

     `index_ids` binds the session to those indexes; they are locked once the first message is
    sent. A session created without them is unbound: each message may name its own indexes.
    `client_tools` declares tools that the client runs itself: when the agent calls one, the
    session waits in `client_tool_turn` until the results are submitted.

    Args:
        idempotency_key (str | Unset):
        body (SessionCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | Session]
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
    body: SessionCreate,
    idempotency_key: str | Unset = UNSET,
) -> ErrorResponse | Session | None:
    """Create a persistent session with an agent.

     `index_ids` binds the session to those indexes; they are locked once the first message is
    sent. A session created without them is unbound: each message may name its own indexes.
    `client_tools` declares tools that the client runs itself: when the agent calls one, the
    session waits in `client_tool_turn` until the results are submitted.

    Args:
        idempotency_key (str | Unset):
        body (SessionCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | Session
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
