"""``AsyncAgentKit``: the async client."""

from __future__ import annotations

import dataclasses
from collections.abc import Awaitable, Callable, Iterator, Mapping
from contextlib import contextmanager
from functools import cached_property
from typing import TYPE_CHECKING, Any, Self, TypeVar

from .._errors import AgentKitError, APIConnectionError, APIResponseValidationError, APITimeoutError
from .._hooks import RequestInfo, ResponseInfo, RetryInfo
from .._http import httpx
from .._logging import setup_logging_from_env
from .._response import APIResponse
from .._settings import USER_AGENT, CallContext, ClientSettings, calling
from .streaming import AsyncStream
from .transport import AsyncRetryTransport

if TYPE_CHECKING:
    from agentkit_api.client import Client
    from agentkit_api.types import Response

    from .resources.agents import AsyncAgents
    from .resources.chats import AsyncChats
    from .resources.indexes import AsyncIndexes
    from .resources.sessions import AsyncSessions

__all__ = ["AsyncAgentKit"]

S = TypeVar("S", bound=AsyncStream[Any])
T = TypeVar("T")


@contextmanager
def _translated_errors() -> Iterator[None]:
    """Turn transport and parsing failures into agentkit exceptions."""
    try:
        yield
    except AgentKitError:
        raise
    except httpx.TimeoutException as exc:
        raise APITimeoutError() from exc
    except httpx.TransportError as exc:
        raise APIConnectionError(f"Connection error: {exc!r}") from exc
    except (KeyError, TypeError, ValueError) as exc:
        raise APIResponseValidationError(
            f"the response does not match the contract: {exc}"
        ) from exc


class _AsyncConnection:
    """The HTTP client and generated API client shared by a client and its ``with_options`` copies."""

    def __init__(
        self, settings: ClientSettings, transport: httpx.AsyncBaseTransport | None
    ) -> None:
        self._settings = settings
        self._transport = transport
        self._api: Client | None = None

    @property
    def api(self) -> Client:
        if self._api is None:
            from agentkit_api.client import Client

            settings = self._settings
            http = httpx.AsyncClient(
                base_url=settings.base_url,
                headers={"Authorization": f"Bearer {settings.api_key}", "User-Agent": USER_AGENT},
                timeout=settings.timeout,
                transport=AsyncRetryTransport(
                    self._transport or httpx.AsyncHTTPTransport(), settings
                ),
            )
            api = Client(base_url=str(settings.base_url))
            api.set_async_httpx_client(http)
            self._api = api
        return self._api

    @property
    def http(self) -> httpx.AsyncClient:
        return self.api.get_async_httpx_client()

    async def aclose(self) -> None:
        if self._api is not None:
            await self._api.get_async_httpx_client().aclose()


