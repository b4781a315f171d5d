"""Contains all the data models used in inputs/outputs"""

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .agent import Agent
    from .agent_brain import AgentBrain
    from .agent_chat import AgentChat
    from .agent_chat_list import AgentChatList
    from .agent_chat_message import AgentChatMessage
    from .agent_chat_message_metadata import AgentChatMessageMetadata
    from .agent_chat_message_role import AgentChatMessageRole
    from .agent_chat_status import AgentChatStatus
    from .agent_chat_status_end_event import AgentChatStatusEndEvent
    from .agent_chat_status_end_event_reason import AgentChatStatusEndEventReason
    from .agent_chat_status_event import AgentChatStatusEvent
    from .agent_chat_with_messages import AgentChatWithMessages
    from .agent_chats_deleted import AgentChatsDeleted
    from .agent_create import AgentCreate
    from .agent_handle_claim import AgentHandleClaim
    from .agent_instructions import AgentInstructions
    from .agent_list import AgentList
    from .agent_update import AgentUpdate
    from .api_key import ApiKey
    from .attachment import Attachment
    from .attachment_download import AttachmentDownload
    from .audio_part import AudioPart
    from .chat import Chat
    from .chat_content_event import ChatContentEvent
    from .chat_delegation_event import ChatDelegationEvent
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
    from .code_verification import CodeVerification
    from .contact import Contact
    from .contact_add import ContactAdd
    from .contact_page import ContactPage
    from .contact_status import ContactStatus
    from .contact_update import ContactUpdate
    from .conversation import Conversation
    from .conversation_list import ConversationList
    from .data_part import DataPart
    from .deleted import Deleted
    from .directory_page import DirectoryPage
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
    from .group import Group
    from .group_create import GroupCreate
    from .group_deleted_webhook_event import GroupDeletedWebhookEvent
    from .group_invite import GroupInvite
    from .group_invite_list import GroupInviteList
    from .group_invite_received_webhook_event import GroupInviteReceivedWebhookEvent
    from .group_member import GroupMember
    from .group_member_add import GroupMemberAdd
    from .group_update import GroupUpdate
    from .guardrail import Guardrail
    from .guardrail_action import GuardrailAction
    from .guardrail_category import GuardrailCategory
    from .guardrail_create import GuardrailCreate
    from .guardrail_finding import GuardrailFinding
    from .guardrail_list import GuardrailList
    from .guardrail_model_check import GuardrailModelCheck
    from .guardrail_update import GuardrailUpdate
    from .health import Health
    from .identity import Identity
    from .identity_key import IdentityKey
    from .identity_profile import IdentityProfile
    from .identity_register import IdentityRegister
    from .identity_update import IdentityUpdate
    from .image_part import ImagePart
    from .index import Index
    from .index_create import IndexCreate
    from .index_list import IndexList
    from .index_query import IndexQuery
    from .index_query_result import IndexQueryResult
    from .json_object import JsonObject
    from .key_recovery import KeyRecovery
    from .message import Message
    from .message_content import MessageContent
    from .message_new_webhook_event import MessageNewWebhookEvent
    from .message_page import MessagePage
    from .message_read_webhook_event import MessageReadWebhookEvent
    from .message_send import MessageSend
    from .metadata import Metadata
    from .mute import Mute
    from .mute_create import MuteCreate
    from .mute_kind import MuteKind
    from .mute_list import MuteList
    from .name_availability import NameAvailability
    from .open_ai_chat_completion import OpenAIChatCompletion
    from .open_ai_chat_completion_chunk import OpenAIChatCompletionChunk
    from .open_ai_chat_completion_request import OpenAIChatCompletionRequest
    from .open_ai_chat_completion_request_tool_choice_type_0 import (
        OpenAIChatCompletionRequestToolChoiceType0,
    )
    from .open_ai_chat_message import OpenAIChatMessage
    from .open_ai_chat_message_role import OpenAIChatMessageRole
    from .open_ai_choice import OpenAIChoice
    from .open_ai_chunk_choice import OpenAIChunkChoice
    from .open_ai_chunk_delta import OpenAIChunkDelta
    from .open_ai_content_part import OpenAIContentPart
    from .open_ai_content_part_type import OpenAIContentPartType
    from .open_ai_embedding import OpenAIEmbedding
    from .open_ai_embedding_list import OpenAIEmbeddingList
    from .open_ai_embedding_request import OpenAIEmbeddingRequest
    from .open_ai_embedding_request_encoding_format import (
        OpenAIEmbeddingRequestEncodingFormat,
    )
    from .open_ai_embedding_usage import OpenAIEmbeddingUsage
    from .open_ai_error_object import OpenAIErrorObject
    from .open_ai_error_response import OpenAIErrorResponse
    from .open_ai_finish_reason import OpenAIFinishReason
    from .open_ai_function_call import OpenAIFunctionCall
    from .open_ai_function_call_delta import OpenAIFunctionCallDelta
    from .open_ai_function_definition import OpenAIFunctionDefinition
    from .open_ai_function_definition_parameters import (
        OpenAIFunctionDefinitionParameters,
    )
    from .open_ai_image_url import OpenAIImageUrl
    from .open_ai_image_url_detail import OpenAIImageUrlDetail
    from .open_ai_json_schema import OpenAIJsonSchema
    from .open_ai_json_schema_schema import OpenAIJsonSchemaSchema
    from .open_ai_model import OpenAIModel
    from .open_ai_model_capabilities import OpenAIModelCapabilities
    from .open_ai_model_kind import OpenAIModelKind
    from .open_ai_model_list import OpenAIModelList
    from .open_ai_named_function import OpenAINamedFunction
    from .open_ai_named_tool_choice import OpenAINamedToolChoice
    from .open_ai_response_format_json_object import OpenAIResponseFormatJsonObject
    from .open_ai_response_format_json_schema import OpenAIResponseFormatJsonSchema
    from .open_ai_response_format_text import OpenAIResponseFormatText
    from .open_ai_response_message import OpenAIResponseMessage
    from .open_ai_stream_error import OpenAIStreamError
    from .open_ai_stream_options import OpenAIStreamOptions
    from .open_ai_tool import OpenAITool
    from .open_ai_tool_call import OpenAIToolCall
    from .open_ai_tool_call_delta import OpenAIToolCallDelta
    from .open_ai_usage import OpenAIUsage
    from .participant import Participant
    from .participant_list import ParticipantList
    from .pending_verification import PendingVerification
    from .presence import Presence
    from .presence_batch import PresenceBatch
    from .presence_list import PresenceList
    from .presence_update import PresenceUpdate
    from .presence_update_status import PresenceUpdateStatus
    from .presence_update_webhook_event import PresenceUpdateWebhookEvent
    from .prompt_suggestion import PromptSuggestion
    from .prompt_suggestion_source import PromptSuggestionSource
    from .prompt_suggestions import PromptSuggestions
    from .provider import Provider
    from .provider_create import ProviderCreate
    from .provider_list import ProviderList
    from .provider_model import ProviderModel
    from .provider_model_capabilities import ProviderModelCapabilities
    from .provider_test_result import ProviderTestResult
    from .provider_type import ProviderType
    from .provider_update import ProviderUpdate
    from .rate_limit_warning_webhook_event import RateLimitWarningWebhookEvent
    from .read_cursor import ReadCursor
    from .realtime_ack import RealtimeAck
    from .realtime_error_detail import RealtimeErrorDetail
    from .realtime_error_event import RealtimeErrorEvent
    from .realtime_group_deleted import RealtimeGroupDeleted
    from .realtime_group_deleted_event import RealtimeGroupDeletedEvent
    from .realtime_group_invite_received_event import RealtimeGroupInviteReceivedEvent
    from .realtime_hello import RealtimeHello
    from .realtime_hello_ok import RealtimeHelloOk
    from .realtime_message_new_event import RealtimeMessageNewEvent
    from .realtime_message_read import RealtimeMessageRead
    from .realtime_message_read_event import RealtimeMessageReadEvent
    from .realtime_presence_set import RealtimePresenceSet
    from .realtime_presence_set_status import RealtimePresenceSetStatus
    from .realtime_presence_update_event import RealtimePresenceUpdateEvent
    from .realtime_rate_limit_warning import RealtimeRateLimitWarning
    from .realtime_rate_limit_warning_event import RealtimeRateLimitWarningEvent
    from .realtime_read_ack import RealtimeReadAck
    from .realtime_typing import RealtimeTyping
    from .realtime_typing_start_action import RealtimeTypingStartAction
    from .realtime_typing_start_event import RealtimeTypingStartEvent
    from .realtime_typing_stop_action import RealtimeTypingStopAction
    from .realtime_typing_stop_event import RealtimeTypingStopEvent
    from .report import Report
    from .report_create import ReportCreate
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
    from .sync_ack import SyncAck
    from .sync_ack_result import SyncAckResult
    from .sync_delivery import SyncDelivery
    from .sync_page import SyncPage
    from .text_part import TextPart
    from .thinking_block import ThinkingBlock
    from .token_usage import TokenUsage
    from .tool_result_block import ToolResultBlock
    from .tool_result_status import ToolResultStatus
    from .tool_results_submit import ToolResultsSubmit
    from .tool_use_block import ToolUseBlock
    from .ui_chat_request import UIChatRequest
    from .ui_data_guardrail_chunk import UIDataGuardrailChunk
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
    from .upload_create import UploadCreate
    from .upload_slot import UploadSlot
    from .upstream_type import UpstreamType
    from .version import Version
    from .vote import Vote
    from .vote_cast import VoteCast
    from .vote_list import VoteList
    from .vote_value import VoteValue
    from .webhook_attempt import WebhookAttempt
    from .webhook_delivery import WebhookDelivery
    from .webhook_delivery_list import WebhookDeliveryList
    from .webhook_delivery_status import WebhookDeliveryStatus
    from .webhook_endpoint import WebhookEndpoint
    from .webhook_endpoint_create import WebhookEndpointCreate
    from .webhook_endpoint_list import WebhookEndpointList
    from .webhook_endpoint_secret import WebhookEndpointSecret
    from .webhook_endpoint_update import WebhookEndpointUpdate
    from .webhook_secret_rotate import WebhookSecretRotate
    from .webhook_test_data import WebhookTestData
    from .webhook_test_event import WebhookTestEvent

