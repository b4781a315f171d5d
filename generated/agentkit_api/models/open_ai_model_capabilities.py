from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="OpenAIModelCapabilities")


@_attrs_define
class OpenAIModelCapabilities:
    """What a model can do. For a provider's model: what the provider said when its models
    were refreshed (an agentkit server says it), otherwise what its id tells (an id
    naming `embed` embeds, any other chats and streams); what is not known is false.

    """

    chat: bool
    streaming: bool
    tool_calls: bool
    """ It can call the tools a completion request offers. """
    vision: bool
    """ It reads images. """
    thinking: bool
    """ It sends its reasoning (`reasoning_content`). """
    embeddings: bool
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
        field_dict.update(
            {
                "chat": chat,
                "streaming": streaming,
                "tool_calls": tool_calls,
                "vision": vision,
                "thinking": thinking,
                "embeddings": embeddings,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        chat = d.pop("chat")

        streaming = d.pop("streaming")

        tool_calls = d.pop("tool_calls")

        vision = d.pop("vision")

        thinking = d.pop("thinking")

        embeddings = d.pop("embeddings")

        open_ai_model_capabilities = cls(
            chat=chat,
            streaming=streaming,
            tool_calls=tool_calls,
            vision=vision,
            thinking=thinking,
            embeddings=embeddings,
        )

        open_ai_model_capabilities.additional_properties = d
        return open_ai_model_capabilities

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
