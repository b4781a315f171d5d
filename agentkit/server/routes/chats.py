"""Chats with a target agent: start, message (plain or streamed), follow, end, pause, resume."""

from __future__ import annotations

import asyncio
import base64
import binascii
from typing import Any

from starlette.responses import Response

from ..context import Call, api, json_response, page_response, page_start, resource, resume_after
from ..errors import ApiError, envelope, invalid_message
from ..store import Conflict, Row
from ..streams import CHAT_STREAM
from ..turns import TurnHandle, begin_turn
from ..util import new_id, now

__all__ = ["routes"]

BINARY_PARTS = frozenset({"file", "image", "audio"})


def _chat(call: Call) -> Row:
    chat = call.state.store.get_chat(call.org_id, call.params["chat_id"])
    if chat is None:
        raise ApiError("CHAT_NOT_FOUND", f"no chat {call.params['chat_id']!r}")
    return chat


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


def _start(call: Call) -> tuple[Row, TurnHandle]:
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
    try:
        call.state.store.insert_chat(call.org_id, chat)
    except Conflict:
        details = {"field": "chat_id", "location": "body"}
        message = f"the chat id {chat['id']!r} is in use"
        raise ApiError("CHAT_ID_TAKEN", message, details) from None
    return chat, begin_turn(call.state, call.org_id, chat, agent, body["message"], None)


def _continue(call: Call) -> tuple[Row, TurnHandle]:
    chat = _chat(call)
    _check_can_talk(call, chat)
    _check_message(call.body["message"])
    agent = call.state.store.get_agent(call.org_id, chat["agent_id"])
    if agent is None:
        raise ApiError("AGENT_NOT_FOUND", "the chat's agent was deleted; start a new chat")
    trace_id = call.body.get("trace_id")
    return chat, begin_turn(call.state, call.org_id, chat, agent, call.body["message"], trace_id)


async def _finish(call: Call, chat_id: str, handle: TurnHandle, status: int) -> Response:
    # Shielded: a client that goes away must not cancel the turn, which others may follow.
    error = await asyncio.shield(handle.task)
    if error is not None:
        message = f"the agent failed to reply: {error.message}"
        request_id = call.request.state.request_id
        body = envelope(error.code, message, request_id, {"chat_id": chat_id})
        return json_response(error.status, body)
    return json_response(status, call.state.store.get_chat(call.org_id, chat_id))


def _stream(call: Call, chat_id: str, handle: TurnHandle) -> Response:
    after = handle.first_seq - 1
    stream = CHAT_STREAM.stream(chat_id)
    call.remember_stream(stream, after)
    return call.state.events.response(call.org_id, stream, after, one_turn=True)


@api("chats_start")
async def start(call: Call) -> Response:
    """Start a chat with a target agent and get its first reply."""
    chat, handle = _start(call)
    return await _finish(call, chat["id"], handle, 201)


@api("chats_start_stream")
async def start_stream(call: Call) -> Response:
    """Start a chat and stream the agent's first reply."""
    chat, handle = _start(call)
    return _stream(call, chat["id"], handle)


@api("chats_message")
async def message(call: Call) -> Response:
    """Send a message to an active chat and get the agent's reply."""
    chat, handle = _continue(call)
    return await _finish(call, chat["id"], handle, 200)


@api("chats_message_stream")
async def message_stream(call: Call) -> Response:
    """Send a message to an active chat and stream the agent's reply."""
    chat, handle = _continue(call)
    return _stream(call, chat["id"], handle)


@api("chats_events")
async def events(call: Call) -> Response:
    """Follow a chat's event stream from a given event id."""
    chat = _chat(call)
    after = resume_after(call)
    stream = CHAT_STREAM.stream(chat["id"])
    return call.state.events.response(call.org_id, stream, after, one_turn=False)


def _save(call: Call, chat: Row) -> Response:
    call.state.store.update_chat(call.org_id, chat)
    return json_response(200, chat)


@api("chats_end")
async def end(call: Call) -> Response:
    """End a chat; a closed chat cannot be resumed."""
    chat = _chat(call)
    if chat["status"] == "CLOSED":
        raise ApiError("CHAT_ALREADY_CLOSED", "the chat is closed already")
    chat.update(status="CLOSED", closed_at=now(), close_reason=call.body.get("reason"))
    if call.body.get("trace_id"):
        chat["trace_id"] = call.body["trace_id"]
    return _save(call, chat)


@api("chats_pause")
async def pause(call: Call) -> Response:
    """Pause an active chat; messages are refused until it is resumed."""
    chat = _chat(call)
    if chat["status"] == "CLOSED":
        raise ApiError("CHAT_ALREADY_CLOSED", "the chat is closed; it cannot be paused")
    chat["status"] = "PAUSED"
    return _save(call, chat)


@api("chats_resume")
async def resume(call: Call) -> Response:
    """Resume a paused chat."""
    chat = _chat(call)
    if chat["status"] == "CLOSED":
        raise ApiError("CHAT_ALREADY_CLOSED", "the chat is closed; start a new one")
    chat["status"] = "ACTIVE"
    return _save(call, chat)


@api("chats_get")
async def get(call: Call) -> Response:
    """Get a chat."""
    return json_response(200, _chat(call))


@api("chats_list")
async def list_chats(call: Call) -> Response:
    """List chats, oldest first."""
    params = call.params
    after = page_start(call)
    page = call.state.store.list_chats(
        call.org_id, after, params["limit"], params.get("status"), params.get("agent_id")
    )
    return page_response(page.rows, page.next_position)


@api("chats_list_messages")
async def list_messages(call: Call) -> Response:
    """List the messages of a chat, oldest first."""
    chat = _chat(call)
    after = page_start(call)
    page = call.state.store.list_messages(call.org_id, chat["id"], after, call.params["limit"])
    return page_response(page.rows, page.next_position)


routes = [
    resource("/v1/chats", post=start, get=list_chats),
    resource("/v1/chats/stream", post=start_stream),
    resource("/v1/chats/{chat_id}", get=get),
    resource("/v1/chats/{chat_id}/messages", post=message, get=list_messages),
    resource("/v1/chats/{chat_id}/messages/stream", post=message_stream),
    resource("/v1/chats/{chat_id}/events", get=events),
    resource("/v1/chats/{chat_id}/end", post=end),
    resource("/v1/chats/{chat_id}/pause", post=pause),
    resource("/v1/chats/{chat_id}/resume", post=resume),
]
