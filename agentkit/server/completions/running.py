"""Running a completion: the brain's steps as one OpenAI completion, or as its chunk stream.

A stream's chunks are made by a task and sent by the response in batches: whatever chunks are
ready when the connection can take more go out in one write, so a fast brain costs few writes
and a slow one loses no latency. The batch queue is bounded, so a slow reader holds back the
brain rather than filling memory.
"""

from __future__ import annotations

import asyncio
import json
import logging
import secrets
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

from jsonschema import Draft202012Validator

from ..brains import (
    BrainError,
    SessionBrain,
    Step,
    TextDelta,
    ThinkingDelta,
    ToolCall,
    ToolOutcome,
    words,
)
from ..brains.scripted_session import sample_input
from ..brains.session import compact_json
from ..core.errors import ApiError
from ..guardrails.checker import Finding
from .embeddings import token_count
from .errors import openai_error
from .requests import CompletionPlan, JsonFormat

__all__ = ["complete", "stream_completion"]

logger = logging.getLogger("agentkit.server")

_QUEUE_CHUNKS = 256
_NO_SERVER_TOOLS = ToolOutcome("error", {"message": "completions run no server tools"})
_DONE = b"data: [DONE]\n\n"


@dataclass
class _Reply:
    """What the brain said so far."""

    text: list[str] = field(default_factory=list)
    reasoning: list[str] = field(default_factory=list)
    tool_calls: list[dict[str, Any]] = field(default_factory=list)
    words: int = 0
    cut: bool = False
    findings: list[Finding] = field(default_factory=list)

    @property
    def finish_reason(self) -> str:
        if self.tool_calls:
            return "tool_calls"
        if any(finding.action == "block" for finding in self.findings):
            return "content_filter"
        return "length" if self.cut else "stop"

    def usage(self, plan: CompletionPlan) -> dict[str, int]:
        arguments = sum(token_count(c["function"]["arguments"]) for c in self.tool_calls)
        completion = self.words + token_count("".join(self.reasoning)) + arguments
        return {
            "prompt_tokens": plan.prompt_tokens,
            "completion_tokens": completion,
            "total_tokens": plan.prompt_tokens + completion,
        }


def _tool_call(step: ToolCall) -> dict[str, Any]:
    return {
        "id": "call_" + secrets.token_hex(12),
        "type": "function",
        "function": {"name": step.name, "arguments": compact_json(step.input)},
    }


async def _steps(brain: SessionBrain, plan: CompletionPlan) -> AsyncIterator[Step]:
    """The brain's steps for the plan; server tools are refused, a forced tool is called."""
    run = brain.run(plan.turn)
    outcome: ToolOutcome | None = None
    called = False
    try:
        while True:
            try:
                step = await run.asend(outcome)
            except StopAsyncIteration:
                break
            outcome = None
            if isinstance(step, ToolCall):
                if not step.client:
                    outcome = _NO_SERVER_TOOLS
                    continue
                called = True
            yield step
    finally:
        await run.aclose()
    forced = plan.forced_tool
    if forced is not None and not called:
        yield ToolCall(forced["name"], sample_input(forced["input_schema"]), client=True)


def _conforms(value: Any, schema: dict[str, Any] | None) -> bool:
    if not isinstance(value, dict):
        return False
    if schema is None:
        return True
    try:
        return bool(Draft202012Validator(schema).is_valid(value))
    except Exception:  # a schema that cannot be evaluated: the wrapped answer is made instead
        return False


def as_json(text: str, json_format: JsonFormat) -> str:
    """The reply as the JSON object asked for: the text itself when it is one (valid against
    the schema), else an object carrying the text in ``content`` or the schema's first string
    property, its other required properties filled with samples."""
    try:
        value = json.loads(text)
    except ValueError:
        value = None
    if _conforms(value, json_format.schema):
        return text
    schema = json_format.schema or {}
    wrapped = sample_input(schema)
    properties = schema.get("properties")
    slot = "content"
    if isinstance(properties, dict):
        slot = next(
            (n for n, p in properties.items() if isinstance(p, dict) and p.get("type") == "string"),
            slot,
        )
    wrapped[slot] = text
    return compact_json(wrapped)


async def _collect(brain: SessionBrain, plan: CompletionPlan, reply: _Reply) -> None:
    async for step in _steps(brain, plan):
        if isinstance(step, ThinkingDelta):
            reply.reasoning.append(step.text)
        elif isinstance(step, TextDelta):
            if plan.max_tokens is not None and reply.words >= plan.max_tokens:
                reply.cut = True
                break
            reply.text.append(step.text)
            reply.words += token_count(step.text)
        elif isinstance(step, ToolCall):
            reply.tool_calls.append(_tool_call(step))


async def complete(
    brain: SessionBrain, plan: CompletionPlan, findings: list[Finding] | None = None
) -> dict[str, Any]:
    """The whole completion, as an ``OpenAIChatCompletion``; ``findings`` is the list the
    brain's guardrails report to, listed in the choice when any fired.

    Raises:
        ApiError: AGENT_ERROR when the brain fails.
    """
    reply = _Reply(findings=findings if findings is not None else [])
    try:
        await _collect(brain, plan, reply)
    except BrainError as exc:
        raise ApiError("AGENT_ERROR", str(exc)) from exc
    text = "".join(reply.text)
    if plan.json_format is not None and not reply.tool_calls:
        text = as_json(text, plan.json_format)
    message: dict[str, Any] = {
        "role": "assistant",
        "content": text if text or not reply.tool_calls else None,
        "refusal": None,
    }
    if reply.reasoning:
        message["reasoning_content"] = "".join(reply.reasoning)
    if reply.tool_calls:
        message["tool_calls"] = reply.tool_calls
    choice: dict[str, Any] = {
        "index": 0,
        "message": message,
        "finish_reason": reply.finish_reason,
        "logprobs": None,
    }
    if reply.findings:
        choice["guardrail_findings"] = [finding.wire() for finding in reply.findings]
    return {
        "id": "chatcmpl-" + secrets.token_hex(12),
        "object": "chat.completion",
        "created": int(time.time()),
        "model": plan.model,
        "choices": [choice],
        "usage": reply.usage(plan),
    }


