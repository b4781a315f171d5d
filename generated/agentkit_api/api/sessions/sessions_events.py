from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    session_id: str,
    *,
    after: int | Unset = UNSET,
    follow: bool | Unset = UNSET,
    last_event_id: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(last_event_id, Unset):
        headers["Last-Event-ID"] = last_event_id

    params: dict[str, Any] = {}

    params["after"] = after

    params["follow"] = follow

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/sessions/{session_id}/events".format(
            session_id=quote(str(session_id), safe=""),
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
    session_id: str,
    *,
    client: AuthenticatedClient | Client,
    after: int | Unset = UNSET,
    follow: bool | Unset = UNSET,
    last_event_id: str | Unset = UNSET,
) -> Response[ErrorResponse | str]:
    """Follow a session's event stream live from any event id.

     Replays the stored events after `Last-Event-ID` (or the `after` query parameter), then
    follows new ones live. The stream ends once the session is idle (no turn in progress),
    unless `follow` is true, in which case it stays open across turns, with keep-alive
    comments, until the server's follow limit passes while the session is idle; a client
    then reconnects with `Last-Event-ID`.

    Args:
        session_id (str):
        after (int | Unset):
        follow (bool | Unset):
        last_event_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | str]
    """

    kwargs = _get_kwargs(
        session_id=session_id,
        after=after,
        follow=follow,
        last_event_id=last_event_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    session_id: str,
    *,
    client: AuthenticatedClient | Client,
    after: int | Unset = UNSET,
    follow: bool | Unset = UNSET,
    last_event_id: str | Unset = UNSET,
) -> ErrorResponse | str | None:
    """Follow a session's event stream live from any event id.

     Replays the stored events after `Last-Event-ID` (or the `after` query parameter), then
    follows new ones live. The stream ends once the session is idle (no turn in progress),
    unless `follow` is true, in which case it stays open across turns, with keep-alive
    comments, until the server's follow limit passes while the session is idle; a client
    then reconnects with `Last-Event-ID`.

    Args:
        session_id (str):
        after (int | Unset):
        follow (bool | Unset):
        last_event_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | str
    """

    return sync_detailed(
        session_id=session_id,
        client=client,
        after=after,
        follow=follow,
        last_event_id=last_event_id,
    ).parsed


async def asyncio_detailed(
    session_id: str,
    *,
    client: AuthenticatedClient | Client,
    after: int | Unset = UNSET,
    follow: bool | Unset = UNSET,
    last_event_id: str | Unset = UNSET,
) -> Response[ErrorResponse | str]:
    """Follow a session's event stream live from any event id.

     Replays the stored events after `Last-Event-ID` (or the `after` query parameter), then
    follows new ones live. The stream ends once the session is idle (no turn in progress),
    unless `follow` is true, in which case it stays open across turns, with keep-alive
    comments, until the server's follow limit passes while the session is idle; a client
    then reconnects with `Last-Event-ID`.

    Args:
        session_id (str):
        after (int | Unset):
        follow (bool | Unset):
        last_event_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | str]
    """

    kwargs = _get_kwargs(
        session_id=session_id,
        after=after,
        follow=follow,
        last_event_id=last_event_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    session_id: str,
    *,
    client: AuthenticatedClient | Client,
    after: int | Unset = UNSET,
    follow: bool | Unset = UNSET,
    last_event_id: str | Unset = UNSET,
) -> ErrorResponse | str | None:
    """Follow a session's event stream live from any event id.

     Replays the stored events after `Last-Event-ID` (or the `after` query parameter), then
    follows new ones live. The stream ends once the session is idle (no turn in progress),
    unless `follow` is true, in which case it stays open across turns, with keep-alive
    comments, until the server's follow limit passes while the session is idle; a client
    then reconnects with `Last-Event-ID`.

    Args:
        session_id (str):
        after (int | Unset):
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
            session_id=session_id,
            client=client,
            after=after,
            follow=follow,
            last_event_id=last_event_id,
        )
    ).parsed
