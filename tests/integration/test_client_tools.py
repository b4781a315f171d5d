"""Client tools: run() executing Python functions, and handling the tool turn by hand."""

from __future__ import annotations

import asyncio
import json
from typing import Any, Literal

import pytest

import agentkit
from agentkit.tools import client_tool
from agentkit.types import SessionStatus, SessionToolCallEvent, SessionToolResultEvent, TextPart

CALLS: list[dict[str, Any]] = []


@client_tool
def get_weather(city: str, unit: Literal["C", "F"] = "C") -> dict[str, Any]:
    """Current weather in a city.

    Args:
        city: The city's name.
        unit: Celsius or Fahrenheit.
    """
    CALLS.append({"city": city, "unit": unit})
    return {"city": city, "temp": 21.5, "unit": unit}


def count_words(text: str) -> int:
    """Count the words of a text."""
    return len(text.split())


def failing_lookup(order_id: str) -> dict[str, Any]:
    """Look up an order (always fails)."""
    raise LookupError(f"no order {order_id}")


async def slow_square(value: int) -> int:
    """Square a number, eventually."""
    await asyncio.sleep(0.01)
    return value * value


@pytest.fixture
def agent(client: Any) -> Any:
    return client.agents.create(name="Tools", brain="scripted")


@pytest.fixture(autouse=True)
def _forget_calls() -> None:
    CALLS.clear()


def _answer(session: Any) -> str:
    message = session.latest_message
    return "".join(block.content for block in message.content if isinstance(block, TextPart))


def _compact(value: Any) -> str:
    return json.dumps(value, separators=(",", ":"))


