"""The OpenAI-compatible API's sans-I/O parts: request bodies, chunk parsing, and the
accumulator that turns a completion stream into its text, tool calls and usage.

Shared by the sync and async clients; nothing here does I/O.
"""

from __future__ import annotations

import base64
import json
import sys
from array import array
from collections.abc import Mapping, Sequence
from typing import Any

from agentkit_api.models import (
    GuardrailFinding,
    OpenAIChatCompletion,
    OpenAIChatCompletionChunk,
    OpenAIEmbeddingList,
    OpenAIFunctionCall,
    OpenAIToolCall,
    OpenAIUsage,
)

from ._compat import model_parser
from ._errors import APIResponseValidationError, error_from_detail
from ._sse import ServerSentEvent

__all__ = [
    "CompletionAccumulator",
    "MessagesInput",
    "ToolInput",
    "completion_body",
    "decode_embeddings",
    "parse_completion_chunk",
]

MessagesInput = str | Sequence[Mapping[str, Any]]
"""A user's text, or OpenAI's chat messages as dicts."""

ToolInput = Mapping[str, Any] | Any
"""A tool in OpenAI's shape (a dict), or an ``agentkit.tools.ClientTool``."""

_TERMINATOR = "[DONE]"
_parse_chunk = model_parser(OpenAIChatCompletionChunk)


def _messages(messages: MessagesInput) -> list[Mapping[str, Any]]:
    if isinstance(messages, str):
        return [{"role": "user", "content": messages}]
    return list(messages)


def _tool(tool: ToolInput) -> Mapping[str, Any]:
    if isinstance(tool, Mapping):
        return tool
    function: dict[str, Any] = {"name": tool.name, "parameters": tool.input_schema}
    if tool.description:
        function["description"] = tool.description
    return {"type": "function", "function": function}


def _tool_choice(choice: Any) -> Any:
    """``"auto"``-style choices as they are; any other name picks that function."""
    if choice is None or isinstance(choice, Mapping) or choice in ("none", "auto", "required"):
        return choice
    return {"type": "function", "function": {"name": choice}}


def _response_format(response_format: Any) -> Any:
    """``"json"`` for any JSON object, a JSON Schema dict for JSON that follows it, or OpenAI's
    ``response_format`` dict as it is."""
    if response_format == "json":
        return {"type": "json_object"}
    formats = ("text", "json_object", "json_schema")
    if isinstance(response_format, Mapping) and response_format.get("type") not in formats:
        schema = dict(response_format)
        name = str(schema.pop("title", "reply"))
        return {"type": "json_schema", "json_schema": {"name": name, "schema": schema}}
    return response_format


def completion_body(
    model: str,
    messages: MessagesInput,
    *,
    stream: bool,
    tools: Sequence[ToolInput] | None = None,
    tool_choice: Any = None,
    response_format: Any = None,
    max_tokens: int | None = None,
    temperature: float | None = None,
    stop: str | Sequence[str] | None = None,
    include_usage: bool = False,
) -> dict[str, Any]:
    """The JSON body of a chat completion request (see ``completions.create``)."""
    body: dict[str, Any] = {"model": model, "messages": _messages(messages)}
    if tools is not None:
        body["tools"] = [_tool(tool) for tool in tools]
    options = {
        "tool_choice": _tool_choice(tool_choice),
        "response_format": _response_format(response_format),
        "max_tokens": max_tokens,
        "temperature": temperature,
        "stop": stop if isinstance(stop, str | None) else list(stop),
    }
    body.update({name: value for name, value in options.items() if value is not None})
    if stream:
        body["stream"] = True
        if include_usage:
            body["stream_options"] = {"include_usage": True}
    return body


def parse_completion_chunk(sse: ServerSentEvent) -> OpenAIChatCompletionChunk | None:
    """A completion chunk; ``None`` for the ``[DONE]`` terminator.

    Raises:
        APIStatusError: The chunk reports an error (the class its code maps to).
        APIResponseValidationError: The data is not a completion chunk.
    """
    data = sse.data
    if data == _TERMINATOR:
        return None
    try:
        chunk = json.loads(data)
        if chunk.get("object") == "error" or "error" in chunk:
            raise error_from_detail(chunk["error"])
        return _parse_chunk(chunk)
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise APIResponseValidationError(f"not a completion chunk: {data[:200]!r}") from exc


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


