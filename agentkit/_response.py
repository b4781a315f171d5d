"""``APIResponse``: the raw view of a call, from ``method.with_raw_response(...)``; and the
request id of a parsed result, from ``request_id_of(result)``.

The generated models have no room for an attribute of ours (they are slotted attrs classes), so
the request id of each result is kept beside it, in a table keyed by the object's identity whose
entries go when their object does.
"""

from __future__ import annotations

import weakref
from collections.abc import Awaitable, Mapping
from dataclasses import dataclass
from typing import Generic, TypeAlias, TypeVar

__all__ = ["APIResponse", "AsyncResult", "Result", "remember_request_id", "request_id_of"]

_REQUEST_IDS: dict[int, tuple[weakref.ref[object], str]] = {}


def remember_request_id(result: object, request_id: str | None) -> None:
    """Keep ``request_id`` as the id of the request that returned ``result``."""
    if request_id is None:
        return
    key = id(result)
    try:
        ref = weakref.ref(result, lambda _, key=key: _REQUEST_IDS.pop(key, None))  # type: ignore[misc]
    except TypeError:  # None, or a value that cannot be referred to weakly
        return
    _REQUEST_IDS[key] = (ref, request_id)


def request_id_of(result: object) -> str | None:
    """The server's request id (``X-Request-Id``) of the call that returned ``result``.

    ``result`` is what an API method returned, such as the ``Agent`` of
    ``client.agents.get(...)``; quote the id when you report a problem. ``None`` for any other
    object.
    """
    entry = _REQUEST_IDS.get(id(result))
    if entry is None or entry[0]() is not result:
        return None
    return entry[1]


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
