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

T = TypeVar("T", bound="RealtimeHelloOk")


@_attrs_define
class RealtimeHelloOk:
    """Server frame, the answer to `hello`: the capabilities accepted (a subset of those asked for)."""

    type_: Literal["hello.ok"]
    capabilities: list[str]
    handle: str
    """ The handle of the identity the key stands for. """
    session_id: str
    """ `rts_...`: this connection. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        capabilities = self.capabilities

        handle = self.handle

        session_id = self.session_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "capabilities": capabilities,
                "handle": handle,
                "session_id": session_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        type_ = cast(Literal["hello.ok"], d.pop("type"))
        if type_ != "hello.ok":
            raise ValueError(f"type must match const 'hello.ok', got '{type_}'")

        capabilities = cast(list[str], d.pop("capabilities"))

        handle = d.pop("handle")

        session_id = d.pop("session_id")

        realtime_hello_ok = cls(
            type_=type_,
            capabilities=capabilities,
            handle=handle,
            session_id=session_id,
        )

        realtime_hello_ok.additional_properties = d
        return realtime_hello_ok

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
    def type(self) -> Literal["hello.ok"]:
        """``type``, by its wire name (the same as ``type_``)."""
        return self.type_
