"""The typed models of requests, responses and stream events.

They are the models generated from the contract (attrs classes with ``to_dict`` / ``from_dict``),
re-exported here so that you never import the generated package yourself. The SDK builds the
responses it returns with ``parse_model``: an enum value or a part type this version does not
know yet comes through (as a value equal to its string, or as an ``UnknownPart``), so a newer
server does not break an older client.
"""

from __future__ import annotations

from typing import TypeAlias

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
    ClientToolResult,
    ClientToolSpec,
    DataPart,
    Deleted,
    Document,
    DocumentContentType,
    ErrorBlock,
    ErrorCode,
    ErrorDetail,
    FilePart,
    ImagePart,
    Index,
    IndexQueryResult,
    JsonObject,
    Metadata,
    NameAvailability,
    RetrievedChunk,
    Session,
    SessionDelta,
    SessionErrorEvent,
    SessionMessage,
    SessionMessageStatus,
    SessionRole,
    SessionStatus,
    SessionStopEvent,
    SessionSummary,
    SessionTextDeltaEvent,
    SessionTextEvent,
    SessionThinkingDeltaEvent,
    SessionThinkingEvent,
    SessionToolCallEvent,
    SessionToolResultEvent,
    SessionUserInputEvent,
    SessionWarningEvent,
    StopReason,
    TextPart,
    ThinkingBlock,
    TokenUsage,
    ToolResultBlock,
    ToolResultStatus,
    ToolUseBlock,
    UIChatRequest,
    Version,
)
from agentkit_api.types import UNSET, Unset

from ._compat import UnknownPart
from ._events import ChatEvent, SessionEvent, UnknownEvent
from .parts import Part

ContentBlock: TypeAlias = (
    TextPart
    | ThinkingBlock
    | ToolUseBlock
    | ToolResultBlock
    | ErrorBlock
    | DataPart
    | FilePart
    | ImagePart
    | AudioPart
    | UnknownPart
)
"""One block of a session message; a block type this SDK does not know is an ``UnknownPart``."""

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
    "ClientToolResult",
    "ClientToolSpec",
    "ContentBlock",
    "DataPart",
    "Deleted",
    "Document",
    "DocumentContentType",
    "ErrorBlock",
    "ErrorCode",
    "ErrorDetail",
    "FilePart",
    "ImagePart",
    "Index",
    "IndexQueryResult",
    "JsonObject",
    "Metadata",
    "NameAvailability",
    "Part",
    "RetrievedChunk",
    "Session",
    "SessionDelta",
    "SessionErrorEvent",
    "SessionEvent",
    "SessionMessage",
    "SessionMessageStatus",
    "SessionRole",
    "SessionStatus",
    "SessionStopEvent",
    "SessionSummary",
    "SessionTextDeltaEvent",
    "SessionTextEvent",
    "SessionThinkingDeltaEvent",
    "SessionThinkingEvent",
    "SessionToolCallEvent",
    "SessionToolResultEvent",
    "SessionUserInputEvent",
    "SessionWarningEvent",
    "StopReason",
    "TextPart",
    "ThinkingBlock",
    "TokenUsage",
    "ToolResultBlock",
    "ToolResultStatus",
    "ToolUseBlock",
    "UIChatRequest",
    "UnknownEvent",
    "UnknownPart",
    "Unset",
    "Version",
]
