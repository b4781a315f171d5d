from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="CodeVerification")


@_attrs_define
class CodeVerification:
    pending_id: str
    code: str

    def to_dict(self) -> dict[str, Any]:
        pending_id = self.pending_id

        code = self.code

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "pending_id": pending_id,
                "code": code,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        pending_id = d.pop("pending_id")

        code = d.pop("code")

        code_verification = cls(
            pending_id=pending_id,
            code=code,
        )

        return code_verification
