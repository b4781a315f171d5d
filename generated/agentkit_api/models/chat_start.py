from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.chat_message_input import ChatMessageInput
    from ..models.metadata import Metadata


T = TypeVar("T", bound="ChatStart")


@_attrs_define
class ChatStart:
    agent_id: str
    """ The target agent. """
    message: ChatMessageInput
    chat_id: str | Unset = UNSET
    """ A client-chosen chat id; the server makes one when it is left out. """
    metadata: Metadata | Unset = UNSET
    """ Free-form JSON metadata kept with the object. """
    trace_id: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        agent_id = self.agent_id

        message = self.message.to_dict()

        chat_id = self.chat_id

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        trace_id = self.trace_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "agent_id": agent_id,
                "message": message,
            }
        )
        if chat_id is not UNSET:
            field_dict["chat_id"] = chat_id
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if trace_id is not UNSET:
            field_dict["trace_id"] = trace_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.chat_message_input import ChatMessageInput
        from ..models.metadata import Metadata

        d = dict(src_dict)
        agent_id = d.pop("agent_id")

        message = ChatMessageInput.from_dict(d.pop("message"))

        chat_id = d.pop("chat_id", UNSET)

        _metadata = d.pop("metadata", UNSET)
        metadata: Metadata | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = Metadata.from_dict(_metadata)

        trace_id = d.pop("trace_id", UNSET)

        chat_start = cls(
            agent_id=agent_id,
            message=message,
            chat_id=chat_id,
            metadata=metadata,
            trace_id=trace_id,
        )

        return chat_start
