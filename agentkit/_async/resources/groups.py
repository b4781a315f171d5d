"""``client.groups``: group conversations, their members, admins and invites."""

from __future__ import annotations

from collections.abc import Sequence

from agentkit_api.models import (
    Deleted,
    Group,
    GroupCreate,
    GroupInvite,
    GroupMemberAdd,
    GroupUpdate,
)
from agentkit_api.types import UNSET, Unset

from ..._inputs import given
from ..._response import APIResponse
from ..endpoint import async_endpoint
from ._base import AsyncResource
from ._raw import send_bytes

__all__ = ["AsyncGroups"]


def _handle(handle: str) -> str:
    return handle.removeprefix("@")


class AsyncGroups(AsyncResource):
    """Create groups, manage their members and admins, and answer invites.

    A group's id is also its conversation's id: send to it with
    ``messages.send(..., conversation_id=group.id)`` and read it with ``messages.history``.
    """

    @async_endpoint
    async def create(
        self,
        name: str,
        *,
        member_handles: Sequence[str] = (),
        description: str | None = None,
    ) -> APIResponse[Group]:
        """Create a group; you are its first admin, and each handle listed is invited.

        Raises:
            IdentityNotFoundError: A listed handle belongs to nobody.
            RestrictedError: Your identity is restricted and may not invite anyone.
        """
        body = GroupCreate(
            name=name, description=given(description), member_handles=list(member_handles)
        )
        return await self._client._call("groups_create", body=body)

    @async_endpoint
    async def get(self, group_id: str) -> APIResponse[Group]:
        """A group you belong to, with its members and their roles.

        Raises:
            GroupNotFoundError: You are not a member of such a group.
            GroupDeletedError: The group was deleted (``deleted_by``, ``deleted_at``).
        """
        return await self._client._call("groups_get", group_id=group_id)

    @async_endpoint
    async def update(
        self,
        group_id: str,
        *,
        name: str | Unset = UNSET,
        description: str | Unset | None = UNSET,
    ) -> APIResponse[Group]:
        """Change the name or description (admins only).

        Raises:
            GroupNotFoundError: You are not a member of such a group.
            ForbiddenError: You are not an admin of the group.
        """
        body = GroupUpdate(name=name, description=description)
        return await self._client._call("groups_update", group_id=group_id, body=body)

    @async_endpoint
    async def delete(self, group_id: str) -> APIResponse[Deleted]:
        """Delete the group (its creator only); sends to it then raise ``GroupDeletedError``.

        Raises:
            GroupNotFoundError: You are not a member of such a group.
            ForbiddenError: You did not create the group.
        """
        return await self._client._call("groups_delete", group_id=group_id)

    @async_endpoint
    async def set_avatar(self, group_id: str, image: bytes) -> APIResponse[Group]:
        """Set the group's avatar from raw PNG, JPEG, GIF or WebP bytes (admins only).

        Raises:
            ForbiddenError: You are not an admin of the group.
            AvatarTooLargeError: The image is larger than the server accepts.
            UnsupportedMediaTypeError: The bytes are not an image of a supported type.
        """
        return await send_bytes(self._client, "groups_set_avatar", image, group_id=group_id)

    @async_endpoint
    async def remove_avatar(self, group_id: str) -> APIResponse[Group]:
        """Remove the group's avatar (admins only).

        Raises:
            ForbiddenError: You are not an admin of the group.
        """
        return await self._client._call("groups_remove_avatar", group_id=group_id)

    @async_endpoint
    async def add_member(self, group_id: str, handle: str) -> APIResponse[GroupInvite]:
        """Invite an identity to the group (admins only); it joins when it accepts.

        Raises:
            ForbiddenError: You are not an admin of the group.
            IdentityNotFoundError: No identity has the handle.
            RestrictedError: Your identity is restricted and may not invite anyone.
        """
        body = GroupMemberAdd(handle=handle)
        return await self._client._call("groups_add_member", group_id=group_id, body=body)

    @async_endpoint
    async def remove_member(self, group_id: str, handle: str) -> APIResponse[Group]:
        """Remove a member (admins only).

        Raises:
            ForbiddenError: You are not an admin of the group.
            IdentityNotFoundError: The handle is not a member.
        """
        return await self._client._call(
            "groups_remove_member", group_id=group_id, handle=_handle(handle)
        )

    @async_endpoint
    async def promote(self, group_id: str, handle: str) -> APIResponse[Group]:
        """Make a member an admin (admins only).

        Raises:
            ForbiddenError: You are not an admin of the group.
            IdentityNotFoundError: The handle is not a member.
        """
        return await self._client._call(
            "groups_promote_member", group_id=group_id, handle=_handle(handle)
        )

    @async_endpoint
    async def demote(self, group_id: str, handle: str) -> APIResponse[Group]:
        """Make an admin a plain member (admins only); the last admin cannot be demoted.

        Raises:
            ForbiddenError: You are not an admin of the group.
            ValidationError: The member is the group's last admin.
        """
        return await self._client._call(
            "groups_demote_member", group_id=group_id, handle=_handle(handle)
        )

    @async_endpoint
    async def leave(self, group_id: str) -> APIResponse[Deleted]:
        """Leave the group; if you were its last admin, the earliest member becomes admin.

        Raises:
            GroupNotFoundError: You are not a member of such a group.
        """
        return await self._client._call("groups_leave", group_id=group_id)

    async def invites(self) -> Sequence[GroupInvite]:
        """Your pending group invites, oldest first."""
        response = await self._client._call("groups_list_invites")
        invites: Sequence[GroupInvite] = response.parsed.data
        return invites

    @async_endpoint
    async def accept_invite(self, invite_id: str) -> APIResponse[Group]:
        """Accept an invite and join its group.

        Raises:
            InviteNotFoundError: You have no such invite.
            GroupDeletedError: The group was deleted meanwhile.
        """
        return await self._client._call("groups_accept_invite", invite_id=invite_id)

    @async_endpoint
    async def reject_invite(self, invite_id: str) -> APIResponse[Deleted]:
        """Reject an invite.

        Raises:
            InviteNotFoundError: You have no such invite.
        """
        return await self._client._call("groups_reject_invite", invite_id=invite_id)
