from __future__ import annotations

from collections.abc import Mapping
from typing import (
    TYPE_CHECKING,
    Any,
    Literal,
    Self,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.realtime_typing import RealtimeTyping


T = TypeVar("T", bound="RealtimeTypingStartEvent")


@_attrs_define
class RealtimeTypingStartEvent:
    """Server event: another member started typing."""

    type_: Literal["typing.start"]
    id: str
    payload: RealtimeTyping
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        id = self.id

        payload = self.payload.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "id": id,
                "payload": payload,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.realtime_typing import RealtimeTyping

        d = dict(src_dict)
        type_ = cast(Literal["typing.start"], d.pop("type"))
        if type_ != "typing.start":
            raise ValueError(f"type must match const 'typing.start', got '{type_}'")

        id = d.pop("id")

        payload = RealtimeTyping.from_dict(d.pop("payload"))

        realtime_typing_start_event = cls(
            type_=type_,
            id=id,
            payload=payload,
        )

        realtime_typing_start_event.additional_properties = d
        return realtime_typing_start_event

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
