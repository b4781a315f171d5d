from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="SyncAck")


@_attrs_define
class SyncAck:
    last_delivery_id: str

    def to_dict(self) -> dict[str, Any]:
        last_delivery_id = self.last_delivery_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "last_delivery_id": last_delivery_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        last_delivery_id = d.pop("last_delivery_id")

        sync_ack = cls(
            last_delivery_id=last_delivery_id,
        )

        return sync_ack
