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


T = TypeVar("T", bound="UIToolInputAvailableChunk")


@_attrs_define
class UIToolInputAvailableChunk:
    type_: Literal["tool-input-available"]
    tool_call_id: str
    tool_name: str
    input_: JsonObject
    """ A free-form JSON object. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        tool_call_id = self.tool_call_id

        tool_name = self.tool_name

        input_ = self.input_.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "toolCallId": tool_call_id,
                "toolName": tool_name,
                "input": input_,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.json_object import JsonObject

        d = dict(src_dict)
        type_ = cast(Literal["tool-input-available"], d.pop("type"))
        if type_ != "tool-input-available":
            raise ValueError(
                f"type must match const 'tool-input-available', got '{type_}'"
            )

        tool_call_id = d.pop("toolCallId")

        tool_name = d.pop("toolName")

        input_ = JsonObject.from_dict(d.pop("input"))

        ui_tool_input_available_chunk = cls(
            type_=type_,
            tool_call_id=tool_call_id,
            tool_name=tool_name,
            input_=input_,
        )

        ui_tool_input_available_chunk.additional_properties = d
        return ui_tool_input_available_chunk

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
    def type(self) -> Literal["tool-input-available"]:
        """``type``, by its wire name (the same as ``type_``)."""
        return self.type_

    @property
    def input(self) -> dict[str, Any]:
        """``input`` as a plain dict (the one ``input_`` holds)."""
        return self.input_.additional_properties
