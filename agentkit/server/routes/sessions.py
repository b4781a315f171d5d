"""Sessions: create, read, update, delete, list, summary, delta, the event stream and history."""

from __future__ import annotations

import json
import time

from starlette.responses import Response

from ..context import Call, api, json_response, page_response, page_start, resource, resume_after
from ..errors import ApiError
from ..sessions.model import session_view, summary_view, zero_usage
from ..sessions.turns import delete_session, recover, session_messages
from ..store import Row
from ..streams import SESSION_STREAM
from ..util import encode_cursor, new_id, now

__all__ = ["load_session", "routes", "session_response"]


def load_session(call: Call) -> Row:
    """The session the path names; 404 SESSION_NOT_FOUND for none of the organization's."""
    session_id = call.params["session_id"]
    session = call.state.store.get_session(call.org_id, session_id)
    if session is None:
        raise ApiError("SESSION_NOT_FOUND", f"no session {session_id!r}")
    return recover(call.state, call.org_id, session)


def _last_event_id(call: Call, session_id: str) -> int:
    return call.state.events.last_seq(call.org_id, SESSION_STREAM.stream(session_id))


def session_response(call: Call, session_id: str, status: int = 200) -> Response:
    """The session as it is now, with all its messages."""
    session = call.state.store.get_session(call.org_id, session_id)
    if session is None:
        raise ApiError("SESSION_NOT_FOUND", f"no session {session_id!r}")
    messages = session_messages(call.state, call.org_id, session_id)
    return json_response(status, session_view(session, messages, _last_event_id(call, session_id)))


def _check_indexes(call: Call, index_ids: list[str]) -> None:
    for position, index_id in enumerate(index_ids):
        if call.state.store.get_index(call.org_id, index_id) is None:
            raise ApiError(
                "INDEX_NOT_FOUND",
                f"no index {index_id!r}",
                {"field": f"index_ids[{position}]", "location": "body"},
            )


@api("sessions_create")
async def create(call: Call) -> Response:
    """Create a session with an agent, optionally bound to indexes."""
    body = call.body
    if call.state.store.get_agent(call.org_id, body["agent_id"]) is None:
        details = {"field": "agent_id", "location": "body"}
        raise ApiError("AGENT_NOT_FOUND", f"no agent {body['agent_id']!r}", details)
    index_ids = body.get("index_ids", [])
    _check_indexes(call, index_ids)
    stamp = now()
    session: Row = {
        "id": new_id("ses"),
        "agent_id": body["agent_id"],
        "status": "not_started",
        "user_title": body.get("title"),
        "generated_title": None,
        "system_prompt": body.get("system_prompt"),
        "model_profile": body.get("model_profile"),
        "index_ids": index_ids,
        "indexes_locked": False,
        "client_tools": body.get("client_tools", []),
        "metadata": body.get("metadata", {}),
        "usage": zero_usage(),
        "pending_tool_calls": [],
        "created_at": stamp,
        "updated_at": stamp,
    }
    call.state.store.insert_session(call.org_id, session)
    return json_response(201, session_view({**session, "message_count": 0}, [], 0))


@api("sessions_get")
async def get(call: Call) -> Response:
    """Get a session with all its messages."""
    return session_response(call, load_session(call)["id"])


@api("sessions_update")
async def update(call: Call) -> Response:
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
    return session_response(call, session["id"])


@api("sessions_delete")
async def delete(call: Call) -> Response:
    """Delete a session, cancelling its turn in progress."""
    session = load_session(call)
    await delete_session(call.state, call.org_id, session)
    return json_response(200, {"id": session["id"], "deleted": True})


@api("sessions_list")
async def list_sessions(call: Call) -> Response:
    """List session summaries, oldest first."""
    after = page_start(call)
    page = call.state.store.list_sessions(
        call.org_id, after, call.params["limit"], call.params.get("agent_id")
    )
    rows = [summary_view(row, _last_event_id(call, row["id"])) for row in page.rows]
    return page_response(rows, page.next_position)


@api("sessions_get_summary")
async def summary(call: Call) -> Response:
    """A session's title, metadata, counts and usage, without its messages."""
    session = load_session(call)
    return json_response(200, summary_view(session, _last_event_id(call, session["id"])))


@api("sessions_get_delta")
async def delta(call: Call) -> Response:
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
    return json_response(200, body)


@api("sessions_events")
async def events(call: Call) -> Response:
    """Replay a session's events after an id, then follow them live."""
    session = load_session(call)
    after = resume_after(call)
    org_id, session_id = call.org_id, session["id"]
    store = call.state.store

    def alive() -> bool:
        return store.get_session(org_id, session_id) is not None

    forever = bool(call.params.get("follow", False))
    deadline = time.monotonic() + call.state.config.max_follow_seconds if forever else None
    return call.state.events.response(
        org_id,
        SESSION_STREAM.stream(session_id),
        after,
        one_turn=False,
        forever=forever,
        alive=alive,
        deadline=deadline,
    )


@api("sessions_list_events")
async def history(call: Call) -> Response:
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
    return Response(body, media_type="application/json")


routes = [
    resource("/v1/sessions", post=create, get=list_sessions),
    resource("/v1/sessions/{session_id}", get=get, patch=update, delete=delete),
    resource("/v1/sessions/{session_id}/summary", get=summary),
    resource("/v1/sessions/{session_id}/delta", get=delta),
    resource("/v1/sessions/{session_id}/events", get=events),
    resource("/v1/sessions/{session_id}/history", get=history),
]
