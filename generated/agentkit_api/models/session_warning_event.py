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

T = TypeVar("T", bound="SessionWarningEvent")


@_attrs_define
class SessionWarningEvent:
    """SSE event `warning`: something the turn worked around, such as a skipped index."""

    type_: Literal["warning"]
    id: int
    session_id: str
    code: str
    """ A stable UPPER_SNAKE code, such as INDEX_SKIPPED. """
    message: str
    index_id: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        id = self.id

        session_id = self.session_id

        code = self.code

        message = self.message

        index_id: None | str
        index_id = self.index_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "id": id,
                "session_id": session_id,
                "code": code,
                "message": message,
                "index_id": index_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        type_ = cast(Literal["warning"], d.pop("type"))
        if type_ != "warning":
            raise ValueError(f"type must match const 'warning', got '{type_}'")

        id = d.pop("id")

        session_id = d.pop("session_id")

        code = d.pop("code")

        message = d.pop("message")

        def _parse_index_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        index_id = _parse_index_id(d.pop("index_id"))

        session_warning_event = cls(
            type_=type_,
            id=id,
            session_id=session_id,
            code=code,
            message=message,
            index_id=index_id,
        )

        session_warning_event.additional_properties = d
        return session_warning_event

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
    def type(self) -> Literal["warning"]:
        """``type``, by its wire name (the same as ``type_``)."""
        return self.type_
