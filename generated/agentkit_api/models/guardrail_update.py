from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.guardrail_action import GuardrailAction
from ..models.guardrail_category import GuardrailCategory
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.guardrail_model_check import GuardrailModelCheck


T = TypeVar("T", bound="GuardrailUpdate")


@_attrs_define
class GuardrailUpdate:
    """Fields to change."""

    name: str | Unset = UNSET
    instructions: str | Unset = UNSET
    blocked_categories: list[GuardrailCategory] | Unset = UNSET
    competitor_keywords: list[str] | Unset = UNSET
    action: GuardrailAction | Unset = UNSET
    """ `block` replaces the reply with the guardrail's refusal; `flag` lets it pass. Both send a `guardrail` event.
    """
    refusal: str | Unset = UNSET
    model_check: GuardrailModelCheck | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.guardrail_model_check import GuardrailModelCheck

        name = self.name

        instructions = self.instructions

        blocked_categories: list[str] | Unset = UNSET
        if not isinstance(self.blocked_categories, Unset):
            blocked_categories = []
            for blocked_categories_item_data in self.blocked_categories:
                blocked_categories_item = blocked_categories_item_data.value
                blocked_categories.append(blocked_categories_item)

        competitor_keywords: list[str] | Unset = UNSET
        if not isinstance(self.competitor_keywords, Unset):
            competitor_keywords = self.competitor_keywords

        action: str | Unset = UNSET
        if not isinstance(self.action, Unset):
            action = self.action.value

        refusal = self.refusal

        model_check: dict[str, Any] | None | Unset
        if isinstance(self.model_check, Unset):
            model_check = UNSET
        elif isinstance(self.model_check, GuardrailModelCheck):
            model_check = self.model_check.to_dict()
        else:
            model_check = self.model_check

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if instructions is not UNSET:
            field_dict["instructions"] = instructions
        if blocked_categories is not UNSET:
            field_dict["blocked_categories"] = blocked_categories
        if competitor_keywords is not UNSET:
            field_dict["competitor_keywords"] = competitor_keywords
        if action is not UNSET:
            field_dict["action"] = action
        if refusal is not UNSET:
            field_dict["refusal"] = refusal
        if model_check is not UNSET:
            field_dict["model_check"] = model_check

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.guardrail_model_check import GuardrailModelCheck

        d = dict(src_dict)
        name = d.pop("name", UNSET)

        instructions = d.pop("instructions", UNSET)

        _blocked_categories = d.pop("blocked_categories", UNSET)
        blocked_categories: list[GuardrailCategory] | Unset = UNSET
        if _blocked_categories is not UNSET:
            blocked_categories = []
            for blocked_categories_item_data in _blocked_categories:
                blocked_categories_item = GuardrailCategory(
                    blocked_categories_item_data
                )

                blocked_categories.append(blocked_categories_item)

        competitor_keywords = cast(list[str], d.pop("competitor_keywords", UNSET))

        _action = d.pop("action", UNSET)
        action: GuardrailAction | Unset
        if isinstance(_action, Unset):
            action = UNSET
        else:
            action = GuardrailAction(_action)

        refusal = d.pop("refusal", UNSET)

        def _parse_model_check(data: object) -> GuardrailModelCheck | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                model_check_type_0 = GuardrailModelCheck.from_dict(data)

                return model_check_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(GuardrailModelCheck | None | Unset, data)

        model_check = _parse_model_check(d.pop("model_check", UNSET))

        guardrail_update = cls(
            name=name,
            instructions=instructions,
            blocked_categories=blocked_categories,
            competitor_keywords=competitor_keywords,
            action=action,
            refusal=refusal,
            model_check=model_check,
        )

        return guardrail_update
