"""Session turns over raw HTTP: retrieval with citations, client tools and their results,
failures and cancellation."""

from __future__ import annotations

from typing import Any

import pytest

from .conftest import Api, new_agent, new_session, session_turn, text_message, wait_idle
from .test_indexes import REFUNDS, SHIPPING, add_document
from .test_sessions import EVERY_TYPE, WEATHER, stocked_index, submit, texts


class TestRetrieval:
    def test_a_turn_retrieves_and_cites_the_best_chunk(
        self, api: Api, scripted_agent: dict[str, Any]
    ) -> None:
        """thinking, a retrieve tool_call, its tool_result, then an answer citing the chunk."""
        index, document = stocked_index(api)
        add_document(api, index["id"], SHIPPING, title="Shipping")
        session = new_session(api, scripted_agent, index_ids=[index["id"]])
        stream = session_turn(api, session["id"], "How are refunds paid?")
        kinds = [k for k in stream.kinds if not k.endswith("_delta")]
        assert kinds == ["user_input", "thinking", "tool_call", "tool_result", "text", "stop"]
        thinking = stream.payloads("thinking")[0]["content"]
        assert thinking == "The user asks: How are refunds paid? I will search 1 index."
        call, result = stream.payloads("tool_call")[0], stream.payloads("tool_result")[0]
        assert call["tool_name"] == "retrieve" and call["client"] is False
        assert call["input"] == {"query": "How are refunds paid?", "index_ids": [index["id"]]}
        assert result["tool_use_id"] == call["tool_use_id"] and result["status"] == "success"
        assert result["client"] is False and result["runtime_ms"] >= 0
        chunks = result["output"]["chunks"]
        assert 1 <= len(chunks) <= 3 and chunks[0]["document_id"] == document["id"]
        answer = stream.payloads("text")[0]["content"]
        assert answer == f'According to "Refunds" [{document["id"]}]: {REFUNDS[:300]}'
        deltas = stream.payloads("text_delta")
        assert "".join(d["content"] for d in deltas) == answer
        assert {d["message_index"] for d in deltas} == {3}

    def test_the_messages_show_the_whole_turn(
        self, api: Api, scripted_agent: dict[str, Any]
    ) -> None:
        """assistant [thinking, tool_use], tool [tool_result], assistant [text], all completed."""
        index, document = stocked_index(api)
        session = new_session(api, scripted_agent, index_ids=[index["id"]])
        session_turn(api, session["id"], "refunds")
        messages = api.get(f"/v1/sessions/{session['id']}").json()["messages"]
        assert [(m["index"], m["role"], m["status"]) for m in messages] == [
            (0, "user", "completed"),
            (1, "assistant", "completed"),
            (2, "tool", "completed"),
            (3, "assistant", "completed"),
        ]
        assert [b["type"] for b in messages[1]["content"]] == ["thinking", "tool_use"]
        [result] = messages[2]["content"]
        assert (
            result["type"] == "tool_result"
            and result["tool_use_id"] == (messages[1]["content"][1]["tool_use_id"])
        )
        assert document["id"] in texts(messages[3])[0]

    def test_a_query_that_matches_nothing_is_said_so(
        self, api: Api, scripted_agent: dict[str, Any]
    ) -> None:
        """When retrieval finds no chunk, the answer says so instead of citing."""
        index, _ = stocked_index(api)
        session = new_session(api, scripted_agent, index_ids=[index["id"]])
        stream = session_turn(api, session["id"], "zebras")
        assert stream.payloads("tool_result")[0]["output"] == {"chunks": []}
        assert stream.payloads("text")[0]["content"] == (
            "I found nothing in the indexes about: zebras"
        )


