"""The retry policy: pure decisions about what to retry and how long to wait."""

from __future__ import annotations

import email.utils

import pytest

from agentkit._retry import (
    FailureKind,
    RetryPolicy,
    is_idempotent,
    parse_retry_after,
    retry_delay,
    should_retry_exception,
    should_retry_response,
)


class TestIdempotency:
    @pytest.mark.parametrize("method", ["GET", "HEAD", "PUT", "DELETE", "OPTIONS", "get"])
    def test_safe_methods_are_idempotent(self, method: str) -> None:
        """Methods that HTTP defines as idempotent may always be repeated."""
        assert is_idempotent(method, {})

    def test_post_is_idempotent_only_with_a_key(self) -> None:
        """A POST may be repeated only when it carries an Idempotency-Key."""
        assert not is_idempotent("POST", {})
        assert is_idempotent("POST", {"idempotency-key": "k1"})


class TestResponseRetries:
    @pytest.mark.parametrize("status", [408, 409, 425, 429, 500, 502, 503, 504])
    def test_retryable_statuses_are_retried_when_idempotent(self, status: int) -> None:
        """The documented statuses are retried for idempotent requests."""
        assert should_retry_response(status, {}, idempotent=True)
        assert not should_retry_response(status, {}, idempotent=False)

    @pytest.mark.parametrize("status", [400, 401, 403, 404, 413, 422, 501])
    def test_other_statuses_are_final(self, status: int) -> None:
        """Client errors and unknown server errors are not retried."""
        assert not should_retry_response(status, {}, idempotent=True)

    def test_server_override_wins(self) -> None:
        """x-should-retry decides, whatever the status."""
        assert not should_retry_response(503, {"x-should-retry": "false"}, idempotent=True)
        assert should_retry_response(400, {"x-should-retry": "true"}, idempotent=False)


class TestExceptionRetries:
    def test_unsent_requests_are_always_retried(self) -> None:
        """A request that never reached the server is safe to send again."""
        assert should_retry_exception(FailureKind.NOT_SENT, idempotent=False)

    @pytest.mark.parametrize("kind", [FailureKind.TIMEOUT, FailureKind.BROKEN])
    def test_possibly_sent_requests_need_idempotency(self, kind: FailureKind) -> None:
        """Timeouts and resets are retried only when repeating is harmless."""
        assert should_retry_exception(kind, idempotent=True)
        assert not should_retry_exception(kind, idempotent=False)


class TestRetryAfter:
    def test_milliseconds_header_wins(self) -> None:
        """retry-after-ms is read in milliseconds and preferred."""
        assert parse_retry_after({"retry-after-ms": "1500", "retry-after": "9"}) == 1.5

    def test_seconds(self) -> None:
        """Retry-After in seconds, fractional allowed."""
        assert parse_retry_after({"retry-after": "2.5"}) == 2.5

    def test_http_date(self) -> None:
        """Retry-After as an HTTP date counts from now."""
        when = email.utils.formatdate(1_000_030, usegmt=True)
        assert parse_retry_after({"retry-after": when}, now=1_000_000) == pytest.approx(30)

    def test_past_date_means_now(self) -> None:
        """A date in the past asks for no wait at all."""
        when = email.utils.formatdate(999_000, usegmt=True)
        assert parse_retry_after({"retry-after": when}, now=1_000_000) == 0

    @pytest.mark.parametrize("value", ["soon", "", "-3"])
    def test_garbage_is_ignored(self, value: str) -> None:
        """Values that are neither seconds nor a date give no hint."""
        assert parse_retry_after({"retry-after": value}) is None

    def test_absent(self) -> None:
        """No header, no hint."""
        assert parse_retry_after({}) is None


class TestDelay:
    def test_backoff_doubles_up_to_the_cap(self) -> None:
        """Without jitter the waits are 0.5, 1, 2, 4, 8, 8 s."""
        policy = RetryPolicy(jitter=0.0)
        assert [retry_delay(policy, n) for n in range(6)] == [0.5, 1, 2, 4, 8, 8]

    def test_jitter_only_shortens(self) -> None:
        """Jitter takes up to its fraction away, never adds."""
        policy = RetryPolicy(jitter=0.25)
        assert retry_delay(policy, 1, rand=lambda: 0.0) == 1.0
        assert retry_delay(policy, 1, rand=lambda: 1.0) == 0.75

    def test_retry_after_is_honoured_within_the_cap(self) -> None:
        """A server's hint is used as it is, unless it exceeds max_retry_after."""
        policy = RetryPolicy(jitter=0.0, max_retry_after=10)
        assert retry_delay(policy, 0, 7.0) == 7.0
        assert retry_delay(policy, 0, 11.0) == 0.5
