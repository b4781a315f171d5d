# Generated from agentkit/_async by scripts/unasync.py: edit the async source, not this file.
"""Offset pagination over any page-fetching function: ``paginate`` (``paginate`` when sync)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .._offset import OffsetFetch, page_items, page_total

__all__ = ["paginate"]


def paginate(
    fetch_page: OffsetFetch,
    *,
    page_size: int = 50,
    start: int = 0,
    max: int | None = None,
) -> Iterator[Any]:
    """Yield the items of every page ``fetch_page(offset, limit)`` returns, from ``start``.

    It stops at a short or empty page, once ``total`` items are passed (when pages say), or
    after ``max`` items.

    Raises:
        ValueError: ``page_size`` is not positive, or ``start`` or ``max`` is negative.
    """
    if page_size < 1 or start < 0 or (max is not None and max < 0):
        raise ValueError("page_size must be positive; start and max not negative")
    offset, given = start, 0
    while max is None or given < max:
        page = fetch_page(offset, page_size)
        items = page_items(page)
        for item in items:
            if max is not None and given >= max:
                return
            yield item
            given += 1
        offset += len(items)
        total = page_total(page)
        if len(items) < page_size or (total is not None and offset >= total):
            return
