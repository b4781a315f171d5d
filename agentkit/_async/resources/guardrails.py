"""``client.guardrails``: checks of your agents' replies that block or flag them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from agentkit_api.models import (
    Deleted,
    Guardrail,
    GuardrailAction,
    GuardrailCategory,
    GuardrailCreate,
    GuardrailModelCheck,
    GuardrailUpdate,
)
from agentkit_api.types import UNSET, Unset

from ..._compat import enum_member
from ..._inputs import given
from ..._response import APIResponse
from ..endpoint import async_endpoint
from ..pagination import AsyncPager
from ._base import AsyncResource

__all__ = ["AsyncGuardrails"]


ModelCheckInput = GuardrailModelCheck | Mapping[str, str]
"""A provider's model that judges replies: a ``GuardrailModelCheck``, or a dict with
``provider_id`` and ``model``."""


def _categories(names: Sequence[GuardrailCategory | str]) -> list[GuardrailCategory]:
    return [enum_member(GuardrailCategory, name) for name in names]


def _model_check(check: ModelCheckInput | None) -> GuardrailModelCheck | None:
    if check is None or isinstance(check, GuardrailModelCheck):
        return check
    return GuardrailModelCheck(provider_id=check["provider_id"], model=check["model"])


class AsyncGuardrails(AsyncResource):
    """Create, inspect, change and delete guardrails; attach them with ``guardrail_ids`` on an
    agent. A guardrail that fires sends a ``guardrail`` event (``ChatGuardrailEvent``) in the
    chat's stream; one whose action is ``block`` replaces the reply with its refusal."""

    @async_endpoint
    async def create(
        self,
        *,
        name: str,
        instructions: str | None = None,
        blocked_categories: Sequence[GuardrailCategory | str] | None = None,
        competitor_keywords: Sequence[str] | None = None,
        action: GuardrailAction | str | None = None,
        refusal: str | None = None,
        model_check: ModelCheckInput | None = None,
        idempotency_key: str | None = None,
    ) -> APIResponse[Guardrail]:
        """Create a guardrail.

        Args:
            name: A name, unique among your guardrails.
            instructions: What the guardrail is for, in words.
            blocked_categories: Built-in categories to catch: ``violence``, ``hate_speech``,
                ``self_harm``, ``profanity``, ``pii``, ``secrets``.
            competitor_keywords: Words that must not appear (whole words, any case).
            action: ``"block"`` (default) or ``"flag"``.
            refusal: The text that replaces a blocked reply.
            model_check: A provider's model that judges replies too, by ``instructions``
                (``{"provider_id": ..., "model": ...}``); the built-in checks run first. A
                check that fails fires the guardrail.
            idempotency_key: Makes retries of this call safe across processes; one is made
                for you otherwise.

        Raises:
            GuardrailNameTakenError: Another of your guardrails has this name.
            ProviderNotFoundError: ``model_check`` names no provider of yours.
            ValidationError: A field is not valid (such as an unknown category).
        """
        body = GuardrailCreate(
            name=name,
            instructions=given(instructions),
            blocked_categories=(
                UNSET if blocked_categories is None else _categories(blocked_categories)
            ),
            competitor_keywords=UNSET if competitor_keywords is None else [*competitor_keywords],
            action=UNSET if action is None else enum_member(GuardrailAction, action),
            refusal=given(refusal),
            model_check=UNSET if model_check is None else _model_check(model_check),
        )
        return await self._client._call(
            "guardrails_create", body=body, idempotency_key=idempotency_key
        )

    @async_endpoint
    async def get(self, guardrail_id: str) -> APIResponse[Guardrail]:
        """Get a guardrail by id.

        Raises:
            GuardrailNotFoundError: No such guardrail among yours.
        """
        return await self._client._call("guardrails_get", guardrail_id=guardrail_id)

    @async_endpoint
    async def update(
        self,
        guardrail_id: str,
        *,
        name: str | Unset = UNSET,
        instructions: str | Unset = UNSET,
        blocked_categories: Sequence[GuardrailCategory | str] | Unset = UNSET,
        competitor_keywords: Sequence[str] | Unset = UNSET,
        action: GuardrailAction | str | Unset = UNSET,
        refusal: str | Unset = UNSET,
        model_check: ModelCheckInput | Unset | None = UNSET,
    ) -> APIResponse[Guardrail]:
        """Change some fields of a guardrail; the fields you leave out keep their value.
        ``model_check=None`` leaves the judging to the built-in checks alone.

        Raises:
            GuardrailNotFoundError: No such guardrail among yours.
            GuardrailNameTakenError: Another of your guardrails has the new name.
            ProviderNotFoundError: ``model_check`` names no provider of yours.
            ValidationError: A field is not valid.
        """
        body = GuardrailUpdate(
            name=name,
            instructions=instructions,
            blocked_categories=(
                blocked_categories
                if isinstance(blocked_categories, Unset)
                else _categories(blocked_categories)
            ),
            competitor_keywords=(
                competitor_keywords
                if isinstance(competitor_keywords, Unset)
                else [*competitor_keywords]
            ),
            action=action if isinstance(action, Unset) else enum_member(GuardrailAction, action),
            refusal=refusal,
            model_check=model_check
            if isinstance(model_check, Unset)
            else _model_check(model_check),
        )
        return await self._client._call("guardrails_update", guardrail_id=guardrail_id, body=body)

    @async_endpoint
    async def delete(self, guardrail_id: str) -> APIResponse[Deleted]:
        """Delete a guardrail; the agents it was attached to stop applying it.

        Raises:
            GuardrailNotFoundError: No such guardrail among yours.
        """
        return await self._client._call("guardrails_delete", guardrail_id=guardrail_id)

    def list(self, *, page_size: int = 20) -> AsyncPager[Guardrail]:
        """All your guardrails, oldest first, fetched page by page as you iterate.

        No request is made until you iterate (``async for``) or call ``first_page()``.
        """
        return self._cursor_pager("guardrails_list", page_size=page_size)
