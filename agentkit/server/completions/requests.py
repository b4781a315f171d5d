"""An OpenAI chat completion request read into the turn an agent's brain answers.

System and developer messages follow the agent's own instructions; the last user message is the
prompt and the messages before it the history. Trailing ``tool`` messages answer the tool calls
of the assistant message before them, and the brain continues from their results. ``tools``
are offered as tools the caller runs; ``tool_choice`` narrows them or forces a call.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import SchemaError

from ..brains import SessionTurn
from ..core.errors import invalid
from ..core.store import Row
from .embeddings import token_count
from .models import can_call_tools, find_agent

if TYPE_CHECKING:
    from ..store import Store

__all__ = ["CompletionPlan", "JsonFormat", "plan_completion"]

_INSTRUCTION_ROLES = ("system", "developer")


@dataclass(frozen=True, slots=True)
class JsonFormat:
    """The reply must be a JSON object, valid against ``schema`` when there is one."""

    schema: dict[str, Any] | None


@dataclass(frozen=True, slots=True)
class CompletionPlan:
    """What a completion request asks of an agent.

    Attributes:
        model: The model as the request named it (echoed in the answer).
        agent: The agent that answers.
        turn: The brain's input.
        forced_tool: A tool the reply must call (``tool_choice`` required or named), as a
            client tool spec; called with a sample input when the brain calls none.
        json_format: The JSON the reply must be, if ``response_format`` asks for JSON.
        prompt_tokens: The request's messages, counted as words.
        include_usage: Whether a stream ends with a usage chunk.
        max_tokens: Words of text after which the reply is cut (``finish_reason: length``).
    """

    model: str
    agent: Row
    turn: SessionTurn
    forced_tool: dict[str, Any] | None
    json_format: JsonFormat | None
    prompt_tokens: int
    include_usage: bool
    max_tokens: int | None


def content_text(content: Any) -> str:
    """A message's content as text: text parts joined, images described as ``[image]``."""
    if content is None:
        return ""
    if isinstance(content, str):
        return content
    pieces = []
    for part in content:
        pieces.append(part["text"] if part["type"] == "text" else "[image]")
    return "\n".join(pieces)


def _check_message(index: int, message: Row) -> None:
    """What the contract's one message schema leaves to the role: content, the tool call id,
    and the field each kind of content part needs."""
    where = f"messages[{index}]"
    content = message.get("content")
    if content is None and message["role"] != "assistant":
        raise invalid(f"{where}.content", f"is required in a {message['role']} message")
    if message["role"] == "tool" and "tool_call_id" not in message:
        raise invalid(f"{where}.tool_call_id", "is required in a tool message")
    for position, part in enumerate(content if isinstance(content, list) else []):
        needed = "text" if part["type"] == "text" else "image_url"
        if needed not in part:
            raise invalid(f"{where}.content[{position}].{needed}", "is required")


def _tool_output(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        return text


def _tool_results(messages: list[Row], first: int) -> list[dict[str, Any]]:
    """The results the trailing tool messages (from ``first``) give, named by their calls."""
    calls: dict[str, str] = {}
    if first > 0 and messages[first - 1]["role"] == "assistant":
        for call in messages[first - 1].get("tool_calls") or []:
            calls[call["id"]] = call["function"]["name"]
    results = []
    for index in range(first, len(messages)):
        message = messages[index]
        name = calls.get(message["tool_call_id"])
        if name is None:
            raise invalid(
                f"messages[{index}].tool_call_id",
                "answers no tool call of the assistant message before the tool messages",
            )
        output = _tool_output(content_text(message["content"]))
        results.append({"tool_name": name, "status": "success", "output": output})
    return results


def _client_tools(body: Row, agent: Row) -> tuple[list[dict[str, Any]], dict[str, Any] | None]:
    """The tools offered to the brain and the one it must call, if any."""
    tools = [
        {
            "name": tool["function"]["name"],
            "description": tool["function"].get("description", ""),
            "input_schema": tool["function"].get("parameters") or {"type": "object"},
        }
        for tool in body.get("tools") or []
    ]
    choice = body.get("tool_choice", "auto")
    if choice == "none" or not tools:
        if isinstance(choice, dict) or choice == "required":
            raise invalid("tool_choice", "asks for a tool call, but the request offers no tools")
        return [], None
    if choice == "auto":
        return tools, None
    if not can_call_tools(agent):
        raise invalid(
            "tool_choice",
            f"asks for a tool call, but the agent's brain ({agent.get('brain', 'echo')}) "
            "calls no tools",
        )
    if choice == "required":
        return tools, tools[0]
    name = choice["function"]["name"]
    named = [tool for tool in tools if tool["name"] == name]
    if not named:
        raise invalid("tool_choice.function.name", f"names {name!r}, which is not in tools")
    return named, named[0]


def _json_format(body: Row) -> JsonFormat | None:
    response_format = body.get("response_format") or {"type": "text"}
    if response_format["type"] == "text":
        return None
    if response_format["type"] == "json_object":
        return JsonFormat(None)
    schema = response_format["json_schema"].get("schema")
    if schema is not None:
        try:
            Draft202012Validator.check_schema(schema)
        except SchemaError as exc:
            raise invalid(
                "response_format.json_schema.schema", f"is not a JSON Schema: {exc.message}"
            ) from None
    return JsonFormat(schema)


def plan_completion(store: Store, org_id: str, body: Row) -> CompletionPlan:
    """Read a validated ``OpenAIChatCompletionRequest``.

    Raises:
        ApiError: MODEL_NOT_FOUND, or VALIDATION_ERROR naming the field at fault.
    """
    agent = find_agent(store, org_id, body["model"])
    messages: list[Row] = body["messages"]
    instructions = [agent.get("instructions") or ""]
    dialogue: list[tuple[int, Row]] = []
    for index, message in enumerate(messages):
        _check_message(index, message)
        if message["role"] in _INSTRUCTION_ROLES:
            instructions.append(content_text(message["content"]))
        else:
            dialogue.append((index, message))
    if not dialogue or dialogue[-1][1]["role"] == "assistant":
        raise invalid(
            "messages", "the last message (after system ones) must be a user or tool message"
        )
    first_tool = len(dialogue)
    while first_tool > 0 and dialogue[first_tool - 1][1]["role"] == "tool":
        first_tool -= 1
    tool_results: list[dict[str, Any]] = []
    if first_tool < len(dialogue):
        tool_results = _tool_results(messages, dialogue[first_tool][0])
        earlier, prompt = dialogue[:first_tool], ""
    else:
        earlier, prompt = dialogue[:-1], content_text(dialogue[-1][1]["content"])
    tools, forced = _client_tools(body, agent)
    history = [(message["role"], content_text(message.get("content"))) for _, message in earlier]
    turn = SessionTurn(
        agent={**agent, "instructions": "\n\n".join(text for text in instructions if text)},
        session_id="",
        prompt=prompt,
        history=history,
        client_tools=tools,
        tool_results=tool_results,
    )
    options = body.get("stream_options") or {}
    return CompletionPlan(
        model=body["model"],
        agent=agent,
        turn=turn,
        forced_tool=forced,
        json_format=_json_format(body),
        prompt_tokens=sum(token_count(content_text(m.get("content"))) for m in messages),
        include_usage=bool(options.get("include_usage")),
        max_tokens=body.get("max_completion_tokens") or body.get("max_tokens"),
    )
