"""When to connect again: jittered exponential backoff, reset only by a connection that lasted."""

from __future__ import annotations

import random
from dataclasses import dataclass

__all__ = ["TERMINAL_CLOSE_CODES", "ReconnectPolicy"]

#: Close codes after which the client never connects again: an unknown, wrong or rotated key
#: (4401), a suspended identity (4403), a policy violation (1008).
TERMINAL_CLOSE_CODES = frozenset({4401, 4403, 1008})


@dataclass(frozen=True, slots=True)
class ReconnectPolicy:
    """How the realtime client waits between connection attempts.

    The n-th attempt in a row waits ``base · 2^min(n-1, max_exponent)`` seconds, at most
    ``cap``, then spread by ±``jitter`` (a fraction) so that many clients do not come back at
    once. The count starts again only after a connection stayed up ``stable_after`` seconds.

    Attributes:
        base: Seconds before the first attempt after a drop.
        cap: The longest wait before jitter, in seconds.
        max_exponent: The most doublings.
        jitter: The spread, as a fraction of the wait (0.25: ±25%).
        stable_after: Seconds a connection must stay up before the count resets.
        max_attempts: Attempts in a row before giving up; ``None`` never gives up.
    """

    base: float = 0.5
    cap: float = 30.0
    max_exponent: int = 10
    jitter: float = 0.25
    stable_after: float = 30.0
    max_attempts: int | None = None

    def delay(self, attempt: int, rng: random.Random) -> float:
        """Seconds to wait before attempt number ``attempt`` (1 for the first after a drop)."""
        exponent = min(max(attempt, 1) - 1, self.max_exponent)
        wait = min(self.base * 2.0**exponent, self.cap)
        return max(0.0, wait * (1.0 + self.jitter * (2.0 * rng.random() - 1.0)))
