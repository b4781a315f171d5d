# Generated from agentkit/_async by scripts/unasync.py: edit the async source, not this file.
"""``client.contacts``: contacts and their notes, blocks, reports and mutes."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

from agentkit_api.models import (
    Contact,
    ContactAdd,
    ContactPage,
    ContactStatus,
    ContactUpdate,
    Deleted,
    Mute,
    MuteCreate,
    MuteKind,
    Report,
    ReportCreate,
)
from agentkit_api.types import UNSET

from ..._compat import enum_member
from ..._errors import MuteNotFoundError
from ..._response import APIResponse
from ..endpoint import endpoint
from ..offset import paginate
from ._base import SyncResource

__all__ = ["Contacts"]


def _handle(handle: str) -> str:
    return handle.removeprefix("@")


def _moment(value: datetime | str) -> datetime:
    if isinstance(value, datetime):
        return value
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


class Contacts(SyncResource):
    """Your contacts (with notes), the identities you block, reports, and mutes."""

    @endpoint
    def add(self, handle: str, *, notes: str | None = None) -> APIResponse[Contact]:
        """Add a contact; adding it again replaces its notes.

        Raises:
            IdentityNotFoundError: No identity has the handle.
        """
        body = ContactAdd(handle=handle, notes=UNSET if notes is None else notes)
        return self._client._call("contacts_add", body=body)

    @endpoint
    def list_page(self, *, limit: int = 50, offset: int = 0) -> APIResponse[ContactPage]:
        """One page of your contacts, oldest first, with the total."""
        return self._client._call("contacts_list", limit=limit, offset=offset)

    def iterate(self, *, page_size: int = 100) -> Iterator[Contact]:
        """Every contact, fetched ``page_size`` at a time as you iterate."""

        def fetch(offset: int, limit: int) -> ContactPage:
            return self.list_page(limit=limit, offset=offset)

        for contact in paginate(fetch, page_size=page_size):
            yield contact

    @endpoint
    def check(self, handle: str) -> APIResponse[ContactStatus]:
        """Whether the handle is among your contacts, and whether you block it.

        Raises:
            IdentityNotFoundError: No identity has the handle.
        """
        return self._client._call("contacts_check", handle=_handle(handle))

    @endpoint
    def update_notes(self, handle: str, notes: str | None) -> APIResponse[Contact]:
        """Replace a contact's notes (``None`` clears them).

        Raises:
            ContactNotFoundError: The handle is not among your contacts.
        """
        body = ContactUpdate(notes=notes)
        return self._client._call("contacts_update", handle=_handle(handle), body=body)

    @endpoint
    def remove(self, handle: str) -> APIResponse[Deleted]:
        """Remove a contact.

        Raises:
            ContactNotFoundError: The handle is not among your contacts.
        """
        return self._client._call("contacts_remove", handle=_handle(handle))

    @endpoint
    def block(self, handle: str) -> APIResponse[ContactStatus]:
        """Block an identity: its direct messages to you raise ``BlockedError`` for it.

        Raises:
            IdentityNotFoundError: No identity has the handle.
        """
        return self._client._call("contacts_block", handle=_handle(handle))

    @endpoint
    def unblock(self, handle: str) -> APIResponse[ContactStatus]:
        """Unblock an identity (nothing happens when it is not blocked)."""
        return self._client._call("contacts_unblock", handle=_handle(handle))

    @endpoint
    def report(self, handle: str, reason: str) -> APIResponse[Report]:
        """Report an identity to the operators.

        Raises:
            IdentityNotFoundError: No identity has the handle.
        """
        body = ReportCreate(reason=reason)
        return self._client._call("contacts_report", handle=_handle(handle), body=body)

    @endpoint
    def mute(
        self, kind: MuteKind | str, target: str, *, muted_until: datetime | str | None = None
    ) -> APIResponse[Mute]:
        """Mute an identity (``kind="agent"``, a handle) or a conversation (its id), for good
        or until ``muted_until`` (a datetime with its zone, or RFC 3339 text). Muted messages are
        still stored and counted unread.

        Raises:
            IdentityNotFoundError: No identity has the handle.
            ConversationNotFoundError: No conversation of yours has the id.
        """
        body = MuteCreate(
            kind=enum_member(MuteKind, kind),
            target=_handle(target),
            muted_until=UNSET if muted_until is None else _moment(muted_until),
        )
        return self._client._call("contacts_mute", body=body)

    def mutes(self, kind: MuteKind | str | None = None) -> list[Mute]:
        """Your mutes in force, of one kind or all."""
        value = None if kind is None else enum_member(MuteKind, kind)
        response = self._client._call("contacts_list_mutes", kind=value)
        return list(response.parsed.data)

    def mute_status(self, kind: MuteKind | str, target: str) -> Mute | None:
        """The mute in force of an identity or conversation, or ``None``."""
        value = enum_member(MuteKind, kind)
        try:
            response = self._client._call(
                "contacts_mute_status", kind=value, target=_handle(target)
            )
        except MuteNotFoundError:
            return None
        mute: Mute = response.parsed
        return mute

    @endpoint
    def unmute(self, kind: MuteKind | str, target: str) -> APIResponse[Deleted]:
        """End a mute.

        Raises:
            MuteNotFoundError: No such mute is in force.
        """
        value = enum_member(MuteKind, kind)
        return self._client._call("contacts_unmute", kind=value, target=_handle(target))
