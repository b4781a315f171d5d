"""The Vercel AI SDK UI message stream (v1), written from a session turn's events.

Each chunk is ``data: <JSON>`` with no event name, and the stream ends with ``data: [DONE]``.
The AI SDK assembles the chunks into one assistant message and enforces their order: a part's
deltas come between its start and its end, and every part ends before its step does. So each
assistant message of the turn is one step, reasoning and text parts are closed before the step
finishes, and tool results land in the step of their call.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Callable, Mapping
from typing import Any

from ..._sse import encode_comment
from ..brains.session import compact_json
from ..core.store import Event, Row
from .store import SessionStore

__all__ = ["UIMessageStream", "UITranslator"]

_FINISH_REASONS = {
    "end_turn": "stop",
    "client_tool_call": "tool-calls",
    "error": "error",
    "cancelled": "other",
}
_DONE = b"data: [DONE]\n\n"


class UITranslator:
    """Turns session events into UI message stream chunks, one turn at a time.

    Args:
        message_id: The id of the session message at an index, for the ``start`` chunk.
    """

    def __init__(self, message_id: Callable[[int], str | None]) -> None:
        self._message_id = message_id
        self._started = False
        self._step: int | None = None
        self._open: tuple[str, str] | None = None  # the open part: ("text" | "reasoning", id)

    def chunks(self, kind: str, data: Row) -> list[Row]:
        """The chunks for one event (none for events the UI has no part for)."""
        out: list[Row] = []
        if not self._started:
            self._started = True
            start: Row = {"type": "start"}
            if kind == "user_input":
                found = self._message_id(int(data["message_index"]) + 1)
                if found:
                    start["messageId"] = found
            out.append(start)
        handler = getattr(self, "_on_" + kind, None)
        if handler is not None:
            handler(data, out)
        return out

    # ------------------------------------------------------------------ parts and steps
    def _close_part(self, out: list[Row]) -> None:
        if self._open is not None:
            part, part_id = self._open
            out.append({"type": f"{part}-end", "id": part_id})
            self._open = None

    def _enter(self, data: Row, out: list[Row]) -> None:
        index = data.get("message_index")
        if self._step is not None and self._step == index:
            return
        self._close_part(out)
        if self._step is not None:
            out.append({"type": "finish-step"})
        out.append({"type": "start-step"})
        self._step = index

    def _part(self, part: str, data: Row, out: list[Row], *, complete: bool) -> None:
        self._enter(data, out)
        content = data["content"]
        if self._open is None or self._open[0] != part:
            self._close_part(out)
            self._open = (part, ("rsn_" if part == "reasoning" else "txt_") + str(data["id"]))
            out.append({"type": f"{part}-start", "id": self._open[1]})
            if complete and content:
                out.append({"type": f"{part}-delta", "id": self._open[1], "delta": content})
        if complete:
            self._close_part(out)
        else:
            out.append({"type": f"{part}-delta", "id": self._open[1], "delta": content})

    # ------------------------------------------------------------------ events
    def _on_thinking_delta(self, data: Row, out: list[Row]) -> None:
        self._part("reasoning", data, out, complete=False)

    def _on_thinking(self, data: Row, out: list[Row]) -> None:
        self._part("reasoning", data, out, complete=True)

    def _on_text_delta(self, data: Row, out: list[Row]) -> None:
        self._part("text", data, out, complete=False)

    def _on_text(self, data: Row, out: list[Row]) -> None:
        self._part("text", data, out, complete=True)

    def _on_tool_call(self, data: Row, out: list[Row]) -> None:
        self._enter(data, out)
        self._close_part(out)
        call = {"toolCallId": data["tool_use_id"], "toolName": data["tool_name"]}
        out.append({"type": "tool-input-start", **call})
        out.append({"type": "tool-input-available", **call, "input": data["input"]})

    def _on_tool_result(self, data: Row, out: list[Row]) -> None:
        self._close_part(out)
        call_id = data["tool_use_id"]
        output = data.get("output")
        if data["status"] == "success":
            shown = output if isinstance(output, dict) else {}
            out.append({"type": "tool-output-available", "toolCallId": call_id, "output": shown})
        elif data["status"] == "error":
            text = compact_json(output) if output is not None else "the tool failed"
            out.append({"type": "tool-output-error", "toolCallId": call_id, "errorText": text})
        else:
            out.append({"type": "tool-output-denied", "toolCallId": call_id})

    def _on_warning(self, data: Row, out: list[Row]) -> None:
        warning = {
            "code": data["code"],
            "message": data["message"],
            "index_id": data.get("index_id"),
        }
        out.append({"type": "data-warning", "data": warning})

    def _on_guardrail(self, data: Row, out: list[Row]) -> None:
        out.append({"type": "data-guardrail", "data": data["finding"]})

    def _on_error(self, data: Row, out: list[Row]) -> None:
        out.append({"type": "error", "errorText": str(data["error"].get("message", ""))})

    def _on_stop(self, data: Row, out: list[Row]) -> None:
        self._close_part(out)
        if self._step is not None:
            out.append({"type": "finish-step"})
            self._step = None
        metadata: dict[str, Any] = {
            "usage": data["usage"],
            "session_id": data["session_id"],
            "status": data["status"],
        }
        reason = _FINISH_REASONS.get(data["reason"], "other")
        out.append({"type": "finish", "finishReason": reason, "messageMetadata": metadata})


def _chunk(chunk: Row) -> str:
    return f"data: {json.dumps(chunk)}\n\n"


class UIMessageStream:
    """The ``ui`` stream format: a session turn as the AI SDK's UI message stream."""

    headers: Mapping[str, str] = {"x-vercel-ai-ui-message-stream": "v1"}
    # Chunks carry no ids, and a part cannot be continued mid-way: always replay whole turns.
    resumable = False

    def __init__(self, store: SessionStore) -> None:
        self._store = store

    async def encode(
        self, org_id: str, stream: str, batches: AsyncIterator[list[Event]]
    ) -> AsyncIterator[bytes]:
        """The chunks of the turn's events, then ``[DONE]``."""
        session_id = stream.partition(":")[2]

        def message_id(index: int) -> str | None:
            message = self._store.session_message(org_id, session_id, index)
            return str(message["id"]) if message else None

        translator = UITranslator(message_id)
        async for batch in batches:
            if not batch:
                yield encode_comment("keep-alive")
                continue
            chunks = [
                chunk
                for event in batch
                for chunk in translator.chunks(event.kind, json.loads(event.data))
            ]
            if chunks:
                yield "".join(map(_chunk, chunks)).encode()
        yield _DONE
