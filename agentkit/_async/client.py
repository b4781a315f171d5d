"""``AsyncAgentKit``: the agentkit client.

Every call, plain or streamed, takes one path, driven by its operation id in the contract
registry. ``_call`` (a JSON body), ``_upload`` (multipart) and ``_stream`` look the operation up
(``route_of``), make the ``Idempotency-Key`` when the operation takes one, and ``_build`` the
request: the operation's method and path, its query, the key header, and in
``request.extensions`` the timeout and this client's settings. The shared retry transport sends
it under those settings and reports the retries it made in ``response.extensions``; ``_send``
reads the result into an ``APIResponse``, a stream reads its events.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from functools import cached_property
from typing import TYPE_CHECKING, Any, Self, TypeVar

from .._backlog import BacklogWarning
from .._errors import AgentKitError, APIResponseValidationError, ConfigurationError
from .._hooks import RequestInfo, ResponseInfo, RetryInfo
from .._http import httpx
from .._logging import setup_logging_from_env
from .._response import APIResponse, remember_request_id
from .._routes import Route, route_of, to_json, with_extra_body
from .._settings import (
    MISSING_KEY,
    RETRIES_EXTENSION,
    SETTINGS_EXTENSION,
    USER_AGENT,
    ClientSettings,
)
from .transport import AsyncRetryTransport

if TYPE_CHECKING:
    import random

    from ..realtime import (
        AsyncConnectionFactory,
        AsyncRealtimeClient,
        RealtimeSettings,
        ReconnectPolicy,
    )
    from .resources.agents import AsyncAgents
    from .resources.chats import AsyncChats
    from .resources.completions import AsyncCompletions, AsyncEmbeddings, AsyncModels
    from .resources.contacts import AsyncContacts
    from .resources.conversations import AsyncConversations
    from .resources.feedback import AsyncFeedback
    from .resources.groups import AsyncGroups
    from .resources.guardrails import AsyncGuardrails
    from .resources.identity import AsyncIdentityResource
    from .resources.indexes import AsyncIndexes
    from .resources.messages import AsyncMessages
    from .resources.presence import AsyncDirectory, AsyncPresenceResource
    from .resources.providers import AsyncProviders
    from .resources.sessions import AsyncSessions
    from .resources.uploads import AsyncUploads
    from .resources.webhooks import AsyncWebhooks

    # Streams (and the event models they load) are imported by the resources that open them.
    from .streaming import AsyncStream

__all__ = ["AsyncAgentKit"]

S = TypeVar("S", bound="AsyncStream[Any]")


class _AsyncConnection:
    """The httpx client, with its retry transport, shared by a client and its copies."""

    def __init__(
        self, settings: ClientSettings, transport: httpx.AsyncBaseTransport | None
    ) -> None:
        self._settings = settings
        self._transport = transport
        self._http: httpx.AsyncClient | None = None

    @property
    def http(self) -> httpx.AsyncClient:
        if self._http is None:
            settings = self._settings
            self._http = httpx.AsyncClient(
                base_url=settings.base_url,
                headers=(
                    {"Authorization": f"Bearer {settings.api_key}", "User-Agent": USER_AGENT}
                    if settings.api_key
                    else {"User-Agent": USER_AGENT}
                ),
                timeout=settings.timeout,
                transport=AsyncRetryTransport(
                    self._transport or httpx.AsyncHTTPTransport(), settings
                ),
            )
        return self._http

    async def aclose(self) -> None:
        if self._http is not None:
            await self._http.aclose()


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
        on_backlog_warning: Called with a ``BacklogWarning`` for each recipient a message send
            took past the server's soft backlog threshold.

    Raises:
        ConfigurationError: The base URL is not usable. (Without an API key, given or in
            the environment, the client makes only the calls that take none, such as
            registering a messaging identity; the others raise ``ConfigurationError``.)

    Use it as an async context manager, or call ``aclose()``, to release its connections.
    Creating a client makes no network call.
    """

    _settings: ClientSettings
    _connection: _AsyncConnection
    # Set on the copies ``with_streaming_response`` calls through.
    _open_responses = False

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
        on_backlog_warning: Callable[[BacklogWarning], object] | None = None,
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
        if on_backlog_warning is not None:
            settings = dataclasses.replace(settings, on_backlog_warning=on_backlog_warning)
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
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        stream_idle_timeout: float | None = None,
    ) -> Self:
        """A copy of the client with some settings changed, sharing its connections.

        Use it for a single call (``client.with_options(max_retries=0).agents.get(...)``) or keep
        it; for one method, ``client.agents.get.with_options(...)`` takes the same options.
        Closing either closes both. Options left out keep the client's values; the ``extra_*``
        mappings are added to the client's own.

        Args:
            timeout: Seconds, or an ``httpx.Timeout``, for each request.
            max_retries: Retries of failed requests that are safe to repeat.
            extra_headers: Headers to send with every request.
            extra_query: Query parameters to send with every request.
            extra_body: Fields to add to every JSON or multipart request body (for fields this
                SDK does not know yet). A request without a body is sent without them.
            stream_idle_timeout: Seconds a stream may go without an event.

        Raises:
            ConfigurationError: An option is out of range (a negative timeout or retry count).
        """
        settings = self._settings
        changes: dict[str, Any] = {}
        if timeout is not None:
            if isinstance(timeout, int | float) and timeout <= 0:
                raise ConfigurationError(f"timeout must be more than 0 seconds, not {timeout}")
            changes["timeout"] = (
                timeout if isinstance(timeout, httpx.Timeout) else httpx.Timeout(timeout)
            )
        if max_retries is not None:
            if max_retries < 0:
                raise ConfigurationError(f"max_retries must be 0 or more, not {max_retries}")
            changes["retry"] = dataclasses.replace(settings.retry, max_retries=max_retries)
        if extra_headers:
            changes["default_headers"] = {**settings.default_headers, **extra_headers}
        if extra_query:
            changes["extra_query"] = {**settings.extra_query, **extra_query}
        if extra_body:
            changes["extra_body"] = {**settings.extra_body, **extra_body}
        if stream_idle_timeout is not None:
            changes["stream_idle_timeout"] = stream_idle_timeout
        clone = object.__new__(type(self))
        clone._settings = dataclasses.replace(settings, **changes)
        clone._connection = self._connection
        return clone

    def _opening_responses(self) -> Self:
        """A copy whose calls hand back their response unread (``ResponseOpened``)."""
        clone = self.with_options()
        clone._open_responses = True
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

    @cached_property
    def completions(self) -> AsyncCompletions:
        """Chat completions answered by your agents (the OpenAI-compatible API)."""
        from .resources.completions import AsyncCompletions

        return AsyncCompletions(self)

    @cached_property
    def embeddings(self) -> AsyncEmbeddings:
        """Embeddings from the server's built-in local lexical model."""
        from .resources.completions import AsyncEmbeddings

        return AsyncEmbeddings(self)

    @cached_property
    def models(self) -> AsyncModels:
        """The models you can name, with their capabilities: your agents and the embedding one."""
        from .resources.completions import AsyncModels

        return AsyncModels(self)

    @cached_property
    def feedback(self) -> AsyncFeedback:
        """Up and down votes on agents' messages in chats and sessions."""
        from .resources.feedback import AsyncFeedback

        return AsyncFeedback(self)

    @cached_property
    def identity(self) -> AsyncIdentityResource:
        """Your messaging identity: register, profile, avatar, keys."""
        from .resources.identity import AsyncIdentityResource

        return AsyncIdentityResource(self)

    @cached_property
    def messages(self) -> AsyncMessages:
        """Messages between identities: send, history by seq, read cursors."""
        from .resources.messages import AsyncMessages

        return AsyncMessages(self)

    @cached_property
    def conversations(self) -> AsyncConversations:
        """The conversations your identity belongs to."""
        from .resources.conversations import AsyncConversations

        return AsyncConversations(self)

    @cached_property
    def groups(self) -> AsyncGroups:
        """Group conversations: members, admins, invites."""
        from .resources.groups import AsyncGroups

        return AsyncGroups(self)

    @cached_property
    def contacts(self) -> AsyncContacts:
        """Contacts, blocks, reports and mutes."""
        from .resources.contacts import AsyncContacts

        return AsyncContacts(self)

    @cached_property
    def presence(self) -> AsyncPresenceResource:
        """Who is online."""
        from .resources.presence import AsyncPresenceResource

        return AsyncPresenceResource(self)

    @cached_property
    def directory(self) -> AsyncDirectory:
        """Search the messaging identities."""
        from .resources.presence import AsyncDirectory

        return AsyncDirectory(self)

    @cached_property
    def uploads(self) -> AsyncUploads:
        """Attachments for messages: upload, and download without your key."""
        from .resources.uploads import AsyncUploads

        return AsyncUploads(self)

    @cached_property
    def providers(self) -> AsyncProviders:
        """Upstream LLM providers that agents with the ``openai`` brain call."""
        from .resources.providers import AsyncProviders

        return AsyncProviders(self)

    @cached_property
    def guardrails(self) -> AsyncGuardrails:
        """Checks of your agents' replies that block or flag them."""
        from .resources.guardrails import AsyncGuardrails

        return AsyncGuardrails(self)

    @cached_property
    def webhooks(self) -> AsyncWebhooks:
        """URLs that receive your messaging events, signed; their deliveries."""
        from .resources.webhooks import AsyncWebhooks

        return AsyncWebhooks(self)

    def realtime(
        self,
        *,
        resume_after: str | None = None,
        settings: RealtimeSettings | None = None,
        reconnect: ReconnectPolicy | None = None,
        connection_factory: AsyncConnectionFactory | None = None,
        clock: Callable[[], float] | None = None,
        rng: random.Random | None = None,
        open_timeout: float = 10.0,
    ) -> AsyncRealtimeClient:
        """A realtime client for this client's messaging identity: messages and events as they
        happen, over a websocket. Nothing connects until its ``connect()``.

        Args:
            resume_after: The delivery id you processed last (a persisted ``cursor``): the
                first offline drain starts after it.
            settings: Timeouts and bounds (gap timer, hello timeout, buffer sizes).
            reconnect: The backoff between connection attempts.
            connection_factory: Opens a socket for a URL (default: ``websockets``).
            clock: Seconds from a monotonic clock.
            rng: The randomness of the backoff jitter.
            open_timeout: Seconds to open a socket.

        Raises:
            ConfigurationError: This client has no API key.
        """
        from ..realtime import AsyncRealtimeClient

        return AsyncRealtimeClient(
            self,
            resume_after=resume_after,
            settings=settings,
            reconnect=reconnect,
            connection_factory=connection_factory,
            clock=clock,
            rng=rng,
            open_timeout=open_timeout,
        )

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
        operation_id: str,
        *,
        body: Any = None,
        idempotency_key: str | None = None,
        **params: Any,
    ) -> APIResponse[Any]:
        """Make one call of a JSON operation of the contract and parse its result.

        Args:
            operation_id: The operation, such as ``agents_get``.
            body: Its JSON body: a generated model or plain JSON data.
            idempotency_key: The caller's key; one is made when the operation takes a key.
            params: Its path and query parameters, by name (``None`` leaves one out).
        """
        route = route_of(operation_id)
        key = route.key(idempotency_key)
        request = self._build(route, params, key, json=to_json(body))
        return await self._send(route, request, key)

    async def _upload(
        self,
        operation_id: str,
        files: Mapping[str, Any],
        fields: Mapping[str, str],
        *,
        idempotency_key: str | None = None,
        **params: Any,
    ) -> APIResponse[Any]:
        """Make one call of a ``multipart/form-data`` operation and parse its JSON result.

        The body is httpx's multipart encoding, whose boundary is random for every request
        (a fixed boundary could occur in an uploaded file).
        """
        route = route_of(operation_id)
        key = route.key(idempotency_key)
        request = self._build(route, params, key, files=files, data=fields)
        # Read the body into memory now: every attempt then sends the same bytes, and hooks and
        # validators can see them.
        await request.aread()
        return await self._send(route, request, key)

    def _stream(
        self,
        stream_class: type[S],
        operation_id: str,
        *,
        body: Any = None,
        idempotency_key: str | None = None,
        options: Mapping[str, Any] | None = None,
        **params: Any,
    ) -> S:
        """A stream of ``stream_class`` over the events an operation answers with.

        Nothing is sent until the stream connects. Every connection sends the same request
        (the same ``Idempotency-Key`` for a POST), resuming with ``Last-Event-ID``.

        Args:
            stream_class: The stream to make.
            operation_id: The operation, such as ``sessions_send_stream``.
            body: Its JSON body: a generated model or plain JSON data.
            idempotency_key: The caller's key; one is made when the operation takes a key.
            options: Passed to ``stream_class``, such as ``end_on_eof``.
            params: Its path and query parameters, by name.
        """
        route = route_of(operation_id)
        if route.operation.stream is None:
            raise TypeError(f"{operation_id} does not answer with an event stream")
        key = route.key(idempotency_key)
        settings = self._settings
        base = settings.timeout
        # Reading waits for the next event, so the stream's idle timeout bounds it rather than
        # the timeout of a whole request.
        timeout = httpx.Timeout(
            connect=base.connect,
            read=settings.stream_idle_timeout,
            write=base.write,
            pool=base.pool,
        )
        content = to_json(body)

        def build_request(last_event_id: str | None) -> httpx.Request:
            headers = {"Accept": "text/event-stream", "Cache-Control": "no-cache"}
            if last_event_id:
                headers["Last-Event-ID"] = last_event_id
            return self._build(route, params, key, timeout=timeout, headers=headers, json=content)

        return stream_class(
            http=self._connection.http,
            settings=settings,
            build_request=build_request,
            idempotency_key=key,
            **(options or {}),
        )

    def _build(
        self,
        route: Route,
        params: Mapping[str, Any],
        key: str | None,
        *,
        timeout: httpx.Timeout | None = None,
        headers: dict[str, str] | None = None,
        **content: Any,
    ) -> httpx.Request:
        """The request of one call: the operation's method and path, its query, the key as the
        ``Idempotency-Key`` header, and in its extensions the timeout and this client's settings
        (which the shared transport applies)."""
        settings = self._settings
        if not settings.api_key and route.operation.secured:
            raise ConfigurationError(MISSING_KEY)
        path, query = route.address(params)
        if settings.extra_query:
            query = {**query, **settings.extra_query}
        if settings.extra_body:
            content = with_extra_body(content, settings.extra_body)
        if key is not None:
            headers = {**headers, "Idempotency-Key": key} if headers else {"Idempotency-Key": key}
        try:
            return self._connection.http.build_request(
                route.method,
                path,
                # None rather than an empty dict, which would make httpx parse the URL once more.
                params=query or None,
                headers=headers,
                extensions={
                    "timeout": (timeout or settings.timeout).as_dict(),
                    SETTINGS_EXTENSION: settings,
                },
                **content,
            )
        except (TypeError, ValueError) as exc:
            # A value that cannot be sent (not JSON, say) is the caller's, never the server's.
            raise TypeError(f"{route.operation.id}: the request cannot be sent: {exc}") from exc

    async def _send(
        self, route: Route, request: httpx.Request, key: str | None
    ) -> APIResponse[Any]:
        """Send a call's request, read its JSON result, and describe it as an ``APIResponse``.

        A copy made for ``with_streaming_response`` raises ``ResponseOpened`` with the response
        open instead.
        """
        try:
            response = await self._connection.http.send(request, stream=self._open_responses)
        except httpx.TransportError as exc:
            from .._connection_errors import connection_error

            raise connection_error(request, exc) from exc
        if self._open_responses:
            from .streamed_response import ResponseOpened

            raise ResponseOpened(response, route, key)
        try:
            parsed = route.parse(response.json())
        except AgentKitError:
            raise
        except (KeyError, TypeError, ValueError) as exc:
            raise APIResponseValidationError(
                f"the response does not match the contract: {exc}",
                request_id=response.headers.get("x-request-id"),
            ) from exc
        headers = response.headers
        remember_request_id(parsed, headers.get("x-request-id"))
        return APIResponse(
            status_code=response.status_code,
            headers=headers,
            parsed=parsed,
            retries_taken=response.extensions.get(RETRIES_EXTENSION, 0),
            idempotency_key=key,
        )
