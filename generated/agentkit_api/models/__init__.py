"""Contains all the data models used in inputs/outputs"""

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .agent import Agent
    from .agent_brain import AgentBrain
    from .agent_create import AgentCreate
    from .agent_instructions import AgentInstructions
    from .agent_list import AgentList
    from .agent_update import AgentUpdate
    from .audio_part import AudioPart
    from .chat import Chat
    from .chat_content_event import ChatContentEvent
    from .chat_done_event import ChatDoneEvent
    from .chat_end import ChatEnd
    from .chat_error_event import ChatErrorEvent
    from .chat_guardrail_event import ChatGuardrailEvent
    from .chat_list import ChatList
    from .chat_message import ChatMessage
    from .chat_message_input import ChatMessageInput
    from .chat_message_list import ChatMessageList
    from .chat_message_send import ChatMessageSend
    from .chat_metadata_event import ChatMetadataEvent
    from .chat_role import ChatRole
    from .chat_start import ChatStart
    from .chat_status import ChatStatus
    from .client_tool_result import ClientToolResult
    from .client_tool_spec import ClientToolSpec
    from .data_part import DataPart
    from .delegation import Delegation
    from .delegation_list import DelegationList
    from .delegation_message import DelegationMessage
    from .deleted import Deleted
    from .document import Document
    from .document_content_type import DocumentContentType
    from .document_create import DocumentCreate
    from .document_list import DocumentList
    from .document_upload import DocumentUpload
    from .error_block import ErrorBlock
    from .error_code import ErrorCode
    from .error_detail import ErrorDetail
    from .error_details import ErrorDetails
    from .error_response import ErrorResponse
    from .file_part import FilePart
    from .guardrail import Guardrail
    from .guardrail_action import GuardrailAction
    from .guardrail_category import GuardrailCategory
    from .guardrail_create import GuardrailCreate
    from .guardrail_finding import GuardrailFinding
    from .guardrail_list import GuardrailList
    from .guardrail_update import GuardrailUpdate
    from .health import Health
    from .image_part import ImagePart
    from .index import Index
    from .index_create import IndexCreate
    from .index_list import IndexList
    from .index_query import IndexQuery
    from .index_query_result import IndexQueryResult
    from .json_object import JsonObject
    from .metadata import Metadata
    from .name_availability import NameAvailability
    from .provider import Provider
    from .provider_create import ProviderCreate
    from .provider_list import ProviderList
    from .provider_model import ProviderModel
    from .provider_test_result import ProviderTestResult
    from .provider_type import ProviderType
    from .provider_update import ProviderUpdate
    from .retrieved_chunk import RetrievedChunk
    from .session import Session
    from .session_create import SessionCreate
    from .session_delta import SessionDelta
    from .session_error_event import SessionErrorEvent
    from .session_event_list import SessionEventList
    from .session_guardrail_event import SessionGuardrailEvent
    from .session_list import SessionList
    from .session_message import SessionMessage
    from .session_message_send import SessionMessageSend
    from .session_message_status import SessionMessageStatus
    from .session_role import SessionRole
    from .session_status import SessionStatus
    from .session_stop_event import SessionStopEvent
    from .session_summary import SessionSummary
    from .session_text_delta_event import SessionTextDeltaEvent
    from .session_text_event import SessionTextEvent
    from .session_thinking_delta_event import SessionThinkingDeltaEvent
    from .session_thinking_event import SessionThinkingEvent
    from .session_tool_call_event import SessionToolCallEvent
    from .session_tool_result_event import SessionToolResultEvent
    from .session_update import SessionUpdate
    from .session_user_input_event import SessionUserInputEvent
    from .session_warning_event import SessionWarningEvent
    from .stop_reason import StopReason
    from .sub_agent_list import SubAgentList
    from .text_part import TextPart
    from .thinking_block import ThinkingBlock
    from .token_usage import TokenUsage
    from .tool_result_block import ToolResultBlock
    from .tool_result_status import ToolResultStatus
    from .tool_results_submit import ToolResultsSubmit
    from .tool_use_block import ToolUseBlock
    from .ui_chat_request import UIChatRequest
    from .ui_data_warning_chunk import UIDataWarningChunk
    from .ui_error_chunk import UIErrorChunk
    from .ui_finish_chunk import UIFinishChunk
    from .ui_finish_chunk_finish_reason import UIFinishChunkFinishReason
    from .ui_finish_step_chunk import UIFinishStepChunk
    from .ui_message import UIMessage
    from .ui_message_part import UIMessagePart
    from .ui_message_role import UIMessageRole
    from .ui_reasoning_delta_chunk import UIReasoningDeltaChunk
    from .ui_reasoning_end_chunk import UIReasoningEndChunk
    from .ui_reasoning_start_chunk import UIReasoningStartChunk
    from .ui_start_chunk import UIStartChunk
    from .ui_start_step_chunk import UIStartStepChunk
    from .ui_text_delta_chunk import UITextDeltaChunk
    from .ui_text_end_chunk import UITextEndChunk
    from .ui_text_start_chunk import UITextStartChunk
    from .ui_tool_input_available_chunk import UIToolInputAvailableChunk
    from .ui_tool_input_start_chunk import UIToolInputStartChunk
    from .ui_tool_output_available_chunk import UIToolOutputAvailableChunk
    from .ui_tool_output_denied_chunk import UIToolOutputDeniedChunk
    from .ui_tool_output_error_chunk import UIToolOutputErrorChunk
    from .upstream_type import UpstreamType
    from .version import Version

