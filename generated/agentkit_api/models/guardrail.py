from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.guardrail_action import GuardrailAction
from ..models.guardrail_category import GuardrailCategory

if TYPE_CHECKING:
    from ..models.guardrail_model_check import GuardrailModelCheck


T = TypeVar("T", bound="Guardrail")


@_attrs_define
class Guardrail:
    """A check of an agent's replies. The built-in checker is deterministic: it matches
    `competitor_keywords` as whole words (any case) and each of `blocked_categories` by its
    built-in word lists and patterns: `violence`, `hate_speech`, `self_harm`, `profanity`,
    `pii` (e-mail addresses, phone and card numbers) and `secrets` (API keys, private keys).
    With a `model_check`, a provider's model judges the reply too, after the built-in
    checks, by the guardrail's `instructions`.

    """

    id: str
    """ `grd_...` """
    name: str
    instructions: str
    """ What the guardrail is for """
    blocked_categories: list[GuardrailCategory]
    competitor_keywords: list[str]
    action: GuardrailAction
    """ `block` replaces the reply with the guardrail's refusal; `flag` lets it pass. Both send a `guardrail` event.
    """
    refusal: str
    """ The text that replaces a blocked reply. """
    model_check: GuardrailModelCheck | None
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.guardrail_model_check import GuardrailModelCheck

        id = self.id

        name = self.name

        instructions = self.instructions

        blocked_categories = []
        for blocked_categories_item_data in self.blocked_categories:
            blocked_categories_item = blocked_categories_item_data.value
            blocked_categories.append(blocked_categories_item)

        competitor_keywords = self.competitor_keywords

        action = self.action.value

        refusal = self.refusal

        model_check: dict[str, Any] | None
        if isinstance(self.model_check, GuardrailModelCheck):
            model_check = self.model_check.to_dict()
        else:
            model_check = self.model_check

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "instructions": instructions,
                "blocked_categories": blocked_categories,
                "competitor_keywords": competitor_keywords,
                "action": action,
                "refusal": refusal,
                "model_check": model_check,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.guardrail_model_check import GuardrailModelCheck

        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        instructions = d.pop("instructions")

        blocked_categories = []
        _blocked_categories = d.pop("blocked_categories")
        for blocked_categories_item_data in _blocked_categories:
            blocked_categories_item = GuardrailCategory(blocked_categories_item_data)

            blocked_categories.append(blocked_categories_item)

        competitor_keywords = cast(list[str], d.pop("competitor_keywords"))

        action = GuardrailAction(d.pop("action"))

        refusal = d.pop("refusal")

        def _parse_model_check(data: object) -> GuardrailModelCheck | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                model_check_type_0 = GuardrailModelCheck.from_dict(data)

                return model_check_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(GuardrailModelCheck | None, data)

        model_check = _parse_model_check(d.pop("model_check"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        guardrail = cls(
            id=id,
            name=name,
            instructions=instructions,
            blocked_categories=blocked_categories,
            competitor_keywords=competitor_keywords,
            action=action,
            refusal=refusal,
            model_check=model_check,
            created_at=created_at,
            updated_at=updated_at,
        )

        guardrail.additional_properties = d
        return guardrail

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
