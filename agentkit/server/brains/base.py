from __future__ import annotations

import re
from collections.abc import AsyncIterator
from typing import Any, Protocol

__all__ = ["Brain", "BrainError", "describe_parts", "words"]


class BrainError(Exception):
    """The brain could not produce a reply; becomes an AGENT_ERROR event."""


class Brain(Protocol):
    """Produces the agent's reply to one user message, as text deltas."""

    def reply(self, agent: dict[str, Any], text: str) -> AsyncIterator[str]: ...


def describe_parts(parts: list[dict[str, Any]]) -> str:
    """The message as text: text parts as they are, other parts described in brackets."""
    lines = []
    for part in parts:
        kind = part.get("type")
        if kind == "text":
            lines.append(part["content"])
        elif kind == "image":
            size = (
                f" {part['width']}x{part['height']}" if "width" in part and "height" in part else ""
            )
            lines.append(f"[image {part.get('mime_type', '')}{size}]")
        elif kind == "audio":
            length = f" {part['duration']}s" if "duration" in part else ""
            lines.append(f"[audio {part.get('mime_type', '')}{length}]")
        elif kind == "file":
            lines.append(
                f"[file {part.get('filename', '')} {part.get('mime_type', '')}]".replace("  ", " ")
            )
        else:
            lines.append(f"[{kind} {part.get('mime_type', '')}]".replace(" ]", "]"))
    return "\n".join(lines)


def words(text: str) -> list[str]:
    """Word-sized chunks that join back to exactly ``text``, whitespace included."""
    return re.findall(r"^\s+|\S+\s*", text)
