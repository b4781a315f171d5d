"""API methods that return the parsed result, with ``.with_raw_response(...)`` for the rest.

A resource method written with ``@async_endpoint`` returns an ``APIResponse``; reached through a
resource, it is an ``AsyncEndpoint`` whose call returns the parsed result. The endpoint shows the
method's own signature (without ``self``, returning the parsed type) and docstring to
``inspect.signature``, ``help()`` and IPython, and so do its ``with_raw_response`` and
``with_streaming_response`` variants (returning the response around that type). It is made once
per resource object and kept there, so a call pays no per-call construction.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, Concatenate, Generic, ParamSpec, TypeVar

from .._http import httpx
from .._response import APIResponse, AsyncResult

if TYPE_CHECKING:
    from .streamed_response import AsyncResponseContext

__all__ = ["AsyncEndpoint", "async_endpoint"]

P = ParamSpec("P")
R = TypeVar("R")
S = TypeVar("S")
F = TypeVar("F", bound=Callable[..., Any])

_RAW = "APIResponse["
# What the variants of a method return, around its parsed result type.
_RAW_RETURNS = "APIResponse[{}]"
_STREAMING_RETURNS = "AsyncResponseContext[{}]"
_RAW_DOC = """Call ``{name}``, returning its ``APIResponse`` rather than only the result.

The response has the status, headers, request id and retries taken; ``.parsed`` is the result
the plain call returns. The arguments are those of ``{name}``:
"""
_STREAMING_DOC = """Call ``{name}``, giving its response before the body is read.

Use it as ``async with method.with_streaming_response(...) as response:``; read the body with
``response.aiter_bytes()``, ``aread()``, ``json()`` or ``parse()``. The connection is released
when the block ends. The arguments are those of ``{name}``:
"""


def _public_signature(fn: Callable[..., Any]) -> inspect.Signature:
    """``fn``'s signature as callers see it: no ``self``, the parsed result as return type."""
    signature = inspect.signature(fn)
    parameters = list(signature.parameters.values())[1:]
    returns = signature.return_annotation
    if isinstance(returns, str) and returns.startswith(_RAW) and returns.endswith("]"):
        returns = returns[len(_RAW) : -1]
    return signature.replace(parameters=parameters, return_annotation=returns)


class AsyncEndpoint(Generic[P, R]):
    """A bound API method.

    Calling it returns the typed result; ``with_raw_response`` takes the same arguments and
    returns an ``APIResponse`` with the status, headers, request id and retries taken.
    """

    def __init__(
        self, call: Callable[P, AsyncResult[R]], descriptor: _AsyncEndpointDescriptor[Any, P, R]
    ) -> None:
        self._call = call
        self._descriptor = descriptor
        self.__doc__ = descriptor.__doc__
        self.__name__ = descriptor.__name__
        self.__qualname__ = descriptor.__qualname__

    async def __call__(self, *args: P.args, **kwargs: P.kwargs) -> R:
        response = await self._call(*args, **kwargs)
        return response.parsed

    @functools.cached_property
    def with_raw_response(self) -> Callable[P, AsyncResult[R]]:
        """The same call, returning the ``APIResponse`` rather than only its result.

        It takes the method's own arguments (``inspect.signature`` shows them).
        """
        call = self._call

        async def with_raw_response(*args: P.args, **kwargs: P.kwargs) -> APIResponse[R]:
            return await call(*args, **kwargs)

        return self._descriptor.variant(with_raw_response, _RAW_DOC, _RAW_RETURNS)

    @functools.cached_property
    def with_streaming_response(self) -> Callable[P, AsyncResponseContext[R]]:
        """The same call, giving its response before the body is read.

        It takes the method's own arguments (``inspect.signature`` shows them).
        """
        from .streamed_response import AsyncResponseContext

        resource = self._resource()
        function = self._descriptor.function

        def with_streaming_response(*args: P.args, **kwargs: P.kwargs) -> AsyncResponseContext[R]:
            opening = type(resource)(resource._client._opening_responses())
            return AsyncResponseContext(lambda: function(opening, *args, **kwargs))

        return self._descriptor.variant(with_streaming_response, _STREAMING_DOC, _STREAMING_RETURNS)

    def with_options(
        self,
        *,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
    ) -> AsyncEndpoint[P, R]:
        """This method with other settings for its calls; the client is left as it is.

        ``client.agents.get.with_options(timeout=5, max_retries=0)("agt_1")``. The options
        are those of the client's ``with_options``.

        Raises:
            ConfigurationError: An option is out of range.
        """
        resource = self._resource()
        client = resource._client.with_options(
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
        )
        return self._descriptor.__get__(type(resource)(client))

    def _resource(self) -> Any:
        # The resource object the method is bound to (the partial's first argument).
        return self._call.args[0]  # type: ignore[attr-defined]

    @property
    def __signature__(self) -> inspect.Signature:
        return self._descriptor.signature

    @property
    def __wrapped__(self) -> Callable[..., Any]:
        return self._descriptor.function

    def __get__(self, instance: object, owner: type[Any] | None = None) -> AsyncEndpoint[P, R]:
        # Makes the endpoint a routine to ``help()`` (pydoc documents its signature and
        # docstring rather than the class of the object).
        return self

    def __repr__(self) -> str:
        return f"<endpoint {self.__qualname__}{self.__signature__}>"


class _AsyncEndpointDescriptor(Generic[S, P, R]):
    def __init__(self, fn: Callable[Concatenate[S, P], AsyncResult[R]]) -> None:
        self.function = fn
        self.__doc__ = fn.__doc__
        self.__name__ = fn.__name__
        self.__qualname__ = fn.__qualname__
        self._attribute = fn.__name__

    def __set_name__(self, owner: type[Any], name: str) -> None:
        self._attribute = name

    @functools.cached_property
    def signature(self) -> inspect.Signature:
        return _public_signature(self.function)

    def variant(self, function: F, doc: str, returns: str) -> F:
        """Dress ``function``, a variant of this method (such as its raw-response twin), for
        ``inspect.signature``, ``help()`` and IPython: the method's parameters, ``returns``
        around its result type, ``doc`` followed by the method's docstring."""
        name = self.__qualname__
        result = self.signature.return_annotation
        shown = self.signature.replace(return_annotation=returns.format(result))
        own = inspect.cleandoc(self.__doc__ or "")
        function.__signature__ = shown  # type: ignore[attr-defined]
        function.__doc__ = doc.format(name=name) + "\n" + own
        function.__qualname__ = f"{name}.{function.__name__}"
        function.__module__ = self.function.__module__
        function.__wrapped__ = self.function  # type: ignore[attr-defined]
        return function

    def __get__(self, instance: S, owner: type[Any] | None = None) -> AsyncEndpoint[P, R]:
        if instance is None:
            # On the class (``help(AsyncAgents)``): the method as written.
            return self.function  # type: ignore[return-value]
        bound = AsyncEndpoint(functools.partial(self.function, instance), self)
        # Kept on the resource object: later lookups find it there without calling __get__.
        instance.__dict__[self._attribute] = bound
        return bound


def async_endpoint(
    fn: Callable[Concatenate[S, P], AsyncResult[R]],
) -> _AsyncEndpointDescriptor[S, P, R]:
    """Turn a resource method returning ``APIResponse[R]`` into an ``AsyncEndpoint``."""
    return _AsyncEndpointDescriptor(fn)
