from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.tool_results_submit import ToolResultsSubmit
from ...types import UNSET, Response, Unset


def _get_kwargs(
    session_id: str,
    *,
    body: ToolResultsSubmit,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/sessions/{session_id}/tool-results/stream".format(
            session_id=quote(str(session_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | str:
    if response.status_code == 200:
        response_200 = response.text
        return response_200

    response_default = ErrorResponse.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    session_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: ToolResultsSubmit,
    idempotency_key: str | Unset = UNSET,
) -> Response[ErrorResponse | str]:
    """Submit client tool results and stream the turn that follows.

     Same events as `sessions_send_stream`, starting with the `tool_result` events.

    Args:
        session_id (str):
        idempotency_key (str | Unset):
        body (ToolResultsSubmit):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | str]
    """

    kwargs = _get_kwargs(
        session_id=session_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    session_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: ToolResultsSubmit,
    idempotency_key: str | Unset = UNSET,
) -> ErrorResponse | str | None:
    """Submit client tool results and stream the turn that follows.

     Same events as `sessions_send_stream`, starting with the `tool_result` events.

    Args:
        session_id (str):
        idempotency_key (str | Unset):
        body (ToolResultsSubmit):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | str
    """

    return sync_detailed(
        session_id=session_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    session_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: ToolResultsSubmit,
    idempotency_key: str | Unset = UNSET,
) -> Response[ErrorResponse | str]:
    """Submit client tool results and stream the turn that follows.

     Same events as `sessions_send_stream`, starting with the `tool_result` events.

    Args:
        session_id (str):
        idempotency_key (str | Unset):
        body (ToolResultsSubmit):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | str]
    """

    kwargs = _get_kwargs(
        session_id=session_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    session_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: ToolResultsSubmit,
    idempotency_key: str | Unset = UNSET,
) -> ErrorResponse | str | None:
    """Submit client tool results and stream the turn that follows.

     Same events as `sessions_send_stream`, starting with the `tool_result` events.

    Args:
        session_id (str):
        idempotency_key (str | Unset):
        body (ToolResultsSubmit):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | str
    """

    return (
        await asyncio_detailed(
            session_id=session_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
