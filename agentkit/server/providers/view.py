"""Providers as clients see them: never the key, only whether one is stored; and the synthetic
``system`` provider of the built-in brains."""

from __future__ import annotations

from typing import Any

from ..core.store import Row

__all__ = ["SEALED_KEY", "SYSTEM_ID", "public", "system_provider"]

SYSTEM_ID = "system"
#: The stored field that holds the sealed key; no answer ever carries it.
SEALED_KEY = "sealed_api_key"
_BUILT_IN_MODELS = ("echo", "scripted")


def public(provider: Row) -> dict[str, Any]:
    """The ``Provider`` wire shape of a stored provider."""
    shown = {key: value for key, value in provider.items() if key != SEALED_KEY}
    shown["has_api_key"] = provider.get(SEALED_KEY) is not None
    return shown


def system_provider() -> dict[str, Any]:
    """The built-in brains, listed as a provider that needs no URL and no key."""
    return {
        "id": SYSTEM_ID,
        "name": "System",
        "type": "system",
        "base_url": None,
        "has_api_key": False,
        "models": [{"id": model} for model in _BUILT_IN_MODELS],
        "models_refreshed_at": None,
        "created_at": None,
        "updated_at": None,
    }
