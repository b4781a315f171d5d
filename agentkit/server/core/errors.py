"""Errors the server answers with, always in the shared envelope.

An error names its code only: the HTTP status it is sent with is the contract's
(``ErrorCode.x-statuses``), so the server cannot answer a code with another status than the one
clients are told to expect.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..._contract import contract

__all__ = ["ApiError", "ErrorBody", "envelope", "invalid", "invalid_message"]


class ApiError(Exception):
    """An error response: stable code, message, optional details and headers.

    Its ``status`` is the one the contract gives the code.

    Raises:
        ValueError: The contract documents no such error code (a mistake in the server).
    """

    def __init__(
        self,
        code: str,
        message: str,
        details: dict[str, Any] | None = None,
        *,
        headers: dict[str, str] | None = None,
    ) -> None:
        status = contract().status_of(code)
        if status is None:
            raise ValueError(f"the contract documents no error code {code!r}")
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.details = details
        self.headers = headers or {}

    def detail(self, request_id: str | None = None) -> dict[str, Any]:
        """The ``ErrorDetail`` object of the envelope."""
        detail: dict[str, Any] = envelope(self.code, self.message, request_id, self.details)[
            "error"
        ]
        return detail


ErrorBody = Callable[[ApiError, str | None], dict[str, Any]]
"""The body of an error in a foreign format (an error and the request id), for operations that
speak one (``x-foreign-format``) instead of the envelope."""


def envelope(
    code: str, message: str, request_id: str | None, details: dict[str, Any] | None = None
) -> dict[str, Any]:
    """The error envelope ``{"error": {...}}`` of every non-2xx response."""
    error: dict[str, Any] = {"code": code, "message": message}
    if request_id:
        error["request_id"] = request_id
    if details is not None:
        error["details"] = details
    return {"error": error}


def invalid(field: str, message: str, location: str = "body") -> ApiError:
    """A 400 VALIDATION_ERROR naming the bad field and where it was sent."""
    return ApiError(
        "VALIDATION_ERROR", f"{field}: {message}", {"field": field, "location": location}
    )


def invalid_message(field: str, message: str) -> ApiError:
    """A 400 INVALID_CHAT_MESSAGE naming the bad field of the message."""
    return ApiError(
        "INVALID_CHAT_MESSAGE", f"{field}: {message}", {"field": field, "location": "body"}
    )
