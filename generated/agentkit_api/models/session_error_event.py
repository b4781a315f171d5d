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

if TYPE_CHECKING:
    from ..models.error_detail import ErrorDetail


T = TypeVar("T", bound="SessionErrorEvent")


@_attrs_define
class SessionErrorEvent:
    """SSE event `error`: the turn failed; a `stop` with reason `error` follows."""

    type_: Literal["error"]
    id: int
    session_id: str
    message_index: int | None
    error: ErrorDetail
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        id = self.id

        session_id = self.session_id

        message_index: int | None
        message_index = self.message_index

        error = self.error.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "id": id,
                "session_id": session_id,
                "message_index": message_index,
                "error": error,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.error_detail import ErrorDetail

        d = dict(src_dict)
        type_ = cast(Literal["error"], d.pop("type"))
        if type_ != "error":
            raise ValueError(f"type must match const 'error', got '{type_}'")

        id = d.pop("id")

        session_id = d.pop("session_id")

        def _parse_message_index(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        message_index = _parse_message_index(d.pop("message_index"))

        error = ErrorDetail.from_dict(d.pop("error"))

        session_error_event = cls(
            type_=type_,
            id=id,
            session_id=session_id,
            message_index=message_index,
            error=error,
        )

        session_error_event.additional_properties = d
        return session_error_event

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
    def type(self) -> Literal["error"]:
        """``type``, by its wire name (the same as ``type_``)."""
        return self.type_
