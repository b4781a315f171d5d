"""The Vercel AI SDK UI message stream of a session turn: headers, chunk mapping, the AI SDK's
ordering rules, [DONE], request errors and replay by Idempotency-Key."""

from __future__ import annotations

from typing import Any

import pytest

from .conftest import Api, Stream, new_agent, new_session
from .test_indexes import REFUNDS, add_document, new_index
from .test_sessions import WEATHER

_PARTS = {"text", "reasoning"}


def ui_request(*texts: str, role: str = "user") -> dict[str, Any]:
    parts = [{"type": "text", "text": text} for text in texts]
    return {
        "id": "chat-1",
        "trigger": "submit-message",
        "messages": [
            {"id": "m0", "role": "assistant", "parts": [{"type": "text", "text": "Hi!"}]},
            {"id": "m1", "role": role, "parts": parts},
        ],
    }


def ui_turn(api: Api, session_id: str, *texts: str, **kwargs: Any) -> Stream:
    path = f"/v1/sessions/{session_id}/messages/ui-stream"
    return api.stream("POST", path, json=ui_request(*texts), **kwargs)


def check_order(chunks: list[dict[str, Any]]) -> None:
    """The AI SDK's rules: parts open and close inside one step, deltas between, tools in order."""
    assert chunks[0]["type"] == "start" and chunks[-1]["type"] == "finish"
    in_step = False
    open_parts: dict[str, str] = {}
    tools: dict[str, str] = {}
    for chunk in chunks[1:-1]:
        kind = chunk["type"]
        part, _, phase = kind.rpartition("-")
        if kind == "start-step":
            assert not in_step, "a step starts inside a step"
            in_step = True
        elif kind == "finish-step":
            assert in_step and not open_parts, f"a step ends with open parts {open_parts}"
            in_step = False
        elif part in _PARTS and phase == "start":
            assert in_step and chunk["id"] not in open_parts
            open_parts[chunk["id"]] = part
        elif part in _PARTS:
            assert open_parts.get(chunk["id"]) == part, f"{kind} outside its part"
            if phase == "end":
                del open_parts[chunk["id"]]
        elif kind == "tool-input-start":
            assert in_step
            tools[chunk["toolCallId"]] = "started"
        elif kind == "tool-input-available":
            assert tools.get(chunk["toolCallId"]) == "started"
            tools[chunk["toolCallId"]] = "available"
        elif kind.startswith("tool-output-"):
            assert tools.get(chunk["toolCallId"]) == "available"
            tools[chunk["toolCallId"]] = "done"
    assert not in_step and not open_parts


def collapsed(types: list[str]) -> list[str]:
    """Chunk types with runs of the same delta type folded into one."""
    out: list[str] = []
    for kind in types:
        if not (out and out[-1] == kind and kind.endswith("-delta")):
            out.append(kind)
    return out


@pytest.fixture
def agent(api: Api) -> dict[str, Any]:
    return new_agent(api, name="Librarian", brain="scripted")


