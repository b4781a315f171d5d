"""Drive the async client through a sync facade, so that one test body covers both clients.

``AsyncBridge(obj, runner)`` forwards attribute access to ``obj``. Calls whose result is a
coroutine run to completion on the runner's event loop; async iterators become iterators and
async context managers become context managers; the async client's objects are bridged
recursively, while plain values (models, events, pages) pass through as they are.
"""

from __future__ import annotations

import asyncio
import inspect
from typing import Any

_PLAIN = (str, bytes, int, float, bool, type(None), list, dict, tuple)


def _wrap(value: Any, runner: asyncio.Runner) -> Any:
    if inspect.iscoroutine(value):
        return _wrap(runner.run(value), runner)
    if isinstance(value, _PLAIN):
        return value
    module = type(value).__module__ or ""
    if module.startswith("agentkit._async.") or hasattr(value, "__anext__"):
        return AsyncBridge(value, runner)
    if inspect.ismethod(value) and (type(value.__self__).__module__ or "").startswith(
        "agentkit._async."
    ):
        return AsyncBridge(value, runner)
    # A method's variants (``with_raw_response``) are functions of the async modules.
    if inspect.isfunction(value) and (value.__module__ or "").startswith("agentkit._async."):
        return AsyncBridge(value, runner)
    return value


class AsyncBridge:
    """A sync view of an async agentkit object."""

    def __init__(self, target: Any, runner: asyncio.Runner) -> None:
        object.__setattr__(self, "_target", target)
        object.__setattr__(self, "_runner", runner)

    @property
    def unwrapped(self) -> Any:
        return self._target

    def __getattr__(self, name: str) -> Any:
        return _wrap(getattr(self._target, name), self._runner)

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return _wrap(self._target(*args, **kwargs), self._runner)

    def __iter__(self) -> Any:
        iterator = self._target.__aiter__()
        while True:
            try:
                item = self._runner.run(iterator.__anext__())
            except StopAsyncIteration:
                return
            yield _wrap(item, self._runner)

    def __enter__(self) -> Any:
        return _wrap(self._runner.run(self._target.__aenter__()), self._runner)

    def __exit__(self, *exc_info: Any) -> None:
        self._runner.run(self._target.__aexit__(*exc_info))

    def __repr__(self) -> str:
        return f"AsyncBridge({self._target!r})"
