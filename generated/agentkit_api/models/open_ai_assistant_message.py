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

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.open_ai_image_part import OpenAIImagePart
    from ..models.open_ai_text_part import OpenAITextPart
    from ..models.open_ai_tool_call import OpenAIToolCall


T = TypeVar("T", bound="OpenAIAssistantMessage")


@_attrs_define
class OpenAIAssistantMessage:
    role: Literal["assistant"]
    content: list[OpenAIImagePart | OpenAITextPart] | None | str | Unset = UNSET
    name: str | Unset = UNSET
    refusal: None | str | Unset = UNSET
    tool_calls: list[OpenAIToolCall] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.open_ai_text_part import OpenAITextPart

        role = self.role

        content: list[dict[str, Any]] | None | str | Unset
        if isinstance(self.content, Unset):
            content = UNSET
        elif isinstance(self.content, list):
            content = []
            for (
                componentsschemas_open_ai_message_content_type_1_item_data
            ) in self.content:
                componentsschemas_open_ai_message_content_type_1_item: dict[str, Any]
                if isinstance(
                    componentsschemas_open_ai_message_content_type_1_item_data,
                    OpenAITextPart,
                ):
                    componentsschemas_open_ai_message_content_type_1_item = componentsschemas_open_ai_message_content_type_1_item_data.to_dict()
                else:
                    componentsschemas_open_ai_message_content_type_1_item = componentsschemas_open_ai_message_content_type_1_item_data.to_dict()

                content.append(componentsschemas_open_ai_message_content_type_1_item)

        else:
            content = self.content

        name = self.name

        refusal: None | str | Unset
        if isinstance(self.refusal, Unset):
            refusal = UNSET
        else:
            refusal = self.refusal

        tool_calls: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.tool_calls, Unset):
            tool_calls = []
            for tool_calls_item_data in self.tool_calls:
                tool_calls_item = tool_calls_item_data.to_dict()
                tool_calls.append(tool_calls_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "role": role,
            }
        )
        if content is not UNSET:
            field_dict["content"] = content
        if name is not UNSET:
            field_dict["name"] = name
        if refusal is not UNSET:
            field_dict["refusal"] = refusal
        if tool_calls is not UNSET:
            field_dict["tool_calls"] = tool_calls

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.open_ai_image_part import OpenAIImagePart
        from ..models.open_ai_text_part import OpenAITextPart
        from ..models.open_ai_tool_call import OpenAIToolCall

        d = dict(src_dict)
        role = cast(Literal["assistant"], d.pop("role"))
        if role != "assistant":
            raise ValueError(f"role must match const 'assistant', got '{role}'")

        def _parse_content(
            data: object,
        ) -> list[OpenAIImagePart | OpenAITextPart] | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                componentsschemas_open_ai_message_content_type_1 = []
                _componentsschemas_open_ai_message_content_type_1 = data
                for (
                    componentsschemas_open_ai_message_content_type_1_item_data
                ) in _componentsschemas_open_ai_message_content_type_1:

                    def _parse_componentsschemas_open_ai_message_content_type_1_item(
                        data: object,
                    ) -> OpenAIImagePart | OpenAITextPart:
                        try:
                            if not isinstance(data, dict):
                                raise TypeError()
                            componentsschemas_open_ai_content_part_type_0 = (
                                OpenAITextPart.from_dict(data)
                            )

                            return componentsschemas_open_ai_content_part_type_0
                        except (TypeError, ValueError, AttributeError, KeyError):
                            pass
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_open_ai_content_part_type_1 = (
                            OpenAIImagePart.from_dict(data)
                        )

                        return componentsschemas_open_ai_content_part_type_1

                    componentsschemas_open_ai_message_content_type_1_item = (
                        _parse_componentsschemas_open_ai_message_content_type_1_item(
                            componentsschemas_open_ai_message_content_type_1_item_data
                        )
                    )

                    componentsschemas_open_ai_message_content_type_1.append(
                        componentsschemas_open_ai_message_content_type_1_item
                    )

                return componentsschemas_open_ai_message_content_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(
                list[OpenAIImagePart | OpenAITextPart] | None | str | Unset, data
            )

        content = _parse_content(d.pop("content", UNSET))

        name = d.pop("name", UNSET)

        def _parse_refusal(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        refusal = _parse_refusal(d.pop("refusal", UNSET))

        _tool_calls = d.pop("tool_calls", UNSET)
        tool_calls: list[OpenAIToolCall] | Unset = UNSET
        if _tool_calls is not UNSET:
            tool_calls = []
            for tool_calls_item_data in _tool_calls:
                tool_calls_item = OpenAIToolCall.from_dict(tool_calls_item_data)

                tool_calls.append(tool_calls_item)

        open_ai_assistant_message = cls(
            role=role,
            content=content,
            name=name,
            refusal=refusal,
            tool_calls=tool_calls,
        )

        open_ai_assistant_message.additional_properties = d
        return open_ai_assistant_message

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
