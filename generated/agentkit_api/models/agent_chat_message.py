from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.agent_chat_message_role import AgentChatMessageRole

if TYPE_CHECKING:
    from ..models.agent_chat_message_metadata import AgentChatMessageMetadata
    from ..models.ui_message_part import UIMessagePart


T = TypeVar("T", bound="AgentChatMessage")


@_attrs_define
class AgentChatMessage:
    """A message of a chat as an AI SDK `UIMessage`."""

    id: str
    role: AgentChatMessageRole
    parts: list[UIMessagePart]
    metadata: AgentChatMessageMetadata
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        role = self.role.value

        parts = []
        for parts_item_data in self.parts:
            parts_item = parts_item_data.to_dict()
            parts.append(parts_item)

        metadata = self.metadata.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "role": role,
                "parts": parts,
                "metadata": metadata,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.agent_chat_message_metadata import AgentChatMessageMetadata
        from ..models.ui_message_part import UIMessagePart

        d = dict(src_dict)
        id = d.pop("id")

        role = AgentChatMessageRole(d.pop("role"))

        parts = []
        _parts = d.pop("parts")
        for parts_item_data in _parts:
            parts_item = UIMessagePart.from_dict(parts_item_data)

            parts.append(parts_item)

        metadata = AgentChatMessageMetadata.from_dict(d.pop("metadata"))

        agent_chat_message = cls(
            id=id,
            role=role,
            parts=parts,
            metadata=metadata,
        )

        agent_chat_message.additional_properties = d
        return agent_chat_message

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
