from __future__ import annotations

import base64
import binascii
from typing import Any

from starlette.responses import Response
from starlette.routing import Route

from ..brains import BrainError, brain_for, describe_parts
from ..context import Call, api, json_response, sse_response
from ..errors import ApiError, invalid_message
from ..util import new_id, now

BINARY_PARTS = frozenset({"file", "image", "audio"})


def _chat(call: Call) -> dict[str, Any]:
    chat = call.state.store.get_chat(call.org_id, call.request.path_params["chat_id"])
    if chat is None:
        raise ApiError(404, "CHAT_NOT_FOUND", "no such chat")
    return chat


def _check_message(message: dict[str, Any]) -> None:
    if message.get("role", "user") != "user":
        raise invalid_message("message.role", "only user messages can be sent")
    for index, part in enumerate(message["parts"]):
        field = f"message.parts[{index}].content"
        if part["type"] in BINARY_PARTS:
            try:
                base64.b64decode(part["content"], validate=True)
            except (binascii.Error, ValueError):
                raise invalid_message(field, "must be base64") from None


def _check_can_talk(call: Call, chat: dict[str, Any]) -> None:
    if chat["status"] == "CLOSED":
        raise ApiError(409, "CHAT_ALREADY_CLOSED", "the chat is closed; start a new one")
    if chat["status"] == "PAUSED":
        raise ApiError(409, "CHAT_NOT_ACTIVE", "the chat is paused; resume it first")
    if call.state.events.busy(call.org_id, chat["id"]):
        raise ApiError(409, "CHAT_NOT_ACTIVE", "the chat is busy with another turn")
    if chat["message_count"] + 2 > call.state.config.max_chat_messages:
        raise ApiError(409, "CHAT_BUFFER_OVERFLOW", "the chat holds as many messages as it may")


