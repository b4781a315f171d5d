"""Contacts, blocks, reports, mutes, presence and the directory."""

from __future__ import annotations

from datetime import UTC, datetime

from ..core.call import Call, Handler
from ..core.errors import ApiError, invalid
from ..core.ids import new_id, now
from ..core.replies import Reply
from ..core.state import ServerState
from ..core.store import Row
from .caller import caller, named_identity
from .events import MessagingEvents
from .handles import normal_handle

__all__ = ["SOCIAL_HANDLERS", "set_presence"]


def _other(call: Call, raw: str, field: str = "handle", location: str = "path") -> Row:
    return named_identity(call, raw, field, location)


def _status(call: Call, me: Row, other: Row) -> Reply:
    store = call.state.store
    return Reply(
        {
            "handle": other["handle"],
            "is_contact": store.contact(me["id"], other["id"]) is not None,
            "is_blocked": store.blocks(me["id"], other["id"]),
        }
    )


async def add(call: Call) -> Reply:
    """Add a contact (again: replace its notes)."""
    me = caller(call)
    other = _other(call, call.body["handle"], location="body")
    if other["id"] == me["id"]:
        raise invalid("handle", "is your own handle")
    return Reply(call.state.store.put_contact(me["id"], other["id"], call.body.get("notes"), now()))


async def list_contacts(call: Call) -> Reply:
    """A page of contacts by offset."""
    me = caller(call)
    offset, limit = call.params["offset"], call.params["limit"]
    rows, total = call.state.store.contacts(me["id"], offset, limit)
    return Reply({"data": rows, "total": total, "limit": limit, "offset": offset})


async def check(call: Call) -> Reply:
    """Whether a handle is a contact, and whether it is blocked."""
    me = caller(call)
    return _status(call, me, _other(call, call.params["handle"]))


def _contact_not_found(other: Row) -> ApiError:
    return ApiError("CONTACT_NOT_FOUND", f"@{other['handle']} is not among your contacts")


async def update(call: Call) -> Reply:
    """Replace a contact's notes."""
    me = caller(call)
    other = _other(call, call.params["handle"])
    store = call.state.store
    if not store.set_contact_notes(me["id"], other["id"], call.body["notes"]):
        raise _contact_not_found(other)
    contact = store.contact(me["id"], other["id"])
    return Reply(contact)


async def remove(call: Call) -> Reply:
    """Remove a contact."""
    me = caller(call)
    other = _other(call, call.params["handle"])
    if not call.state.store.remove_contact(me["id"], other["id"]):
        raise _contact_not_found(other)
    return Reply({"id": other["handle"], "deleted": True})


async def block(call: Call) -> Reply:
    """Block an identity."""
    me = caller(call)
    other = _other(call, call.params["handle"])
    if other["id"] == me["id"]:
        raise invalid("handle", "is your own handle", "path")
    call.state.store.set_block(me["id"], other["id"], True)
    return _status(call, me, other)


async def unblock(call: Call) -> Reply:
    """Unblock an identity."""
    me = caller(call)
    other = _other(call, call.params["handle"])
    call.state.store.set_block(me["id"], other["id"], False)
    return _status(call, me, other)


async def report(call: Call) -> Reply:
    """Keep a report of an identity for the operators."""
    me = caller(call)
    other = _other(call, call.params["handle"])
    filed = {
        "id": new_id("rep"),
        "handle": other["handle"],
        "reason": call.body["reason"],
        "created_at": now(),
    }
    store = call.state.store
    store.add_report(filed, me["id"], other["id"])
    threshold = call.state.config.restrict_after_reports
    if (
        threshold is not None
        and other.get("status", "active") == "active"
        and store.reporters_of(other["id"]) >= threshold
    ):
        store.update_identity({**other, "status": "restricted", "updated_at": now()})
    return Reply(filed)


def _mute_target(call: Call, me: Row, kind: str, raw: str, location: str) -> str:
    if kind == "agent":
        return str(_other(call, raw, "target", location)["handle"])
    if call.state.store.membership(raw, me["id"], hidden=True) is None:
        raise ApiError("CONVERSATION_NOT_FOUND", f"no conversation {raw!r}")
    return raw


def _until(raw: str | None) -> str | None:
    if raw is None:
        return None
    try:
        moment = datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError:
        raise invalid("muted_until", "must be an RFC 3339 date-time") from None
    if moment.tzinfo is None:
        raise invalid("muted_until", "must name its time zone (such as Z)")
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


