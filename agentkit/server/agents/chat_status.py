"""A chat's status as server-sent events: the status now, then each change, then ``end``.

The stream is made on the fly from the chat's session (never stored): every batch of the
session's events, and every keep-alive while it is quiet, the session is read again and a
``status`` event goes out when what it shows changed.

A status feed resumes by state, not by position: each ``status`` event's id is a digest of the
chat and what the event shows, so a reader that reconnects with ``Last-Event-ID`` gets the
status now only if it differs from the one it saw last. Nothing it has not seen is left out
(the status now covers every change it missed) and nothing it has seen comes again.
"""

from __future__ import annotations

import json
import time
from collections.abc import AsyncIterator
from hashlib import blake2b

from ..._sse import encode_comment, encode_event
from ..core.call import Call
from ..core.replies import ChunkStream
from ..core.state import ServerState
from ..core.store import Row
from ..sessions.stream import SESSION_STREAM
from .chat_history import load_chat
from .chat_views import chat_view

__all__ = ["chat_status"]


def _end(chat: Row, reason: str, shown: Row | None, seen_last: str | None) -> bytes:
    """The ``end`` event, with the id of the status the reader has last (``0`` for none)."""
    data = json.dumps({"type": "end", "chat_id": chat["id"], "reason": reason})
    last_id = _status_id(chat, shown) if shown is not None else seen_last or "0"
    return encode_event(data, event="end", id=last_id)


def _status_id(chat: Row, shown: Row) -> str:
    """The id of a ``status`` event: the same for the same chat showing the same status."""
    # A number, as every other stream's ids are, but one that stands for a state, not a place.
    seen = json.dumps([chat["agent_id"], chat["id"], shown], sort_keys=True)
    return str(int.from_bytes(blake2b(seen.encode(), digest_size=7).digest(), "big"))


def _status_event(chat: Row, shown: Row) -> bytes:
    data = json.dumps({"type": "status", "chat_id": chat["id"], **shown})
    return encode_event(data, event="status", id=_status_id(chat, shown))


def _status(state: ServerState, org_id: str, chat: Row) -> Row | None:
    session = state.store.get_session(org_id, chat["session_id"])
    if session is None:
        return None
    view = chat_view(state, org_id, chat, session)
    return {name: view[name] for name in ("status", "title", "message_count")}


async def _stream(
    state: ServerState,
    org_id: str,
    chat: Row,
    follow: bool,
    deadline: float | None,
    seen_last: str | None,
) -> AsyncIterator[bytes]:
    shown = _status(state, org_id, chat)
    if shown is None:
        yield _end(chat, "deleted", None, seen_last)
        return
    if _status_id(chat, shown) != seen_last:
        yield _status_event(chat, shown)
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
            yield _status_event(chat, now)
        elif not batch:
            yield encode_comment()
    last = _status(state, org_id, chat)
    if last is None:
        reason = "deleted"
    else:
        if last != shown:
            shown = last
            yield _status_event(chat, last)
        reason = "follow_limit" if follow else "idle"
    yield _end(chat, reason, shown, seen_last)


async def chat_status(call: Call) -> ChunkStream:
    """Follow a chat's status: the status now (unless ``Last-Event-ID`` says the reader saw
    it last), each change, then ``end``."""
    chat, _ = load_chat(call)
    follow = bool(call.params.get("follow", False))
    deadline = time.monotonic() + call.state.config.max_follow_seconds if follow else None
    seen_last = call.params.get("Last-Event-ID")
    return ChunkStream(_stream(call.state, call.org_id, chat, follow, deadline, seen_last))
