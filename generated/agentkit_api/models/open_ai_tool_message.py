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
    from ..models.open_ai_image_part import OpenAIImagePart
    from ..models.open_ai_text_part import OpenAITextPart


T = TypeVar("T", bound="OpenAIToolMessage")


@_attrs_define
class OpenAIToolMessage:
    role: Literal["tool"]
    content: list[OpenAIImagePart | OpenAITextPart] | str
    """ Text, or a list of content parts. """
    tool_call_id: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.open_ai_text_part import OpenAITextPart

        role = self.role

        content: list[dict[str, Any]] | str
        if isinstance(self.content, list):
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

        tool_call_id = self.tool_call_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "role": role,
                "content": content,
                "tool_call_id": tool_call_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.open_ai_image_part import OpenAIImagePart
        from ..models.open_ai_text_part import OpenAITextPart

        d = dict(src_dict)
        role = cast(Literal["tool"], d.pop("role"))
        if role != "tool":
            raise ValueError(f"role must match const 'tool', got '{role}'")

        def _parse_content(
            data: object,
        ) -> list[OpenAIImagePart | OpenAITextPart] | str:
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
            return cast(list[OpenAIImagePart | OpenAITextPart] | str, data)

        content = _parse_content(d.pop("content"))

        tool_call_id = d.pop("tool_call_id")

        open_ai_tool_message = cls(
            role=role,
            content=content,
            tool_call_id=tool_call_id,
        )

        open_ai_tool_message.additional_properties = d
        return open_ai_tool_message

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
