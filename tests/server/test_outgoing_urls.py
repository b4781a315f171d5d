"""The outgoing URL policy: which URLs the server may be given, and which addresses its guarded
client connects to (real sockets on loopback; a resolver that lies is injected as a fault)."""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Iterator
from typing import Any

import pytest
from starlette.applications import Starlette
from starlette.responses import PlainTextResponse
from starlette.routing import Route

from agentkit._http import httpx
from agentkit.server.core.urls import UrlRefused, address_refusal, guarded_client, url_refusal
from tests.loopback import LoopbackApp


@pytest.fixture(scope="module")
def local() -> Iterator[str]:
    async def hello(request: Any) -> PlainTextResponse:
        return PlainTextResponse("hello")

    with LoopbackApp(Starlette(routes=[Route("/", hello)])) as served:
        yield served.origin


REFUSED_ALWAYS = [
    "ftp://example.com/v1",
    "file:///etc/passwd",
    "http://user:secret@example.com/v1",
    "http://10.0.0.8/v1",
    "http://172.16.4.4/v1",
    "http://192.168.1.1/v1",
    "http://100.64.0.1/v1",
    "http://169.254.169.254/latest/meta-data",
    "http://[fe80::1]/v1",
    "http://[fd00::1]/v1",
    "http://0.0.0.0:8000/v1",
    "http://[::]/v1",
    "http://224.0.0.1/v1",
    "http://[::ffff:10.0.0.1]/v1",
    "http://[::ffff:169.254.169.254]/v1",
    "http://[2002:a00:1::]/v1",
    "http:///v1",
]
LOOPBACK = [
    "http://127.0.0.1:8000/v1",
    "http://127.1.2.3/v1",
    "http://[::1]:8000/v1",
    "http://localhost:8000/v1",
    "http://LocalHost./v1",
    "http://api.localhost/v1",
    "http://[::ffff:127.0.0.1]/v1",
    "http://2130706433/v1",
    "http://0x7f.1/v1",
]


class TestUrlRefusal:
    @pytest.mark.parametrize("url", REFUSED_ALWAYS)
    @pytest.mark.parametrize("allow_loopback", [False, True])
    def test_refused_whatever_the_mode(self, url: str, allow_loopback: bool) -> None:
        assert url_refusal(url, allow_loopback=allow_loopback) is not None

    @pytest.mark.parametrize("url", LOOPBACK)
    def test_loopback_only_where_allowed(self, url: str) -> None:
        refusal = url_refusal(url, allow_loopback=False)
        assert refusal is not None and "loopback" in refusal
        assert url_refusal(url, allow_loopback=True) is None

    @pytest.mark.parametrize(
        "url", ["https://api.openai.com/v1", "http://8.8.8.8/v1", "https://[2001:4860::8888]/v1"]
    )
    def test_public_hosts_pass(self, url: str) -> None:
        assert url_refusal(url, allow_loopback=False) is None

    def test_addresses(self) -> None:
        assert address_refusal(ipaddress.ip_address("93.184.216.34"), allow_loopback=False) is None
        assert address_refusal(ipaddress.ip_address("::1"), allow_loopback=True) is None
        found = address_refusal(ipaddress.ip_address("169.254.1.1"), allow_loopback=True)
        assert found == "is a link-local address"


async def _get(url: str, allow_loopback: bool) -> str:
    async with guarded_client(allow_loopback=allow_loopback, timeout=5) as http:
        return (await http.get(url)).text


class TestGuardedClient:
    def test_loopback_is_reached_only_where_allowed(self, local: str) -> None:
        assert asyncio.run(_get(local, True)) == "hello"
        with pytest.raises(UrlRefused, match="loopback"):
            asyncio.run(_get(local, False))

    def test_a_name_is_judged_by_what_it_resolves_to(
        self, local: str, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A public-looking name that resolves to a private address is refused; one that
        resolves to loopback reaches it only where loopback is allowed, at that very address."""
        port = int(local.rsplit(":", 1)[1])
        answers = {"rebinding.example": "10.1.2.3", "dev.example": "127.0.0.1"}

        async def lying_resolver(self: Any, host: str, *args: Any, **kwargs: Any) -> Any:
            address = answers[host]
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port))]

        monkeypatch.setattr(asyncio.BaseEventLoop, "getaddrinfo", lying_resolver)
        with pytest.raises(UrlRefused, match=r"10\.1\.2\.3"):
            asyncio.run(_get(f"http://rebinding.example:{port}/", True))
        assert asyncio.run(_get(f"http://dev.example:{port}/", True)) == "hello"
        with pytest.raises(UrlRefused):
            asyncio.run(_get(f"http://dev.example:{port}/", False))

    def test_redirects_are_not_followed(self, monkeypatch: pytest.MonkeyPatch) -> None:
        async def redirect(request: Any) -> PlainTextResponse:
            return PlainTextResponse("", status_code=302, headers={"location": "http://10.0.0.1/"})

        with LoopbackApp(Starlette(routes=[Route("/", redirect)])) as served:

            async def status() -> int:
                async with guarded_client(allow_loopback=True, timeout=5) as http:
                    return (await http.get(served.origin)).status_code

            assert asyncio.run(status()) == 302

    def test_environment_proxies_are_ignored(
        self, local: str, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A proxy from the environment would connect for the server, unguarded."""
        monkeypatch.setenv("HTTP_PROXY", "http://10.9.9.9:3128")
        monkeypatch.setenv("ALL_PROXY", "http://10.9.9.9:3128")
        assert asyncio.run(_get(local, True)) == "hello"

    def test_refusal_is_a_connect_error(self) -> None:
        assert issubclass(UrlRefused, httpx.ConnectError)
