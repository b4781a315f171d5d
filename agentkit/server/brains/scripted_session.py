"""The ``scripted`` brain in sessions: deterministic turns that exercise every event type."""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import AsyncGenerator, AsyncIterator
from typing import Any

from .base import BrainError, words
from .session import (
    SessionTurn,
    Step,
    TextDelta,
    ThinkingDelta,
    ToolCall,
    ToolOutcome,
    describe_tool_results,
)

__all__ = ["ScriptedSessionBrain", "sample_input"]

_LONG = re.compile(r"/long\s+(\d+)")
_TOOL = re.compile(r"/tool\b(?:[ \t]+(?!\{)(\S+))?(?:\s*(\{.*\}))?", re.DOTALL)
_MAX_LONG = 100_000
_CITED = 300
_SAMPLES: dict[str, Any] = {
    "string": "example",
    "integer": 1,
    "number": 1.5,
    "boolean": True,
    "array": [],
    "object": {},
    "null": None,
}


def _sample(schema: Any) -> Any:
    if not isinstance(schema, dict):
        return "example"
    enum = schema.get("enum")
    if isinstance(enum, list) and enum:
        return enum[0]
    if "const" in schema:
        return schema["const"]
    kind = schema.get("type")
    if isinstance(kind, list):
        kind = next((k for k in kind if k != "null"), "null")
    return _SAMPLES.get(kind, "example") if isinstance(kind, str) else "example"


def sample_input(input_schema: dict[str, Any]) -> dict[str, Any]:
    """A tool input that fills each required property of the schema with a sample of its type."""
    properties = input_schema.get("properties")
    properties = properties if isinstance(properties, dict) else {}
    required = input_schema.get("required")
    names = (
        [name for name in required if isinstance(name, str)] if isinstance(required, list) else []
    )
    return {name: _sample(properties.get(name)) for name in names}


def _plural(count: int) -> str:
    return f"{count} index" if count == 1 else f"{count} indexes"


def _cite(chunk: dict[str, Any]) -> str:
    source = chunk.get("title") or chunk["document_id"]
    return f'According to "{source}" [{chunk["document_id"]}]: {chunk["text"][:_CITED]}'


class ScriptedSessionBrain:
    """Answers session turns by script, for tests and demos.

    A plain prompt is thought about, then answered: with usable indexes, by retrieving and citing
    the best chunk; without, ``You said: <text>``. Commands in the prompt: ``/tool [NAME] [JSON]``
    calls a client tool, ``/error`` fails after thinking, ``/long N`` streams N text deltas
    ``tok0 `` ... (no thinking), and ``/slow`` waits ``slow_delay`` seconds before each delta.
    After client tools, it reports their results.
    """

    def __init__(self, slow_delay: float = 0.05) -> None:
        self._slow_delay = slow_delay

    async def _say(
        self, kind: type[TextDelta] | type[ThinkingDelta], text: str, delay: float
    ) -> AsyncIterator[Step]:
        for piece in words(text):
            if delay:
                await asyncio.sleep(delay)
            yield kind(piece)

    async def run(self, turn: SessionTurn) -> AsyncGenerator[Step, ToolOutcome | None]:
        """Yield the scripted turn."""
        text = turn.prompt
        delay = self._slow_delay if "/slow" in text else 0.0
        if turn.tool_results:
            async for step in self._say(TextDelta, describe_tool_results(turn.tool_results), 0.0):
                yield step
            return
        long = _LONG.search(text)
        if long and "/error" not in text:
            for index in range(min(int(long.group(1)), _MAX_LONG)):
                if delay:
                    await asyncio.sleep(delay)
                yield TextDelta(f"tok{index} ")
            return
        command = _TOOL.search(text)
        tool, answer = self._client_tool(turn, command) if command else (None, None)
        if tool is not None:
            plan = f"I will call the client tool {tool.name}."
        elif answer is None and turn.index_ids and "/error" not in text:
            plan = f"I will search {_plural(len(turn.index_ids))}."
        else:
            plan = "I will answer directly."
        async for step in self._say(ThinkingDelta, f"The user asks: {text}. {plan}", delay):
            yield step
        if "/error" in text:
            raise BrainError("the scripted agent failed on purpose (/error)")
        if tool is not None:
            yield tool
            return
        if answer is None and turn.index_ids:
            outcome = yield ToolCall("retrieve", {"query": text, "index_ids": turn.index_ids})
            chunks = (outcome.output or {}).get("chunks", []) if outcome else []
            answer = _cite(chunks[0]) if chunks else f"I found nothing in the indexes about: {text}"
        async for step in self._say(TextDelta, answer or f"You said: {text}", delay):
            yield step

    @staticmethod
    def _client_tool(
        turn: SessionTurn, command: re.Match[str]
    ) -> tuple[ToolCall | None, str | None]:
        """The client tool call a ``/tool`` command asks for, or the answer saying why not."""
        name, given = command.group(1), command.group(2)
        tools = turn.client_tools
        spec = (
            next((t for t in tools if t["name"] == name), None) if name else next(iter(tools), None)
        )
        if spec is None:
            return (
                None,
                f"I have no client tool named {name}." if name else "I have no client tools.",
            )
        if given is None:
            return ToolCall(
                spec["name"], sample_input(spec.get("input_schema", {})), client=True
            ), None
        try:
            value = json.loads(given)
        except (ValueError, RecursionError):
            value = None
        if not isinstance(value, dict):
            return None, f"The input for {spec['name']} must be a JSON object."
        return ToolCall(spec["name"], value, client=True), None
