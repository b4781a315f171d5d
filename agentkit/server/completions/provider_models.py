"""The models of an organization's providers, as the OpenAI-compatible API names them:
``<provider>/<model>``, the provider by its name (or its id where the name would lead elsewhere)
and the model as the provider lists it.

Only what a provider's last refresh stored is listed, and only while its key can be opened: a
provider that could not answer a completion is no model of anyone's list.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from typing import Any

from ..core.state import ServerState
from ..core.store import Row
from ..providers.resolve import upstream_of
from ..providers.sealing import SealError

__all__ = [
    "MAX_LISTED",
    "find_provider_listed",
    "match_provider_model",
    "org_providers",
    "provider_model",
    "usable_provider_models",
]

#: The most provider models one listing holds (a provider keeps at most 1,000 models).
MAX_LISTED = 10_000
_PROVIDERS_SCANNED = 1000
_PAGE = 100
_CAPABILITIES = ("chat", "streaming", "tool_calls", "vision", "thinking", "embeddings")


def org_providers(state: ServerState, org_id: str) -> list[Row]:
    """The organization's providers, oldest first (at most 1,000)."""
    found: list[Row] = []
    after = 0
    while len(found) < _PROVIDERS_SCANNED:
        page = state.store.list_providers(org_id, after, _PAGE)
        found.extend(page.rows)
        if page.next_position is None:
            break
        after = page.next_position
    return found[:_PROVIDERS_SCANNED]


def match_provider_model(providers: Iterable[Row], model: str) -> tuple[Row, str] | None:
    """The provider and the provider's model id that ``<provider>/<model>`` names, if any.

    The provider is matched by id or name at each ``/`` in turn, so that a model id holding
    ``/`` itself (``meta-llama/Llama-3``) still reaches its provider.
    """
    if "/" not in model:
        return None
    candidates = list(providers)
    for position, character in enumerate(model):
        if character != "/" or position + 1 == len(model):
            continue
        prefix = model[:position]
        for provider in candidates:
            if prefix in (provider["id"], provider["name"]):
                return provider, model[position + 1 :]
    return None


def _can_open_key(state: ServerState, provider: Row) -> bool:
    try:
        upstream_of(state, provider)
    except SealError:
        return False
    return True


def _epoch(stamp: str | None) -> int:
    return int(datetime.fromisoformat(stamp).timestamp()) if stamp else 0


def _capabilities(model: Row) -> dict[str, bool]:
    """What the provider said its model can do, else what its id tells: an id naming
    embeddings embeds, any other chats; anything else is not known, so not claimed."""
    known = model.get("capabilities")
    if isinstance(known, dict):
        return {name: known.get(name) is True for name in _CAPABILITIES}
    embeds = "embed" in str(model["id"]).lower()
    return {
        "chat": not embeds,
        "streaming": not embeds,
        "tool_calls": False,
        "vision": False,
        "thinking": False,
        "embeddings": embeds,
    }


def provider_model(provider: Row, model: Row, model_id: str) -> dict[str, Any]:
    """A provider's stored model as an ``OpenAIModel`` whose id is ``model_id``."""
    created = model.get("created")
    if type(created) is not int or created < 0:
        created = _epoch(provider.get("models_refreshed_at") or provider.get("created_at"))
    return {
        "id": model_id,
        "object": "model",
        "created": created,
        "owned_by": provider["name"],
        "name": model["id"],
        "kind": "provider",
        "capabilities": _capabilities(model),
    }


def _reaching_id(
    providers: list[Row], provider: Row, model_id: str, taken: Callable[[str], bool]
) -> str:
    """``<name>/<model>``, unless that reaches another provider or a model, or names an agent
    (``taken``: completions try agents first); then ``<provider id>/<model>``."""
    named = f"{provider['name']}/{model_id}"
    reached = match_provider_model(providers, named)
    if reached == (provider, model_id) and not taken(named):
        return named
    return f"{provider['id']}/{model_id}"


def _stored_models(state: ServerState, provider: Row) -> list[Row]:
    """The provider's stored models, each id once; none while its key cannot be opened."""
    models: dict[str, Row] = {}
    for model in provider.get("models") or []:
        if isinstance(model, dict) and isinstance(model.get("id"), str) and model["id"]:
            models.setdefault(model["id"], model)
    return list(models.values()) if models and _can_open_key(state, provider) else []


def usable_provider_models(
    state: ServerState, org_id: str, taken: Callable[[str], bool], limit: int = MAX_LISTED
) -> Iterator[dict[str, Any]]:
    """The ``OpenAIModel`` of each stored model of the organization's usable providers,
    providers oldest first, at most ``limit``. ``taken`` says whether an agent has a name."""
    providers = org_providers(state, org_id)
    listed = 0
    for provider in providers:
        for model in _stored_models(state, provider):
            if listed >= limit:
                return
            listed += 1
            model_id = _reaching_id(providers, provider, model["id"], taken)
            yield provider_model(provider, model, model_id)


def find_provider_listed(
    state: ServerState, org_id: str, model: str, taken: Callable[[str], bool]
) -> dict[str, Any] | None:
    """The ``OpenAIModel`` of the stored model of a usable provider that ``model`` names
    (``<provider name or id>/<model>``), with the id the listing gives it; else ``None``."""
    providers = org_providers(state, org_id)
    matched = match_provider_model(providers, model)
    if matched is None:
        return None
    provider, model_id = matched
    for stored in _stored_models(state, provider):
        if stored["id"] == model_id:
            reaching = _reaching_id(providers, provider, model_id, taken)
            return provider_model(provider, stored, reaching)
    return None
