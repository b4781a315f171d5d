from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.ui_chat_request import UIChatRequest
from ...types import UNSET, Response, Unset


def _get_kwargs(
    session_id: str,
    *,
    body: UIChatRequest,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/sessions/{session_id}/messages/ui-stream".format(
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
    body: UIChatRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[ErrorResponse | str]:
    """Send a message and stream the turn as a Vercel AI SDK UI message stream (v1).

     Takes the body that the AI SDK's `useChat` / `DefaultChatTransport` posts (the last user
    message's text parts are sent) and answers with the UI message stream: `data:` lines of
    JSON chunks, no event names, ending with `data: [DONE]`, and the header
    `x-vercel-ai-ui-message-stream: v1`.

    Args:
        session_id (str):
        idempotency_key (str | Unset):
        body (UIChatRequest): The body the AI SDK's chat transport posts; extra fields are
            ignored.

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
    body: UIChatRequest,
    idempotency_key: str | Unset = UNSET,
) -> ErrorResponse | str | None:
    """Send a message and stream the turn as a Vercel AI SDK UI message stream (v1).

     Takes the body that the AI SDK's `useChat` / `DefaultChatTransport` posts (the last user
    message's text parts are sent) and answers with the UI message stream: `data:` lines of
    JSON chunks, no event names, ending with `data: [DONE]`, and the header
    `x-vercel-ai-ui-message-stream: v1`.

    Args:
        session_id (str):
        idempotency_key (str | Unset):
        body (UIChatRequest): The body the AI SDK's chat transport posts; extra fields are
            ignored.

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
    body: UIChatRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[ErrorResponse | str]:
    """Send a message and stream the turn as a Vercel AI SDK UI message stream (v1).

     Takes the body that the AI SDK's `useChat` / `DefaultChatTransport` posts (the last user
    message's text parts are sent) and answers with the UI message stream: `data:` lines of
    JSON chunks, no event names, ending with `data: [DONE]`, and the header
    `x-vercel-ai-ui-message-stream: v1`.

    Args:
        session_id (str):
        idempotency_key (str | Unset):
        body (UIChatRequest): The body the AI SDK's chat transport posts; extra fields are
            ignored.

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
    body: UIChatRequest,
    idempotency_key: str | Unset = UNSET,
) -> ErrorResponse | str | None:
    """Send a message and stream the turn as a Vercel AI SDK UI message stream (v1).

     Takes the body that the AI SDK's `useChat` / `DefaultChatTransport` posts (the last user
    message's text parts are sent) and answers with the UI message stream: `data:` lines of
    JSON chunks, no event names, ending with `data: [DONE]`, and the header
    `x-vercel-ai-ui-message-stream: v1`.

    Args:
        session_id (str):
        idempotency_key (str | Unset):
        body (UIChatRequest): The body the AI SDK's chat transport posts; extra fields are
            ignored.

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
