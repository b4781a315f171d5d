from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.ui_message import UIMessage


T = TypeVar("T", bound="UIChatRequest")


@_attrs_define
class UIChatRequest:
    """The body the AI SDK's chat transport posts; extra fields are ignored."""

    messages: list[UIMessage]
    id: str | Unset = UNSET
    """ The conversation: one path segment (no `/`, at most 200 characters), so that the
    chat history operations can name it.
     """
    message_id: str | Unset = UNSET
    trigger: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        messages = []
        for messages_item_data in self.messages:
            messages_item = messages_item_data.to_dict()
            messages.append(messages_item)

        id = self.id

        message_id = self.message_id

        trigger = self.trigger

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "messages": messages,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if message_id is not UNSET:
            field_dict["messageId"] = message_id
        if trigger is not UNSET:
            field_dict["trigger"] = trigger

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.ui_message import UIMessage

        d = dict(src_dict)
        messages = []
        _messages = d.pop("messages")
        for messages_item_data in _messages:
            messages_item = UIMessage.from_dict(messages_item_data)

            messages.append(messages_item)

        id = d.pop("id", UNSET)

        message_id = d.pop("messageId", UNSET)

        trigger = d.pop("trigger", UNSET)

        ui_chat_request = cls(
            messages=messages,
            id=id,
            message_id=message_id,
            trigger=trigger,
        )

        ui_chat_request.additional_properties = d
        return ui_chat_request

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
