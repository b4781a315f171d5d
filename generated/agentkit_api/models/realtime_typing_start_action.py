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

T = TypeVar("T", bound="RealtimeTypingStartAction")


@_attrs_define
class RealtimeTypingStartAction:
    """Client frame: the caller started typing in a conversation (relayed, not stored)."""

    type_: Literal["typing.start"]
    conversation_id: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        conversation_id = self.conversation_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "conversation_id": conversation_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        type_ = cast(Literal["typing.start"], d.pop("type"))
        if type_ != "typing.start":
            raise ValueError(f"type must match const 'typing.start', got '{type_}'")

        conversation_id = d.pop("conversation_id")

        realtime_typing_start_action = cls(
            type_=type_,
            conversation_id=conversation_id,
        )

        realtime_typing_start_action.additional_properties = d
        return realtime_typing_start_action

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
    def type(self) -> Literal["typing.start"]:
        """``type``, by its wire name (the same as ``type_``)."""
        return self.type_
