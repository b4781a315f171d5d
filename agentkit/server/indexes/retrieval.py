"""Full-text retrieval over knowledge indexes (SQLite FTS5, bm25), safe from query syntax."""

from __future__ import annotations

import re

from ..core.store import Row
from .store import IndexStore

__all__ = ["match_expression", "retrieve"]

_WORD = re.compile(r"[^\W_]+")
_MAX_WORDS = 64


def match_expression(query: str) -> str | None:
    """The FTS5 ``MATCH`` expression for a query: its words, each quoted, joined with OR.

    Only letters and digits make words, so no user text can be FTS syntax. ``None`` when the
    query has no word at all.
    """
    words = list(dict.fromkeys(word.lower() for word in _WORD.findall(query)))[:_MAX_WORDS]
    if not words:
        return None
    return " OR ".join(f'"{word}"' for word in words)


def retrieve(
    store: IndexStore, org_id: str, index_ids: list[str], query: str, top_k: int
) -> list[Row]:
    """The ``top_k`` chunks of those indexes that best match the query, best first."""
    match = match_expression(query)
    if match is None:
        return []
    return store.search_chunks(org_id, index_ids, match, top_k)
