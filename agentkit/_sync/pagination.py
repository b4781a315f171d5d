# Generated from agentkit/_async by scripts/unasync.py: edit the async source, not this file.
"""Lazy pagers: no request is sent until you iterate or ask for a page."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Generic, TypeVar

from .._errors import PaginationLoopError
from .._page import Page

__all__ = ["Pager"]

T = TypeVar("T")


class Pager(Generic[T]):
    """Iterates the items of a cursor-paged list across all its pages.

    ``for item in pager`` walks every page lazily, holding one page at a time.
    ``pager.first_page()`` fetches a single page; ``pager.pages()`` iterates pages.
    A server that hands out a cursor it already gave makes iteration raise
    ``PaginationLoopError`` instead of looping forever.
    """

    def __init__(self, fetch: Callable[[str | None], Page[T]]) -> None:
        self._fetch = fetch

    def first_page(self) -> Page[T]:
        """Fetch the first page only."""
        return self._fetch(None)

    def pages(self) -> Iterator[Page[T]]:
        """Iterate page by page, following ``next_cursor`` while ``has_more``."""
        cursor: str | None = None
        seen: set[str] = set()
        while True:
            page = self._fetch(cursor)
            yield page
            if not page.has_more or not page.next_cursor:
                return
            if page.next_cursor in seen:
                raise PaginationLoopError(
                    f"the server repeated the cursor {page.next_cursor!r}; stopping"
                )
            seen.add(page.next_cursor)
            cursor = page.next_cursor

    def __iter__(self) -> Iterator[T]:
        for page in self.pages():
            for item in page.data:
                yield item
