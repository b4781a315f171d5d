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


T = TypeVar("T", bound="ToolUseBlock")


@_attrs_define
class ToolUseBlock:
    type_: Literal["tool_use"]
    tool_use_id: str
    tool_name: str
    input_: JsonObject
    """ A free-form JSON object. """
    client: bool
    """ Whether the client must run the tool (a client tool). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        tool_use_id = self.tool_use_id

        tool_name = self.tool_name

        input_ = self.input_.to_dict()

        client = self.client

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
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
        type_ = cast(Literal["tool_use"], d.pop("type"))
        if type_ != "tool_use":
            raise ValueError(f"type must match const 'tool_use', got '{type_}'")

        tool_use_id = d.pop("tool_use_id")

        tool_name = d.pop("tool_name")

        input_ = JsonObject.from_dict(d.pop("input"))

        client = d.pop("client")

        tool_use_block = cls(
            type_=type_,
            tool_use_id=tool_use_id,
            tool_name=tool_name,
            input_=input_,
            client=client,
        )

        tool_use_block.additional_properties = d
        return tool_use_block

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
    def type(self) -> Literal["tool_use"]:
        """``type``, by its wire name (the same as ``type_``)."""
        return self.type_

    @property
    def input(self) -> dict[str, Any]:
        """``input`` as a plain dict (the one ``input_`` holds)."""
        return self.input_.additional_properties
