"""The feedback family's operations: vote on an agent's message, take the vote back, list the
votes of a conversation."""

from __future__ import annotations

from ..core.call import Call, Handler, page_reply, page_start
from ..core.errors import ApiError
from ..core.ids import now
from ..core.replies import Reply
from .messages import agent_message, conversation_messages

__all__ = ["HANDLERS"]


async def vote(call: Call) -> Reply:
    """Cast (or replace) the vote on an agent's message."""
    message_id = call.params["message_id"]
    conversation_id = call.body["conversation_id"]
    agent_message(call.state.store, call.org_id, conversation_id, message_id)
    stamp = now()
    cast = {
        "message_id": message_id,
        "conversation_id": conversation_id,
        "vote": call.body["vote"],
        "comment": call.body.get("comment"),
        "created_at": stamp,
        "updated_at": stamp,
    }
    return Reply(call.state.store.put_vote(call.org_id, cast))


async def delete_vote(call: Call) -> Reply:
    """Take back the vote on a message."""
    message_id = call.params["message_id"]
    if not call.state.store.delete_vote(call.org_id, message_id):
        raise ApiError("NOT_FOUND", f"no vote on {message_id!r}")
    return Reply({"id": message_id, "deleted": True})


async def list_votes(call: Call) -> Reply:
    """The votes on a conversation's messages."""
    conversation_id = call.params["conversation_id"]
    store = call.state.store
    conversation_messages(store, call.org_id, conversation_id, "query")
    page = store.list_votes(call.org_id, conversation_id, page_start(call), call.params["limit"])
    return page_reply(page.rows, page.next_position)


HANDLERS: dict[str, Handler] = {
    "feedback_vote": vote,
    "feedback_list_votes": list_votes,
    "feedback_delete_vote": delete_vote,
}
