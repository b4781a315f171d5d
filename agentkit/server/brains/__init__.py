"""Agent runtimes ("brains"): they turn a user's message into a stream of text deltas."""

from __future__ import annotations

from .base import Brain, BrainError, Turn, describe_parts, words
from .echo import EchoBrain
from .openai import OpenAIBrain
from .scripted import ScriptedBrain

__all__ = [
    "Brain",
    "BrainError",
    "EchoBrain",
    "OpenAIBrain",
    "ScriptedBrain",
    "Turn",
    "brain_for",
    "describe_parts",
    "words",
]


def brain_for(name: str, *, echo_delay: float = 0.0, slow_delay: float = 0.05) -> Brain:
    """The brain an agent names (``echo``, ``scripted`` or ``openai``)."""
    if name == "scripted":
        return ScriptedBrain(slow_delay)
    if name == "openai":
        return OpenAIBrain()
    return EchoBrain(delay=echo_delay)
