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

__all__ = ["DELEGATE", "ScriptedSessionBrain", "delegation_answer", "sample_input"]

_LONG = re.compile(r"/long\s+(\d+)")
_TOOL = re.compile(r"/tool\b(?:[ \t]+(?![{/])(\S+))?")
DELEGATE = re.compile(r"/delegate[ \t]+(\S+)[ \t]*(.*)", re.DOTALL)
_JSON = json.JSONDecoder()
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


def delegation_answer(agent: str, outcome: ToolOutcome | None) -> str:
    """What the agent says once the sub-agent answered (or could not be asked)."""
    output = (outcome.output or {}) if outcome else {}
    if outcome is not None and outcome.status == "success":
        return f"{output.get('agent_name', agent)} answered: {output.get('reply', '')}"
    return f"I could not delegate to {agent}: {output.get('error', 'no answer')}"


class ScriptedSessionBrain:
    """Answers session turns by script, for tests and demos.

    A plain prompt is thought about, then answered: with usable indexes, by retrieving and citing
    the best chunk; without, ``You said: <text>``. Commands in the prompt: ``/delegate AGENT
    MESSAGE`` hands the message to a sub-agent (by id or name) and quotes its reply;
    ``/tool [NAME] [JSON]``
    calls a client tool (each ``/tool`` one more), ``/error`` fails after thinking, ``/long N`` streams N text deltas
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
        delegated = DELEGATE.search(text)
        if delegated and "/error" not in text:
            agent, message = delegated.group(1), delegated.group(2).strip()
            async for step in self._say(ThinkingDelta, f"I will ask {agent}.", delay):
                yield step
            outcome = yield ToolCall("delegate", {"agent": agent, "message": message})
            async for step in self._say(TextDelta, delegation_answer(agent, outcome), delay):
                yield step
            return
        tools, answer = self._client_tools(turn, text) if _TOOL.search(text) else ([], None)
        if tools:
            names = " and ".join(tool.name for tool in tools)
            plan = f"I will call the client tool{'s' if len(tools) > 1 else ''} {names}."
        elif answer is None and turn.index_ids and "/error" not in text:
            plan = f"I will search {_plural(len(turn.index_ids))}."
        else:
            plan = "I will answer directly."
        asked = text.rstrip()
        if not asked.endswith((".", "?", "!")):
            asked += "."
        async for step in self._say(ThinkingDelta, f"The user asks: {asked} {plan}", delay):
            yield step
        if "/error" in text:
            raise BrainError("the scripted agent failed on purpose (/error)")
        if tools:
            for tool in tools:
                yield tool
            return
        if answer is None and turn.index_ids:
            outcome = yield ToolCall("retrieve", {"query": text, "index_ids": turn.index_ids})
            chunks = (outcome.output or {}).get("chunks", []) if outcome else []
            answer = _cite(chunks[0]) if chunks else f"I found nothing in the indexes about: {text}"
        async for step in self._say(TextDelta, answer or f"You said: {text}", delay):
            yield step

    @staticmethod
    def _client_tools(turn: SessionTurn, text: str) -> tuple[list[ToolCall], str | None]:
        """The client tool calls the ``/tool`` commands ask for, or the answer saying why not."""
        calls = []
        for command in _TOOL.finditer(text):
            name = command.group(1)
            tools = turn.client_tools
            if name:
                spec = next((tool for tool in tools if tool["name"] == name), None)
            else:
                spec = next(iter(tools), None)
            if spec is None:
                return [], f"I have no client tool named {name}." if name else (
                    "I have no client tools."
                )
            given: Any = None
            rest = text[command.end() :].lstrip()
            if rest.startswith("{"):
                try:
                    given, _ = _JSON.raw_decode(rest)
                except (ValueError, RecursionError):
                    given = []
                if not isinstance(given, dict):
                    return [], f"The input for {spec['name']} must be a JSON object."
            tool_input = given if given is not None else sample_input(spec.get("input_schema", {}))
            calls.append(ToolCall(spec["name"], tool_input, client=True))
        return calls, None
