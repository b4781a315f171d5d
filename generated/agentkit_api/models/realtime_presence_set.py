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

from ..models.realtime_presence_set_status import RealtimePresenceSetStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="RealtimePresenceSet")


@_attrs_define
class RealtimePresenceSet:
    """Client frame: set the caller's presence, as `PUT /v1/presence`."""

    type_: Literal["presence.update"]
    status: RealtimePresenceSetStatus
    custom_status: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        status = self.status.value

        custom_status: None | str | Unset
        if isinstance(self.custom_status, Unset):
            custom_status = UNSET
        else:
            custom_status = self.custom_status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "status": status,
            }
        )
        if custom_status is not UNSET:
            field_dict["custom_status"] = custom_status

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        type_ = cast(Literal["presence.update"], d.pop("type"))
        if type_ != "presence.update":
            raise ValueError(f"type must match const 'presence.update', got '{type_}'")

        status = RealtimePresenceSetStatus(d.pop("status"))

        def _parse_custom_status(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        custom_status = _parse_custom_status(d.pop("custom_status", UNSET))

        realtime_presence_set = cls(
            type_=type_,
            status=status,
            custom_status=custom_status,
        )

        realtime_presence_set.additional_properties = d
        return realtime_presence_set

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
    def type(self) -> Literal["presence.update"]:
        """``type``, by its wire name (the same as ``type_``)."""
        return self.type_
