"""Outgoing URLs the server is given (a provider's base URL, and any other a caller names): what
they may point at, checked when they are given and again on every connection.

A URL must be ``http`` or ``https``, with a host and no credentials. Its host must not be a
private, loopback, link-local, multicast, reserved or unspecified address (IPv4, IPv6, or IPv4
inside IPv6), nor a ``localhost`` name, unless loopback is allowed (a development server's
``allow_loopback_urls``, for upstreams on the same machine); private and link-local addresses
(cloud metadata services among them) are refused even then.

A name is checked where it is connected to: ``guarded_client`` resolves it, refuses the
connection if any of its addresses is refused, and connects to the address it checked, so a
name that resolves elsewhere on the next lookup (DNS rebinding) gains nothing.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Iterable
from typing import Any

from ..._http import httpx

__all__ = ["UrlRefused", "address_refusal", "guarded_client", "url_refusal"]

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

_LOCAL_NAMES = ("localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback")


class UrlRefused(httpx.ConnectError):
    """A connection the outgoing URL policy refused (an ``httpx.ConnectError``, so callers
    treat it as the unreachable upstream it is)."""


def _embedded_v4(address: IPAddress) -> ipaddress.IPv4Address | None:
    if isinstance(address, ipaddress.IPv4Address):
        return None
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address.sixtofour is not None:
        return address.sixtofour
    if address.teredo is not None:
        return address.teredo[1]
    return None


def address_refusal(address: IPAddress, *, allow_loopback: bool) -> str | None:
    """Why the server must not connect to ``address``, or ``None`` when it may."""
    inner = _embedded_v4(address)
    if inner is not None:
        return address_refusal(inner, allow_loopback=allow_loopback)
    if address.is_loopback:
        return None if allow_loopback else "is a loopback address"
    if address.is_link_local:
        return "is a link-local address"
    if address.is_unspecified:
        return "is an unspecified address"
    if address.is_multicast:
        return "is a multicast address"
    if address.is_private or address.is_reserved:
        return "is a private or reserved address"
    if isinstance(address, ipaddress.IPv4Address) and address in _SHARED:
        return "is a private or reserved address"
    return None


_SHARED = ipaddress.IPv4Network("100.64.0.0/10")  # carrier-grade NAT, not global


def _numeric_host(host: str) -> IPAddress | None:
    """The address a host names without a lookup: dotted, bracketed, or the shorthand forms
    (``2130706433``, ``0x7f.1``) that resolvers read as IPv4."""
    try:
        return ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        pass
    try:
        found = socket.getaddrinfo(host, None, flags=socket.AI_NUMERICHOST)
    except (socket.gaierror, UnicodeError, ValueError):
        return None
    return ipaddress.ip_address(found[0][4][0]) if found else None


def _host_refusal(host: str, *, allow_loopback: bool) -> str | None:
    name = host.rstrip(".").lower()
    if name in _LOCAL_NAMES or name.endswith(".localhost"):
        return None if allow_loopback else "is a loopback name"
    address = _numeric_host(host)
    return address_refusal(address, allow_loopback=allow_loopback) if address else None


def url_refusal(url: str, *, allow_loopback: bool) -> str | None:
    """Why the server must not be given ``url``, or ``None`` when it may (its name, if it has
    one, is checked again where it is connected to)."""
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, TypeError, ValueError):
        return "must be an http or https URL with a host"
    if parsed.scheme not in ("http", "https") or not parsed.host:
        return "must be an http or https URL with a host"
    if parsed.userinfo:
        return "must not carry credentials"
    refusal = _host_refusal(parsed.host, allow_loopback=allow_loopback)
    return f"names a host that {refusal}" if refusal else None


class _GuardedBackend:
    """An httpcore network backend that connects only to addresses the policy allows, and to
    exactly the address it checked."""

    def __init__(self, inner: Any, allow_loopback: bool) -> None:
        self._inner = inner
        self._allow_loopback = allow_loopback

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,  # noqa: ASYNC109 - httpcore's interface names it
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> Any:
        refusal = _host_refusal(host, allow_loopback=self._allow_loopback)
        if refusal:
            raise UrlRefused(f"the host {host!r} {refusal}")
        loop = asyncio.get_running_loop()
        try:
            found = await asyncio.wait_for(
                loop.getaddrinfo(host, port, type=socket.SOCK_STREAM), timeout
            )
        except (OSError, UnicodeError) as exc:
            raise httpx.ConnectError(f"the host {host!r} does not resolve: {exc}") from None
        addresses = [ipaddress.ip_address(str(entry[4][0]).split("%")[0]) for entry in found]
        for address in addresses:
            refusal = address_refusal(address, allow_loopback=self._allow_loopback)
            if refusal:
                raise UrlRefused(f"the host {host!r} resolves to {address}, which {refusal}")
        if not addresses:
            raise httpx.ConnectError(f"the host {host!r} does not resolve")
        return await self._inner.connect_tcp(
            str(addresses[0]),
            port,
            timeout=timeout,
            local_address=local_address,
            socket_options=socket_options,
        )

    async def connect_unix_socket(self, *args: Any, **kwargs: Any) -> Any:
        raise UrlRefused("outgoing connections go to TCP hosts only")

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


def guarded_client(
    *, allow_loopback: bool, timeout: Any, limits: httpx.Limits | None = None
) -> httpx.AsyncClient:
    """An ``httpx.AsyncClient`` for URLs callers gave the server: no redirects, no proxies
    from the environment, and connections only to addresses the policy allows."""
    transport = httpx.AsyncHTTPTransport(limits=limits or httpx.Limits())
    # httpx takes no network backend of its own; its connection pool does.
    pool = transport._pool
    pool._network_backend = _GuardedBackend(pool._network_backend, allow_loopback)  # type: ignore[assignment]
    return httpx.AsyncClient(
        transport=transport, timeout=timeout, follow_redirects=False, trust_env=False
    )
