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

from ..models.ui_finish_chunk_finish_reason import UIFinishChunkFinishReason
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.json_object import JsonObject


T = TypeVar("T", bound="UIFinishChunk")


@_attrs_define
class UIFinishChunk:
    type_: Literal["finish"]
    finish_reason: UIFinishChunkFinishReason | Unset = UNSET
    message_metadata: JsonObject | Unset = UNSET
    """ A free-form JSON object. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        finish_reason: str | Unset = UNSET
        if not isinstance(self.finish_reason, Unset):
            finish_reason = self.finish_reason.value

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
        if finish_reason is not UNSET:
            field_dict["finishReason"] = finish_reason
        if message_metadata is not UNSET:
            field_dict["messageMetadata"] = message_metadata

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.json_object import JsonObject

        d = dict(src_dict)
        type_ = cast(Literal["finish"], d.pop("type"))
        if type_ != "finish":
            raise ValueError(f"type must match const 'finish', got '{type_}'")

        _finish_reason = d.pop("finishReason", UNSET)
        finish_reason: UIFinishChunkFinishReason | Unset
        if isinstance(_finish_reason, Unset):
            finish_reason = UNSET
        else:
            finish_reason = UIFinishChunkFinishReason(_finish_reason)

        _message_metadata = d.pop("messageMetadata", UNSET)
        message_metadata: JsonObject | Unset
        if isinstance(_message_metadata, Unset):
            message_metadata = UNSET
        else:
            message_metadata = JsonObject.from_dict(_message_metadata)

        ui_finish_chunk = cls(
            type_=type_,
            finish_reason=finish_reason,
            message_metadata=message_metadata,
        )

        ui_finish_chunk.additional_properties = d
        return ui_finish_chunk

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
    def type(self) -> Literal["finish"]:
        """``type``, by its wire name (the same as ``type_``)."""
        return self.type_
