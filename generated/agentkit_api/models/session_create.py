from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.client_tool_spec import ClientToolSpec
    from ..models.metadata import Metadata


T = TypeVar("T", bound="SessionCreate")


@_attrs_define
class SessionCreate:
    agent_id: str
    """ The agent that answers in the session. """
    index_ids: list[str] | Unset = UNSET
    system_prompt: str | Unset = UNSET
    model_profile: str | Unset = UNSET
    client_tools: list[ClientToolSpec] | Unset = UNSET
    title: str | Unset = UNSET
    metadata: Metadata | Unset = UNSET
    """ Free-form JSON metadata kept with the object. """

    def to_dict(self) -> dict[str, Any]:
        agent_id = self.agent_id

        index_ids: list[str] | Unset = UNSET
        if not isinstance(self.index_ids, Unset):
            index_ids = self.index_ids

        system_prompt = self.system_prompt

        model_profile = self.model_profile

        client_tools: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.client_tools, Unset):
            client_tools = []
            for client_tools_item_data in self.client_tools:
                client_tools_item = client_tools_item_data.to_dict()
                client_tools.append(client_tools_item)

        title = self.title

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "agent_id": agent_id,
            }
        )
        if index_ids is not UNSET:
            field_dict["index_ids"] = index_ids
        if system_prompt is not UNSET:
            field_dict["system_prompt"] = system_prompt
        if model_profile is not UNSET:
            field_dict["model_profile"] = model_profile
        if client_tools is not UNSET:
            field_dict["client_tools"] = client_tools
        if title is not UNSET:
            field_dict["title"] = title
        if metadata is not UNSET:
            field_dict["metadata"] = metadata

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.client_tool_spec import ClientToolSpec
        from ..models.metadata import Metadata

        d = dict(src_dict)
        agent_id = d.pop("agent_id")

        index_ids = cast(list[str], d.pop("index_ids", UNSET))

        system_prompt = d.pop("system_prompt", UNSET)

        model_profile = d.pop("model_profile", UNSET)

        _client_tools = d.pop("client_tools", UNSET)
        client_tools: list[ClientToolSpec] | Unset = UNSET
        if _client_tools is not UNSET:
            client_tools = []
            for client_tools_item_data in _client_tools:
                client_tools_item = ClientToolSpec.from_dict(client_tools_item_data)

                client_tools.append(client_tools_item)

        title = d.pop("title", UNSET)

        _metadata = d.pop("metadata", UNSET)
        metadata: Metadata | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = Metadata.from_dict(_metadata)

        session_create = cls(
            agent_id=agent_id,
            index_ids=index_ids,
            system_prompt=system_prompt,
            model_profile=model_profile,
            client_tools=client_tools,
            title=title,
            metadata=metadata,
        )

        return session_create