def _new_chat(call: Call) -> dict[str, Any]:
    body = call.body
    agent = call.state.store.get_agent(call.org_id, body["agent_id"])
    if agent is None:
        raise ApiError(404, "AGENT_NOT_FOUND", "no such agent", {"field": "agent_id"})
    _check_message(body["message"])
    chat_id = body.get("chat_id") or new_id("chat")
    if call.state.store.get_chat(call.org_id, chat_id) is not None:
        raise ApiError(
            409, "CHAT_ID_TAKEN", f"the chat id {chat_id!r} is in use", {"field": "chat_id"}
        )
    chat = {
        "id": chat_id,
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
    call.state.store.insert_chat(call.org_id, chat)
    return chat


def _begin_turn(call: Call, chat: dict[str, Any], message: dict[str, Any]) -> tuple[int, Any]:
    """Store the user's message, log the turn's first event and run the turn in the background."""
    state, org_id = call.state, call.org_id
    agent = state.store.get_agent(org_id, chat["agent_id"]) or {
        "brain": "echo",
        "id": chat["agent_id"],
    }
    user_message = {
        "id": new_id("msg"),
        "role": "user",
        "parts": message["parts"],
        "created_at": now(),
        **({"metadata": message["metadata"]} if "metadata" in message else {}),
    }
    state.store.insert_message(org_id, chat["id"], user_message)
    chat["message_count"] += 1
    if call.body.get("trace_id"):
        chat["trace_id"] = call.body["trace_id"]
    state.store.update_chat(org_id, chat)
    reply_id = new_id("msg")
    first = state.events.append(
        org_id,
        chat["id"],
        {
            "type": "metadata",
            "chat_id": chat["id"],
            "message_id": reply_id,
            "trace_id": chat["trace_id"],
            "metadata": chat["metadata"],
        },
    )
    brain = brain_for(agent.get("brain", "echo"), echo_delay=state.config.echo_delay)
    text = describe_parts(message["parts"])

    async def turn() -> str | None:
        deltas: list[str] = []
        try:
            async for delta in brain.reply(agent, text):
                deltas.append(delta)
                state.events.append(
                    org_id,
                    chat["id"],
                    {
                        "type": "content",
                        "chat_id": chat["id"],
                        "message_id": reply_id,
                        "delta": delta,
                    },
                )
        except BrainError as exc:
            state.events.append(
                org_id,
                chat["id"],
                {
                    "type": "error",
                    "chat_id": chat["id"],
                    "message_id": reply_id,
                    "error": {"code": "AGENT_ERROR", "message": str(exc)},
                },
            )
            return str(exc)
        reply = {
            "id": reply_id,
            "role": "agent",
            "parts": [{"type": "text", "content": "".join(deltas)}],
            "created_at": now(),
        }
        state.store.insert_message(org_id, chat["id"], reply)
        current = state.store.get_chat(org_id, chat["id"]) or chat
        current.update(message=reply, message_count=current["message_count"] + 1)
        state.store.update_chat(org_id, current)
        state.events.append(org_id, chat["id"], {"type": "done", "chat": current})
        return None

    return first, state.events.start_turn(org_id, chat["id"], turn())


async def _finish(call: Call, chat_id: str, task: Any, status: int) -> Response:
    failure = await task
    if failure is not None:
        raise ApiError(502, "AGENT_ERROR", f"the agent failed to reply: {failure}")
    return json_response(status, call.state.store.get_chat(call.org_id, chat_id))


def _stream(call: Call, chat_id: str, first: int) -> Response:
    call.remember_stream(chat_id, first - 1)
    return sse_response(call.state.events.tail(call.org_id, chat_id, first - 1, one_turn=True))


@api("chats_start")
async def start(call: Call) -> Response:
    chat = _new_chat(call)
    _, task = _begin_turn(call, chat, call.body["message"])
    return await _finish(call, chat["id"], task, 201)


@api("chats_start_stream")
async def start_stream(call: Call) -> Response:
    chat = _new_chat(call)
    first, _ = _begin_turn(call, chat, call.body["message"])
    return _stream(call, chat["id"], first)


@api("chats_message")
async def message(call: Call) -> Response:
    chat = _chat(call)
    _check_can_talk(call, chat)
    _check_message(call.body["message"])
    _, task = _begin_turn(call, chat, call.body["message"])
    return await _finish(call, chat["id"], task, 200)


@api("chats_message_stream")
async def message_stream(call: Call) -> Response:
    chat = _chat(call)
    _check_can_talk(call, chat)
    _check_message(call.body["message"])
    first, _ = _begin_turn(call, chat, call.body["message"])
    return _stream(call, chat["id"], first)


@api("chats_events")
async def events(call: Call) -> Response:
    chat = _chat(call)
    last = call.request.headers.get("last-event-id", "")
    after = int(last) if last.isdigit() else call.query.get("after", 0)
    return sse_response(call.state.events.tail(call.org_id, chat["id"], after, one_turn=False))


def _set_status(call: Call, chat: dict[str, Any], status: str) -> Response:
    chat["status"] = status
    call.state.store.update_chat(call.org_id, chat)
    return json_response(200, chat)


@api("chats_end")
async def end(call: Call) -> Response:
    chat = _chat(call)
    if chat["status"] == "CLOSED":
        raise ApiError(409, "CHAT_ALREADY_CLOSED", "the chat is closed already")
    chat.update(closed_at=now(), close_reason=call.body.get("reason"))
    if call.body.get("trace_id"):
        chat["trace_id"] = call.body["trace_id"]
    return _set_status(call, chat, "CLOSED")


@api("chats_pause")
async def pause(call: Call) -> Response:
    chat = _chat(call)
    if chat["status"] == "CLOSED":
        raise ApiError(409, "CHAT_ALREADY_CLOSED", "the chat is closed")
    return _set_status(call, chat, "PAUSED")


@api("chats_resume")
async def resume(call: Call) -> Response:
    chat = _chat(call)
    if chat["status"] == "CLOSED":
        raise ApiError(409, "CHAT_ALREADY_CLOSED", "the chat is closed; start a new one")
    return _set_status(call, chat, "ACTIVE")


@api("chats_get")
async def get(call: Call) -> Response:
    return json_response(200, _chat(call))


@api("chats_list")
async def list_chats(call: Call) -> Response:
    query = call.query
    page = call.state.store.list_chats(
        call.org_id, query["limit"], query.get("cursor"), query.get("status"), query.get("agent_id")
    )
    return json_response(
        200,
        {
            "data": page.rows,
            "has_more": page.next_cursor is not None,
            "next_cursor": page.next_cursor,
        },
    )


@api("chats_list_messages")
async def list_messages(call: Call) -> Response:
    chat = _chat(call)
    page = call.state.store.list_messages(
        call.org_id, chat["id"], call.query["limit"], call.query.get("cursor")
    )
    return json_response(
        200,
        {
            "data": page.rows,
            "has_more": page.next_cursor is not None,
            "next_cursor": page.next_cursor,
        },
    )


routes = [
    Route("/v1/chats", start, methods=["POST"]),
    Route("/v1/chats", list_chats, methods=["GET"]),
    Route("/v1/chats/stream", start_stream, methods=["POST"]),
    Route("/v1/chats/{chat_id}", get, methods=["GET"]),
    Route("/v1/chats/{chat_id}/messages", message, methods=["POST"]),
    Route("/v1/chats/{chat_id}/messages", list_messages, methods=["GET"]),
    Route("/v1/chats/{chat_id}/messages/stream", message_stream, methods=["POST"]),
    Route("/v1/chats/{chat_id}/events", events, methods=["GET"]),
    Route("/v1/chats/{chat_id}/end", end, methods=["POST"]),
    Route("/v1/chats/{chat_id}/pause", pause, methods=["POST"]),
    Route("/v1/chats/{chat_id}/resume", resume, methods=["POST"]),
]