class TestRun:
    def test_run_calls_the_function_and_submits_its_result(self, client: Any, agent: Any) -> None:
        """The agent's call runs the registered function; the agent then quotes its result."""
        session = client.sessions.start(agent.id, client_tools=[get_weather])
        seen: list[Any] = []
        session.run('/tool get_weather {"city": "Oslo", "unit": "F"}', on_event=seen.append)
        assert CALLS == [{"city": "Oslo", "unit": "F"}]
        assert session.is_user_turn()
        expected = {"city": "Oslo", "temp": 21.5, "unit": "F"}
        assert _answer(session) == f"The tool get_weather returned: {_compact(expected)}."
        (call,) = [event for event in seen if isinstance(event, SessionToolCallEvent)]
        (result,) = [event for event in seen if isinstance(event, SessionToolResultEvent)]
        assert (call.client, call.tool_name) == (True, "get_weather")
        assert (result.tool_use_id, str(result.status), result.client) == (
            call.tool_use_id,
            "success",
            True,
        )
        assert result.output.to_dict() == expected
        assert [event.type_ for event in seen].count("stop") == 2
        assert [event.to_dict() for event in seen] == [
            event.to_dict() for event in client.sessions.history(session.id)
        ]

    def test_the_agent_fills_required_arguments_from_the_schema(
        self, client: Any, agent: Any
    ) -> None:
        """Without explicit input the agent samples the required properties of the schema."""
        session = client.sessions.start(agent.id, client_tools=[get_weather])
        session.run("/tool get_weather")
        assert CALLS == [{"city": "example", "unit": "C"}]

    def test_plain_functions_and_non_dict_results(self, client: Any, agent: Any) -> None:
        """A plain function given to run() is a tool; a non-dict result is sent as result."""
        session = client.sessions.start(agent.id)
        session.run('/tool count_words {"text": "one two three"}', tools=[count_words])
        assert _answer(session) == 'The tool count_words returned: {"result":3}.'
        assert [tool.name for tool in client.sessions.get(session.id).client_tools] == [
            "count_words"
        ]

    def test_a_raising_tool_is_reported_as_an_error(self, client: Any, agent: Any) -> None:
        """An exception becomes an error result with its message and class name."""
        session = client.sessions.start(agent.id, client_tools=[failing_lookup])
        session.run('/tool failing_lookup {"order_id": "A1"}')
        error = {"error": "no order A1", "type": "LookupError"}
        assert _answer(session) == f"The tool failing_lookup failed: {_compact(error)}."
        result = session.messages[-2].content[0]
        assert (str(result.status), result.output.to_dict()) == ("error", error)

    def test_a_tool_without_a_function_is_declined(self, client: Any, agent: Any) -> None:
        """A declared tool nobody registered a function for is answered declined."""
        spec = {"name": "delete_account", "input_schema": {"type": "object"}}
        session = client.sessions.start(agent.id, client_tools=[spec, get_weather])
        session.run("/tool delete_account")
        assert _answer(session) == "You declined to run delete_account."
        assert CALLS == []

    def test_runtime_is_measured(self, client: Any, agent: Any) -> None:
        """The submitted result carries the measured runtime of the function."""

        @client_tool
        def nap(seconds: float) -> dict[str, bool]:
            """Sleep a little."""
            import time

            time.sleep(seconds)
            return {"ok": True}

        session = client.sessions.start(agent.id, client_tools=[nap])
        session.run('/tool nap {"seconds": 0.05}')
        result = session.messages[-2].content[0]
        assert result.runtime_ms >= 50

    def test_async_tools_run_on_the_async_client_only(self, make_client: Any) -> None:
        """The async client awaits an async tool; the sync client refuses it before sending."""
        seen: list[Any] = []
        client = make_client(on_request=seen.append)
        agent = client.agents.create(name="Tools", brain="scripted")
        session = client.sessions.start(agent.id)
        sent = len(seen)
        if make_client.kind == "async":
            session.run('/tool slow_square {"value": 7}', tools=[slow_square])
            assert _answer(session) == 'The tool slow_square returned: {"result":49}.'
        else:
            with pytest.raises(TypeError, match="coroutine function"):
                session.run('/tool slow_square {"value": 7}', tools=[slow_square])
            assert len(seen) == sent

    def test_too_many_tool_rounds_raise(self, client: Any, agent: Any) -> None:
        """Past max_tool_rounds, run() stops with ToolRoundsExceededError in client_tool_turn."""
        session = client.sessions.start(agent.id, client_tools=[get_weather])
        with pytest.raises(agentkit.ToolRoundsExceededError) as caught:
            session.run("/tool get_weather", max_tool_rounds=0)
        assert caught.value.rounds == 0
        assert session.is_client_tool_turn() and CALLS == []

    def test_run_answers_a_turn_already_waiting_for_tools(self, client: Any, agent: Any) -> None:
        """run() without a message answers the pending calls of a session opened later."""
        started = client.sessions.start(agent.id, "/tool get_weather", client_tools=[get_weather])
        started.await_user_turn()
        assert started.is_client_tool_turn()
        reopened = client.sessions.open(started.id)
        reopened.run(tools=[get_weather])
        assert reopened.is_user_turn() and CALLS == [{"city": "example", "unit": "C"}]

    def test_run_without_anything_to_do_is_refused(self, client: Any, agent: Any) -> None:
        """run() with no message on an idle session is a ValidationError."""
        session = client.sessions.start(agent.id)
        with pytest.raises(agentkit.ValidationError):
            session.run()


