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

T = TypeVar("T", bound="UIToolOutputErrorChunk")


@_attrs_define
class UIToolOutputErrorChunk:
    type_: Literal["tool-output-error"]
    tool_call_id: str
    error_text: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        tool_call_id = self.tool_call_id

        error_text = self.error_text

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "toolCallId": tool_call_id,
                "errorText": error_text,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        type_ = cast(Literal["tool-output-error"], d.pop("type"))
        if type_ != "tool-output-error":
            raise ValueError(
                f"type must match const 'tool-output-error', got '{type_}'"
            )

        tool_call_id = d.pop("toolCallId")

        error_text = d.pop("errorText")

        ui_tool_output_error_chunk = cls(
            type_=type_,
            tool_call_id=tool_call_id,
            error_text=error_text,
        )

        ui_tool_output_error_chunk.additional_properties = d
        return ui_tool_output_error_chunk

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
    def type(self) -> Literal["tool-output-error"]:
        """``type``, by its wire name (the same as ``type_``)."""
        return self.type_
