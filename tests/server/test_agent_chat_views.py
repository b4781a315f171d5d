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
        assert out[1]["parts"][:2] == [
            {"type": "reasoning", "text": "hmm"},
            {"type": "text", "text": "hello"},
        ]
        assert out[1]["parts"][2]["type"] == "data-error"
        assert out[1]["metadata"] == {"status": "completed", "created_at": STAMP}

    def test_a_server_tool_call_and_result_are_one_part(self) -> None:
        out = ui_messages([message(0, "assistant", use("t1"), result("t1"))])
        assert out[0]["parts"] == [
            {
                "type": "dynamic-tool",
                "toolName": "lookup",
                "toolCallId": "t1",
                "state": "output-available",
                "input": {"q": "x"},
                "output": {"answer": 42},
            }
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
        first, second, text = out[0]["parts"]
        assert first["state"] == "output-available"
        assert second["state"] == "output-error" and second["errorText"].startswith("declined")
        assert text == {"type": "text", "text": "done"}
        assert out[0]["metadata"]["status"] == "failed"

    def test_a_result_without_its_call_still_shows(self) -> None:
        out = ui_messages([message(0, "tool", result("lost"))])
        assert out[0]["role"] == "assistant"
        assert out[0]["parts"][0]["toolCallId"] == "lost"
        assert out[0]["parts"][0]["state"] == "output-available"
