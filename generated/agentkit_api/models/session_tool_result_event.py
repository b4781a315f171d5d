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

from ..models.tool_result_status import ToolResultStatus

if TYPE_CHECKING:
    from ..models.json_object import JsonObject


T = TypeVar("T", bound="SessionToolResultEvent")


@_attrs_define
class SessionToolResultEvent:
    """SSE event `tool_result`: a tool's result (retrieval results list their chunks)."""

    type_: Literal["tool_result"]
    id: int
    session_id: str
    message_index: int
    tool_use_id: str
    tool_name: str
    status: ToolResultStatus
    output: JsonObject | None
    runtime_ms: int
    client: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.json_object import JsonObject

        type_ = self.type_

        id = self.id

        session_id = self.session_id

        message_index = self.message_index

        tool_use_id = self.tool_use_id

        tool_name = self.tool_name

        status = self.status.value

        output: dict[str, Any] | None
        if isinstance(self.output, JsonObject):
            output = self.output.to_dict()
        else:
            output = self.output

        runtime_ms = self.runtime_ms

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
                "status": status,
                "output": output,
                "runtime_ms": runtime_ms,
                "client": client,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.json_object import JsonObject

        d = dict(src_dict)
        type_ = cast(Literal["tool_result"], d.pop("type"))
        if type_ != "tool_result":
            raise ValueError(f"type must match const 'tool_result', got '{type_}'")

        id = d.pop("id")

        session_id = d.pop("session_id")

        message_index = d.pop("message_index")

        tool_use_id = d.pop("tool_use_id")

        tool_name = d.pop("tool_name")

        status = ToolResultStatus(d.pop("status"))

        def _parse_output(data: object) -> JsonObject | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                output_type_0 = JsonObject.from_dict(data)

                return output_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(JsonObject | None, data)

        output = _parse_output(d.pop("output"))

        runtime_ms = d.pop("runtime_ms")

        client = d.pop("client")

        session_tool_result_event = cls(
            type_=type_,
            id=id,
            session_id=session_id,
            message_index=message_index,
            tool_use_id=tool_use_id,
            tool_name=tool_name,
            status=status,
            output=output,
            runtime_ms=runtime_ms,
            client=client,
        )

        session_tool_result_event.additional_properties = d
        return session_tool_result_event

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
    def type(self) -> Literal["tool_result"]:
        """``type``, by its wire name (the same as ``type_``)."""
        return self.type_