# Each model is imported from its module the first time it is used.
_MODULES = {
    "Agent": "agent",
    "AgentBrain": "agent_brain",
    "AgentCreate": "agent_create",
    "AgentInstructions": "agent_instructions",
    "AgentList": "agent_list",
    "AgentUpdate": "agent_update",
    "AudioPart": "audio_part",
    "Chat": "chat",
    "ChatContentEvent": "chat_content_event",
    "ChatDoneEvent": "chat_done_event",
    "ChatEnd": "chat_end",
    "ChatErrorEvent": "chat_error_event",
    "ChatGuardrailEvent": "chat_guardrail_event",
    "ChatList": "chat_list",
    "ChatMessage": "chat_message",
    "ChatMessageInput": "chat_message_input",
    "ChatMessageList": "chat_message_list",
    "ChatMessageSend": "chat_message_send",
    "ChatMetadataEvent": "chat_metadata_event",
    "ChatRole": "chat_role",
    "ChatStart": "chat_start",
    "ChatStatus": "chat_status",
    "ClientToolResult": "client_tool_result",
    "ClientToolSpec": "client_tool_spec",
    "DataPart": "data_part",
    "Delegation": "delegation",
    "DelegationList": "delegation_list",
    "DelegationMessage": "delegation_message",
    "Deleted": "deleted",
    "Document": "document",
    "DocumentContentType": "document_content_type",
    "DocumentCreate": "document_create",
    "DocumentList": "document_list",
    "DocumentUpload": "document_upload",
    "ErrorBlock": "error_block",
    "ErrorCode": "error_code",
    "ErrorDetail": "error_detail",
    "ErrorDetails": "error_details",
    "ErrorResponse": "error_response",
    "FilePart": "file_part",
    "Guardrail": "guardrail",
    "GuardrailAction": "guardrail_action",
    "GuardrailCategory": "guardrail_category",
    "GuardrailCreate": "guardrail_create",
    "GuardrailFinding": "guardrail_finding",
    "GuardrailList": "guardrail_list",
    "GuardrailUpdate": "guardrail_update",
    "Health": "health",
    "ImagePart": "image_part",
    "Index": "index",
    "IndexCreate": "index_create",
    "IndexList": "index_list",
    "IndexQuery": "index_query",
    "IndexQueryResult": "index_query_result",
    "JsonObject": "json_object",
    "Metadata": "metadata",
    "NameAvailability": "name_availability",
    "Provider": "provider",
    "ProviderCreate": "provider_create",
    "ProviderList": "provider_list",
    "ProviderModel": "provider_model",
    "ProviderTestResult": "provider_test_result",
    "ProviderType": "provider_type",
    "ProviderUpdate": "provider_update",
    "RetrievedChunk": "retrieved_chunk",
    "Session": "session",
    "SessionCreate": "session_create",
    "SessionDelta": "session_delta",
    "SessionErrorEvent": "session_error_event",
    "SessionEventList": "session_event_list",
    "SessionGuardrailEvent": "session_guardrail_event",
    "SessionList": "session_list",
    "SessionMessage": "session_message",
    "SessionMessageSend": "session_message_send",
    "SessionMessageStatus": "session_message_status",
    "SessionRole": "session_role",
    "SessionStatus": "session_status",
    "SessionStopEvent": "session_stop_event",
    "SessionSummary": "session_summary",
    "SessionTextDeltaEvent": "session_text_delta_event",
    "SessionTextEvent": "session_text_event",
    "SessionThinkingDeltaEvent": "session_thinking_delta_event",
    "SessionThinkingEvent": "session_thinking_event",
    "SessionToolCallEvent": "session_tool_call_event",
    "SessionToolResultEvent": "session_tool_result_event",
    "SessionUpdate": "session_update",
    "SessionUserInputEvent": "session_user_input_event",
    "SessionWarningEvent": "session_warning_event",
    "StopReason": "stop_reason",
    "SubAgentList": "sub_agent_list",
    "TextPart": "text_part",
    "ThinkingBlock": "thinking_block",
    "TokenUsage": "token_usage",
    "ToolResultBlock": "tool_result_block",
    "ToolResultStatus": "tool_result_status",
    "ToolResultsSubmit": "tool_results_submit",
    "ToolUseBlock": "tool_use_block",
    "UIChatRequest": "ui_chat_request",
    "UIDataWarningChunk": "ui_data_warning_chunk",
    "UIErrorChunk": "ui_error_chunk",
    "UIFinishChunk": "ui_finish_chunk",
    "UIFinishChunkFinishReason": "ui_finish_chunk_finish_reason",
    "UIFinishStepChunk": "ui_finish_step_chunk",
    "UIMessage": "ui_message",
    "UIMessagePart": "ui_message_part",
    "UIMessageRole": "ui_message_role",
    "UIReasoningDeltaChunk": "ui_reasoning_delta_chunk",
    "UIReasoningEndChunk": "ui_reasoning_end_chunk",
    "UIReasoningStartChunk": "ui_reasoning_start_chunk",
    "UIStartChunk": "ui_start_chunk",
    "UIStartStepChunk": "ui_start_step_chunk",
    "UITextDeltaChunk": "ui_text_delta_chunk",
    "UITextEndChunk": "ui_text_end_chunk",
    "UITextStartChunk": "ui_text_start_chunk",
    "UIToolInputAvailableChunk": "ui_tool_input_available_chunk",
    "UIToolInputStartChunk": "ui_tool_input_start_chunk",
    "UIToolOutputAvailableChunk": "ui_tool_output_available_chunk",
    "UIToolOutputDeniedChunk": "ui_tool_output_denied_chunk",
    "UIToolOutputErrorChunk": "ui_tool_output_error_chunk",
    "UpstreamType": "upstream_type",
    "Version": "version",
}

