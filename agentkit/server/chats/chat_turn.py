"""A chat's turn: store the user's message, run the agent's brain in the background, and log
what happens in the chat's stream (``metadata``, ``content``..., then ``done`` or ``error``).

While a turn runs, the store notes it (``open_chat_turn``), until its last event is written. A
turn still noted when no task runs it here was cut by a stop or a crash: ``recover_chat`` closes
it as a stop during the turn does, with the text streamed so far kept as a failed reply and a
``TURN_INTERRUPTED`` error as the last event; the chat then takes a new message. The app does it
at startup for every such chat and before any request reads one (a replayed streamed POST and
the chat's event stream included); once done, the note is gone, so doing it again adds nothing.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Coroutine
from dataclasses import dataclass
from typing import Any

from ..brains import Brain, BrainError, Turn, brain_for, describe_parts
from ..core.eager import Finished, Waiting, resume, step
from ..core.errors import ApiError
from ..core.event_log import Recovery, StreamKind
from ..core.ids import new_id, now
from ..core.replies import JsonText
from ..core.state import ServerState
from ..core.store import Row
from ..guardrails.apply import guard_chat_brain
from ..providers.resolve import upstream_for
from .delegation import chat_delegator

__all__ = [
    "CHAT_STREAM",
    "ChatTurn",
    "begin_chat_turn",
    "recover_all_chats",
    "recover_chat",
    "stream_recovery",
]

#: A chat's stream: its turns' events, which carry no ids of their own.
CHAT_STREAM = StreamKind("chat", numbered=False, reader="chats_events", busy="CHAT_NOT_ACTIVE")

logger = logging.getLogger("agentkit.server")

_HISTORY = 50
_BATCH = 500
_TERMINAL = frozenset({"done", "error"})
INTERRUPTED_MESSAGE = "the server stopped during the turn; send the message again"


@dataclass(frozen=True, slots=True)
class ChatTurn:
    """A chat's turn: the seq of its first event, and how it ends, with the chat as the turn
    left it (the JSON text it is stored as) or the error that ended the turn: its ``outcome``
    when it ran to its end at once, else its ``task``'s result."""

    first_seq: int
    task: asyncio.Task[JsonText | ApiError] | None
    outcome: JsonText | ApiError | None = None


@dataclass(slots=True)
class _Progress:
    """What a turn run at once knows that a turn in a task looks up: the chat as the request
    left it (good while nothing else ran, and not yet stored: the turn's end stores it), and
    whether the store notes the turn."""

    chat: Row | None = None
    noted: bool = False


