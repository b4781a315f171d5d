"""How the client commands print: readable lines by default, one JSON document per line with
``--json``."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from typing import Any, TextIO

__all__ = ["Printer", "as_json_data"]


def as_json_data(value: Any) -> Any:
    """A model, event or plain value as JSON data."""
    to_dict = getattr(value, "to_dict", None)
    if to_dict is not None:
        return to_dict()
    if hasattr(value, "event") and hasattr(value, "data"):  # an event this SDK does not know
        return {"type": value.event, "raw": value.data, "id": value.id}
    return value


def _short(value: Any, limit: int = 120) -> str:
    text = json.dumps(as_json_data(value), ensure_ascii=False, default=str)
    return text if len(text) <= limit else text[: limit - 1] + "…"


class Printer:
    """Writes what a command has to say, for people or, with ``as_json``, for programs."""

    def __init__(self, as_json: bool, out: TextIO | None = None) -> None:
        self.as_json = as_json
        self.out = out or sys.stdout
        self._mid_line = False

    def _write(self, text: str) -> None:
        self.out.write(text)
        self.out.flush()
        self._mid_line = not text.endswith("\n")

    def line(self, text: str = "") -> None:
        """A line of its own (ending the current one first)."""
        self.end_line()
        self._write(text + "\n")

    def end_line(self) -> None:
        """End a line that streamed text left open."""
        if self._mid_line:
            self._write("\n")

    def document(self, value: Any) -> None:
        """One JSON document on a line."""
        self.line(json.dumps(as_json_data(value), ensure_ascii=False, default=str))

    def table(self, rows: Iterable[tuple[str, ...]], header: tuple[str, ...]) -> None:
        """Rows in aligned columns under a header."""
        rows = list(rows)
        widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
        for row in [header, *rows]:
            self.line(
                "  ".join(
                    cell.ljust(width) for cell, width in zip(row, widths, strict=True)
                ).rstrip()
            )

    def text(self, delta: str) -> None:
        """Streamed text, as it arrives."""
        self._write(delta)

    def session_event(self, event: Any) -> None:
        """One session event: as JSON, or as a person reads a transcript."""
        if self.as_json:
            self.document(event)
            return
        kind = getattr(event, "type_", None) or getattr(event, "event", "?")
        if kind == "text_delta":
            self.text(event.content)
        elif kind == "text":
            self.end_line()  # the deltas printed the text already
        elif kind == "thinking":
            self.line(f"(thinking) {event.content}")
        elif kind == "user_input":
            texts = [getattr(part, "content", "") for part in event.content]
            self.line(f"you> {' '.join(text for text in texts if isinstance(text, str))}")
        elif kind == "tool_call":
            self.line(f"-> {event.tool_name} {_short(event.input_)}")
        elif kind == "tool_result":
            self.line(f"<- {event.tool_name}: {event.status} {_short(event.output)}")
        elif kind == "warning":
            self.line(f"warning {event.code}: {event.message}")
        elif kind == "error":
            self.line(f"error {event.error.code}: {event.error.message}")
        elif kind == "stop":
            usage = event.usage
            self.line(f"[stop: {event.reason}, {usage.total_tokens} tokens, status {event.status}]")
        elif kind != "thinking_delta":
            self.line(f"[{kind}] {_short(event)}")
