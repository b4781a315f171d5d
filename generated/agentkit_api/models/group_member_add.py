from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="GroupMemberAdd")


@_attrs_define
class GroupMemberAdd:
    handle: str

    def to_dict(self) -> dict[str, Any]:
        handle = self.handle

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "handle": handle,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        handle = d.pop("handle")

        group_member_add = cls(
            handle=handle,
        )

        return group_member_add
