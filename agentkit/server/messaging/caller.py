"""Who is calling: the messaging identity an API key stands for."""

from __future__ import annotations

from collections.abc import Callable

from ..core.call import Call
from ..core.errors import ApiError
from ..core.store import Row
from .handles import normal_handle

__all__ = [
    "caller",
    "caller_of",
    "named_identity",
    "public_identity",
    "restricted",
    "suspended",
]


def suspended() -> ApiError:
    """The error every call of a suspended identity gets, but reading its own record."""
    return ApiError(
        "SUSPENDED",
        "this identity is suspended; it can only read its own record (GET /v1/identity/me)",
    )


def restricted() -> ApiError:
    """The error of a restricted identity starting a conversation."""
    return ApiError(
        "RESTRICTED",
        "this identity is restricted: it may message only identities that wrote to it or "
        "added it as a contact, and groups it is in",
    )


def caller(
    call: Call, hidden: Callable[[], ApiError] | None = None, *, while_suspended: bool = False
) -> Row:
    """The caller's identity.

    Raises:
        ApiError: For a key with no messaging identity (an organization's key), which can see
            no conversation, message or identity's private data: ``hidden()`` when given (the
            not-found of the resource asked for, so that the answer is the same as for any
            stranger), else 404 IDENTITY_NOT_FOUND. 403 SUSPENDED for a suspended identity,
            unless ``while_suspended``.
    """
    return caller_of(
        call.state.store.identity_by_principal(call.org_id),
        hidden,
        while_suspended=while_suspended,
    )


def caller_of(
    identity: Row | None,
    hidden: Callable[[], ApiError] | None = None,
    *,
    while_suspended: bool = False,
) -> Row:
    """``caller`` for an identity read already (``None``: the key has none).

    Raises:
        ApiError: As ``caller``.
    """
    if identity is None:
        if hidden is not None:
            raise hidden()
        raise ApiError(
            "IDENTITY_NOT_FOUND",
            "this API key has no messaging identity; register one, or use the identity's key",
        )
    if identity.get("status") == "suspended" and not while_suspended:
        raise suspended()
    return identity


def public_identity(identity: Row) -> Row:
    """The full wire shape of an identity, for its owner (internal fields left out)."""
    return {key: value for key, value in identity.items() if key != "agent_org"}


def named_identity(call: Call, raw: str, field: str, location: str = "body") -> Row:
    """The identity with the handle ``raw`` (``@`` and case ignored).

    Raises:
        ApiError: 404 IDENTITY_NOT_FOUND naming ``field`` when nobody has the handle.
    """
    handle = normal_handle(raw)
    identity = call.state.store.identity_by_handle(handle)
    if identity is None:
        raise ApiError(
            "IDENTITY_NOT_FOUND",
            f"no identity has the handle {handle!r}",
            {"field": field, "location": location},
        )
    return identity
