"""The message and conversation operations: send, history, read cursors, hide-for-me, and the
caller's conversations."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping

from ..core.call import Call, Handler, page_reply, page_start
from ..core.errors import ApiError, invalid
from ..core.ids import new_id, now
from ..core.replies import Reply
from ..core.state import ServerState
from ..core.store import Row
from .attachment_routes import sendable
from .caller import caller, caller_of, named_identity, restricted
from .events import MessagingEvents
from .group_routes import group_deleted, group_not_found
from .handles import normal_handle
from .records import BacklogFull, ColdLimitReached, Membership, SentMessage
from .replies import AgentReplies

__all__ = ["MESSAGE_HANDLERS", "deliver", "read_up_to", "store_reply"]


def _conversation_not_found(conversation_id: str) -> ApiError:
    return ApiError("CONVERSATION_NOT_FOUND", f"no conversation {conversation_id!r}")


def _message_not_found(message_id: str) -> ApiError:
    return ApiError("MESSAGE_NOT_FOUND", f"no message {message_id!r}")


def _blocked() -> ApiError:
    return ApiError("BLOCKED", "the recipient does not take messages from you")


def _fingerprint(body: Row) -> str:
    said = {
        "to": normal_handle(body["to"]) if "to" in body else None,
        "conversation_id": body.get("conversation_id"),
        "group_id": body.get("group_id"),
        "content": body["content"],
        "metadata": body.get("metadata", {}),
    }
    return hashlib.sha256(json.dumps(said, sort_keys=True).encode()).hexdigest()


def _kind(content: Row) -> str:
    if "attachment_id" in content:
        return "file"
    if "text" not in content and "data" in content:
        return "structured"
    return "text"


_TARGETS = ("to", "conversation_id", "group_id")


def _hidden_target(body: Row) -> Callable[[], ApiError] | None:
    """What a key without an identity is told: that the conversation or group it names is not
    found, as any stranger is."""
    if "conversation_id" in body:
        return lambda: _conversation_not_found(body["conversation_id"])
    if "group_id" in body:
        return lambda: group_not_found(body["group_id"])
    return None


def _check_one_target(body: Row) -> None:
    """Refuse a send that names not exactly one of ``to``, ``conversation_id`` and
    ``group_id``."""
    named = [field for field in _TARGETS if field in body]
    if len(named) != 1:
        raise invalid(
            named[1] if len(named) > 1 else "to",
            "give exactly one of to (a handle), conversation_id and group_id",
        )


def _target(call: Call, me: Row, found: Membership | None) -> tuple[str, Row | None, list[str]]:
    """The conversation a send goes into, the identity ``to`` names (if any), and the other
    members the message goes to. ``found`` is the sender's membership of the conversation
    ``conversation_id`` or ``group_id`` names."""
    body = call.body
    store = call.state.store
    if "conversation_id" in body or "group_id" in body:
        # A group's id is its conversation's.
        conversation_id = body.get("conversation_id") or body["group_id"]
        if "group_id" in body and (found is None or found.kind != "group"):
            raise group_not_found(conversation_id)
        if found is None:
            raise _conversation_not_found(conversation_id)
        if found.kind == "group":
            group = store.group(conversation_id)
            if group is not None and group.get("deleted_at"):
                raise group_deleted(group)
        else:
            if found.blocked:
                raise _blocked()
            for other in found.others:
                _may_write_to(call, me, other)
        return conversation_id, None, found.others
    recipient = named_identity(call, body["to"], "to")
    if recipient["id"] == me["id"]:
        raise invalid("to", "is your own handle; message another identity")
    if store.blocks(recipient["id"], me["id"]):
        raise _blocked()
    _may_write_to(call, me, recipient["id"])
    conversation_id = store.direct_conversation(me["id"], recipient["id"], now())
    return conversation_id, recipient, [recipient["id"]]


def _may_write_to(call: Call, me: Row, recipient_id: str) -> None:
    """Refuse a direct message from a restricted sender before the recipient wrote back or
    added the sender as a contact. (The cold-message limit, which applies to anyone, is
    counted by the send itself: ``deliver``.)"""
    if me.get("status") != "restricted":
        return
    store = call.state.store
    _, answered = store.direct_exchange(me["id"], recipient_id)
    if answered or store.contact(recipient_id, me["id"]) is not None:
        return
    raise restricted()


def _handle_of(state: ServerState, identity_id: str) -> str:
    identity = state.store.identity_by_id(identity_id)
    return str(identity["handle"]) if identity else identity_id


def _awaiting_reply(state: ServerState, recipient_id: str, sent: int) -> ApiError:
    handle = _handle_of(state, recipient_id)
    return ApiError(
        "AWAITING_REPLY",
        f"you sent @{handle} {sent} messages without an answer; wait for a reply",
        {"handle": handle, "sent": sent},
        # Retrying cannot help: only an answer lifts it.
        headers={"x-should-retry": "false"},
    )


def _store_message(
    state: ServerState,
    me: Row,
    conversation_id: str,
    body: Row,
    backlog_limit: int | None = None,
    cold_limit: int | None = None,
) -> SentMessage:
    """Store one message from ``me`` (deduplicated by its ``client_msg_id``): what the store
    answered.

    Raises:
        ApiError: 409 CLIENT_MSG_ID_REUSED when the ``client_msg_id`` made another message;
            429 RECIPIENT_BACKLOGGED when a recipient holds ``backlog_limit`` undelivered
            messages; 403 AWAITING_REPLY when ``me`` sent ``cold_limit`` messages into this
            direct conversation already without an answer (nor being the recipient's
            contact). Both limits are counted with the send, so that no two sends at once,
            on one instance or several, both pass them.
    """
    fingerprint = _fingerprint(body)
    message = {
        "id": new_id("msg"),
        "conversation_id": conversation_id,
        "sender": me["handle"],
        "sender_id": me["id"],
        "client_msg_id": body["client_msg_id"],
        "type": _kind(body["content"]),
        "content": body["content"],
        "metadata": body.get("metadata", {}),
        "created_at": now(),
    }
    try:
        sent = state.store.send_message(
            conversation_id, message, fingerprint, backlog_limit, cold_limit
        )
    except BacklogFull as full:
        raise _backlogged(state, full.recipient_id, full.undelivered) from None
    except ColdLimitReached as cold:
        raise _awaiting_reply(state, cold.recipient_id, cold.sent) from None
    if sent.fingerprint != fingerprint:
        raise _reused(body["client_msg_id"])
    if not sent.replayed:
        state.service(MessagingEvents).publish("message.new", sent.message, sent.recipients)
    return sent


def deliver(
    state: ServerState,
    me: Row,
    conversation_id: str,
    body: Row,
    backlog_limit: int | None = None,
    cold_limit: int | None = None,
) -> Row:
    """Store one message from ``me`` (deduplicated by its ``client_msg_id``); the message.

    Raises:
        ApiError: As ``_store_message``.
    """
    return _store_message(state, me, conversation_id, body, backlog_limit, cold_limit).message


def store_reply(state: ServerState, agent: Row, message: Row, text: str) -> Row:
    """Store an agent's reply to ``message``; one reply per message, however often asked."""
    body = {
        "client_msg_id": f"reply:{message['id']}",
        "conversation_id": message["conversation_id"],
        "content": {"text": text},
        "metadata": {"in_reply_to": message["id"]},
    }
    return deliver(state, agent, message["conversation_id"], body)


