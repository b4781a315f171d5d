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
    from ..models.metadata import Metadata


T = TypeVar("T", bound="ChatMetadataEvent")


@_attrs_define
class ChatMetadataEvent:
    """SSE event `metadata`: the first event of a turn; names the chat and the reply message."""

    type_: Literal["metadata"]
    chat_id: str
    message_id: str
    trace_id: None | str
    metadata: Metadata
    """ Free-form JSON metadata kept with the object. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        chat_id = self.chat_id

        message_id = self.message_id

        trace_id: None | str
        trace_id = self.trace_id

        metadata = self.metadata.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "chat_id": chat_id,
                "message_id": message_id,
                "trace_id": trace_id,
                "metadata": metadata,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.metadata import Metadata

        d = dict(src_dict)
        type_ = cast(Literal["metadata"], d.pop("type"))
        if type_ != "metadata":
            raise ValueError(f"type must match const 'metadata', got '{type_}'")

        chat_id = d.pop("chat_id")

        message_id = d.pop("message_id")

        def _parse_trace_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        trace_id = _parse_trace_id(d.pop("trace_id"))

        metadata = Metadata.from_dict(d.pop("metadata"))

        chat_metadata_event = cls(
            type_=type_,
            chat_id=chat_id,
            message_id=message_id,
            trace_id=trace_id,
            metadata=metadata,
        )

        chat_metadata_event.additional_properties = d
        return chat_metadata_event

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
    def type(self) -> Literal["metadata"]:
        """``type``, by its wire name (the same as ``type_``)."""
        return self.type_