class CompletionAccumulator:
    """What a completion stream said so far: text, reasoning, tool calls, finish and usage.

    Tool calls arrive in pieces keyed by ``index`` (an id and a name, then the arguments'
    text); they are joined here.
    """

    def __init__(self) -> None:
        self.id: str | None = None
        self.model: str | None = None
        self.created: int | None = None
        self._text: list[str] = []
        self._reasoning: list[str] = []
        self._calls: dict[int, dict[str, Any]] = {}
        self.finish_reason: str | None = None
        self.usage: OpenAIUsage | None = None
        self.guardrail_findings: list[GuardrailFinding] = []

    def observe(self, chunk: OpenAIChatCompletionChunk | None) -> None:
        """Take in one chunk (``None``, the terminator, changes nothing)."""
        if chunk is None:
            return
        if self.id is None:
            self.id, self.model, self.created = chunk.id, chunk.model, chunk.created
        usage = chunk.usage
        if isinstance(usage, OpenAIUsage):
            self.usage = usage
        for choice in chunk.choices:
            if choice.index != 0:
                continue
            delta = choice.delta
            content = delta.content
            if isinstance(content, str) and content:
                self._text.append(content)
            reasoning = delta.reasoning_content
            if isinstance(reasoning, str):
                self._reasoning.append(reasoning)
            calls = delta.tool_calls
            if isinstance(calls, list):
                for call in calls:
                    self._add_call(call.to_dict())
            finish = choice.finish_reason
            if finish is not None:
                self.finish_reason = str(finish.value)
            findings = choice.guardrail_findings
            if isinstance(findings, list):
                self.guardrail_findings.extend(findings)

    def _add_call(self, piece: Mapping[str, Any]) -> None:
        call = self._calls.setdefault(int(piece["index"]), {"id": "", "name": "", "arguments": []})
        if piece.get("id"):
            call["id"] = piece["id"]
        function = piece.get("function") or {}
        if function.get("name"):
            call["name"] = function["name"]
        call["arguments"].append(_text(function.get("arguments")))

    @property
    def text(self) -> str:
        """The reply's text so far."""
        return "".join(self._text)

    @property
    def reasoning(self) -> str:
        """The agent's reasoning so far (empty for brains that do not think aloud)."""
        return "".join(self._reasoning)

    @property
    def tool_calls(self) -> list[OpenAIToolCall]:
        """The tool calls so far, in order, their arguments joined (JSON text once complete)."""
        return [
            OpenAIToolCall(
                id=call["id"],
                type_="function",
                function=OpenAIFunctionCall(
                    name=call["name"], arguments="".join(call["arguments"])
                ),
            )
            for _, call in sorted(self._calls.items())
        ]

    def completion(self) -> OpenAIChatCompletion:
        """The stream as the completion it adds up to (usage zero when the stream sent none)."""
        message: dict[str, Any] = {
            "role": "assistant",
            "content": self.text if self._text or not self._calls else None,
        }
        if self._reasoning:
            message["reasoning_content"] = self.reasoning
        if self._calls:
            message["tool_calls"] = [call.to_dict() for call in self.tool_calls]
        usage = self.usage.to_dict() if self.usage is not None else None
        choice: dict[str, Any] = {
            "index": 0,
            "message": message,
            "finish_reason": self.finish_reason or "stop",
        }
        if self.guardrail_findings:
            choice["guardrail_findings"] = [f.to_dict() for f in self.guardrail_findings]
        return model_parser(OpenAIChatCompletion)(
            {
                "id": self.id or "",
                "object": "chat.completion",
                "created": self.created or 0,
                "model": self.model or "",
                "choices": [choice],
                "usage": usage or {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0},
            }
        )


def decode_embeddings(result: OpenAIEmbeddingList) -> OpenAIEmbeddingList:
    """The embedding list with its base64 vectors (little-endian float32) decoded to floats."""
    for item in result.data:
        if isinstance(item.embedding, str):
            floats = array("f")
            floats.frombytes(base64.b64decode(item.embedding))
            if sys.byteorder == "big":  # pragma: no cover
                floats.byteswap()
            item.embedding = floats.tolist()
    return result
