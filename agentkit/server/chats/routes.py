"""The chats family's operations: start a chat with a target agent, message it (answered whole
or streamed), follow its events, end, pause and resume it, read and list chats and messages."""

from __future__ import annotations

import asyncio
import base64
import binascii
from typing import Any

from ..core.call import Call, Handler, page_reply, page_start, resume_after
from ..core.errors import ApiError, envelope, invalid_message
from ..core.ids import new_id, now
from ..core.replies import EventStream, JsonText, Reply
from ..core.store import Conflict, Row
from .chat_turn import CHAT_STREAM, ChatTurn, begin_chat_turn, recover_chat

__all__ = ["HANDLERS"]

BINARY_PARTS = frozenset({"file", "image", "audio"})


def _chat(call: Call) -> Row:
    chat = call.state.store.get_chat(call.org_id, call.params["chat_id"])
    if chat is None:
        raise ApiError("CHAT_NOT_FOUND", f"no chat {call.params['chat_id']!r}")
    return recover_chat(call.state, call.org_id, chat)


def _check_message(message: dict[str, Any]) -> None:
    """What the schema leaves to the server: binary contents must decode as base64."""
    for index, part in enumerate(message["parts"]):
        if part["type"] in BINARY_PARTS:
            try:
                base64.b64decode(part["content"], validate=True)
            except (binascii.Error, ValueError):
                field = f"message.parts[{index}].content"
                raise invalid_message(field, f"a {part['type']} part must be base64") from None


def _check_can_talk(call: Call, chat: Row) -> None:
    if chat["status"] == "CLOSED":
        raise ApiError("CHAT_ALREADY_CLOSED", "the chat is closed; start a new one")
    if chat["status"] == "PAUSED":
        raise ApiError("CHAT_NOT_ACTIVE", "the chat is paused; resume it first")
    if call.state.events.busy(call.org_id, CHAT_STREAM.stream(chat["id"])):
        raise ApiError(
            "CHAT_NOT_ACTIVE",
            "the agent is still replying to the previous message; wait for its reply",
        )
    # A turn adds two messages (the user's and the reply); the chat never holds more than the cap.
    limit = call.state.config.max_chat_messages
    if chat["message_count"] + 2 > limit:
        raise ApiError(
            "CHAT_BUFFER_OVERFLOW",
            f"the chat holds {chat['message_count']} messages of at most {limit}; start a new one",
        )


def _start(call: Call) -> tuple[Row, ChatTurn]:
    body = call.body
    agent = call.state.store.get_agent(call.org_id, body["agent_id"])
    if agent is None:
        details = {"field": "agent_id", "location": "body"}
        raise ApiError("AGENT_NOT_FOUND", f"no agent {body['agent_id']!r}", details)
    _check_message(body["message"])
    chat: Row = {
        "id": body.get("chat_id") or new_id("chat"),
        "agent_id": agent["id"],
        "status": "ACTIVE",
        "message": None,
        "participants": ["user", agent["id"]],
        "metadata": body.get("metadata", {}),
        "trace_id": body.get("trace_id"),
        "message_count": 0,
        "created_at": now(),
        "closed_at": None,
        "close_reason": None,
    }
    # The new chat and its first turn's start are kept together.
    with call.state.store.atomic():
        try:
            call.state.store.insert_chat(call.org_id, chat)
        except Conflict:
            details = {"field": "chat_id", "location": "body"}
            message = f"the chat id {chat['id']!r} is in use"
            raise ApiError("CHAT_ID_TAKEN", message, details) from None
        turn = begin_chat_turn(call.state, call.org_id, chat, agent, body["message"], None)
    return chat, turn


def _continue(call: Call) -> tuple[Row, ChatTurn]:
    chat = _chat(call)
    _check_can_talk(call, chat)
    _check_message(call.body["message"])
    agent = call.state.store.get_agent(call.org_id, chat["agent_id"])
    if agent is None:
        raise ApiError("AGENT_NOT_FOUND", "the chat's agent was deleted; start a new chat")
    trace_id = call.body.get("trace_id")
    return chat, begin_chat_turn(
        call.state, call.org_id, chat, agent, call.body["message"], trace_id
    )


