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
from .data_part import DataPart
from .deleted import Deleted
from .error_code import ErrorCode
from .error_detail import ErrorDetail
from .error_details import ErrorDetails
from .error_response import ErrorResponse
from .file_part import FilePart
from .health import Health
from .image_part import ImagePart
from .metadata import Metadata
from .name_availability import NameAvailability
from .text_part import TextPart
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
    "DataPart",
    "Deleted",
    "ErrorCode",
    "ErrorDetail",
    "ErrorDetails",
    "ErrorResponse",
    "FilePart",
    "Health",
    "ImagePart",
    "Metadata",
    "NameAvailability",
    "TextPart",
    "Version",
)
