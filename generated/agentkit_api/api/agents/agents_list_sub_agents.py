from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.agent_list import AgentList
from ...models.error_response import ErrorResponse
from ...types import Response


def _get_kwargs(
    agent_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/agents/{agent_id}/sub-agents".format(
            agent_id=quote(str(agent_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AgentList | ErrorResponse:
    if response.status_code == 200:
        response_200 = AgentList.from_dict(response.json())

        return response_200

    response_default = ErrorResponse.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[AgentList | ErrorResponse]:
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
) -> Response[AgentList | ErrorResponse]:
    """The agents this agent can delegate to (its `sub_agent_ids` that still exist).

     In a session, an agent delegates with the `delegate` server tool (the `scripted` brain on
    `/delegate AGENT MESSAGE`): the sub-agent answers in a session of its own, named in the
    tool's result (`session_id`, `reply`). In a chat the same command delegates too, and the
    chat's stream reports it with a `delegation` event. A delegation that would make a cycle, or a chain
    deeper than three agents, is refused in the tool's result. One page holds them all.

    Args:
        agent_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AgentList | ErrorResponse]
    """

    kwargs = _get_kwargs(
        agent_id=agent_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    agent_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> AgentList | ErrorResponse | None:
    """The agents this agent can delegate to (its `sub_agent_ids` that still exist).

     In a session, an agent delegates with the `delegate` server tool (the `scripted` brain on
    `/delegate AGENT MESSAGE`): the sub-agent answers in a session of its own, named in the
    tool's result (`session_id`, `reply`). In a chat the same command delegates too, and the
    chat's stream reports it with a `delegation` event. A delegation that would make a cycle, or a chain
    deeper than three agents, is refused in the tool's result. One page holds them all.

    Args:
        agent_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AgentList | ErrorResponse
    """

    return sync_detailed(
        agent_id=agent_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    agent_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[AgentList | ErrorResponse]:
    """The agents this agent can delegate to (its `sub_agent_ids` that still exist).

     In a session, an agent delegates with the `delegate` server tool (the `scripted` brain on
    `/delegate AGENT MESSAGE`): the sub-agent answers in a session of its own, named in the
    tool's result (`session_id`, `reply`). In a chat the same command delegates too, and the
    chat's stream reports it with a `delegation` event. A delegation that would make a cycle, or a chain
    deeper than three agents, is refused in the tool's result. One page holds them all.

    Args:
        agent_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AgentList | ErrorResponse]
    """

    kwargs = _get_kwargs(
        agent_id=agent_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    agent_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> AgentList | ErrorResponse | None:
    """The agents this agent can delegate to (its `sub_agent_ids` that still exist).

     In a session, an agent delegates with the `delegate` server tool (the `scripted` brain on
    `/delegate AGENT MESSAGE`): the sub-agent answers in a session of its own, named in the
    tool's result (`session_id`, `reply`). In a chat the same command delegates too, and the
    chat's stream reports it with a `delegation` event. A delegation that would make a cycle, or a chain
    deeper than three agents, is refused in the tool's result. One page holds them all.

    Args:
        agent_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AgentList | ErrorResponse
    """

    return (
        await asyncio_detailed(
            agent_id=agent_id,
            client=client,
        )
    ).parsed
