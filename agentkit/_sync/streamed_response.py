# Generated from agentkit/_async by scripts/unasync.py: edit the async source, not this file.
"""``method.with_streaming_response(...)``: a call's response before its body is read.

The endpoint makes the call on a copy of the client that opens responses rather than reading
them: the request path hands the open response back as ``ResponseOpened``, which ends the
resource method there, and the endpoint gives it to the caller as an
``StreamedResponse``. The body is read only when asked for, and the connection is released
when the ``with`` block ends.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any, Generic, TypeVar

from .._errors import AgentKitError, APIResponseValidationError
from .._http import httpx
from .._response import Result
from .._routes import Route
from .._settings import RETRIES_EXTENSION

__all__ = ["ResponseContext", "ResponseOpened", "StreamedResponse"]

R = TypeVar("R")


class ResponseOpened(Exception):
    """The open response of a call made for ``with_streaming_response``."""

    def __init__(self, response: httpx.Response, route: Route, key: str | None) -> None:
        super().__init__(route.operation.id)
        self.response = response
        self.route = route
        self.key = key


class StreamedResponse(Generic[R]):
    """A successful response whose body has not been read yet.

    Attributes:
        http_response: The underlying ``httpx.Response``.
        idempotency_key: The ``Idempotency-Key`` the request carried, if any.
    """

    def __init__(self, opened: ResponseOpened) -> None:
        self.http_response = opened.response
        self.idempotency_key = opened.key
        self._route = opened.route

    @property
    def status_code(self) -> int:
        """The HTTP status."""
        return self.http_response.status_code

    @property
    def headers(self) -> Mapping[str, str]:
        """The response headers."""
        return self.http_response.headers

    @property
    def request_id(self) -> str | None:
        """The server's ``X-Request-Id`` for this request."""
        request_id: str | None = self.http_response.headers.get("x-request-id")
        return request_id

    @property
    def retries_taken(self) -> int:
        """How many retries the SDK made before this response."""
        return int(self.http_response.extensions.get(RETRIES_EXTENSION, 0))

    def iter_bytes(self) -> Iterator[bytes]:
        """The body as it arrives."""
        for chunk in self.http_response.iter_bytes():
            yield chunk

    def read(self) -> bytes:
        """The whole body."""
        return self.http_response.read()

    def json(self) -> Any:
        """The body as JSON data."""
        self.http_response.read()
        return self.http_response.json()

    def parse(self) -> R:
        """The body as the operation's typed result.

        Raises:
            APIResponseValidationError: The body is not what the contract promises.
        """
        data = self.json()
        try:
            parsed: R = self._route.parse(data)
        except AgentKitError:
            raise
        except (KeyError, TypeError, ValueError) as exc:
            raise APIResponseValidationError(
                f"the response does not match the contract: {exc}", request_id=self.request_id
            ) from exc
        return parsed

    def close(self) -> None:
        """Release the connection without reading the rest of the body."""
        self.http_response.close()


class ResponseContext(Generic[R]):
    """``with`` gives the call's ``StreamedResponse`` and closes it afterwards."""

    def __init__(self, call: Callable[[], Result[Any]]) -> None:
        self._call = call
        self._response: StreamedResponse[R] | None = None

    def __enter__(self) -> StreamedResponse[R]:
        try:
            self._call()
        except ResponseOpened as opened:
            self._response = StreamedResponse(opened)
            return self._response
        raise AgentKitError("this method does not make a single request to stream")

    def __exit__(self, *exc_info: object) -> None:
        if self._response is not None:
            self._response.close()