async def _finish(call: Call, chat_id: str, handle: ChatTurn) -> Reply | JsonText:
    if handle.task is None:  # it ran to its end at once
        outcome = handle.outcome
        assert outcome is not None
    else:
        # Shielded: a client that goes away must not cancel the turn, which others may follow.
        outcome = await asyncio.shield(handle.task)
    if isinstance(outcome, ApiError):
        message = f"the agent failed to reply: {outcome.message}"
        body = envelope(outcome.code, message, call.request_id, {"chat_id": chat_id})
        return Reply(body, outcome.status)
    return outcome


def _stream(chat_id: str, handle: ChatTurn) -> EventStream:
    return EventStream(CHAT_STREAM.stream(chat_id), handle.first_seq - 1)


async def start(call: Call) -> Reply | JsonText:
    """Start a chat with a target agent and get its first reply."""
    chat, handle = _start(call)
    return await _finish(call, chat["id"], handle)


async def start_stream(call: Call) -> EventStream:
    """Start a chat and stream the agent's first reply."""
    chat, handle = _start(call)
    return _stream(chat["id"], handle)


async def message(call: Call) -> Reply | JsonText:
    """Send a message to an active chat and get the agent's reply."""
    chat, handle = _continue(call)
    return await _finish(call, chat["id"], handle)


async def message_stream(call: Call) -> EventStream:
    """Send a message to an active chat and stream the agent's reply."""
    chat, handle = _continue(call)
    return _stream(chat["id"], handle)


async def events(call: Call) -> EventStream:
    """Follow a chat's event stream from a given event id."""
    chat = _chat(call)
    return EventStream(CHAT_STREAM.stream(chat["id"]), resume_after(call), one_turn=False)


def _save(call: Call, chat: Row) -> Reply:
    call.state.store.update_chat(call.org_id, chat)
    return Reply(chat)


async def end(call: Call) -> Reply:
    """End a chat; a closed chat cannot be resumed."""
    chat = _chat(call)
    if chat["status"] == "CLOSED":
        raise ApiError("CHAT_ALREADY_CLOSED", "the chat is closed already")
    chat.update(status="CLOSED", closed_at=now(), close_reason=call.body.get("reason"))
    if call.body.get("trace_id"):
        chat["trace_id"] = call.body["trace_id"]
    return _save(call, chat)


async def pause(call: Call) -> Reply:
    """Pause an active chat; messages are refused until it is resumed."""
    chat = _chat(call)
    if chat["status"] == "CLOSED":
        raise ApiError("CHAT_ALREADY_CLOSED", "the chat is closed; it cannot be paused")
    chat["status"] = "PAUSED"
    return _save(call, chat)


async def resume(call: Call) -> Reply:
    """Resume a paused chat."""
    chat = _chat(call)
    if chat["status"] == "CLOSED":
        raise ApiError("CHAT_ALREADY_CLOSED", "the chat is closed; start a new one")
    chat["status"] = "ACTIVE"
    return _save(call, chat)


async def get(call: Call) -> Reply:
    """Get a chat."""
    return Reply(_chat(call))


async def list_chats(call: Call) -> Reply:
    """List chats, oldest first."""
    params = call.params
    after = page_start(call)
    page = call.state.store.list_chats(
        call.org_id, after, params["limit"], params.get("status"), params.get("agent_id")
    )
    return page_reply(page.rows, page.next_position)


async def list_messages(call: Call) -> Reply:
    """List the messages of a chat, oldest first."""
    chat = _chat(call)
    after = page_start(call)
    page = call.state.store.list_chat_messages(call.org_id, chat["id"], after, call.params["limit"])
    return page_reply(page.rows, page.next_position)


HANDLERS: dict[str, Handler] = {
    "chats_start": start,
    "chats_start_stream": start_stream,
    "chats_message": message,
    "chats_message_stream": message_stream,
    "chats_events": events,
    "chats_end": end,
    "chats_pause": pause,
    "chats_resume": resume,
    "chats_get": get,
    "chats_list": list_chats,
    "chats_list_messages": list_messages,
}
