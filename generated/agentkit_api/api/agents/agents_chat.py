from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.ui_chat_request import UIChatRequest
from ...types import UNSET, Response, Unset


def _get_kwargs(
    agent_id: str,
    *,
    body: UIChatRequest,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/agents/{agent_id}/chat".format(
            agent_id=quote(str(agent_id), safe=""),
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
    agent_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: UIChatRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[ErrorResponse | str]:
    """Chat with an agent from a web front end (the AI SDK's `useChat` body).

     Takes the body that the AI SDK's `useChat` posts: its `id` names the conversation, and
    the last user message's text parts are sent. The conversation is a session of the agent
    (created on its first message, the same session for every request with the same `id`;
    its id is in the `X-Session-Id` header), so its history persists and the sessions
    operations read, title, follow and delete it. An agent with `streaming: true` answers
    with the UI message stream (`x-vercel-ai-ui-message-stream: v1`, ending with
    `data: [DONE]`); one with `streaming: false` answers with the whole reply as
    `text/plain` once the turn is over (an agent that fails is then an `AGENT_ERROR`).

    Args:
        agent_id (str):
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
        agent_id=agent_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    agent_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: UIChatRequest,
    idempotency_key: str | Unset = UNSET,
) -> ErrorResponse | str | None:
    """Chat with an agent from a web front end (the AI SDK's `useChat` body).

     Takes the body that the AI SDK's `useChat` posts: its `id` names the conversation, and
    the last user message's text parts are sent. The conversation is a session of the agent
    (created on its first message, the same session for every request with the same `id`;
    its id is in the `X-Session-Id` header), so its history persists and the sessions
    operations read, title, follow and delete it. An agent with `streaming: true` answers
    with the UI message stream (`x-vercel-ai-ui-message-stream: v1`, ending with
    `data: [DONE]`); one with `streaming: false` answers with the whole reply as
    `text/plain` once the turn is over (an agent that fails is then an `AGENT_ERROR`).

    Args:
        agent_id (str):
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
        agent_id=agent_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    agent_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: UIChatRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[ErrorResponse | str]:
    """Chat with an agent from a web front end (the AI SDK's `useChat` body).

     Takes the body that the AI SDK's `useChat` posts: its `id` names the conversation, and
    the last user message's text parts are sent. The conversation is a session of the agent
    (created on its first message, the same session for every request with the same `id`;
    its id is in the `X-Session-Id` header), so its history persists and the sessions
    operations read, title, follow and delete it. An agent with `streaming: true` answers
    with the UI message stream (`x-vercel-ai-ui-message-stream: v1`, ending with
    `data: [DONE]`); one with `streaming: false` answers with the whole reply as
    `text/plain` once the turn is over (an agent that fails is then an `AGENT_ERROR`).

    Args:
        agent_id (str):
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
        agent_id=agent_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    agent_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: UIChatRequest,
    idempotency_key: str | Unset = UNSET,
) -> ErrorResponse | str | None:
    """Chat with an agent from a web front end (the AI SDK's `useChat` body).

     Takes the body that the AI SDK's `useChat` posts: its `id` names the conversation, and
    the last user message's text parts are sent. The conversation is a session of the agent
    (created on its first message, the same session for every request with the same `id`;
    its id is in the `X-Session-Id` header), so its history persists and the sessions
    operations read, title, follow and delete it. An agent with `streaming: true` answers
    with the UI message stream (`x-vercel-ai-ui-message-stream: v1`, ending with
    `data: [DONE]`); one with `streaming: false` answers with the whole reply as
    `text/plain` once the turn is over (an agent that fails is then an `AGENT_ERROR`).

    Args:
        agent_id (str):
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
            agent_id=agent_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
