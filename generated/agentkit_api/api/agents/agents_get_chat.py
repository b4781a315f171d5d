from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.agent_chat_with_messages import AgentChatWithMessages
from ...models.error_response import ErrorResponse
from ...types import Response


def _get_kwargs(
    agent_id: str,
    chat_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/agents/{agent_id}/chats/{chat_id}".format(
            agent_id=quote(str(agent_id), safe=""),
            chat_id=quote(str(chat_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AgentChatWithMessages | ErrorResponse:
    if response.status_code == 200:
        response_200 = AgentChatWithMessages.from_dict(response.json())

        return response_200

    response_default = ErrorResponse.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[AgentChatWithMessages | ErrorResponse]:
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
) -> Response[AgentChatWithMessages | ErrorResponse]:
    """One chat of the agent with its messages as AI SDK UI messages.

     The messages are in the shape `useChat` takes as its initial messages, with the parts
    the AI SDK assembles from the UI message stream of each turn: a `step-start` part for
    each step, text parts, reasoning parts (the agent's thinking) and `tool-<name>` parts
    (a tool call with its result, its error, or `output-denied`). A delegation to a
    sub-agent is a `tool-delegate` part: its `input` names the sub-agent (`agent`) and the
    message, its `output` holds the sub-agent's reply, `agent_id`, `agent_name` and the
    `session_id` of the sub-agent's conversation, or its `errorText` says why there is none.
    Each message's `metadata` holds its status and creation time.

    Args:
        agent_id (str):
        chat_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AgentChatWithMessages | ErrorResponse]
    """

    kwargs = _get_kwargs(
        agent_id=agent_id,
        chat_id=chat_id,
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
) -> AgentChatWithMessages | ErrorResponse | None:
    """One chat of the agent with its messages as AI SDK UI messages.

     The messages are in the shape `useChat` takes as its initial messages, with the parts
    the AI SDK assembles from the UI message stream of each turn: a `step-start` part for
    each step, text parts, reasoning parts (the agent's thinking) and `tool-<name>` parts
    (a tool call with its result, its error, or `output-denied`). A delegation to a
    sub-agent is a `tool-delegate` part: its `input` names the sub-agent (`agent`) and the
    message, its `output` holds the sub-agent's reply, `agent_id`, `agent_name` and the
    `session_id` of the sub-agent's conversation, or its `errorText` says why there is none.
    Each message's `metadata` holds its status and creation time.

    Args:
        agent_id (str):
        chat_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AgentChatWithMessages | ErrorResponse
    """

    return sync_detailed(
        agent_id=agent_id,
        chat_id=chat_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    agent_id: str,
    chat_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[AgentChatWithMessages | ErrorResponse]:
    """One chat of the agent with its messages as AI SDK UI messages.

     The messages are in the shape `useChat` takes as its initial messages, with the parts
    the AI SDK assembles from the UI message stream of each turn: a `step-start` part for
    each step, text parts, reasoning parts (the agent's thinking) and `tool-<name>` parts
    (a tool call with its result, its error, or `output-denied`). A delegation to a
    sub-agent is a `tool-delegate` part: its `input` names the sub-agent (`agent`) and the
    message, its `output` holds the sub-agent's reply, `agent_id`, `agent_name` and the
    `session_id` of the sub-agent's conversation, or its `errorText` says why there is none.
    Each message's `metadata` holds its status and creation time.

    Args:
        agent_id (str):
        chat_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AgentChatWithMessages | ErrorResponse]
    """

    kwargs = _get_kwargs(
        agent_id=agent_id,
        chat_id=chat_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    agent_id: str,
    chat_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> AgentChatWithMessages | ErrorResponse | None:
    """One chat of the agent with its messages as AI SDK UI messages.

     The messages are in the shape `useChat` takes as its initial messages, with the parts
    the AI SDK assembles from the UI message stream of each turn: a `step-start` part for
    each step, text parts, reasoning parts (the agent's thinking) and `tool-<name>` parts
    (a tool call with its result, its error, or `output-denied`). A delegation to a
    sub-agent is a `tool-delegate` part: its `input` names the sub-agent (`agent`) and the
    message, its `output` holds the sub-agent's reply, `agent_id`, `agent_name` and the
    `session_id` of the sub-agent's conversation, or its `errorText` says why there is none.
    Each message's `metadata` holds its status and creation time.

    Args:
        agent_id (str):
        chat_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AgentChatWithMessages | ErrorResponse
    """

    return (
        await asyncio_detailed(
            agent_id=agent_id,
            chat_id=chat_id,
            client=client,
        )
    ).parsed
