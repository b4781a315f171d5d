"""What request, response and retry hooks receive: plain records with secrets redacted."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

__all__ = ["RequestInfo", "ResponseInfo", "RetryInfo", "redact_headers"]

SENSITIVE_HEADERS = frozenset(
    {"authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key", "api-key"}
)


def redact_headers(headers: Iterable[tuple[str, str]]) -> dict[str, str]:
    """A copy of the headers with credentials replaced by ``<redacted>``."""
    return {
        name.lower(): "<redacted>" if name.lower() in SENSITIVE_HEADERS else value
        for name, value in headers
    }


@dataclass(frozen=True, slots=True)
class RequestInfo:
    """An attempt about to be sent. ``attempt`` counts from 1."""

    method: str
    url: str
    headers: Mapping[str, str]
    attempt: int


@dataclass(frozen=True, slots=True)
class ResponseInfo:
    """A response received for an attempt (before any error is raised for it)."""

    request: RequestInfo
    status_code: int
    headers: Mapping[str, str]
    request_id: str | None
    elapsed: float


@dataclass(frozen=True, slots=True)
class RetryInfo:
    """A retry about to happen: after ``delay`` seconds, attempt number ``attempt`` follows."""

    request: RequestInfo
    attempt: int
    delay: float
    status_code: int | None
    error: str | None
