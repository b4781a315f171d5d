"""The OpenAI-compatible operations: chat completions, embeddings, and the models. A model of
an agent is answered here; a provider's model (``<provider>/<model>``) by the provider."""

from __future__ import annotations

from ..brains import SessionBrain, session_brain_for
from ..core.call import Call, Handler
from ..core.errors import ApiError, invalid
from ..core.replies import Answer, ChunkStream, Reply
from ..guardrails.apply import GuardedSessionBrain, agent_guardrails
from ..guardrails.checker import Finding
from ..guardrails.model_check import checker_for
from ..providers.resolve import upstream_for
from .embeddings import DEFAULT_DIMENSIONS, embed, encode_base64, token_count
from .models import EMBEDDING_MODEL, all_models, find_agent, find_model
from .passthrough import find_provider_model, forward
from .requests import plan_completion
from .running import complete, stream_completion

__all__ = ["HANDLERS"]


async def create(call: Call) -> Answer:
    """Answer a chat completion with the agent the model names, whole or streamed, its reply
    checked by the agent's guardrails."""
    try:
        plan = plan_completion(call.state.store, call.org_id, call.body)
    except ApiError as exc:
        routed = find_provider_model(call.state, call.org_id, call.body["model"])
        if exc.code != "MODEL_NOT_FOUND" or routed is None:
            raise
        return await forward(call.state, *routed, "/chat/completions", call.body)
    state, agent = call.state, plan.agent
    config = state.config
    brain: SessionBrain = session_brain_for(
        agent.get("brain", "echo"),
        echo_delay=config.echo_delay,
        slow_delay=config.slow_delay,
        upstream=upstream_for(state, call.org_id, agent),
    )
    findings: list[Finding] = []
    guardrails = agent_guardrails(state, call.org_id, agent)
    if guardrails:
        check = checker_for(state, call.org_id, guardrails)
        brain = GuardedSessionBrain(brain, guardrails, findings.append, check)
    if call.body.get("stream"):
        return ChunkStream(stream_completion(brain, plan, findings))
    return Reply(await complete(brain, plan, findings))


async def embed_texts(call: Call) -> Answer:
    """Embed one text or several with the built-in lexical model, or pass the request to the
    provider whose model it names."""
    model = call.body["model"]
    if model != EMBEDDING_MODEL:
        routed = find_provider_model(call.state, call.org_id, model)
        if routed is not None:
            return await forward(call.state, *routed, "/embeddings", call.body)
        # An agent is a model too, but not one that embeds: say so rather than "not found".
        find_agent(call.state.store, call.org_id, model)
        raise invalid("model", f"{model!r} is an agent; embed with {EMBEDDING_MODEL!r}")
    given = call.body["input"]
    texts = [given] if isinstance(given, str) else list(given)
    dimensions = int(call.body.get("dimensions", DEFAULT_DIMENSIONS))
    as_base64 = call.body.get("encoding_format", "float") == "base64"
    data = []
    for index, text in enumerate(texts):
        vector = embed(text, dimensions)
        data.append(
            {
                "object": "embedding",
                "index": index,
                "embedding": encode_base64(vector) if as_base64 else vector,
            }
        )
    tokens = sum(token_count(text) for text in texts)
    return Reply(
        {
            "object": "list",
            "data": data,
            "model": EMBEDDING_MODEL,
            "usage": {"prompt_tokens": tokens, "total_tokens": tokens},
        }
    )


async def list_models(call: Call) -> Reply:
    """Every agent of the organization, the embedding model, then the providers' models."""
    return Reply({"object": "list", "data": all_models(call.state, call.org_id)})


async def get_model(call: Call) -> Reply:
    """One model, by id (or an agent's name, or a provider's model by the provider's id)."""
    return Reply(find_model(call.state, call.org_id, call.params["model_id"]))


HANDLERS: dict[str, Handler] = {
    "completions_create": create,
    "completions_embed": embed_texts,
    "completions_list_models": list_models,
    "completions_get_model": get_model,
}
