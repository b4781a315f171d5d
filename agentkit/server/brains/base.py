"""What a brain is: an async generator of text deltas for one turn of a chat."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

__all__ = ["Brain", "BrainError", "Turn", "describe_parts", "words"]


class BrainError(Exception):
    """The brain could not produce a reply; the turn ends with an AGENT_ERROR event."""


@dataclass(frozen=True, slots=True)
class Turn:
    """The input of one turn.

    Attributes:
        agent: The agent, in its wire shape (``instructions``, ``model_profile``, ...).
        text: The user's message as text (non-text parts described in brackets).
        history: Earlier messages of the chat as ``(role, text)``, oldest first; read from the
            store only for a brain whose ``uses_history`` is true (empty for the others).
        delegate: Hands a message to a sub-agent (``{"agent": ..., "message": ...}``) and
            gives its ``ToolOutcome``; ``None`` where the turn cannot delegate.
    """

    agent: dict[str, Any]
    text: str
    history: list[tuple[str, str]] = field(default_factory=list)
    delegate: Callable[[dict[str, Any]], Awaitable[Any]] | None = None


class Brain(Protocol):
    """Produces the agent's reply to one user message, as text deltas.

    A brain may say more of itself with attributes a turn reads when present: ``uses_history``
    (the turn reads the chat's earlier messages for it) and ``instant`` (its reply never
    waits, so the turn may run it to its end at once rather than in a task of its own).
    """

    def reply(self, turn: Turn) -> AsyncIterator[str]:
        """Yield the reply's text in pieces; raise ``BrainError`` to fail the turn."""
        ...


def _describe(part: dict[str, Any]) -> str:
    kind = part.get("type")
    if kind == "text":
        return str(part["content"])
    default_mime = "application/json" if kind == "data" else ""
    pieces = [str(kind), str(part.get("mime_type", default_mime))]
    if kind == "image" and "width" in part and "height" in part:
        pieces.append(f"{part['width']}x{part['height']}")
    if kind == "audio" and "duration" in part:
        pieces.append(f"{part['duration']}s")
    if kind == "file" and part.get("filename"):
        pieces.append(str(part["filename"]))
    return "[" + " ".join(piece for piece in pieces if piece) + "]"


def describe_parts(parts: list[dict[str, Any]]) -> str:
    """A message as text: text parts as they are, others described (``[image image/png 8x6]``)."""
    return "\n".join(_describe(part) for part in parts)


_WORD = re.compile(r"\s*\S+(?:\s+$)?|\s+$")


def words(text: str) -> list[str]:
    """Word-sized chunks that join back to exactly ``text``, whitespace included."""
    return _WORD.findall(text)
