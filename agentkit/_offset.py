"""What the offset pagers share: the shape of a page-fetching function and of its pages."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

__all__ = ["AsyncOffsetFetch", "OffsetFetch", "page_items", "page_total"]

OffsetFetch = Callable[[int, int], Any]
"""``fetch_page(offset, limit)``: a page of items (a list, or an object or dict with ``data``
or ``items``, and optionally ``total``)."""

AsyncOffsetFetch = Callable[[int, int], Awaitable[Any]]
"""The async form of ``OffsetFetch``."""


def _field(page: Any, name: str) -> Any:
    if isinstance(page, dict):
        return page.get(name)
    return getattr(page, name, None)


def page_items(page: Any) -> list[Any]:
    """The items of a page, whatever its shape.

    Raises:
        TypeError: The page is neither a list nor has ``data`` or ``items``.
    """
    if isinstance(page, list | tuple):
        return list(page)
    for name in ("data", "items"):
        items = _field(page, name)
        if items is not None:
            return list(items)
    raise TypeError(f"a page must be a list or have data or items, not {type(page).__name__}")


def page_total(page: Any) -> int | None:
    """The number of items in all pages, when the page says."""
    total = _field(page, "total")
    return total if isinstance(total, int) and not isinstance(total, bool) else None
