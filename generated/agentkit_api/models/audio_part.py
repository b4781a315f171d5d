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

from ..types import UNSET, Unset

T = TypeVar("T", bound="AudioPart")


@_attrs_define
class AudioPart:
    type_: Literal["audio"]
    content: str
    """ The audio's bytes """
    mime_type: str
    duration: float | Unset = UNSET
    """ Length in seconds. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        content = self.content

        mime_type = self.mime_type

        duration = self.duration

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "content": content,
                "mime_type": mime_type,
            }
        )
        if duration is not UNSET:
            field_dict["duration"] = duration

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        type_ = cast(Literal["audio"], d.pop("type"))
        if type_ != "audio":
            raise ValueError(f"type must match const 'audio', got '{type_}'")

        content = d.pop("content")

        mime_type = d.pop("mime_type")

        duration = d.pop("duration", UNSET)

        audio_part = cls(
            type_=type_,
            content=content,
            mime_type=mime_type,
            duration=duration,
        )

        audio_part.additional_properties = d
        return audio_part

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
    def type(self) -> Literal["audio"]:
        """``type``, by its wire name (the same as ``type_``)."""
        return self.type_
