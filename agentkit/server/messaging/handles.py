"""Handles and emails: how they are written, which are refused, and what they look like stored."""

from __future__ import annotations

import re

from ..core.errors import invalid

__all__ = ["RESERVED_HANDLES", "check_handle", "normal_email", "normal_handle"]

_HANDLE = re.compile(r"[a-z][a-z0-9_-]*")
MIN_LENGTH = 3
MAX_LENGTH = 32

RESERVED_HANDLES = frozenset(
    {
        "admin", "administrator", "agentkit", "api", "help", "me", "moderator", "null", "root",
        "security", "support", "system", "undefined", "everyone", "all", "here", "staff",
    }
)  # fmt: skip


def normal_handle(raw: str) -> str:
    """A handle as it is stored and compared: without its ``@``, lower case, trimmed."""
    return raw.strip().removeprefix("@").lower()


def check_handle(raw: str, field: str = "handle") -> str:
    """The normalised handle, if it may be registered.

    Raises:
        ApiError: 400 VALIDATION_ERROR naming ``field`` and what is wrong with the handle.
    """
    handle = normal_handle(raw)
    if not MIN_LENGTH <= len(handle) <= MAX_LENGTH:
        raise invalid(field, f"must be {MIN_LENGTH} to {MAX_LENGTH} characters long")
    if not _HANDLE.fullmatch(handle):
        raise invalid(
            field,
            "may hold only lower-case letters a-z, digits, '-' and '_', and must start with a letter",
        )
    if handle in RESERVED_HANDLES:
        raise invalid(field, f"{handle!r} is reserved")
    return handle


def normal_email(raw: str) -> str:
    """An email as it is stored and compared: trimmed, lower case."""
    return raw.strip().lower()
