# Generated from agentkit/_async by scripts/unasync.py: edit the async source, not this file.
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ..._page import Page
from ..pagination import Pager

if TYPE_CHECKING:
    from ..client import AgentKit


class SyncResource:
    """A namespace of API methods bound to one client."""

    def __init__(self, client: AgentKit) -> None:
        self._client = client

    def _cursor_pager(
        self,
        operation_id: str,
        *,
        page_size: int,
        item: Callable[[Any], Any] | None = None,
        **params: Any,
    ) -> Pager[Any]:
        """A lazy pager over a list operation of the contract that pages by ``limit`` / ``cursor``.

        ``params`` are sent with every page (path ids, filters); ``item``, when given, turns
        each listed object into what the pager yields.
        """

        def fetch(cursor: str | None) -> Page[Any]:
            response = self._client._call(operation_id, limit=page_size, cursor=cursor, **params)
            page = response.parsed
            data = page.data if item is None else [item(entry) for entry in page.data]
            return Page(data, page.has_more, page.next_cursor, response.request_id)

        return Pager(fetch)
