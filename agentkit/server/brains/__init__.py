"""Agent runtimes ("brains"): they turn a user's message into a stream of text deltas."""

from .base import Brain, BrainError, describe_parts
from .echo import EchoBrain
from .openai import OpenAIBrain
from .scripted import ScriptedBrain

__all__ = [
    "Brain",
    "BrainError",
    "EchoBrain",
    "OpenAIBrain",
    "ScriptedBrain",
    "brain_for",
    "describe_parts",
]


def brain_for(name: str, *, echo_delay: float = 0.0) -> Brain:
    """The brain an agent names."""
    if name == "scripted":
        return ScriptedBrain()
    if name == "openai":
        return OpenAIBrain()
    return EchoBrain(delay=echo_delay)
