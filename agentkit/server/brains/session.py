"""What a brain is in a session: an async generator of typed steps for one agent turn.

A session brain yields thinking and text deltas and tool calls. A call of a server tool (such as
``retrieve``) is answered by sending its ``ToolOutcome`` back into the generator; a call of a
client tool ends the turn, which resumes once the client submits the results. Text-only brains
(the ones chats use) answer in sessions through ``TextBrainAdapter``.
"""

from __future__ import annotations

import json
from collections.abc import AsyncGenerator, Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from .base import Brain, Turn

__all__ = [
    "SessionBrain",
    "SessionTurn",
    "Step",
    "TextBrainAdapter",
    "TextDelta",
    "ThinkingDelta",
    "ToolCall",
    "ToolOutcome",
    "compact_json",
    "describe_tool_results",
]


@dataclass(frozen=True, slots=True)
class ThinkingDelta:
    """A piece of the agent's reasoning."""

    text: str


@dataclass(frozen=True, slots=True)
class TextDelta:
    """A piece of the agent's answer."""

    text: str


@dataclass(frozen=True, slots=True)
class ToolCall:
    """The agent calls a tool: a server tool (answered at once) or a client tool (``client``).

    A server tool may bring its own code (``run``), as a delegation to a sub-agent does; the
    others are the runner's own (``retrieve``).
    """

    name: str
    input: dict[str, Any]
    client: bool = False
    run: Callable[[], Awaitable[ToolOutcome]] | None = field(default=None, compare=False)


Step = ThinkingDelta | TextDelta | ToolCall


@dataclass(frozen=True, slots=True)
class ToolOutcome:
    """What a server tool returned: ``status`` (success, error) and its ``output``."""

    status: str
    output: dict[str, Any] | None


@dataclass(frozen=True, slots=True)
class SessionTurn:
    """The input of one agent turn of a session.

    Attributes:
        agent: The agent, with the session's system prompt and model profile applied.
        session_id: The session.
        prompt: The user's message as text ("" when the turn continues after client tools).
        history: Earlier messages as ``(role, text)`` (roles user, assistant, tool), oldest first.
        index_ids: The indexes the turn may retrieve from (the usable ones only).
        client_tools: The tools the client runs (``ClientToolSpec`` rows).
        tool_results: When the turn continues after client tools, their results
            (``tool_name``, ``status``, ``output``).
    """

    agent: dict[str, Any]
    session_id: str
    prompt: str
    history: list[tuple[str, str]] = field(default_factory=list)
    index_ids: list[str] = field(default_factory=list)
    client_tools: list[dict[str, Any]] = field(default_factory=list)
    tool_results: list[dict[str, Any]] = field(default_factory=list)


class SessionBrain(Protocol):
    """Produces one agent turn of a session as typed steps."""

    def run(self, turn: SessionTurn) -> AsyncGenerator[Step, ToolOutcome | None]:
        """Yield the turn's steps; raise ``BrainError`` to fail the turn."""
        ...


def compact_json(value: Any) -> str:
    """JSON without spaces, as the agent quotes tool outputs."""
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def describe_tool_results(results: list[dict[str, Any]]) -> str:
    """The client tools' results in words, one sentence each."""
    sentences = []
    for result in results:
        name, output = result["tool_name"], result.get("output")
        if result["status"] == "success":
            sentences.append(f"The tool {name} returned: {compact_json(output)}.")
        elif result["status"] == "error":
            sentences.append(f"The tool {name} failed: {compact_json(output)}.")
        else:
            sentences.append(f"You declined to run {name}.")
    return " ".join(sentences)


_CHAT_ROLES = {"user": "user", "assistant": "agent", "tool": "user"}


class TextBrainAdapter:
    """Lets a text-only brain answer in sessions: its deltas become the turn's text."""

    def __init__(self, brain: Brain) -> None:
        self._brain = brain

    async def run(self, turn: SessionTurn) -> AsyncGenerator[Step, ToolOutcome | None]:
        """Yield the brain's reply to the prompt (or to the client tools' results) as text."""
        text = describe_tool_results(turn.tool_results) if turn.tool_results else turn.prompt
        history = [(_CHAT_ROLES.get(role, "user"), said) for role, said in turn.history]
        async for delta in self._brain.reply(Turn(agent=turn.agent, text=text, history=history)):
            if delta:
                yield TextDelta(delta)
