"""Turning the ergonomic inputs users pass into the contract's request models."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, TypeAlias

from agentkit_api.models import (
    AudioPart,
    ChatMessageInput,
    DataPart,
    FilePart,
    ImagePart,
    Metadata,
    TextPart,
)
from agentkit_api.types import UNSET, Unset

from ._errors import ValidationError
from .parts import Part, text

__all__ = ["MessageInput", "to_message", "to_metadata"]

MessageInput: TypeAlias = (
    str | Part | Sequence[str | Part | Mapping[str, Any]] | ChatMessageInput | Mapping[str, Any]
)

_PART_TYPES = (TextPart, DataPart, FilePart, ImagePart, AudioPart)


def _to_part(value: str | Part | Mapping[str, Any], index: int) -> Part:
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


def to_message(message: MessageInput) -> ChatMessageInput:
    """Accept a string, a part, a list of parts/strings/dicts, a dict or a ``ChatMessageInput``."""
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
        if not message:
            raise ValidationError.client_side("message.parts", "a message needs at least one part")
        parts = [_to_part(part, index) for index, part in enumerate(message)]
        return ChatMessageInput(parts=parts)
    raise ValidationError.client_side(
        "message", f"cannot use {type(message).__name__} as a message"
    )


def to_metadata(metadata: Mapping[str, Any] | Metadata | None) -> Metadata | Unset:
    """Accept a plain dict for metadata."""
    if metadata is None:
        return UNSET
    if isinstance(metadata, Metadata):
        return metadata
    return Metadata.from_dict(dict(metadata))
