"""The results sent for client tool calls, and what the sync client refuses to run."""

from __future__ import annotations

import dataclasses
import enum
from typing import Any

import pytest

from agentkit._tool_calls import (
    declined_result,
    error_result,
    prepare_run,
    prepare_run_async,
    resolve,
    success_result,
)
from agentkit.types import ToolUseBlock

CALL = ToolUseBlock.from_dict(
    {"type": "tool_use", "tool_use_id": "tu_1", "tool_name": "lookup", "input": {}, "client": True}
)


class Color(enum.Enum):
    RED = "red"


@dataclasses.dataclass
class Reading:
    temp: float
    color: Color


def _output(value: Any) -> Any:
    result = success_result(CALL, value, 7)
    return result.to_dict()


class TestResults:
    def test_a_dict_is_the_output(self) -> None:
        """A dict return value is sent as the output, with the runtime and the tool's name."""
        assert _output({"temp": 3}) == {
            "tool_use_id": "tu_1",
            "status": "success",
            "tool_name": "lookup",
            "output": {"temp": 3},
            "runtime_ms": 7,
        }

    @pytest.mark.parametrize("value", [21.5, "sunny", [1, 2], None, True])
    def test_other_values_are_wrapped(self, value: Any) -> None:
        """A value that is not a dict is sent as {"result": value}."""
        assert _output(value)["output"] == {"result": value}

    def test_dataclasses_and_enums_become_json(self) -> None:
        """A dataclass return value is sent as its fields, enums as their values."""
        assert _output(Reading(temp=1.5, color=Color.RED))["output"] == {
            "temp": 1.5,
            "color": "red",
        }

    def test_a_value_json_cannot_hold_is_an_error_result(self) -> None:
        """A result that is not JSON is reported as an error, not sent broken."""
        result = success_result(CALL, {"when": object()}, 2).to_dict()
        assert result["status"] == "error"
        assert result["output"]["type"] == "TypeError"

    def test_an_exception_becomes_an_error_result(self) -> None:
        """A raising tool is answered with status error, its message and class name."""
        result = error_result(CALL, KeyError("no such city"), 3).to_dict()
        assert result["status"] == "error"
        assert result["output"] == {"error": "'no such city'", "type": "KeyError"}
        assert result["runtime_ms"] == 3

    def test_an_unknown_tool_is_declined(self) -> None:
        """A call of a tool with no function is declined, naming the tool."""
        result = declined_result(CALL).to_dict()
        assert result["status"] == "declined"
        assert "lookup" in result["output"]["error"]


async def _fetch(city: str) -> str:
    return city


def _plain(city: str) -> str:
    return city


class TestSyncClientLimits:
    def test_sync_client_refuses_coroutine_tools_up_front(self) -> None:
        """The sync client rejects an async tool before running anything; the async one takes it."""
        with pytest.raises(TypeError, match="coroutine function"):
            prepare_run([_fetch], None)
        assert sorted(prepare_run_async([_fetch, _plain], None)) == ["_fetch", "_plain"]

    def test_sync_client_refuses_a_coroutine_callback(self) -> None:
        """An async on_event is refused by the sync client."""

        async def on_event(event: Any) -> None: ...

        with pytest.raises(TypeError, match="on_event"):
            prepare_run([_plain], on_event)

    def test_resolve_refuses_awaitables(self) -> None:
        """A coroutine reaching the sync client is closed and refused."""
        coroutine = _fetch("Oslo")
        with pytest.raises(TypeError):
            resolve(coroutine)
        assert coroutine.cr_frame is None
        assert resolve(5) == 5
