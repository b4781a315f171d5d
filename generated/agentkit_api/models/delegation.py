from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.delegation_message import DelegationMessage


T = TypeVar("T", bound="Delegation")


@_attrs_define
class Delegation:
    """A sub-agent's own conversation within a session: every message the session's agent
    delegated to it, and its answers. Each delegation shows in the session's stream as a
    `tool_call` / `tool_result` pair of the server tool `delegate`, whose input names the
    sub-agent and whose output carries the answer and this conversation's id.

    """

    id: str
    """ `dlg_...` """
    session_id: str
    agent_id: str
    agent_name: str
    messages: list[DelegationMessage]
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        session_id = self.session_id

        agent_id = self.agent_id

        agent_name = self.agent_name

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
                "session_id": session_id,
                "agent_id": agent_id,
                "agent_name": agent_name,
                "messages": messages,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.delegation_message import DelegationMessage

        d = dict(src_dict)
        id = d.pop("id")

        session_id = d.pop("session_id")

        agent_id = d.pop("agent_id")

        agent_name = d.pop("agent_name")

        messages = []
        _messages = d.pop("messages")
        for messages_item_data in _messages:
            messages_item = DelegationMessage.from_dict(messages_item_data)

            messages.append(messages_item)

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        delegation = cls(
            id=id,
            session_id=session_id,
            agent_id=agent_id,
            agent_name=agent_name,
            messages=messages,
            created_at=created_at,
            updated_at=updated_at,
        )

        delegation.additional_properties = d
        return delegation

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
