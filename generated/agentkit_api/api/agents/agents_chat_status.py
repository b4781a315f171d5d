from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    agent_id: str,
    chat_id: str,
    *,
    follow: bool | Unset = UNSET,
    last_event_id: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(last_event_id, Unset):
        headers["Last-Event-ID"] = last_event_id

    params: dict[str, Any] = {}

    params["follow"] = follow

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/agents/{agent_id}/chats/{chat_id}/status".format(
            agent_id=quote(str(agent_id), safe=""),
            chat_id=quote(str(chat_id), safe=""),
        ),
        "params": params,
    }

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
    chat_id: str,
    *,
    client: AuthenticatedClient | Client,
    follow: bool | Unset = UNSET,
    last_event_id: str | Unset = UNSET,
) -> Response[ErrorResponse | str]:
    """Follow a chat's status (ready, streaming, ...) as server-sent `status` events.

     The first `status` event tells the status now; another follows each time the status,
    the title or the message count changes. Without `follow` the stream ends once no reply
    is under way (at once for a chat that is `ready`). With `follow` it stays open across
    replies, with keep-alive comments, until the server's follow limit passes while the
    chat is idle. The last event is `end`, with the reason the stream ended (`idle`,
    `follow_limit` or `deleted`).

    Each `status` event is the whole status, and changes that come close together may be
    seen as one. The stream resumes by state: each `status` event's id stands for the
    chat and what the event shows, and a reader that reconnects with `Last-Event-ID`
    first receives the status now only if it differs from the one that id stands for. So
    a reconnecting reader misses no change (the status now covers those it was away for)
    and never receives the status it saw last again. An id the server did not send is
    taken as one of another status.

    Args:
        agent_id (str):
        chat_id (str):
        follow (bool | Unset):
        last_event_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | str]
    """

    kwargs = _get_kwargs(
        agent_id=agent_id,
        chat_id=chat_id,
        follow=follow,
        last_event_id=last_event_id,
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
    follow: bool | Unset = UNSET,
    last_event_id: str | Unset = UNSET,
) -> ErrorResponse | str | None:
    """Follow a chat's status (ready, streaming, ...) as server-sent `status` events.

     The first `status` event tells the status now; another follows each time the status,
    the title or the message count changes. Without `follow` the stream ends once no reply
    is under way (at once for a chat that is `ready`). With `follow` it stays open across
    replies, with keep-alive comments, until the server's follow limit passes while the
    chat is idle. The last event is `end`, with the reason the stream ended (`idle`,
    `follow_limit` or `deleted`).

    Each `status` event is the whole status, and changes that come close together may be
    seen as one. The stream resumes by state: each `status` event's id stands for the
    chat and what the event shows, and a reader that reconnects with `Last-Event-ID`
    first receives the status now only if it differs from the one that id stands for. So
    a reconnecting reader misses no change (the status now covers those it was away for)
    and never receives the status it saw last again. An id the server did not send is
    taken as one of another status.

    Args:
        agent_id (str):
        chat_id (str):
        follow (bool | Unset):
        last_event_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | str
    """

    return sync_detailed(
        agent_id=agent_id,
        chat_id=chat_id,
        client=client,
        follow=follow,
        last_event_id=last_event_id,
    ).parsed


async def asyncio_detailed(
    agent_id: str,
    chat_id: str,
    *,
    client: AuthenticatedClient | Client,
    follow: bool | Unset = UNSET,
    last_event_id: str | Unset = UNSET,
) -> Response[ErrorResponse | str]:
    """Follow a chat's status (ready, streaming, ...) as server-sent `status` events.

     The first `status` event tells the status now; another follows each time the status,
    the title or the message count changes. Without `follow` the stream ends once no reply
    is under way (at once for a chat that is `ready`). With `follow` it stays open across
    replies, with keep-alive comments, until the server's follow limit passes while the
    chat is idle. The last event is `end`, with the reason the stream ended (`idle`,
    `follow_limit` or `deleted`).

    Each `status` event is the whole status, and changes that come close together may be
    seen as one. The stream resumes by state: each `status` event's id stands for the
    chat and what the event shows, and a reader that reconnects with `Last-Event-ID`
    first receives the status now only if it differs from the one that id stands for. So
    a reconnecting reader misses no change (the status now covers those it was away for)
    and never receives the status it saw last again. An id the server did not send is
    taken as one of another status.

    Args:
        agent_id (str):
        chat_id (str):
        follow (bool | Unset):
        last_event_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | str]
    """

    kwargs = _get_kwargs(
        agent_id=agent_id,
        chat_id=chat_id,
        follow=follow,
        last_event_id=last_event_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    agent_id: str,
    chat_id: str,
    *,
    client: AuthenticatedClient | Client,
    follow: bool | Unset = UNSET,
    last_event_id: str | Unset = UNSET,
) -> ErrorResponse | str | None:
    """Follow a chat's status (ready, streaming, ...) as server-sent `status` events.

     The first `status` event tells the status now; another follows each time the status,
    the title or the message count changes. Without `follow` the stream ends once no reply
    is under way (at once for a chat that is `ready`). With `follow` it stays open across
    replies, with keep-alive comments, until the server's follow limit passes while the
    chat is idle. The last event is `end`, with the reason the stream ended (`idle`,
    `follow_limit` or `deleted`).

    Each `status` event is the whole status, and changes that come close together may be
    seen as one. The stream resumes by state: each `status` event's id stands for the
    chat and what the event shows, and a reader that reconnects with `Last-Event-ID`
    first receives the status now only if it differs from the one that id stands for. So
    a reconnecting reader misses no change (the status now covers those it was away for)
    and never receives the status it saw last again. An id the server did not send is
    taken as one of another status.

    Args:
        agent_id (str):
        chat_id (str):
        follow (bool | Unset):
        last_event_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | str
    """

    return (
        await asyncio_detailed(
            agent_id=agent_id,
            chat_id=chat_id,
            client=client,
            follow=follow,
            last_event_id=last_event_id,
        )
    ).parsed
