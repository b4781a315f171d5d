from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.ui_message_role import UIMessageRole
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.ui_message_part import UIMessagePart


T = TypeVar("T", bound="UIMessage")


@_attrs_define
class UIMessage:
    role: UIMessageRole
    parts: list[UIMessagePart]
    id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        role = self.role.value

        parts = []
        for parts_item_data in self.parts:
            parts_item = parts_item_data.to_dict()
            parts.append(parts_item)

        id = self.id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "role": role,
                "parts": parts,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.ui_message_part import UIMessagePart

        d = dict(src_dict)
        role = UIMessageRole(d.pop("role"))

        parts = []
        _parts = d.pop("parts")
        for parts_item_data in _parts:
            parts_item = UIMessagePart.from_dict(parts_item_data)

            parts.append(parts_item)

        id = d.pop("id", UNSET)

        ui_message = cls(
            role=role,
            parts=parts,
            id=id,
        )

        ui_message.additional_properties = d
        return ui_message

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
