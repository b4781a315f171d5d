"""Contains all the data models used in inputs/outputs"""

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
from .retrieved_chunk import RetrievedChunk
from .session import Session
from .session_create import SessionCreate
from .session_delta import SessionDelta
from .session_error_event import SessionErrorEvent
from .session_event_list import SessionEventList
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
from .version import Version

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
    "RetrievedChunk",
    "Session",
    "SessionCreate",
    "SessionDelta",
    "SessionErrorEvent",
    "SessionEventList",
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
    "Version",
)
