"""The sessions family: persistent conversations with an agent, whose turns run in the
background (text, thinking, server and client tool calls, retrieval from indexes) and log their
events in the session's stream, readable as SSE or as the AI SDK's UI message stream."""

from ..core.family import Family
from ..core.state import ServerState
from .recovery import recover_all, stream_recovery
from .routes import HANDLERS
from .running import RunningTurns
from .stream import SESSION_STREAM
from .ui_stream import UIMessageStream

__all__ = ["FAMILY"]


def _setup(state: ServerState) -> None:
    state.events.add_format("ui", UIMessageStream(state.store))
    running = RunningTurns(state.events)
    state.add_service(running)
    state.events.add_recovery(SESSION_STREAM, stream_recovery(state))
    state.events.add_canceller(SESSION_STREAM, running.cancel)


FAMILY = Family(
    "sessions", HANDLERS, stream_kinds=(SESSION_STREAM,), setup=_setup, startup=recover_all
)
