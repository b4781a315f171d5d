"""Errors the server answers with, always in the shared envelope."""

from __future__ import annotations

from typing import Any

__all__ = ["ApiError", "envelope", "invalid", "invalid_message"]


class ApiError(Exception):
    """An error response: HTTP status, stable code, message, optional details and headers."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        details: dict[str, Any] | None = None,
        *,
        headers: dict[str, str] | None = None,
    ) -> None:
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
        400, "VALIDATION_ERROR", f"{field}: {message}", {"field": field, "location": location}
    )


def invalid_message(field: str, message: str) -> ApiError:
    """A 400 INVALID_CHAT_MESSAGE naming the bad field of the message."""
    return ApiError(
        400, "INVALID_CHAT_MESSAGE", f"{field}: {message}", {"field": field, "location": "body"}
    )
