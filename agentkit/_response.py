"""``APIResponse``: the raw view of a call, from ``method.with_raw_response(...)``."""

from __future__ import annotations

from collections.abc import Awaitable, Mapping
from dataclasses import dataclass
from typing import Generic, TypeAlias, TypeVar

__all__ = ["APIResponse", "AsyncResult", "Result"]

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class APIResponse(Generic[T]):
    """A successful response with everything the transport knows about it.

    Attributes:
        status_code: The HTTP status.
        headers: The response headers.
        parsed: The typed result, the same object the plain call returns.
        retries_taken: How many retries the SDK made before this response.
        idempotency_key: The ``Idempotency-Key`` the request carried, if it was a POST.
    """

    status_code: int
    headers: Mapping[str, str]
    parsed: T
    retries_taken: int
    idempotency_key: str | None

    @property
    def request_id(self) -> str | None:
        """The server's ``X-Request-Id`` for this request."""
        return self.headers.get("x-request-id")

    def parse(self) -> T:
        """The typed result."""
        return self.parsed


Result: TypeAlias = APIResponse[T]
AsyncResult: TypeAlias = Awaitable[APIResponse[T]]
