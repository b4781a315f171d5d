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

from ..models.agent_chat_status_end_event_reason import AgentChatStatusEndEventReason

T = TypeVar("T", bound="AgentChatStatusEndEvent")


@_attrs_define
class AgentChatStatusEndEvent:
    type_: Literal["end"]
    chat_id: str
    reason: AgentChatStatusEndEventReason
    """ `idle`: no reply is under way (a stream without `follow`); `follow_limit`: the
    server's follow limit passed; `deleted`: the chat was deleted.
     """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        chat_id = self.chat_id

        reason = self.reason.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "chat_id": chat_id,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        type_ = cast(Literal["end"], d.pop("type"))
        if type_ != "end":
            raise ValueError(f"type must match const 'end', got '{type_}'")

        chat_id = d.pop("chat_id")

        reason = AgentChatStatusEndEventReason(d.pop("reason"))

        agent_chat_status_end_event = cls(
            type_=type_,
            chat_id=chat_id,
            reason=reason,
        )

        agent_chat_status_end_event.additional_properties = d
        return agent_chat_status_end_event

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
    def type(self) -> Literal["end"]:
        """``type``, by its wire name (the same as ``type_``)."""
        return self.type_
