"""A chat's status as server-sent events: the status now, then each change, then ``end``.

The stream is made on the fly from the chat's session (never stored): every batch of the
session's events, and every keep-alive while it is quiet, the session is read again and a
``status`` event goes out when what it shows changed.
"""

from __future__ import annotations

import json
import time
from collections.abc import AsyncIterator

from ..._sse import encode_comment, encode_event
from ..core.call import Call
from ..core.replies import ChunkStream
from ..core.state import ServerState
from ..core.store import Row
from ..sessions.stream import SESSION_STREAM
from .chat_history import load_chat
from .chat_views import chat_view

__all__ = ["chat_status"]


def _event(kind: str, data: Row) -> bytes:
    return encode_event(json.dumps({"type": kind, **data}), event=kind)


def _status(state: ServerState, org_id: str, chat: Row) -> Row | None:
    session = state.store.get_session(org_id, chat["session_id"])
    if session is None:
        return None
    view = chat_view(state, org_id, chat, session)
    return {name: view[name] for name in ("status", "title", "message_count")}


async def _stream(
    state: ServerState, org_id: str, chat: Row, follow: bool, deadline: float | None
) -> AsyncIterator[bytes]:
    chat_id = chat["id"]
    shown = _status(state, org_id, chat)
    if shown is None:
        yield _event("end", {"chat_id": chat_id, "reason": "deleted"})
        return
    yield _event("status", {"chat_id": chat_id, **shown})
    stream = SESSION_STREAM.stream(chat["session_id"])
    after = state.events.last_seq(org_id, stream)

    def alive() -> bool:
        return state.store.get_session(org_id, chat["session_id"]) is not None

    batches = state.events.follow(
        org_id, stream, after, one_turn=False, forever=follow, alive=alive, deadline=deadline
    )
    async for batch in batches:
        now = _status(state, org_id, chat)
        if now is None:
            break
        if now != shown:
            shown = now
            yield _event("status", {"chat_id": chat_id, **now})
        elif not batch:
            yield encode_comment()
    last = _status(state, org_id, chat)
    if last is None:
        reason = "deleted"
    else:
        if last != shown:
            yield _event("status", {"chat_id": chat_id, **last})
        reason = "follow_limit" if follow else "idle"
    yield _event("end", {"chat_id": chat_id, "reason": reason})


async def chat_status(call: Call) -> ChunkStream:
    """Follow a chat's status: the status now, each change, then ``end``."""
    chat, _ = load_chat(call)
    follow = bool(call.params.get("follow", False))
    deadline = time.monotonic() + call.state.config.max_follow_seconds if follow else None
    return ChunkStream(_stream(call.state, call.org_id, chat, follow, deadline))
