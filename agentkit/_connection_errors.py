"""The exception for a request that got no answer, saying where it went and what to try.

A refused connection to a loopback address is most often a local reference server that is not
running: the message says how to start it.
"""

from __future__ import annotations

from ._errors import APIConnectionError, APITimeoutError
from ._http import httpx

__all__ = ["connection_error"]

_LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})
_DEFAULT_PORT = 8765


def _reason(exc: BaseException) -> str:
    text = str(exc).strip()
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _start_hint(url: httpx.URL) -> str:
    port = url.port or (443 if url.scheme == "https" else 80)
    command = "agentkit serve" if port == _DEFAULT_PORT else f"agentkit serve --port {port}"
    return (
        f" Nothing accepts connections on {url.host}:{port}: is the agentkit reference server "
        f"running? Start it with `{command}` (it prints the API key to use), or set "
        "AGENTKIT_BASE_URL to your server."
    )


def connection_error(
    request: httpx.Request, exc: httpx.TransportError, *, what: str = "the request"
) -> APIConnectionError:
    """The agentkit exception for ``exc``, raised while sending ``request`` or reading its answer.

    A timeout is an ``APITimeoutError``; anything else an ``APIConnectionError``. Both name the
    URL (``url``) and the transport's reason.
    """
    url = request.url
    if isinstance(exc, httpx.TimeoutException):
        return APITimeoutError(f"{what} to {url} timed out ({_reason(exc)})", url=str(url))
    message = f"{what} to {url} failed: {_reason(exc)}."
    if isinstance(exc, httpx.ConnectError) and url.host in _LOOPBACK:
        message += _start_hint(url)
    return APIConnectionError(message, url=str(url))
