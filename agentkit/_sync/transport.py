# Generated from agentkit/_async by scripts/unasync.py: edit the async source, not this file.
"""The retry transport: every request the SDK sends, generated or hand-written, passes through it.

It adds the User-Agent, extra headers and an ``Idempotency-Key`` on POSTs (one per logical call,
the same on every attempt), keeps the bearer token away from other origins, runs the hooks,
retries what the policy in ``agentkit._retry`` allows, and turns error responses into typed
exceptions before anything tries to parse them.
"""

from __future__ import annotations

import time
import uuid

from .._errors import make_status_error
from .._hooks import RequestInfo, ResponseInfo, RetryInfo, redact_headers
from .._http import httpx
from .._logging import logger
from .._retry import (
    FailureKind,
    is_idempotent,
    parse_retry_after,
    retry_delay,
    should_retry_exception,
    should_retry_response,
)
from .._settings import USER_AGENT, CallContext, ClientSettings, current_call

__all__ = ["RetryTransport"]

_NOT_RETRYABLE = (httpx.UnsupportedProtocol, httpx.LocalProtocolError, httpx.ProxyError)


def _failure_kind(exc: httpx.TransportError) -> FailureKind | None:
    if isinstance(exc, _NOT_RETRYABLE):
        return None
    if isinstance(exc, httpx.ConnectError | httpx.ConnectTimeout | httpx.PoolTimeout):
        return FailureKind.NOT_SENT
    if isinstance(exc, httpx.TimeoutException):
        return FailureKind.TIMEOUT
    return FailureKind.BROKEN


def _prepare(request: httpx.Request, call: CallContext) -> None:
    settings = call.settings
    request.headers["User-Agent"] = USER_AGENT
    for name, value in settings.default_headers.items():
        request.headers[name] = value
    if request.method == "POST":
        key = request.headers.get("idempotency-key") or call.idempotency_key
        key = key or f"ak-{uuid.uuid4()}"
        request.headers["Idempotency-Key"] = call.idempotency_key = key
    if request.url.scheme != settings.base_url.scheme or request.url.netloc != (
        settings.base_url.netloc
    ):
        # Signed download URLs and the like must never receive our bearer token.
        request.headers.pop("authorization", None)
    request.extensions["timeout"] = (call.timeout or settings.timeout).as_dict()


class RetryTransport(httpx.BaseTransport):
    """Wraps an httpx transport with agentkit's retry loop, hooks and error mapping.

    Args:
        inner: The transport that actually moves bytes.
        settings: Defaults for requests sent outside an SDK call (the SDK's own calls bring
            theirs through the call context, so client copies can share one transport).
    """

    def __init__(self, inner: httpx.BaseTransport, settings: ClientSettings) -> None:
        self._inner = inner
        self._settings = settings

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        call = current_call() or CallContext(settings=self._settings)
        _prepare(request, call)
        settings = call.settings
        policy = settings.retry
        idempotent = is_idempotent(request.method, request.headers)
        attempt = 1
        while True:
            info = RequestInfo(
                method=request.method,
                url=str(request.url),
                headers=redact_headers(request.headers.multi_items()),
                attempt=attempt,
            )
            for on_request in settings.hooks.on_request:
                on_request(info)
            logger.debug("request %s %s (attempt %d)", info.method, info.url, attempt)
            started = time.monotonic()
            try:
                response = self._inner.handle_request(request)
            except httpx.TransportError as exc:
                kind = _failure_kind(exc)
                retryable = kind is not None and should_retry_exception(kind, idempotent=idempotent)
                if not retryable or attempt > policy.max_retries:
                    call.retries_taken = attempt - 1
                    raise
                delay = retry_delay(policy, attempt - 1)
                _announce_retry(settings, info, attempt + 1, delay, None, repr(exc))
                time.sleep(delay)
                attempt += 1
                continue

            request_id = response.headers.get("x-request-id")
            received = ResponseInfo(
                request=info,
                status_code=response.status_code,
                headers=redact_headers(response.headers.multi_items()),
                request_id=request_id,
                elapsed=time.monotonic() - started,
            )
            for on_response in settings.hooks.on_response:
                on_response(received)
            logger.debug(
                "response %s %s -> %d (request %s)",
                info.method,
                info.url,
                response.status_code,
                request_id,
            )
            if response.status_code < 400:
                call.retries_taken = attempt - 1
                return response
            if attempt <= policy.max_retries and should_retry_response(
                response.status_code, response.headers, idempotent=idempotent
            ):
                delay = retry_delay(policy, attempt - 1, parse_retry_after(response.headers))
                response.close()
                _announce_retry(settings, info, attempt + 1, delay, response.status_code, None)
                time.sleep(delay)
                attempt += 1
                continue

            call.retries_taken = attempt - 1
            try:
                body = response.read()
            finally:
                response.close()
            error = make_status_error(
                response.status_code, body, response.headers, retries_taken=attempt - 1
            )
            logger.info("request %s %s failed: %s", info.method, info.url, error)
            raise error

    def close(self) -> None:
        self._inner.close()


def _announce_retry(
    settings: ClientSettings,
    info: RequestInfo,
    attempt: int,
    delay: float,
    status_code: int | None,
    error: str | None,
) -> None:
    reason = f"status {status_code}" if status_code is not None else error
    logger.info("retrying %s %s in %.2fs after %s", info.method, info.url, delay, reason)
    retry = RetryInfo(
        request=info, attempt=attempt, delay=delay, status_code=status_code, error=error
    )
    for on_retry in settings.hooks.on_retry:
        on_retry(retry)
