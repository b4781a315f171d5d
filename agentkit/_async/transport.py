"""The retry transport: every request the SDK sends passes through it.

A request brings the settings it must be sent with in ``request.extensions`` (see
``agentkit._settings``); one sent outside an SDK call gets the transport's own. The transport
adds the User-Agent and extra headers (and an ``Idempotency-Key`` on a POST that has none),
keeps the bearer token away from other origins, runs the hooks, retries what the policy in
``agentkit._retry`` allows, and turns error responses, and redirects (the API sends none, and
they are never followed), into typed exceptions before anything tries to parse them. It
reports the retries it made in ``response.extensions`` or on the raised error; it never
changes the caller's state.
"""

from __future__ import annotations

import asyncio
import time

from .._errors import APIStatusError, make_status_error
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
from .._routes import new_idempotency_key
from .._settings import RETRIES_EXTENSION, SETTINGS_EXTENSION, USER_AGENT, ClientSettings, Hooks

__all__ = ["AsyncRetryTransport"]

_NOT_RETRYABLE = (httpx.UnsupportedProtocol, httpx.LocalProtocolError, httpx.ProxyError)


def _failure_kind(exc: httpx.TransportError) -> FailureKind | None:
    if isinstance(exc, _NOT_RETRYABLE):
        return None
    if isinstance(exc, httpx.ConnectError | httpx.ConnectTimeout | httpx.PoolTimeout):
        return FailureKind.NOT_SENT
    if isinstance(exc, httpx.TimeoutException):
        return FailureKind.TIMEOUT
    return FailureKind.BROKEN


def _prepare(request: httpx.Request, settings: ClientSettings) -> None:
    headers = request.headers
    headers["User-Agent"] = USER_AGENT
    for name, value in settings.default_headers.items():
        headers[name] = value
    if request.method == "POST" and "idempotency-key" not in headers:
        # SDK calls bring their key; a POST sent straight through the shared httpx client gets
        # one here so that retrying it is safe.
        headers["Idempotency-Key"] = new_idempotency_key()
    base = settings.base_url
    if request.url.scheme != base.scheme or request.url.netloc != base.netloc:
        # Signed download URLs and the like must never receive our bearer token.
        headers.pop("authorization", None)


def _request_info(request: httpx.Request, attempt: int) -> RequestInfo:
    return RequestInfo(
        method=request.method,
        url=str(request.url),
        headers=redact_headers(request.headers.multi_items()),
        attempt=attempt,
    )


class AsyncRetryTransport(httpx.AsyncBaseTransport):
    """Wraps an httpx transport with agentkit's retry loop, hooks and error mapping.

    Args:
        inner: The transport that actually moves bytes.
        settings: The settings of requests that bring none in their extensions (those sent
            outside an SDK call).
    """

    def __init__(self, inner: httpx.AsyncBaseTransport, settings: ClientSettings) -> None:
        self._inner = inner
        self._settings = settings

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        settings: ClientSettings = request.extensions.get(SETTINGS_EXTENSION) or self._settings
        _prepare(request, settings)
        policy = settings.retry
        hooks = settings.hooks
        # Hook records are only built for hooks that will read them.
        observed = bool(hooks.on_request or hooks.on_response or hooks.on_retry)
        idempotent = is_idempotent(request.method, request.headers)
        attempt = 1
        while True:
            info = _request_info(request, attempt) if observed else None
            if info is not None:
                for on_request in hooks.on_request:
                    on_request(info)
            logger.debug("request %s %s (attempt %d)", request.method, request.url, attempt)
            started = time.monotonic()
            try:
                response = await self._inner.handle_async_request(request)
            except httpx.TransportError as exc:
                kind = _failure_kind(exc)
                retryable = kind is not None and should_retry_exception(kind, idempotent=idempotent)
                if not retryable or attempt > policy.max_retries:
                    raise
                delay = retry_delay(policy, attempt - 1)
                _announce_retry(hooks, request, info, attempt + 1, delay, None, repr(exc))
                await asyncio.sleep(delay)
                attempt += 1
                continue

            request_id = response.headers.get("x-request-id")
            if info is not None and hooks.on_response:
                received = ResponseInfo(
                    request=info,
                    status_code=response.status_code,
                    headers=redact_headers(response.headers.multi_items()),
                    request_id=request_id,
                    elapsed=time.monotonic() - started,
                )
                for on_response in hooks.on_response:
                    on_response(received)
            logger.debug(
                "response %s %s -> %d (request %s)",
                request.method,
                request.url,
                response.status_code,
                request_id,
            )
            if response.status_code < 300:
                response.extensions = {**response.extensions, RETRIES_EXTENSION: attempt - 1}
                return response
            if response.status_code < 400:
                try:
                    body = await response.aread()
                finally:
                    await response.aclose()
                error = _redirect_error(response, body, attempt - 1)
                logger.info("request %s %s failed: %s", request.method, request.url, error)
                raise error
            if attempt <= policy.max_retries and should_retry_response(
                response.status_code, response.headers, idempotent=idempotent
            ):
                delay = retry_delay(policy, attempt - 1, parse_retry_after(response.headers))
                await response.aclose()
                _announce_retry(
                    hooks, request, info, attempt + 1, delay, response.status_code, None
                )
                await asyncio.sleep(delay)
                attempt += 1
                continue

            try:
                body = await response.aread()
            finally:
                await response.aclose()
            error = make_status_error(
                response.status_code, body, response.headers, retries_taken=attempt - 1
            )
            logger.info("request %s %s failed: %s", request.method, request.url, error)
            raise error

    async def aclose(self) -> None:
        await self._inner.aclose()


def _redirect_error(response: httpx.Response, body: bytes, retries_taken: int) -> APIStatusError:
    # The API never redirects: a 3xx comes from something else at base_url (a proxy, a login
    # page, a moved host). It is not followed: that would send the request, and its bearer
    # token, wherever the Location says.
    location = response.headers.get("location")
    where = f" to {location}" if location else " (no Location)"
    return APIStatusError(
        f"the server answered with a redirect{where}, which agentkit does not follow; "
        "check base_url",
        status_code=response.status_code,
        request_id=response.headers.get("x-request-id"),
        details={"location": location} if location else None,
        body=body,
        headers=response.headers,
        retries_taken=retries_taken,
    )


def _announce_retry(
    hooks: Hooks,
    request: httpx.Request,
    info: RequestInfo | None,
    attempt: int,
    delay: float,
    status_code: int | None,
    error: str | None,
) -> None:
    reason = f"status {status_code}" if status_code is not None else error
    logger.info("retrying %s %s in %.2fs after %s", request.method, request.url, delay, reason)
    if info is None:
        return
    retry = RetryInfo(
        request=info, attempt=attempt, delay=delay, status_code=status_code, error=error
    )
    for on_retry in hooks.on_retry:
        on_retry(retry)
