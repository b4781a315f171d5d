"""An agent's chats as a front end's history: list them, read one with its messages, delete one
or all, and make a chat's title again. Each chat is kept in a session of the agent."""

from __future__ import annotations

from ..core.call import Call, page_reply, page_start
from ..core.errors import ApiError
from ..core.ids import now
from ..core.replies import Reply
from ..core.state import ServerState
from ..core.store import Row
from ..sessions.control import delete_session, session_messages
from ..sessions.model import generated_title, message_text
from ..sessions.recovery import recover
from .chat_views import chat_view, ui_messages

__all__ = [
    "delete_chat",
    "delete_chats",
    "generate_title",
    "get_chat",
    "list_chats",
    "load_chat",
]

_PAGE = 100


def _agent_id(call: Call) -> str:
    agent_id: str = call.params["agent_id"]
    if call.state.store.get_agent(call.org_id, agent_id) is None:
        raise ApiError("AGENT_NOT_FOUND", f"no agent {agent_id!r}")
    return agent_id


def _session_of(state: ServerState, org_id: str, chat: Row) -> Row | None:
    session = state.store.get_session(org_id, chat["session_id"])
    return recover(state, org_id, session) if session is not None else None


def load_chat(call: Call) -> tuple[Row, Row]:
    """The chat the path names and its session; 404 CHAT_NOT_FOUND for none of the agent's
    (a chat whose session was deleted is gone too)."""
    agent_id = _agent_id(call)
    chat_id = call.params["chat_id"]
    chat = call.state.store.get_agent_chat(call.org_id, agent_id, chat_id)
    session = _session_of(call.state, call.org_id, chat) if chat is not None else None
    if chat is None or session is None:
        raise ApiError("CHAT_NOT_FOUND", f"no chat {chat_id!r} with agent {agent_id!r}")
    return chat, session


async def list_chats(call: Call) -> Reply:
    """The agent's chats, oldest first (those whose session is gone left out)."""
    agent_id = _agent_id(call)
    store = call.state.store
    page = store.list_agent_chats(call.org_id, agent_id, page_start(call), call.params["limit"])
    views = []
    for chat in page.rows:
        session = _session_of(call.state, call.org_id, chat)
        if session is not None:
            views.append(chat_view(call.state, call.org_id, chat, session))
    return page_reply(views, page.next_position)


async def get_chat(call: Call) -> Reply:
    """One chat with its messages as UI messages."""
    chat, session = load_chat(call)
    view = chat_view(call.state, call.org_id, chat, session)
    messages = session_messages(call.state, call.org_id, session["id"])
    return Reply({**view, "messages": ui_messages(messages)})


async def _forget(state: ServerState, org_id: str, chat: Row) -> None:
    session = state.store.get_session(org_id, chat["session_id"])
    if session is not None:
        await delete_session(state, org_id, session)
    state.store.delete_agent_chat(org_id, chat["agent_id"], chat["id"])


async def delete_chat(call: Call) -> Reply:
    """Delete a chat with its session, cancelling a reply under way."""
    chat, _ = load_chat(call)
    await _forget(call.state, call.org_id, chat)
    return Reply({"id": chat["id"], "deleted": True})


async def delete_chats(call: Call) -> Reply:
    """Delete every chat of the agent with its session."""
    agent_id = _agent_id(call)
    store = call.state.store
    count = 0
    while True:
        # Deleting shifts nothing: each page starts again from the first chat left.
        page = store.list_agent_chats(call.org_id, agent_id, 0, _PAGE)
        for chat in page.rows:
            if store.get_session(call.org_id, chat["session_id"]) is not None:
                count += 1
            await _forget(call.state, call.org_id, chat)
        if page.next_position is None:
            break
    return Reply({"agent_id": agent_id, "deleted_count": count})


async def generate_title(call: Call) -> Reply:
    """Make the chat's title again from its first user message, replacing a title set by hand."""
    chat, session = load_chat(call)
    first = next(
        (
            m
            for m in session_messages(call.state, call.org_id, session["id"])
            if m["role"] == "user"
        ),
        None,
    )
    title = generated_title(message_text(first)) if first is not None else None
    session.update(generated_title=title, user_title=None, updated_at=now())
    call.state.store.update_session(call.org_id, session)
    return Reply(chat_view(call.state, call.org_id, chat, session))
