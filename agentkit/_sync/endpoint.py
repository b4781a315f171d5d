# Generated from agentkit/_async by scripts/unasync.py: edit the async source, not this file.
"""API methods that return the parsed result, with ``.with_raw_response(...)`` for the rest."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, Concatenate, Generic, ParamSpec, TypeVar

from .._response import APIResponse, Result

__all__ = ["Endpoint", "endpoint"]

P = ParamSpec("P")
R = TypeVar("R")
S = TypeVar("S")


class Endpoint(Generic[P, R]):
    """A bound API method.

    Calling it returns the typed result; ``with_raw_response`` takes the same arguments and
    returns an ``APIResponse`` with the status, headers, request id and retries taken.
    """

    def __init__(self, call: Callable[P, Result[R]], doc: str | None) -> None:
        self._call = call
        self.__doc__ = doc

    def __call__(self, *args: P.args, **kwargs: P.kwargs) -> R:
        response = self._call(*args, **kwargs)
        return response.parsed

    def with_raw_response(self, *args: P.args, **kwargs: P.kwargs) -> APIResponse[R]:
        """Make the same call, returning the ``APIResponse`` rather than only its result."""
        return self._call(*args, **kwargs)


class _EndpointDescriptor(Generic[S, P, R]):
    def __init__(self, fn: Callable[Concatenate[S, P], Result[R]]) -> None:
        self._fn = fn
        self.__doc__ = fn.__doc__
        self.__name__ = fn.__name__

    def __get__(self, instance: S, owner: type[Any] | None = None) -> Endpoint[P, R]:
        return Endpoint(functools.partial(self._fn, instance), self.__doc__)


def endpoint(
    fn: Callable[Concatenate[S, P], Result[R]],
) -> _EndpointDescriptor[S, P, R]:
    """Turn a resource method returning ``APIResponse[R]`` into an ``Endpoint``."""
    return _EndpointDescriptor(fn)
