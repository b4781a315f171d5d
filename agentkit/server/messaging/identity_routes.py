"""The identity operations: register and verify, the caller's own record, profiles, avatars,
key rotation and recovery, and handles for an organization's agents."""

from __future__ import annotations

import base64
import secrets

from ..core.auth import create_api_key, hash_key
from ..core.call import Call, Handler
from ..core.errors import ApiError
from ..core.ids import new_id, now
from ..core.replies import Reply
from ..core.store import Conflict, Row
from .avatars import sniff_image
from .caller import caller, public_identity
from .codes import check_code, start_verification, verification_failed
from .handles import check_handle, normal_email, normal_handle
from .outbox import Outbox

__all__ = ["IDENTITY_HANDLERS"]


def _taken(handle: str) -> ApiError:
    return ApiError(
        "HANDLE_TAKEN",
        f"the handle {handle!r} is taken",
        {"field": "handle", "location": "body"},
    )


def _not_found(handle: str) -> ApiError:
    return ApiError("IDENTITY_NOT_FOUND", f"no identity has the handle {handle!r}")


def _new_identity(handle: str, display_name: str, email: str | None, kind: str) -> Row:
    stamp = now()
    return {
        "id": new_id("idn"),
        "handle": handle,
        "email": email,
        "display_name": display_name,
        "description": None,
        "avatar_url": None,
        "kind": kind,
        "status": "active",
        "agent_id": None,
        "created_at": stamp,
        "updated_at": stamp,
    }


async def register(call: Call) -> Reply:
    """Start a registration: a code goes to the email. A registered email gets a notice instead
    (and the verification can never succeed), so the answer does not tell whether it is known."""
    handle = check_handle(call.body["handle"])
    email = normal_email(call.body["email"])
    store = call.state.store
    if store.handle_taken(handle):
        raise _taken(handle)
    known = store.identity_by_email(email) is not None
    pending = start_verification(
        call,
        "register",
        None if known else email,
        f"Your agentkit verification code for @{handle} is {{code}}.",
        email=email,
        handle=handle,
        display_name=call.body["display_name"],
        blocked=known,
    )
    if known:
        call.state.service(Outbox).send(
            email, "notice", None, "Someone tried to register a new identity with this address."
        )
    return Reply(pending)


async def verify(call: Call) -> Reply:
    """Complete a registration: the identity is made and its key shown this once."""
    pending = check_code(call, "register")
    store = call.state.store
    identity = _new_identity(
        pending["handle"], pending["display_name"], pending["email"], "identity"
    )
    principal = store.create_org()
    try:
        store.insert_identity(identity, principal, pending["email"])
    except Conflict:
        raise _taken(pending["handle"]) from None
    key = create_api_key(store, principal)
    return Reply({"identity": public_identity(identity), "api_key": key})


async def recover(call: Call) -> Reply:
    """Start a key recovery; a code goes out only when the email is registered."""
    email = normal_email(call.body["email"])
    identity = call.state.store.identity_by_email(email)
    pending = start_verification(
        call,
        "recover",
        email if identity is not None else None,
        "Your agentkit key recovery code is {code}.",
        identity_id=identity["id"] if identity else None,
    )
    return Reply(pending)


def _reissue(call: Call, identity_id: str | None) -> tuple[Row, str]:
    """A new key for the identity, replacing every key it had at once."""
    store = call.state.store
    identity = store.identity_by_id(identity_id) if identity_id else None
    principal = store.principal_of(identity_id) if identity_id else None
    if identity is None or principal is None:
        raise verification_failed()
    key = "ak_" + secrets.token_urlsafe(32)
    store.replace_keys(principal, hash_key(key))
    return identity, key


async def recover_verify(call: Call) -> Reply:
    """Complete a key recovery: a new key, every old one revoked."""
    pending = check_code(call, "recover")
    identity, key = _reissue(call, pending.get("identity_id"))
    return Reply({"identity": public_identity(identity), "api_key": key})


async def get_me(call: Call) -> Reply:
    """The caller's own identity (also while it is restricted or suspended)."""
    return Reply(public_identity(caller(call, while_suspended=True)))


