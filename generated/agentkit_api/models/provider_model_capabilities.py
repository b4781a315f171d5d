from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ProviderModelCapabilities")


@_attrs_define
class ProviderModelCapabilities:
    """What the upstream said its model can do, when it says it (as an agentkit server does); only the capabilities it
    named.

    """

    chat: bool | Unset = UNSET
    streaming: bool | Unset = UNSET
    tool_calls: bool | Unset = UNSET
    vision: bool | Unset = UNSET
    thinking: bool | Unset = UNSET
    embeddings: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        chat = self.chat

        streaming = self.streaming

        tool_calls = self.tool_calls

        vision = self.vision

        thinking = self.thinking

        embeddings = self.embeddings

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if chat is not UNSET:
            field_dict["chat"] = chat
        if streaming is not UNSET:
            field_dict["streaming"] = streaming
        if tool_calls is not UNSET:
            field_dict["tool_calls"] = tool_calls
        if vision is not UNSET:
            field_dict["vision"] = vision
        if thinking is not UNSET:
            field_dict["thinking"] = thinking
        if embeddings is not UNSET:
            field_dict["embeddings"] = embeddings

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        chat = d.pop("chat", UNSET)

        streaming = d.pop("streaming", UNSET)

        tool_calls = d.pop("tool_calls", UNSET)

        vision = d.pop("vision", UNSET)

        thinking = d.pop("thinking", UNSET)

        embeddings = d.pop("embeddings", UNSET)

        provider_model_capabilities = cls(
            chat=chat,
            streaming=streaming,
            tool_calls=tool_calls,
            vision=vision,
            thinking=thinking,
            embeddings=embeddings,
        )

        provider_model_capabilities.additional_properties = d
        return provider_model_capabilities

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
