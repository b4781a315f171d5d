"""Answering client tool calls, without I/O: which tools may run, and the results to submit.

The async and the sync session object share this module; the few places where they must differ
come in pairs named ``*_async`` / plain, which ``scripts/unasync.py`` swaps: the async client
awaits what a tool returns, the sync client refuses coroutine functions up front.
"""

from __future__ import annotations

import dataclasses
import enum
import inspect
import json
from collections.abc import Callable, Iterable
from typing import Any

from agentkit_api.models import ClientToolResult, JsonObject, ToolResultStatus, ToolUseBlock

from ._inputs import ClientToolInput, runnable_tools
from .tools import ClientTool

__all__ = [
    "Registry",
    "declined_result",
    "error_result",
    "prepare_run",
    "prepare_run_async",
    "resolve",
    "resolve_async",
    "success_result",
]

Registry = dict[str, ClientTool[..., Any]]


def prepare_run_async(
    tools: Iterable[ClientToolInput], on_event: Callable[..., Any] | None
) -> Registry:
    """The runnable tools by name; the async client runs plain and coroutine functions alike."""
    return runnable_tools(tools)


def prepare_run(tools: Iterable[ClientToolInput], on_event: Callable[..., Any] | None) -> Registry:
    """The runnable tools by name, for the sync client, which cannot run coroutine functions.

    Raises:
        TypeError: A tool or ``on_event`` is a coroutine function.
    """
    registry = runnable_tools(tools)
    for tool in registry.values():
        if tool.is_async:
            raise TypeError(
                f"client tool {tool.name!r} is a coroutine function; the sync client runs plain "
                "functions only (use AsyncAgentKit to run async tools)"
            )
    if on_event is not None and inspect.iscoroutinefunction(on_event):
        raise TypeError(
            "on_event is a coroutine function; the sync client calls plain functions only"
        )
    return registry


async def resolve_async(value: Any) -> Any:
    """``value``, awaited if it is awaitable."""
    if inspect.isawaitable(value):
        return await value
    return value


def resolve(value: Any) -> Any:
    """``value``, which the sync client cannot await.

    Raises:
        TypeError: ``value`` is awaitable (a callback or tool was an ``async def``).
    """
    if inspect.isawaitable(value):
        close = getattr(value, "close", None)
        if callable(close):
            close()
        raise TypeError("got a coroutine; the sync client calls plain functions only")
    return value


def _jsonable(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, set | frozenset):
        return list(value)
    to_dict = getattr(value, "to_dict", None)
    if callable(to_dict):
        return to_dict()
    raise TypeError(f"{type(value).__name__} is not JSON")


def _output(value: dict[str, Any]) -> JsonObject:
    return JsonObject.from_dict(json.loads(json.dumps(value, default=_jsonable)))


def success_result(call: ToolUseBlock, value: Any, runtime_ms: int) -> ClientToolResult:
    """The result of a tool that returned ``value``: a dict as it is, anything else as
    ``{"result": value}``; a value that cannot be JSON makes an ``error`` result instead."""
    is_instance = dataclasses.is_dataclass(value) and not isinstance(value, type)
    raw = dataclasses.asdict(value) if is_instance else value
    wrapped = raw if isinstance(raw, dict) else {"result": raw}
    try:
        output = _output(wrapped)
    except (TypeError, ValueError) as exc:
        return error_result(call, TypeError(f"the tool's result is not JSON: {exc}"), runtime_ms)
    return ClientToolResult(
        tool_use_id=call.tool_use_id,
        status=ToolResultStatus.SUCCESS,
        tool_name=call.tool_name,
        output=output,
        runtime_ms=runtime_ms,
    )


def error_result(call: ToolUseBlock, exc: BaseException, runtime_ms: int) -> ClientToolResult:
    """The result of a tool that raised: ``{"error": message, "type": class name}``."""
    return ClientToolResult(
        tool_use_id=call.tool_use_id,
        status=ToolResultStatus.ERROR,
        tool_name=call.tool_name,
        output=JsonObject.from_dict({"error": str(exc), "type": type(exc).__name__}),
        runtime_ms=runtime_ms,
    )


def declined_result(call: ToolUseBlock) -> ClientToolResult:
    """The answer to a call of a tool this program has no function for."""
    return ClientToolResult(
        tool_use_id=call.tool_use_id,
        status=ToolResultStatus.DECLINED,
        tool_name=call.tool_name,
        output=JsonObject.from_dict({"error": f"no client tool named {call.tool_name!r} here"}),
        runtime_ms=0,
    )
