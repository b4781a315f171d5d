from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.guardrail_action import GuardrailAction
from ..types import UNSET, Unset

T = TypeVar("T", bound="GuardrailFinding")


@_attrs_define
class GuardrailFinding:
    """Which guardrail fired on a reply, what it did, and why."""

    guardrail_id: str
    guardrail_name: str
    action: GuardrailAction
    """ `block` replaces the reply with the guardrail's refusal; `flag` lets it pass. Both send a `guardrail` event.
    """
    reason: str
    """ Such as `competitor keyword "Acme"` or `category pii (an e-mail address)`. """
    category: None | str | Unset = UNSET
    """ The blocked category that matched """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        guardrail_id = self.guardrail_id

        guardrail_name = self.guardrail_name

        action = self.action.value

        reason = self.reason

        category: None | str | Unset
        if isinstance(self.category, Unset):
            category = UNSET
        else:
            category = self.category

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "guardrail_id": guardrail_id,
                "guardrail_name": guardrail_name,
                "action": action,
                "reason": reason,
            }
        )
        if category is not UNSET:
            field_dict["category"] = category

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        guardrail_id = d.pop("guardrail_id")

        guardrail_name = d.pop("guardrail_name")

        action = GuardrailAction(d.pop("action"))

        reason = d.pop("reason")

        def _parse_category(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        category = _parse_category(d.pop("category", UNSET))

        guardrail_finding = cls(
            guardrail_id=guardrail_id,
            guardrail_name=guardrail_name,
            action=action,
            reason=reason,
            category=category,
        )

        guardrail_finding.additional_properties = d
        return guardrail_finding

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
