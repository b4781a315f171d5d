from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.open_ai_content_part_type import OpenAIContentPartType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.open_ai_image_url import OpenAIImageUrl


T = TypeVar("T", bound="OpenAIContentPart")


@_attrs_define
class OpenAIContentPart:
    """A `text` part (with `text`) or an `image_url` part (with `image_url`)."""

    type_: OpenAIContentPartType
    text: str | Unset = UNSET
    image_url: OpenAIImageUrl | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        text = self.text

        image_url: dict[str, Any] | Unset = UNSET
        if not isinstance(self.image_url, Unset):
            image_url = self.image_url.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
            }
        )
        if text is not UNSET:
            field_dict["text"] = text
        if image_url is not UNSET:
            field_dict["image_url"] = image_url

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.open_ai_image_url import OpenAIImageUrl

        d = dict(src_dict)
        type_ = OpenAIContentPartType(d.pop("type"))

        text = d.pop("text", UNSET)

        _image_url = d.pop("image_url", UNSET)
        image_url: OpenAIImageUrl | Unset
        if isinstance(_image_url, Unset):
            image_url = UNSET
        else:
            image_url = OpenAIImageUrl.from_dict(_image_url)

        open_ai_content_part = cls(
            type_=type_,
            text=text,
            image_url=image_url,
        )

        open_ai_content_part.additional_properties = d
        return open_ai_content_part

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
    def type(self) -> OpenAIContentPartType:
        """``type``, by its wire name (the same as ``type_``)."""
        return self.type_
