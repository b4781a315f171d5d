from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.session_status import SessionStatus

if TYPE_CHECKING:
    from ..models.client_tool_spec import ClientToolSpec
    from ..models.metadata import Metadata
    from ..models.session_message import SessionMessage
    from ..models.token_usage import TokenUsage


T = TypeVar("T", bound="Session")


@_attrs_define
class Session:
    id: str
    """ `ses_...` """
    agent_id: str
    status: SessionStatus
    """ Whose turn it is: `not_started` (no message yet), `agent_turn` (the agent is generating),
    `user_turn` (waiting for a message), `client_tool_turn` (waiting for client tool results).
     """
    title: None | str
    """ The title you set """
    generated_title: None | str
    """ Made by the server from the first message. """
    system_prompt: None | str
    model_profile: None | str
    index_ids: list[str]
    """ The indexes the session is bound to; empty for an unbound session. """
    indexes_locked: bool
    """ True once the first message was sent. """
    client_tools: list[ClientToolSpec]
    metadata: Metadata
    """ Free-form JSON metadata kept with the object. """
    messages: list[SessionMessage]
    message_count: int
    usage: TokenUsage
    continuation_token: str
    """ Pass to `sessions_get_delta` for what changes next. """
    last_event_id: int
    """ The id of the session's latest event (0 before any). """
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        agent_id = self.agent_id

        status = self.status.value

        title: None | str
        title = self.title

        generated_title: None | str
        generated_title = self.generated_title

        system_prompt: None | str
        system_prompt = self.system_prompt

        model_profile: None | str
        model_profile = self.model_profile

        index_ids = self.index_ids

        indexes_locked = self.indexes_locked

        client_tools = []
        for client_tools_item_data in self.client_tools:
            client_tools_item = client_tools_item_data.to_dict()
            client_tools.append(client_tools_item)

        metadata = self.metadata.to_dict()

        messages = []
        for messages_item_data in self.messages:
            messages_item = messages_item_data.to_dict()
            messages.append(messages_item)

        message_count = self.message_count

        usage = self.usage.to_dict()

        continuation_token = self.continuation_token

        last_event_id = self.last_event_id

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "agent_id": agent_id,
                "status": status,
                "title": title,
                "generated_title": generated_title,
                "system_prompt": system_prompt,
                "model_profile": model_profile,
                "index_ids": index_ids,
                "indexes_locked": indexes_locked,
                "client_tools": client_tools,
                "metadata": metadata,
                "messages": messages,
                "message_count": message_count,
                "usage": usage,
                "continuation_token": continuation_token,
                "last_event_id": last_event_id,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.client_tool_spec import ClientToolSpec
        from ..models.metadata import Metadata
        from ..models.session_message import SessionMessage
        from ..models.token_usage import TokenUsage

        d = dict(src_dict)
        id = d.pop("id")

        agent_id = d.pop("agent_id")

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

        def _parse_system_prompt(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        system_prompt = _parse_system_prompt(d.pop("system_prompt"))

        def _parse_model_profile(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        model_profile = _parse_model_profile(d.pop("model_profile"))

        index_ids = cast(list[str], d.pop("index_ids"))

        indexes_locked = d.pop("indexes_locked")

        client_tools = []
        _client_tools = d.pop("client_tools")
        for client_tools_item_data in _client_tools:
            client_tools_item = ClientToolSpec.from_dict(client_tools_item_data)

            client_tools.append(client_tools_item)

        metadata = Metadata.from_dict(d.pop("metadata"))

        messages = []
        _messages = d.pop("messages")
        for messages_item_data in _messages:
            messages_item = SessionMessage.from_dict(messages_item_data)

            messages.append(messages_item)

        message_count = d.pop("message_count")

        usage = TokenUsage.from_dict(d.pop("usage"))

        continuation_token = d.pop("continuation_token")

        last_event_id = d.pop("last_event_id")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        session = cls(
            id=id,
            agent_id=agent_id,
            status=status,
            title=title,
            generated_title=generated_title,
            system_prompt=system_prompt,
            model_profile=model_profile,
            index_ids=index_ids,
            indexes_locked=indexes_locked,
            client_tools=client_tools,
            metadata=metadata,
            messages=messages,
            message_count=message_count,
            usage=usage,
            continuation_token=continuation_token,
            last_event_id=last_event_id,
            created_at=created_at,
            updated_at=updated_at,
        )

        session.additional_properties = d
        return session

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
