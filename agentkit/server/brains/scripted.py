"""The ``scripted`` brain: deterministic replies driven by commands in the message."""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator

from .base import BrainError, Turn, words
from .scripted_session import DELEGATE as _DELEGATE
from .scripted_session import delegation_answer

__all__ = ["ScriptedBrain"]

_LONG = re.compile(r"/long\s+(\d+)")
_MAX_LONG = 100_000


class ScriptedBrain:
    """Replies by script, for tests.

    ``/error`` fails the turn (an AGENT_ERROR ``error`` event, no ``done``); ``/long N`` streams N
    deltas ``tok0 ``, ``tok1 ``, ...; ``/delegate AGENT MESSAGE`` hands the message to a
    sub-agent, where the turn can delegate, and quotes its reply; ``/slow`` waits ``slow_delay`` seconds (50 ms by default)
    before each delta; anything else is answered ``You said: <text>``, word by word.
    """

    def __init__(self, slow_delay: float = 0.05) -> None:
        self._slow_delay = slow_delay

    async def reply(self, turn: Turn) -> AsyncIterator[str]:
        """Yield the scripted reply."""
        text = turn.text
        delay = self._slow_delay if "/slow" in text else 0.0
        if "/error" in text:
            if delay:
                await asyncio.sleep(delay)
            raise BrainError("the scripted agent failed on purpose (/error)")
        long = _LONG.search(text)
        delegated = _DELEGATE.search(text)
        if long:
            chunks = [f"tok{i} " for i in range(min(int(long.group(1)), _MAX_LONG))]
        elif delegated and turn.delegate is not None:
            agent, message = delegated.group(1), delegated.group(2).strip()
            outcome = await turn.delegate({"agent": agent, "message": message})
            chunks = words(delegation_answer(agent, outcome))
        else:
            chunks = words(f"You said: {text}")
        for chunk in chunks:
            # Even without a delay, yield to the loop so a long stream cannot starve the server.
            await asyncio.sleep(delay)
            yield chunk
