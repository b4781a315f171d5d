"""Sessions and their messages in wire shape: views, titles, usage, and messages as text."""

from __future__ import annotations

from ..brains import describe_parts
from ..brains.session import compact_json
from ..core.ids import new_id, now
from ..core.store import Row

__all__ = [
    "add_usage",
    "generated_title",
    "history",
    "message_text",
    "new_message",
    "session_view",
    "summary_view",
    "word_count",
    "zero_usage",
]

_TITLE_LIMIT = 60
_HISTORY = 50
# Kept in the session row for the server's own use, never sent.
_INTERNAL = ("user_title", "pending_tool_calls")


def zero_usage() -> Row:
    """A ``TokenUsage`` of nothing."""
    return {"input_tokens": 0, "output_tokens": 0, "total_tokens": 0, "turns": 0, "duration_ms": 0}


def add_usage(total: Row, turn: Row) -> Row:
    """The sum of two ``TokenUsage`` objects."""
    return {name: int(total.get(name, 0)) + int(turn.get(name, 0)) for name in zero_usage()}


def word_count(text: str) -> int:
    """Words, as the server counts tokens."""
    return len(text.split())


def generated_title(text: str) -> str | None:
    """The first words of the text, at most 60 characters, no trailing space."""
    title = ""
    for word in text.split():
        candidate = f"{title} {word}" if title else word
        if len(candidate) > _TITLE_LIMIT:
            return title or word[:_TITLE_LIMIT]
        title = candidate
    return title or None


def new_message(index: int, role: str, status: str, content: list[Row]) -> Row:
    """A ``SessionMessage``."""
    stamp = now()
    return {
        "index": index,
        "id": new_id("msg"),
        "role": role,
        "status": status,
        "content": content,
        "created_at": stamp,
        "updated_at": stamp,
    }


def message_text(message: Row) -> str:
    """A message as the agent reads it: text as is, other blocks described."""
    if message["role"] == "user":
        return describe_parts(message["content"])
    pieces = []
    for block in message["content"]:
        if block["type"] == "text":
            pieces.append(block["content"])
        elif block["type"] == "tool_result":
            pieces.append(
                f"[{block['tool_name']} {block['status']}: {compact_json(block.get('output'))}]"
            )
    return "\n".join(pieces)


def history(messages: list[Row]) -> list[tuple[str, str]]:
    """The latest messages as ``(role, text)``, those with no text left out."""
    said = [(message["role"], message_text(message)) for message in messages]
    return [(role, text) for role, text in said if text][-_HISTORY:]


def _public(session: Row) -> Row:
    view = {key: value for key, value in session.items() if key not in _INTERNAL}
    user_title = session.get("user_title")
    view["title"] = user_title if user_title is not None else session.get("generated_title")
    return view


def session_view(session: Row, messages: list[Row], last_event_id: int) -> Row:
    """The ``Session`` object."""
    return {
        **_public(session),
        "messages": messages,
        "continuation_token": str(last_event_id),
        "last_event_id": last_event_id,
    }


def summary_view(session: Row, last_event_id: int) -> Row:
    """The ``SessionSummary`` object."""
    view = _public(session)
    for name in ("system_prompt", "model_profile", "indexes_locked", "client_tools"):
        view.pop(name, None)
    view["last_event_id"] = last_event_id
    return view
