"""Closing the session turns a stopped server left open.

A session whose stored status says a turn runs (``agent_turn``) while no task runs it in this
process was cut by a stop or a crash. Its turn is closed as a turn that fails live is: the text
streamed into the open block is kept (the block is stored and announced, as when it completes),
the message fails with a ``TURN_INTERRUPTED`` error block, and ``error`` then ``stop`` are logged,
which leave the session in ``user_turn``. A turn another live instance runs is left to it. The app does it at startup for every such session and
before any request reads one, replays of a streamed POST and event streams included. Once done
the session is idle, so doing it again adds nothing.
"""

from __future__ import annotations

import json
from typing import Any

from ..core.event_log import Recovery
from ..core.ids import now
from ..core.state import ServerState
from ..core.store import Row
from .model import new_message, zero_usage
from .running import RunningTurns
from .stream import SESSION_STREAM
from .turn_runner import INTERRUPTED, INTERRUPTED_MESSAGE

__all__ = ["recover", "recover_all", "stream_recovery"]

_DELTAS = {"text_delta": "text", "thinking_delta": "thinking"}
_BATCH = 500


def _emit(state: ServerState, org_id: str, session_id: str, kind: str, **fields: Any) -> int:
    data = {"type": kind, "id": 0, "session_id": session_id, **fields}
    return state.events.append(org_id, SESSION_STREAM.stream(session_id), data)


def _put(state: ServerState, org_id: str, session_id: str, message: Row) -> None:
    message["updated_at"] = now()
    stamp = state.events.next_seq(org_id, SESSION_STREAM.stream(session_id))
    state.store.put_session_message(org_id, session_id, message, stamp)


def _open_block(
    state: ServerState, org_id: str, session_id: str, index: int, stamp: int
) -> tuple[str, str] | None:
    """The block the message was streaming: its deltas logged since the message was stored.

    A block is stored whole when it completes, and the store stamps the message with the id of
    the event that announces the change, so every delta of the message after its stamp belongs
    to the block still open (of one kind: another kind completes the block first).
    """
    stream = SESSION_STREAM.stream(session_id)
    kind: str | None = None
    parts: list[str] = []
    after = stamp - 1
    while True:
        events = state.events.events_after(org_id, stream, after, _BATCH)
        for event in events:
            if event.kind in _DELTAS:
                data = json.loads(event.data)
                if data.get("message_index") == index:
                    kind = _DELTAS[event.kind]
                    parts.append(data["content"])
        if len(events) < _BATCH:
            break
        after = events[-1].seq
    content = "".join(parts)
    return (kind, content) if kind is not None and content else None


def _fail_messages(state: ServerState, org_id: str, session: Row) -> tuple[int, bool]:
    """Fail the turn's generating messages, keeping their open blocks.

    Returns:
        The index of the message that carries the error, and whether it is a new one.
    """
    session_id = session["id"]
    generating = state.store.message_stamps(org_id, session_id, "generating")
    created = not generating
    if created:
        # The turn had stored no message of its own yet: fail a new one, as a live turn does.
        generating = [(new_message(session["message_count"], "assistant", "generating", []), 0)]
    for message, stamp in generating:
        block = None if created else _open_block(state, org_id, session_id, message["index"], stamp)
        if block is not None:
            kind, content = block
            message["content"].append({"type": kind, "content": content})
            _put(state, org_id, session_id, message)
            _emit(state, org_id, session_id, kind, message_index=message["index"], content=content)
        message["status"] = "failed"
    failed = generating[-1][0]
    failed["content"].append(
        {"type": "error", "error_code": INTERRUPTED, "error_message": INTERRUPTED_MESSAGE}
    )
    for message, _ in generating:
        _put(state, org_id, session_id, message)
    index: int = failed["index"]
    return index, created


def recover(state: ServerState, org_id: str, session: Row) -> Row:
    """End the session's turn if a stopped server left it open; the session as it is then.

    Cheap when there is nothing to do: it looks further only when the stored status says a turn
    runs and no task runs it here.
    """
    session_id = session["id"]
    if (
        session["status"] != "agent_turn"
        or state.service(RunningTurns).get(org_id, session_id) is not None
        # Run by another live instance sharing the database.
        or state.events.busy(org_id, SESSION_STREAM.stream(session_id))
    ):
        return session
    failed, created = _fail_messages(state, org_id, session)
    error = {"code": INTERRUPTED, "message": INTERRUPTED_MESSAGE}
    _emit(state, org_id, session_id, "error", message_index=failed, error=error)
    session.update(status="user_turn", pending_tool_calls=[], updated_at=now())
    state.store.update_session(org_id, session)
    if created:
        session["message_count"] += 1
    _emit(
        state,
        org_id,
        session_id,
        "stop",
        reason="error",
        status="user_turn",
        is_error=True,
        usage=zero_usage(),
        skipped_index_ids=[],
    )
    state.events.flush_stream(org_id, SESSION_STREAM.stream(session_id))
    return session


def stream_recovery(state: ServerState) -> Recovery:
    """What the event log runs before a session's stream is read with no turn running here."""

    def recover_stream(org_id: str, session_id: str) -> None:
        session = state.store.get_session(org_id, session_id)
        if session is not None:
            recover(state, org_id, session)

    return recover_stream


def recover_all(state: ServerState) -> None:
    """Close every session turn left open in the store (at startup)."""
    for org_id, session_id in state.store.sessions_in_status("agent_turn"):
        session = state.store.get_session(org_id, session_id)
        if session is not None:
            recover(state, org_id, session)
