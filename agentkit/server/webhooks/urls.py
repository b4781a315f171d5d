"""Which URLs webhooks may be sent to: http or https, no credentials, and only public
addresses (loopback too on a development server), checked when an endpoint is registered; each
attempt's connection is checked again by the guarded client (``core.urls``), since a name may
resolve elsewhere later."""

from __future__ import annotations

import asyncio
import ipaddress
import socket

from ..._http import httpx
from ..core.urls import address_refusal

__all__ = ["UrlRefused", "check_address", "check_url"]

_RESOLVE_TIMEOUT = 5.0


class UrlRefused(Exception):
    """The URL cannot receive webhooks; the message says why."""


def check_url(url: str) -> httpx.URL:
    """The URL parsed, if its form is one webhooks may be sent to.

    Raises:
        UrlRefused: Not http or https, no host, credentials, a fragment, or control characters.
    """
    if any(ord(c) < 0x21 or ord(c) == 0x7F for c in url):
        raise UrlRefused("must not contain spaces or control characters")
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, TypeError, ValueError):
        raise UrlRefused("must be an http or https URL with a host") from None
    if parsed.scheme not in ("http", "https") or not parsed.host:
        raise UrlRefused("must be an http or https URL with a host")
    if parsed.userinfo:
        raise UrlRefused("must not carry credentials (user:password@)")
    if parsed.fragment:
        raise UrlRefused("must not carry a fragment")
    return parsed


async def check_address(url: httpx.URL, allow_loopback: bool) -> None:
    """Resolve the URL's host and refuse it unless every address it has is public (or
    loopback, when allowed).

    Raises:
        UrlRefused: The host does not resolve, or names an address webhooks may not reach.
    """
    loop = asyncio.get_running_loop()
    port = url.port or (443 if url.scheme == "https" else 80)
    try:
        async with asyncio.timeout(_RESOLVE_TIMEOUT):
            found = await loop.getaddrinfo(url.host, port, type=socket.SOCK_STREAM)
    except (OSError, TimeoutError, UnicodeError):
        raise UrlRefused(f"the host {url.host!r} does not resolve") from None
    for *_, address in found:
        ip = ipaddress.ip_address(str(address[0]).split("%", 1)[0])
        problem = address_refusal(ip, allow_loopback=allow_loopback)
        if problem:
            raise UrlRefused(f"the host {url.host!r} {problem} ({address[0]})")
