from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.message_content import MessageContent
    from ..models.metadata import Metadata


T = TypeVar("T", bound="MessageSend")


@_attrs_define
class MessageSend:
    """Name the recipient with exactly one of `to` (a handle), `conversation_id` and `group_id`."""

    client_msg_id: str
    """ The sender's id of this send; repeating it returns the same message. """
    content: MessageContent
    """ What a message says: `text`, structured `data`, or an `attachment_id` (one or more of
    them). Fields added later are kept.
     """
    to: str | Unset = UNSET
    """ A handle: `@alice` or `alice`. """
    conversation_id: str | Unset = UNSET
    group_id: str | Unset = UNSET
    """ A group you are a member of (its conversation). """
    metadata: Metadata | Unset = UNSET
    """ Free-form JSON metadata kept with the object. """

    def to_dict(self) -> dict[str, Any]:
        client_msg_id = self.client_msg_id

        content = self.content.to_dict()

        to = self.to

        conversation_id = self.conversation_id

        group_id = self.group_id

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "client_msg_id": client_msg_id,
                "content": content,
            }
        )
        if to is not UNSET:
            field_dict["to"] = to
        if conversation_id is not UNSET:
            field_dict["conversation_id"] = conversation_id
        if group_id is not UNSET:
            field_dict["group_id"] = group_id
        if metadata is not UNSET:
            field_dict["metadata"] = metadata

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.message_content import MessageContent
        from ..models.metadata import Metadata

        d = dict(src_dict)
        client_msg_id = d.pop("client_msg_id")

        content = MessageContent.from_dict(d.pop("content"))

        to = d.pop("to", UNSET)

        conversation_id = d.pop("conversation_id", UNSET)

        group_id = d.pop("group_id", UNSET)

        _metadata = d.pop("metadata", UNSET)
        metadata: Metadata | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = Metadata.from_dict(_metadata)

        message_send = cls(
            client_msg_id=client_msg_id,
            content=content,
            to=to,
            conversation_id=conversation_id,
            group_id=group_id,
            metadata=metadata,
        )

        return message_send
