"""The group operations: groups are conversations of kind ``group`` with admins, members and
invites. Who is not a member gets 404; a member who is not an admin gets 403."""

from __future__ import annotations

import base64

from ..core.call import Call, Handler
from ..core.errors import ApiError, invalid
from ..core.ids import new_id, now
from ..core.replies import Reply
from ..core.store import Row
from .avatars import sniff_image
from .caller import caller, named_identity, restricted
from .events import MessagingEvents
from .handles import normal_handle

__all__ = ["GROUP_HANDLERS", "group_deleted", "group_not_found"]


def group_not_found(group_id: str) -> ApiError:
    """404 GROUP_NOT_FOUND."""
    return ApiError("GROUP_NOT_FOUND", f"no group {group_id!r}")


def group_deleted(group: Row) -> ApiError:
    """410 GROUP_DELETED, saying who deleted the group and when."""
    return ApiError(
        "GROUP_DELETED",
        f"the group was deleted by @{group['deleted_by']} at {group['deleted_at']}",
        {
            "group_id": group["id"],
            "deleted_by": group["deleted_by"],
            "deleted_at": group["deleted_at"],
        },
    )


def _me(call: Call) -> Row:
    return caller(call, lambda: group_not_found(call.params["group_id"]))


def _membership(call: Call, me: Row) -> tuple[Row, str]:
    """The group the caller belongs to, and its role in it."""
    group_id = call.params["group_id"]
    store = call.state.store
    group = store.group(group_id)
    role = store.member_role(group_id, me["id"]) if group else None
    if group is None or role is None:
        raise group_not_found(group_id)
    if group.get("deleted_at"):
        raise group_deleted(group)
    return group, role


def _as_admin(call: Call) -> tuple[Row, Row]:
    me = _me(call)
    group, role = _membership(call, me)
    if role != "admin":
        raise ApiError("FORBIDDEN", "only the group's admins may do this")
    return me, group


def _shown(call: Call, group: Row) -> Row:
    members = call.state.store.group_members(group["id"])
    return {
        "id": group["id"],
        "name": group["name"],
        "description": group["description"],
        "avatar_url": group["avatar_url"],
        "created_by": group["created_by"],
        "members": [
            {"handle": m["handle"], "display_name": m["display_name"], "role": m["role"]}
            for m in members
        ],
        "created_at": group["created_at"],
        "updated_at": group["updated_at"],
    }


def _invite(call: Call, me: Row, group: Row, invitee: Row) -> Row:
    invite = {
        "id": new_id("inv"),
        "group_id": group["id"],
        "group_name": group["name"],
        "invited_by": me["handle"],
        "created_at": now(),
    }
    stored = call.state.store.add_invite(invite, invitee["id"])
    events = call.state.service(MessagingEvents)
    events.publish("group.invite.received", stored, [invitee["id"]])
    return stored


def _may_invite(me: Row) -> None:
    # An invitation starts a conversation, which a restricted identity may not do.
    if me.get("status") == "restricted":
        raise restricted()


async def create(call: Call) -> Reply:
    """Create a group with the caller as admin, inviting each handle listed."""
    me = caller(call)
    invitees = [
        named_identity(call, raw, f"member_handles[{index}]")
        for index, raw in enumerate(call.body.get("member_handles", []))
    ]
    if any(invitee["id"] != me["id"] for invitee in invitees):
        _may_invite(me)
    stamp = now()
    group = {
        "id": new_id("grp"),
        "name": call.body["name"],
        "description": call.body.get("description"),
        "avatar_url": None,
        "created_by": me["handle"],
        "creator_id": me["id"],
        "created_at": stamp,
        "updated_at": stamp,
    }
    call.state.store.create_group(group, me["id"])
    for invitee in invitees:
        if invitee["id"] != me["id"]:
            _invite(call, me, group, invitee)
    return Reply(_shown(call, group))


async def get(call: Call) -> Reply:
    """A group the caller belongs to."""
    group, _ = _membership(call, _me(call))
    return Reply(_shown(call, group))


async def update(call: Call) -> Reply:
    """Change the name or description."""
    _, group = _as_admin(call)
    group.update(call.body, updated_at=now())
    call.state.store.update_group(group)
    return Reply(_shown(call, group))


async def delete(call: Call) -> Reply:
    """Delete the group: only its creator may."""
    me = _me(call)
    group, _ = _membership(call, me)
    if group["creator_id"] != me["id"]:
        raise ApiError("FORBIDDEN", "only the group's creator may delete it")
    group.update(deleted_by=me["handle"], deleted_at=now())
    store = call.state.store
    store.update_group(group)
    store.delete_invites(group["id"])
    members = [member["identity_id"] for member in store.group_members(group["id"])]
    deleted = {
        "group_id": group["id"],
        "deleted_by": group["deleted_by"],
        "deleted_at": group["deleted_at"],
    }
    call.state.service(MessagingEvents).publish("group.deleted", deleted, members)
    return Reply({"id": group["id"], "deleted": True})


