from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.session_message_status import SessionMessageStatus
from ..models.session_role import SessionRole

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


T = TypeVar("T", bound="SessionMessage")


@_attrs_define
class SessionMessage:
    index: int
    """ The message's place in the session """
    id: str
    """ `msg_...` """
    role: SessionRole
    """ `tool` messages hold tool results. """
    status: SessionMessageStatus
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
    created_at: datetime.datetime
    updated_at: datetime.datetime
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

        index = self.index

        id = self.id

        role = self.role.value

        status = self.status.value

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

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "index": index,
                "id": id,
                "role": role,
                "status": status,
                "content": content,
                "created_at": created_at,
                "updated_at": updated_at,
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
        index = d.pop("index")

        id = d.pop("id")

        role = SessionRole(d.pop("role"))

        status = SessionMessageStatus(d.pop("status"))

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

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        session_message = cls(
            index=index,
            id=id,
            role=role,
            status=status,
            content=content,
            created_at=created_at,
            updated_at=updated_at,
        )

        session_message.additional_properties = d
        return session_message

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
