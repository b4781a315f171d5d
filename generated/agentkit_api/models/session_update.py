from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.client_tool_spec import ClientToolSpec
    from ..models.metadata import Metadata


T = TypeVar("T", bound="SessionUpdate")


@_attrs_define
class SessionUpdate:
    """Fields to change; `null` clears the title, prompt or model profile."""

    title: None | str | Unset = UNSET
    system_prompt: None | str | Unset = UNSET
    model_profile: None | str | Unset = UNSET
    index_ids: list[str] | Unset = UNSET
    client_tools: list[ClientToolSpec] | Unset = UNSET
    metadata: Metadata | Unset = UNSET
    """ Free-form JSON metadata kept with the object. """

    def to_dict(self) -> dict[str, Any]:
        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        system_prompt: None | str | Unset
        if isinstance(self.system_prompt, Unset):
            system_prompt = UNSET
        else:
            system_prompt = self.system_prompt

        model_profile: None | str | Unset
        if isinstance(self.model_profile, Unset):
            model_profile = UNSET
        else:
            model_profile = self.model_profile

        index_ids: list[str] | Unset = UNSET
        if not isinstance(self.index_ids, Unset):
            index_ids = self.index_ids

        client_tools: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.client_tools, Unset):
            client_tools = []
            for client_tools_item_data in self.client_tools:
                client_tools_item = client_tools_item_data.to_dict()
                client_tools.append(client_tools_item)

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if title is not UNSET:
            field_dict["title"] = title
        if system_prompt is not UNSET:
            field_dict["system_prompt"] = system_prompt
        if model_profile is not UNSET:
            field_dict["model_profile"] = model_profile
        if index_ids is not UNSET:
            field_dict["index_ids"] = index_ids
        if client_tools is not UNSET:
            field_dict["client_tools"] = client_tools
        if metadata is not UNSET:
            field_dict["metadata"] = metadata

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.client_tool_spec import ClientToolSpec
        from ..models.metadata import Metadata

        d = dict(src_dict)

        def _parse_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        def _parse_system_prompt(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        system_prompt = _parse_system_prompt(d.pop("system_prompt", UNSET))

        def _parse_model_profile(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        model_profile = _parse_model_profile(d.pop("model_profile", UNSET))

        index_ids = cast(list[str], d.pop("index_ids", UNSET))

        _client_tools = d.pop("client_tools", UNSET)
        client_tools: list[ClientToolSpec] | Unset = UNSET
        if _client_tools is not UNSET:
            client_tools = []
            for client_tools_item_data in _client_tools:
                client_tools_item = ClientToolSpec.from_dict(client_tools_item_data)

                client_tools.append(client_tools_item)

        _metadata = d.pop("metadata", UNSET)
        metadata: Metadata | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = Metadata.from_dict(_metadata)

        session_update = cls(
            title=title,
            system_prompt=system_prompt,
            model_profile=model_profile,
            index_ids=index_ids,
            client_tools=client_tools,
            metadata=metadata,
        )

        return session_update
