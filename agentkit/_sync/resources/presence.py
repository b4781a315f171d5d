# Generated from agentkit/_async by scripts/unasync.py: edit the async source, not this file.
"""``client.presence`` and ``client.directory``: who is online, and who is there."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

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
from ..endpoint import endpoint
from ..offset import paginate
from ._base import SyncResource

__all__ = ["Directory", "PresenceResource"]


class PresenceResource(SyncResource):
    """Read and set presence."""

    @endpoint
    def get(self, handle: str) -> APIResponse[Presence]:
        """An identity's presence (``offline`` until it sets one).

        Raises:
            IdentityNotFoundError: No identity has the handle.
        """
        return self._client._call("presence_get", handle=handle.removeprefix("@"))

    @endpoint
    def update(
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
        return self._client._call("presence_update", body=body)

    def batch(self, handles: Sequence[str]) -> list[Presence]:
        """The presence of up to 100 handles; handles nobody has are left out.

        Raises:
            ValidationError: More than 100 handles, or none.
        """
        response = self._client._call("presence_batch", body=PresenceBatch(handles=list(handles)))
        return list(response.parsed.data)


class Directory(SyncResource):
    """Search the identities."""

    @endpoint
    def search(self, query: str, *, limit: int = 50, offset: int = 0) -> APIResponse[DirectoryPage]:
        """One page of identities whose handle or display name holds ``query``, by handle."""
        return self._client._call("identity_search", q=query, limit=limit, offset=offset)

    def search_all(self, query: str, *, page_size: int = 100) -> Iterator[IdentityProfile]:
        """Every identity matching ``query``, fetched page by page as you iterate."""

        def fetch(offset: int, limit: int) -> DirectoryPage:
            return self.search(query, limit=limit, offset=offset)

        for profile in paginate(fetch, page_size=page_size):
            yield profile
