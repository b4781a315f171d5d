"""Sub-agents that really answer: the scripted agent's ``/delegate`` hands a message to one of
its sub-agents, whose reply comes back as the ``delegate`` tool's result; the sub-agent's
conversation is a session of its own; cycles and depth are refused with a clear error."""

from __future__ import annotations

from typing import Any

from .conftest import Api, new_agent, text_message


def turn(api: Api, session_id: str, text: str) -> Any:
    path = f"/v1/sessions/{session_id}/messages/stream"
    return api.stream("POST", path, json={"message": text_message(text)})


def session_of(api: Api, agent: dict[str, Any]) -> str:
    created = api.post("/v1/sessions", json={"agent_id": agent["id"]})
    assert created.status_code == 201, created.text
    session_id: str = created.json()["id"]
    return session_id


def tool_events(result: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    calls = [p for p in result.payloads("tool_call") if p["tool_name"] == "delegate"]
    results = [p for p in result.payloads("tool_result") if p["tool_name"] == "delegate"]
    assert len(calls) == 1 and len(results) == 1
    return calls[0], results[0]


class TestDelegation:
    def test_the_sub_agent_answers(self, api: Api) -> None:
        helper = new_agent(api, name="Helper", brain="echo")
        boss = new_agent(api, name="Boss", brain="scripted", sub_agent_ids=[helper["id"]])
        result = turn(api, session_of(api, boss), "/delegate Helper find the invoice")
        call, answer = tool_events(result)
        assert call["input"] == {"agent": "Helper", "message": "find the invoice"}
        assert answer["status"] == "success"
        output = answer["output"]
        assert output["reply"] == "find the invoice"
        assert output["agent_id"] == helper["id"] and output["agent_name"] == "Helper"
        text = "".join(p["content"] for p in result.payloads("text_delta"))
        assert text == "Helper answered: find the invoice"
        sub = api.get(f"/v1/sessions/{output['session_id']}").json()
        assert sub["agent_id"] == helper["id"]
        assert [m["role"] for m in sub["messages"]] == ["user", "assistant"]

    def test_the_sub_agents_conversation_continues(self, api: Api) -> None:
        helper = new_agent(api, name="Helper", brain="echo")
        boss = new_agent(api, name="Boss", brain="scripted", sub_agent_ids=[helper["id"]])
        session_id = session_of(api, boss)
        first = tool_events(turn(api, session_id, "/delegate Helper one"))[1]["output"]
        second = tool_events(turn(api, session_id, f"/delegate {helper['id']} two"))[1]["output"]
        assert first["session_id"] == second["session_id"]
        sub = api.get(f"/v1/sessions/{first['session_id']}").json()
        assert len(sub["messages"]) == 4

    def test_only_sub_agents(self, api: Api) -> None:
        new_agent(api, name="Stranger", brain="echo")
        boss = new_agent(api, name="Boss", brain="scripted")
        result = turn(api, session_of(api, boss), "/delegate Stranger hi")
        answer = tool_events(result)[1]
        assert answer["status"] == "error"
        assert "not a sub-agent" in answer["output"]["error"]

    def test_depth_is_bounded(self, api: Api) -> None:
        """A chain of scripted agents delegating on stops at the depth limit with an error."""
        last = new_agent(api, name="Last", brain="scripted")
        third = new_agent(api, name="Third", brain="scripted", sub_agent_ids=[last["id"]])
        second = new_agent(api, name="Second", brain="scripted", sub_agent_ids=[third["id"]])
        first = new_agent(api, name="First", brain="scripted", sub_agent_ids=[second["id"]])
        text = "/delegate Second /delegate Third /delegate Last hello"
        result = turn(api, session_of(api, first), text)
        reply = tool_events(result)[1]["output"]["reply"]
        assert "at most 3 agents deep" in reply

    def test_cycles_are_refused(self, api: Api) -> None:
        ping = new_agent(api, name="Ping", brain="scripted")
        pong = new_agent(api, name="Pong", brain="scripted", sub_agent_ids=[ping["id"]])
        api.request("PATCH", f"/v1/agents/{ping['id']}", json={"sub_agent_ids": [pong["id"]]})
        result = turn(api, session_of(api, ping), "/delegate Pong /delegate Ping hi")
        reply = tool_events(result)[1]["output"]["reply"]
        assert "would make a cycle" in reply
