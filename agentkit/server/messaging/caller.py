"""Who is calling: the messaging identity an API key stands for."""

from __future__ import annotations

from ..core.call import Call
from ..core.errors import ApiError
from ..core.store import Row

__all__ = ["caller", "public_identity"]


def caller(call: Call) -> Row:
    """The caller's identity.

    Raises:
        ApiError: 404 IDENTITY_NOT_FOUND for a key with no messaging identity (an
            organization's key): it can see no conversation, message or identity's private data.
    """
    identity = call.state.store.identity_by_principal(call.org_id)
    if identity is None:
        raise ApiError(
            "IDENTITY_NOT_FOUND",
            "this API key has no messaging identity; register one, or use the identity's key",
        )
    return identity


def public_identity(identity: Row) -> Row:
    """The full wire shape of an identity, for its owner (internal fields left out)."""
    return {key: value for key, value in identity.items() if key != "agent_org"}
