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
    from ..models.json_object import JsonObject


T = TypeVar("T", bound="SessionToolCallEvent")


@_attrs_define
class SessionToolCallEvent:
    """SSE event `tool_call`: the agent calls a tool; `client` tools wait for the client."""

    type_: Literal["tool_call"]
    id: int
    session_id: str
    message_index: int
    tool_use_id: str
    tool_name: str
    input_: JsonObject
    """ A free-form JSON object. """
    client: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        id = self.id

        session_id = self.session_id

        message_index = self.message_index

        tool_use_id = self.tool_use_id

        tool_name = self.tool_name

        input_ = self.input_.to_dict()

        client = self.client

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "id": id,
                "session_id": session_id,
                "message_index": message_index,
                "tool_use_id": tool_use_id,
                "tool_name": tool_name,
                "input": input_,
                "client": client,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.json_object import JsonObject

        d = dict(src_dict)
        type_ = cast(Literal["tool_call"], d.pop("type"))
        if type_ != "tool_call":
            raise ValueError(f"type must match const 'tool_call', got '{type_}'")

        id = d.pop("id")

        session_id = d.pop("session_id")

        message_index = d.pop("message_index")

        tool_use_id = d.pop("tool_use_id")

        tool_name = d.pop("tool_name")

        input_ = JsonObject.from_dict(d.pop("input"))

        client = d.pop("client")

        session_tool_call_event = cls(
            type_=type_,
            id=id,
            session_id=session_id,
            message_index=message_index,
            tool_use_id=tool_use_id,
            tool_name=tool_name,
            input_=input_,
            client=client,
        )

        session_tool_call_event.additional_properties = d
        return session_tool_call_event

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
    def type(self) -> Literal["tool_call"]:
        """``type``, by its wire name (the same as ``type_``)."""
        return self.type_

    @property
    def input(self) -> dict[str, Any]:
        """``input`` as a plain dict (the one ``input_`` holds)."""
        return self.input_.additional_properties