def _reused(client_msg_id: str) -> ApiError:
    return ApiError(
        "CLIENT_MSG_ID_REUSED",
        f"client_msg_id {client_msg_id!r} was used for a different message; "
        "use a new id for new content",
        {"field": "client_msg_id", "location": "body"},
    )


async def send(call: Call) -> Reply:
    """Send a message; a repeated ``client_msg_id`` returns the message it made, for good."""
    body = call.body
    # A group's id is its conversation's.
    named = None if "to" in body else body.get("conversation_id") or body.get("group_id")
    context = call.state.store.send_context(call.org_id, body["client_msg_id"], named)
    me = caller_of(context.identity, _hidden_target(body))
    _check_one_target(body)
    earlier = context.earlier
    if earlier is not None:
        if earlier.fingerprint != _fingerprint(body):
            raise _reused(body["client_msg_id"])
        return Reply(earlier.message)
    attachment_id = body["content"].get("attachment_id")
    if attachment_id is not None and not sendable(call, me["id"], attachment_id):
        raise invalid("content.attachment_id", "no uploaded attachment of yours has this id")
    conversation_id, recipient, others = _target(call, me, context.membership)
    config = call.state.config
    sent = _store_message(
        call.state, me, conversation_id, body, config.backlog_limit, config.cold_message_limit
    )
    message = sent.message
    warnings = _backlog_warnings(call.state, others, sent.backlogs)
    if recipient is not None and recipient["kind"] == "agent":
        call.state.service(AgentReplies).answer(recipient, message)
    if warnings:
        return Reply(message, headers={"X-Backlog-Warning": ", ".join(warnings)})
    return Reply(message)


def _backlog_warnings(
    state: ServerState, others: list[str], backlogs: Mapping[str, int]
) -> list[str]:
    """``handle=count`` for each recipient whose undelivered messages the send took to the
    warning threshold or past it (in the order of ``others``)."""
    threshold = state.config.backlog_warning
    return [
        f"{_handle_of(state, identity_id)}={backlogs[identity_id]}"
        for identity_id in others
        if backlogs.get(identity_id, 0) >= threshold
    ]


