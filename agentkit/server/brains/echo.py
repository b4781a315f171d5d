"""The ``echo`` brain: streams the user's words back."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

from .base import Turn, words

__all__ = ["EchoBrain"]


class EchoBrain:
    """Repeats the user's message word by word, waiting ``delay`` seconds between words."""

    def __init__(self, delay: float = 0.0) -> None:
        self._delay = delay
        # Without a delay the reply never waits: a turn may run it at once, in the request.
        self.instant = delay <= 0

    async def reply(self, turn: Turn) -> AsyncIterator[str]:
        """Yield the text in words; joined, they give back the exact text."""
        for index, word in enumerate(words(turn.text)):
            if index and self._delay > 0:
                await asyncio.sleep(self._delay)
            yield word
