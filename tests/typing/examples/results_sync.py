"""A user's script: the fields of results read as they come, with no check for a missing value.

Each field here is always in the server's answer, so its type is the value's own type (or the
value or ``None`` where it can be null), never a three-state ``Unset``.
"""

from __future__ import annotations

from datetime import datetime
from typing import assert_type

from agentkit import AgentKit
from agentkit.types import (
    ChatDelegationEvent,
    ChatErrorEvent,
    ChatMessage,
    ChatMetadataEvent,
    GuardrailModelCheck,
)

client = AgentKit()

agent = client.agents.create(name="Results Bot", instructions="Answer briefly.")
assert_type(agent.description, str | None)
assert_type(agent.model_profile, str | None)
assert_type(agent.provider_id, str | None)
assert_type(agent.guardrail_ids, list[str])
print(len(agent.guardrail_ids), agent.description or "no description")

chat = client.chats.get("chat_1")
assert_type(chat.message, ChatMessage | None)
assert_type(chat.message_count, int)
assert_type(chat.trace_id, str | None)
assert_type(chat.closed_at, datetime | None)
assert_type(chat.close_reason, str | None)
if chat.message is not None:
    print(chat.message.parts[0].content)
print(chat.message_count + 1)

with client.chats.stream_start(agent.id, "Hello") as stream:
    for event in stream:
        if isinstance(event, ChatMetadataEvent):
            assert_type(event.trace_id, str | None)
        elif isinstance(event, ChatErrorEvent):
            assert_type(event.message_id, str)
        elif isinstance(event, ChatDelegationEvent):
            assert_type(event.agent_name, str | None)
            assert_type(event.session_id, str | None)
            assert_type(event.reply, str | None)
            assert_type(event.error, str | None)

session = client.sessions.create(agent.id)
assert_type(session.system_prompt, str | None)
assert_type(session.model_profile, str | None)

index = client.indexes.create("Handbook")
assert_type(index.description, str | None)
document = client.indexes.add_document(index.id, "Refunds take five days.", title="Refunds")
assert_type(document.title, str | None)
assert_type(document.filename, str | None)
for chunk in client.indexes.query(index.id, "refunds").data:
    assert_type(chunk.title, str | None)
    print(chunk.title or document.id, chunk.text)

guardrail = client.guardrails.create(name="No rivals", competitor_keywords=["Acme"])
assert_type(guardrail.model_check, GuardrailModelCheck | None)

me = client.identity.me()
assert_type(me.agent_id, str | None)
client.close()
