"""An agent's chats in wire shape: the chat with its status, and its session's messages as the
AI SDK's ``UIMessage`` objects (what ``useChat`` takes as its initial messages)."""

from __future__ import annotations

from typing import Any

from ..brains.session import compact_json
from ..core.state import ServerState
from ..core.store import Row

__all__ = ["chat_status", "chat_view", "ui_messages"]

_TURN_STATUS = {"agent_turn": "streaming", "client_tool_turn": "awaiting_tool_results"}


def chat_status(state: ServerState, org_id: str, session: Row) -> str:
    """The ``AgentChatStatus`` of the chat a session keeps."""
    busy = _TURN_STATUS.get(session["status"])
    if busy is not None:
        return busy
    count = int(session.get("message_count", 0))
    last = state.store.session_message(org_id, session["id"], count - 1) if count else None
    if last is not None and last["role"] == "assistant" and last["status"] == "failed":
        return "error"
    return "ready"


def chat_view(state: ServerState, org_id: str, chat: Row, session: Row) -> Row:
    """The ``AgentChat`` object."""
    user_title = session.get("user_title")
    return {
        "id": chat["id"],
        "agent_id": chat["agent_id"],
        "session_id": session["id"],
        "title": user_title if user_title is not None else session.get("generated_title"),
        "status": chat_status(state, org_id, session),
        "message_count": int(session.get("message_count", 0)),
        "created_at": chat["created_at"],
        "updated_at": session["updated_at"],
    }


def _tool_part(block: Row) -> Row:
    # A tool part as the AI SDK builds it from the stream's tool chunks: typed by the tool's
    # name (``tool-delegate`` for a delegation to a sub-agent).
    return {
        "type": f"tool-{block['tool_name']}",
        "toolCallId": block["tool_use_id"],
        "state": "input-available",
        "input": block.get("input", {}),
    }


def _with_result(part: Row, block: Row) -> None:
    """Complete a tool part with its result, in the words the stream's chunk has for it."""
    output = block.get("output")
    if block["status"] == "success":
        part.update(state="output-available", output=output if isinstance(output, dict) else {})
    elif block["status"] == "error":
        error_text = compact_json(output) if output is not None else "the tool failed"
        part.update(state="output-error", errorText=error_text)
    else:
        part.update(state="output-denied")


def _parts(message: Row, calls: dict[str, Row]) -> list[Row]:
    parts: list[Row] = []
    if message["role"] == "assistant":
        # Each assistant message of a turn is one step of the stream.
        parts.append({"type": "step-start"})
    for block in message["content"]:
        kind = block["type"]
        if kind == "text":
            parts.append(_finished("text", block["content"], message))
        elif kind == "thinking":
            parts.append(_finished("reasoning", block["content"], message))
        elif kind == "tool_use":
            part = _tool_part(block)
            calls[block["tool_use_id"]] = part
            parts.append(part)
        elif kind == "tool_result":
            call = calls.get(block["tool_use_id"])
            if call is None:
                call = _tool_part({**block, "input": {}})
                parts.append(call)
            _with_result(call, block)
        else:
            # Files, images, data and errors travel as the AI SDK's custom data parts.
            parts.append({"type": f"data-{kind}", "data": dict(block)})
    return parts


def _finished(kind: str, text: str, message: Row) -> Row:
    part: Row = {"type": kind, "text": text}
    if message["role"] != "user":
        part["state"] = "done"
    return part


def ui_messages(messages: list[Row]) -> list[Row]:
    """A session's messages as ``AgentChatMessage`` objects, one per turn as the AI SDK has it:
    the assistant and ``tool`` messages that follow one another are one assistant message (tool
    results complete their calls), whose status is the last one's. Its parts are those the AI
    SDK assembles from the turn's UI message stream: a ``step-start`` for each assistant
    message, finished text and reasoning, ``tool-<name>`` parts (``tool-delegate`` for a
    delegation to a sub-agent) with the result or the error the stream carried."""
    out: list[Row] = []
    calls: dict[str, Row] = {}
    for message in messages:
        parts = _parts(message, calls)
        if message["role"] != "user" and out and out[-1]["role"] == "assistant":
            out[-1]["parts"].extend(parts)
            out[-1]["metadata"]["status"] = message["status"]
            continue
        role = "user" if message["role"] == "user" else "assistant"
        metadata: dict[str, Any] = {
            "status": message["status"],
            "created_at": message["created_at"],
        }
        out.append({"id": message["id"], "role": role, "parts": parts, "metadata": metadata})
    return out
