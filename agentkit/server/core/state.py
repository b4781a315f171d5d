"""What every request shares for the life of the app: the server's state."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TypeVar, cast

from .auth import RateLimiter
from .config import ServerConfig
from .event_log import EventLog
from .idempotency import IdempotencyGuard

if TYPE_CHECKING:
    from ..store import Store

__all__ = ["ServerState"]

_Service = TypeVar("_Service")


@dataclass
class ServerState:
    """The settings, the store, the event log, idempotency, rate limits, and the families'
    own long-lived parts (``services``, one per type, such as the session turns running now)."""

    config: ServerConfig
    store: Store
    events: EventLog
    idempotency: IdempotencyGuard
    limiter: RateLimiter
    services: dict[type, object] = field(default_factory=dict)

    def add_service(self, service: object) -> None:
        """Keep a family's long-lived part, found again by its type."""
        self.services[type(service)] = service

    def find_service(self, kind: type[_Service]) -> _Service | None:
        """The long-lived part of this type, if there is one (a ``Cluster`` on PostgreSQL)."""
        return cast("_Service | None", self.services.get(kind))

    def service(self, kind: type[_Service]) -> _Service:
        """The long-lived part of this type a family added."""
        return cast(_Service, self.services[kind])
