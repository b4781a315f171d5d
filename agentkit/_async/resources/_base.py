from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from agentkit_api.types import UNSET

from ..._compat import open_models
from ..._page import Page
from ..pagination import AsyncPager

if TYPE_CHECKING:
    from agentkit_api.types import Response

    from ..client import AsyncAgentKit

open_models()


class AsyncResource:
    """A namespace of API methods bound to one client."""

    def __init__(self, client: AsyncAgentKit) -> None:
        self._client = client

    def _cursor_pager(
        self,
        operation: Callable[..., Awaitable[Response[Any]]],
        *args: Any,
        page_size: int,
        item: Callable[[Any], Any] | None = None,
        **params: Any,
    ) -> AsyncPager[Any]:
        """A lazy pager over a generated list operation that pages by ``limit`` / ``cursor``.

        ``args`` and ``params`` are passed on every page (path ids, filters); ``item``, when
        given, turns each listed object into what the pager yields.
        """

        async def fetch(cursor: str | None) -> Page[Any]:
            response = await self._client._call(
                operation,
                *args,
                limit=page_size,
                cursor=UNSET if cursor is None else cursor,
                **params,
            )
            page = response.parsed
            data = page.data if item is None else [item(entry) for entry in page.data]
            return Page(data, page.has_more, page.next_cursor)

        return AsyncPager(fetch)
