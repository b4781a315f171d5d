"""The sessions family's operations: create, read, update, delete and list sessions, their
summary, delta, event stream and history; and their turns: send a message (answered in the
background, streamed, or as a UI message stream), submit client tool results, cancel."""

from __future__ import annotations

import json
import time

from ..core.call import Call, Handler, page_reply, page_start, resume_after
from ..core.cursors import encode_cursor
from ..core.errors import ApiError, invalid
from ..core.ids import new_id, now
from ..core.replies import EventStream, JsonText, Reply
from ..core.store import Row
from .control import (
    cancel_turn,
    delete_session,
    session_messages,
    start_message_turn,
    start_tool_turn,
)
from .model import session_view, summary_view, zero_usage
from .recovery import recover
from .stream import SESSION_STREAM

__all__ = ["HANDLERS", "new_session", "ui_message"]


def load_session(call: Call) -> Row:
    """The session the path names; 404 SESSION_NOT_FOUND for none of the organization's."""
    session_id = call.params["session_id"]
    session = call.state.store.get_session(call.org_id, session_id)
    if session is None:
        raise ApiError("SESSION_NOT_FOUND", f"no session {session_id!r}")
    return recover(call.state, call.org_id, session)


def _last_event_id(call: Call, session_id: str) -> int:
    return call.state.events.last_seq(call.org_id, SESSION_STREAM.stream(session_id))


def session_reply(call: Call, session_id: str) -> Reply:
    """The session as it is now, with all its messages."""
    session = call.state.store.get_session(call.org_id, session_id)
    if session is None:
        raise ApiError("SESSION_NOT_FOUND", f"no session {session_id!r}")
    messages = session_messages(call.state, call.org_id, session_id)
    return Reply(session_view(session, messages, _last_event_id(call, session_id)))


def _check_indexes(call: Call, index_ids: list[str]) -> None:
    for position, index_id in enumerate(index_ids):
        if call.state.store.get_index(call.org_id, index_id) is None:
            raise ApiError(
                "INDEX_NOT_FOUND",
                f"no index {index_id!r}",
                {"field": f"index_ids[{position}]", "location": "body"},
            )


async def create(call: Call) -> Reply:
    """Create a session with an agent, optionally bound to indexes."""
    body = call.body
    if call.state.store.get_agent(call.org_id, body["agent_id"]) is None:
        details = {"field": "agent_id", "location": "body"}
        raise ApiError("AGENT_NOT_FOUND", f"no agent {body['agent_id']!r}", details)
    index_ids = body.get("index_ids", [])
    _check_indexes(call, index_ids)
    session = new_session(new_id("ses"), body)
    call.state.store.insert_session(call.org_id, session)
    return Reply(session_view({**session, "message_count": 0}, [], 0))


def new_session(session_id: str, body: Row) -> Row:
    """A session not started yet, as a ``SessionCreate`` body describes it."""
    stamp = now()
    return {
        "id": session_id,
        "agent_id": body["agent_id"],
        "status": "not_started",
        "user_title": body.get("title"),
        "generated_title": None,
        "system_prompt": body.get("system_prompt"),
        "model_profile": body.get("model_profile"),
        "index_ids": body.get("index_ids", []),
        "indexes_locked": False,
        "client_tools": body.get("client_tools", []),
        "metadata": body.get("metadata", {}),
        "usage": zero_usage(),
        "pending_tool_calls": [],
        "created_at": stamp,
        "updated_at": stamp,
    }


async def get(call: Call) -> Reply:
    """Get a session with all its messages."""
    return session_reply(call, load_session(call)["id"])


async def update(call: Call) -> Reply:
    """Change a session's title, metadata, prompt, model profile, tools or (before it starts) indexes."""
    session = load_session(call)
    body = call.body
    if "index_ids" in body:
        if session["indexes_locked"]:
            if set(body["index_ids"]) != set(session["index_ids"]):
                raise ApiError(
                    "SESSION_INDEXES_LOCKED",
                    "the session's indexes are locked since its first message",
                    {"field": "index_ids", "location": "body", "index_ids": session["index_ids"]},
                )
        else:
            _check_indexes(call, body["index_ids"])
            session["index_ids"] = body["index_ids"]
    if "title" in body:
        session["user_title"] = body["title"]
    for name in ("system_prompt", "model_profile", "client_tools", "metadata"):
        if name in body:
            session[name] = body[name]
    session["updated_at"] = now()
    call.state.store.update_session(call.org_id, session)
    return session_reply(call, session["id"])


async def delete(call: Call) -> Reply:
    """Delete a session, cancelling its turn in progress."""
    session = load_session(call)
    await delete_session(call.state, call.org_id, session)
    return Reply({"id": session["id"], "deleted": True})


async def list_sessions(call: Call) -> Reply:
    """List session summaries, oldest first."""
    after = page_start(call)
    page = call.state.store.list_sessions(
        call.org_id, after, call.params["limit"], call.params.get("agent_id")
    )
    rows = [
        summary_view(recover(call.state, call.org_id, row), _last_event_id(call, row["id"]))
        for row in page.rows
    ]
    return page_reply(rows, page.next_position)


async def summary(call: Call) -> Reply:
    """A session's title, metadata, counts and usage, without its messages."""
    session = load_session(call)
    return Reply(summary_view(session, _last_event_id(call, session["id"])))


