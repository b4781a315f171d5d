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

T = TypeVar("T", bound="ChatContentEvent")


@_attrs_define
class ChatContentEvent:
    """SSE event `content`: an incremental chunk of the reply's text."""

    type_: Literal["content"]
    chat_id: str
    message_id: str
    delta: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        chat_id = self.chat_id

        message_id = self.message_id

        delta = self.delta

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "chat_id": chat_id,
                "message_id": message_id,
                "delta": delta,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        type_ = cast(Literal["content"], d.pop("type"))
        if type_ != "content":
            raise ValueError(f"type must match const 'content', got '{type_}'")

        chat_id = d.pop("chat_id")

        message_id = d.pop("message_id")

        delta = d.pop("delta")

        chat_content_event = cls(
            type_=type_,
            chat_id=chat_id,
            message_id=message_id,
            delta=delta,
        )

        chat_content_event.additional_properties = d
        return chat_content_event

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
    def type(self) -> Literal["content"]:
        """``type``, by its wire name (the same as ``type_``)."""
        return self.type_
