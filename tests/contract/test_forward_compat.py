"""An SDK built from today's contract keeps working against a newer server.

The reference server is wrapped in middleware that plays a future version of the API: every
JSON object gains a field, chats and new sessions report a status value unknown today, chat
messages carry a part type and session messages a content block type unknown today, errors carry
a new code, and streams interleave an event type unknown today.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from typing import Any

import pytest

import agentkit
from agentkit import AgentKit, AsyncAgentKit
from agentkit.testing import ReferenceServer
from agentkit.types import (
    ChatContentEvent,
    ChatDoneEvent,
    SessionStopEvent,
    SessionTextDeltaEvent,
    SessionUserInputEvent,
    TextPart,
    UnknownEvent,
    UnknownPart,
)
from tests.bridge import AsyncBridge

FUTURE_PART = {"type": "video", "content": "AAAA", "mime_type": "video/mp4", "fps": 24}
FUTURE_BLOCK = {"type": "citation", "document_id": "doc_1", "quote": "..."}
FUTURE_CONTENT = {"voice_url": "https://example.test/v.ogg", "seconds": 3}


def _future(value: Any) -> Any:
    if isinstance(value, list):
        return [_future(item) for item in value]
    if not isinstance(value, dict):
        return value
    out = {key: _future(item) for key, item in value.items()}
    out["added_in_v2"] = {"nested": [1, 2]}
    if out.get("status") in ("ACTIVE", "PAUSED", "CLOSED"):
        out["status"] = "ARCHIVED"
    if isinstance(out.get("parts"), list):
        out["parts"] = [*out["parts"], FUTURE_PART]
    if isinstance(out.get("content"), list) and ("role" in out or out.get("type") == "user_input"):
        out["content"] = [*out["content"], FUTURE_BLOCK]
    if out.get("status") == "not_started":
        out["status"] = "queued"
    if "client_msg_id" in out and isinstance(out.get("content"), dict):
        out["type"] = "voice"
        out["content"] = {**out["content"], **FUTURE_CONTENT}
    if "last_read_seq" in out and "kind" in out:
        out["kind"] = "channel"
    if out.get("object") == "model" and "kind" in out:
        out["kind"] = "router"
    if isinstance(out.get("code"), str) and "message" in out:
        out["code"] = "SOMETHING_NEW"
    return out


def _future_one_event(block: bytes) -> bytes:
    if not block.startswith(b"event: "):
        return block + b"\n\n"
    head, _, data = block.partition(b"\ndata: ")
    name = head.split(b"\n", 1)[0][len(b"event: ") :]
    payload = _future(json.loads(data))
    if name == b"done":
        payload["chat"]["status"] = "ACTIVE"
    newer = b'event: reasoning\ndata: {"type": "reasoning", "text": "thinking..."}\n\n'
    return newer + head + b"\ndata: " + json.dumps(payload).encode() + b"\n\n"


def _future_event(chunk: bytes) -> bytes:
    # The server writes whole events per body chunk, one or several.
    blocks = [block for block in chunk.split(b"\n\n") if block]
    return b"".join(_future_one_event(block) for block in blocks)


class FutureAPI:
    """ASGI middleware that rewrites the reference server's answers into a future version's."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start: dict[str, Any] = {}
        body: list[bytes] = []

        async def rewrite(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                start.update(message)
                if b"text/event-stream" in dict(message["headers"]).get(b"content-type", b""):
                    start["stream"] = True
                    await send(message)
                return
            if start.get("stream"):
                await send({**message, "body": _future_event(message.get("body", b""))})
                return
            body.append(message.get("body", b""))
            if message.get("more_body"):
                return
            content = json.dumps(_future(json.loads(b"".join(body)))).encode()
            headers = [(k, v) for k, v in start["headers"] if k != b"content-length"]
            headers.append((b"content-length", str(len(content)).encode()))
            await send(
                {"type": "http.response.start", "status": start["status"], "headers": headers}
            )
            await send({"type": "http.response.body", "body": content})

        await self.app(scope, receive, rewrite)


@pytest.fixture(scope="module")
def future_server() -> Iterator[ReferenceServer]:
    with ReferenceServer(wrap_app=FutureAPI) as running:
        yield running


@pytest.fixture(params=["sync", "async"])
def client(request: pytest.FixtureRequest, future_server: ReferenceServer) -> Iterator[Any]:
    options = {"api_key": future_server.create_api_key(), "base_url": future_server.base_url}
    if request.param == "sync":
        with AgentKit(**options) as sync_client:
            yield sync_client
        return
    runner = asyncio.Runner()
    async_client = AsyncAgentKit(**options)
    yield AsyncBridge(async_client, runner)
    runner.run(async_client.aclose())
    runner.close()


@pytest.fixture(params=["sync", "async"])
def members(request: pytest.FixtureRequest, future_server: ReferenceServer) -> Iterator[list[Any]]:
    """Two messaging identities' clients of the parametrized kind."""
    runner = asyncio.Runner() if request.param == "async" else None
    opened: list[Any] = []
    for name in ("fwd-a", "fwd-b"):
        handle = f"{name}-{len(future_server.outbox)}"
        email = f"{handle}@example.test"
        options = {"api_key": future_server.create_api_key(), "base_url": future_server.base_url}
        with AgentKit(**options) as anonymous:
            pending = anonymous.identity.register(email=email, handle=handle, display_name=name)
            key = anonymous.identity.verify(pending.pending_id, future_server.last_code(email))
        options["api_key"] = key.api_key
        if runner is None:
            opened.append(AgentKit(**options))
        else:
            opened.append(AsyncBridge(AsyncAgentKit(**options), runner))
    yield opened
    for member in opened:
        if runner is None:
            member.close()
        else:
            runner.run(member.unwrapped.aclose())
    if runner is not None:
        runner.close()


class TestNewerMessagingServer:
    def test_new_message_type_and_content_field_are_kept(self, members: list[Any]) -> None:
        """A message of a type unknown today, with a content field unknown today, parses."""
        alice, bob = members
        bob_handle = bob.identity.me().handle
        sent = alice.messages.send("hi", to=bob_handle)
        assert sent.type_ == "voice"
        assert sent.content.text == "hi"
        assert sent.content.additional_properties["voice_url"] == FUTURE_CONTENT["voice_url"]
        read = list(bob.messages.history(sent.conversation_id))
        assert [m.type_ for m in read] == ["voice"]

    def test_new_conversation_kind_is_kept(self, members: list[Any]) -> None:
        """A conversation of a kind unknown today lists and reads without error."""
        alice, bob = members
        sent = alice.messages.send("hi", to=bob.identity.me().handle)
        listed = list(bob.conversations.list())
        assert [c.kind for c in listed] == ["channel"]
        assert listed[0].last_message.type_ == "voice"
        assert bob.conversations.get(sent.conversation_id).kind == "channel"


class TestNewerServer:
    def test_new_fields_are_kept(self, client: Any) -> None:
        """A field the contract does not know is kept on the model, not dropped or fatal."""
        agent = client.agents.create(name="a")
        assert agent.additional_properties["added_in_v2"] == {"nested": [1, 2]}
        assert agent["added_in_v2"] == {"nested": [1, 2]}

    def test_new_model_kind_does_not_raise(self, client: Any) -> None:
        """A model of a kind this SDK does not know is listed and got, its kind kept."""
        agent = client.agents.create(name="a")
        models = client.models.list()
        assert [m.kind for m in models] == ["router", "router"]
        assert models[0].id == agent.id
        assert models[0].capabilities.chat is True
        got = client.models.get(agent.id)
        assert got.kind == "router" and str(got.kind) == "router"

    def test_new_status_value_does_not_raise(self, client: Any) -> None:
        """An unknown enum value comes through as a value equal to its string."""
        agent = client.agents.create(name="a")
        chat = client.chats.start(agent.id, "hello")
        assert chat.status == "ARCHIVED"
        assert [c.status for c in client.chats.list()] == ["ARCHIVED"]

    def test_new_part_type_is_kept_in_place(self, client: Any) -> None:
        """A part type unknown today arrives as UnknownPart with its raw data, in its place."""
        agent = client.agents.create(name="a")
        chat = client.chats.start(agent.id, "hello")
        parts = chat.message.parts
        assert isinstance(parts[0], TextPart) and parts[0].content == "hello"
        assert isinstance(parts[1], UnknownPart)
        assert parts[1].type == "video" and parts[1].raw["fps"] == 24
        stored = list(client.chats.list_messages(chat.id))
        assert all(isinstance(message.parts[-1], UnknownPart) for message in stored)

    def test_new_error_code_maps_by_status(self, client: Any) -> None:
        """An unknown error code raises the class of its HTTP status, with the code kept."""
        with pytest.raises(agentkit.NotFoundError) as caught:
            client.chats.get("chat_missing")
        assert type(caught.value) is agentkit.NotFoundError
        assert caught.value.code == "SOMETHING_NEW"

    def test_new_event_type_arrives_as_unknown_event(self, client: Any) -> None:
        """An SSE event type unknown today is delivered as UnknownEvent, and the rest still parse."""
        agent = client.agents.create(name="a")
        with client.chats.stream_start(agent.id, "one two") as stream:
            events = list(stream)
        unknown = [event for event in events if isinstance(event, UnknownEvent)]
        assert unknown and unknown[0].event == "reasoning" and unknown[0].json()["text"]
        deltas = [event.delta for event in events if isinstance(event, ChatContentEvent)]
        assert "".join(deltas) == "one two"
        assert isinstance(events[-1], ChatDoneEvent)

    def test_new_session_status_does_not_raise(self, client: Any) -> None:
        """A session status unknown today comes through as a value equal to its string."""
        agent = client.agents.create(name="a", brain="scripted")
        session = client.sessions.create(agent.id)
        assert session.status == "queued"
        assert [s.status for s in client.sessions.list()] == ["queued"]

    def test_new_session_event_and_block_types_are_kept(self, client: Any) -> None:
        """In a session stream, an unknown event is an UnknownEvent and an unknown content
        block an UnknownPart in place; the known events still parse and end the turn."""
        agent = client.agents.create(name="a", brain="scripted")
        session = client.sessions.create(agent.id)
        with client.sessions.stream_send(session.id, "one two") as stream:
            events = list(stream)
        assert any(isinstance(e, UnknownEvent) and e.event == "reasoning" for e in events)
        user_input = next(e for e in events if isinstance(e, SessionUserInputEvent))
        assert isinstance(user_input.content[0], TextPart)
        assert isinstance(user_input.content[-1], UnknownPart)
        assert user_input.content[-1].type == "citation"
        text = "".join(e.content for e in events if isinstance(e, SessionTextDeltaEvent))
        assert text == "You said: one two"
        assert isinstance(events[-1], SessionStopEvent)
        messages = client.sessions.get(session.id).messages
        assert all(isinstance(message.content[-1], UnknownPart) for message in messages)

    def test_done_event_chat_keeps_unknown_part(self, client: Any) -> None:
        """The chat a ``done`` event carries (its message is nullable) keeps an unknown part
        as an UnknownPart rather than falling back to raw JSON."""
        agent = client.agents.create(name="a")
        with client.chats.stream_start(agent.id, "hello") as stream:
            done = list(stream)[-1]
        assert isinstance(done, ChatDoneEvent)
        parts = done.chat.message.parts
        assert isinstance(parts[0], TextPart)
        assert isinstance(parts[-1], UnknownPart) and parts[-1].type == "video"

    def test_session_history_keeps_unknown_blocks(self, client: Any) -> None:
        """Stored events of a session keep a content block type unknown today in place."""
        agent = client.agents.create(name="a", brain="scripted")
        session = client.sessions.create(agent.id)
        with client.sessions.stream_send(session.id, "one two") as stream:
            list(stream)
        events = list(client.sessions.history(session.id))
        user_input = next(e for e in events if isinstance(e, SessionUserInputEvent))
        assert isinstance(user_input.content[0], TextPart)
        assert isinstance(user_input.content[-1], UnknownPart)
        assert user_input.content[-1].raw["document_id"] == "doc_1"
        assert isinstance(events[-1], SessionStopEvent)
