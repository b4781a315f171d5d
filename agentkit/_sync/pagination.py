# Generated from agentkit/_async by scripts/unasync.py: edit the async source, not this file.
"""Lazy pagers: no request is sent until you iterate or ask for a page."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Generic, TypeVar

from .._errors import PaginationLoopError, ValidationError
from .._page import Page

__all__ = ["Pager"]

T = TypeVar("T")


class Pager(Generic[T]):
    """Iterates the items of a cursor-paged list across all its pages.

    ``for item in pager`` walks every page lazily, holding one page at a time.
    ``pager.first_page()`` fetches a single page; ``pager.pages()`` iterates pages.
    A server that hands out a cursor it already gave makes iteration raise
    ``PaginationLoopError`` instead of looping forever.

    To go on later from where you stopped, keep a page's ``next_cursor`` and start again from it
    with ``pager.from_cursor(cursor)``.
    """

    def __init__(self, fetch: Callable[[str | None], Page[T]], start: str | None = None) -> None:
        self._fetch = fetch
        self._start = start

    def from_cursor(self, cursor: str) -> Pager[T]:
        """The same list, starting at the page that ``cursor`` (a ``next_cursor``) points to.

        Raises:
            ValidationError: The cursor is empty.
            TypeError: The cursor is not a string.
        """
        if not isinstance(cursor, str):
            raise TypeError(
                f"cursor takes a page's next_cursor (a string), not {type(cursor).__name__}"
            )
        if not cursor:
            raise ValidationError.client_side("cursor", "the cursor is empty: pass a next_cursor")
        return type(self)(self._fetch, cursor)

    def first_page(self) -> Page[T]:
        """Fetch the first page only (the one at the starting cursor, if there is one)."""
        return self._fetch(self._start)

    def pages(self) -> Iterator[Page[T]]:
        """Iterate page by page, following ``next_cursor`` while ``has_more``."""
        cursor: str | None = self._start
        seen: set[str] = {cursor} if cursor else set()
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