class TestRetrievalTurn:
    def test_chunks_follow_the_turn(self, api: Api, agent: dict[str, Any]) -> None:
        """Reasoning, the retrieval tool with its output in one step, the answer in the next."""
        index = new_index(api)
        document = add_document(api, index["id"], REFUNDS, title="Refunds")
        session = new_session(api, agent, index_ids=[index["id"]])
        stream = ui_turn(api, session["id"], "How are refunds paid?")
        assert stream.status_code == 200
        assert stream.headers["content-type"].startswith("text/event-stream")
        assert stream.headers["cache-control"] == "no-cache"
        assert stream.headers["x-vercel-ai-ui-message-stream"] == "v1"
        assert stream.headers["x-accel-buffering"] == "no"
        assert bytes(stream.raw).endswith(b"data: [DONE]\n\n")
        assert b"event:" not in bytes(stream.raw)
        chunks = stream.chunks
        check_order(chunks)
        assert collapsed(stream.chunk_types) == [
            "start",
            "start-step",
            "reasoning-start",
            "reasoning-delta",
            "reasoning-end",
            "tool-input-start",
            "tool-input-available",
            "tool-output-available",
            "finish-step",
            "start-step",
            "text-start",
            "text-delta",
            "text-end",
            "finish-step",
            "finish",
        ]
        messages = api.get(f"/v1/sessions/{session['id']}").json()["messages"]
        assert chunks[0]["messageId"] == messages[1]["id"]
        tool = next(c for c in chunks if c["type"] == "tool-input-available")
        assert tool["toolName"] == "retrieve" and tool["input"]["index_ids"] == [index["id"]]
        output = next(c for c in chunks if c["type"] == "tool-output-available")
        assert output["output"]["chunks"][0]["document_id"] == document["id"]
        text = "".join(c["delta"] for c in chunks if c["type"] == "text-delta")
        assert text == messages[3]["content"][0]["content"] and document["id"] in text
        reasoning = "".join(c["delta"] for c in chunks if c["type"] == "reasoning-delta")
        assert reasoning == messages[1]["content"][0]["content"]
        finish = chunks[-1]
        assert finish["finishReason"] == "stop"
        metadata = finish["messageMetadata"]
        assert metadata["session_id"] == session["id"] and metadata["status"] == "user_turn"
        assert metadata["usage"] == api.get(f"/v1/sessions/{session['id']}").json()["usage"]

    def test_part_ids_name_their_first_event(self, api: Api, agent: dict[str, Any]) -> None:
        """Text and reasoning part ids are txt_/rsn_ plus the id of their first delta event."""
        session = new_session(api, agent)
        stream = ui_turn(api, session["id"], "hello")
        history = api.get(f"/v1/sessions/{session['id']}/history").json()["data"]
        first_thinking = next(e["id"] for e in history if e["type"] == "thinking_delta")
        first_text = next(e["id"] for e in history if e["type"] == "text_delta")
        starts = {c["type"]: c["id"] for c in stream.chunks if c["type"].endswith("-start")}
        assert starts == {
            "reasoning-start": f"rsn_{first_thinking}",
            "text-start": f"txt_{first_text}",
        }

    def test_the_last_user_messages_text_is_sent(self, api: Api, agent: dict[str, Any]) -> None:
        """The text parts of the last user message, joined by newlines, are the session message."""
        session = new_session(api, agent)
        stream = ui_turn(api, session["id"], "first line", "second line")
        check_order(stream.chunks)
        [user] = api.get(f"/v1/sessions/{session['id']}").json()["messages"][:1]
        assert user["content"] == [{"type": "text", "content": "first line\nsecond line"}]

    def test_echo_agents_stream_text_only(self, api: Api) -> None:
        """A text-only brain's turn is one step with one text part."""
        session = new_session(api, new_agent(api, name="Echo", brain="echo"))
        stream = ui_turn(api, session["id"], "say it back")
        assert collapsed(stream.chunk_types) == [
            "start",
            "start-step",
            "text-start",
            "text-delta",
            "text-end",
            "finish-step",
            "finish",
        ]
        assert "".join(c.get("delta", "") for c in stream.chunks) == "say it back"


class TestOtherTurns:
    def test_a_client_tool_call_finishes_with_tool_calls(
        self, api: Api, agent: dict[str, Any]
    ) -> None:
        """A client tool's input is available; the turn finishes tool-calls with no output."""
        session = new_session(api, agent, client_tools=[WEATHER])
        stream = ui_turn(api, session["id"], "/tool get_weather")
        check_order(stream.chunks)
        tool = next(c for c in stream.chunks if c["type"] == "tool-input-available")
        assert tool["toolName"] == "get_weather" and tool["input"] == {"city": "example"}
        assert not any(t.startswith("tool-output") for t in stream.chunk_types)
        assert stream.chunks[-1]["finishReason"] == "tool-calls"
        assert stream.chunks[-1]["messageMetadata"]["status"] == "client_tool_turn"

    def test_a_failed_turn_sends_an_error_chunk(self, api: Api, agent: dict[str, Any]) -> None:
        """/error: an error chunk with the message, then finish with reason error."""
        session = new_session(api, agent)
        stream = ui_turn(api, session["id"], "/error")
        check_order(stream.chunks)
        [error] = [c for c in stream.chunks if c["type"] == "error"]
        assert "on purpose" in error["errorText"]
        assert stream.chunks[-1]["finishReason"] == "error"

    def test_a_skipped_index_is_a_data_warning(self, api: Api, agent: dict[str, Any]) -> None:
        """A bound index deleted since is a data-warning chunk naming it."""
        index = new_index(api)
        add_document(api, index["id"], REFUNDS)
        session = new_session(api, agent, index_ids=[index["id"]])
        api.request("DELETE", f"/v1/indexes/{index['id']}")
        stream = ui_turn(api, session["id"], "refunds?")
        check_order(stream.chunks)
        [warning] = [c for c in stream.chunks if c["type"] == "data-warning"]
        assert warning["data"]["code"] == "INDEX_SKIPPED"
        assert warning["data"]["index_id"] == index["id"] and warning["data"]["message"]

    def test_a_cancelled_turn_finishes_other(self, api: Api, agent: dict[str, Any]) -> None:
        """Cancelled mid-text: the replay closes the text part and finishes with other."""
        session = new_session(api, agent)
        key = {"Idempotency-Key": "ui-cancel"}
        ui_turn(
            api,
            session["id"],
            "/slow /long 60",
            headers=key,
            stop=lambda s: "text-delta" in s.chunk_types,
        )
        api.post(f"/v1/sessions/{session['id']}/cancel")
        replay = ui_turn(api, session["id"], "/slow /long 60", headers=key)
        check_order(replay.chunks)
        assert replay.chunks[-1]["finishReason"] == "other"
        assert replay.chunk_types.count("text-delta") < 60


