"""A session's local state: merging deltas, finding pending tool calls, the transcript."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from agentkit._compat import parse_model
from agentkit._session_state import merge_delta, pending_tool_calls, render_transcript
from agentkit.types import Session, SessionDelta, SessionMessage, SessionStatus, UnknownPart

_WHEN = "2025-01-01T00:00:00+00:00"
_USAGE = {"input_tokens": 0, "output_tokens": 0, "total_tokens": 0, "turns": 0, "duration_ms": 0}


def _message(
    index: int, role: str, *blocks: dict[str, Any], status: str = "completed"
) -> dict[str, Any]:
    return {
        "index": index,
        "id": f"msg_{index}",
        "role": role,
        "status": status,
        "content": list(blocks),
        "created_at": _WHEN,
        "updated_at": _WHEN,
    }


def _text(content: str) -> dict[str, Any]:
    return {"type": "text", "content": content}


def _tool_use(tool_use_id: str, name: str = "lookup", *, client: bool = True) -> dict[str, Any]:
    return {
        "type": "tool_use",
        "tool_use_id": tool_use_id,
        "tool_name": name,
        "input": {"city": "Oslo"},
        "client": client,
    }


def _tool_result(tool_use_id: str, status: str = "success") -> dict[str, Any]:
    return {
        "type": "tool_result",
        "tool_use_id": tool_use_id,
        "tool_name": "lookup",
        "status": status,
        "output": {"temp": 3},
        "runtime_ms": 4,
        "client": True,
    }


def _session(*messages: dict[str, Any], status: str = "user_turn", token: str = "5") -> Session:
    return parse_model(
        Session,
        {
            "id": "ses_1",
            "agent_id": "agt_1",
            "status": status,
            "title": None,
            "generated_title": None,
            "system_prompt": None,
            "model_profile": None,
            "index_ids": [],
            "indexes_locked": bool(messages),
            "client_tools": [],
            "metadata": {},
            "messages": list(messages),
            "message_count": len(messages),
            "usage": _USAGE,
            "continuation_token": token,
            "last_event_id": int(token),
            "created_at": _WHEN,
            "updated_at": _WHEN,
        },
    )


def _delta(
    *messages: dict[str, Any], status: str = "user_turn", token: str = "9", **extra: Any
) -> SessionDelta:
    return parse_model(
        SessionDelta,
        {
            "session_id": "ses_1",
            "continuation_token": token,
            "status": status,
            "title": extra.get("title"),
            "generated_title": extra.get("title"),
            "messages": list(messages),
            "message_count": extra.get("message_count", 3),
            "usage": {**_USAGE, "turns": 1, "total_tokens": 12},
        },
    )


class TestMergeDelta:
    def test_changed_messages_replace_and_new_ones_append(self) -> None:
        """A delta replaces messages at their index and appends new ones, in order."""
        record = _session(
            _message(0, "user", _text("hi")),
            _message(1, "assistant", _text("Hel"), status="generating"),
            status="agent_turn",
        )
        delta = _delta(
            _message(2, "user", _text("more")),
            _message(1, "assistant", _text("Hello!")),
            title="hi",
        )
        merge_delta(record, delta)
        assert [message.index for message in record.messages] == [0, 1, 2]
        assert record.messages[1].content[0].content == "Hello!"
        assert str(record.messages[1].status) == "completed"
        assert record.status == SessionStatus.USER_TURN
        assert (record.title, record.generated_title) == ("hi", "hi")
        assert record.continuation_token == "9"
        assert record.message_count == 3
        assert record.usage.total_tokens == 12

    def test_applying_a_delta_twice_changes_nothing(self) -> None:
        """Merging is idempotent: the second application leaves the record as the first did."""
        record = _session(_message(0, "user", _text("hi")), status="agent_turn")
        delta = _delta(_message(1, "assistant", _text("Hello")))
        merge_delta(record, delta)
        once = copy.deepcopy(record.to_dict())
        merge_delta(record, delta)
        assert record.to_dict() == once

    def test_an_empty_delta_updates_only_the_state(self) -> None:
        """A delta without messages keeps the messages and moves the token on."""
        record = _session(_message(0, "user", _text("hi")), token="3")
        merge_delta(record, _delta(token="4", message_count=1))
        assert [message.id for message in record.messages] == ["msg_0"]
        assert record.continuation_token == "4"

    def test_a_delta_of_another_session_is_refused(self) -> None:
        """Merging a delta of a different session raises ValueError."""
        record = _session()
        delta = _delta()
        delta.session_id = "ses_other"
        with pytest.raises(ValueError, match="ses_other"):
            merge_delta(record, delta)


class TestPendingToolCalls:
    def test_unanswered_client_calls_of_the_current_turn(self) -> None:
        """In client_tool_turn the client calls without a result after the last user message wait."""
        record = _session(
            _message(0, "user", _text("go")),
            _message(1, "assistant", _tool_use("tu_1"), _tool_use("tu_srv", client=False)),
            _message(2, "tool", _tool_result("tu_1")),
            _message(3, "assistant", _tool_use("tu_2"), _tool_use("tu_3", "other")),
            status="client_tool_turn",
        )
        assert [call.tool_use_id for call in pending_tool_calls(record)] == ["tu_2", "tu_3"]

    def test_calls_of_an_earlier_cancelled_turn_are_not_pending(self) -> None:
        """Calls left unanswered before the latest user message are not pending any more."""
        record = _session(
            _message(0, "user", _text("go")),
            _message(1, "assistant", _tool_use("tu_old"), status="completed"),
            _message(2, "user", _text("again")),
            _message(3, "assistant", _tool_use("tu_new")),
            status="client_tool_turn",
        )
        assert [call.tool_use_id for call in pending_tool_calls(record)] == ["tu_new"]

    def test_nothing_is_pending_outside_client_tool_turn(self) -> None:
        """A session in user_turn waits for no tool result, whatever its messages hold."""
        record = _session(
            _message(0, "user", _text("go")), _message(1, "assistant", _tool_use("tu_1"))
        )
        assert pending_tool_calls(record) == []


class TestTranscript:
    def test_every_block_kind_is_readable(self) -> None:
        """The transcript names each role and shows text, thinking, tools and errors."""
        messages = [
            parse_model(SessionMessage, _message(0, "user", _text("What is FTS5?"))),
            parse_model(
                SessionMessage,
                _message(
                    1,
                    "assistant",
                    {"type": "thinking", "content": "I will search."},
                    _tool_use("tu_1", "retrieve", client=False),
                ),
            ),
            parse_model(SessionMessage, _message(2, "tool", _tool_result("tu_1"))),
            parse_model(
                SessionMessage,
                _message(
                    3,
                    "assistant",
                    _text("Partial"),
                    {"type": "error", "error_code": "AGENT_ERROR", "error_message": "boom"},
                    status="failed",
                ),
            ),
        ]
        assert render_transcript(messages) == (
            "User: What is FTS5?\n\n"
            'Assistant: (thinking) I will search.\n(calls tool retrieve) {"city": "Oslo"}\n\n'
            'Tool: (lookup success) {"temp": 3}\n\n'
            "Assistant (failed): Partial\n(error AGENT_ERROR) boom"
        )

    def test_unknown_blocks_do_not_break_the_transcript(self) -> None:
        """A block type from a newer server is named, not fatal."""
        message = parse_model(
            SessionMessage,
            _message(0, "assistant", {"type": "hologram", "content": "?"}, _text("ok")),
        )
        assert isinstance(message.content[0], UnknownPart)
        assert render_transcript([message]) == "Assistant: (hologram block)\nok"

    def test_an_empty_conversation_is_empty(self) -> None:
        """No messages give an empty transcript."""
        assert render_transcript([]) == ""


class TestNewerServers:
    def test_unknown_statuses_roles_and_blocks_parse_merge_and_render(self) -> None:
        """Values a newer server may add (statuses, roles, block types) never raise."""
        record = _session(
            _message(0, "user", _text("hi")),
            _message(1, "narrator", {"type": "sticker", "ref": "s1"}, status="redacted"),
            status="paused_by_admin",
        )
        assert record.status == "paused_by_admin"
        assert isinstance(record.messages[1].content[0], UnknownPart)
        assert pending_tool_calls(record) == []
        assert render_transcript(record.messages) == (
            "User: hi\n\nNarrator (redacted): (sticker block)"
        )
        merge_delta(record, _delta(_message(2, "assistant", _text("ok")), status="archived"))
        assert (record.status, len(record.messages)) == ("archived", 3)
