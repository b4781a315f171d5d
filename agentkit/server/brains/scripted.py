from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator
from typing import Any

from .base import BrainError, words


class ScriptedBrain:
    """Deterministic replies driven by commands in the message.

    ``/error`` fails the turn; ``/long N`` streams N deltas ``tok0 `` ...; ``/slow`` waits
    50 ms between deltas; anything else is answered ``You said: <text>``.
    """

    async def reply(self, agent: dict[str, Any], text: str) -> AsyncIterator[str]:
        delay = 0.05 if "/slow" in text else 0.0
        if "/error" in text:
            raise BrainError("the scripted agent failed on purpose (/error)")
        long = re.search(r"/long\s+(\d+)", text)
        chunks = (
            [f"tok{i} " for i in range(int(long.group(1)))] if long else words(f"You said: {text}")
        )
        for chunk in chunks:
            if delay:
                await asyncio.sleep(delay)
            yield chunk
