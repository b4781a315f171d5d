"""``rate_limit.warning``: an identity whose key is close to its rate limit hears of it on its
realtime connections."""

from __future__ import annotations

from ..core.state import ServerState
from ..messaging import MessagingEvents

__all__ = ["watch_rate_limits"]


def watch_rate_limits(state: ServerState) -> None:
    """Publish ``rate_limit.warning`` to the identity whose key a request left with 10% or less
    of its window (organization keys have no identity, and no one to tell)."""

    def warn(key_hash: str, limit: int, remaining: int, reset_seconds: int) -> None:
        store = state.store
        principal = store.org_for_key(key_hash)
        identity = store.identity_by_principal(principal) if principal is not None else None
        if identity is None:
            return
        payload = {"limit": limit, "remaining": remaining, "reset_seconds": reset_seconds}
        state.service(MessagingEvents).publish("rate_limit.warning", payload, [identity["id"]])

    state.limiter.watch(warn)
