from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.agent_chat_status import AgentChatStatus

if TYPE_CHECKING:
    from ..models.agent_chat_message import AgentChatMessage


T = TypeVar("T", bound="AgentChatWithMessages")


@_attrs_define
class AgentChatWithMessages:
    id: str
    agent_id: str
    session_id: str
    title: None | str
    status: AgentChatStatus
    """ `ready`: waiting for the user's next message; `streaming`: the agent is answering;
    `awaiting_tool_results`: the agent waits for client tool results (given on the chat's
    session); `error`: the last reply failed (the chat takes a new message).
     """
    message_count: int
    messages: list[AgentChatMessage]
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        agent_id = self.agent_id

        session_id = self.session_id

        title: None | str
        title = self.title

        status = self.status.value

        message_count = self.message_count

        messages = []
        for messages_item_data in self.messages:
            messages_item = messages_item_data.to_dict()
            messages.append(messages_item)

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "agent_id": agent_id,
                "session_id": session_id,
                "title": title,
                "status": status,
                "message_count": message_count,
                "messages": messages,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.agent_chat_message import AgentChatMessage

        d = dict(src_dict)
        id = d.pop("id")

        agent_id = d.pop("agent_id")

        session_id = d.pop("session_id")

        def _parse_title(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        title = _parse_title(d.pop("title"))

        status = AgentChatStatus(d.pop("status"))

        message_count = d.pop("message_count")

        messages = []
        _messages = d.pop("messages")
        for messages_item_data in _messages:
            messages_item = AgentChatMessage.from_dict(messages_item_data)

            messages.append(messages_item)

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        agent_chat_with_messages = cls(
            id=id,
            agent_id=agent_id,
            session_id=session_id,
            title=title,
            status=status,
            message_count=message_count,
            messages=messages,
            created_at=created_at,
            updated_at=updated_at,
        )

        agent_chat_with_messages.additional_properties = d
        return agent_chat_with_messages

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
