from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.presence_update_status import PresenceUpdateStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="PresenceUpdate")


@_attrs_define
class PresenceUpdate:
    status: PresenceUpdateStatus
    custom_status: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        status = self.status.value

        custom_status: None | str | Unset
        if isinstance(self.custom_status, Unset):
            custom_status = UNSET
        else:
            custom_status = self.custom_status

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "status": status,
            }
        )
        if custom_status is not UNSET:
            field_dict["custom_status"] = custom_status

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        status = PresenceUpdateStatus(d.pop("status"))

        def _parse_custom_status(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        custom_status = _parse_custom_status(d.pop("custom_status", UNSET))

        presence_update = cls(
            status=status,
            custom_status=custom_status,
        )

        return presence_update
