from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="UploadSlot")


@_attrs_define
class UploadSlot:
    attachment_id: str
    """ `att_...` """
    upload_url: str
    """ Relative to the API's base URL: PUT the bytes there, without the API key. """
    expires_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        attachment_id = self.attachment_id

        upload_url = self.upload_url

        expires_at = self.expires_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "attachment_id": attachment_id,
                "upload_url": upload_url,
                "expires_at": expires_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        attachment_id = d.pop("attachment_id")

        upload_url = d.pop("upload_url")

        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))

        upload_slot = cls(
            attachment_id=attachment_id,
            upload_url=upload_url,
            expires_at=expires_at,
        )

        upload_slot.additional_properties = d
        return upload_slot

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