def _backlogged(state: ServerState, identity_id: str, count: int) -> ApiError:
    handle = _handle_of(state, identity_id)
    return ApiError(
        "RECIPIENT_BACKLOGGED",
        f"@{handle} has {count} undelivered messages; try again once it reads them",
        {"handle": handle, "undelivered_count": count},
        # Retrying at once cannot help: the recipient has to read first.
        headers={"x-should-retry": "false"},
    )


def _me_for_message(call: Call) -> Row:
    return caller(call, lambda: _message_not_found(call.params["message_id"]))


def _me_for_conversation(call: Call) -> Row:
    return caller(call, lambda: _conversation_not_found(call.params["conversation_id"]))


def _own_message(call: Call, me: Row) -> Row:
    message_id = call.params["message_id"]
    message = call.state.store.message_for(message_id, me["id"])
    if message is None:
        raise _message_not_found(message_id)
    return message


def read_up_to(state: ServerState, me: Row, message: Row) -> Row:
    """Move ``me``'s read cursor up to ``message`` (never backward); the read cursor. When it
    moved, the conversation's other members are told (``message.read``)."""
    conversation_id = message["conversation_id"]
    store = state.store
    view = store.membership(conversation_id, me["id"], hidden=True)
    before = view["last_read_seq"] if view is not None else 0
    cursor = store.mark_read(conversation_id, me["id"], message["seq"])
    if cursor > before:
        others = [m for m in store.conversation_members(conversation_id) if m != me["id"]]
        read = {"conversation_id": conversation_id, "handle": me["handle"], "last_read_seq": cursor}
        state.service(MessagingEvents).publish("message.read", read, others)
    return {"conversation_id": conversation_id, "last_read_seq": cursor}


async def mark_read(call: Call) -> Reply:
    """Move the caller's read cursor up to a message (never backward)."""
    me = _me_for_message(call)
    return Reply(read_up_to(call.state, me, _own_message(call, me)))


async def delete_message(call: Call) -> Reply:
    """Hide a message for the caller only (again: nothing more happens)."""
    me = _me_for_message(call)
    message_id = call.params["message_id"]
    store = call.state.store
    if store.message_for(message_id, me["id"]) is not None:
        store.hide_message(message_id, me["id"])
    elif not store.hid_message(message_id, me["id"]):
        raise _message_not_found(message_id)
    return Reply({"id": message_id, "deleted": True})


async def list_messages(call: Call) -> Reply:
    """A page of a conversation's messages by seq."""
    me = _me_for_conversation(call)
    conversation_id = call.params["conversation_id"]
    store = call.state.store
    if store.membership(conversation_id, me["id"]) is None:
        raise _conversation_not_found(conversation_id)
    before = call.params.get("before_seq")
    after = call.params.get("after_seq")
    if before is not None and after is not None:
        raise invalid("before_seq", "give before_seq or after_seq, not both", "query")
    limit = call.params["limit"]
    rows = store.messages(conversation_id, me["id"], before=before, after=after, limit=limit + 1)
    return Reply({"data": rows[:limit], "has_more": len(rows) > limit})


def _conversation(call: Call, view: Row) -> Row:
    shown = {key: value for key, value in view.items() if key != "activity"}
    shown["participants"] = call.state.store.participants(view["id"])
    return shown


def _membership(call: Call, me: Row, *, hidden: bool = False) -> Row:
    conversation_id = call.params["conversation_id"]
    view = call.state.store.membership(conversation_id, me["id"], hidden=hidden)
    if view is None:
        raise _conversation_not_found(conversation_id)
    return view


async def list_conversations(call: Call) -> Reply:
    """The caller's visible conversations, most recently active first."""
    me = caller(call)
    start = page_start(call)
    limit = call.params["limit"]
    rows = call.state.store.conversations_of(me["id"], start or None, limit + 1)
    more = len(rows) > limit
    rows = rows[:limit]
    return page_reply(
        [_conversation(call, row) for row in rows], rows[-1]["activity"] if more else None
    )


async def get_conversation(call: Call) -> Reply:
    """One of the caller's conversations (not one it hid)."""
    me = _me_for_conversation(call)
    return Reply(_conversation(call, _membership(call, me)))


async def participants(call: Call) -> Reply:
    """The members of a conversation."""
    me = _me_for_conversation(call)
    view = _membership(call, me)
    return Reply({"data": call.state.store.participants(view["id"])})


async def hide_conversation(call: Call) -> Reply:
    """Hide a conversation for the caller until a new message arrives (again: no change)."""
    me = _me_for_conversation(call)
    view = _membership(call, me, hidden=True)
    call.state.store.hide_conversation(view["id"], me["id"])
    return Reply({"id": view["id"], "deleted": True})


MESSAGE_HANDLERS: dict[str, Handler] = {
    "messages_send": send,
    "messages_list": list_messages,
    "messages_mark_read": mark_read,
    "messages_delete": delete_message,
    "conversations_list": list_conversations,
    "conversations_get": get_conversation,
    "conversations_participants": participants,
    "conversations_hide": hide_conversation,
}
