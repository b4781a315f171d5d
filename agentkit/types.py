"""The typed models of requests, responses and stream events.

They are the models generated from the contract (attrs classes with ``to_dict`` / ``from_dict``),
re-exported here so that you never import the generated package yourself. Enums accept values
this version does not know yet, so a newer server does not break an older client.
"""

from __future__ import annotations

from agentkit_api.models import (
    Agent,
    AgentBrain,
    AgentList,
    AudioPart,
    Chat,
    ChatContentEvent,
    ChatDoneEvent,
    ChatErrorEvent,
    ChatMessage,
    ChatMessageInput,
    ChatMetadataEvent,
    ChatRole,
    ChatStatus,
    DataPart,
    Deleted,
    ErrorCode,
    ErrorDetail,
    FilePart,
    ImagePart,
    Metadata,
    NameAvailability,
    TextPart,
    Version,
)
from agentkit_api.types import UNSET, Unset

from ._compat import UnknownPart, open_models
from ._events import ChatEvent, UnknownEvent
from .parts import Part

open_models()

__all__ = [
    "UNSET",
    "Agent",
    "AgentBrain",
    "AgentList",
    "AudioPart",
    "Chat",
    "ChatContentEvent",
    "ChatDoneEvent",
    "ChatErrorEvent",
    "ChatEvent",
    "ChatMessage",
    "ChatMessageInput",
    "ChatMetadataEvent",
    "ChatRole",
    "ChatStatus",
    "DataPart",
    "Deleted",
    "ErrorCode",
    "ErrorDetail",
    "FilePart",
    "ImagePart",
    "Metadata",
    "NameAvailability",
    "Part",
    "TextPart",
    "UnknownEvent",
    "UnknownPart",
    "Unset",
    "Version",
]
