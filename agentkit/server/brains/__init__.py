"""Agent runtimes ("brains"): they turn a user's message into a stream of text deltas (chats)
or of typed steps (sessions)."""

from __future__ import annotations

from .base import Brain, BrainError, Turn, describe_parts, words
from .echo import EchoBrain
from .openai import OpenAIBrain, Upstream
from .scripted import ScriptedBrain
from .scripted_session import ScriptedSessionBrain
from .session import (
    SessionBrain,
    SessionTurn,
    Step,
    TextBrainAdapter,
    TextDelta,
    ThinkingDelta,
    ToolCall,
    ToolOutcome,
)

__all__ = [
    "Brain",
    "BrainError",
    "EchoBrain",
    "OpenAIBrain",
    "ScriptedBrain",
    "ScriptedSessionBrain",
    "SessionBrain",
    "SessionTurn",
    "Step",
    "TextBrainAdapter",
    "TextDelta",
    "ThinkingDelta",
    "ToolCall",
    "ToolOutcome",
    "Turn",
    "Upstream",
    "brain_for",
    "describe_parts",
    "session_brain_for",
    "words",
]


def brain_for(
    name: str,
    *,
    echo_delay: float = 0.0,
    slow_delay: float = 0.05,
    upstream: Upstream | BrainError | None = None,
) -> Brain:
    """The brain an agent names (``echo``, ``scripted`` or ``openai``); ``upstream`` is the
    provider an ``openai`` brain calls (or why it cannot), ``None`` for the server's own."""
    if name == "scripted":
        return ScriptedBrain(slow_delay)
    if name == "openai":
        return OpenAIBrain(upstream=upstream)
    return EchoBrain(delay=echo_delay)


def session_brain_for(
    name: str,
    *,
    echo_delay: float = 0.0,
    slow_delay: float = 0.05,
    upstream: Upstream | BrainError | None = None,
) -> SessionBrain:
    """The brain an agent names, answering in sessions."""
    if name == "scripted":
        return ScriptedSessionBrain(slow_delay)
    brain = brain_for(name, echo_delay=echo_delay, slow_delay=slow_delay, upstream=upstream)
    return TextBrainAdapter(brain)
