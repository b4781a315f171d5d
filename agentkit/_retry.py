"""Retry policy as pure functions: what is retryable, how long to wait.

The loop that applies the policy lives in the retry transport; nothing here does I/O.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import Enum

__all__ = [
    "IDEMPOTENT_METHODS",
    "RETRYABLE_STATUSES",
    "FailureKind",
    "RetryPolicy",
    "is_idempotent",
    "parse_retry_after",
    "retry_delay",
    "should_retry_exception",
    "should_retry_response",
]

RETRYABLE_STATUSES = frozenset({408, 409, 425, 429, 500, 502, 503, 504})
IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "PUT", "DELETE", "OPTIONS"})


class FailureKind(Enum):
    """How a request failed before a response arrived."""

    NOT_SENT = "not_sent"
    """The connection could not be made; the server never saw the request."""
    TIMEOUT = "timeout"
    """The request may have reached the server, which did not answer in time."""
    BROKEN = "broken"
    """The connection broke after the request was (maybe) sent."""


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """How many retries to make and how long to wait between them.

    Attributes:
        max_retries: Retries after the first attempt (0 disables retrying).
        initial_delay: The first backoff, in seconds; it doubles on every retry.
        max_delay: The cap on the exponential backoff.
        max_retry_after: The longest ``Retry-After`` honoured; a longer one falls back to backoff.
        jitter: The fraction of each backoff that is randomised away (0.25: 75 % to 100 %).
    """

    max_retries: int = 2
    initial_delay: float = 0.5
    max_delay: float = 8.0
    max_retry_after: float = 60.0
    jitter: float = 0.25


def is_idempotent(method: str, headers: Mapping[str, str]) -> bool:
    """Whether repeating the request cannot do anything twice."""
    return method.upper() in IDEMPOTENT_METHODS or bool(headers.get("idempotency-key"))


def _header_override(headers: Mapping[str, str]) -> bool | None:
    value = headers.get("x-should-retry", "").strip().lower()
    if value == "true":
        return True
    if value == "false":
        return False
    return None


def should_retry_response(
    status_code: int, response_headers: Mapping[str, str], *, idempotent: bool
) -> bool:
    """Whether a response with this status may be retried.

    A server's ``x-should-retry: true|false`` wins. Otherwise the retryable statuses are retried
    only for idempotent requests, because the server may already have acted on the request.
    """
    override = _header_override(response_headers)
    if override is not None:
        return override
    return idempotent and status_code in RETRYABLE_STATUSES


def should_retry_exception(kind: FailureKind, *, idempotent: bool) -> bool:
    """Whether a request that failed without a response may be retried."""
    return kind is FailureKind.NOT_SENT or idempotent


def parse_retry_after(headers: Mapping[str, str], *, now: float | None = None) -> float | None:
    """Seconds to wait from ``retry-after-ms``, or ``Retry-After`` (seconds or an HTTP date).

    Returns ``None`` when neither header holds a usable, non-negative value.
    """
    raw_ms = headers.get("retry-after-ms")
    if raw_ms is not None:
        try:
            value = float(raw_ms) / 1000
        except ValueError:
            value = -1
        if value >= 0:
            return value
    raw = headers.get("retry-after")
    if raw is None:
        return None
    try:
        value = float(raw)
    except ValueError:
        when = _parse_http_date(raw)
        if when is None:
            return None
        value = max(when - (time.time() if now is None else now), 0.0)
    return value if value >= 0 else None


def _parse_http_date(raw: str) -> float | None:
    from dateutil import parser as date_parser  # deferred: only needed for date-valued headers

    try:
        parsed = date_parser.parse(raw)
    except (ValueError, OverflowError):
        return None
    return float(parsed.timestamp()) if parsed.tzinfo is not None else None


def retry_delay(
    policy: RetryPolicy,
    retries_taken: int,
    retry_after: float | None = None,
    *,
    rand: Callable[[], float] = random.random,
) -> float:
    """The wait before the next attempt.

    A server-sent ``Retry-After`` within ``policy.max_retry_after`` is used as it is; otherwise
    the backoff is ``initial_delay * 2**retries_taken`` capped at ``max_delay``, reduced by up to
    ``jitter`` of itself so that many clients do not retry in step.
    """
    if retry_after is not None and 0 <= retry_after <= policy.max_retry_after:
        return retry_after
    backoff = min(policy.initial_delay * 2.0**retries_taken, policy.max_delay)
    return backoff * (1 - policy.jitter * rand())
