"""A user's script: per-call options, raw and streamed responses, request ids, resumed lists,
streams opened before reading, and the errors to catch."""

from __future__ import annotations

from typing import assert_type

from agentkit import (
    AgentKit,
    APIConnectionError,
    APIResponse,
    ChatStream,
    ConfigurationError,
    NotFoundError,
    Page,
    Pager,
    StreamedResponse,
    request_id_of,
)
from agentkit.types import Agent, ChatReply

client = AgentKit()
agent = client.agents.get.with_options(timeout=5, max_retries=0)(agent_id="agt_123")
assert_type(agent, Agent)
assert_type(request_id_of(agent), str | None)

quiet = client.with_options(extra_headers={"X-Team": "support"}, extra_query={"trace": "1"})
assert_type(quiet, AgentKit)

raw = client.chats.start.with_raw_response(agent, "Hello")
assert_type(raw, APIResponse[ChatReply])
print(raw.parsed.message.parts[0].content)

with client.agents.get.with_streaming_response(agent) as response:
    assert_type(response, StreamedResponse[Agent])
    assert_type(response.status_code, int)
    assert_type(response.parse(), Agent)

pager = client.agents.list(page_size=10)
assert_type(pager, Pager[Agent])
first = pager.first_page()
assert_type(first, Page[Agent])
if first.next_cursor is not None:
    for later in pager.from_cursor(first.next_cursor):
        assert_type(later, Agent)

stream = client.chats.stream_message("chat_1", "Hi").open()
assert_type(stream, ChatStream)
assert_type(stream.status_code, int)
print(stream.response_headers.get("x-request-id"))
stream.close()

try:
    client.agents.get("agt_missing")
except NotFoundError as exc:
    assert_type(exc.status_code, int)
    assert_type(exc.code, str | None)
except APIConnectionError as exc:
    assert_type(exc.url, str | None)

try:
    AgentKit(base_url="127.0.0.1:8765")
except ConfigurationError as exc:
    print(exc)
