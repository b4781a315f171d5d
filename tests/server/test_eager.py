"""Running a coroutine at once until it first waits, and carrying it on in a task."""

from __future__ import annotations

import asyncio

import pytest

from agentkit.server.core.eager import Finished, Waiting, resume, step


async def _no_wait(value: int) -> int:
    return value * 2


async def _waits(steps: list[str], delay: float) -> str:
    steps.append("before")
    await asyncio.sleep(delay)
    steps.append("after")
    await asyncio.sleep(0)
    return "done"


async def _fails_at_once() -> None:
    raise ValueError("at once")


def test_a_coroutine_that_never_waits_finishes_in_the_call() -> None:
    assert step(_no_wait(21)) == Finished(42)


def test_what_it_raises_before_it_waits_comes_out_of_step() -> None:
    with pytest.raises(ValueError, match="at once"):
        step(_fails_at_once())


def test_a_coroutine_that_waits_is_carried_on_to_its_result() -> None:
    async def main() -> tuple[list[str], str]:
        steps: list[str] = []
        coroutine = _waits(steps, 0.01)
        stepped = step(coroutine)
        assert isinstance(stepped, Waiting)
        assert steps == ["before"]  # ran in the caller up to its first wait
        return steps, await resume(coroutine, stepped)

    steps, result = asyncio.run(main())
    assert (steps, result) == (["before", "after"], "done")


def test_a_task_carrying_one_on_can_be_cancelled_and_the_coroutine_sees_it() -> None:
    seen: list[str] = []

    async def long_wait() -> str:
        try:
            await asyncio.sleep(60)
        except asyncio.CancelledError:
            seen.append("cancelled")
            raise
        return "never"

    async def carry(coroutine: object, waiting: Waiting) -> str:
        return await resume(coroutine, waiting)  # type: ignore[arg-type]

    async def main() -> None:
        coroutine = long_wait()
        stepped = step(coroutine)
        assert isinstance(stepped, Waiting)
        task = asyncio.get_running_loop().create_task(carry(coroutine, stepped))
        await asyncio.sleep(0.01)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task

    asyncio.run(main())
    assert seen == ["cancelled"]


def test_a_caught_cancellation_lets_the_coroutine_answer() -> None:
    async def stubborn() -> str:
        try:
            await asyncio.sleep(60)
        except asyncio.CancelledError:
            return "stopped cleanly"
        return "never"

    async def main() -> str:
        coroutine = stubborn()
        stepped = step(coroutine)
        assert isinstance(stepped, Waiting)

        async def carry() -> str:
            return await resume(coroutine, stepped)

        task = asyncio.get_running_loop().create_task(carry())
        await asyncio.sleep(0.01)
        task.cancel()
        return await task

    assert asyncio.run(main()) == "stopped cleanly"