class TestClientTools:
    def test_the_agent_calls_a_client_tool_and_waits(
        self, api: Api, scripted_agent: dict[str, Any]
    ) -> None:
        """/tool: a client tool_call with input from the schema; stop client_tool_call."""
        session = new_session(api, scripted_agent, client_tools=[WEATHER])
        stream = session_turn(api, session["id"], "/tool")
        call = stream.payloads("tool_call")[0]
        assert call["tool_name"] == "get_weather" and call["client"] is True
        assert call["input"] == {"city": "example"}
        stop = stream.payloads("stop")[0]
        assert (stop["reason"], stop["status"]) == ("client_tool_call", "client_tool_turn")
        state = api.get(f"/v1/sessions/{session['id']}").json()
        assert state["status"] == "client_tool_turn"
        [block] = [b for b in state["messages"][1]["content"] if b["type"] == "tool_use"]
        assert block["client"] is True and block["tool_use_id"] == call["tool_use_id"]
        assert state["messages"][1]["status"] == "completed"

    def test_sample_inputs_follow_each_type(self, api: Api, scripted_agent: dict[str, Any]) -> None:
        """Each required property gets a sample of its type (an enum its first value)."""
        session = new_session(api, scripted_agent, client_tools=[WEATHER, EVERY_TYPE])
        call = session_turn(api, session["id"], "/tool book").payloads("tool_call")[0]
        assert call["input"] == {
            "name": "example",
            "seats": 1,
            "price": 1.5,
            "window": True,
            "meals": [],
            "extras": {},
            "class": "economy",
            "note": "example",
        }

    def test_the_input_may_be_given(self, api: Api, scripted_agent: dict[str, Any]) -> None:
        """/tool NAME {json} calls that tool with that input."""
        session = new_session(api, scripted_agent, client_tools=[EVERY_TYPE, WEATHER])
        text = '/tool get_weather {"city": "Paris", "days": 2}'
        call = session_turn(api, session["id"], text).payloads("tool_call")[0]
        assert call["tool_name"] == "get_weather" and call["input"] == {"city": "Paris", "days": 2}

    def test_an_unknown_tool_is_answered_in_words(
        self, api: Api, scripted_agent: dict[str, Any]
    ) -> None:
        """No client tool of that name: the agent says so and the turn ends normally."""
        session = new_session(api, scripted_agent, client_tools=[WEATHER])
        stream = session_turn(api, session["id"], "/tool send_email")
        assert "tool_call" not in stream.kinds
        assert stream.payloads("text")[0]["content"] == "I have no client tool named send_email."
        assert stream.payloads("stop")[0]["reason"] == "end_turn"

    @pytest.mark.parametrize(
        ("status", "output", "answer"),
        [
            ("success", {"temp": 21}, 'The tool get_weather returned: {"temp":21}.'),
            ("error", {"error": "offline"}, 'The tool get_weather failed: {"error":"offline"}.'),
            ("declined", None, "You declined to run get_weather."),
        ],
    )
    def test_results_let_the_agent_continue(
        self,
        api: Api,
        scripted_agent: dict[str, Any],
        status: str,
        output: dict[str, Any] | None,
        answer: str,
    ) -> None:
        """Submitted results are one tool message; the agent answers from them and ends."""
        session = new_session(api, scripted_agent, client_tools=[WEATHER])
        call = session_turn(api, session["id"], "/tool").payloads("tool_call")[0]
        result: dict[str, Any] = {"tool_use_id": call["tool_use_id"], "status": status}
        if output is not None:
            result |= {"output": output, "runtime_ms": 12}
        stream = submit(api, session["id"], [result])
        assert stream.kinds[0] == "tool_result" and stream.kinds[-1] == "stop"
        event = stream.payloads("tool_result")[0]
        assert event["client"] is True and event["tool_name"] == "get_weather"
        assert event["status"] == status and event["output"] == output
        assert event["runtime_ms"] == (12 if output is not None else 0)
        assert stream.payloads("text")[0]["content"] == answer
        stop = stream.payloads("stop")[0]
        assert (stop["reason"], stop["status"]) == ("end_turn", "user_turn")
        messages = api.get(f"/v1/sessions/{session['id']}").json()["messages"]
        assert [m["role"] for m in messages] == ["user", "assistant", "tool", "assistant"]
        assert messages[2]["content"][0]["tool_use_id"] == call["tool_use_id"]

    def test_the_plain_submit_answers_at_once(
        self, api: Api, scripted_agent: dict[str, Any]
    ) -> None:
        """sessions_submit_tool_results answers 202 in agent_turn, results stored."""
        session = new_session(api, scripted_agent, client_tools=[WEATHER])
        call = session_turn(api, session["id"], "/tool").payloads("tool_call")[0]
        body = {"results": [{"tool_use_id": call["tool_use_id"], "status": "success"}]}
        response = api.post(f"/v1/sessions/{session['id']}/tool-results", json=body)
        assert response.status_code == 202 and response.json()["status"] == "agent_turn"
        assert response.json()["messages"][2]["content"][0]["output"] is None
        done = wait_idle(api, session["id"])
        assert texts(done["messages"][3]) == ["The tool get_weather returned: null."]

    def test_results_must_answer_the_pending_calls(
        self, api: Api, scripted_agent: dict[str, Any]
    ) -> None:
        """Unknown, doubled or misnamed ids and missing ones are TOOL_RESULTS_MISMATCH."""
        session = new_session(api, scripted_agent, client_tools=[WEATHER])
        call = session_turn(api, session["id"], "/tool").payloads("tool_call")[0]
        pending = call["tool_use_id"]
        path = f"/v1/sessions/{session['id']}/tool-results"
        cases = [
            ([{"tool_use_id": "toolu_nope", "status": "success"}], "results[0].tool_use_id"),
            (
                [{"tool_use_id": pending, "status": "success"}] * 2,
                "results[1].tool_use_id",
            ),
            (
                [{"tool_use_id": pending, "status": "success", "tool_name": "other"}],
                "results[0].tool_name",
            ),
        ]
        for results, field in cases:
            response = api.post(path, json={"results": results})
            assert response.status_code == 400
            assert response.json()["error"]["code"] == "TOOL_RESULTS_MISMATCH"
            assert response.json()["error"]["details"]["field"] == field
        assert api.get(f"/v1/sessions/{session['id']}").json()["status"] == "client_tool_turn"

    def test_several_calls_wait_together(self, api: Api, scripted_agent: dict[str, Any]) -> None:
        """Two /tool commands: two client calls in one assistant message, both pending."""
        session = new_session(api, scripted_agent, client_tools=[WEATHER, EVERY_TYPE])
        stream = session_turn(api, session["id"], '/tool get_weather {"city": "Oslo"} /tool book')
        calls = stream.payloads("tool_call")
        assert [c["tool_name"] for c in calls] == ["get_weather", "book"]
        assert {c["message_index"] for c in calls} == {1}
        message = api.get(f"/v1/sessions/{session['id']}").json()["messages"][1]
        assert [b["type"] for b in message["content"]] == ["thinking", "tool_use", "tool_use"]
        assert message["status"] == "completed"

    def test_missing_results_are_listed(self, api: Api, scripted_agent: dict[str, Any]) -> None:
        """Answering one of two pending calls is a mismatch listing the other; both succeed."""
        session = new_session(api, scripted_agent, client_tools=[WEATHER, EVERY_TYPE])
        first, second = session_turn(api, session["id"], "/tool get_weather /tool book").payloads(
            "tool_call"
        )
        path = f"/v1/sessions/{session['id']}/tool-results"
        one = [{"tool_use_id": first["tool_use_id"], "status": "success"}]
        response = api.post(path, json={"results": one})
        assert response.status_code == 400
        error = response.json()["error"]
        assert error["code"] == "TOOL_RESULTS_MISMATCH"
        assert error["details"]["field"] == "results"
        assert error["details"]["missing"] == [second["tool_use_id"]]
        both = [*one, {"tool_use_id": second["tool_use_id"], "status": "declined"}]
        stream = submit(api, session["id"], list(reversed(both)), client_tools=[WEATHER])
        assert [e["tool_use_id"] for e in stream.payloads("tool_result")] == [
            second["tool_use_id"],
            first["tool_use_id"],
        ]
        assert stream.payloads("text")[0]["content"] == (
            "You declined to run book. The tool get_weather returned: null."
        )
        state = api.get(f"/v1/sessions/{session['id']}").json()
        assert state["client_tools"] == [WEATHER] and state["status"] == "user_turn"

    def test_no_pending_calls_outside_a_client_tool_turn(
        self, api: Api, scripted_agent: dict[str, Any]
    ) -> None:
        """Results with nothing pending are 409 NO_PENDING_TOOL_CALLS."""
        session = new_session(api, scripted_agent)
        body = {"results": [{"tool_use_id": "toolu_x", "status": "success"}]}
        path = f"/v1/sessions/{session['id']}/tool-results"
        response = api.post(path, json=body)
        assert response.status_code == 409
        assert response.json()["error"]["code"] == "NO_PENDING_TOOL_CALLS"
        stream = api.stream("POST", f"{path}/stream", json=body)
        assert stream.error is not None and stream.error["code"] == "NO_PENDING_TOOL_CALLS"


