"""Running a coroutine at once, in the caller, until it first waits.

Much of a request's work never waits (an answer read from the store, a turn of a brain that
replies at once): awaiting it through the event loop (a task, a shield, a callback) costs more
than the work. ``step`` runs a coroutine in the calling code until it finishes or first waits;
``resume`` is the awaitable that carries on one that waits, exactly as ``await`` would have
(each value it waits for is handed to the task that awaits ``resume``, and each answer back).

The coroutine runs in the caller's task and context, so a coroutine that binds anything to its
task before it first waits (``asyncio.timeout``, a cancel scope) must be started in the task
that will carry it on: ``await resume(...)`` there, never in another task.
"""

from __future__ import annotations

import types
from collections.abc import Coroutine, Generator
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

__all__ = ["Finished", "Waiting", "resume", "step"]

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Finished(Generic[T]):
    """The coroutine finished without waiting: its result."""

    result: T


@dataclass(frozen=True, slots=True)
class Waiting:
    """The coroutine waits: what it waits for, to hand to ``resume``."""

    awaited: Any


def step(coroutine: Coroutine[Any, Any, T]) -> Finished[T] | Waiting:
    """Run ``coroutine`` until it finishes or first waits.

    Raises:
        BaseException: Whatever the coroutine raises before it first waits.
    """
    try:
        awaited = coroutine.send(None)
    except StopIteration as stop:
        return Finished(stop.value)
    return Waiting(awaited)


@types.coroutine
def resume(coroutine: Coroutine[Any, Any, T], waiting: Waiting) -> Generator[Any, Any, T]:
    """Carry on a coroutine that ``step`` left waiting; its result, or what it raises."""
    awaited = waiting.awaited
    while True:
        try:
            answer = yield awaited
        except GeneratorExit:
            coroutine.close()
            raise
        except BaseException as exc:  # a cancellation, say: the coroutine decides what to do
            try:
                awaited = coroutine.throw(exc)
            except StopIteration as stop:
                result: T = stop.value
                return result
        else:
            try:
                awaited = coroutine.send(answer)
            except StopIteration as stop:
                result = stop.value
                return result
