from __future__ import annotations

from collections.abc import Mapping
from typing import (
    Any,
    Literal,
    Self,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.tool_result_status import ToolResultStatus

T = TypeVar("T", bound="ChatDelegationEvent")


@_attrs_define
class ChatDelegationEvent:
    """SSE event `delegation`: the agent handed a message to one of its sub-agents, which
    answered in a session of its own (`session_id`, one per chat and sub-agent, read with
    the sessions operations), or could not be asked (`status` `error`, with the reason in
    `error`). Sent during the reply, before the content that uses the answer.

    """

    type_: Literal["delegation"]
    chat_id: str
    message_id: str
    agent: str
    """ The sub-agent as the agent named it. """
    agent_id: None | str
    agent_name: None | str
    session_id: None | str
    status: ToolResultStatus
    reply: None | str
    error: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        chat_id = self.chat_id

        message_id = self.message_id

        agent = self.agent

        agent_id: None | str
        agent_id = self.agent_id

        agent_name: None | str
        agent_name = self.agent_name

        session_id: None | str
        session_id = self.session_id

        status = self.status.value

        reply: None | str
        reply = self.reply

        error: None | str
        error = self.error

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "chat_id": chat_id,
                "message_id": message_id,
                "agent": agent,
                "agent_id": agent_id,
                "agent_name": agent_name,
                "session_id": session_id,
                "status": status,
                "reply": reply,
                "error": error,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        type_ = cast(Literal["delegation"], d.pop("type"))
        if type_ != "delegation":
            raise ValueError(f"type must match const 'delegation', got '{type_}'")

        chat_id = d.pop("chat_id")

        message_id = d.pop("message_id")

        agent = d.pop("agent")

        def _parse_agent_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        agent_id = _parse_agent_id(d.pop("agent_id"))

        def _parse_agent_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        agent_name = _parse_agent_name(d.pop("agent_name"))

        def _parse_session_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        session_id = _parse_session_id(d.pop("session_id"))

        status = ToolResultStatus(d.pop("status"))

        def _parse_reply(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reply = _parse_reply(d.pop("reply"))

        def _parse_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        error = _parse_error(d.pop("error"))

        chat_delegation_event = cls(
            type_=type_,
            chat_id=chat_id,
            message_id=message_id,
            agent=agent,
            agent_id=agent_id,
            agent_name=agent_name,
            session_id=session_id,
            status=status,
            reply=reply,
            error=error,
        )

        chat_delegation_event.additional_properties = d
        return chat_delegation_event

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
    def type(self) -> Literal["delegation"]:
        """``type``, by its wire name (the same as ``type_``)."""
        return self.type_
