"""Guardrails judged by a provider's model: the reply and the guardrail's instructions go to the
model, which answers with a JSON verdict.

The built-in checks run first; a guardrail they fire is not sent to its model. A check that
cannot judge (the provider gone or unreachable, an answer that is not a verdict) fires the
guardrail with the failure as its reason, so a reply never passes a guardrail unjudged.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from typing import Any

from ..brains import BrainError, Turn
from ..brains.openai import OpenAIBrain
from ..core.state import ServerState
from ..core.store import Row
from ..providers.resolve import upstream_of
from ..providers.sealing import SealError
from .checker import Finding, check_reply, first_finding

__all__ = ["Check", "checker_for"]

Check = Callable[[str], Awaitable[list[Finding]]]
"""What judges a complete reply: the findings of each guardrail that fired, in their order."""

_TIMEOUT = 30.0
_MAX_REASON = 300
_MAX_VERDICT = 20_000
_INSTRUCTIONS = (
    "You check replies of an assistant against a rule. The rule: {rule}\n"
    "Answer with one JSON object and nothing else: "
    '{{"violates": true or false, "reason": "why, in a few words"}}.'
)


def _verdict(text: str) -> tuple[bool, str]:
    """``(violates, reason)`` from the model's answer.

    Raises:
        ValueError: The answer is not a verdict.
    """
    start, end = text.find("{"), text.rfind("}")
    if start < 0 or end < start:
        raise ValueError("the model's answer holds no JSON object")
    verdict = json.loads(text[start : end + 1])
    if not isinstance(verdict, dict) or not isinstance(verdict.get("violates"), bool):
        raise ValueError('the model\'s answer has no boolean "violates"')
    reason = verdict.get("reason")
    return verdict["violates"], (reason if isinstance(reason, str) else "")[:_MAX_REASON]


async def _judge(state: ServerState, org_id: str, guardrail: Row, text: str) -> Finding | None:
    check = guardrail["model_check"]
    model = check["model"]

    def fired(reason: str) -> Finding:
        return Finding(guardrail["id"], guardrail["name"], guardrail["action"], reason)

    provider = state.store.get_provider(org_id, check["provider_id"])
    if provider is None:
        return fired(f"model check failed: the provider {check['provider_id']!r} was deleted")
    try:
        upstream = upstream_of(state, provider)
    except SealError:
        return fired("model check failed: the provider's key cannot be opened; set it again")
    rule = guardrail.get("instructions") or f"nothing like {guardrail['name']!r}"
    judge: dict[str, Any] = {
        "instructions": _INSTRUCTIONS.format(rule=rule),
        "model_profile": model,
    }
    answer: list[str] = []
    try:
        brain = OpenAIBrain(upstream=upstream, timeout=_TIMEOUT)
        async for delta in brain.reply(Turn(judge, f"The reply to check:\n{text}")):
            answer.append(delta)
            if sum(map(len, answer)) > _MAX_VERDICT:
                raise BrainError("the model's answer is too long for a verdict")
        violates, reason = _verdict("".join(answer))
    except (BrainError, ValueError) as exc:
        return fired(f"model check failed: {exc}"[:_MAX_REASON])
    if not violates:
        return None
    return fired(f"model {model}: {reason}" if reason else f"model {model}")


def checker_for(state: ServerState, org_id: str, guardrails: list[Row]) -> Check:
    """What judges replies for these guardrails: the built-in checks, then, for a guardrail
    with a ``model_check`` that they did not fire, its model."""
    if not any(guardrail.get("model_check") for guardrail in guardrails):

        async def built_in(text: str) -> list[Finding]:
            return check_reply(text, guardrails)

        return built_in

    async def with_models(text: str) -> list[Finding]:
        findings = []
        for guardrail in guardrails:
            finding = first_finding(text, guardrail)
            if finding is None and guardrail.get("model_check"):
                finding = await _judge(state, org_id, guardrail, text)
            if finding is not None:
                findings.append(finding)
        return findings

    return with_models
