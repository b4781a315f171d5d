"""Sub-agents in chats: a chat's turn delegates as a session's does, each sub-agent answering in
a session of its own (one per chat and sub-agent), and the chat's stream tells of it with a
``delegation`` event."""

from __future__ import annotations

from ..brains.session import ToolOutcome
from ..core.state import ServerState
from ..core.store import Row
from ..sessions.control import start_message_turn
from ..sessions.delegation import Delegate, Parent, delegate

__all__ = ["chat_delegator"]


def chat_delegator(
    state: ServerState, org_id: str, chat: Row, agent: Row, stream: str, reply_id: str
) -> Delegate:
    """The ``delegate`` tool of the turn of ``agent`` in ``chat`` whose reply is ``reply_id``;
    each delegation is a ``delegation`` event of the chat's ``stream``."""
    parent = Parent(chat["id"], [], {"chat_id": chat["id"], "agent_id": agent["id"]})

    async def run(tool_input: Row) -> ToolOutcome:
        outcome = await delegate(state, org_id, parent, agent, tool_input, start_message_turn)
        output = outcome.output or {}
        event = {
            "type": "delegation",
            "chat_id": chat["id"],
            "message_id": reply_id,
            "agent": str(tool_input.get("agent", "")),
            "agent_id": output.get("agent_id"),
            "agent_name": output.get("agent_name"),
            "session_id": output.get("session_id"),
            "status": outcome.status,
            "reply": output.get("reply"),
            "error": output.get("error"),
        }
        state.events.append(org_id, stream, event)
        return outcome

    return run
