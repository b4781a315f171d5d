"""Errors in OpenAI's shape, for the OpenAI-compatible routes: OpenAI clients map them."""

from __future__ import annotations

from typing import Any

from ..core.errors import ApiError

__all__ = ["openai_error", "openai_error_body"]

_TYPES = {
    400: "invalid_request_error",
    401: "authentication_error",
    403: "permission_error",
    404: "not_found_error",
    408: "timeout_error",
    409: "conflict_error",
    413: "invalid_request_error",
    415: "invalid_request_error",
    429: "rate_limit_error",
}


def openai_error(error: ApiError) -> dict[str, Any]:
    """OpenAI's error object for an error: ``message``, ``type``, ``param`` and ``code``.

    ``param`` is the field to blame (the ``field`` of the error's details), ``code`` agentkit's
    own code, so that the error table of the contract holds here too.
    """
    details = error.details or {}
    field = details.get("field")
    kind = _TYPES.get(error.status, "server_error" if error.status >= 500 else "api_error")
    return {
        "message": error.message,
        "type": kind,
        "param": field if isinstance(field, str) else None,
        "code": error.code,
    }


def openai_error_body(error: ApiError, request_id: str | None) -> dict[str, Any]:
    """The body of an error response on the OpenAI-compatible routes, quoting the request id
    as agentkit's envelope does (OpenAI clients keep the fields they do not know)."""
    body = openai_error(error)
    if request_id:
        body["request_id"] = request_id
    return {"error": body}
