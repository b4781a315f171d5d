from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.document_content_type import DocumentContentType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.metadata import Metadata


T = TypeVar("T", bound="DocumentCreate")


@_attrs_define
class DocumentCreate:
    content: str
    content_type: DocumentContentType | Unset = UNSET
    """ The kinds of document an index takes. """
    title: str | Unset = UNSET
    metadata: Metadata | Unset = UNSET
    """ Free-form JSON metadata kept with the object. """

    def to_dict(self) -> dict[str, Any]:
        content = self.content

        content_type: str | Unset = UNSET
        if not isinstance(self.content_type, Unset):
            content_type = self.content_type.value

        title = self.title

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "content": content,
            }
        )
        if content_type is not UNSET:
            field_dict["content_type"] = content_type
        if title is not UNSET:
            field_dict["title"] = title
        if metadata is not UNSET:
            field_dict["metadata"] = metadata

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.metadata import Metadata

        d = dict(src_dict)
        content = d.pop("content")

        _content_type = d.pop("content_type", UNSET)
        content_type: DocumentContentType | Unset
        if isinstance(_content_type, Unset):
            content_type = UNSET
        else:
            content_type = DocumentContentType(_content_type)

        title = d.pop("title", UNSET)

        _metadata = d.pop("metadata", UNSET)
        metadata: Metadata | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = Metadata.from_dict(_metadata)

        document_create = cls(
            content=content,
            content_type=content_type,
            title=title,
            metadata=metadata,
        )

        return document_create
