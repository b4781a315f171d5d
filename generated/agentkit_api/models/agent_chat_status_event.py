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

from ..models.agent_chat_status import AgentChatStatus

T = TypeVar("T", bound="AgentChatStatusEvent")


@_attrs_define
class AgentChatStatusEvent:
    type_: Literal["status"]
    chat_id: str
    status: AgentChatStatus
    """ `ready`: waiting for the user's next message; `streaming`: the agent is answering;
    `awaiting_tool_results`: the agent waits for client tool results (given on the chat's
    session); `error`: the last reply failed (the chat takes a new message).
     """
    title: None | str
    message_count: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        chat_id = self.chat_id

        status = self.status.value

        title: None | str
        title = self.title

        message_count = self.message_count

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "chat_id": chat_id,
                "status": status,
                "title": title,
                "message_count": message_count,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        type_ = cast(Literal["status"], d.pop("type"))
        if type_ != "status":
            raise ValueError(f"type must match const 'status', got '{type_}'")

        chat_id = d.pop("chat_id")

        status = AgentChatStatus(d.pop("status"))

        def _parse_title(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        title = _parse_title(d.pop("title"))

        message_count = d.pop("message_count")

        agent_chat_status_event = cls(
            type_=type_,
            chat_id=chat_id,
            status=status,
            title=title,
            message_count=message_count,
        )

        agent_chat_status_event.additional_properties = d
        return agent_chat_status_event

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
    def type(self) -> Literal["status"]:
        """``type``, by its wire name (the same as ``type_``)."""
        return self.type_
