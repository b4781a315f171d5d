"""One request as a handler sees it (``Call``), and the helpers handlers share to read it."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Any

from .cursors import decode_cursor, encode_cursor
from .errors import invalid
from .replies import Answer, Reply
from .state import ServerState
from .store import Row
from .validation import parse_integer

__all__ = ["Call", "Handler", "last_event_id", "page_reply", "page_start", "resume_after"]


# Not frozen: one is made per request, and a frozen dataclass costs several times as much to make.
@dataclass(slots=True)
class Call:
    """One authenticated, validated request.

    Attributes:
        state: The server's state.
        org_id: The caller's organization (``""`` for an operation without a key).
        body: The JSON body, validated (``{}`` without one).
        params: The path, query and header parameters the contract declares, validated and
            coerced, with their defaults; keyed by name.
        raw: The body as sent.
        headers: The request headers (names in any case).
        request_id: The id the response quotes.
    """

    state: ServerState
    org_id: str
    body: dict[str, Any]
    params: dict[str, Any]
    raw: bytes
    headers: Mapping[str, str]
    request_id: str | None


Handler = Callable[[Call], Awaitable[Answer]]
"""The code of one operation."""


def page_start(call: Call) -> int:
    """The store position the request's ``cursor`` names (0, the start, when there is none)."""
    return decode_cursor(call.params.get("cursor"))


def page_reply(rows: list[Row], next_position: int | None) -> Reply:
    """A cursor page ``{"data", "has_more", "next_cursor"}``; ``next_position`` is the store's
    position of the page's last row when more rows follow."""
    cursor = None if next_position is None else encode_cursor(next_position)
    return Reply({"data": rows, "has_more": cursor is not None, "next_cursor": cursor})


def last_event_id(headers: Mapping[str, str]) -> int | None:
    """The ``Last-Event-ID`` header as a seq, when it is one: ASCII digits, no larger than the
    store holds (``None`` for anything else, such as ``²`` or twenty nines)."""
    value = parse_integer(headers.get("last-event-id", "").strip())
    return value if value is not None and value >= 0 else None


def resume_after(call: Call) -> int:
    """Where a stream reader resumes: ``Last-Event-ID`` if sent, else ``?after=`` (default 0)."""
    after = last_event_id(call.headers)
    if call.params.get("Last-Event-ID") is not None and after is None:
        raise invalid(
            "Last-Event-ID",
            "must be an event id this server sent (a non-negative integer)",
            "header",
        )
    if after is None:
        after = int(call.params.get("after", 0))
    return after
