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
    from ..models.message import Message


T = TypeVar("T", bound="RealtimeMessageNewEvent")


@_attrs_define
class RealtimeMessageNewEvent:
    """Server event: a message for the caller (its delivery is `delivery_id`); acknowledge it with an `ack` frame in ack
    mode.

    """

    type_: Literal["message.new"]
    id: str
    """ `evt_...` """
    delivery_id: str
    """ `del_...`: the caller's delivery of this message. """
    payload: Message
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        id = self.id

        delivery_id = self.delivery_id

        payload = self.payload.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "id": id,
                "delivery_id": delivery_id,
                "payload": payload,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.message import Message

        d = dict(src_dict)
        type_ = cast(Literal["message.new"], d.pop("type"))
        if type_ != "message.new":
            raise ValueError(f"type must match const 'message.new', got '{type_}'")

        id = d.pop("id")

        delivery_id = d.pop("delivery_id")

        payload = Message.from_dict(d.pop("payload"))

        realtime_message_new_event = cls(
            type_=type_,
            id=id,
            delivery_id=delivery_id,
            payload=payload,
        )

        realtime_message_new_event.additional_properties = d
        return realtime_message_new_event

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
    def type(self) -> Literal["message.new"]:
        """``type``, by its wire name (the same as ``type_``)."""
        return self.type_
