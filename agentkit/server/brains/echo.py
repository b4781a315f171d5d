from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

from .base import words


class EchoBrain:
    """Streams the user's words back, one word per delta."""

    def __init__(self, delay: float = 0.0) -> None:
        self._delay = delay

    async def reply(self, agent: dict[str, Any], text: str) -> AsyncIterator[str]:
        for index, word in enumerate(words(text)):
            if index and self._delay:
                await asyncio.sleep(self._delay)
            yield word
