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

from ..types import UNSET, Unset

T = TypeVar("T", bound="RealtimeHello")


@_attrs_define
class RealtimeHello:
    """Client frame, the first one: the identity's API key and the capabilities asked for (`ack`)."""

    type_: Literal["hello"]
    api_key: str
    capabilities: list[str] | Unset = UNSET
    client: str | Unset = UNSET
    client_version: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        api_key = self.api_key

        capabilities: list[str] | Unset = UNSET
        if not isinstance(self.capabilities, Unset):
            capabilities = self.capabilities

        client = self.client

        client_version = self.client_version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "api_key": api_key,
            }
        )
        if capabilities is not UNSET:
            field_dict["capabilities"] = capabilities
        if client is not UNSET:
            field_dict["client"] = client
        if client_version is not UNSET:
            field_dict["client_version"] = client_version

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        type_ = cast(Literal["hello"], d.pop("type"))
        if type_ != "hello":
            raise ValueError(f"type must match const 'hello', got '{type_}'")

        api_key = d.pop("api_key")

        capabilities = cast(list[str], d.pop("capabilities", UNSET))

        client = d.pop("client", UNSET)

        client_version = d.pop("client_version", UNSET)

        realtime_hello = cls(
            type_=type_,
            api_key=api_key,
            capabilities=capabilities,
            client=client,
            client_version=client_version,
        )

        realtime_hello.additional_properties = d
        return realtime_hello

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
    def type(self) -> Literal["hello"]:
        """``type``, by its wire name (the same as ``type_``)."""
        return self.type_
