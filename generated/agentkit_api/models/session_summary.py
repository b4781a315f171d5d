from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.session_status import SessionStatus

if TYPE_CHECKING:
    from ..models.metadata import Metadata
    from ..models.token_usage import TokenUsage


T = TypeVar("T", bound="SessionSummary")


@_attrs_define
class SessionSummary:
    id: str
    agent_id: str
    status: SessionStatus
    """ Whose turn it is: `not_started` (no message yet), `agent_turn` (the agent is generating),
    `user_turn` (waiting for a message), `client_tool_turn` (waiting for client tool results).
     """
    title: None | str
    generated_title: None | str
    index_ids: list[str]
    metadata: Metadata
    """ Free-form JSON metadata kept with the object. """
    message_count: int
    usage: TokenUsage
    last_event_id: int
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

        index_ids = self.index_ids

        metadata = self.metadata.to_dict()

        message_count = self.message_count

        usage = self.usage.to_dict()

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
                "index_ids": index_ids,
                "metadata": metadata,
                "message_count": message_count,
                "usage": usage,
                "last_event_id": last_event_id,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.metadata import Metadata
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

        index_ids = cast(list[str], d.pop("index_ids"))

        metadata = Metadata.from_dict(d.pop("metadata"))

        message_count = d.pop("message_count")

        usage = TokenUsage.from_dict(d.pop("usage"))

        last_event_id = d.pop("last_event_id")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        session_summary = cls(
            id=id,
            agent_id=agent_id,
            status=status,
            title=title,
            generated_title=generated_title,
            index_ids=index_ids,
            metadata=metadata,
            message_count=message_count,
            usage=usage,
            last_event_id=last_event_id,
            created_at=created_at,
            updated_at=updated_at,
        )

        session_summary.additional_properties = d
        return session_summary

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
