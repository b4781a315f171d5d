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

T = TypeVar("T", bound="SessionTextEvent")


@_attrs_define
class SessionTextEvent:
    """SSE event `text`: a complete text block of the answer."""

    type_: Literal["text"]
    id: int
    session_id: str
    message_index: int
    content: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        id = self.id

        session_id = self.session_id

        message_index = self.message_index

        content = self.content

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "id": id,
                "session_id": session_id,
                "message_index": message_index,
                "content": content,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        type_ = cast(Literal["text"], d.pop("type"))
        if type_ != "text":
            raise ValueError(f"type must match const 'text', got '{type_}'")

        id = d.pop("id")

        session_id = d.pop("session_id")

        message_index = d.pop("message_index")

        content = d.pop("content")

        session_text_event = cls(
            type_=type_,
            id=id,
            session_id=session_id,
            message_index=message_index,
            content=content,
        )

        session_text_event.additional_properties = d
        return session_text_event

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
    def type(self) -> Literal["text"]:
        """``type``, by its wire name (the same as ``type_``)."""
        return self.type_
