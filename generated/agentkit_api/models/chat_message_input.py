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

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.audio_part import AudioPart
    from ..models.data_part import DataPart
    from ..models.file_part import FilePart
    from ..models.image_part import ImagePart
    from ..models.metadata import Metadata
    from ..models.text_part import TextPart


T = TypeVar("T", bound="ChatMessageInput")


@_attrs_define
class ChatMessageInput:
    parts: list[AudioPart | DataPart | FilePart | ImagePart | TextPart]
    role: Literal["user"] | Unset = UNSET
    """ Only users send messages; the agent's replies come back from the server. """
    metadata: Metadata | Unset = UNSET
    """ Free-form JSON metadata kept with the object. """

    def to_dict(self) -> dict[str, Any]:
        from ..models.data_part import DataPart
        from ..models.file_part import FilePart
        from ..models.image_part import ImagePart
        from ..models.text_part import TextPart

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

        role = self.role

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "parts": parts,
            }
        )
        if role is not UNSET:
            field_dict["role"] = role
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

        role = cast(Literal["user"] | Unset, d.pop("role", UNSET))
        if role != "user" and not isinstance(role, Unset):
            raise ValueError(f"role must match const 'user', got '{role}'")

        _metadata = d.pop("metadata", UNSET)
        metadata: Metadata | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = Metadata.from_dict(_metadata)

        chat_message_input = cls(
            parts=parts,
            role=role,
            metadata=metadata,
        )

        return chat_message_input