async def set_avatar(call: Call) -> Reply:
    """Set the group's avatar from raw image bytes."""
    _, group = _as_admin(call)
    media_type = sniff_image(call.raw)
    encoded = base64.b64encode(call.raw).decode()
    group.update(avatar_url=f"data:{media_type};base64,{encoded}", updated_at=now())
    call.state.store.update_group(group)
    return Reply(_shown(call, group))


async def remove_avatar(call: Call) -> Reply:
    """Remove the group's avatar."""
    _, group = _as_admin(call)
    group.update(avatar_url=None, updated_at=now())
    call.state.store.update_group(group)
    return Reply(_shown(call, group))


async def add_member(call: Call) -> Reply:
    """Invite an identity; it joins when it accepts."""
    me, group = _as_admin(call)
    _may_invite(me)
    invitee = named_identity(call, call.body["handle"], "handle")
    if call.state.store.member_role(group["id"], invitee["id"]) is not None:
        raise invalid("handle", "is a member of the group already")
    return Reply(_invite(call, me, group, invitee))


def _member(call: Call, group: Row) -> Row:
    handle = normal_handle(call.params["handle"])
    for member in call.state.store.group_members(group["id"]):
        if member["handle"] == handle:
            return member
    raise ApiError("IDENTITY_NOT_FOUND", f"@{handle} is not a member of the group")


async def remove_member(call: Call) -> Reply:
    """Remove a member (to leave, use leave)."""
    me, group = _as_admin(call)
    member = _member(call, group)
    if member["identity_id"] == me["id"]:
        raise invalid("handle", "is you; leave the group instead", "path")
    call.state.store.remove_member(group["id"], member["identity_id"])
    return Reply(_shown(call, group))


async def promote(call: Call) -> Reply:
    """Make a member an admin."""
    _, group = _as_admin(call)
    member = _member(call, group)
    call.state.store.set_role(group["id"], member["identity_id"], "admin")
    return Reply(_shown(call, group))


async def demote(call: Call) -> Reply:
    """Make an admin a plain member; the last admin stays one."""
    _, group = _as_admin(call)
    member = _member(call, group)
    admins = [m for m in call.state.store.group_members(group["id"]) if m["role"] == "admin"]
    if member["role"] == "admin" and len(admins) == 1:
        raise invalid("handle", "is the group's last admin; promote another member first", "path")
    call.state.store.set_role(group["id"], member["identity_id"], "member")
    return Reply(_shown(call, group))


async def leave(call: Call) -> Reply:
    """Leave the group; the earliest member becomes admin when the last admin leaves."""
    me = _me(call)
    group, _ = _membership(call, me)
    call.state.store.remove_member(group["id"], me["id"])
    return Reply({"id": group["id"], "deleted": True})


async def list_invites(call: Call) -> Reply:
    """The caller's pending invites."""
    me = caller(call)
    return Reply({"data": call.state.store.invites_for(me["id"])})


def _own_invite(call: Call) -> tuple[Row, Row]:
    invite_id = call.params["invite_id"]
    me = caller(call, lambda: ApiError("INVITE_NOT_FOUND", f"no invite {invite_id!r}"))
    invite = call.state.store.invite_for(invite_id, me["id"])
    if invite is None:
        raise ApiError("INVITE_NOT_FOUND", f"no invite {invite_id!r}")
    return me, invite


async def accept_invite(call: Call) -> Reply:
    """Join the group of an invite."""
    me, invite = _own_invite(call)
    store = call.state.store
    group = store.group(invite["group_id"])
    if group is None:  # pragma: no cover - invites go with their group
        raise ApiError("INVITE_NOT_FOUND", f"no invite {invite['id']!r}")
    if group.get("deleted_at"):
        raise group_deleted(group)
    store.add_member(group["id"], me["id"])
    store.delete_invites(group["id"], invite["id"])
    return Reply(_shown(call, group))


async def reject_invite(call: Call) -> Reply:
    """Reject an invite."""
    _, invite = _own_invite(call)
    call.state.store.delete_invites(invite["group_id"], invite["id"])
    return Reply({"id": invite["id"], "deleted": True})


GROUP_HANDLERS: dict[str, Handler] = {
    "groups_create": create,
    "groups_get": get,
    "groups_update": update,
    "groups_delete": delete,
    "groups_set_avatar": set_avatar,
    "groups_remove_avatar": remove_avatar,
    "groups_add_member": add_member,
    "groups_remove_member": remove_member,
    "groups_promote_member": promote,
    "groups_demote_member": demote,
    "groups_leave": leave,
    "groups_list_invites": list_invites,
    "groups_accept_invite": accept_invite,
    "groups_reject_invite": reject_invite,
}
