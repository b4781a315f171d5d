"""A session's local state, without I/O: merging deltas, pending tool calls, the transcript,
and what one streamed turn amounted to."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from agentkit_api.models import (
    AudioPart,
    DataPart,
    ErrorBlock,
    FilePart,
    ImagePart,
    Session,
    SessionDelta,
    SessionErrorEvent,
    SessionMessage,
    SessionMessageStatus,
    SessionRole,
    SessionStatus,
    SessionStopEvent,
    SessionTextDeltaEvent,
    TextPart,
    ThinkingBlock,
    ToolResultBlock,
    ToolUseBlock,
)

from ._errors import APIStatusError
from ._events import SessionEvent, session_error

__all__ = ["TurnRecorder", "merge_delta", "pending_tool_calls", "render_transcript"]

_PREVIEW = 300


def merge_delta(record: Session, delta: SessionDelta) -> None:
    """Apply a delta to a session record in place.

    Messages are replaced (or appended) by their ``index``; status, titles, message count, usage
    and the continuation token are taken from the delta. Applying the same delta twice changes
    nothing the second time.

    Raises:
        ValueError: The delta is of another session.
    """
    if delta.session_id != record.id:
        raise ValueError(f"a delta of session {delta.session_id!r} cannot update {record.id!r}")
    by_index = {message.index: message for message in record.messages}
    for message in delta.messages:
        by_index[message.index] = message
    record.messages = [by_index[index] for index in sorted(by_index)]
    record.status = delta.status
    record.title = delta.title
    record.generated_title = delta.generated_title
    record.message_count = delta.message_count
    record.usage = delta.usage
    record.continuation_token = delta.continuation_token


def pending_tool_calls(record: Session) -> list[ToolUseBlock]:
    """The client tool calls the session waits for: none unless it is in ``client_tool_turn``.

    They are the client ``tool_use`` blocks after the latest user message that have no result.
    """
    if record.status != SessionStatus.CLIENT_TOOL_TURN:
        return []
    start = 0
    for position, message in enumerate(record.messages):
        if message.role == SessionRole.USER:
            start = position + 1
    turn = record.messages[start:]
    answered = {
        block.tool_use_id
        for message in turn
        for block in message.content
        if isinstance(block, ToolResultBlock)
    }
    return [
        block
        for message in turn
        for block in message.content
        if isinstance(block, ToolUseBlock) and block.client and block.tool_use_id not in answered
    ]


def _compact(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, separators=(", ", ": "), default=str)
    return text if len(text) <= _PREVIEW else text[: _PREVIEW - 1] + "…"


def _block_text(block: Any) -> str:
    if isinstance(block, TextPart):
        return block.content
    if isinstance(block, ThinkingBlock):
        return f"(thinking) {block.content}"
    if isinstance(block, ToolUseBlock):
        side = "client tool" if block.client else "tool"
        return f"(calls {side} {block.tool_name}) {_compact(block.input_.to_dict())}"
    if isinstance(block, ToolResultBlock):
        shown = _compact(block.output.to_dict()) if block.output is not None else "null"
        return f"({block.tool_name} {block.status}) {shown}"
    if isinstance(block, ErrorBlock):
        code = block.error_code or "error"
        return f"(error {code}) {block.error_message}"
    if isinstance(block, DataPart):
        return f"(data {block.mime_type}) {block.content[:_PREVIEW]}"
    if isinstance(block, FilePart | ImagePart | AudioPart):
        return f"({block.type_} {block.mime_type})"
    return f"({getattr(block, 'type', type(block).__name__)} block)"


def render_transcript(messages: Sequence[SessionMessage]) -> str:
    """The conversation as text: one paragraph per message, headed by its role.

    Thinking, tool calls, tool results and errors are shown in parentheses; a message that did
    not complete says so (``Assistant (cancelled):``).
    """
    paragraphs = []
    for message in messages:
        label = str(message.role).capitalize()
        if message.status != SessionMessageStatus.COMPLETED:
            label = f"{label} ({message.status})"
        body = "\n".join(_block_text(block) for block in message.content)
        paragraphs.append(f"{label}: {body}" if body else f"{label}:")
    return "\n\n".join(paragraphs)


class TurnRecorder:
    """What the events of a streamed turn amount to: its text, its stop, its failure.

    Attributes:
        stop: The turn's ``stop`` event, once it arrived.
        error: The first ``error`` event of the turn, if any.
    """

    def __init__(self) -> None:
        self._text: list[str] = []
        self.stop: SessionStopEvent | None = None
        self.error: SessionErrorEvent | None = None

    def observe(self, event: SessionEvent) -> None:
        """Take one event into account."""
        if isinstance(event, SessionTextDeltaEvent):
            self._text.append(event.content)
        elif isinstance(event, SessionErrorEvent):
            if self.error is None:
                self.error = event
        elif isinstance(event, SessionStopEvent):
            self.stop = event

    @property
    def text(self) -> str:
        """The text deltas so far, joined."""
        return "".join(self._text)

    def failure(self) -> APIStatusError | None:
        """The exception of a failed turn, once its ``stop`` arrived; then the record resets.

        A stream that follows several turns reports each failure once, at that turn's stop.
        """
        if self.error is None or self.stop is None or self.stop.id < self.error.id:
            return None
        error, self.error = self.error, None
        return session_error(error)
