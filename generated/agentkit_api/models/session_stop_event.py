from __future__ import annotations

from collections.abc import Mapping
from typing import (
    TYPE_CHECKING,
    Any,
    Literal,
    Self,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.session_status import SessionStatus
from ..models.stop_reason import StopReason

if TYPE_CHECKING:
    from ..models.token_usage import TokenUsage


T = TypeVar("T", bound="SessionStopEvent")


@_attrs_define
class SessionStopEvent:
    """SSE event `stop`: the turn is over; carries the session's new status and the turn's usage."""

    type_: Literal["stop"]
    id: int
    session_id: str
    reason: StopReason
    """ Why a turn stopped: `end_turn` (the agent answered), `client_tool_call` (it waits for client
    tool results), `error`, or `cancelled`.
     """
    status: SessionStatus
    """ Whose turn it is: `not_started` (no message yet), `agent_turn` (the agent is generating),
    `user_turn` (waiting for a message), `client_tool_turn` (waiting for client tool results).
     """
    is_error: bool
    usage: TokenUsage
    skipped_index_ids: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        id = self.id

        session_id = self.session_id

        reason = self.reason.value

        status = self.status.value

        is_error = self.is_error

        usage = self.usage.to_dict()

        skipped_index_ids = self.skipped_index_ids

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "id": id,
                "session_id": session_id,
                "reason": reason,
                "status": status,
                "is_error": is_error,
                "usage": usage,
                "skipped_index_ids": skipped_index_ids,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.token_usage import TokenUsage

        d = dict(src_dict)
        type_ = cast(Literal["stop"], d.pop("type"))
        if type_ != "stop":
            raise ValueError(f"type must match const 'stop', got '{type_}'")

        id = d.pop("id")

        session_id = d.pop("session_id")

        reason = StopReason(d.pop("reason"))

        status = SessionStatus(d.pop("status"))

        is_error = d.pop("is_error")

        usage = TokenUsage.from_dict(d.pop("usage"))

        skipped_index_ids = cast(list[str], d.pop("skipped_index_ids"))

        session_stop_event = cls(
            type_=type_,
            id=id,
            session_id=session_id,
            reason=reason,
            status=status,
            is_error=is_error,
            usage=usage,
            skipped_index_ids=skipped_index_ids,
        )

        session_stop_event.additional_properties = d
        return session_stop_event

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
    def type(self) -> Literal["stop"]:
        """``type``, by its wire name (the same as ``type_``)."""
        return self.type_