class TestRequests:
    def test_a_repeat_with_the_key_replays_the_same_chunks(
        self, api: Api, agent: dict[str, Any]
    ) -> None:
        """The same Idempotency-Key replays the turn as the same UI chunks; no second turn."""
        session = new_session(api, agent)
        key = {"Idempotency-Key": "ui-1", "Last-Event-ID": "3"}
        first = ui_turn(api, session["id"], "hello", headers=key)
        again = ui_turn(api, session["id"], "hello", headers=key)
        assert again.headers["idempotent-replayed"] == "true"
        assert again.chunks == first.chunks and bytes(again.raw) == bytes(first.raw)
        assert api.get(f"/v1/sessions/{session['id']}").json()["message_count"] == 2

    @pytest.mark.parametrize(
        ("body", "field"),
        [
            (
                {"messages": [{"role": "assistant", "parts": [{"type": "text", "text": "x"}]}]},
                "messages",
            ),
            (
                {"messages": [{"role": "user", "parts": [{"type": "file", "url": "x"}]}]},
                "messages[0].parts",
            ),
            (
                {"messages": [{"role": "user", "parts": [{"type": "text", "text": ""}]}]},
                "messages[0].parts",
            ),
            ({"messages": []}, "messages"),
            ({"messages": [{"role": "robot", "parts": []}]}, "messages[0].role"),
        ],
    )
    def test_bad_requests_name_the_field(
        self, api: Api, agent: dict[str, Any], body: dict[str, Any], field: str
    ) -> None:
        """A request with no user text to send is a 400 naming the field, before any stream."""
        session = new_session(api, agent)
        path = f"/v1/sessions/{session['id']}/messages/ui-stream"
        stream = api.stream("POST", path, json=body)
        assert stream.status_code == 400 and stream.error is not None
        assert stream.error["details"]["field"] == field
        assert api.get(f"/v1/sessions/{session['id']}").json()["message_count"] == 0

    def test_extra_fields_are_ignored(self, api: Api, agent: dict[str, Any]) -> None:
        """Fields the AI SDK adds (and ones it may add later) do not matter."""
        session = new_session(api, agent)
        body = ui_request("hi")
        body["messages"][-1]["metadata"] = {"x": 1}
        body["body"] = {"anything": True}
        path = f"/v1/sessions/{session['id']}/messages/ui-stream"
        assert api.stream("POST", path, json=body).chunks[-1]["type"] == "finish"

    def test_a_busy_session_refuses_before_streaming(self, api: Api, agent: dict[str, Any]) -> None:
        """A session in client_tool_turn answers 409 SESSION_BUSY as JSON."""
        session = new_session(api, agent, client_tools=[WEATHER])
        ui_turn(api, session["id"], "/tool")
        stream = ui_turn(api, session["id"], "again")
        assert stream.status_code == 409 and stream.error is not None
        assert stream.error["code"] == "SESSION_BUSY"