async def update(call: Call) -> Reply:
    """Change the caller's display name or description."""
    identity = caller(call)
    identity.update(call.body, updated_at=now())
    call.state.store.update_identity(identity)
    return Reply(public_identity(identity))


async def delete(call: Call) -> Reply:
    """Delete the caller's identity; its key dies with it and its handle is free again."""
    identity = caller(call)
    call.state.store.delete_identity(identity["id"])
    return Reply({"id": identity["id"], "deleted": True})


async def set_avatar(call: Call) -> Reply:
    """Set the caller's avatar from the raw bytes of the body."""
    identity = caller(call)
    media_type = sniff_image(call.raw)
    encoded = base64.b64encode(call.raw).decode()
    identity.update(avatar_url=f"data:{media_type};base64,{encoded}", updated_at=now())
    call.state.store.update_identity(identity)
    return Reply(public_identity(identity))


async def remove_avatar(call: Call) -> Reply:
    """Remove the caller's avatar (nothing to do when it has none)."""
    identity = caller(call)
    identity.update(avatar_url=None, updated_at=now())
    call.state.store.update_identity(identity)
    return Reply(public_identity(identity))


async def rotate_key(call: Call) -> Reply:
    """Start a key rotation: a code goes to the caller's email."""
    identity = caller(call)
    email = identity.get("email")
    pending = start_verification(
        call,
        "rotate_key",
        email,
        f"Your agentkit key rotation code for @{identity['handle']} is {{code}}.",
        identity_id=identity["id"],
    )
    return Reply(pending)


async def rotate_key_verify(call: Call) -> Reply:
    """Complete a key rotation: the new key, and the old one dead at once."""
    identity = caller(call)
    pending = check_code(call, "rotate_key")
    if pending.get("identity_id") != identity["id"]:
        raise verification_failed()
    _, key = _reissue(call, identity["id"])
    return Reply({"api_key": key})


async def get_profile(call: Call) -> Reply:
    """Another identity's public profile: handle, display name and avatar only."""
    caller(call)
    handle = normal_handle(call.params["handle"])
    identity = call.state.store.identity_by_handle(handle)
    if identity is None:
        raise _not_found(handle)
    return Reply(
        {
            "handle": identity["handle"],
            "display_name": identity["display_name"],
            "avatar_url": identity["avatar_url"],
        }
    )


async def claim_agent_handle(call: Call) -> Reply:
    """Give one of the organization's agents a handle; its brain answers direct messages."""
    store = call.state.store
    agent = store.get_agent(call.org_id, call.body["agent_id"])
    if agent is None:
        raise ApiError(
            "AGENT_NOT_FOUND",
            f"no agent {call.body['agent_id']!r}",
            {"field": "agent_id", "location": "body"},
        )
    handle = check_handle(call.body["handle"])
    existing = store.identity_by_agent(call.org_id, agent["id"])
    if existing is not None:
        if existing["handle"] == handle:
            return Reply(public_identity(existing))
        raise ApiError(
            "HANDLE_TAKEN",
            f"the agent has the handle {existing['handle']!r} already",
            {"field": "agent_id", "location": "body"},
        )
    display_name = call.body.get("display_name") or agent["name"]
    identity = _new_identity(handle, display_name, None, "agent")
    identity.update(agent_id=agent["id"], agent_org=call.org_id)
    try:
        store.insert_identity(identity, None, None)
    except Conflict:
        raise _taken(handle) from None
    return Reply(public_identity(identity))


IDENTITY_HANDLERS: dict[str, Handler] = {
    "identity_register": register,
    "identity_verify": verify,
    "identity_recover": recover,
    "identity_recover_verify": recover_verify,
    "identity_get_me": get_me,
    "identity_update": update,
    "identity_delete": delete,
    "identity_set_avatar": set_avatar,
    "identity_remove_avatar": remove_avatar,
    "identity_rotate_key": rotate_key,
    "identity_rotate_key_verify": rotate_key_verify,
    "identity_get_profile": get_profile,
    "identity_claim_agent_handle": claim_agent_handle,
}