__all__ = (
    "Agent",
    "AgentBrain",
    "AgentCreate",
    "AgentInstructions",
    "AgentList",
    "AgentUpdate",
    "AudioPart",
    "Chat",
    "ChatContentEvent",
    "ChatDoneEvent",
    "ChatEnd",
    "ChatErrorEvent",
    "ChatGuardrailEvent",
    "ChatList",
    "ChatMessage",
    "ChatMessageInput",
    "ChatMessageList",
    "ChatMessageSend",
    "ChatMetadataEvent",
    "ChatRole",
    "ChatStart",
    "ChatStatus",
    "ClientToolResult",
    "ClientToolSpec",
    "DataPart",
    "Delegation",
    "DelegationList",
    "DelegationMessage",
    "Deleted",
    "Document",
    "DocumentContentType",
    "DocumentCreate",
    "DocumentList",
    "DocumentUpload",
    "ErrorBlock",
    "ErrorCode",
    "ErrorDetail",
    "ErrorDetails",
    "ErrorResponse",
    "FilePart",
    "Guardrail",
    "GuardrailAction",
    "GuardrailCategory",
    "GuardrailCreate",
    "GuardrailFinding",
    "GuardrailList",
    "GuardrailUpdate",
    "Health",
    "ImagePart",
    "Index",
    "IndexCreate",
    "IndexList",
    "IndexQuery",
    "IndexQueryResult",
    "JsonObject",
    "Metadata",
    "NameAvailability",
    "Provider",
    "ProviderCreate",
    "ProviderList",
    "ProviderModel",
    "ProviderTestResult",
    "ProviderType",
    "ProviderUpdate",
    "RetrievedChunk",
    "Session",
    "SessionCreate",
    "SessionDelta",
    "SessionErrorEvent",
    "SessionEventList",
    "SessionGuardrailEvent",
    "SessionList",
    "SessionMessage",
    "SessionMessageSend",
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
    "SessionUpdate",
    "SessionUserInputEvent",
    "SessionWarningEvent",
    "StopReason",
    "SubAgentList",
    "TextPart",
    "ThinkingBlock",
    "TokenUsage",
    "ToolResultBlock",
    "ToolResultStatus",
    "ToolResultsSubmit",
    "ToolUseBlock",
    "UIChatRequest",
    "UIDataWarningChunk",
    "UIErrorChunk",
    "UIFinishChunk",
    "UIFinishChunkFinishReason",
    "UIFinishStepChunk",
    "UIMessage",
    "UIMessagePart",
    "UIMessageRole",
    "UIReasoningDeltaChunk",
    "UIReasoningEndChunk",
    "UIReasoningStartChunk",
    "UIStartChunk",
    "UIStartStepChunk",
    "UITextDeltaChunk",
    "UITextEndChunk",
    "UITextStartChunk",
    "UIToolInputAvailableChunk",
    "UIToolInputStartChunk",
    "UIToolOutputAvailableChunk",
    "UIToolOutputDeniedChunk",
    "UIToolOutputErrorChunk",
    "UpstreamType",
    "Version",
)


def __getattr__(name: str) -> Any:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
