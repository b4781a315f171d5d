"""One page of a list."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

__all__ = ["Page"]

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    """One page of results.

    Attributes:
        data: The items on this page.
        has_more: Whether another page follows.
        next_cursor: The cursor of the next page, or ``None`` on the last one. Keep it to go
            on later: ``pager.from_cursor(next_cursor)``.
        request_id: The server's request id of the page.
    """

    data: list[T]
    has_more: bool
    next_cursor: str | None
    request_id: str | None = None
