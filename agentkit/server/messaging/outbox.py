"""The development outbox: where the reference server "sends" its one-time codes.

No email leaves the server. Each code is kept in memory for tests to read
(``ReferenceServer.outbox``) and handed to ``echo`` when one is set (``agentkit serve`` prints
them).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass

from ..core.ids import now

__all__ = ["Outbox", "OutboxMessage"]


@dataclass(frozen=True, slots=True)
class OutboxMessage:
    """One email the server would have sent.

    Attributes:
        to: The address.
        purpose: ``register``, ``rotate_key``, ``recover`` or ``notice``.
        code: The one-time code (``None`` for a notice).
        text: The message as a person would read it.
        sent_at: When, RFC 3339.
    """

    to: str
    purpose: str
    code: str | None
    text: str
    sent_at: str


class Outbox:
    """The emails sent so far, newest last, at most ``limit`` of them."""

    def __init__(self, limit: int = 1000) -> None:
        self._limit = limit
        self._sent: list[OutboxMessage] = []
        self._lock = threading.Lock()
        self.echo: Callable[[OutboxMessage], object] | None = None

    def send(self, to: str, purpose: str, code: str | None, text: str) -> None:
        """Keep a message, and show it through ``echo``."""
        message = OutboxMessage(to, purpose, code, text, now())
        with self._lock:
            self._sent.append(message)
            del self._sent[: -self._limit]
        if self.echo is not None:
            self.echo(message)

    def messages(self) -> list[OutboxMessage]:
        """Every message kept, oldest first."""
        with self._lock:
            return list(self._sent)

    def last_code(self, to: str, purpose: str | None = None) -> str | None:
        """The newest code sent to an address (for one purpose), if any."""
        for message in reversed(self.messages()):
            wanted = purpose is None or message.purpose == purpose
            if message.to == to.strip().lower() and message.code is not None and wanted:
                return message.code
        return None
