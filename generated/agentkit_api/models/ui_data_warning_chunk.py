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

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.json_object import JsonObject


T = TypeVar("T", bound="UIDataWarningChunk")


@_attrs_define
class UIDataWarningChunk:
    """A session `warning`, as a custom data part."""

    type_: Literal["data-warning"]
    data: JsonObject
    """ A free-form JSON object. """
    id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        data = self.data.to_dict()

        id = self.id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "data": data,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.json_object import JsonObject

        d = dict(src_dict)
        type_ = cast(Literal["data-warning"], d.pop("type"))
        if type_ != "data-warning":
            raise ValueError(f"type must match const 'data-warning', got '{type_}'")

        data = JsonObject.from_dict(d.pop("data"))

        id = d.pop("id", UNSET)

        ui_data_warning_chunk = cls(
            type_=type_,
            data=data,
            id=id,
        )

        ui_data_warning_chunk.additional_properties = d
        return ui_data_warning_chunk

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
    def type(self) -> Literal["data-warning"]:
        """``type``, by its wire name (the same as ``type_``)."""
        return self.type_
