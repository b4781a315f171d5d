"""Turning the ergonomic inputs users pass into the contract's request models."""

from __future__ import annotations

import mimetypes
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import IO, Any, TypeAlias, TypeVar

from agentkit_api.models import (
    AudioPart,
    ChatMessageInput,
    ClientToolResult,
    ClientToolSpec,
    DataPart,
    FilePart,
    ImagePart,
    Metadata,
    TextPart,
    ToolResultStatus,
)
from agentkit_api.types import UNSET, Unset

from ._errors import ValidationError
from ._ids import IdInput, as_id, as_ids
from .parts import Part, text
from .tools import ClientTool

__all__ = [
    "ClientToolInput",
    "MessageInput",
    "ToolResultInput",
    "UploadInput",
    "as_client_tools",
    "given",
    "read_upload",
    "runnable_tools",
    "to_client_tools",
    "to_index_ids",
    "to_message",
    "to_metadata",
    "to_tool_results",
]

T = TypeVar("T")

MessageInput: TypeAlias = (
    str
    | Part
    | Sequence[str | Part | Mapping[str, object]]
    | ChatMessageInput
    | Mapping[str, object]
)
ClientToolInput: TypeAlias = (
    ClientTool[..., Any] | Callable[..., Any] | ClientToolSpec | Mapping[str, object]
)
ToolResultInput: TypeAlias = ClientToolResult | Mapping[str, object]
UploadInput: TypeAlias = str | os.PathLike[str] | bytes | IO[bytes]

_RESULT_STATUSES = frozenset(status.value for status in ToolResultStatus)

_PART_TYPES = (TextPart, DataPart, FilePart, ImagePart, AudioPart)


def _to_part(value: str | Part | Mapping[str, object], index: int) -> Part:
    if isinstance(value, str):
        return text(value)
    if isinstance(value, _PART_TYPES):
        return value
    if isinstance(value, Mapping):
        try:
            parsed: Part = ChatMessageInput.from_dict({"parts": [dict(value)]}).parts[0]
        except (KeyError, TypeError, ValueError) as exc:
            raise ValidationError.client_side(f"message.parts[{index}]", str(exc)) from None
        return parsed
    raise ValidationError.client_side(
        f"message.parts[{index}]", f"cannot use {type(value).__name__} as a message part"
    )


def _build_message(message: MessageInput) -> ChatMessageInput:
    if isinstance(message, ChatMessageInput):
        return message
    if isinstance(message, (str, *_PART_TYPES)):
        return ChatMessageInput(parts=[_to_part(message, 0)])
    if isinstance(message, Mapping):
        try:
            return ChatMessageInput.from_dict(dict(message))
        except (KeyError, TypeError, ValueError) as exc:
            raise ValidationError.client_side("message", str(exc)) from None
    if isinstance(message, Sequence):
        parts = [_to_part(part, index) for index, part in enumerate(message)]
        return ChatMessageInput(parts=parts)
    raise ValidationError.client_side(
        "message", f"cannot use {type(message).__name__} as a message"
    )


def to_message(message: MessageInput) -> ChatMessageInput:
    """Accept a string, a part, a list of parts/strings/dicts, a dict or a ``ChatMessageInput``.

    Raises:
        ValidationError: The message has no part, an empty text part, or a part that is not one
            (caught before anything is sent).
    """
    built = _build_message(message)
    if not built.parts:
        raise ValidationError.client_side("message.parts", "a message needs at least one part")
    for index, part in enumerate(built.parts):
        if isinstance(part, TextPart) and not part.content:
            raise ValidationError.client_side(
                f"message.parts[{index}].content", "a text part needs some text"
            )
    return built


def given(value: T | None) -> T | Unset:
    """``UNSET`` for an argument left at ``None``, so the field is left out of the request."""
    return UNSET if value is None else value


def to_metadata(metadata: Mapping[str, object] | Metadata | None) -> Metadata | Unset:
    """Accept a plain dict for metadata."""
    if metadata is None:
        return UNSET
    if isinstance(metadata, Metadata):
        return metadata
    return Metadata.from_dict(dict(metadata))


def to_index_ids(index_ids: Iterable[IdInput], field: str = "index_ids") -> list[str]:
    """A list of distinct index ids, given as ids or as ``Index`` objects.

    Raises:
        ValidationError: An id is empty, or is given twice.
        TypeError: An item is neither an id nor an object with one.
    """
    ids = as_ids(index_ids, field) if not isinstance(index_ids, str) else [as_id(index_ids, field)]
    for index, value in enumerate(ids):
        if value in ids[:index]:
            raise ValidationError.client_side(f"{field}[{index}]", f"{value!r} is given twice")
    return ids


def _to_spec(value: ClientToolInput, field: str) -> ClientToolSpec:
    if isinstance(value, ClientTool):
        return value.spec
    if isinstance(value, ClientToolSpec):
        return value
    if isinstance(value, Mapping):
        try:
            return ClientToolSpec.from_dict(dict(value))
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise ValidationError.client_side(field, f"not a client tool spec: {exc!r}") from None
    if callable(value):
        try:
            return ClientTool(value).spec
        except (TypeError, ValueError) as exc:
            raise ValidationError.client_side(field, str(exc)) from exc
    raise ValidationError.client_side(field, f"cannot use {type(value).__name__} as a client tool")


