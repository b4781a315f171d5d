"""Sub-agents from the SDK, both clients: the agents one can delegate to, and a delegation seen
as a ``tool_call`` / ``tool_result`` pair naming the sub-agent, whose session is readable."""

from __future__ import annotations

from typing import Any

import pytest

from agentkit import AgentNotFoundError
from agentkit.types import (
    ChatContentEvent,
    ChatDelegationEvent,
    ChatDoneEvent,
    SessionToolCallEvent,
    SessionToolResultEvent,
)


def test_sub_agents_are_listed_and_answer(client: Any) -> None:
    helper = client.agents.create(name="Helper", brain="echo")
    gone = client.agents.create(name="Gone", brain="echo")
    boss = client.agents.create(name="Boss", brain="scripted", sub_agent_ids=[helper.id, gone.id])
    client.agents.delete(gone.id)
    assert [agent.name for agent in client.agents.list_sub_agents(boss.id)] == ["Helper"]
    session = client.sessions.create(boss.id)
    with client.sessions.stream_send(session.id, "/delegate Helper check the stock") as stream:
        events = list(stream)
    call = next(e for e in events if isinstance(e, SessionToolCallEvent))
    result = next(e for e in events if isinstance(e, SessionToolResultEvent))
    assert call.tool_name == "delegate" and call.input_["agent"] == "Helper"
    assert result.output["agent_id"] == helper.id
    assert stream.text == "Helper answered: check the stock"
    sub = client.sessions.get(result.output["session_id"])
    assert sub.agent_id == helper.id
    with pytest.raises(AgentNotFoundError):
        client.agents.list_sub_agents("agt_nobody")


def _chat_events(client: Any, agent_id: str, text: str) -> list[Any]:
    with client.chats.stream_start(agent_id, text) as stream:
        return list(stream)


class TestInChats:
    def test_a_chat_delegates_and_its_stream_says_so(self, client: Any) -> None:
        """The sub-agent answers in its own session; the ``delegation`` event names it before
        the content that quotes it."""
        helper = client.agents.create(name="Helper", brain="echo")
        boss = client.agents.create(name="Boss", brain="scripted", sub_agent_ids=[helper.id])
        events = _chat_events(client, boss.id, "/delegate Helper check the stock")
        kinds = [type(e) for e in events]
        assert kinds.index(ChatDelegationEvent) < kinds.index(ChatContentEvent)
        (delegation,) = [e for e in events if isinstance(e, ChatDelegationEvent)]
        assert (delegation.agent, delegation.agent_id, delegation.status) == (
            "Helper",
            helper.id,
            "success",
        )
        assert delegation.reply == "check the stock"
        done = events[-1]
        assert isinstance(done, ChatDoneEvent)
        assert done.chat.message.parts[0].content == "Helper answered: check the stock"
        assert delegation.chat_id == done.chat.id and delegation.message_id == done.chat.message.id
        sub = client.sessions.get(delegation.session_id)
        assert sub.agent_id == helper.id
        assert sub.metadata["delegated_by"] == {"chat_id": done.chat.id, "agent_id": boss.id}
        # The same chat delegating again continues the sub-agent's session.
        again = client.chats.message(done.chat.id, "/delegate Helper and again")
        assert again.message.parts[0].content == "Helper answered: and again"
        assert client.sessions.get(delegation.session_id).message_count == 4

    @pytest.mark.parametrize(
        ("command", "reason"),
        [
            ("/delegate Stranger hi", "is not a sub-agent"),
            ("/delegate Helper", "no message to delegate"),
        ],
    )
    def test_refusals_are_in_the_event_and_the_reply(
        self, client: Any, command: str, reason: str
    ) -> None:
        helper = client.agents.create(name="Helper", brain="echo")
        boss = client.agents.create(name="Boss", brain="scripted", sub_agent_ids=[helper.id])
        events = _chat_events(client, boss.id, command)
        (delegation,) = [e for e in events if isinstance(e, ChatDelegationEvent)]
        assert delegation.status == "error" and reason in delegation.error
        assert delegation.session_id is None
        text = "".join(e.delta for e in events if isinstance(e, ChatContentEvent))
        assert text.startswith("I could not delegate") and reason in text

    def test_chains_are_bounded_and_cycles_refused(self, client: Any) -> None:
        """A chat's agent counts in the chain: a sub-agent cannot delegate back to it, and
        three agents is the deepest chain."""
        leaf = client.agents.create(name="Leaf", brain="echo")
        middle = client.agents.create(name="Middle", brain="scripted", sub_agent_ids=[leaf.id])
        top = client.agents.create(name="Top", brain="scripted", sub_agent_ids=[middle.id])
        client.agents.update(middle.id, sub_agent_ids=[leaf.id, top.id])
        deep = client.chats.start(top.id, "/delegate Middle /delegate Leaf hello")
        assert deep.message.parts[0].content == "Middle answered: Leaf answered: hello"
        back = client.chats.start(top.id, "/delegate Middle /delegate Top hello")
        assert "would make a cycle" in back.message.parts[0].content

    def test_another_organizations_agent_is_no_sub_agent(self, make_client: Any) -> None:
        owner, stranger = make_client(), make_client()
        theirs = owner.agents.create(name="Theirs", brain="echo")
        mine = stranger.agents.create(name="Mine", brain="scripted")
        events = _chat_events(stranger, mine.id, f"/delegate {theirs.id} leak")
        (delegation,) = [e for e in events if isinstance(e, ChatDelegationEvent)]
        assert delegation.status == "error" and delegation.agent_id is None
        assert len(list(owner.sessions.list())) == 0


class TestInAgentChats:
    def test_the_agent_chat_delegates_and_its_history_shows_the_tool(self, client: Any) -> None:
        """The agent chat is a session: its delegation is a ``dynamic-tool`` part with the
        sub-agent's answer when the chat is read back."""
        helper = client.agents.create(name="Helper", brain="echo")
        boss = client.agents.create(name="Boss", brain="scripted", sub_agent_ids=[helper.id])
        text = "".join(client.agents.stream_chat_text(boss.id, "/delegate Helper hi", chat_id="c"))
        assert text == "Helper answered: hi"
        reply = client.agents.get_chat(boss.id, "c").messages[-1]
        kinds = [p.type_ for p in reply.parts]
        assert kinds == ["step-start", "reasoning", "tool-delegate", "step-start", "text"]
        tool = reply.parts[2]
        assert tool["input"] == {"agent": "Helper", "message": "hi"}
        assert tool["state"] == "output-available"
        assert tool["output"]["reply"] == "hi" and tool["output"]["agent_id"] == helper.id
        assert tool["output"]["agent_name"] == "Helper"
        assert reply.parts[4].text == "Helper answered: hi"

    def test_a_refused_delegation_is_in_the_history_with_its_reason(self, client: Any) -> None:
        boss = client.agents.create(name="Boss", brain="scripted")
        text = "".join(client.agents.stream_chat_text(boss.id, "/delegate Nobody hi", chat_id="c"))
        assert text.startswith("I could not delegate to Nobody")
        tool = client.agents.get_chat(boss.id, "c").messages[-1].parts[2]
        assert tool.type_ == "tool-delegate" and tool["state"] == "output-error"
        assert tool["input"]["agent"] == "Nobody"
        assert "'Nobody' is not a sub-agent of 'Boss'" in tool["errorText"]
