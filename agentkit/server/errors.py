"""Errors the server answers with, always in the shared envelope."""

from __future__ import annotations

from typing import Any

__all__ = ["ApiError"]


class ApiError(Exception):
    """An error response: HTTP status, stable code, message and optional details."""

    def __init__(
        self, status: int, code: str, message: str, details: dict[str, Any] | None = None
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.details = details

    def detail(self, request_id: str | None) -> dict[str, Any]:
        """The ``ErrorDetail`` object of the envelope."""
        body: dict[str, Any] = {"code": self.code, "message": self.message}
        if request_id:
            body["request_id"] = request_id
        if self.details is not None:
            body["details"] = self.details
        return body


def invalid(field: str, message: str, location: str = "body") -> ApiError:
    """A 400 VALIDATION_ERROR naming the bad field."""
    return ApiError(
        400, "VALIDATION_ERROR", f"{field}: {message}", {"field": field, "location": location}
    )


def invalid_message(field: str, message: str) -> ApiError:
    """A 400 INVALID_CHAT_MESSAGE naming the bad field."""
    return ApiError(400, "INVALID_CHAT_MESSAGE", f"{field}: {message}", {"field": field})
