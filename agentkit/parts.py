"""Constructors for message parts, so you never spell the ``type`` tag yourself.

from agentkit.parts import text, image
client.chats.message(chat_id, [text("What is in this picture?"), image(png_bytes, "image/png")])
"""

from __future__ import annotations

import base64
import json
from typing import Any

from agentkit_api.models import AudioPart, DataPart, FilePart, ImagePart, TextPart
from agentkit_api.types import UNSET

__all__ = ["Part", "audio", "data", "file", "image", "text"]

Part = TextPart | DataPart | FilePart | ImagePart | AudioPart


def _b64(content: bytes | str) -> str:
    return base64.b64encode(content).decode("ascii") if isinstance(content, bytes) else content


def text(content: str) -> TextPart:
    """A text part."""
    return TextPart(type_="text", content=content)


def data(value: Any, mime_type: str = "application/json") -> DataPart:
    """A data part. A value that is not a string is serialised as JSON."""
    content = value if isinstance(value, str) else json.dumps(value, separators=(",", ":"))
    return DataPart(type_="data", content=content, mime_type=mime_type)


def file(content: bytes | str, mime_type: str, filename: str | None = None) -> FilePart:
    """A file part. ``bytes`` are base64-encoded for you; a ``str`` is taken as base64 already."""
    return FilePart(
        type_="file",
        content=_b64(content),
        mime_type=mime_type,
        filename=UNSET if filename is None else filename,
    )


def image(
    content: bytes | str, mime_type: str, *, width: int | None = None, height: int | None = None
) -> ImagePart:
    """An image part. ``bytes`` are base64-encoded for you."""
    return ImagePart(
        type_="image",
        content=_b64(content),
        mime_type=mime_type,
        width=UNSET if width is None else width,
        height=UNSET if height is None else height,
    )


def audio(content: bytes | str, mime_type: str, *, duration: float | None = None) -> AudioPart:
    """An audio part; ``duration`` is in seconds. ``bytes`` are base64-encoded for you."""
    return AudioPart(
        type_="audio",
        content=_b64(content),
        mime_type=mime_type,
        duration=UNSET if duration is None else duration,
    )
