from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.tool_result_status import ToolResultStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.json_object import JsonObject


T = TypeVar("T", bound="ClientToolResult")


@_attrs_define
class ClientToolResult:
    tool_use_id: str
    status: ToolResultStatus
    tool_name: str | Unset = UNSET
    output: JsonObject | None | Unset = UNSET
    runtime_ms: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.json_object import JsonObject

        tool_use_id = self.tool_use_id

        status = self.status.value

        tool_name = self.tool_name

        output: dict[str, Any] | None | Unset
        if isinstance(self.output, Unset):
            output = UNSET
        elif isinstance(self.output, JsonObject):
            output = self.output.to_dict()
        else:
            output = self.output

        runtime_ms = self.runtime_ms

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "tool_use_id": tool_use_id,
                "status": status,
            }
        )
        if tool_name is not UNSET:
            field_dict["tool_name"] = tool_name
        if output is not UNSET:
            field_dict["output"] = output
        if runtime_ms is not UNSET:
            field_dict["runtime_ms"] = runtime_ms

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.json_object import JsonObject

        d = dict(src_dict)
        tool_use_id = d.pop("tool_use_id")

        status = ToolResultStatus(d.pop("status"))

        tool_name = d.pop("tool_name", UNSET)

        def _parse_output(data: object) -> JsonObject | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                output_type_0 = JsonObject.from_dict(data)

                return output_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(JsonObject | None | Unset, data)

        output = _parse_output(d.pop("output", UNSET))

        runtime_ms = d.pop("runtime_ms", UNSET)

        client_tool_result = cls(
            tool_use_id=tool_use_id,
            status=status,
            tool_name=tool_name,
            output=output,
            runtime_ms=runtime_ms,
        )

        return client_tool_result