# Each model is imported from its module the first time it is used.
_MODULES = {
    "Agent": "agent",
    "AgentBrain": "agent_brain",
    "AgentChat": "agent_chat",
    "AgentChatList": "agent_chat_list",
    "AgentChatMessage": "agent_chat_message",
    "AgentChatMessageMetadata": "agent_chat_message_metadata",
    "AgentChatMessageRole": "agent_chat_message_role",
    "AgentChatStatus": "agent_chat_status",
    "AgentChatStatusEndEvent": "agent_chat_status_end_event",
    "AgentChatStatusEndEventReason": "agent_chat_status_end_event_reason",
    "AgentChatStatusEvent": "agent_chat_status_event",
    "AgentChatWithMessages": "agent_chat_with_messages",
    "AgentChatsDeleted": "agent_chats_deleted",
    "AgentCreate": "agent_create",
    "AgentHandleClaim": "agent_handle_claim",
    "AgentInstructions": "agent_instructions",
    "AgentList": "agent_list",
    "AgentUpdate": "agent_update",
    "ApiKey": "api_key",
    "Attachment": "attachment",
    "AttachmentDownload": "attachment_download",
    "AudioPart": "audio_part",
    "Chat": "chat",
    "ChatContentEvent": "chat_content_event",
    "ChatDelegationEvent": "chat_delegation_event",
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
    "CodeVerification": "code_verification",
    "Contact": "contact",
    "ContactAdd": "contact_add",
    "ContactPage": "contact_page",
    "ContactStatus": "contact_status",
    "ContactUpdate": "contact_update",
    "Conversation": "conversation",
    "ConversationList": "conversation_list",
    "DataPart": "data_part",
    "Deleted": "deleted",
    "DirectoryPage": "directory_page",
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
    "Group": "group",
    "GroupCreate": "group_create",
    "GroupDeletedWebhookEvent": "group_deleted_webhook_event",
    "GroupInvite": "group_invite",
    "GroupInviteList": "group_invite_list",
    "GroupInviteReceivedWebhookEvent": "group_invite_received_webhook_event",
    "GroupMember": "group_member",
    "GroupMemberAdd": "group_member_add",
    "GroupUpdate": "group_update",
    "Guardrail": "guardrail",
    "GuardrailAction": "guardrail_action",
    "GuardrailCategory": "guardrail_category",
    "GuardrailCreate": "guardrail_create",
    "GuardrailFinding": "guardrail_finding",
    "GuardrailList": "guardrail_list",
    "GuardrailModelCheck": "guardrail_model_check",
    "GuardrailUpdate": "guardrail_update",
    "Health": "health",
    "Identity": "identity",
    "IdentityKey": "identity_key",
    "IdentityProfile": "identity_profile",
    "IdentityRegister": "identity_register",
    "IdentityUpdate": "identity_update",
    "ImagePart": "image_part",
    "Index": "index",
    "IndexCreate": "index_create",
    "IndexList": "index_list",
    "IndexQuery": "index_query",
    "IndexQueryResult": "index_query_result",
    "JsonObject": "json_object",
    "KeyRecovery": "key_recovery",
    "Message": "message",
    "MessageContent": "message_content",
    "MessageNewWebhookEvent": "message_new_webhook_event",
    "MessagePage": "message_page",
    "MessageReadWebhookEvent": "message_read_webhook_event",
    "MessageSend": "message_send",
    "Metadata": "metadata",
    "Mute": "mute",
    "MuteCreate": "mute_create",
    "MuteKind": "mute_kind",
    "MuteList": "mute_list",
    "NameAvailability": "name_availability",
    "OpenAIChatCompletion": "open_ai_chat_completion",
    "OpenAIChatCompletionChunk": "open_ai_chat_completion_chunk",
    "OpenAIChatCompletionRequest": "open_ai_chat_completion_request",
    "OpenAIChatCompletionRequestToolChoiceType0": "open_ai_chat_completion_request_tool_choice_type_0",
    "OpenAIChatMessage": "open_ai_chat_message",
    "OpenAIChatMessageRole": "open_ai_chat_message_role",
    "OpenAIChoice": "open_ai_choice",
    "OpenAIChunkChoice": "open_ai_chunk_choice",
    "OpenAIChunkDelta": "open_ai_chunk_delta",
    "OpenAIContentPart": "open_ai_content_part",
    "OpenAIContentPartType": "open_ai_content_part_type",
    "OpenAIEmbedding": "open_ai_embedding",
    "OpenAIEmbeddingList": "open_ai_embedding_list",
    "OpenAIEmbeddingRequest": "open_ai_embedding_request",
    "OpenAIEmbeddingRequestEncodingFormat": "open_ai_embedding_request_encoding_format",
    "OpenAIEmbeddingUsage": "open_ai_embedding_usage",
    "OpenAIErrorObject": "open_ai_error_object",
    "OpenAIErrorResponse": "open_ai_error_response",
    "OpenAIFinishReason": "open_ai_finish_reason",
    "OpenAIFunctionCall": "open_ai_function_call",
    "OpenAIFunctionCallDelta": "open_ai_function_call_delta",
    "OpenAIFunctionDefinition": "open_ai_function_definition",
    "OpenAIFunctionDefinitionParameters": "open_ai_function_definition_parameters",
    "OpenAIImageUrl": "open_ai_image_url",
    "OpenAIImageUrlDetail": "open_ai_image_url_detail",
    "OpenAIJsonSchema": "open_ai_json_schema",
    "OpenAIJsonSchemaSchema": "open_ai_json_schema_schema",
    "OpenAIModel": "open_ai_model",
    "OpenAIModelCapabilities": "open_ai_model_capabilities",
    "OpenAIModelKind": "open_ai_model_kind",
    "OpenAIModelList": "open_ai_model_list",
    "OpenAINamedFunction": "open_ai_named_function",
    "OpenAINamedToolChoice": "open_ai_named_tool_choice",
    "OpenAIResponseFormatJsonObject": "open_ai_response_format_json_object",
    "OpenAIResponseFormatJsonSchema": "open_ai_response_format_json_schema",
    "OpenAIResponseFormatText": "open_ai_response_format_text",
    "OpenAIResponseMessage": "open_ai_response_message",
    "OpenAIStreamError": "open_ai_stream_error",
    "OpenAIStreamOptions": "open_ai_stream_options",
    "OpenAITool": "open_ai_tool",
    "OpenAIToolCall": "open_ai_tool_call",
    "OpenAIToolCallDelta": "open_ai_tool_call_delta",
    "OpenAIUsage": "open_ai_usage",
    "Participant": "participant",
    "ParticipantList": "participant_list",
    "PendingVerification": "pending_verification",
    "Presence": "presence",
    "PresenceBatch": "presence_batch",
    "PresenceList": "presence_list",
    "PresenceUpdate": "presence_update",
    "PresenceUpdateStatus": "presence_update_status",
    "PresenceUpdateWebhookEvent": "presence_update_webhook_event",
    "PromptSuggestion": "prompt_suggestion",
    "PromptSuggestionSource": "prompt_suggestion_source",
    "PromptSuggestions": "prompt_suggestions",
    "Provider": "provider",
    "ProviderCreate": "provider_create",
    "ProviderList": "provider_list",
    "ProviderModel": "provider_model",
    "ProviderModelCapabilities": "provider_model_capabilities",
    "ProviderTestResult": "provider_test_result",
    "ProviderType": "provider_type",
    "ProviderUpdate": "provider_update",
    "RateLimitWarningWebhookEvent": "rate_limit_warning_webhook_event",
    "ReadCursor": "read_cursor",
    "RealtimeAck": "realtime_ack",
    "RealtimeErrorDetail": "realtime_error_detail",
    "RealtimeErrorEvent": "realtime_error_event",
    "RealtimeGroupDeleted": "realtime_group_deleted",
    "RealtimeGroupDeletedEvent": "realtime_group_deleted_event",
    "RealtimeGroupInviteReceivedEvent": "realtime_group_invite_received_event",
    "RealtimeHello": "realtime_hello",
    "RealtimeHelloOk": "realtime_hello_ok",
    "RealtimeMessageNewEvent": "realtime_message_new_event",
    "RealtimeMessageRead": "realtime_message_read",
    "RealtimeMessageReadEvent": "realtime_message_read_event",
    "RealtimePresenceSet": "realtime_presence_set",
    "RealtimePresenceSetStatus": "realtime_presence_set_status",
    "RealtimePresenceUpdateEvent": "realtime_presence_update_event",
    "RealtimeRateLimitWarning": "realtime_rate_limit_warning",
    "RealtimeRateLimitWarningEvent": "realtime_rate_limit_warning_event",
    "RealtimeReadAck": "realtime_read_ack",
    "RealtimeTyping": "realtime_typing",
    "RealtimeTypingStartAction": "realtime_typing_start_action",
    "RealtimeTypingStartEvent": "realtime_typing_start_event",
    "RealtimeTypingStopAction": "realtime_typing_stop_action",
    "RealtimeTypingStopEvent": "realtime_typing_stop_event",
    "Report": "report",
    "ReportCreate": "report_create",
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
    "SyncAck": "sync_ack",
    "SyncAckResult": "sync_ack_result",
    "SyncDelivery": "sync_delivery",
    "SyncPage": "sync_page",
    "TextPart": "text_part",
    "ThinkingBlock": "thinking_block",
    "TokenUsage": "token_usage",
    "ToolResultBlock": "tool_result_block",
    "ToolResultStatus": "tool_result_status",
    "ToolResultsSubmit": "tool_results_submit",
    "ToolUseBlock": "tool_use_block",
    "UIChatRequest": "ui_chat_request",
    "UIDataGuardrailChunk": "ui_data_guardrail_chunk",
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
    "UploadCreate": "upload_create",
    "UploadSlot": "upload_slot",
    "UpstreamType": "upstream_type",
    "Version": "version",
    "Vote": "vote",
    "VoteCast": "vote_cast",
    "VoteList": "vote_list",
    "VoteValue": "vote_value",
    "WebhookAttempt": "webhook_attempt",
    "WebhookDelivery": "webhook_delivery",
    "WebhookDeliveryList": "webhook_delivery_list",
    "WebhookDeliveryStatus": "webhook_delivery_status",
    "WebhookEndpoint": "webhook_endpoint",
    "WebhookEndpointCreate": "webhook_endpoint_create",
    "WebhookEndpointList": "webhook_endpoint_list",
    "WebhookEndpointSecret": "webhook_endpoint_secret",
    "WebhookEndpointUpdate": "webhook_endpoint_update",
    "WebhookSecretRotate": "webhook_secret_rotate",
    "WebhookTestData": "webhook_test_data",
    "WebhookTestEvent": "webhook_test_event",
}