async def mute(call: Call) -> Reply:
    """Mute an identity or a conversation."""
    me = caller(call)
    kind = call.body["kind"]
    target = _mute_target(call, me, kind, call.body["target"], "body")
    entry = {
        "kind": kind,
        "target": target,
        "muted_until": _until(call.body.get("muted_until")),
        "created_at": now(),
    }
    call.state.store.put_mute(me["id"], entry)
    return Reply(entry)


async def list_mutes(call: Call) -> Reply:
    """The caller's mutes in force."""
    me = caller(call)
    return Reply({"data": call.state.store.mutes(me["id"], call.params.get("kind"), now())})


def _mute_not_found() -> ApiError:
    return ApiError("MUTE_NOT_FOUND", "no mute of this in force")


def _own_mute(call: Call) -> tuple[Row, Row]:
    me = caller(call, _mute_not_found)
    kind = call.params["kind"]
    target = call.params["target"]
    if kind == "agent":
        target = normal_handle(target)
    for entry in call.state.store.mutes(me["id"], kind, now()):
        if entry["target"] == target:
            return me, entry
    raise _mute_not_found()


async def mute_status(call: Call) -> Reply:
    """One mute in force."""
    _, entry = _own_mute(call)
    return Reply(entry)


async def unmute(call: Call) -> Reply:
    """End a mute."""
    me, entry = _own_mute(call)
    call.state.store.delete_mute(me["id"], entry["kind"], entry["target"])
    return Reply({"id": entry["target"], "deleted": True})


def _presence(identity: Row, stored: Row | None) -> Row:
    shown = stored or {"status": "offline", "custom_status": None, "updated_at": None}
    return {"handle": identity["handle"], **shown}


def set_presence(state: ServerState, me: Row, status: str, custom_status: str | None) -> Row:
    """Set ``me``'s presence; the presence shown. When it changed, whoever has ``me`` as a
    contact or shares a direct conversation with it is told (``presence.update``)."""
    store = state.store
    before = _presence(me, store.presence([me["id"]]).get(me["id"]))
    store.set_presence(me["id"], status, custom_status, now())
    shown = _presence(me, store.presence([me["id"]]).get(me["id"]))
    if (before["status"], before["custom_status"]) != (status, custom_status):
        audience = store.presence_audience(me["id"])
        state.service(MessagingEvents).publish("presence.update", shown, audience)
    return shown


async def update_presence(call: Call) -> Reply:
    """Set the caller's presence."""
    me = caller(call)
    body = call.body
    return Reply(set_presence(call.state, me, body["status"], body.get("custom_status")))


async def get_presence(call: Call) -> Reply:
    """An identity's presence (``offline`` until it sets one)."""
    caller(call)
    other = _other(call, call.params["handle"])
    return Reply(_presence(other, call.state.store.presence([other["id"]]).get(other["id"])))


async def presence_batch(call: Call) -> Reply:
    """The presence of up to 100 handles; unknown ones are left out."""
    caller(call)
    store = call.state.store
    found = []
    for raw in dict.fromkeys(normal_handle(h) for h in call.body["handles"]):
        identity = store.identity_by_handle(raw)
        if identity is not None:
            found.append(identity)
    stored = store.presence([identity["id"] for identity in found])
    return Reply({"data": [_presence(i, stored.get(i["id"])) for i in found]})


async def search(call: Call) -> Reply:
    """Identities whose handle or display name holds the text."""
    caller(call)
    offset, limit = call.params["offset"], call.params["limit"]
    rows, total = call.state.store.search_identities(call.params["q"], offset, limit)
    profiles = [
        {"handle": i["handle"], "display_name": i["display_name"], "avatar_url": i["avatar_url"]}
        for i in rows
    ]
    return Reply({"data": profiles, "total": total, "limit": limit, "offset": offset})


SOCIAL_HANDLERS: dict[str, Handler] = {
    "contacts_add": add,
    "contacts_list": list_contacts,
    "contacts_check": check,
    "contacts_update": update,
    "contacts_remove": remove,
    "contacts_block": block,
    "contacts_unblock": unblock,
    "contacts_report": report,
    "contacts_mute": mute,
    "contacts_list_mutes": list_mutes,
    "contacts_mute_status": mute_status,
    "contacts_unmute": unmute,
    "presence_update": update_presence,
    "presence_get": get_presence,
    "presence_batch": presence_batch,
    "identity_search": search,
}
