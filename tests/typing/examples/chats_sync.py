"""A user's script: an agent and a chat with it, with the sync client."""

from __future__ import annotations

from typing import assert_type

from agentkit import AgentKit, APIResponse
from agentkit.types import Agent, Chat, ChatMessage, ChatReply

client = AgentKit()

agent = client.agents.create(name="Support Bot", instructions="Help with accounts.")
assert_type(agent, Agent)
assert_type(agent.id, str)

chat = client.chats.start(agent.id, "I need help with my account")
assert_type(chat.message, ChatMessage)
print(chat.message.parts[0].content)

with client.chats.stream_message(chat.id, "My account is locked") as stream:
    for delta in stream.text_deltas():
        assert_type(delta, str)
        print(delta, end="", flush=True)
    final: ChatReply = stream.until_done()

raw = client.agents.get.with_raw_response(agent.id)
assert_type(raw, APIResponse[Agent])
assert_type(raw.parsed, Agent)
assert_type(raw.request_id, str | None)

for listed in client.agents.list():
    assert_type(listed, Agent)
    print(listed.name)

ended = client.chats.end(chat.id, reason="Issue resolved")
assert_type(ended, Chat)
client.close()
