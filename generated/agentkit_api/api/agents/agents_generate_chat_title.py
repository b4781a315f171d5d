from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.agent_chat import AgentChat
from ...models.error_response import ErrorResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    agent_id: str,
    chat_id: str,
    *,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/agents/{agent_id}/chats/{chat_id}/title".format(
            agent_id=quote(str(agent_id), safe=""),
            chat_id=quote(str(chat_id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AgentChat | ErrorResponse:
    if response.status_code == 200:
        response_200 = AgentChat.from_dict(response.json())

        return response_200

    response_default = ErrorResponse.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[AgentChat | ErrorResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    agent_id: str,
    chat_id: str,
    *,
    client: AuthenticatedClient | Client,
    idempotency_key: str | Unset = UNSET,
) -> Response[AgentChat | ErrorResponse]:
    """Make the chat's title again from its first user message, and keep it.

     The title is the first words of the first user message (at most 60 characters). It
    replaces a title set with `sessions_update` on the chat's session.

    Args:
        agent_id (str):
        chat_id (str):
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AgentChat | ErrorResponse]
    """

    kwargs = _get_kwargs(
        agent_id=agent_id,
        chat_id=chat_id,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    agent_id: str,
    chat_id: str,
    *,
    client: AuthenticatedClient | Client,
    idempotency_key: str | Unset = UNSET,
) -> AgentChat | ErrorResponse | None:
    """Make the chat's title again from its first user message, and keep it.

     The title is the first words of the first user message (at most 60 characters). It
    replaces a title set with `sessions_update` on the chat's session.

    Args:
        agent_id (str):
        chat_id (str):
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AgentChat | ErrorResponse
    """

    return sync_detailed(
        agent_id=agent_id,
        chat_id=chat_id,
        client=client,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    agent_id: str,
    chat_id: str,
    *,
    client: AuthenticatedClient | Client,
    idempotency_key: str | Unset = UNSET,
) -> Response[AgentChat | ErrorResponse]:
    """Make the chat's title again from its first user message, and keep it.

     The title is the first words of the first user message (at most 60 characters). It
    replaces a title set with `sessions_update` on the chat's session.

    Args:
        agent_id (str):
        chat_id (str):
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AgentChat | ErrorResponse]
    """

    kwargs = _get_kwargs(
        agent_id=agent_id,
        chat_id=chat_id,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    agent_id: str,
    chat_id: str,
    *,
    client: AuthenticatedClient | Client,
    idempotency_key: str | Unset = UNSET,
) -> AgentChat | ErrorResponse | None:
    """Make the chat's title again from its first user message, and keep it.

     The title is the first words of the first user message (at most 60 characters). It
    replaces a title set with `sessions_update` on the chat's session.

    Args:
        agent_id (str):
        chat_id (str):
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AgentChat | ErrorResponse
    """

    return (
        await asyncio_detailed(
            agent_id=agent_id,
            chat_id=chat_id,
            client=client,
            idempotency_key=idempotency_key,
        )
    ).parsed