async def delta(call: Call) -> Reply:
    """What changed since a continuation token: the changed messages, whole, and the state."""
    session = load_session(call)
    token = call.params.get("continuation_token")
    after = int(token) if token else -1
    last = _last_event_id(call, session["id"])
    view = session_view(session, [], last)
    changed = session_messages(call.state, call.org_id, session["id"], after)
    body = {
        "session_id": session["id"],
        "continuation_token": view["continuation_token"],
        "messages": changed,
        **{name: view[name] for name in ("status", "title", "generated_title", "usage")},
        "message_count": session["message_count"],
    }
    return Reply(body)


async def events(call: Call) -> EventStream:
    """Replay a session's events after an id, then follow them live."""
    session = load_session(call)
    after = resume_after(call)
    org_id, session_id = call.org_id, session["id"]
    store = call.state.store

    def alive() -> bool:
        return store.get_session(org_id, session_id) is not None

    forever = bool(call.params.get("follow", False))
    deadline = time.monotonic() + call.state.config.max_follow_seconds if forever else None
    return EventStream(
        SESSION_STREAM.stream(session_id),
        after,
        one_turn=False,
        forever=forever,
        alive=alive,
        deadline=deadline,
    )


async def history(call: Call) -> JsonText:
    """The stored events as JSON pages, oldest first."""
    session = load_session(call)
    limit = call.params["limit"]
    stream = SESSION_STREAM.stream(session["id"])
    found = call.state.events.events_after(call.org_id, stream, page_start(call), limit + 1)
    page = found[:limit]
    cursor = encode_cursor(page[-1].seq) if len(found) > limit else None
    # The stored JSON goes out as it is: the very objects the event stream carries.
    data = ", ".join(event.data for event in page)
    body = (
        f'{{"data": [{data}], "has_more": {json.dumps(cursor is not None)},'
        f' "next_cursor": {json.dumps(cursor)}}}'
    )
    return JsonText(body)


# ---------------------------------------------------------------------- turns
def _agent(call: Call, session: Row) -> Row:
    agent = call.state.store.get_agent(call.org_id, session["agent_id"])
    if agent is None:
        raise ApiError("AGENT_NOT_FOUND", "the session's agent was deleted; start a new session")
    return agent


def _send(call: Call, body: Row | None = None) -> tuple[str, int]:
    session = load_session(call)
    agent = _agent(call, session)
    # The UI request is read once the session is known: an unknown session is a 404 first.
    message = body if body is not None else ui_message(call.body)
    return session["id"], start_message_turn(call.state, call.org_id, session, agent, message)


def _submit(call: Call) -> tuple[str, int]:
    session = load_session(call)
    agent = _agent(call, session)
    return session["id"], start_tool_turn(call.state, call.org_id, session, agent, call.body)


def _stream(session_id: str, first: int, fmt: str = "sse") -> EventStream:
    return EventStream(SESSION_STREAM.stream(session_id), first - 1, fmt=fmt)


def ui_message(body: Row) -> Row:
    """The session message for an AI SDK chat request: the last user message's text."""
    messages = body["messages"]
    for position in range(len(messages) - 1, -1, -1):
        message = messages[position]
        if message["role"] != "user":
            continue
        texts = [
            part["text"]
            for part in message["parts"]
            if part["type"] == "text" and isinstance(part.get("text"), str) and part["text"]
        ]
        if not texts:
            raise invalid(f"messages[{position}].parts", "the last user message has no text")
        return {"message": {"parts": [{"type": "text", "content": "\n".join(texts)}]}}
    raise invalid("messages", "there is no message with role user")


async def send(call: Call) -> Reply:
    """Send a message; the agent answers in the background."""
    session_id, _ = _send(call, call.body)
    return session_reply(call, session_id)


async def send_stream(call: Call) -> EventStream:
    """Send a message and stream the turn's events."""
    session_id, first = _send(call, call.body)
    return _stream(session_id, first)


async def send_ui_stream(call: Call) -> EventStream:
    """Send the last user message of an AI SDK chat request; stream the turn as UI chunks."""
    session_id, first = _send(call)
    return _stream(session_id, first, "ui")


async def submit_tool_results(call: Call) -> Reply:
    """Submit client tool results; the agent continues in the background."""
    session_id, _ = _submit(call)
    return session_reply(call, session_id)


async def submit_tool_results_stream(call: Call) -> EventStream:
    """Submit client tool results and stream the turn that follows."""
    session_id, first = _submit(call)
    return _stream(session_id, first)


async def cancel(call: Call) -> Reply:
    """Cancel the turn in progress or the pending client tool calls."""
    session = load_session(call)
    await cancel_turn(call.state, call.org_id, session)
    return session_reply(call, session["id"])


HANDLERS: dict[str, Handler] = {
    "sessions_create": create,
    "sessions_get": get,
    "sessions_update": update,
    "sessions_delete": delete,
    "sessions_list": list_sessions,
    "sessions_get_summary": summary,
    "sessions_get_delta": delta,
    "sessions_events": events,
    "sessions_list_events": history,
    "sessions_send": send,
    "sessions_send_stream": send_stream,
    "sessions_send_ui_stream": send_ui_stream,
    "sessions_submit_tool_results": submit_tool_results,
    "sessions_submit_tool_results_stream": submit_tool_results_stream,
    "sessions_cancel": cancel,
}
