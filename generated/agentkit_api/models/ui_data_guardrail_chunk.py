from __future__ import annotations

from collections.abc import Mapping
from typing import (
    TYPE_CHECKING,
    Any,
    Literal,
    Self,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.guardrail_finding import GuardrailFinding


T = TypeVar("T", bound="UIDataGuardrailChunk")


@_attrs_define
class UIDataGuardrailChunk:
    """A guardrail fired on the reply (a session's `guardrail` event), as a custom data part.
    It comes before the text it judged: a blocked reply's text is then the refusal.

    """

    type_: Literal["data-guardrail"]
    data: GuardrailFinding
    """ Which guardrail fired on a reply, what it did, and why. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        data = self.data.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "data": data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.guardrail_finding import GuardrailFinding

        d = dict(src_dict)
        type_ = cast(Literal["data-guardrail"], d.pop("type"))
        if type_ != "data-guardrail":
            raise ValueError(f"type must match const 'data-guardrail', got '{type_}'")

        data = GuardrailFinding.from_dict(d.pop("data"))

        ui_data_guardrail_chunk = cls(
            type_=type_,
            data=data,
        )

        ui_data_guardrail_chunk.additional_properties = d
        return ui_data_guardrail_chunk

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

    @property
    def type(self) -> Literal["data-guardrail"]:
        """``type``, by its wire name (the same as ``type_``)."""
        return self.type_
