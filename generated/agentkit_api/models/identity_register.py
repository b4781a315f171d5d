from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="IdentityRegister")


@_attrs_define
class IdentityRegister:
    email: str
    handle: str
    """ 3 to 32 of `a-z`, `0-9`, `-`, `_`, starting with a letter; a leading `@` is dropped. """
    display_name: str

    def to_dict(self) -> dict[str, Any]:
        email = self.email

        handle = self.handle

        display_name = self.display_name

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "email": email,
                "handle": handle,
                "display_name": display_name,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        email = d.pop("email")

        handle = d.pop("handle")

        display_name = d.pop("display_name")

        identity_register = cls(
            email=email,
            handle=handle,
            display_name=display_name,
        )

        return identity_register
