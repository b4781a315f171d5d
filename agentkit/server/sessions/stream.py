"""A session's stream: the events of all its turns, each event carrying its own id."""

from __future__ import annotations

from ..core.event_log import StreamKind

__all__ = ["SESSION_STREAM"]

SESSION_STREAM = StreamKind("session", numbered=True, reader="sessions_events", busy="SESSION_BUSY")
