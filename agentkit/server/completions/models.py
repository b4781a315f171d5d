"""The models the OpenAI-compatible API names: the organization's agents, and the built-in
embedding model, each with what it can do."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from ..core.errors import ApiError
from ..core.store import Row

if TYPE_CHECKING:
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


def find_model(store: Store, org_id: str, model: str) -> dict[str, Any]:
    """The model a name or id names, agents first.

    Raises:
        ApiError: MODEL_NOT_FOUND.
    """
    agent = store.get_agent(org_id, model) or store.get_agent_by_name(org_id, model)
    if agent is not None:
        return agent_model(agent)
    if model == EMBEDDING_MODEL:
        return embedding_model()
    raise _not_found(model, None)


def all_models(store: Store, org_id: str, limit: int = 10_000) -> list[dict[str, Any]]:
    """Every agent of the organization (at most ``limit``), then the embedding model."""
    models: list[dict[str, Any]] = []
    after = 0
    while len(models) < limit:
        page = store.list_agents(org_id, after, _PAGE)
        models.extend(agent_model(agent) for agent in page.rows)
        if page.next_position is None:
            break
        after = page.next_position
    return [*models[:limit], embedding_model()]
