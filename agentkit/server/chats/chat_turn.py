"""A chat's turn: store the user's message, run the agent's brain in the background, and log
what happens in the chat's stream (``metadata``, ``content``..., then ``done`` or ``error``)."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from typing import Any

from ..brains import BrainError, Turn, brain_for, describe_parts
from ..core.errors import ApiError
from ..core.event_log import StreamKind
from ..core.ids import new_id, now
from ..core.state import ServerState
from ..core.store import Row

__all__ = ["CHAT_STREAM", "ChatTurn", "begin_chat_turn"]

#: A chat's stream: its turns' events, which carry no ids of their own.
CHAT_STREAM = StreamKind("chat", numbered=False, reader="chats_events")

logger = logging.getLogger("agentkit.server")

_HISTORY = 50


@dataclass(frozen=True, slots=True)
class ChatTurn:
    """A chat's turn in progress: the seq of its first event, and its task (its error, if any)."""

    first_seq: int
    task: asyncio.Task[ApiError | None]


def _history(state: ServerState, org_id: str, chat_id: str) -> list[tuple[str, str]]:
    page = state.store.list_chat_messages(org_id, chat_id, 0, state.config.max_chat_messages)
    return [(row["role"], describe_parts(row["parts"])) for row in page.rows[-_HISTORY:]]


def begin_chat_turn(
    state: ServerState,
    org_id: str,
    chat: Row,
    agent: Row,
    message: dict[str, Any],
    trace_id: str | None,
) -> ChatTurn:
    """Store the user's message, log the turn's ``metadata`` event and start the brain.

    Everything up to starting the task is synchronous, so no other request can slip a second
    turn into the chat between the route's checks and this call.
    """
    chat_id = chat["id"]
    history = _history(state, org_id, chat_id)
    user_message: Row = {
        "id": new_id("msg"),
        "role": "user",
        "parts": message["parts"],
        "metadata": message.get("metadata", {}),
        "created_at": now(),
    }
    state.store.insert_chat_message(org_id, chat_id, user_message)
    chat["message_count"] += 1
    if trace_id:
        chat["trace_id"] = trace_id
    state.store.update_chat(org_id, chat)
    reply_id = new_id("msg")
    stream = CHAT_STREAM.stream(chat_id)
    first = state.events.append(
        org_id,
        stream,
        {
            "type": "metadata",
            "chat_id": chat_id,
            "message_id": reply_id,
            "trace_id": chat.get("trace_id"),
            "metadata": chat["metadata"],
        },
    )
    turn = Turn(agent=agent, text=describe_parts(message["parts"]), history=history)
    run = _run(state, org_id, chat_id, reply_id, turn)
    return ChatTurn(first, state.events.start_turn(org_id, stream, run))


async def _run(
    state: ServerState, org_id: str, chat_id: str, reply_id: str, turn: Turn
) -> ApiError | None:
    brain = brain_for(
        turn.agent.get("brain", "echo"),
        echo_delay=state.config.echo_delay,
        slow_delay=state.config.slow_delay,
    )
    deltas: list[str] = []
    try:
        async for delta in brain.reply(turn):
            deltas.append(delta)
            event = {"type": "content", "chat_id": chat_id, "message_id": reply_id, "delta": delta}
            state.events.append(org_id, CHAT_STREAM.stream(chat_id), event)
    except BrainError as exc:
        return _fail(state, org_id, chat_id, reply_id, ApiError("AGENT_ERROR", str(exc)))
    except asyncio.CancelledError:
        error = ApiError("INTERNAL_ERROR", "the server stopped during the turn")
        _fail(state, org_id, chat_id, reply_id, error)
        raise
    except Exception:
        logger.exception("turn of chat %s failed", chat_id)
        error = ApiError("INTERNAL_ERROR", "the agent's turn failed inside the server")
        return _fail(state, org_id, chat_id, reply_id, error)
    reply: Row = {
        "id": reply_id,
        "role": "agent",
        "parts": [{"type": "text", "content": "".join(deltas)}],
        "metadata": {},
        "created_at": now(),
    }
    state.store.insert_chat_message(org_id, chat_id, reply)
    chat = state.store.get_chat(org_id, chat_id)
    if chat is None:  # pragma: no cover - chats are never deleted
        return None
    chat["message"] = reply
    chat["message_count"] += 1
    state.store.update_chat(org_id, chat)
    state.events.append(org_id, CHAT_STREAM.stream(chat_id), {"type": "done", "chat": chat})
    return None


def _fail(
    state: ServerState, org_id: str, chat_id: str, reply_id: str, error: ApiError
) -> ApiError:
    event = {"type": "error", "chat_id": chat_id, "message_id": reply_id, "error": error.detail()}
    try:
        state.events.append(org_id, CHAT_STREAM.stream(chat_id), event)
    except Exception:  # the store may be closed already when the server stops
        logger.warning("could not log the failure of chat %s", chat_id)
    return error