def _history(state: ServerState, org_id: str, chat_id: str) -> list[tuple[str, str]]:
    rows = state.store.last_chat_messages(org_id, chat_id, _HISTORY)
    return [(row["role"], describe_parts(row["parts"])) for row in rows]


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
    turn into the chat between the route's checks and this call. A brain that replies at once
    (``instant``) runs to its end here when no other instance shares the streams: the turn then
    needs no task, and no note in the store, since nothing is committed while it runs.
    """
    chat_id = chat["id"]
    brain = brain_for(
        agent.get("brain", "echo"),
        echo_delay=state.config.echo_delay,
        slow_delay=state.config.slow_delay,
        upstream=upstream_for(state, org_id, agent),
    )
    # Only a brain that reads the history pays for it (the echo brain answers the message alone).
    history = _history(state, org_id, chat_id) if getattr(brain, "uses_history", False) else []
    user_message: Row = {
        "id": new_id("msg"),
        "role": "user",
        "parts": message["parts"],
        "metadata": message.get("metadata", {}),
        "created_at": now(),
    }
    reply_id = new_id("msg")
    stream = CHAT_STREAM.stream(chat_id)
    brain = guard_chat_brain(state, org_id, agent, brain, stream, chat_id, reply_id)
    delegate = chat_delegator(state, org_id, chat, agent, stream, reply_id)
    turn = Turn(
        agent=agent, text=describe_parts(message["parts"]), history=history, delegate=delegate
    )
    at_once = getattr(brain, "instant", False) and not state.events.shared
    progress = _Progress(chat if at_once else None)
    task: asyncio.Task[JsonText | ApiError] | None = None
    started: Row = {
        "type": "metadata",
        "chat_id": chat_id,
        "message_id": reply_id,
        "trace_id": None,
        "metadata": chat["metadata"],
    }
    if trace_id:
        chat["trace_id"] = trace_id
    started["trace_id"] = chat.get("trace_id")
    if at_once:
        # One write (the user's message): kept or not on its own; the first event is buffered,
        # and forgotten if the message is not kept. The turn writes its events itself.
        with state.events.holding():
            first = state.events.append(org_id, stream, started)
            try:
                state.store.insert_chat_message(org_id, chat_id, user_message)
            except BaseException:
                state.events.forget_buffered(org_id, stream)
                raise
            chat["message_count"] += 1
            return _run_at_once(
                state, org_id, chat, reply_id, brain, turn, progress, started, first
            )
    # The user's message, the chat, the turn's note and its first event are kept together.
    try:
        with state.events.atomic(org_id, stream):
            state.store.insert_chat_message(org_id, chat_id, user_message)
            chat["message_count"] += 1
            state.store.update_chat(org_id, chat)
            first = state.events.append(org_id, stream, started)
            state.store.open_chat_turn(org_id, chat_id, reply_id, first)
            progress.noted = True
            # Started before the flush, so the stream keeps counting its seqs for the turn.
            run = _run(state, org_id, chat_id, reply_id, brain, turn, progress)
            task = state.events.start_turn(org_id, stream, run)
            state.events.flush_stream(org_id, stream)
    except BaseException:
        if task is not None:
            task.cancel()
        raise
    return ChatTurn(first, task)


def _run_at_once(
    state: ServerState,
    org_id: str,
    chat: Row,
    reply_id: str,
    brain: Brain,
    turn: Turn,
    progress: _Progress,
    started: Row,
    first: int,
) -> ChatTurn:
    """Run a turn whose start is written (its first event buffered) to its end, here; on in a
    task if its brain waits after all."""
    chat_id = chat["id"]
    stream = CHAT_STREAM.stream(chat_id)
    # Nothing is committed until the turn ends (no other code runs meanwhile): its first event
    # is written with its last, and its note is needed only if it stops before its end.
    run = _run(state, org_id, chat_id, reply_id, brain, turn, progress)
    try:
        stepped = step(run)
    except BaseException:
        # The turn's end could not be kept, and was undone: its start stays, with the note that
        # the turn is open, for recovery to close it as a stopped server's turn.
        state.store.update_chat(org_id, chat)
        if state.events.last_seq(org_id, stream) < first:
            state.events.append(org_id, stream, started)  # undone with the end
        state.events.flush_stream(org_id, stream)
        state.store.open_chat_turn(org_id, chat_id, reply_id, first)
        raise
    if isinstance(stepped, Finished):
        return ChatTurn(first, None, stepped.result)
    # It waited after all: it goes on in a task as any turn, and reads the chat anew.
    state.store.update_chat(org_id, chat)
    progress.chat = None
    state.store.open_chat_turn(org_id, chat_id, reply_id, first)
    progress.noted = True
    task = state.events.start_turn(org_id, stream, _carry_on(run, stepped))
    state.events.flush_stream(org_id, stream)
    return ChatTurn(first, task)


async def _carry_on(
    run: Coroutine[Any, Any, JsonText | ApiError], waiting: Waiting
) -> JsonText | ApiError:
    return await resume(run, waiting)


async def _run(
    state: ServerState,
    org_id: str,
    chat_id: str,
    reply_id: str,
    brain: Brain,
    turn: Turn,
    progress: _Progress,
) -> JsonText | ApiError:
    deltas: list[str] = []
    try:
        async for delta in brain.reply(turn):
            deltas.append(delta)
            event = {"type": "content", "chat_id": chat_id, "message_id": reply_id, "delta": delta}
            state.events.append(org_id, CHAT_STREAM.stream(chat_id), event)
    except BrainError as exc:
        error = ApiError("AGENT_ERROR", str(exc))
        return _fail(state, org_id, chat_id, reply_id, error, progress)
    except asyncio.CancelledError:
        try:
            chat = state.store.get_chat(org_id, chat_id)
            if chat is not None:
                _interrupt(state, org_id, chat, reply_id, "".join(deltas), progress.noted)
        except Exception:  # the store may be closed already when the server stops
            logger.warning("could not log the interruption of chat %s", chat_id)
        raise
    except Exception:
        logger.exception("turn of chat %s failed", chat_id)
        error = ApiError("INTERNAL_ERROR", "the agent's turn failed inside the server")
        return _fail(state, org_id, chat_id, reply_id, error, progress)
    reply: Row = {
        "id": reply_id,
        "role": "agent",
        "parts": _text_parts("".join(deltas)),
        "metadata": {},
        "created_at": now(),
    }
    # The reply, the chat, the done event and the end of the turn's note: one change.
    with state.events.atomic(org_id, CHAT_STREAM.stream(chat_id)):
        state.store.insert_chat_message(org_id, chat_id, reply)
        # A turn run at once has the chat in hand: a copy, so the request's stays as the start
        # left it should this end be undone.
        chat = dict(progress.chat) if progress.chat is not None else None
        if chat is None:
            chat = state.store.get_chat(org_id, chat_id)
        if chat is None:  # pragma: no cover - chats are never deleted
            return ApiError("CHAT_NOT_FOUND", f"no chat {chat_id!r}")
        chat["message"] = reply
        chat["message_count"] += 1
        stored = state.store.update_chat(org_id, chat)
        # The done event holds the chat as stored: its text is not made again.
        done = '{"type": "done", "chat": ' + stored + "}"
        state.events.append_encoded(org_id, CHAT_STREAM.stream(chat_id), "done", lambda _: done)
        _end(state, org_id, chat_id, progress.noted)
    # The answer is the chat as stored, too: sent as it is, not encoded again.
    return JsonText(stored)


def _text_parts(text: str) -> list[Row]:
    """A reply's parts: its text, or none when it has none (a text part is never empty)."""
    return [{"type": "text", "content": text}] if text else []


