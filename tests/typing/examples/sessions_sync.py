"""A user's script: a session bound to an index, a client tool, streamed turns."""

from __future__ import annotations

from typing import Literal, assert_type

from agentkit import AgentKit, AgentSession, client_tool
from agentkit.types import (
    Index,
    IndexQueryResult,
    Session,
    SessionEvent,
    SessionStopEvent,
    SessionTextDeltaEvent,
    SessionToolCallEvent,
    TokenUsage,
)

client = AgentKit()
agent = client.agents.create(name="Librarian", brain="scripted")

index = client.indexes.create(name="Handbook")
assert_type(index, Index)
client.indexes.add_document(
    index.id, "# Refunds\n\nPaid within 14 days.", content_type="text/markdown"
)
hits = client.indexes.query(index.id, "refund delay", top_k=3)
assert_type(hits, IndexQueryResult)

session = client.sessions.create(agent.id, index_ids=[index.id])
assert_type(session, Session)
with client.sessions.stream_send(session.id, "How long do refunds take?") as stream:
    for event in stream:
        assert_type(event, SessionEvent)
        if isinstance(event, SessionTextDeltaEvent):
            print(event.content, end="")
    stop = stream.until_stop()
    assert_type(stop, SessionStopEvent)
    assert_type(stop.usage, TokenUsage)
    print(stream.text, stop.usage.total_tokens)


@client_tool
def order_status(order_id: str) -> dict[str, str]:
    """Look up an order.

    Args:
        order_id: The order number.
    """
    return {"status": "shipped"}


agent_session = client.sessions.start(agent.id, client_tools=[order_status])
assert_type(agent_session, AgentSession)
agent_session.run("/tool order_status", on_event=print)
assert_type(agent_session.usage, TokenUsage)
print(agent_session.transcript, agent_session.latest_message)
for text in agent_session.send_text("Thanks!").stream():
    assert_type(text, str)
for stored in client.sessions.history(session.id):
    assert_type(stored, SessionEvent)

# Fields named like Python builtins read by their wire names; JSON objects are plain dicts.
for stored in client.sessions.history(session.id):
    if isinstance(stored, SessionToolCallEvent):
        assert_type(stored.type, Literal["tool_call"])
        arguments: dict[str, object] = stored.input
        print(stored.tool_name, sorted(arguments))
