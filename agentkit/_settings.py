"""Client configuration shared by the sync and async clients.

A request carries the settings it is sent with in its extensions (``SETTINGS_EXTENSION``), so
that client copies made by ``with_options`` can share one transport; the transport hands back
how many retries it made in the response's extensions (``RETRIES_EXTENSION``).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from ._backlog import BacklogWarning
from ._errors import ConfigurationError
from ._hooks import RequestInfo, ResponseInfo, RetryInfo
from ._http import httpx
from ._retry import RetryPolicy
from ._version import __version__

__all__ = [
    "DEFAULT_BASE_URL",
    "DEFAULT_TIMEOUT",
    "MISSING_KEY",
    "RETRIES_EXTENSION",
    "SETTINGS_EXTENSION",
    "ClientSettings",
    "Hooks",
    "checked_base_url",
]

DEFAULT_BASE_URL = "http://127.0.0.1:8765"
DEFAULT_TIMEOUT = httpx.Timeout(60.0, connect=5.0)
USER_AGENT = f"agentkit-python/{__version__}"
#: The request extension holding the ``ClientSettings`` of the call that sent the request.
SETTINGS_EXTENSION = "agentkit.settings"
#: The response extension holding how many retries the transport made before the response.
RETRIES_EXTENSION = "agentkit.retries_taken"


@dataclass(frozen=True, slots=True)
class Hooks:
    """Callbacks run on every attempt. They see redacted headers only."""

    on_request: tuple[Callable[[RequestInfo], object], ...] = ()
    on_response: tuple[Callable[[ResponseInfo], object], ...] = ()
    on_retry: tuple[Callable[[RetryInfo], object], ...] = ()


#: Why a call that takes an API key cannot be made by a client without one.
MISSING_KEY = (
    "No API key: pass api_key=... or set the AGENTKIT_API_KEY environment variable "
    "(`agentkit serve` prints one for the local reference server)."
)


@dataclass(frozen=True, slots=True)
class ClientSettings:
    """Everything a client copy may override with ``with_options``."""

    api_key: str | None = field(repr=False)
    base_url: httpx.URL
    timeout: httpx.Timeout = field(default_factory=lambda: DEFAULT_TIMEOUT)
    retry: RetryPolicy = RetryPolicy()
    default_headers: Mapping[str, str] = field(default_factory=dict)
    hooks: Hooks = Hooks()
    stream_idle_timeout: float | None = 120.0
    max_stream_reconnects: int = 5
    #: Query parameters added to every request.
    extra_query: Mapping[str, object] = field(default_factory=dict)
    #: Fields added to every JSON (or multipart) request body.
    extra_body: Mapping[str, object] = field(default_factory=dict)
    on_backlog_warning: Callable[[BacklogWarning], object] | None = None

    @classmethod
    def resolve(
        cls,
        *,
        api_key: str | None,
        base_url: str | httpx.URL | None,
        timeout: float | httpx.Timeout | None,
        max_retries: int,
        default_headers: Mapping[str, str] | None,
        on_request: Callable[[RequestInfo], object] | None,
        on_response: Callable[[ResponseInfo], object] | None,
        on_retry: Callable[[RetryInfo], object] | None,
        stream_idle_timeout: float | None,
        max_stream_reconnects: int,
    ) -> ClientSettings:
        # Without a key the client makes only the calls that take none (registering a
        # messaging identity, say); the others raise MISSING_KEY before sending.
        key = (api_key if api_key is not None else os.environ.get("AGENTKIT_API_KEY")) or None
        if base_url:
            url, source = str(base_url), "base_url"
        elif os.environ.get("AGENTKIT_BASE_URL"):
            url, source = os.environ["AGENTKIT_BASE_URL"], "AGENTKIT_BASE_URL"
        else:
            url, source = DEFAULT_BASE_URL, "the default base URL"
        return cls(
            api_key=key,
            base_url=checked_base_url(url, source),
            timeout=_as_timeout(timeout),
            retry=RetryPolicy(max_retries=max_retries),
            default_headers=dict(default_headers or {}),
            hooks=Hooks(
                on_request=(on_request,) if on_request else (),
                on_response=(on_response,) if on_response else (),
                on_retry=(on_retry,) if on_retry else (),
            ),
            stream_idle_timeout=stream_idle_timeout,
            max_stream_reconnects=max_stream_reconnects,
        )


def checked_base_url(url: str, source: str = "base_url") -> httpx.URL:
    """``url`` as the base URL of a client, once it is seen to be one.

    Raises:
        ConfigurationError: It is not an ``http://`` or ``https://`` URL with a host (and no
            query or fragment); the message names ``source`` and suggests a fix.
    """
    text = url.strip()
    try:
        parsed = httpx.URL(text.rstrip("/"))
    except (httpx.InvalidURL, TypeError, ValueError) as exc:
        raise ConfigurationError(f"{source} {url!r} is not a URL: {exc}") from None
    if parsed.scheme not in ("http", "https") or not parsed.host:
        if "://" not in text:
            raise ConfigurationError(
                f"{source} {url!r} has no scheme: write it with one, "
                f"such as 'http://{text}' (or https:// for a server behind TLS)"
            )
        raise ConfigurationError(
            f"{source} {url!r} is not an http:// or https:// URL with a host, "
            f"such as {DEFAULT_BASE_URL!r}"
        )
    if parsed.query or parsed.fragment:
        raise ConfigurationError(
            f"{source} {url!r} has a query or fragment: give the API's root, such as "
            f"{str(parsed.copy_with(query=None, fragment=None))!r}"
        )
    if parsed.port is not None and not 0 < parsed.port < 65536:
        raise ConfigurationError(f"{source} {url!r} has no valid port (1 to 65535)")
    return parsed


def _as_timeout(value: float | httpx.Timeout | None) -> httpx.Timeout:
    if value is None:
        return DEFAULT_TIMEOUT
    return value if isinstance(value, httpx.Timeout) else httpx.Timeout(value)
