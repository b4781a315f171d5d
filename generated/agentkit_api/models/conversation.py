from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.message import Message
    from ..models.participant import Participant


T = TypeVar("T", bound="Conversation")


@_attrs_define
class Conversation:
    id: str
    """ `conv_...` """
    kind: str
    """ `direct` (two identities) or `group`. New kinds may be added. """
    participants: list[Participant]
    last_seq: int
    last_read_seq: int
    unread_count: int
    last_message: Message | None
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.message import Message

        id = self.id

        kind = self.kind

        participants = []
        for participants_item_data in self.participants:
            participants_item = participants_item_data.to_dict()
            participants.append(participants_item)

        last_seq = self.last_seq

        last_read_seq = self.last_read_seq

        unread_count = self.unread_count

        last_message: dict[str, Any] | None
        if isinstance(self.last_message, Message):
            last_message = self.last_message.to_dict()
        else:
            last_message = self.last_message

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "kind": kind,
                "participants": participants,
                "last_seq": last_seq,
                "last_read_seq": last_read_seq,
                "unread_count": unread_count,
                "last_message": last_message,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.message import Message
        from ..models.participant import Participant

        d = dict(src_dict)
        id = d.pop("id")

        kind = d.pop("kind")

        participants = []
        _participants = d.pop("participants")
        for participants_item_data in _participants:
            participants_item = Participant.from_dict(participants_item_data)

            participants.append(participants_item)

        last_seq = d.pop("last_seq")

        last_read_seq = d.pop("last_read_seq")

        unread_count = d.pop("unread_count")

        def _parse_last_message(data: object) -> Message | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                last_message_type_0 = Message.from_dict(data)

                return last_message_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Message | None, data)

        last_message = _parse_last_message(d.pop("last_message"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        conversation = cls(
            id=id,
            kind=kind,
            participants=participants,
            last_seq=last_seq,
            last_read_seq=last_read_seq,
            unread_count=unread_count,
            last_message=last_message,
            created_at=created_at,
            updated_at=updated_at,
        )

        conversation.additional_properties = d
        return conversation

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
