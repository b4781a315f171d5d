"""Reading a Google-style docstring: its summary paragraph and its ``Args:`` entries."""

from __future__ import annotations

import inspect
import re
from dataclasses import dataclass, field

__all__ = ["Docstring", "parse_docstring"]

_ARGS_HEADERS = frozenset({"args:", "arguments:", "parameters:", "params:"})
_SECTION = re.compile(r"^[A-Z][A-Za-z ]*:$")
_ENTRY = re.compile(r"^\*{0,2}(?P<name>\w+)\s*(?:\([^)]*\))?\s*:\s*(?P<text>.*)$")


@dataclass(frozen=True, slots=True)
class Docstring:
    """What a docstring says about a function.

    Attributes:
        summary: The first paragraph, on one line.
        params: Each documented parameter's description, on one line.
    """

    summary: str = ""
    params: dict[str, str] = field(default_factory=dict)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _summary(lines: list[str]) -> str:
    words: list[str] = []
    for line in lines:
        stripped = line.strip()
        if not stripped or _SECTION.match(stripped):
            break
        words.append(stripped)
    return " ".join(words)


def _params(lines: list[str]) -> dict[str, str]:
    params: dict[str, str] = {}
    starts = [index for index, line in enumerate(lines) if line.strip().lower() in _ARGS_HEADERS]
    if not starts:
        return params
    start = starts[0]
    header_indent = _indent(lines[start])
    entry_indent: int | None = None
    current: str | None = None
    for line in lines[start + 1 :]:
        if not line.strip():
            continue
        indent = _indent(line)
        if indent <= header_indent:
            break
        if entry_indent is None:
            entry_indent = indent
        match = _ENTRY.match(line.strip()) if indent == entry_indent else None
        if match:
            current = match["name"]
            params[current] = match["text"].strip()
        elif current is not None:
            params[current] = f"{params[current]} {line.strip()}".strip()
    return params


def parse_docstring(doc: str | None) -> Docstring:
    """Split a Google-style docstring into its summary and its parameter descriptions.

    The summary is the first paragraph (up to the first blank line or section header). The
    parameters are the entries of the ``Args:`` section (``name: text`` or ``name (type): text``,
    with continuation lines indented further).
    """
    if not doc:
        return Docstring()
    lines = inspect.cleandoc(doc).splitlines()
    return Docstring(summary=_summary(lines), params=_params(lines))