__all__ = (
    "Agent",
    "AgentBrain",
    "AgentChat",
    "AgentChatList",
    "AgentChatMessage",
    "AgentChatMessageMetadata",
    "AgentChatMessageRole",
    "AgentChatStatus",
    "AgentChatStatusEndEvent",
    "AgentChatStatusEndEventReason",
    "AgentChatStatusEvent",
    "AgentChatWithMessages",
    "AgentChatsDeleted",
    "AgentCreate",
    "AgentHandleClaim",
    "AgentInstructions",
    "AgentList",
    "AgentUpdate",
    "ApiKey",
    "Attachment",
    "AttachmentDownload",
    "AudioPart",
    "Chat",
    "ChatContentEvent",
    "ChatDelegationEvent",
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
    "CodeVerification",
    "Contact",
    "ContactAdd",
    "ContactPage",
    "ContactStatus",
    "ContactUpdate",
    "Conversation",
    "ConversationList",
    "DataPart",
    "Deleted",
    "DirectoryPage",
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
    "Group",
    "GroupCreate",
    "GroupDeletedWebhookEvent",
    "GroupInvite",
    "GroupInviteList",
    "GroupInviteReceivedWebhookEvent",
    "GroupMember",
    "GroupMemberAdd",
    "GroupUpdate",
    "Guardrail",
    "GuardrailAction",
    "GuardrailCategory",
    "GuardrailCreate",
    "GuardrailFinding",
    "GuardrailList",
    "GuardrailModelCheck",
    "GuardrailUpdate",
    "Health",
    "Identity",
    "IdentityKey",
    "IdentityProfile",
    "IdentityRegister",
    "IdentityUpdate",
    "ImagePart",
    "Index",
    "IndexCreate",
    "IndexList",
    "IndexQuery",
    "IndexQueryResult",
    "JsonObject",
    "KeyRecovery",
    "Message",
    "MessageContent",
    "MessageNewWebhookEvent",
    "MessagePage",
    "MessageReadWebhookEvent",
    "MessageSend",
    "Metadata",
    "Mute",
    "MuteCreate",
    "MuteKind",
    "MuteList",
    "NameAvailability",
    "OpenAIChatCompletion",
    "OpenAIChatCompletionChunk",
    "OpenAIChatCompletionRequest",
    "OpenAIChatCompletionRequestToolChoiceType0",
    "OpenAIChatMessage",
    "OpenAIChatMessageRole",
    "OpenAIChoice",
    "OpenAIChunkChoice",
    "OpenAIChunkDelta",
    "OpenAIContentPart",
    "OpenAIContentPartType",
    "OpenAIEmbedding",
    "OpenAIEmbeddingList",
    "OpenAIEmbeddingRequest",
    "OpenAIEmbeddingRequestEncodingFormat",
    "OpenAIEmbeddingUsage",
    "OpenAIErrorObject",
    "OpenAIErrorResponse",
    "OpenAIFinishReason",
    "OpenAIFunctionCall",
    "OpenAIFunctionCallDelta",
    "OpenAIFunctionDefinition",
    "OpenAIFunctionDefinitionParameters",
    "OpenAIImageUrl",
    "OpenAIImageUrlDetail",
    "OpenAIJsonSchema",
    "OpenAIJsonSchemaSchema",
    "OpenAIModel",
    "OpenAIModelCapabilities",
    "OpenAIModelKind",
    "OpenAIModelList",
    "OpenAINamedFunction",
    "OpenAINamedToolChoice",
    "OpenAIResponseFormatJsonObject",
    "OpenAIResponseFormatJsonSchema",
    "OpenAIResponseFormatText",
    "OpenAIResponseMessage",
    "OpenAIStreamError",
    "OpenAIStreamOptions",
    "OpenAITool",
    "OpenAIToolCall",
    "OpenAIToolCallDelta",
    "OpenAIUsage",
    "Participant",
    "ParticipantList",
    "PendingVerification",
    "Presence",
    "PresenceBatch",
    "PresenceList",
    "PresenceUpdate",
    "PresenceUpdateStatus",
    "PresenceUpdateWebhookEvent",
    "PromptSuggestion",
    "PromptSuggestionSource",
    "PromptSuggestions",
    "Provider",
    "ProviderCreate",
    "ProviderList",
    "ProviderModel",
    "ProviderModelCapabilities",
    "ProviderTestResult",
    "ProviderType",
    "ProviderUpdate",
    "RateLimitWarningWebhookEvent",
    "ReadCursor",
    "RealtimeAck",
    "RealtimeErrorDetail",
    "RealtimeErrorEvent",
    "RealtimeGroupDeleted",
    "RealtimeGroupDeletedEvent",
    "RealtimeGroupInviteReceivedEvent",
    "RealtimeHello",
    "RealtimeHelloOk",
    "RealtimeMessageNewEvent",
    "RealtimeMessageRead",
    "RealtimeMessageReadEvent",
    "RealtimePresenceSet",
    "RealtimePresenceSetStatus",
    "RealtimePresenceUpdateEvent",
    "RealtimeRateLimitWarning",
    "RealtimeRateLimitWarningEvent",
    "RealtimeReadAck",
    "RealtimeTyping",
    "RealtimeTypingStartAction",
    "RealtimeTypingStartEvent",
    "RealtimeTypingStopAction",
    "RealtimeTypingStopEvent",
    "Report",
    "ReportCreate",
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
    "SyncAck",
    "SyncAckResult",
    "SyncDelivery",
    "SyncPage",
    "TextPart",
    "ThinkingBlock",
    "TokenUsage",
    "ToolResultBlock",
    "ToolResultStatus",
    "ToolResultsSubmit",
    "ToolUseBlock",
    "UIChatRequest",
    "UIDataGuardrailChunk",
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
    "UploadCreate",
    "UploadSlot",
    "UpstreamType",
    "Version",
    "Vote",
    "VoteCast",
    "VoteList",
    "VoteValue",
    "WebhookAttempt",
    "WebhookDelivery",
    "WebhookDeliveryList",
    "WebhookDeliveryStatus",
    "WebhookEndpoint",
    "WebhookEndpointCreate",
    "WebhookEndpointList",
    "WebhookEndpointSecret",
    "WebhookEndpointUpdate",
    "WebhookSecretRotate",
    "WebhookTestData",
    "WebhookTestEvent",
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
