from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.chat_role import ChatRole
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.audio_part import AudioPart
    from ..models.data_part import DataPart
    from ..models.file_part import FilePart
    from ..models.image_part import ImagePart
    from ..models.metadata import Metadata
    from ..models.text_part import TextPart


T = TypeVar("T", bound="ChatMessage")


@_attrs_define
class ChatMessage:
    """A message of a chat. The reply of a turn the server stopped during (`TURN_INTERRUPTED`)
    is kept with the text streamed before the stop and `metadata` `{"status": "failed",
    "error": ErrorDetail}`.

    """

    id: str
    """ `msg_...` """
    role: ChatRole
    parts: list[AudioPart | DataPart | FilePart | ImagePart | TextPart]
    created_at: datetime.datetime
    metadata: Metadata | Unset = UNSET
    """ Free-form JSON metadata kept with the object. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.data_part import DataPart
        from ..models.file_part import FilePart
        from ..models.image_part import ImagePart
        from ..models.text_part import TextPart

        id = self.id

        role = self.role.value

        parts = []
        for parts_item_data in self.parts:
            parts_item: dict[str, Any]
            if (
                isinstance(parts_item_data, TextPart)
                or isinstance(parts_item_data, DataPart)
                or isinstance(parts_item_data, FilePart)
                or isinstance(parts_item_data, ImagePart)
            ):
                parts_item = parts_item_data.to_dict()
            else:
                parts_item = parts_item_data.to_dict()

            parts.append(parts_item)

        created_at = self.created_at.isoformat()

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "role": role,
                "parts": parts,
                "created_at": created_at,
            }
        )
        if metadata is not UNSET:
            field_dict["metadata"] = metadata

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.audio_part import AudioPart
        from ..models.data_part import DataPart
        from ..models.file_part import FilePart
        from ..models.image_part import ImagePart
        from ..models.metadata import Metadata
        from ..models.text_part import TextPart

        d = dict(src_dict)
        id = d.pop("id")

        role = ChatRole(d.pop("role"))

        parts = []
        _parts = d.pop("parts")
        for parts_item_data in _parts:

            def _parse_parts_item(
                data: object,
            ) -> AudioPart | DataPart | FilePart | ImagePart | TextPart:
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_part_type_0 = TextPart.from_dict(data)

                    return componentsschemas_part_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_part_type_1 = DataPart.from_dict(data)

                    return componentsschemas_part_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_part_type_2 = FilePart.from_dict(data)

                    return componentsschemas_part_type_2
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_part_type_3 = ImagePart.from_dict(data)

                    return componentsschemas_part_type_3
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_part_type_4 = AudioPart.from_dict(data)

                return componentsschemas_part_type_4

            parts_item = _parse_parts_item(parts_item_data)

            parts.append(parts_item)

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        _metadata = d.pop("metadata", UNSET)
        metadata: Metadata | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = Metadata.from_dict(_metadata)

        chat_message = cls(
            id=id,
            role=role,
            parts=parts,
            created_at=created_at,
            metadata=metadata,
        )

        chat_message.additional_properties = d
        return chat_message

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