def to_client_tools(
    tools: Iterable[ClientToolInput], field: str = "client_tools"
) -> list[ClientToolSpec]:
    """The specs of client tools given as ``ClientTool``s, functions, specs or dicts.

    Raises:
        ValidationError: An item is not a tool, a function cannot be one (its name, or type
            hints that JSON Schema cannot express), or two tools share a name.
    """
    specs = [_to_spec(tool, f"{field}[{index}]") for index, tool in enumerate(tools)]
    names = [spec.name for spec in specs]
    for index, name in enumerate(names):
        if name in names[:index]:
            raise ValidationError.client_side(
                f"{field}[{index}].name", f"two client tools are named {name!r}"
            )
    return specs


def _as_client_tool(tool: ClientToolInput, index: int) -> ClientToolInput:
    if not callable(tool) or isinstance(tool, ClientTool | ClientToolSpec | Mapping):
        return tool
    try:
        return ClientTool(tool)
    except (TypeError, ValueError) as exc:
        # Raised where the function is handed over, with the place in the list it came from.
        raise ValidationError.client_side(f"client_tools[{index}]", str(exc)) from exc


def as_client_tools(tools: Iterable[ClientToolInput]) -> list[ClientToolInput]:
    """The tools with plain functions made ``ClientTool``s once, so their schema is derived once
    however often the list is used.

    Raises:
        ValidationError: A function cannot be a tool (its name or a parameter's annotation);
            ``field`` is ``client_tools[i]``.
    """
    return [_as_client_tool(tool, index) for index, tool in enumerate(tools)]


def runnable_tools(tools: Iterable[ClientToolInput]) -> dict[str, ClientTool[..., Any]]:
    """The tools among ``tools`` that come with a function to run, by name."""
    return {tool.name: tool for tool in as_client_tools(tools) if isinstance(tool, ClientTool)}


def _to_result(value: ToolResultInput, field: str) -> ClientToolResult:
    if isinstance(value, ClientToolResult):
        result = value
    elif isinstance(value, Mapping):
        if not value.get("tool_use_id"):
            raise ValidationError.client_side(
                f"{field}.tool_use_id", "a result needs its tool_use_id"
            )
        # Checked before the model is built, which would refuse the value without naming it.
        if "status" in value and str(value["status"]) not in _RESULT_STATUSES:
            raise ValidationError.client_side(
                f"{field}.status",
                f"{str(value['status'])!r} is not one of {sorted(_RESULT_STATUSES)}",
            )
        try:
            result = ClientToolResult.from_dict(dict(value))
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise ValidationError.client_side(field, f"not a tool result: {exc!r}") from None
    else:
        raise ValidationError.client_side(
            field, f"cannot use {type(value).__name__} as a tool result"
        )
    if not isinstance(result.tool_use_id, str) or not result.tool_use_id:
        raise ValidationError.client_side(f"{field}.tool_use_id", "a result needs its tool_use_id")
    if str(result.status) not in _RESULT_STATUSES:
        raise ValidationError.client_side(
            f"{field}.status", f"{str(result.status)!r} is not one of {sorted(_RESULT_STATUSES)}"
        )
    return result


def to_tool_results(results: Iterable[ToolResultInput]) -> list[ClientToolResult]:
    """Tool results given as ``ClientToolResult``s or dicts in the wire format.

    Raises:
        ValidationError: There is no result, or a result lacks its ``tool_use_id`` or has an
            unknown status.
    """
    converted = [_to_result(result, f"results[{index}]") for index, result in enumerate(results)]
    if not converted:
        raise ValidationError.client_side("results", "submit at least one tool result")
    return converted


def read_upload(
    file: UploadInput, filename: str | None, content_type: str | None
) -> tuple[str, bytes, str]:
    """The file name, bytes and content type of a file to upload.

    ``file`` is a path, the bytes themselves, or a binary file object (read from where it
    stands). The name defaults to the path's or file object's name (``"upload"`` for bytes); the
    content type to the one the name suggests, ``text/plain`` for a name without extension.

    Raises:
        ValidationError: ``file`` is none of those, or a file object gave text instead of bytes.
        OSError: The path cannot be read.
    """
    if isinstance(file, bytes | bytearray | memoryview):
        content = bytes(file)
        name = filename or "upload"
    elif isinstance(file, str | os.PathLike):
        path = Path(file)
        content = path.read_bytes()
        name = filename or path.name
    elif hasattr(file, "read"):
        data = file.read()
        if not isinstance(data, bytes):
            raise ValidationError.client_side("file", "open the file in binary mode ('rb')")
        content = data
        name = filename or os.path.basename(str(getattr(file, "name", "") or "")) or "upload"
    else:
        raise ValidationError.client_side(
            "file", f"cannot upload {type(file).__name__}: give a path, bytes or a binary file"
        )
    if content_type is None:
        guessed = mimetypes.guess_type(name)[0]
        content_type = guessed or (
            "text/plain" if not Path(name).suffix else "application/octet-stream"
        )
    return name, content, content_type
