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


T = TypeVar("T", bound="UIStartChunk")


@_attrs_define
class UIStartChunk:
    type_: Literal["start"]
    message_id: str | Unset = UNSET
    message_metadata: JsonObject | Unset = UNSET
    """ A free-form JSON object. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        message_id = self.message_id

        message_metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.message_metadata, Unset):
            message_metadata = self.message_metadata.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
            }
        )
        if message_id is not UNSET:
            field_dict["messageId"] = message_id
        if message_metadata is not UNSET:
            field_dict["messageMetadata"] = message_metadata

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.json_object import JsonObject

        d = dict(src_dict)
        type_ = cast(Literal["start"], d.pop("type"))
        if type_ != "start":
            raise ValueError(f"type must match const 'start', got '{type_}'")

        message_id = d.pop("messageId", UNSET)

        _message_metadata = d.pop("messageMetadata", UNSET)
        message_metadata: JsonObject | Unset
        if isinstance(_message_metadata, Unset):
            message_metadata = UNSET
        else:
            message_metadata = JsonObject.from_dict(_message_metadata)

        ui_start_chunk = cls(
            type_=type_,
            message_id=message_id,
            message_metadata=message_metadata,
        )

        ui_start_chunk.additional_properties = d
        return ui_start_chunk

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
    def type(self) -> Literal["start"]:
        """``type``, by its wire name (the same as ``type_``)."""
        return self.type_
