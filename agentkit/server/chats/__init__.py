"""The chats family: conversations with a target agent, one turn at a time, each turn's events
logged in the chat's stream."""

from ..core.family import Family
from .chat_turn import CHAT_STREAM
from .routes import HANDLERS

__all__ = ["FAMILY"]

FAMILY = Family("chats", HANDLERS, stream_kinds=(CHAT_STREAM,))
