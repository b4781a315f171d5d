from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="GuardrailModelCheck")


@_attrs_define
class GuardrailModelCheck:
    """A provider's model that judges replies by the guardrail's `instructions`. It is asked
    for a JSON verdict, `{"violates": true|false, "reason": "..."}`; a verdict of
    `violates: true` fires the guardrail with the model's reason. A check that fails (the
    provider unreachable or deleted, a verdict that is not one) fires the guardrail too,
    with the failure as its reason: a guardrail that cannot judge does not let a reply
    through unjudged.

    """

    provider_id: str
    model: str

    def to_dict(self) -> dict[str, Any]:
        provider_id = self.provider_id

        model = self.model

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "provider_id": provider_id,
                "model": model,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        provider_id = d.pop("provider_id")

        model = d.pop("model")

        guardrail_model_check = cls(
            provider_id=provider_id,
            model=model,
        )

        return guardrail_model_check
