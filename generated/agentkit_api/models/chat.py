from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.chat_status import ChatStatus

if TYPE_CHECKING:
    from ..models.chat_message import ChatMessage
    from ..models.metadata import Metadata


T = TypeVar("T", bound="Chat")


@_attrs_define
class Chat:
    id: str
    """ `chat_...`, or the id the client chose. """
    agent_id: str
    status: ChatStatus
    message: ChatMessage | None
    """ The agent's latest reply, if any. """
    participants: list[str]
    metadata: Metadata
    """ Free-form JSON metadata kept with the object. """
    trace_id: None | str
    message_count: int
    created_at: datetime.datetime
    closed_at: datetime.datetime | None
    close_reason: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.chat_message import ChatMessage

        id = self.id

        agent_id = self.agent_id

        status = self.status.value

        message: dict[str, Any] | None
        if isinstance(self.message, ChatMessage):
            message = self.message.to_dict()
        else:
            message = self.message

        participants = self.participants

        metadata = self.metadata.to_dict()

        trace_id: None | str
        trace_id = self.trace_id

        message_count = self.message_count

        created_at = self.created_at.isoformat()

        closed_at: None | str
        if isinstance(self.closed_at, datetime.datetime):
            closed_at = self.closed_at.isoformat()
        else:
            closed_at = self.closed_at

        close_reason: None | str
        close_reason = self.close_reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "agent_id": agent_id,
                "status": status,
                "message": message,
                "participants": participants,
                "metadata": metadata,
                "trace_id": trace_id,
                "message_count": message_count,
                "created_at": created_at,
                "closed_at": closed_at,
                "close_reason": close_reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.chat_message import ChatMessage
        from ..models.metadata import Metadata

        d = dict(src_dict)
        id = d.pop("id")

        agent_id = d.pop("agent_id")

        status = ChatStatus(d.pop("status"))

        def _parse_message(data: object) -> ChatMessage | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                message_type_0 = ChatMessage.from_dict(data)

                return message_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ChatMessage | None, data)

        message = _parse_message(d.pop("message"))

        participants = cast(list[str], d.pop("participants"))

        metadata = Metadata.from_dict(d.pop("metadata"))

        def _parse_trace_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        trace_id = _parse_trace_id(d.pop("trace_id"))

        message_count = d.pop("message_count")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_closed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                closed_at_type_0 = datetime.datetime.fromisoformat(data)

                return closed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        closed_at = _parse_closed_at(d.pop("closed_at"))

        def _parse_close_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        close_reason = _parse_close_reason(d.pop("close_reason"))

        chat = cls(
            id=id,
            agent_id=agent_id,
            status=status,
            message=message,
            participants=participants,
            metadata=metadata,
            trace_id=trace_id,
            message_count=message_count,
            created_at=created_at,
            closed_at=closed_at,
            close_reason=close_reason,
        )

        chat.additional_properties = d
        return chat

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
