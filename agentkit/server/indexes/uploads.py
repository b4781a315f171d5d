"""Checking an uploaded document: its form fields, the file's kind and its text.

The routes parse the ``multipart/form-data`` body; this module decides what of it is a document.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..core.errors import ApiError, invalid
from ..core.validation import load_json

__all__ = ["MAX_CHARACTERS", "MAX_TITLE", "FilePart", "Upload", "upload_from"]

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


@dataclass(frozen=True, slots=True)
class FilePart:
    """The ``file`` part of the form as sent.

    Attributes:
        data: Its bytes.
        is_file: Whether it came as a file (with a file name), not as a plain form field.
        content_type: The content type it was sent with (a file only).
        filename: Its file name (a file only).
    """

    data: bytes
    is_file: bool
    content_type: str | None = None
    filename: str | None = None


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


def _text(value: object, name: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise invalid(name, "must be a form field, not a file")
    return value


def upload_from(file: FilePart | None, title: object, metadata: object) -> Upload:
    """The document a form holds: its ``file``, and the optional ``title`` and ``metadata``.

    ``title`` and ``metadata`` are the form's values as parsed: text, ``None`` when left out, or
    anything else for a field sent as a file.

    Raises:
        ApiError: 400 VALIDATION_ERROR naming the bad field, or 415 UNSUPPORTED_MEDIA_TYPE for a
            file that is neither text nor markdown.
    """
    if file is None:
        raise invalid("file", "is required (a file part)")
    checked_title = _text(title, "title")
    if checked_title is not None and len(checked_title) > MAX_TITLE:
        raise invalid("title", f"must be at most {MAX_TITLE} characters")
    fields: dict[str, Any] = {}
    text = _text(metadata, "metadata")
    # An empty form field is a field left blank: no metadata.
    if text is not None and text.strip():
        loaded = load_json(text, "metadata")
        if not isinstance(loaded, dict):
            raise invalid("metadata", "must be a JSON object, as text")
        fields = loaded
    if file.is_file:
        kind, filename = _kind(file.content_type, file.filename), file.filename or None
    else:
        # A plain form field (no file name): its value is the text itself.
        kind, filename = "text/plain", None
    try:
        content = file.data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise invalid("file", f"is not UTF-8 text (byte {exc.start} is invalid)") from None
    if not content:
        raise invalid("file", "is empty")
    if len(content) > MAX_CHARACTERS:
        raise invalid("file", f"must be at most {MAX_CHARACTERS} characters")
    return Upload(content, kind, filename, checked_title, fields)