class TestFailures:
    def test_error_fails_the_message_and_the_turn(
        self, api: Api, scripted_agent: dict[str, Any]
    ) -> None:
        """/error: after thinking, an error block, events error then stop(error)."""
        session = new_session(api, scripted_agent)
        stream = session_turn(api, session["id"], "/error please")
        kinds = [k for k in stream.kinds if k != "thinking_delta"]
        assert kinds == ["user_input", "thinking", "error", "stop"]
        error = stream.payloads("error")[0]
        assert error["error"]["code"] == "AGENT_ERROR" and error["message_index"] == 1
        stop = stream.payloads("stop")[0]
        assert (stop["reason"], stop["status"], stop["is_error"]) == ("error", "user_turn", True)
        message = api.get(f"/v1/sessions/{session['id']}").json()["messages"][1]
        assert message["status"] == "failed"
        assert message["content"][-1] == {
            "type": "error",
            "error_code": "AGENT_ERROR",
            "error_message": error["error"]["message"],
        }
        assert (
            session_turn(api, session["id"], "ok now").payloads("stop")[0]["reason"] == "end_turn"
        )

    def test_an_unconfigured_openai_brain_fails_the_turn(
        self, api: Api, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """An openai agent without an upstream ends its turn with AGENT_ERROR, not a crash."""
        monkeypatch.delenv("AGENTKIT_OPENAI_BASE_URL", raising=False)
        agent = new_agent(api, name="gpt", brain="openai", model_profile="m")
        session = new_session(api, agent)
        stream = session_turn(api, session["id"], "hi")
        assert stream.payloads("error")[0]["error"]["code"] == "AGENT_ERROR"
        assert stream.payloads("stop")[0]["is_error"] is True


class TestCancel:
    def test_cancel_keeps_the_partial_answer(
        self, api: Api, scripted_agent: dict[str, Any]
    ) -> None:
        """A cancelled /slow turn: the message keeps its partial text and ends cancelled."""
        session = new_session(api, scripted_agent)
        path = f"/v1/sessions/{session['id']}"
        partial = api.stream(
            "POST",
            f"{path}/messages/stream",
            json={"message": text_message("/slow /long 100")},
            stop=lambda s: len(s.payloads("text_delta")) >= 3,
        )
        cancelled = api.post(f"{path}/cancel")
        assert cancelled.status_code == 200
        state = cancelled.json()
        assert state["status"] == "user_turn"
        message = state["messages"][1]
        assert message["status"] == "cancelled"
        [text] = texts(message)
        assert text.startswith("tok0 tok1 tok2 ") and len(text.split()) < 100
        events = api.stream("GET", f"{path}/events", params={"after": partial.ids[-1]})
        assert events.kinds[-1] == "stop"
        stop = events.payloads("stop")[0]
        assert (stop["reason"], stop["status"], stop["is_error"]) == (
            "cancelled",
            "user_turn",
            False,
        )
        assert events.payloads("text")[0]["content"] == text
        assert session_turn(api, session["id"], "next").payloads("stop")[0]["reason"] == "end_turn"

    def test_cancel_while_idle_changes_nothing(
        self, api: Api, scripted_agent: dict[str, Any]
    ) -> None:
        """Cancelling a session with no turn answers 200 and logs nothing."""
        session = new_session(api, scripted_agent)
        path = f"/v1/sessions/{session['id']}"
        assert api.post(f"{path}/cancel").json() == session
        session_turn(api, session["id"], "hi")
        before = api.get(path).json()
        after = api.post(f"{path}/cancel").json()
        assert after == before

    def test_cancel_drops_pending_tool_calls(
        self, api: Api, scripted_agent: dict[str, Any]
    ) -> None:
        """In client_tool_turn, cancel logs stop(cancelled) and the calls are no longer pending."""
        session = new_session(api, scripted_agent, client_tools=[WEATHER])
        path = f"/v1/sessions/{session['id']}"
        call = session_turn(api, session["id"], "/tool").payloads("tool_call")[0]
        before = api.get(path).json()["last_event_id"]
        state = api.post(f"{path}/cancel").json()
        assert state["status"] == "user_turn" and state["last_event_id"] == before + 1
        [stop] = api.stream("GET", f"{path}/events", params={"after": before}).payloads()
        assert (stop["type"], stop["reason"], stop["status"]) == ("stop", "cancelled", "user_turn")
        late = api.post(
            f"{path}/tool-results",
            json={"results": [{"tool_use_id": call["tool_use_id"], "status": "success"}]},
        )
        assert late.status_code == 409 and late.json()["error"]["code"] == "NO_PENDING_TOOL_CALLS"