class TestByHand:
    def test_pending_calls_then_submitted_results(self, client: Any, agent: Any) -> None:
        """The session waits in client_tool_turn with the call pending until results arrive."""
        session = client.sessions.start(
            agent.id, '/tool get_weather {"city": "Rome"}', client_tools=[get_weather]
        )
        session.await_user_turn()
        assert session.status == SessionStatus.CLIENT_TOOL_TURN
        (call,) = session.pending_tool_calls
        assert (call.tool_name, call.input_.to_dict(), call.client) == (
            "get_weather",
            {"city": "Rome"},
            True,
        )
        session.submit_tool_results(
            [{"tool_use_id": call.tool_use_id, "status": "success", "output": {"temp": 30}}]
        )
        session.await_user_turn()
        assert session.is_user_turn() and session.pending_tool_calls == []
        assert _answer(session) == 'The tool get_weather returned: {"temp":30}.'
        assert "(get_weather success)" in session.transcript
        assert CALLS == []

    def test_results_without_a_pending_call_are_refused(self, client: Any, agent: Any) -> None:
        """Submitting results while no call waits is NO_PENDING_TOOL_CALLS."""
        session = client.sessions.start(agent.id, "hi").await_user_turn()
        with pytest.raises(agentkit.NoPendingToolCallsError):
            session.submit_tool_results([{"tool_use_id": "tu_x", "status": "success"}])

    def test_results_must_answer_exactly_the_pending_calls(self, client: Any, agent: Any) -> None:
        """An unknown id, a call answered twice, or the wrong tool name names the result."""
        session = client.sessions.start(agent.id, "/tool get_weather", client_tools=[get_weather])
        (call,) = session.await_user_turn().pending_tool_calls
        good = {"tool_use_id": call.tool_use_id, "status": "success"}
        wrong = [
            ([good, {"tool_use_id": "tu_bogus", "status": "success"}], "results[1].tool_use_id"),
            ([good, good], "results[1].tool_use_id"),
            ([{**good, "tool_name": "other"}], "results[0].tool_name"),
        ]
        for results, field in wrong:
            with pytest.raises(agentkit.ToolResultsMismatchError) as caught:
                client.sessions.submit_tool_results(session.id, results)
            assert caught.value.field == field
        assert session.refresh().is_client_tool_turn()
        assert [pending.tool_use_id for pending in session.pending_tool_calls] == [call.tool_use_id]

    def test_results_must_answer_every_pending_call(self, client: Any, agent: Any) -> None:
        """Two calls in one turn: answering one of them names the other as missing; answering
        both lets run() finish the turn, and the answer quotes both tools' results."""
        session = client.sessions.start(
            agent.id,
            '/tool get_weather {"city": "Oslo"} /tool count_words {"text": "one two three"}',
            client_tools=[get_weather, count_words],
        )
        first, second = session.await_user_turn().pending_tool_calls
        assert (first.tool_name, second.tool_name) == ("get_weather", "count_words")
        with pytest.raises(agentkit.ToolResultsMismatchError) as caught:
            session.submit_tool_results([{"tool_use_id": first.tool_use_id, "status": "success"}])
        assert caught.value.missing == [second.tool_use_id]
        assert caught.value.field == "results"
        session.run()
        assert session.is_user_turn()
        assert CALLS == [{"city": "Oslo", "unit": "C"}]
        tool_message = session.messages[-2]
        assert [block.tool_name for block in tool_message.content] == ["get_weather", "count_words"]
        assert [block.output.to_dict() for block in tool_message.content][1] == {"result": 3}

    def test_a_result_without_an_id_is_refused_before_sending(self, make_client: Any) -> None:
        """A tool result lacking tool_use_id is a client-side ValidationError."""
        seen: list[Any] = []
        client = make_client(on_request=seen.append)
        with pytest.raises(agentkit.ValidationError) as caught:
            client.sessions.submit_tool_results("ses_any", [{"status": "success"}])
        assert caught.value.field == "results[0].tool_use_id"
        assert seen == []

    def test_cancel_drops_the_pending_calls(self, client: Any, agent: Any) -> None:
        """Cancelling in client_tool_turn returns to user_turn with nothing pending."""
        session = client.sessions.start(agent.id, "/tool get_weather", client_tools=[get_weather])
        assert session.await_user_turn().is_client_tool_turn()
        session.cancel()
        assert session.is_user_turn() and session.pending_tool_calls == []
        last = list(client.sessions.history(session.id))[-1]
        assert (last.type_, str(last.reason)) == ("stop", "cancelled")

    def test_the_agent_says_when_it_has_no_such_tool(self, client: Any, agent: Any) -> None:
        """Asking for a tool the session does not declare ends the turn normally, in words."""
        session = client.sessions.start(agent.id, client_tools=[get_weather])
        session.run("/tool teleport")
        assert _answer(session) == "I have no client tool named teleport."
