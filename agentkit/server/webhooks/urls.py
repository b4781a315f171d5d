"""Which URLs webhooks may be sent to: http or https, no credentials, and only public
addresses (loopback too on a development server), checked when an endpoint is registered and
again before every attempt, since a name may resolve elsewhere later."""

from __future__ import annotations

import asyncio
import ipaddress
import socket

from ..._http import httpx

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


def _refusal(address: str, allow_loopback: bool) -> str | None:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if ip.is_loopback:
        return None if allow_loopback else "is a loopback address"
    if ip.is_link_local:
        return "is a link-local address"
    if ip.is_private or ip.is_unspecified or ip.is_reserved or ip.is_multicast:
        return "is a private or reserved address"
    if not ip.is_global:
        return "is not a public address"
    return None


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
        problem = _refusal(str(address[0]), allow_loopback)
        if problem:
            raise UrlRefused(f"the host {url.host!r} {problem} ({address[0]})")