class _ChunkWriter:
    """Encodes the chunks of one stream; the parts every chunk shares are encoded once."""

    def __init__(self, plan: CompletionPlan) -> None:
        head = {
            "id": "chatcmpl-" + secrets.token_hex(12),
            "object": "chat.completion.chunk",
            "created": int(time.time()),
            "model": plan.model,
        }
        self._head = b"data: " + json.dumps(head)[:-1].encode() + b', "choices": '
        self._tail = b', "usage": null}\n\n' if plan.include_usage else b"}\n\n"

    def delta(self, delta: dict[str, Any], finish_reason: str | None = None) -> bytes:
        choice = {"index": 0, "delta": delta, "finish_reason": finish_reason, "logprobs": None}
        return self._head + json.dumps([choice]).encode() + self._tail

    def findings(self, findings: list[Finding]) -> bytes:
        choice = {
            "index": 0,
            "delta": {},
            "finish_reason": None,
            "logprobs": None,
            "guardrail_findings": [finding.wire() for finding in findings],
        }
        return self._head + json.dumps([choice]).encode() + self._tail

    def usage(self, usage: dict[str, int]) -> bytes:
        return self._head + b"[], " + b'"usage": ' + json.dumps(usage).encode() + b"}\n\n"


def _text_chunks(writer: _ChunkWriter, text: str) -> list[bytes]:
    return [writer.delta({"content": piece}) for piece in words(text)]


def _tool_chunks(writer: _ChunkWriter, index: int, call: dict[str, Any]) -> list[bytes]:
    opening = {
        "index": index,
        "id": call["id"],
        "type": "function",
        "function": {"name": call["function"]["name"], "arguments": ""},
    }
    arguments = {"index": index, "function": {"arguments": call["function"]["arguments"]}}
    return [writer.delta({"tool_calls": [opening]}), writer.delta({"tool_calls": [arguments]})]


async def _chunks(
    brain: SessionBrain, plan: CompletionPlan, writer: _ChunkWriter, findings: list[Finding]
) -> AsyncIterator[bytes]:
    reply = _Reply(findings=findings)
    yield writer.delta({"role": "assistant", "content": ""})
    buffered = plan.json_format is not None
    reported = 0
    async for step in _steps(brain, plan):
        if len(findings) > reported:
            # The guardrails judged the text held so far: their verdict goes before it.
            yield writer.findings(findings[reported:])
            reported = len(findings)
        if isinstance(step, ThinkingDelta):
            reply.reasoning.append(step.text)
            yield writer.delta({"reasoning_content": step.text})
        elif isinstance(step, TextDelta):
            if plan.max_tokens is not None and reply.words >= plan.max_tokens:
                reply.cut = True
                break
            reply.text.append(step.text)
            reply.words += token_count(step.text)
            if not buffered:
                yield writer.delta({"content": step.text})
        else:
            call = _tool_call(step)
            for chunk in _tool_chunks(writer, len(reply.tool_calls), call):
                yield chunk
            reply.tool_calls.append(call)
    if len(findings) > reported:
        yield writer.findings(findings[reported:])
    if buffered and plan.json_format is not None and not reply.tool_calls:
        for chunk in _text_chunks(writer, as_json("".join(reply.text), plan.json_format)):
            yield chunk
    yield writer.delta({}, reply.finish_reason)
    if plan.include_usage:
        yield writer.usage(reply.usage(plan))
    yield _DONE


def _error_chunk(error: ApiError) -> bytes:
    body = json.dumps({"object": "error", "error": openai_error(error)})
    return b"data: " + body.encode() + b"\n\n"


async def stream_completion(
    brain: SessionBrain, plan: CompletionPlan, findings: list[Finding] | None = None
) -> AsyncIterator[bytes]:
    """The completion as ``text/event-stream`` bytes, in batches of the chunks ready;
    ``findings`` is the list the brain's guardrails report to, each sent in a chunk of its own.

    A brain that fails ends the stream with an ``error`` chunk (OpenAI's error object), then
    ``[DONE]``.
    """
    reported: list[Finding] = findings if findings is not None else []
    queue: asyncio.Queue[bytes | None] = asyncio.Queue(_QUEUE_CHUNKS)
    writer = _ChunkWriter(plan)

    async def produce() -> None:
        try:
            async for chunk in _chunks(brain, plan, writer, reported):
                await queue.put(chunk)
        except BrainError as exc:
            await queue.put(_error_chunk(ApiError("AGENT_ERROR", str(exc))) + _DONE)
        except Exception:
            logger.exception("a completion stream failed")
            error = ApiError("INTERNAL_ERROR", "the server failed during the stream")
            await queue.put(_error_chunk(error) + _DONE)
        await queue.put(None)

    task = asyncio.create_task(produce())
    try:
        while True:
            batch = [await queue.get()]
            while batch[-1] is not None and not queue.empty():
                batch.append(queue.get_nowait())
            done = batch[-1] is None
            data = b"".join(chunk for chunk in batch if chunk is not None)
            if data:
                yield data
            if done:
                return
    finally:
        task.cancel()
        try:
            await task
        except asyncio.CancelledError:
            pass
