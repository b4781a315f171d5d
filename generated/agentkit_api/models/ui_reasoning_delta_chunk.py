from __future__ import annotations

from collections.abc import Mapping
from typing import (
    Any,
    Literal,
    Self,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="UIReasoningDeltaChunk")


@_attrs_define
class UIReasoningDeltaChunk:
    type_: Literal["reasoning-delta"]
    id: str
    delta: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        id = self.id

        delta = self.delta

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "id": id,
                "delta": delta,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        type_ = cast(Literal["reasoning-delta"], d.pop("type"))
        if type_ != "reasoning-delta":
            raise ValueError(f"type must match const 'reasoning-delta', got '{type_}'")

        id = d.pop("id")

        delta = d.pop("delta")

        ui_reasoning_delta_chunk = cls(
            type_=type_,
            id=id,
            delta=delta,
        )

        ui_reasoning_delta_chunk.additional_properties = d
        return ui_reasoning_delta_chunk

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
    def type(self) -> Literal["reasoning-delta"]:
        """``type``, by its wire name (the same as ``type_``)."""
        return self.type_