def _end(state: ServerState, org_id: str, chat_id: str, noted: bool = True) -> None:
    """The turn's last event is logged: write it, then drop the note that the turn runs (if the
    store has one)."""
    state.events.flush_stream(org_id, CHAT_STREAM.stream(chat_id))
    if noted:
        state.store.close_chat_turn(org_id, chat_id)


def _fail(
    state: ServerState,
    org_id: str,
    chat_id: str,
    reply_id: str,
    error: ApiError,
    progress: _Progress,
) -> ApiError:
    event = {"type": "error", "chat_id": chat_id, "message_id": reply_id, "error": error.detail()}
    try:
        with state.events.atomic(org_id, CHAT_STREAM.stream(chat_id)):
            if progress.chat is not None:  # run at once: the turn's start is stored with its end
                state.store.update_chat(org_id, progress.chat)
            state.events.append(org_id, CHAT_STREAM.stream(chat_id), event)
            _end(state, org_id, chat_id, progress.noted)
    except Exception:  # the store may be closed already when the server stops
        if not progress.noted:
            raise  # a turn run at once: its caller keeps its start and notes it open
        logger.warning("could not log the failure of chat %s", chat_id)
    return error


def _interrupt(
    state: ServerState, org_id: str, chat: Row, reply_id: str, text: str, noted: bool = True
) -> None:
    """End a turn the server stopped during: keep its reply so far as failed, log the error."""
    chat_id = chat["id"]
    error = ApiError("TURN_INTERRUPTED", INTERRUPTED_MESSAGE).detail()
    reply: Row = {
        "id": reply_id,
        "role": "agent",
        "parts": _text_parts(text),
        "metadata": {"status": "failed", "error": error},
        "created_at": now(),
    }
    with state.events.atomic(org_id, CHAT_STREAM.stream(chat_id)):
        state.store.insert_chat_message(org_id, chat_id, reply)
        chat["message_count"] += 1
        state.store.update_chat(org_id, chat)
        event = {"type": "error", "chat_id": chat_id, "message_id": reply_id, "error": error}
        state.events.append(org_id, CHAT_STREAM.stream(chat_id), event)
        _end(state, org_id, chat_id, noted)


def _streamed_text(state: ServerState, org_id: str, chat_id: str, reply_id: str, after: int) -> str:
    """The reply's text as its ``content`` events after seq ``after`` carry it."""
    stream = CHAT_STREAM.stream(chat_id)
    deltas: list[str] = []
    while True:
        events = state.events.events_after(org_id, stream, after, _BATCH)
        for event in events:
            if event.kind == "content":
                data = json.loads(event.data)
                if data.get("message_id") == reply_id:
                    deltas.append(data["delta"])
        if len(events) < _BATCH:
            return "".join(deltas)
        after = events[-1].seq


def recover_chat(state: ServerState, org_id: str, chat: Row) -> Row:
    """End the chat's turn if a stopped server left it open; the chat as it is then.

    Cheap when there is nothing to do: with a turn running here it reads nothing, else only the
    note of a turn in progress.
    """
    chat_id = chat["id"]
    stream = CHAT_STREAM.stream(chat_id)
    if state.events.turn(org_id, stream) is not None:
        return chat
    noted = state.store.chat_turn(org_id, chat_id)
    # Another instance's turn is noted with its owner in one commit: read after the note, the
    # owner is there too (read first, a turn committed between the two reads looks orphaned).
    if noted is None or state.events.busy(org_id, stream):
        return chat
    reply_id, first_seq = noted
    last = state.events.last_event(org_id, stream)
    if last is not None and last.seq >= first_seq and last.kind in _TERMINAL:
        # The turn ended; only dropping its note was cut short.
        state.store.close_chat_turn(org_id, chat_id)
        return chat
    if (chat.get("message") or {}).get("id") == reply_id:
        # The reply was stored; only its done event was cut short.
        state.events.append(org_id, stream, {"type": "done", "chat": chat})
        _end(state, org_id, chat_id)
        return chat
    text = _streamed_text(state, org_id, chat_id, reply_id, first_seq)
    _interrupt(state, org_id, chat, reply_id, text)
    return chat


def stream_recovery(state: ServerState) -> Recovery:
    """What the event log runs before a chat's stream is read with no turn running here."""

    def recover_stream(org_id: str, chat_id: str) -> None:
        chat = state.store.get_chat(org_id, chat_id)
        if chat is not None:
            recover_chat(state, org_id, chat)

    return recover_stream


def recover_all_chats(state: ServerState) -> None:
    """Close every chat turn left open in the store (at startup)."""
    for org_id, chat_id in state.store.open_chat_turns():
        chat = state.store.get_chat(org_id, chat_id)
        if chat is None:
            state.store.close_chat_turn(org_id, chat_id)
        else:
            recover_chat(state, org_id, chat)
