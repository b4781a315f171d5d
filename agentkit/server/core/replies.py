"""What a handler answers with: plain values the request machinery turns into responses.

A handler never builds an HTTP response itself. It returns a ``Reply`` (a JSON body), a
``JsonText`` (a JSON body encoded already), or, for an operation that streams, an
``EventStream`` naming the part of the event log to send; the machinery sends it, and records it
for replay when the request came with an ``Idempotency-Key``. A ``ChunkStream`` is a foreign
stream made on the fly and kept nowhere (OpenAI's completion chunks): it is sent as it is made,
and a replayed key runs it again.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Mapping
from dataclasses import dataclass
from typing import Any

__all__ = ["Answer", "Bytes", "ChunkStream", "EventStream", "JsonText", "Reply"]


@dataclass(frozen=True, slots=True)
class Reply:
    """A JSON answer; a ``status`` of ``None`` is the operation's success status. ``headers``
    are added to the response (such as a warning the operation documents)."""

    body: Any
    status: int | None = None
    headers: Mapping[str, str] | None = None


@dataclass(frozen=True, slots=True)
class JsonText:
    """A JSON answer whose body is encoded already (stored JSON sent as it is)."""

    text: str
    status: int | None = None


@dataclass(frozen=True, slots=True)
class EventStream:
    """A stream of the event log, from the event after ``after``.

    Attributes:
        stream: The stream's name, such as ``session:ses_123``.
        after: The seq it starts after.
        one_turn: End after the first event that ends a turn (a turn's own stream).
        fmt: The wire format: ``sse``, or another one a family registered (``ui``).
        forever: Stay open while idle, until ``deadline`` (a ``time.monotonic()`` value).
        alive: Whether the stream's resource still exists; the stream ends when it is gone.
        headers: Extra response headers.
    """

    stream: str
    after: int
    one_turn: bool = True
    fmt: str = "sse"
    forever: bool = False
    alive: Callable[[], bool] | None = None
    deadline: float | None = None
    headers: Mapping[str, str] | None = None


@dataclass(frozen=True, slots=True)
class ChunkStream:
    """A body a handler writes itself, piece by piece, not stored in the event log: a
    ``text/event-stream`` unless ``media_type`` says otherwise.

    Attributes:
        body: The encoded body, piece by piece.
        headers: Extra response headers.
        media_type: Its content type.
    """

    body: AsyncIterator[bytes]
    headers: Mapping[str, str] | None = None
    media_type: str = "text/event-stream"


@dataclass(frozen=True, slots=True)
class Bytes:
    """A body of raw bytes (a file), sent as ``media_type`` with ``headers``."""

    content: bytes
    media_type: str = "application/octet-stream"
    headers: Mapping[str, str] | None = None


Answer = Reply | JsonText | EventStream | ChunkStream | Bytes
