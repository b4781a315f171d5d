"""An agent chat's session messages as AI SDK UI messages: each kind of block as its part, and
tool results joined to their calls, wherever the results are kept."""

from __future__ import annotations

from agentkit.server.agents.chat_views import ui_messages

STAMP = "2026-01-01T00:00:00Z"


def message(index: int, role: str, *content: dict[str, object]) -> dict[str, object]:
    return {
        "index": index,
        "id": f"msg_{index}",
        "role": role,
        "status": "completed",
        "content": list(content),
        "created_at": STAMP,
    }


def use(tool_use_id: str) -> dict[str, object]:
    return {
        "type": "tool_use",
        "tool_use_id": tool_use_id,
        "tool_name": "lookup",
        "input": {"q": "x"},
        "client": False,
    }


def result(tool_use_id: str, status: str = "success") -> dict[str, object]:
    return {
        "type": "tool_result",
        "tool_use_id": tool_use_id,
        "tool_name": "lookup",
        "status": status,
        "output": {"answer": 42},
        "runtime_ms": 1,
        "client": False,
    }


class TestUIMessages:
    def test_blocks_become_parts(self) -> None:
        out = ui_messages(
            [
                message(0, "user", {"type": "text", "content": "hi"}),
                message(
                    1,
                    "assistant",
                    {"type": "thinking", "content": "hmm"},
                    {"type": "text", "content": "hello"},
                    {"type": "error", "error_code": "AGENT_ERROR", "error_message": "x"},
                ),
            ]
        )
        assert [m["role"] for m in out] == ["user", "assistant"]
        assert out[0]["parts"] == [{"type": "text", "text": "hi"}]
        assert out[1]["parts"][:3] == [
            {"type": "step-start"},
            {"type": "reasoning", "text": "hmm", "state": "done"},
            {"type": "text", "text": "hello", "state": "done"},
        ]
        assert out[1]["parts"][3]["type"] == "data-error"
        assert out[1]["metadata"] == {"status": "completed", "created_at": STAMP}

    def test_a_server_tool_call_and_result_are_one_part(self) -> None:
        out = ui_messages([message(0, "assistant", use("t1"), result("t1"))])
        assert out[0]["parts"] == [
            {"type": "step-start"},
            {
                "type": "tool-lookup",
                "toolCallId": "t1",
                "state": "output-available",
                "input": {"q": "x"},
                "output": {"answer": 42},
            },
        ]

    def test_a_turn_of_several_messages_is_one(self) -> None:
        """Tool results complete their calls, and the assistant's next words join the same
        message: one turn, one UI message, with the last message's status."""
        last = message(2, "assistant", {"type": "text", "content": "done"})
        last["status"] = "failed"
        out = ui_messages(
            [
                message(0, "assistant", use("t1"), use("t2")),
                message(1, "tool", result("t1"), result("t2", "declined")),
                last,
                message(3, "user", {"type": "text", "content": "next"}),
            ]
        )
        assert [m["id"] for m in out] == ["msg_0", "msg_3"]
        step, first, second, next_step, text = out[0]["parts"]
        assert step == next_step == {"type": "step-start"}
        assert first["state"] == "output-available"
        assert second["state"] == "output-denied" and "errorText" not in second
        assert text == {"type": "text", "text": "done", "state": "done"}
        assert out[0]["metadata"]["status"] == "failed"

    def test_a_failed_tool_says_so_as_the_stream_does(self) -> None:
        """The error text is the output as compact JSON, as the stream's chunk has it; an
        output that is not an object is no output, as in the stream."""
        failed = result("t1", "error")
        failed["output"] = {"error": "'Nobody' is not a sub-agent"}
        odd = result("t2")
        odd["output"] = "plain words"
        out = ui_messages([message(0, "assistant", use("t1"), failed, use("t2"), odd)])
        error_part, odd_part = out[0]["parts"][1:]
        assert error_part["state"] == "output-error"
        assert error_part["errorText"] == '{"error":"\'Nobody\' is not a sub-agent"}'
        assert odd_part["output"] == {}

    def test_a_result_without_its_call_still_shows(self) -> None:
        out = ui_messages([message(0, "tool", result("lost"))])
        assert out[0]["role"] == "assistant"
        assert out[0]["parts"][0]["toolCallId"] == "lost"
        assert out[0]["parts"][0]["state"] == "output-available"
