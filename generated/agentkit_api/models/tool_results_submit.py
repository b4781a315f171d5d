from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.client_tool_result import ClientToolResult
    from ..models.client_tool_spec import ClientToolSpec


T = TypeVar("T", bound="ToolResultsSubmit")


@_attrs_define
class ToolResultsSubmit:
    results: list[ClientToolResult]
    client_tools: list[ClientToolSpec] | Unset = UNSET
    """ Replaces the session's client tools from here on. """

    def to_dict(self) -> dict[str, Any]:
        results = []
        for results_item_data in self.results:
            results_item = results_item_data.to_dict()
            results.append(results_item)

        client_tools: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.client_tools, Unset):
            client_tools = []
            for client_tools_item_data in self.client_tools:
                client_tools_item = client_tools_item_data.to_dict()
                client_tools.append(client_tools_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "results": results,
            }
        )
        if client_tools is not UNSET:
            field_dict["client_tools"] = client_tools

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.client_tool_result import ClientToolResult
        from ..models.client_tool_spec import ClientToolSpec

        d = dict(src_dict)
        results = []
        _results = d.pop("results")
        for results_item_data in _results:
            results_item = ClientToolResult.from_dict(results_item_data)

            results.append(results_item)

        _client_tools = d.pop("client_tools", UNSET)
        client_tools: list[ClientToolSpec] | Unset = UNSET
        if _client_tools is not UNSET:
            client_tools = []
            for client_tools_item_data in _client_tools:
                client_tools_item = ClientToolSpec.from_dict(client_tools_item_data)

                client_tools.append(client_tools_item)

        tool_results_submit = cls(
            results=results,
            client_tools=client_tools,
        )

        return tool_results_submit