class AsyncAgentKit:
    """The async agentkit client.

    Args:
        api_key: Your API key; defaults to the ``AGENTKIT_API_KEY`` environment variable.
        base_url: The API's base URL; defaults to ``AGENTKIT_BASE_URL``, then the local server
            (``http://127.0.0.1:8765``).
        timeout: Seconds, or an ``httpx.Timeout``; defaults to 60 s (5 s to connect).
        max_retries: Retries of failed requests that are safe to repeat (default 2).
        default_headers: Headers sent with every request.
        on_request: Called before every attempt with a ``RequestInfo`` (secrets redacted).
        on_response: Called after every attempt with a ``ResponseInfo``.
        on_retry: Called before every retry with a ``RetryInfo``.
        stream_idle_timeout: Seconds a stream may go without an event before it fails
            (keep-alive comments do not count); ``None`` waits forever.
        max_stream_reconnects: How often a dropped stream is resumed before it fails.
        transport: An ``httpx.AsyncBaseTransport`` to send requests with (for tests and proxies).

    Raises:
        AgentKitError: When no API key is given or found in the environment.

    Use it as an async context manager, or call ``aclose()``, to release its connections.
    Creating a client makes no network call.
    """

    _settings: ClientSettings
    _connection: _AsyncConnection

    def __init__(
        self,
        *,
        api_key: str | None = None,
        base_url: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int = 2,
        default_headers: Mapping[str, str] | None = None,
        on_request: Callable[[RequestInfo], object] | None = None,
        on_response: Callable[[ResponseInfo], object] | None = None,
        on_retry: Callable[[RetryInfo], object] | None = None,
        stream_idle_timeout: float | None = 120.0,
        max_stream_reconnects: int = 5,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        setup_logging_from_env()
        settings = ClientSettings.resolve(
            api_key=api_key,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            on_request=on_request,
            on_response=on_response,
            on_retry=on_retry,
            stream_idle_timeout=stream_idle_timeout,
            max_stream_reconnects=max_stream_reconnects,
        )
        self._settings = settings
        self._connection = _AsyncConnection(settings, transport)

    @property
    def base_url(self) -> str:
        """The API's base URL."""
        return str(self._settings.base_url)

    @property
    def timeout(self) -> httpx.Timeout:
        """The timeout applied to each request."""
        return self._settings.timeout

    @property
    def max_retries(self) -> int:
        """How many retries a failed, repeatable request gets."""
        return self._settings.retry.max_retries

    def with_options(
        self,
        *,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        stream_idle_timeout: float | None = None,
    ) -> Self:
        """A copy of the client with some settings changed, sharing its connections.

        Use it for a single call (``client.with_options(max_retries=0).agents.get(...)``) or keep
        it. Closing either closes both.
        """
        settings = self._settings
        changes: dict[str, Any] = {}
        if timeout is not None:
            changes["timeout"] = (
                timeout if isinstance(timeout, httpx.Timeout) else httpx.Timeout(timeout)
            )
        if max_retries is not None:
            changes["retry"] = dataclasses.replace(settings.retry, max_retries=max_retries)
        if extra_headers:
            changes["default_headers"] = {**settings.default_headers, **extra_headers}
        if stream_idle_timeout is not None:
            changes["stream_idle_timeout"] = stream_idle_timeout
        clone = object.__new__(type(self))
        clone._settings = dataclasses.replace(settings, **changes)
        clone._connection = self._connection
        return clone

    @cached_property
    def agents(self) -> AsyncAgents:
        """Create and manage agents."""
        from .resources.agents import AsyncAgents

        return AsyncAgents(self)

    @cached_property
    def chats(self) -> AsyncChats:
        """Chats with a target agent."""
        from .resources.chats import AsyncChats

        return AsyncChats(self)

    @cached_property
    def sessions(self) -> AsyncSessions:
        """Persistent sessions with an agent: streamed turns, retrieval, client tools."""
        from .resources.sessions import AsyncSessions

        return AsyncSessions(self)

    @cached_property
    def indexes(self) -> AsyncIndexes:
        """Knowledge indexes of documents that sessions retrieve from."""
        from .resources.indexes import AsyncIndexes

        return AsyncIndexes(self)

    async def aclose(self) -> None:
        """Release the client's connections."""
        await self._connection.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={self.base_url!r})"

    async def _call(
        self,
        fn: Callable[..., Awaitable[Response[Any]]],
        *args: Any,
        idempotency_key: str | None = None,
        **kwargs: Any,
    ) -> APIResponse[Any]:
        """Run a generated operation as one logical call of this client."""
        call = CallContext(settings=self._settings, idempotency_key=idempotency_key)
        with calling(call), _translated_errors():
            response = await fn(*args, client=self._connection.api, **kwargs)
        return APIResponse(
            status_code=int(response.status_code),
            headers=response.headers,
            parsed=response.parsed,
            retries_taken=call.retries_taken,
            idempotency_key=call.idempotency_key,
        )

    async def _request(
        self,
        method: str,
        path: str,
        parse: Callable[[Any], T],
        *,
        idempotency_key: str | None = None,
        **request: Any,
    ) -> APIResponse[T]:
        """Send a request built here rather than by the generated client (such as a multipart
        upload) through the same transport, and parse its JSON body with ``parse``."""
        call = CallContext(settings=self._settings, idempotency_key=idempotency_key)
        http = self._connection.http
        built = http.build_request(method, path, **request)
        # Read a multipart body into memory now: every attempt then sends the same bytes, and
        # hooks and validators can see them.
        await built.aread()
        with calling(call), _translated_errors():
            response = await http.send(built)
            try:
                parsed = parse(response.json())
            finally:
                await response.aclose()
        return APIResponse(
            status_code=response.status_code,
            headers=response.headers,
            parsed=parsed,
            retries_taken=call.retries_taken,
            idempotency_key=call.idempotency_key,
        )

    def _stream(
        self,
        stream_class: type[S],
        method: str,
        path: str,
        *,
        body: Any = None,
        params: Mapping[str, Any] | None = None,
        idempotency_key: str | None = None,
        **options: Any,
    ) -> S:
        """A stream of ``stream_class`` over the SSE response of one request (sent lazily)."""

        def build_request(http: httpx.AsyncClient, last_event_id: str | None) -> httpx.Request:
            headers = {"Accept": "text/event-stream", "Cache-Control": "no-cache"}
            if last_event_id:
                headers["Last-Event-ID"] = last_event_id
            return http.build_request(method, path, json=body, params=params, headers=headers)

        return stream_class(
            http=self._connection.http,
            settings=self._settings,
            build_request=build_request,
            idempotency_key=idempotency_key,
            **options,
        )
