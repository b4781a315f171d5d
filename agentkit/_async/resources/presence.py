"""``client.presence`` and ``client.directory``: who is online, and who is there."""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence

from agentkit_api.models import (
    DirectoryPage,
    IdentityProfile,
    Presence,
    PresenceBatch,
    PresenceUpdate,
    PresenceUpdateStatus,
)
from agentkit_api.types import UNSET

from ..._compat import enum_member
from ..._response import APIResponse
from ..endpoint import async_endpoint
from ..offset import apaginate
from ._base import AsyncResource

__all__ = ["AsyncDirectory", "AsyncPresenceResource"]


class AsyncPresenceResource(AsyncResource):
    """Read and set presence."""

    @async_endpoint
    async def get(self, handle: str) -> APIResponse[Presence]:
        """An identity's presence (``offline`` until it sets one).

        Raises:
            IdentityNotFoundError: No identity has the handle.
        """
        return await self._client._call("presence_get", handle=handle.removeprefix("@"))

    @async_endpoint
    async def update(
        self, status: PresenceUpdateStatus | str, *, custom_status: str | None = None
    ) -> APIResponse[Presence]:
        """Set your presence: ``online``, ``away``, ``busy`` or ``offline``, with an optional
        custom status.

        Raises:
            ValidationError: An unknown status.
        """
        body = PresenceUpdate(
            status=enum_member(PresenceUpdateStatus, status),
            custom_status=UNSET if custom_status is None else custom_status,
        )
        return await self._client._call("presence_update", body=body)

    async def batch(self, handles: Sequence[str]) -> list[Presence]:
        """The presence of up to 100 handles; handles nobody has are left out.

        Raises:
            ValidationError: More than 100 handles, or none.
        """
        response = await self._client._call(
            "presence_batch", body=PresenceBatch(handles=list(handles))
        )
        return list(response.parsed.data)


class AsyncDirectory(AsyncResource):
    """Search the identities."""

    @async_endpoint
    async def search(
        self, query: str, *, limit: int = 50, offset: int = 0
    ) -> APIResponse[DirectoryPage]:
        """One page of identities whose handle or display name holds ``query``, by handle."""
        return await self._client._call("identity_search", q=query, limit=limit, offset=offset)

    async def search_all(
        self, query: str, *, page_size: int = 100
    ) -> AsyncIterator[IdentityProfile]:
        """Every identity matching ``query``, fetched page by page as you iterate."""

        async def fetch(offset: int, limit: int) -> DirectoryPage:
            return await self.search(query, limit=limit, offset=offset)

        async for profile in apaginate(fetch, page_size=page_size):
            yield profile
