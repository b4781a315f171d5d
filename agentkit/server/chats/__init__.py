"""The chats family: conversations with a target agent, one turn at a time, each turn's events
logged in the chat's stream."""

from ..core.family import Family
from ..core.state import ServerState
from .chat_turn import CHAT_STREAM, recover_all_chats, stream_recovery
from .routes import HANDLERS

__all__ = ["FAMILY"]


def _setup(state: ServerState) -> None:
    state.events.add_recovery(CHAT_STREAM, stream_recovery(state))


FAMILY = Family(
    "chats", HANDLERS, stream_kinds=(CHAT_STREAM,), setup=_setup, startup=recover_all_chats
)
