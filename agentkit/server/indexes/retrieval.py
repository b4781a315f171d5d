"""Full-text retrieval over knowledge indexes, safe from query syntax."""

from __future__ import annotations

import re

from ..core.store import Row
from .store import IndexStore

__all__ = ["query_words", "retrieve"]

_WORD = re.compile(r"[^\W_]+")
_MAX_WORDS = 64


def query_words(query: str) -> list[str]:
    """The words of a query to search for, lower-cased, each once, in order.

    Only letters and digits make words, so no user text can be search syntax.
    """
    return list(dict.fromkeys(word.lower() for word in _WORD.findall(query)))[:_MAX_WORDS]


def retrieve(
    store: IndexStore, org_id: str, index_ids: list[str], query: str, top_k: int
) -> list[Row]:
    """The ``top_k`` chunks of those indexes that best match the query, best first."""
    words = query_words(query)
    if not words:
        return []
    return store.search_chunks(org_id, index_ids, words, top_k)
