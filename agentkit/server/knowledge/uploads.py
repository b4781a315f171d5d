"""Reading an uploaded document: the multipart body, the file's kind and its text."""

from __future__ import annotations

import json
from collections.abc import AsyncGenerator
from dataclasses import dataclass, field
from typing import Any

from starlette.datastructures import Headers, UploadFile
from starlette.formparsers import MultiPartException, MultiPartParser

from ..errors import ApiError, invalid

__all__ = ["MAX_CHARACTERS", "MAX_TITLE", "Upload", "read_upload"]

MAX_CHARACTERS = 500_000
MAX_TITLE = 500

_KINDS = {
    "text/plain": "text/plain",
    "text/markdown": "text/markdown",
    "text/x-markdown": "text/markdown",
}
_GENERIC = {"", "application/octet-stream"}
_SUFFIXES = {".txt": "text/plain", ".md": "text/markdown", ".markdown": "text/markdown"}


@dataclass(frozen=True, slots=True)
class Upload:
    """An uploaded document, checked and decoded."""

    content: str
    content_type: str
    filename: str | None
    title: str | None
    metadata: dict[str, Any] = field(default_factory=dict)


async def _once(raw: bytes) -> AsyncGenerator[bytes, None]:
    yield raw


def _kind(content_type: str | None, filename: str | None) -> str:
    media = (content_type or "").split(";")[0].strip().lower()
    if media in _KINDS:
        return _KINDS[media]
    if media in _GENERIC:
        name = (filename or "").lower()
        for suffix, kind in _SUFFIXES.items():
            if name.endswith(suffix):
                return kind
    shown = media or "no content type"
    raise ApiError(
        "UNSUPPORTED_MEDIA_TYPE",
        f"file: {shown} ({filename or 'no name'}) is not a text or markdown file;"
        " upload text/plain (.txt) or text/markdown (.md, .markdown)",
        {"field": "file", "location": "body", "content_type": media or None},
    )


def _text(value: Any, name: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise invalid(name, "must be a form field, not a file")
    return value


async def read_upload(headers: Headers, raw: bytes) -> Upload:
    """Parse a ``multipart/form-data`` upload (``file``, optional ``title`` and ``metadata``).

    Raises:
        ApiError: 400 VALIDATION_ERROR naming the bad field (``body`` for a body that is not
            multipart at all), or 415 UNSUPPORTED_MEDIA_TYPE for a file that is neither text
            nor markdown.
    """
    if not headers.get("content-type", "").lower().startswith("multipart/form-data"):
        raise invalid("body", "must be multipart/form-data with a `file` part")
    parser = MultiPartParser(headers, _once(raw), max_files=4, max_fields=16)
    try:
        form = await parser.parse()
    except (MultiPartException, UnicodeDecodeError, ValueError, KeyError) as exc:
        raise invalid("body", f"is not valid multipart/form-data ({exc})") from None
    try:
        part = form.get("file")
        if part is None:
            raise invalid("file", "is required (a file part)")
        title = _text(form.get("title"), "title")
        if title is not None and len(title) > MAX_TITLE:
            raise invalid("title", f"must be at most {MAX_TITLE} characters")
        metadata: dict[str, Any] = {}
        text = _text(form.get("metadata"), "metadata")
        # An empty form field is a field left blank: no metadata.
        if text is not None and text.strip():
            try:
                loaded = json.loads(text)
            except (ValueError, RecursionError):
                loaded = None
            if not isinstance(loaded, dict):
                raise invalid("metadata", "must be a JSON object, as text")
            metadata = loaded
        if isinstance(part, UploadFile):
            kind = _kind(part.content_type, part.filename)
            filename = part.filename or None
            data = await part.read()
        else:
            # A plain form field (no file name): its value is the text itself.
            kind, filename, data = "text/plain", None, part.encode()
    finally:
        await form.close()
    try:
        content = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise invalid("file", f"is not UTF-8 text (byte {exc.start} is invalid)") from None
    if not content:
        raise invalid("file", "is empty")
    if len(content) > MAX_CHARACTERS:
        raise invalid("file", f"must be at most {MAX_CHARACTERS} characters")
    return Upload(content, kind, filename, title, metadata)
