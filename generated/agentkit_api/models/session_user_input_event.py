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
    from ..models.audio_part import AudioPart
    from ..models.data_part import DataPart
    from ..models.error_block import ErrorBlock
    from ..models.file_part import FilePart
    from ..models.image_part import ImagePart
    from ..models.text_part import TextPart
    from ..models.thinking_block import ThinkingBlock
    from ..models.tool_result_block import ToolResultBlock
    from ..models.tool_use_block import ToolUseBlock


T = TypeVar("T", bound="SessionUserInputEvent")


@_attrs_define
class SessionUserInputEvent:
    """SSE event `user_input`: the user's message, as stored."""

    type_: Literal["user_input"]
    id: int
    session_id: str
    message_index: int
    content: list[
        AudioPart
        | DataPart
        | ErrorBlock
        | FilePart
        | ImagePart
        | TextPart
        | ThinkingBlock
        | ToolResultBlock
        | ToolUseBlock
    ]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.data_part import DataPart
        from ..models.error_block import ErrorBlock
        from ..models.file_part import FilePart
        from ..models.image_part import ImagePart
        from ..models.text_part import TextPart
        from ..models.thinking_block import ThinkingBlock
        from ..models.tool_result_block import ToolResultBlock
        from ..models.tool_use_block import ToolUseBlock

        type_ = self.type_

        id = self.id

        session_id = self.session_id

        message_index = self.message_index

        content = []
        for content_item_data in self.content:
            content_item: dict[str, Any]
            if (
                isinstance(content_item_data, TextPart)
                or isinstance(content_item_data, ThinkingBlock)
                or isinstance(content_item_data, ToolUseBlock)
                or isinstance(content_item_data, ToolResultBlock)
                or isinstance(content_item_data, ErrorBlock)
                or isinstance(content_item_data, DataPart)
                or isinstance(content_item_data, FilePart)
                or isinstance(content_item_data, ImagePart)
            ):
                content_item = content_item_data.to_dict()
            else:
                content_item = content_item_data.to_dict()

            content.append(content_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "id": id,
                "session_id": session_id,
                "message_index": message_index,
                "content": content,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.audio_part import AudioPart
        from ..models.data_part import DataPart
        from ..models.error_block import ErrorBlock
        from ..models.file_part import FilePart
        from ..models.image_part import ImagePart
        from ..models.text_part import TextPart
        from ..models.thinking_block import ThinkingBlock
        from ..models.tool_result_block import ToolResultBlock
        from ..models.tool_use_block import ToolUseBlock

        d = dict(src_dict)
        type_ = cast(Literal["user_input"], d.pop("type"))
        if type_ != "user_input":
            raise ValueError(f"type must match const 'user_input', got '{type_}'")

        id = d.pop("id")

        session_id = d.pop("session_id")

        message_index = d.pop("message_index")

        content = []
        _content = d.pop("content")
        for content_item_data in _content:

            def _parse_content_item(
                data: object,
            ) -> (
                AudioPart
                | DataPart
                | ErrorBlock
                | FilePart
                | ImagePart
                | TextPart
                | ThinkingBlock
                | ToolResultBlock
                | ToolUseBlock
            ):
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_content_block_type_0 = TextPart.from_dict(data)

                    return componentsschemas_content_block_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_content_block_type_1 = ThinkingBlock.from_dict(
                        data
                    )

                    return componentsschemas_content_block_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_content_block_type_2 = ToolUseBlock.from_dict(
                        data
                    )

                    return componentsschemas_content_block_type_2
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_content_block_type_3 = ToolResultBlock.from_dict(
                        data
                    )

                    return componentsschemas_content_block_type_3
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_content_block_type_4 = ErrorBlock.from_dict(data)

                    return componentsschemas_content_block_type_4
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_content_block_type_5 = DataPart.from_dict(data)

                    return componentsschemas_content_block_type_5
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_content_block_type_6 = FilePart.from_dict(data)

                    return componentsschemas_content_block_type_6
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_content_block_type_7 = ImagePart.from_dict(data)

                    return componentsschemas_content_block_type_7
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_content_block_type_8 = AudioPart.from_dict(data)

                return componentsschemas_content_block_type_8

            content_item = _parse_content_item(content_item_data)

            content.append(content_item)

        session_user_input_event = cls(
            type_=type_,
            id=id,
            session_id=session_id,
            message_index=message_index,
            content=content,
        )

        session_user_input_event.additional_properties = d
        return session_user_input_event

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
    def type(self) -> Literal["user_input"]:
        """``type``, by its wire name (the same as ``type_``)."""
        return self.type_
