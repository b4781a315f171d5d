"""Backlog warnings: a send's ``X-Backlog-Warning`` header, read into typed values."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

__all__ = ["BACKLOG_HEADER", "BacklogWarning", "backlog_warnings"]

BACKLOG_HEADER = "x-backlog-warning"


@dataclass(frozen=True, slots=True)
class BacklogWarning:
    """A recipient whose undelivered messages passed the server's soft threshold.

    Attributes:
        handle: The recipient's handle.
        undelivered_count: Its messages neither delivered nor read, this one included.
    """

    handle: str
    undelivered_count: int


def backlog_warnings(headers: Mapping[str, str]) -> list[BacklogWarning]:
    """The warnings a send's response headers carry (none when the header is absent).

    Malformed entries are skipped: the header is advice, never a reason to fail a send.
    """
    raw = headers.get(BACKLOG_HEADER) or ""
    found = []
    for entry in raw.split(","):
        handle, _, count = entry.strip().rpartition("=")
        if handle and count.isascii() and count.isdigit():
            found.append(BacklogWarning(handle, int(count)))
    return found
