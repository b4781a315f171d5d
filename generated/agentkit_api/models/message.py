from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.message_content import MessageContent
    from ..models.metadata import Metadata


T = TypeVar("T", bound="Message")


@_attrs_define
class Message:
    id: str
    """ `msg_...` """
    conversation_id: str
    seq: int
    """ Counts up from 1 per conversation """
    sender: str
    """ The sender's handle. """
    client_msg_id: str
    type_: str
    """ `text`, `structured` (data), `file` (an attachment) or `system`. New types may be added. """
    content: MessageContent
    """ What a message says: `text`, structured `data`, or an `attachment_id` (one or more of
    them). Fields added later are kept.
     """
    metadata: Metadata
    """ Free-form JSON metadata kept with the object. """
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        conversation_id = self.conversation_id

        seq = self.seq

        sender = self.sender

        client_msg_id = self.client_msg_id

        type_ = self.type_

        content = self.content.to_dict()

        metadata = self.metadata.to_dict()

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "conversation_id": conversation_id,
                "seq": seq,
                "sender": sender,
                "client_msg_id": client_msg_id,
                "type": type_,
                "content": content,
                "metadata": metadata,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.message_content import MessageContent
        from ..models.metadata import Metadata

        d = dict(src_dict)
        id = d.pop("id")

        conversation_id = d.pop("conversation_id")

        seq = d.pop("seq")

        sender = d.pop("sender")

        client_msg_id = d.pop("client_msg_id")

        type_ = d.pop("type")

        content = MessageContent.from_dict(d.pop("content"))

        metadata = Metadata.from_dict(d.pop("metadata"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        message = cls(
            id=id,
            conversation_id=conversation_id,
            seq=seq,
            sender=sender,
            client_msg_id=client_msg_id,
            type_=type_,
            content=content,
            metadata=metadata,
            created_at=created_at,
        )

        message.additional_properties = d
        return message

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
    def type(self) -> str:
        """``type``, by its wire name (the same as ``type_``)."""
        return self.type_
