"""An agent's chat for web front ends: the AI SDK's ``useChat`` body in, the UI message stream
(a streaming agent) or the whole reply as ``text/plain`` (any other) out.

The conversation is a session of the agent. Its id is derived from the agent and the body's
``id``, so every request of one ``useChat`` conversation continues the same session, which
keeps the history. A conversation with an ``id`` is recorded as one of the agent's chats, which
the chat history operations list, read, title, follow and delete.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from hashlib import blake2b

from ..core.call import Call
from ..core.errors import ApiError
from ..core.ids import new_id, now
from ..core.replies import Answer, ChunkStream, EventStream
from ..core.store import Row
from ..sessions.control import start_message_turn
from ..sessions.routes import new_session, ui_message
from ..sessions.stream import SESSION_STREAM

__all__ = ["chat"]


def chat_session_id(agent_id: str, chat_id: str) -> str:
    """The session that keeps the conversation ``chat_id`` with an agent."""
    digest = blake2b(f"{agent_id}\0{chat_id}".encode(), digest_size=12).hexdigest()
    return f"ses_{digest}"


def _session(call: Call, agent: Row) -> Row:
    chat_id = call.body.get("id")
    store = call.state.store
    session_id = chat_session_id(agent["id"], chat_id) if chat_id else new_id("ses")
    session = store.get_session(call.org_id, session_id)
    if session is None:
        session = new_session(session_id, {"agent_id": agent["id"]})
        store.insert_session(call.org_id, session)
    if chat_id and store.get_agent_chat(call.org_id, agent["id"], chat_id) is None:
        record = {"id": chat_id, "agent_id": agent["id"], "session_id": session_id}
        store.insert_agent_chat(call.org_id, agent["id"], {**record, "created_at": now()})
    return session


async def _whole_reply(call: Call, session_id: str, first: int) -> bytes:
    """The turn's text once it is over; the turn's error if it failed."""
    texts: list[str] = []
    stream = SESSION_STREAM.stream(session_id)
    async for batch in call.state.events.follow(call.org_id, stream, first - 1, one_turn=True):
        for event in batch:
            if event.kind == "text_delta":
                texts.append(_data(event.data)["content"])
            elif event.kind == "error":
                error = _data(event.data)["error"]
                raise ApiError(error["code"], error["message"])
    return "".join(texts).encode()


def _data(raw: str) -> Row:
    data: Row = json.loads(raw)
    return data


async def _once(body: bytes) -> AsyncIterator[bytes]:
    yield body


async def chat(call: Call) -> Answer:
    """Send the last user message of a ``useChat`` body to the agent; answer as it streams."""
    agent = call.state.store.get_agent(call.org_id, call.params["agent_id"])
    if agent is None:
        raise ApiError("AGENT_NOT_FOUND", f"no agent {call.params['agent_id']!r}")
    message = ui_message(call.body)
    session = _session(call, agent)
    first = start_message_turn(call.state, call.org_id, session, agent, message)
    headers = {"X-Session-Id": session["id"]}
    if agent.get("streaming", True):
        return EventStream(
            SESSION_STREAM.stream(session["id"]), first - 1, fmt="ui", headers=headers
        )
    body = await _whole_reply(call, session["id"], first)
    return ChunkStream(_once(body), headers=headers, media_type="text/plain; charset=utf-8")
