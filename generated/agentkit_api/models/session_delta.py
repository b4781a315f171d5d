from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.session_status import SessionStatus

if TYPE_CHECKING:
    from ..models.session_message import SessionMessage
    from ..models.token_usage import TokenUsage


T = TypeVar("T", bound="SessionDelta")


@_attrs_define
class SessionDelta:
    session_id: str
    continuation_token: str
    status: SessionStatus
    """ Whose turn it is: `not_started` (no message yet), `agent_turn` (the agent is generating),
    `user_turn` (waiting for a message), `client_tool_turn` (waiting for client tool results).
     """
    title: None | str
    generated_title: None | str
    messages: list[SessionMessage]
    """ The messages created or updated since the token, each whole, by `index`. """
    message_count: int
    usage: TokenUsage
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        session_id = self.session_id

        continuation_token = self.continuation_token

        status = self.status.value

        title: None | str
        title = self.title

        generated_title: None | str
        generated_title = self.generated_title

        messages = []
        for messages_item_data in self.messages:
            messages_item = messages_item_data.to_dict()
            messages.append(messages_item)

        message_count = self.message_count

        usage = self.usage.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "session_id": session_id,
                "continuation_token": continuation_token,
                "status": status,
                "title": title,
                "generated_title": generated_title,
                "messages": messages,
                "message_count": message_count,
                "usage": usage,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.session_message import SessionMessage
        from ..models.token_usage import TokenUsage

        d = dict(src_dict)
        session_id = d.pop("session_id")

        continuation_token = d.pop("continuation_token")

        status = SessionStatus(d.pop("status"))

        def _parse_title(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        title = _parse_title(d.pop("title"))

        def _parse_generated_title(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        generated_title = _parse_generated_title(d.pop("generated_title"))

        messages = []
        _messages = d.pop("messages")
        for messages_item_data in _messages:
            messages_item = SessionMessage.from_dict(messages_item_data)

            messages.append(messages_item)

        message_count = d.pop("message_count")

        usage = TokenUsage.from_dict(d.pop("usage"))

        session_delta = cls(
            session_id=session_id,
            continuation_token=continuation_token,
            status=status,
            title=title,
            generated_title=generated_title,
            messages=messages,
            message_count=message_count,
            usage=usage,
        )

        session_delta.additional_properties = d
        return session_delta

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
