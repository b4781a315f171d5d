from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="PresenceBatch")


@_attrs_define
class PresenceBatch:
    handles: list[str]

    def to_dict(self) -> dict[str, Any]:
        handles = self.handles

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "handles": handles,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        handles = cast(list[str], d.pop("handles"))

        presence_batch = cls(
            handles=handles,
        )

        return presence_batch
