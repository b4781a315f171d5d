"""The models the OpenAI-compatible API names: the organization's agents, the built-in
embedding model, and the models of the organization's providers, each with what it can do."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from ..core.errors import ApiError
from ..core.store import Row
from .provider_models import MAX_LISTED, find_provider_listed, usable_provider_models

if TYPE_CHECKING:
    from ..core.state import ServerState
    from ..store import Store

__all__ = [
    "EMBEDDING_MODEL",
    "agent_model",
    "all_models",
    "can_call_tools",
    "embedding_model",
    "find_agent",
    "find_model",
]

#: The built-in embedding model: lexical (hashed words and trigrams), not semantic.
EMBEDDING_MODEL = "agentkit-lexical-v1"
_EMBEDDING_CREATED = 1_767_225_600  # 2026-01-01T00:00:00Z: the model's version date
_PAGE = 100

# What each brain can do when it answers a completion.
_BRAIN_CAPABILITIES: dict[str, dict[str, bool]] = {
    "echo": {"tool_calls": False, "vision": False, "thinking": False},
    "scripted": {"tool_calls": True, "vision": False, "thinking": True},
    "openai": {"tool_calls": False, "vision": False, "thinking": False},
}


def can_call_tools(agent: Row) -> bool:
    """Whether the agent's brain may answer with calls of the tools a request offers."""
    return _BRAIN_CAPABILITIES.get(agent.get("brain", "echo"), {}).get("tool_calls", False)


def _epoch(stamp: str) -> int:
    return int(datetime.fromisoformat(stamp).timestamp())


def agent_model(agent: Row) -> dict[str, Any]:
    """An agent as an ``OpenAIModel``."""
    brain = _BRAIN_CAPABILITIES.get(agent.get("brain", "echo"), _BRAIN_CAPABILITIES["echo"])
    return {
        "id": agent["id"],
        "object": "model",
        "created": _epoch(agent["created_at"]),
        "owned_by": "organization",
        "name": agent["name"],
        "kind": "agent",
        "capabilities": {"chat": True, "streaming": True, **brain, "embeddings": False},
    }


def embedding_model() -> dict[str, Any]:
    """The built-in embedding model as an ``OpenAIModel``."""
    return {
        "id": EMBEDDING_MODEL,
        "object": "model",
        "created": _EMBEDDING_CREATED,
        "owned_by": "agentkit",
        "name": EMBEDDING_MODEL,
        "kind": "embedding",
        "capabilities": {
            "chat": False,
            "streaming": False,
            "tool_calls": False,
            "vision": False,
            "thinking": False,
            "embeddings": True,
        },
    }


def _not_found(model: str, field: str | None) -> ApiError:
    details = {"field": field, "location": "body"} if field else None
    return ApiError(
        "MODEL_NOT_FOUND",
        f"no model {model!r}: name one of your agents, or a provider's model as"
        " '<provider>/<model>'",
        details,
    )


def find_agent(store: Store, org_id: str, model: str, field: str | None = "model") -> Row:
    """The organization's agent a model names (its id, else its name).

    Raises:
        ApiError: MODEL_NOT_FOUND, blaming ``field``.
    """
    agent = store.get_agent(org_id, model) or store.get_agent_by_name(org_id, model)
    if agent is None:
        raise _not_found(model, field)
    return agent


def _agent_named(store: Store, org_id: str) -> Callable[[str], bool]:
    def taken(name: str) -> bool:
        return (store.get_agent(org_id, name) or store.get_agent_by_name(org_id, name)) is not None

    return taken


def find_model(state: ServerState, org_id: str, model: str) -> dict[str, Any]:
    """The model a name or id names: an agent first, then the embedding model, then a stored
    model of one of the organization's providers (``<provider>/<model>``).

    Raises:
        ApiError: MODEL_NOT_FOUND.
    """
    store = state.store
    agent = store.get_agent(org_id, model) or store.get_agent_by_name(org_id, model)
    if agent is not None:
        return agent_model(agent)
    if model == EMBEDDING_MODEL:
        return embedding_model()
    listed = find_provider_listed(state, org_id, model, _agent_named(store, org_id))
    if listed is None:
        raise _not_found(model, None)
    return listed


def all_models(state: ServerState, org_id: str, limit: int = 10_000) -> list[dict[str, Any]]:
    """Every agent of the organization (at most ``limit``), the embedding model, then the
    stored models of the organization's usable providers (at most ``MAX_LISTED``)."""
    models: list[dict[str, Any]] = []
    after = 0
    while len(models) < limit:
        page = state.store.list_agents(org_id, after, _PAGE)
        models.extend(agent_model(agent) for agent in page.rows)
        if page.next_position is None:
            break
        after = page.next_position
    agents = models[:limit]
    names = {agent["id"] for agent in agents} | {agent["name"] for agent in agents}
    # When not every agent was read, the store is asked about each name a listing gives.
    complete = len(models) < limit
    taken = names.__contains__ if complete else _agent_named(state.store, org_id)
    providers = list(usable_provider_models(state, org_id, taken, MAX_LISTED))
    return [*agents, embedding_model(), *providers]
