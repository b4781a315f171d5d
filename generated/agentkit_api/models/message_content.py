from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.metadata import Metadata


T = TypeVar("T", bound="MessageContent")


@_attrs_define
class MessageContent:
    """What a message says: `text`, structured `data`, or an `attachment_id` (one or more of
    them). Fields added later are kept.

    """

    text: str | Unset = UNSET
    data: Metadata | Unset = UNSET
    """ Free-form JSON metadata kept with the object. """
    attachment_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        text = self.text

        data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.data, Unset):
            data = self.data.to_dict()

        attachment_id = self.attachment_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if text is not UNSET:
            field_dict["text"] = text
        if data is not UNSET:
            field_dict["data"] = data
        if attachment_id is not UNSET:
            field_dict["attachment_id"] = attachment_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.metadata import Metadata

        d = dict(src_dict)
        text = d.pop("text", UNSET)

        _data = d.pop("data", UNSET)
        data: Metadata | Unset
        if isinstance(_data, Unset):
            data = UNSET
        else:
            data = Metadata.from_dict(_data)

        attachment_id = d.pop("attachment_id", UNSET)

        message_content = cls(
            text=text,
            data=data,
            attachment_id=attachment_id,
        )

        message_content.additional_properties = d
        return message_content

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
