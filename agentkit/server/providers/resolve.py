"""From a provider's id to what calls it: its upstream with the key opened, for the ``openai``
brain and for the provider's own checks."""

from __future__ import annotations

from ..brains import BrainError
from ..brains.openai import Upstream
from ..core.errors import ApiError
from ..core.state import ServerState
from ..core.store import Row
from .sealing import KeySealer, SealError
from .view import SEALED_KEY, SYSTEM_ID

__all__ = ["check_provider_ref", "upstream_for", "upstream_of"]


def upstream_of(state: ServerState, provider: Row) -> Upstream:
    """The provider's upstream, its key opened.

    Raises:
        SealError: The key was sealed under another server secret.
    """
    sealed = provider.get(SEALED_KEY)
    api_key = state.service(KeySealer).open(sealed) if sealed else None
    return Upstream(
        provider["base_url"], api_key, provider["type"], state.config.allow_loopback_urls
    )


def upstream_for(state: ServerState, org_id: str, agent: Row) -> Upstream | BrainError | None:
    """What the agent's ``openai`` brain calls: its provider's upstream, ``None`` for the
    server's own configuration, or the ``BrainError`` its turn fails with."""
    provider_id = agent.get("provider_id")
    if agent.get("brain") != "openai" or not provider_id or provider_id == SYSTEM_ID:
        return None
    provider = state.store.get_provider(org_id, provider_id)
    if provider is None:
        return BrainError(f"the agent's provider {provider_id!r} was deleted")
    try:
        return upstream_of(state, provider)
    except SealError as exc:
        return BrainError(f"the provider {provider_id!r}: {exc}; set its api_key again")


def check_provider_ref(state: ServerState, org_id: str, body: Row) -> None:
    """Refuse an agent body whose ``provider_id`` names no provider of the organization.

    Raises:
        ApiError: PROVIDER_NOT_FOUND, naming the field.
    """
    provider_id = body.get("provider_id")
    if provider_id is None or provider_id == SYSTEM_ID:
        return
    if state.store.get_provider(org_id, provider_id) is None:
        raise ApiError(
            "PROVIDER_NOT_FOUND",
            f"no provider {provider_id!r}",
            {"field": "provider_id", "location": "body"},
        )
