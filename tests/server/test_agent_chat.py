"""An agent's chat for web front ends: the ``useChat`` body in; the UI message stream out of a
streaming agent, the whole reply as text out of another; one session per conversation."""

from __future__ import annotations

from typing import Any

from .conftest import Api, new_agent


def use_chat(text: str, chat_id: str | None = "chat-1") -> dict[str, Any]:
    body: dict[str, Any] = {
        "trigger": "submit-message",
        "messages": [{"id": "m1", "role": "user", "parts": [{"type": "text", "text": text}]}],
    }
    if chat_id is not None:
        body["id"] = chat_id
    return body


def path(agent: dict[str, Any]) -> str:
    return f"/v1/agents/{agent['id']}/chat"


class TestStreamingAgent:
    def test_the_ui_message_stream(self, api: Api) -> None:
        agent = new_agent(api, name="Bot", brain="scripted")
        result = api.stream("POST", path(agent), json=use_chat("hello"))
        assert result.status_code == 200
        assert result.headers["x-vercel-ai-ui-message-stream"] == "v1"
        session_id = result.headers["x-session-id"]
        chunks = result.chunks
        assert chunks[0]["type"] == "start" and chunks[-1]["type"] == "finish"
        text = "".join(c["delta"] for c in chunks if c["type"] == "text-delta")
        assert text == "You said: hello"
        assert chunks[-1]["messageMetadata"]["session_id"] == session_id

    def test_one_session_per_conversation(self, api: Api) -> None:
        """The same ``id`` continues the same session; another ``id`` starts another."""
        agent = new_agent(api, name="Echo", brain="echo")
        first = api.stream("POST", path(agent), json=use_chat("one"))
        second = api.stream("POST", path(agent), json=use_chat("two"))
        other = api.stream("POST", path(agent), json=use_chat("three", chat_id="chat-2"))
        session_id = first.headers["x-session-id"]
        assert second.headers["x-session-id"] == session_id
        assert other.headers["x-session-id"] != session_id
        session = api.get(f"/v1/sessions/{session_id}").json()
        assert session["agent_id"] == agent["id"]
        said = [m["content"][0]["content"] for m in session["messages"] if m["role"] == "user"]
        assert said == ["one", "two"]
        assert session["title"] == "one"

    def test_no_id_starts_a_new_session_each_time(self, api: Api) -> None:
        agent = new_agent(api, name="Echo", brain="echo")
        ids = {
            api.stream("POST", path(agent), json=use_chat("x", None)).headers["x-session-id"]
            for _ in range(2)
        }
        assert len(ids) == 2


class TestNonStreamingAgent:
    def test_the_whole_reply_as_text(self, api: Api) -> None:
        agent = new_agent(api, name="Quiet", brain="scripted", streaming=False)
        response = api.http.post(path(agent), json=use_chat("hello"))
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/plain")
        assert response.text == "You said: hello"
        session = api.get(f"/v1/sessions/{response.headers['x-session-id']}").json()
        assert session["status"] == "user_turn"

    def test_a_failing_agent_is_an_error(self, api: Api) -> None:
        agent = new_agent(api, name="Quiet", brain="scripted", streaming=False)
        response = api.post(path(agent), json=use_chat("/error"))
        assert response.status_code == 502
        assert response.json()["error"]["code"] == "AGENT_ERROR"


class TestRefusals:
    def test_an_unknown_agent(self, api: Api) -> None:
        response = api.post("/v1/agents/agt_nobody/chat", json=use_chat("hi"))
        assert response.status_code == 404
        assert response.json()["error"]["code"] == "AGENT_NOT_FOUND"

    def test_another_organizations_agent(self, api: Api, harness: Any) -> None:
        agent = new_agent(api, name="Bot", brain="echo")
        response = harness.client().post(path(agent), json=use_chat("hi"))
        assert response.status_code == 404

    def test_no_user_text(self, api: Api) -> None:
        agent = new_agent(api, name="Bot", brain="echo")
        body = {"id": "c", "messages": [{"role": "assistant", "parts": []}]}
        response = api.post(path(agent), json=body)
        assert response.status_code == 400
        assert response.json()["error"]["details"]["field"] == "messages"
