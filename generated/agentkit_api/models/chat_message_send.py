from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.chat_message_input import ChatMessageInput


T = TypeVar("T", bound="ChatMessageSend")


@_attrs_define
class ChatMessageSend:
    message: ChatMessageInput
    trace_id: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        message = self.message.to_dict()

        trace_id = self.trace_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "message": message,
            }
        )
        if trace_id is not UNSET:
            field_dict["trace_id"] = trace_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.chat_message_input import ChatMessageInput

        d = dict(src_dict)
        message = ChatMessageInput.from_dict(d.pop("message"))

        trace_id = d.pop("trace_id", UNSET)

        chat_message_send = cls(
            message=message,
            trace_id=trace_id,
        )

        return chat_message_send
