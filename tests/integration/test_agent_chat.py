"""The agent chat from the SDK, both clients: the UI message stream of a streaming agent, the
plain-text reply of another, the text deltas either way, and the conversation's session."""

from __future__ import annotations

from typing import Any

import pytest

from agentkit import AgentChatStream, AgentFailedError, AgentNotFoundError, ValidationError


class TestStreamChatText:
    @pytest.mark.parametrize("streaming", [True, False])
    def test_text_deltas_either_way(self, client: Any, streaming: bool) -> None:
        """``stream_chat_text`` yields the reply's text whatever the agent's streaming flag."""
        agent = client.agents.create(name="Bot", brain="scripted", streaming=streaming)
        pieces = list(client.agents.stream_chat_text(agent.id, "hello", chat_id="c1"))
        assert "".join(pieces) == "You said: hello"
        assert (len(pieces) > 1) is streaming

    def test_a_conversation_is_one_session(self, client: Any) -> None:
        agent = client.agents.create(name="Echo", brain="echo")
        with client.agents.stream_chat(agent.id, "first", chat_id="c1") as stream:
            chunks = list(stream)
            session_id = stream.session_id
            assert stream.headers["x-vercel-ai-ui-message-stream"] == "v1"
            assert not stream.is_text
        assert chunks[-1]["type"] == "finish"
        "".join(client.agents.stream_chat_text(agent.id, "second", chat_id="c1"))
        session = client.sessions.get(session_id)
        texts = [m.content[0].content for m in session.messages if m.role.value == "user"]
        assert texts == ["first", "second"]

    def test_a_browser_body_is_proxied(self, client: Any) -> None:
        """A whole ``useChat`` body goes as it is; the bytes come back for the browser."""
        agent = client.agents.create(name="Quiet", brain="echo", streaming=False)
        body = {
            "id": "browser-chat",
            "messages": [{"id": "m", "role": "user", "parts": [{"type": "text", "text": "hi"}]}],
        }
        with client.agents.stream_chat(agent.id, body) as stream:
            sync = isinstance(stream, AgentChatStream)
            raw = b"".join(stream.iter_bytes() if sync else stream.aiter_bytes())
            assert stream.is_text
            assert stream.headers["content-type"].startswith("text/plain")
        assert raw == b"hi"


class TestErrors:
    def test_errors_are_typed(self, client: Any) -> None:
        with pytest.raises(AgentNotFoundError):
            list(client.agents.stream_chat_text("agt_nobody", "hi"))
        quiet = client.agents.create(name="Quiet", brain="scripted", streaming=False)
        with pytest.raises(AgentFailedError):
            list(client.agents.stream_chat_text(quiet.id, "/error"))
        with pytest.raises(ValidationError):
            list(client.agents.stream_chat_text(quiet.id, [{"role": "assistant", "parts": []}]))


class TestPromptSuggestions:
    def test_the_agents_own(self, client: Any) -> None:
        agent = client.agents.create(name="Bot", prompt_suggestions=["Track my order", "Refund?"])
        suggestions = client.agents.prompt_suggestions(agent.id)
        assert suggestions.agent_id == agent.id
        assert [s.text for s in suggestions.data] == ["Track my order", "Refund?"]
        assert {s.source.value for s in suggestions.data} == {"agent"}

    def test_generated_when_there_are_none(self, client: Any) -> None:
        agent = client.agents.create(name="Bot", description="Answers billing questions.")
        data = client.agents.prompt_suggestions(agent.id).data
        assert [s.source.value for s in data] == ["generated"] * 3
        assert data[0].text == "What can you do?"
        assert "Answers billing questions" in data[1].text

    def test_unknown_agent(self, client: Any) -> None:
        with pytest.raises(AgentNotFoundError):
            client.agents.prompt_suggestions("agt_nobody")
